"""scripts/bench-b1-breakdown: where a counted page's time goes at one connection (issue 35), next
to the floor's. Per request at wrk -c1: the node's /healthz (HTTP, middlewares, no database),
the counted page durably and with synchronous_commit=off (the flush's share), the floor; one read
per request through the node's Database (/readyz) and through PostgresClient (the floor's
/statement), each less its server's /healthz, for the per-statement cost of the node's wrapper; and
from pg_stat_statements, the statements each request ran (round trips) and the time PostgreSQL
spent executing them (the statement and its triggers). Needs a PostgreSQL with
pg_stat_statements preloaded (the script starts one). With COMPARE_WEBSITE_BIN, the counted page of
that binary (an earlier commit's, say) and of WEBSITE_BIN are measured side by side, alternately,
three times each. Then the new-name path (issue 34, issue 35's deliverable 4): lookups of names the
node has never seen, one after another against the stand-in upstream answering at once, with the
statements each sent (pg_stat_statements, top-level only) and its head image requests, next to the
floor's page plus one request to the same stand-in. Loopback only, bounded in time."""
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(__file__))
import time  # noqa: E402

from harness import ADMIN_URL, Cluster, get, make_database, psql, wrk  # noqa: E402

SECONDS = int(os.environ.get("BREAKDOWN_SECONDS", "8"))
COMPARE = os.environ.get("COMPARE_WEBSITE_BIN")


def statements(database):
    """(calls, mean execution ms, query) of every statement run on `database` since the last reset,
    read from the admin database (the extension lives there; the view covers every database)."""
    name = database.rsplit("/", 1)[1].split("?")[0]
    rows = psql(ADMIN_URL, f"""
        SELECT calls, total_exec_time, regexp_replace(left(query, 70), '\\s+', ' ', 'g')
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '{name}')
        ORDER BY total_exec_time DESC""")
    return [(int(c), float(t), q) for c, t, q in (line.split("|", 2) for line in rows.splitlines() if line)]


def measure(url, path, database):
    psql(ADMIN_URL, "SELECT pg_stat_statements_reset()")
    rate, total, errors = wrk(f"{url}{path}", 1, SECONDS, threads=1)
    assert errors == 0, f"{errors} failed requests"
    return rate, total, statements(database)


def compare(cluster):
    """The durable counted page of COMPARE_WEBSITE_BIN and of WEBSITE_BIN, alternately."""
    nodes = []
    for label, binary in (("compared", COMPARE), ("this", None)):
        database = make_database()
        url, _, _ = cluster.node(database=database, binary=binary, DATABASE_SYNCHRONOUS_COMMIT="on")
        assert get(f"{url}/display_skin?username=alice")[0] == 200
        nodes.append((label, url, database, []))
    for _ in range(3):
        for _, url, database, rates in nodes:
            rates.append(measure(url, "/display_skin?username=alice", database)[0])
    return [(f"counted page, {label} binary (runs: {' / '.join(f'{1000 / r:.2f}' for r in rates)})",
             statistics.mean(1000 / r for r in rates), None, None, []) for label, _, _, rates in nodes]


NEW_NAMES = int(os.environ.get("BREAKDOWN_NEW_NAMES", "40"))


def top_level_calls(database):
    """Statements the clients sent to `database` since the last reset (triggers' own not counted)."""
    name = database.rsplit("/", 1)[1].split("?")[0]
    return int(psql(ADMIN_URL, f"""
        SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
        WHERE toplevel AND dbid = (SELECT oid FROM pg_database WHERE datname = '{name}')""").strip())


def new_name_path(cluster, label, binary):
    """Median ms and statements per lookup of a new name, and statements per head image request."""
    database = make_database()
    url, _, _ = cluster.node(database=database, binary=binary)
    assert get(f"{url}/heads/warmup{label}")[0] == 200
    # What the node sends by itself meanwhile (discovery, the epoch check) is measured idle for
    # as long and taken off.
    psql(ADMIN_URL, "SELECT pg_stat_statements_reset()")
    time.sleep(2)
    idle_per_second = top_level_calls(database) / 2
    psql(ADMIN_URL, "SELECT pg_stat_statements_reset()")
    begun = time.perf_counter()
    times = []
    for i in range(NEW_NAMES):
        started = time.perf_counter()
        status, _ = get(f"{url}/heads/new{label}{i}")
        times.append(1000 * (time.perf_counter() - started))
        assert status == 200, status
    lookups = (top_level_calls(database) - idle_per_second * (time.perf_counter() - begun)) / NEW_NAMES
    uuids = [json.loads(get(f"{url}/api/v1/heads/new{label}{i}")[1])["uuid"] for i in range(NEW_NAMES)]
    psql(ADMIN_URL, "SELECT pg_stat_statements_reset()")
    begun = time.perf_counter()
    for uuid in uuids:
        assert get(f"{url}/avatars/{uuid}.png")[0] == 200
    images = (top_level_calls(database) - idle_per_second * (time.perf_counter() - begun)) / NEW_NAMES
    return statistics.median(times), lookups, images


