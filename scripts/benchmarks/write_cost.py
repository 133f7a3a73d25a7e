"""What the digest triggers cost the lookup's own write: B2's statement (one lookup counted, durable
commit) by pgbench -M prepared, on one node's migrated database, with the `digest_buckets`
triggers on and off in turn (off is the schema before them), 16 clients and 1, three rounds of
each, interleaved so that the machine's drift falls on both. Prints each round's tps and the
medians. Usage (after scripts/bench has set DATABASE_URL and WEBSITE_BIN, or as
`scripts/bench-write-cost [SECONDS]`)."""
import os
import statistics
import subprocess
import sys

from harness import Cluster, node_id, psql
from run import UPSERT

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
TRIGGERS = ["lookup_counts_digest_inserted", "lookup_counts_digest_updated", "lookup_counts_digest_deleted"]


def pgbench(database, script, clients):
    out = subprocess.run(["pgbench", "-n", "-M", "prepared", "-c", str(clients), "-j", str(min(clients, 2)),
                          "-T", str(SECONDS), "-f", script, database],
                         capture_output=True, text=True, check=True, timeout=SECONDS + 60).stdout
    return float(next(line for line in out.splitlines() if line.startswith("tps")).split()[2])


def main():
    with Cluster() as cluster:
        url, database, process = cluster.node()
        origin = node_id(url)
        process.terminate()
        process.wait(timeout=20)
    script = f"/tmp/bench-write-cost-{os.getpid()}.sql"
    with open(script, "w") as file:
        file.write(UPSERT.replace(":origin", f"'{origin}'"))
    results = {}
    for clients in (16, 1):
        for round_number in range(3):
            for triggers in ("on", "off"):
                action = "ENABLE" if triggers == "on" else "DISABLE"
                psql(database, "; ".join(f"ALTER TABLE lookup_counts {action} TRIGGER {name}" for name in TRIGGERS))
                tps = pgbench(database, script, clients)
                results.setdefault((clients, triggers), []).append(tps)
                print(f"write cost: {clients} clients, digest triggers {triggers}, round {round_number + 1}: "
                      f"{tps:,.0f} tps", flush=True)
    psql(database, "; ".join(f"ALTER TABLE lookup_counts ENABLE TRIGGER {name}" for name in TRIGGERS))
    for clients in (16, 1):
        on, off = statistics.median(results[(clients, "on")]), statistics.median(results[(clients, "off")])
        print(f"write cost: {clients} clients, median of 3: with the digest triggers {on:,.0f} tps, without "
              f"{off:,.0f} tps: {on / off * 100:.0f} % of before", flush=True)


if __name__ == "__main__":
    main()
