"""Faults on separate hosts: partitions, crashes, a database going away, hostile neighbours and
visitors, isolation, clock skew. Each test leaves the federation healthy for the next."""
import json
import os
import random
import signal
import socket
import subprocess
import time

from conftest import WORK, get, url, wait_until
from federation import freeze
import topology


def test_isolation(federation):
    # From website-a's host: db-b has no name and no route; website-b answers by name.
    assert federation.in_host("website-a", "getent", "hosts", "db-b", check=False).returncode != 0
    probe = "import socket,sys\ntry:\n socket.create_connection(('%s', 5432), timeout=2)\nexcept OSError:\n sys.exit(1)" % \
        topology.DATABASES["db-b"]
    assert federation.in_host("website-a", "python3", "-c", probe, check=False).returncode == 1
    assert federation.in_host("website-a", "curl", "-fsS", "--max-time", "3", "http://website-b:8080/readyz").stdout == "ready\n"
    # Its own database it does reach.
    assert federation.sql("a", "SELECT 1") == "1"


def test_partition_and_heal(federation):
    acknowledged = {}

    def lookups(round_):
        for node in topology.NODES:
            for i in range(3):
                name = f"part{round_}{i}"
                if federation.lookup(node, name):
                    acknowledged[name] = acknowledged.get(name, 0) + 1

    lookups(0)
    port = topology.switch_port("website-b", "br-fed")
    subprocess.run(["ip", "-n", topology.SWITCH, "link", "set", port, "down"], check=True)
    try:
        lookups(1)
        lookups(2)
        # website-b's own lookups of rounds 1 and 2 cannot reach website-a while it is cut off.
        assert wait_until(lambda: federation.digest("a") != federation.digest("b"), 10, 0.2), "website-b was not cut off"
        # Unreachable is not gone: website-a keeps website-b as a neighbour and reports the trouble.
        states = {p["name"]: p["state"] for p in json.loads(get(url("a", "/api/v1/peers"))[1])["peers"]}
        assert states["website-b"] != "removed", states
    finally:
        subprocess.run(["ip", "-n", topology.SWITCH, "link", "set", port, "up"], check=True)
    lookups(3)
    healed = time.monotonic()
    assert federation.converged(90), "the nodes did not reach identical state after healing"
    federation.figure("partition: seconds from heal to identical state", round(time.monotonic() - healed, 2))
    federation.figure("partition: lookups acknowledged", sum(acknowledged.values()))
    for name, count in acknowledged.items():
        for node in topology.NODES:
            assert federation.total(node, name) == count, (node, name)


def test_crash_while_merging(federation):
    origin = federation.ids["a"]
    federation.sql("a", f"""INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at)
        SELECT '{origin}', 'crash' || i, i, now() FROM generate_series(1, 20000) AS i""")
    expected = federation.sql("a", "SELECT sum(count) FROM lookup_counts WHERE name_key LIKE 'crash%'")
    random.seed(7)

    def merged():
        return int(federation.sql("b", "SELECT count(*) FROM lookup_counts WHERE name_key LIKE 'crash%'"))

    kills_while_merging = 0
    for _ in range(20):
        before = merged()
        federation.restart_node("b", signal.SIGKILL, SYNC_BATCH_SIZE=200)
        # Kill only once this run has merged something, at a random moment after that.
        if wait_until(lambda: merged() > before, 20, 0.02):
            kills_while_merging += 1
        time.sleep(random.uniform(0, 0.1))
    federation.figure("crash: kills after merging had started (of 20)", kills_while_merging)
    assert kills_while_merging >= 15
    federation.restart_node("b", signal.SIGKILL)
    restarted = time.monotonic()
    merged_at_kills = federation.sql("b", "SELECT count(*) FROM lookup_counts WHERE name_key LIKE 'crash%'")
    assert wait_until(lambda: federation.sql("b", "SELECT sum(count) FROM lookup_counts WHERE name_key LIKE 'crash%'")
                      == expected, 240, 0.5), f"b did not finish the backlog (had {merged_at_kills} rows after the kills)"
    assert federation.sql("b", "SELECT count(*) FROM lookup_counts WHERE name_key LIKE 'crash%'") == "20000"
    federation.figure("crash: rows merged when the 20 kills were over", int(merged_at_kills))
    federation.figure("crash: seconds to finish the backlog after the last restart", round(time.monotonic() - restarted, 2))
    assert federation.converged(240)


