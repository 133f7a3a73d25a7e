"""B8: anti-entropy traffic. Node A holds N records (default 1,000,000); node B a copy of A's
database with k of them deleted (k = 0, 1, 1000). B's feed checkpoint is at A's latest position,
so only anti-entropy can repair B. Prints, per k, the digest and records messages B made, the
bytes it received, the time of the round and whether B ended with A's content.
Usage (after scripts/bench has set DATABASE_URL and WEBSITE_BIN, or as `scripts/bench-anti-entropy`)."""
import json
import re
import sys
import time
from urllib.parse import urlsplit

from harness import Cluster, get, make_database, node_id, psql, wait_until

RECORDS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000


def metric(text, name, neighbour):
    match = re.search(rf'^{name}{{neighbour="{re.escape(neighbour)}"}} ([0-9.e+]+)$', text, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


def content(database):
    return psql(database, "SELECT md5(string_agg(origin || name_key || count, ',' ORDER BY origin, name_key)) "
                          "FROM lookup_counts")


def main():
    with Cluster() as cluster:
        a_db = make_database()
        a_url, _, a_process = cluster.node(a_db, name="a")
        a_id = node_id(a_url)
        started = time.monotonic()
        psql(a_db, f"INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at) "
                   f"SELECT '{a_id}', 'n' || i, i, now() FROM generate_series(1, {RECORDS}) AS i")
        print(f"B8 setup: {RECORDS} records on A in {time.monotonic() - started:.1f} s", flush=True)
        epoch = psql(a_db, "SELECT epoch FROM feed_epoch")
        position = psql(a_db, "SELECT xid::text || '.' || max(seq) FROM lookup_counts GROUP BY xid "
                              "ORDER BY xid DESC LIMIT 1")
        # B: a copy of A's data (without A's identity), already at A's latest feed position.
        a_process.terminate()
        a_process.wait(timeout=20)
        b_db = make_database()
        b_name = urlsplit(b_db).path[1:]
        psql(b_db.replace(b_name, "postgres"), f"DROP DATABASE {b_name}")
        psql(b_db.replace(b_name, "postgres"),
             f"CREATE DATABASE {b_name} TEMPLATE {urlsplit(a_db).path[1:]}")
        psql(b_db, "DELETE FROM node_identity; DELETE FROM peers; DELETE FROM feed_epoch; "
                   "DELETE FROM origins; DELETE FROM origin_sources")
        a_url, _, _ = cluster.node(a_db, name="a")
        assert psql(a_db, "SELECT epoch FROM feed_epoch") == epoch
        psql(b_db, f"INSERT INTO peers (node_id, name, checkpoint, checkpoint_epoch) "
                   f"VALUES ('{a_id}', 'a', '{position}', '{epoch}')")
        for differences in (0, 1, 1000):
            if differences:
                psql(b_db, f"DELETE FROM lookup_counts WHERE name_key IN "
                           f"(SELECT 'n' || (i * 7919 % {RECORDS} + 1) FROM generate_series(1, {differences}) AS i)")
            before = psql(b_db, "SELECT count(*) FROM lookup_counts")
            b_url, _, b_process = cluster.node(b_db, name="b", PEERS=a_url, ANTI_ENTROPY_INTERVAL_SECONDS=1,
                                               SYNC_MAX_NEW_ORIGINS_PER_HOUR=10)
            round_started = time.monotonic()

            def done():
                return metric(get(f"{b_url}/metrics")[1].decode(), "heads_anti_entropy_rounds_total", a_id) >= 1

            assert wait_until(done, 600, 0.2), "no anti-entropy round finished"
            seconds = time.monotonic() - round_started - 1  # the first round starts after 1 s
            text = get(f"{b_url}/metrics")[1].decode()
            messages = metric(text, "heads_anti_entropy_messages_total", a_id)
            received = metric(text, "heads_anti_entropy_received_bytes_total", a_id)
            repaired = metric(text, "heads_anti_entropy_repaired_total", a_id)
            same = content(b_db) == content(a_db)
            print(f"B8 {RECORDS} records, {differences} differences (B had {before}): {int(messages)} messages, "
                  f"{int(received)} bytes received, {int(repaired)} records repaired, round about {seconds:.1f} s, "
                  f"B equals A afterwards: {same}", flush=True)
            b_process.terminate()
            b_process.wait(timeout=20)


if __name__ == "__main__":
    main()
