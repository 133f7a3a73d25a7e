"""scripts/bench-b1-breakdown: where a counted page's time goes at one connection (issue 35), next
to the floor's. Per request at wrk -c1: the node's /healthz (HTTP, middlewares, no database),
the counted page durably and with synchronous_commit=off (the flush's share), the floor; and
from pg_stat_statements, the statements each request ran (round trips) and the time PostgreSQL
spent executing them (the statement and its triggers). Needs a PostgreSQL with
pg_stat_statements preloaded (the script starts one). Loopback only, bounded in time."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from harness import ADMIN_URL, Cluster, get, make_database, psql, wrk  # noqa: E402

SECONDS = int(os.environ.get("BREAKDOWN_SECONDS", "8"))


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
            rate, total, stats = measure(url, "/display_skin?username=alice", database)
            calls = sum(c for c, _, _ in stats)
            rows.append((f"node counted page, synchronous_commit={commit}", 1000 / rate, calls / total,
                         sum(t for _, t, _ in stats) / total, stats))
        database = make_database()
        floor = cluster.floor(database)
        assert get(f"{floor}/heads/alice")[0] == 200
        rate, total, stats = measure(floor, "/heads/alice", database)
        rows.append(("floor (one upsert, fixed page)", 1000 / rate, sum(c for c, _, _ in stats) / total,
                     sum(t for _, t, _ in stats) / total, stats))
    print(f"{'':46} {'ms/request':>10} {'statements':>10} {'db exec ms':>10}")
    for what, ms, per, exec_ms, stats in rows:
        per_text = f"{per:.2f}" if per is not None else "—"
        exec_text = f"{exec_ms:.3f}" if exec_ms is not None else "—"
        print(f"{what:46} {ms:10.3f} {per_text:>10} {exec_text:>10}")
        for calls, total_ms, query in stats[:4]:
            print(f"{'':6}{calls:>8} calls {total_ms / max(calls, 1):8.3f} ms each  {query}")


if __name__ == "__main__":
    main()