def test_database_down(federation):
    # Before the fault: a looked-up name (retried while the previous test's backlog still loads the machine).
    assert wait_until(lambda: federation.lookup("a", "dbdown"), 30, 1), "website-a answers no lookups before the fault"
    subprocess.run(["ip", "netns", "exec", "db-a", "runuser", "-u", "postgres", "--", f"{federation.bin}/pg_ctl",
                    "-D", f"{WORK}/a-data", "-m", "immediate", "stop"], check=True, capture_output=True)
    federation.processes["db-a"].wait(timeout=10)
    try:
        timings = []
        for _ in range(5):
            started = time.monotonic()
            status, body = get(url("a", "/heads/dbdown"))
            timings.append(time.monotonic() - started)
            assert status == 503 and b"database" in body
        assert max(timings) < 2, timings
        federation.figure("database down: slowest 503 of 5 (s)", round(max(timings), 3))
        assert get(url("a", "/healthz"))[0] == 200
        assert get(url("a", "/readyz"))[0] == 503
        assert federation.processes["website-a"].poll() is None, "website-a crashed"
        # The others are unaffected.
        assert get(url("b", "/heads/dbdownb"))[0] == 200
    finally:
        federation.start_database("a")
    back = time.monotonic()
    assert wait_until(lambda: get(url("a", "/heads/dbdown"))[0] == 200, 30), "website-a did not recover"
    federation.figure("database down: seconds from restart to a 200 page", round(time.monotonic() - back, 2))
    assert federation.converged(90)


def test_database_paused(federation):
    """db-a's PostgreSQL frozen with SIGSTOP: connections stay open but nothing answers. With the
    default timeouts (DATABASE_TIMEOUT_SECONDS 5), the first page after it answers 503 within a
    second (the node's watch notices the database first, and the page's query gives up), and the
    node says ready again within a second of the database answering."""
    # Before the fault: a looked-up name (retried while the previous test's backlog still loads the machine).
    assert wait_until(lambda: federation.lookup("a", "dbpaused"), 30, 1), "website-a answers no lookups before the fault"
    pids = freeze("db-a")
    try:
        timings = []
        for _ in range(3):
            started = time.monotonic()
            status, _ = get(url("a", "/heads/dbpaused"), timeout=10)
            timings.append(time.monotonic() - started)
            assert status == 503
        assert timings[0] < 1, timings
        # The breaker: once open the node answers 503 at once, and is not ready.
        assert max(timings[1:]) < 0.3, timings
        assert get(url("a", "/readyz"), timeout=5)[0] == 503
        federation.figure("database paused: first 503 (s)", round(timings[0], 3))
        federation.figure("database paused: later 503s with the breaker open (s)", round(max(timings[1:]), 4))
        assert get(url("c", "/heads/dbpausedc"))[0] == 200
    finally:
        for pid in pids:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
    resumed = time.monotonic()
    assert wait_until(lambda: get(url("a", "/readyz"), timeout=5)[0] == 200, 30, 0.05), "website-a did not recover"
    ready = time.monotonic() - resumed
    federation.figure("database paused: seconds from resume to ready", round(ready, 2))
    assert ready < 1, ready
    assert wait_until(lambda: get(url("a", "/heads/dbpaused"))[0] == 200, 30), "website-a serves no page"
    assert federation.converged(90)


