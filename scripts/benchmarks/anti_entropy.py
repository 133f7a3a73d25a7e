"""B8: anti-entropy traffic. Node A holds N records (default 1,000,000); node B a copy of A's
database with k of them deleted (k = 0, 1, 1000). B's feed checkpoint is at A's latest position,
so only anti-entropy can repair B. Prints, per k, the digest and records messages B made, the
bytes it received, the round's wall time (B's metric: both databases' work, the HTTP between them
and B's merge), each side's database time, and whether B ended with A's content.

Database time is PostgreSQL's `active_time` of each database, which counts every statement that
ran there, the idle nodes' background work too (the feed epoch check every second, the long-poll
of B's pull; the database watch is off). So it is read over two windows of the same length: one
around the round, then one right after it in which no round runs; the round's own database time
is the first minus the second. Both figures are printed. The first window reads B's /metrics
until the round is counted, and /metrics reads B's database; the second reads it as many times.
Usage (after scripts/bench has set DATABASE_URL and WEBSITE_BIN, or as `scripts/bench-anti-entropy`)."""
import os
import re
import sys
import time

from harness import Cluster, caught_up_copy, filled_node, get, psql, wait_until

RECORDS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000


def metric(text, name, neighbour):
    match = re.search(rf'^{name}{{neighbour="{re.escape(neighbour)}"}} ([0-9.e+]+)$', text, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


# B's first round starts 30 s after it starts (the first round waits min(interval, 30 s)), so
# that the statistics of its start-up are flushed before the first window; the next would start
# an interval after the first, after the idle window.
ROUND_INTERVAL = 120
FIRST_ROUND = 30
# Sessions flush their statistics when they go idle, at the latest 10 s later.
FLUSH = 11


def active_ms(database):
    """Milliseconds PostgreSQL spent executing statements in `database` (flushed by each session
    when it goes idle, at the latest 10 s later)."""
    return float(psql(database, "SELECT active_time FROM pg_stat_database WHERE datname = current_database()"))


def content(database):
    return psql(database, "SELECT md5(string_agg(origin || name_key || count, ',' ORDER BY origin, name_key)) "
                          "FROM lookup_counts")


def main():
    with Cluster() as cluster:
        started = time.monotonic()
        a_db, a_id, epoch, position = filled_node(cluster, RECORDS)
        print(f"B8 setup: {RECORDS} records on A in {time.monotonic() - started:.1f} s", flush=True)
        b_db = caught_up_copy(a_db, a_id, epoch, position)
        # A pulls B once, so that each holds the other's node record, as caught-up neighbours do
        # (node records are in the digests); B keeps its identity across the restarts below.
        peers_file = f"/tmp/anti-entropy-peers-{os.getpid()}"
        open(peers_file, "w").close()
        a_url, _, _ = cluster.node(a_db, name="a", PEERS_FILE=peers_file, DATABASE_WATCH_SECONDS=0)
        assert psql(a_db, "SELECT epoch FROM feed_epoch") == epoch
        b_url, _, b_process = cluster.node(b_db, name="b", PEERS=a_url, ANTI_ENTROPY_INTERVAL_SECONDS=0)
        with open(peers_file, "w") as peers:
            peers.write(b_url + "\n")
        assert wait_until(lambda: psql(a_db, "SELECT count(*) FROM node_records") == "2", 60, 0.2), \
            "A did not get B's node record"
        b_process.terminate()
        b_process.wait(timeout=20)
        for differences in (0, 1, 1000):
            if differences:
                psql(b_db, f"DELETE FROM lookup_counts WHERE name_key IN "
                           f"(SELECT 'n' || (i * 7919 % {RECORDS} + 1) FROM generate_series(1, {differences}) AS i)")
            before = psql(b_db, "SELECT count(*) FROM lookup_counts")
            b_url, _, b_process = cluster.node(b_db, name="b", PEERS=a_url,
                                               ANTI_ENTROPY_INTERVAL_SECONDS=ROUND_INTERVAL,
                                               SYNC_MAX_NEW_ORIGINS_PER_HOUR=10, DATABASE_WATCH_SECONDS=0)
            started = time.monotonic()
            time.sleep(FIRST_ROUND - 2)
            window_start = time.monotonic()
            active_before = active_ms(a_db), active_ms(b_db)

            polls = []  # when each read of B's /metrics was made, from its window's start

            def rounds_done():
                polls.append(time.monotonic() - window_start)
                return metric(get(f"{b_url}/metrics")[1].decode(), "heads_anti_entropy_rounds_total", a_id)

            assert wait_until(lambda: rounds_done() >= 1, 600, 0.2), "no anti-entropy round finished"
            time.sleep(FLUSH)  # every session's statistics flushed
            active_after = active_ms(a_db), active_ms(b_db)
            window = time.monotonic() - window_start
            # The same length with no round (the next is due ROUND_INTERVAL after the first), and
            # the reads of B's /metrics (each reads B's database) the first window made, at the same
            # times from its start.
            idle_start = time.monotonic()
            assert idle_start + window < started + FIRST_ROUND + ROUND_INTERVAL, "the idle window is too long"
            for offset in list(polls):
                time.sleep(max(0.0, idle_start + offset - time.monotonic()))
                get(f"{b_url}/metrics")
            time.sleep(max(0.0, idle_start + window - time.monotonic()))
            active_idle = active_ms(a_db), active_ms(b_db)
            rounds = metric(get(f"{b_url}/metrics")[1].decode(), "heads_anti_entropy_rounds_total", a_id)
            assert rounds == 1, f"{rounds} rounds ran; the idle window had one"
            a_raw, b_raw = (after - before for after, before in zip(active_after, active_before))
            a_idle, b_idle = (idle - after for idle, after in zip(active_idle, active_after))
            a_ms, b_ms = a_raw - a_idle, b_raw - b_idle
            text = get(f"{b_url}/metrics")[1].decode()
            messages = metric(text, "heads_anti_entropy_messages_total", a_id)
            received = metric(text, "heads_anti_entropy_received_bytes_total", a_id)
            repaired = metric(text, "heads_anti_entropy_repaired_total", a_id)
            # The round's own wall time (both databases' work, the HTTP in between and B's merge).
            round_ms = metric(text, "heads_anti_entropy_last_round_seconds", a_id) * 1000
            same = content(b_db) == content(a_db)
            print(f"B8 {RECORDS} records, {differences} differences (B had {before}): {int(messages)} messages, "
                  f"{int(received)} bytes received, {int(repaired)} records repaired, round {round_ms:.0f} ms "
                  f"database time of the round A {a_ms:.0f} ms, B {b_ms:.0f} ms "
                  f"(windows of {window:.1f} s, {len(polls)} reads of /metrics each: with the round A {a_raw:.0f}, B {b_raw:.0f} ms; "
                  f"idle A {a_idle:.0f}, B {b_idle:.0f} ms), "
                  f"B equals A afterwards: {same}", flush=True)
            b_process.terminate()
            b_process.wait(timeout=20)


if __name__ == "__main__":
    main()
