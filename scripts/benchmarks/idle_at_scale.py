"""B10, B5 at scale: one node A with N records (default 1,000,000) and 10 caught-up neighbours (copies
of A's data, each pulling from A only, A pulling from all ten), default settings, nothing looked
up. Measures, over a window that holds one anti-entropy round of every puller (the first comes 30 s
after a puller starts, then every ANTI_ENTROPY_INTERVAL_SECONDS, 300 by default), the CPU of A's
process and of the whole PostgreSQL cluster (every node's database work, A's and its neighbours').
Usage (after scripts/bench has set DATABASE_URL and WEBSITE_BIN, or as `scripts/bench-idle-at-scale`)."""
import os
import re
import subprocess
import sys
import time

from harness import Cluster, caught_up_copy, cpu_seconds, filled_node, get, psql, rss_mib, wait_until

RECORDS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
NEIGHBOURS = 10
WINDOW = int(os.environ.get("IDLE_WINDOW_SECONDS", "330"))


def postgres_cpu_seconds():
    """CPU seconds of the whole cluster: the postmaster, its live backends, and the backends that
    ended (counted in the postmaster's children's times once it has waited for them); 0 when the
    cluster is not the throwaway one this script can see."""
    if not os.environ.get("PG_THROWAWAY_DIR"):
        return 0.0
    with open(os.path.join(os.environ["PG_THROWAWAY_DIR"], "data", "postmaster.pid")) as pidfile:
        postmaster = int(pidfile.readline())
    with open(f"/proc/{postmaster}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    total = sum(int(field) for field in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True).stdout.split()
    for pid in children:
        try:
            total += cpu_seconds(int(pid))
        except (FileNotFoundError, ProcessLookupError):
            pass  # ended meanwhile
    return total


def metric_sum(url, name):
    text = get(f"{url}/metrics")[1].decode()
    return sum(float(value) for value in re.findall(rf'^{name}{{[^}}]*}} ([0-9.e+]+)$', text, re.MULTILINE))


def main():
    with Cluster() as cluster:
        started = time.monotonic()
        a_db, a_id, epoch, position = filled_node(cluster, RECORDS)
        neighbour_dbs = [caught_up_copy(a_db, a_id, epoch, position) for _ in range(NEIGHBOURS)]
        print(f"B10 setup: {RECORDS} records on A and {NEIGHBOURS} copies in "
              f"{time.monotonic() - started:.0f} s", flush=True)
        # A finds its neighbours through its peers file, written once they answer (they need A's URL).
        peers_file = f"/tmp/idle-at-scale-peers-{os.getpid()}"
        open(peers_file, "w").close()
        # Default settings: the harness's quick discovery (every second) is set back to its default.
        default = {"DISCOVERY_INTERVAL_SECONDS": os.environ.get("IDLE_DISCOVERY_INTERVAL_SECONDS", "10")}
        a_url, _, a_process = cluster.node(a_db, name="a", PEERS_FILE=peers_file, **default)
        neighbours = [cluster.node(db, name=f"n{index}", PEERS=a_url, **default)
                      for index, db in enumerate(neighbour_dbs)]
        with open(peers_file, "w") as peers:
            peers.write("\n".join(url for url, _, _ in neighbours) + "\n")
        caught_up = wait_until(
            lambda: psql(a_db, "SELECT count(*) FROM node_records") == str(NEIGHBOURS + 1), 120, 0.5)
        assert caught_up, "A did not learn its neighbours' node records"
        # Each copy is a database its node has not served from: at its first start the node gives
        # its feed a new epoch and re-stamps every row (a transaction over 1,000,000 rows, which
        # holds the copy's feed back meanwhile). Measured only once every copy has its epoch and
        # that work has settled.
        settled = wait_until(
            lambda: all(psql(db, "SELECT count(*) FROM feed_epoch") == "1" for db in neighbour_dbs), 900, 1)
        assert settled, "the neighbours did not take their feed epochs"
        time.sleep(30)
        time.sleep(5)
        processes = [a_process] + [process for _, _, process in neighbours]
        rounds_before = metric_sum(a_url, "heads_anti_entropy_rounds_total")
        a_before, pg_before, all_before = cpu_seconds(a_process.pid), postgres_cpu_seconds(), [
            cpu_seconds(p.pid) for p in processes]
        time.sleep(WINDOW)
        a_after, pg_after, all_after = cpu_seconds(a_process.pid), postgres_cpu_seconds(), [
            cpu_seconds(p.pid) for p in processes]
        rounds = metric_sum(a_url, "heads_anti_entropy_rounds_total") - rounds_before
        neighbour_rounds = sum(metric_sum(url, "heads_anti_entropy_rounds_total") for url, _, _ in neighbours)
        last_round = max(metric_sum(url, "heads_anti_entropy_last_round_seconds") for url, _, _ in neighbours)
        a_cpu = (a_after - a_before) / WINDOW * 100
        pg_cpu = (pg_after - pg_before) / WINDOW * 100
        nodes_cpu = sum(y - x for x, y in zip(all_before, all_after)) / WINDOW * 100
        print(f"B10 (B5 at scale): {RECORDS} records, {NEIGHBOURS} caught-up neighbours, idle for {WINDOW} s, "
              f"discovery every {default['DISCOVERY_INTERVAL_SECONDS']} s: "
              f"A's process {a_cpu:.2f} % of a core; the whole PostgreSQL cluster {pg_cpu:.2f} %; all eleven "
              f"node processes {nodes_cpu:.2f} %; anti-entropy rounds in the window: A {int(rounds)}, "
              f"neighbours {int(neighbour_rounds)} in all (slowest last round {last_round * 1000:.0f} ms); "
              f"A's RSS {rss_mib(a_process.pid):.1f} MiB", flush=True)


if __name__ == "__main__":
    main()