def test_restore_into_a_new_cluster(federation):
    """website-a's database dumped (pg_dump) and restored into a fresh cluster (initdb, pg_restore)
    as an operator restores: website-a stopped, its database replaced, website-a started again.
    The node starts a new feed epoch; website-b, which kept running, starts over from it once it
    asks again (it backs off, up to 30 s, while website-a is away), and from then on website-a's
    lookups reach website-b within 2 s."""
    assert wait_until(lambda: federation.lookup("a", "beforerestore"), 30, 1)
    assert federation.converged(90)
    dump = f"{WORK}/a.dump"
    federation.in_host("website-a", f"{federation.bin}/pg_dump", "-h", "db-a", "-U", "postgres", "-Fc", "-f", dump,
                       "postgres")
    federation.stop("website-a")
    subprocess.run(["ip", "netns", "exec", "db-a", "runuser", "-u", "postgres", "--", f"{federation.bin}/pg_ctl",
                    "-D", f"{WORK}/a-data", "-m", "fast", "stop"], check=True, capture_output=True)
    federation.stop("db-a")  # waits until no process of it is left (the wrapper included)
    os.rename(f"{WORK}/a-data", f"{WORK}/a-data-before-restore")
    federation.start_database("a")  # a fresh initdb: another cluster
    restored = federation.in_host("website-a", f"{federation.bin}/pg_restore", "-h", "db-a", "-U", "postgres",
                                  "-d", "postgres", "--no-owner", dump, check=False)
    assert restored.returncode == 0, restored.stderr[-2000:]
    federation.start_node("a")
    assert federation.node_id("a") == federation.ids["a"], "the restored node keeps its identity"
    assert federation.lookup("a", "afterrestore")
    started = time.monotonic()
    assert wait_until(lambda: federation.total("b", "afterrestore") >= 1, 60, 0.05), \
        "website-b did not receive the restored node's new lookup"
    federation.figure("restore: seconds from the first lookup on the restored node to its neighbour",
                      round(time.monotonic() - started, 2))
    started = time.monotonic()
    assert federation.lookup("a", "afterrestore2")
    assert wait_until(lambda: federation.total("b", "afterrestore2") >= 1, 30, 0.05)
    seconds = time.monotonic() - started
    federation.figure("restore: seconds from a later lookup on the restored node to its neighbour", round(seconds, 2))
    assert seconds < 2, seconds
    assert federation.converged(90)


def test_hostile_neighbours(federation):
    federation.spawn("hostile", "hostile", ["python3", os.path.join(os.path.dirname(__file__), "hostile.py"),
                                            federation.ids["c"]])
    try:
        def listening():
            try:
                for port in range(8081, 8087):
                    socket.create_connection((topology.ADDRESSES["hostile"], port), timeout=1).close()
                return True
            except OSError:
                return False
        assert wait_until(listening, 20, 0.1), "the hostile neighbours did not start"
        hostile = [f"http://{topology.ADDRESSES['hostile']}:{port}" for port in (8081, 8082, 8083, 8084, 8085, 8086)]
        rss_before = rss(federation.processes["website-a"].pid)
        federation.write_peers("a", ["website-b", "website-c"] + hostile)
        # Not a wait for a condition: the window over which the hostile ports' request counts
        # (the backoff) are measured.
        time.sleep(20)
        peers = json.loads(get(url("a", "/api/v1/peers"))[1])["peers"]
        names = {p["name"]: p for p in peers}
        assert names["hostile-8085"]["rejectedTotal"] == 2
        # Signed lies are rejected each for its reason; the plausible record next to them is kept.
        liar = names["hostile-8086"]["nodeId"]
        document = json.loads(get(url("a", "/api/v1/peers"))[1].decode())
        reasons = {r["reason"]: r["total"] for r in document["rejections"] if r["neighbour"] == liar}
        assert reasons == {"count_too_large": 2, "future_time": 1, "past_time": 1}, reasons
        assert federation.sql("a", "SELECT count(*) FROM lookup_counts WHERE name_key = 'hostileplausible'") == "1"
        assert federation.sql("a", "SELECT count(*) FROM lookup_counts WHERE name_key IN ('notch', 'hostileold') "
                                   f"AND origin <> '{federation.ids['a']}'") == "0"
        assert get(url("a", "/heads/Notch"))[0] == 200
        assert b"count too large: 2" in get(url("a", "/federation"))[1]
        for port in (8081, 8082, 8083, 8084):
            assert names[f"hostile-{port}"]["state"] in ("error", "discovered"), names[f"hostile-{port}"]
        with open(f"{WORK}/hostile-counts.json") as file:
            counts = {int(k): v for k, v in json.load(file).items()}
        for port in (8082, 8083, 8084):
            assert 1 <= counts.get(port, 0) <= 12, f"no backoff from {port}: {counts}"
        # Pages stay fast and memory bounded; syncing with the honest nodes goes on.
        timings = []
        for _ in range(10):
            started = time.monotonic()
            assert get(url("a", "/"))[0] == 200
            timings.append(time.monotonic() - started)
        assert sorted(timings)[5] < 0.5, timings
        growth = rss(federation.processes["website-a"].pid) - rss_before
        assert growth < 100, "memory grew"
        federation.figure("hostile: changes requests per hostile port in 20 s", counts)
        federation.figure("hostile: median front page time (s)", round(sorted(timings)[5], 4))
        federation.figure("hostile: RSS growth of website-a (MiB)", round(growth, 1))
        assert federation.lookup("b", "afterhostile")
        assert wait_until(lambda: federation.total("a", "afterhostile") == 1, 20)
        assert federation.sql("a", "SELECT count(*) FROM lookup_counts WHERE name_key IN ('hostilebad','hostilestolen')") == "0"
        assert federation.sql("a", "SELECT count(*) FROM lookup_counts WHERE name_key = 'hostilegood'") == "1"
    finally:
        federation.write_peers("a", ["website-a", "website-b", "website-c"])
        federation.stop("hostile", signal.SIGKILL)