def new_names(cluster):
    print(f"New names, {NEW_NAMES} lookups one after another; ms each (median), statements sent per lookup "
          "and per head image request")
    for label, binary in ([("compared", COMPARE)] if COMPARE else []) + [("this", None)]:
        ms, lookups, images = new_name_path(cluster, label, binary)
        print(f"  node, {label} binary: {ms:.2f} ms, {lookups:.2f} statements per lookup, "
              f"{images:.2f} per head image request")
    floor = cluster.floor()
    floor_rate, _, _ = wrk(f"{floor}/heads/alice", 1, 4, threads=1)
    upstream_rate, _, _ = wrk(f"{cluster.upstream}/users/profiles/minecraft/alice", 1, 4, threads=1)
    print(f"  floor page {1000 / floor_rate:.2f} ms + one request to the stand-in {1000 / upstream_rate:.2f} ms "
          f"= {1000 / floor_rate + 1000 / upstream_rate:.2f} ms (wrk -c1, 4 s each)")


def main():
    psql(ADMIN_URL, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
    print(f"B1 at one connection, {SECONDS} s each; ms per request (1 / rate); database time from pg_stat_statements")
    with Cluster() as cluster:
        rows = []
        for commit in ("on", "off"):
            database = make_database()
            url, _, _ = cluster.node(database=database, DATABASE_SYNCHRONOUS_COMMIT=commit)
            assert get(f"{url}/display_skin?username=alice")[0] == 200
            if commit == "on":
                rate, _, _ = measure(url, "/healthz", database)
                rows.append(("node /healthz (no database)", 1000 / rate, None, None, []))
                rate, total, stats = measure(url, "/readyz", database)
                rows.append(("node /readyz (one read through Database)", 1000 / rate,
                             sum(c for c, _, _ in stats) / total, sum(t for _, t, _ in stats) / total, stats))
            rate, total, stats = measure(url, "/display_skin?username=alice", database)
            calls = sum(c for c, _, _ in stats)
            rows.append((f"node counted page, synchronous_commit={commit}", 1000 / rate, calls / total,
                         sum(t for _, t, _ in stats) / total, stats))
        if COMPARE:
            rows += compare(cluster)
        database = make_database()
        floor = cluster.floor(database)
        assert get(f"{floor}/heads/alice")[0] == 200
        rate, total, stats = measure(floor, "/heads/alice", database)
        rows.append(("floor (one upsert, fixed page)", 1000 / rate, sum(c for c, _, _ in stats) / total,
                     sum(t for _, t, _ in stats) / total, stats))
        rate, _, _ = measure(floor, "/healthz", database)
        rows.append(("floor /healthz (no database)", 1000 / rate, None, None, []))
        rate, total, stats = measure(floor, "/statement", database)
        rows.append(("floor /statement (one read, PostgresClient)", 1000 / rate,
                     sum(c for c, _, _ in stats) / total, sum(t for _, t, _ in stats) / total, stats))
    print(f"{'':46} {'ms/request':>10} {'statements':>10} {'db exec ms':>10}")
    for what, ms, per, exec_ms, stats in rows:
        per_text = f"{per:.2f}" if per is not None else "—"
        exec_text = f"{exec_ms:.3f}" if exec_ms is not None else "—"
        print(f"{what:46} {ms:10.3f} {per_text:>10} {exec_text:>10}")
        for calls, total_ms, query in stats[:4]:
            print(f"{'':6}{calls:>8} calls {total_ms / max(calls, 1):8.3f} ms each  {query}")
    # One statement's cost on each side: the read's request minus the same server's /healthz, and
    # PostgreSQL's own execution time of it taken off too: what is left is the client's part.
    by_name = {what: (ms, exec_ms) for what, ms, _, exec_ms, _ in rows}
    node_ms = by_name["node /readyz (one read through Database)"][0] - by_name["node /healthz (no database)"][0]
    floor_ms = by_name["floor /statement (one read, PostgresClient)"][0] - by_name["floor /healthz (no database)"][0]
    node_exec = by_name["node /readyz (one read through Database)"][1]
    floor_exec = by_name["floor /statement (one read, PostgresClient)"][1]
    print(f"One read, added to a request: through the node's Database {node_ms:.3f} ms "
          f"(PostgreSQL executing it {node_exec:.3f}), through PostgresClient directly {floor_ms:.3f} ms "
          f"({floor_exec:.3f}); the difference, {node_ms - floor_ms:.3f} ms, is Database's own part "
          "(deadline, pool accounting, breaker) and the node's handler")
    with Cluster() as cluster:
        new_names(cluster)


if __name__ == "__main__":
    main()
