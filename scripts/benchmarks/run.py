"""scripts/bench: B1–B7 of the benchmark issues, side by side in one run, each as a ratio against
its ceiling. Loopback only; every load loop is bounded in count and time."""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(__file__))
from harness import (  # noqa: E402
    Cluster, FeedWatcher, cpu_seconds, get, head, make_database, node_id, psql, rss_mib, wait_until, wrk)

RESULTS = []


def report(key, what, value, ceiling=None, unit="", target=""):
    ratio = f"{100 * value / ceiling:.0f} %" if ceiling else ""
    line = {"id": key, "what": what, "value": value, "ceiling": ceiling, "ratio": ratio, "unit": unit, "target": target}
    RESULTS.append(line)
    ceiling_text = f"{ceiling:,.0f} {unit}" if ceiling else "—"
    print(f"{key:4} {what:58} {value:>12,.1f} {unit:9} ceiling {ceiling_text:>16}  {ratio:>6}  target {target}", flush=True)


def b1(seconds):
    # The counted page against the floor (issue 35): a minimal Hummingbird + postgres-nio server
    # doing one durable upsert per request and answering a page of the same size, on the same
    # PostgreSQL, measured alternately (node, floor, node, floor) at each concurrency. Its ratio to
    # /healthz, which counts nothing, stays printed for continuity.
    per_run = max(3, seconds * 6 // 10)
    with Cluster() as cluster:
        url, _, _ = cluster.node(DATABASE_SYNCHRONOUS_COMMIT="on")
        floor = cluster.floor()
        assert get(f"{url}/display_skin?username=alice")[0] == 200
        assert get(f"{floor}/heads/alice")[0] == 200
        acknowledged = 1
        for connections in (1, 4, 64):
            node_rates, floor_rates = [], []
            for _ in range(2):
                rate, total, errors = wrk(f"{url}/display_skin?username=alice", connections, per_run)
                assert errors == 0, f"{errors} failed page requests"
                node_rates.append(rate)
                acknowledged += total
                rate, _, errors = wrk(f"{floor}/heads/alice", connections, per_run)
                assert errors == 0, f"{errors} failed floor requests"
                floor_rates.append(rate)
            ceiling, _, _ = wrk(f"{url}/healthz", connections, per_run)
            node_rate, floor_rate = statistics.mean(node_rates), statistics.mean(floor_rates)
            report("B1", f"counted page ÷ floor, wrk -c{connections}, durable", node_rate, floor_rate, "req/s",
                   "≥ 300 %" if connections == 64 else "≥ 80 %")
            report("B1", f"  the same ÷ /healthz (floor {' / '.join(f'{r:,.0f}' for r in floor_rates)}, "
                   f"node {' / '.join(f'{r:,.0f}' for r in node_rates)})", node_rate, ceiling, "req/s", "")
        # Nothing acknowledged is lost: the stored count covers every 2xx wrk saw (wrk may stop
        # counting answers still in flight at its deadline, so the count may be higher, never lower).
        stored = (head(url, "alice") or {}).get("totalCount", 0)
        assert stored >= acknowledged, f"{acknowledged} lookups acknowledged, {stored} counted"
        print(f"     acknowledged {acknowledged:,} lookups of alice, counted {stored:,}: none lost", flush=True)
    with Cluster() as cluster:
        url, _, _ = cluster.node(DATABASE_SYNCHRONOUS_COMMIT="off")
        assert get(f"{url}/display_skin?username=alice")[0] == 200
        for connections in (4, 64):
            ceiling, _, _ = wrk(f"{url}/healthz", connections, seconds)
            rate, _, errors = wrk(f"{url}/display_skin?username=alice", connections, seconds)
            assert errors == 0, f"{errors} failed page requests"
            report("B1", f"cached /display_skin, wrk -c{connections}, synchronous_commit=off", rate, ceiling,
                   "req/s", "")
    # The same page as a federation shows it: the name counted on two nodes, so the page labels a
    # neighbour's row too (its node record's name).
    with Cluster() as cluster:
        a, _, _ = cluster.node(name="a")
        url, _, _ = cluster.node(name="b", PEERS=a)
        for node in (a, url):
            assert get(f"{node}/display_skin?username=alice")[0] == 200
        assert wait_until(lambda: len((head(url, "alice") or {}).get("perNode", [])) == 2, 30, 0.1), \
            "a's counter never reached b"
        ceiling, _, _ = wrk(f"{url}/healthz", 64, seconds)
        rate, _, errors = wrk(f"{url}/display_skin?username=alice", 64, seconds)
        assert errors == 0, f"{errors} failed page requests"
        report("B1", "the same, -c64, durable, a name counted on 2 nodes", rate, ceiling, "req/s", "≥ 50 %")


UPSERT = """WITH bumped AS (
    INSERT INTO lookup_counts AS c (origin, name_key, count, last_lookup_at) VALUES (:origin, 'steve', 1, now())
    ON CONFLICT (origin, name_key) DO UPDATE SET count = c.count + 1, last_lookup_at = now(), signature = NULL,
        seq = excluded.seq, xid = excluded.xid
    RETURNING origin, count)
SELECT origin, count FROM bumped
UNION ALL SELECT origin, count FROM lookup_counts WHERE name_key = 'steve' AND origin <> :origin;
"""


def b2(seconds):
    with Cluster() as cluster:
        first, database, _ = cluster.node()
        second, _, _ = cluster.node(database)
        assert get(f"{first}/heads/steve")[0] == 200
        before = head(first, "steve")["localCount"]
        results = []

        def load(url):
            results.append(wrk(f"{url}/heads/steve", 8, seconds, threads=1))

        threads = [threading.Thread(target=load, args=(url,)) for url in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        served = sum(total for _, total, _ in results)
        errors = sum(errors for _, _, errors in results)
        rate = sum(rate for rate, _, _ in results)
        stored = head(first, "steve")["localCount"] - before
        origin = node_id(first)
        script = f"/tmp/bench-upsert-{os.getpid()}.sql"
        with open(script, "w") as file:
            file.write(UPSERT.replace(":origin", f"'{origin}'"))
        out = subprocess.run(["pgbench", "-n", "-M", "prepared", "-c", "16", "-j", "2", "-T", str(seconds), "-f", script,
                              database], capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
        tps = float(next(line for line in out.splitlines() if line.startswith("tps")).split()[2])
        # wrk stops counting at its deadline while up to one request per connection is still in
        # flight, so the database may hold up to 16 more lookups than wrk acknowledged — never fewer.
        exact = served <= stored <= served + 16 and errors == 0
        report("B2", f"lookups, 2 replicas × 8 clients (acknowledged {served}, stored {stored})", rate, tps,
               "req/s", "≥ 100 %, exact")
        if not exact:
            print(f"     COUNT MISMATCH: acknowledged {served}, stored {stored}, errors {errors}", flush=True)


def b3(records):
    with Cluster() as cluster:
        a, a_database, _ = cluster.node(name="a")
        origin = node_id(a)
        psql(a_database, f"""INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at)
            SELECT '{origin}', 'n' || i, i, now() FROM generate_series(1, {records}) AS i""")
        # Ceiling: PostgreSQL storing the same rows (with a signature each) through one batched statement.
        scratch = make_database()
        psql(scratch, "CREATE TABLE t (origin text, name_key text, count bigint, last_lookup_at timestamptz, "
                      "signature text, PRIMARY KEY (origin, name_key))")
        started = time.monotonic()
        psql(scratch, f"""INSERT INTO t SELECT '{origin}', 'n' || i, i, now(), repeat('s', 86)
            FROM generate_series(1, {records}) AS i""")
        ceiling = records / (time.monotonic() - started)
        verifications = verification_ceiling()
        signed_and_verified = verification_ceiling(signing=True)
        for label, name in (("first pull: a signs its records as it serves them", "b"),
                            ("second fresh node: signatures stored", "c")):
            started = time.monotonic()
            url, database, _ = cluster.node(name=name, PEERS=a, SYNC_BATCH_SIZE=5000)
            # Done when the node reports itself caught up with a (one small request every 20 ms;
            # counting the rows with psql every 50 ms took a tenth of the two cores), confirmed
            # by counting the rows once.
            done = wait_until(lambda: caught_up(url), 300, 0.02) and wait_until(
                lambda: psql(database, "SELECT count(*) FROM lookup_counts") == str(records), 60, 0.05)
            elapsed = time.monotonic() - started
            assert done, "backlog not replicated in 300 s"
            report("B3", f"fresh node pulling {records:,} records, {label} (incl. start-up)", records / elapsed,
                   ceiling, "records/s", "≥ 30,000/s")
            if verifications:
                report("B3", "  the same against Ed25519 verifications/s on every core", records / elapsed,
                       verifications, "records/s", "≥ 75 %")
            if signed_and_verified and name == "b":
                # What the first pull's cryptography alone allows: a signs each record as it
                # serves it, b verifies it, on the same cores.
                report("B3", "  the same against a signature and a verification per record/s", records / elapsed,
                       signed_and_verified, "records/s")


def caught_up(url):
    """Whether a node's puller reports that it has merged everything its neighbour offered."""
    peers = json.loads(get(f"{url}/api/v1/peers")[1])["peers"]
    return bool(peers) and all(peer["state"] == "idle" for peer in peers)


def verification_ceiling(seconds=3, signing=False):
    """Ed25519 verifications per second on every core of this machine (OpenSSL through the
    `cryptography` package, one process per core): the most a pull that checks every signature
    could reach; with `signing`, signatures each followed by its verification. None when
    `cryptography` is missing."""
    try:
        import cryptography  # noqa: F401
    except ImportError:
        print("     (no `cryptography`: the verification ceiling is not measured)", flush=True)
        return None
    import multiprocessing
    with multiprocessing.Pool(os.cpu_count()) as pool:
        counts = pool.starmap(_verify_for, [(seconds, signing)] * os.cpu_count())
    return sum(counts) / seconds


def _verify_for(seconds, signing):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    key = Ed25519PrivateKey.generate()
    message = b"head-count-v1\norigin\nname\n42\n1700000000000000"
    signature, public = key.sign(message), key.public_key()
    count, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        for _ in range(100):
            public.verify(key.sign(message) if signing else signature, message)
        count += 100
    return count


def b4(samples):
    """A lookup of a known name on A writes one counter; the figure is the time from sending that
    lookup to A until C's changes feed answers the new counter to a long-poll that was already
    waiting on C (as a neighbour of C would). It includes A's own handling and commit, so it
    bounds the propagation from above."""
    with Cluster() as cluster:
        a, _, _ = cluster.node(name="a")
        b, _, _ = cluster.node(name="b", PEERS=a)
        c, _, _ = cluster.node(name="c", PEERS=b)
        origin = node_id(a)
        names = [f"probe{i}" for i in range(samples)]
        for name in names:  # first lookups: the profile, the head and a counter of 1
            assert get(f"{a}/heads/{name}")[0] == 200
        assert wait_until(lambda: (head(c, names[-1]) or {}).get("totalCount") == 1, 60, 0.05), \
            "line A-B-C did not connect"
        time.sleep(1)  # the pullers' heads and signatures settle
        round_trips = []  # the ceiling: one loopback HTTP round trip to the same server
        for _ in range(200):
            started = time.perf_counter()
            get(f"{c}/healthz")
            round_trips.append(time.perf_counter() - started)
        watcher = FeedWatcher(c)
        watcher.start()
        latencies = []
        try:
            for name in names:
                started = time.perf_counter()
                assert get(f"{a}/heads/{name}")[0] == 200  # the second lookup: counter 2, committed on A
                visible = watcher.wait_for_count(origin, name, 2)
                assert visible is not None, f"{name}'s counter never reached C"
                latencies.append(visible - started)
                time.sleep(0.02)  # one write at a time: each sample is a propagation on quiet nodes
        finally:
            watcher.close()
        latencies.sort()
        rtt = statistics.median(round_trips) * 1000
        report("B4", f"lookup sent to A until C's feed answers it, p50 of {samples}", latencies[len(latencies) // 2] * 1000,
               None, "ms", "≤ 5 ms")
        report("B4", f"lookup sent to A until C's feed answers it, p99 of {samples}",
               latencies[int(len(latencies) * 0.99) - 1] * 1000, None, "ms", "≤ 20 ms")
        report("B4", "one loopback HTTP round trip (median, the ceiling)", rtt, None, "ms", "")


def b5(seconds):
    with Cluster() as cluster:
        a, _, pa = cluster.node(name="a")
        b, _, pb = cluster.node(name="b", PEERS=a)
        c, _, pc = cluster.node(name="c", PEERS=f"{a},{b}")
        get(f"{a}/heads/idle")
        wait_until(lambda: head(c, "idle") is not None, 30, 0.05)
        time.sleep(2)
        processes = [pa, pb, pc]
        before = [cpu_seconds(p.pid) for p in processes]
        time.sleep(seconds)
        after = [cpu_seconds(p.pid) for p in processes]
        cpu = max((y - x) / seconds * 100 for x, y in zip(before, after))
        rss = max(rss_mib(p.pid) for p in processes)
        report("B5", f"three idle nodes for {seconds} s: CPU of the busiest node", cpu, None, "% core", "≤ 1 %")
        report("B5", "three idle nodes: RSS of the largest node", rss, None, "MiB", "≤ 64 MiB")


def http_requests(url):
    text = get(f"{url}/metrics")[1].decode()
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith("hb_requests_total"))


def b6(lookups, sizes):
    for size in sizes:
        with Cluster() as cluster:
            files = [f"/tmp/bench-ring-{os.getpid()}-{size}-{i}" for i in range(size)]
            started_nodes = []
            for i in range(size):
                open(files[i], "w").close()
                started_nodes.append(cluster.node(name=f"n{i}", PEERS_FILE=files[i]))
            nodes = [url for url, _, _ in started_nodes]
            databases = [database for _, database, _ in started_nodes]
            for i in range(size):  # a ring: each node pulls from the next one
                with open(files[i], "w") as file:
                    file.write(nodes[(i + 1) % size] + "\n")
            assert wait_until(lambda: all(
                any(peer["state"] == "idle" for peer in json.loads(get(f"{url}/api/v1/peers")[1])["peers"])
                for url in nodes), 30, 0.1), "ring did not connect"
            before = sum(http_requests(url) for url in nodes)

            def lookup(i):
                return get(f"{nodes[i % size]}/heads/ring{i % 200}")[0]

            with ThreadPoolExecutor(16) as pool:
                statuses = list(pool.map(lookup, range(lookups)))
            assert statuses.count(200) == lookups, "some lookups failed"
            written = time.monotonic()

            def converged():
                sums = [psql(db, "SELECT coalesce(sum(count), 0) FROM lookup_counts WHERE name_key LIKE 'ring%'")
                        for db in databases]
                return all(value == str(lookups) for value in sums)

            assert wait_until(converged, 120, 0.02), "ring did not converge"
            elapsed = time.monotonic() - written
            scrapes = 2 * size  # the two /metrics reads per node
            sync_requests = sum(http_requests(url) for url in nodes) - before - lookups - scrapes
            report("B6", f"ring of {size}: {lookups:,} lookups, time to identical state after the last", elapsed * 1000,
                   None, "ms", "")
            report("B6", f"ring of {size}: sync HTTP requests per lookup", sync_requests / lookups, None, "req", "")
            for path in files:
                os.remove(path)


def b7(names, origins, samples):
    """Listings at scale: front page and head page with names × origins counters (the page medians)."""
    with Cluster() as cluster:
        url, database, _ = cluster.node(name="b7")
        own = node_id(url)
        assert get(f"{url}/heads/steve")[0] == 200
        # Counters of `origins` origins (this node and others) for `names` names, and a profile for each
        # name, as a federation that looked them all up would leave them.
        psql(database, f"""
            INSERT INTO profiles (name_key, display_name, uuid, resolved_at, origin)
            SELECT 'name' || n, 'Name' || n, lpad(to_hex(n), 32, '0'), now(), '{own}'
            FROM generate_series(1, {names}) AS n;
            INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at)
            SELECT CASE WHEN o = 1 THEN '{own}' ELSE 'origin' || o END, 'name' || n, (n * 7 + o) % 1000 + 1,
                   now() - make_interval(secs => n)
            FROM generate_series(1, {names}) AS n, generate_series(1, {origins}) AS o;
            ANALYZE""")
        counters = int(psql(database, "SELECT count(*) FROM lookup_counts"))

        def median_ms(path):
            spent = []
            for _ in range(samples):
                started = time.perf_counter()
                assert get(f"{url}{path}")[0] == 200
                spent.append(time.perf_counter() - started)
            return statistics.median(spent) * 1000

        report("B7", f"front page with {counters:,} counters (median of {samples})", median_ms("/"), None, "ms",
               "≤ 20 ms")
        report("B7", f"head page with {counters:,} counters (median of {samples})", median_ms("/heads/name4242"), None,
               "ms", "≤ 20 ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="shorter runs (for a smoke test)")
    parser.add_argument("--only", default="B1,B2,B3,B4,B5,B6,B7")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    seconds = 3 if args.quick else 10
    chosen = set(args.only.split(","))
    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores; loopback only", flush=True)
    steps = [
        ("B1", lambda: b1(seconds)),
        ("B2", lambda: b2(seconds)),
        ("B3", lambda: b3(20_000 if args.quick else 100_000)),
        ("B4", lambda: b4(50 if args.quick else 200)),
        ("B5", lambda: b5(10 if args.quick else 30)),
        ("B6", lambda: b6(2_000 if args.quick else 10_000, (2, 4) if args.quick else (2, 4, 8))),
        ("B7", lambda: b7(20_000 if args.quick else 200_000, 5, 50 if args.quick else 200)),
    ]
    for key, step in steps:
        if key in chosen:
            step()
    if args.json:
        with open(args.json, "w") as file:
            json.dump(RESULTS, file, indent=2)


if __name__ == "__main__":
    main()