def rss(pid):
    """Resident memory of the website process (the child of `ip netns exec`), MiB."""
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    target = children[0] if children else pid
    with open(f"/proc/{target}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def test_hostile_visitors(federation):
    base = url("a")
    assert get(f"{base}/display_skin?username={'a' * 9000}")[0] == 414
    status = post_status(f"{topology.ADDRESSES['website-a']}", 100_000)
    assert status == 413
    status, body = get(f"{base}/display_skin?username=%3Cscript%3Ealert(1)%3C/script%3E")
    assert status == 400 and b"<script>alert" not in body and b"&lt;script&gt;" in body
    assert get(f"{base}/heads/x%27%3B%20DROP%20TABLE%20profiles%3B--")[0] == 400
    # A client that trickles its request is cut off by the idle timeout while others are served.
    slow = socket.create_connection((topology.ADDRESSES["website-a"], 8080), timeout=10)
    slow.sendall(b"GET / HTTP/1.1\r\nHost: a\r\n")
    started = time.monotonic()
    closed = False
    while time.monotonic() - started < 15:
        assert get(f"{base}/healthz", timeout=2)[0] == 200
        try:
            time.sleep(3)
            slow.sendall(b"X")
            slow.settimeout(0.5)
            if slow.recv(1) == b"":
                closed = True
                break
        except (BrokenPipeError, ConnectionResetError):
            closed = True
            break
        except socket.timeout:
            pass
    slow.close()
    assert closed, "the trickling client was never cut off"
    federation.figure("visitors: seconds until the trickling client was cut off", round(time.monotonic() - started, 1))


def post_status(host, size):
    with socket.create_connection((host, 8080), timeout=10) as connection:
        connection.sendall(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: %d\r\n\r\n" % size)
        connection.sendall(b"A" * 1000)
        return int(connection.recv(100).split()[1])


def test_clock_skew(federation):
    """Within the tolerance (website-c two minutes ahead) every node keeps the same winner, whatever
    arrives first. An hour ahead, c's records timed by its clock (profiles) are rejected by its
    neighbours, the reason shows on their federation pages, and everything else keeps syncing."""
    federation.stop("website-c")
    federation.start_node("c", wrapper=("faketime", "-f", "+120s"), FAKETIME_DONT_FAKE_MONOTONIC="1")
    c_id = federation.ids["c"]
    try:
        name = "skewsmall"
        assert federation.lookup("c", name)
        assert federation.lookup("a", name)
        assert federation.converged(60)
        winners = {federation.sql(node, f"SELECT origin || ' ' || resolved_at FROM profiles WHERE name_key = '{name}'")
                   for node in topology.NODES}
        assert len(winners) == 1 and winners != {""}

        federation.stop("website-c")
        federation.start_node("c", wrapper=("faketime", "-f", "+1h"), FAKETIME_DONT_FAKE_MONOTONIC="1")
        assert federation.lookup("c", "skewbig")
        assert wait_until(lambda: b"future time" in get(url("b", "/federation"))[1], 30, 0.5), \
            "website-b's federation page should show c's records rejected as timed in the future"
        # c's profile is timed by c's clock (an hour ahead): rejected. Its counters are timed by its
        # database's clock (not skewed here), so they still sync.
        assert federation.sql("b", f"SELECT count(*) FROM profiles WHERE origin = '{c_id}' "
                                   "AND name_key = 'skewbig'") == "0"
        # Everything else keeps syncing: a lookup on a reaches c through b.
        assert federation.lookup("a", "afterskew")
        assert wait_until(lambda: federation.total("c", "afterskew") >= 1, 30, 0.5)
    finally:
        federation.stop("website-c")
        # c's own rows timed an hour ahead would stay rejected for an hour: remove them.
        federation.sql("c", "DELETE FROM lookup_counts WHERE last_lookup_at > now() + interval '5 minutes'")
        federation.sql("c", "DELETE FROM profiles WHERE resolved_at > now() + interval '5 minutes'")
        federation.start_node("c")
