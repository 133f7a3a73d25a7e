"""Processes and measurements shared by the benchmark steps (loopback only, bounded in time)."""
import http.client
import json
import os
import pathlib
import re
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Tests" / "support"))
from processes import Processes, free_port, get, psql, wait_until  # noqa: E402,F401
from processes import make_database as make_database_at  # noqa: E402

BINARY = os.environ.get("WEBSITE_BIN", ".build/release/website")
FLOOR_BINARY = os.environ.get("FLOOR_BIN", ".build/release/BenchmarkFloor")
ADMIN_URL = os.environ["DATABASE_URL"]


def make_database():
    return make_database_at(ADMIN_URL, prefix="bench")


class Cluster:
    """Starts fake upstream and nodes as processes; stops them all at the end."""

    def __init__(self):
        self.processes = Processes()
        self.upstream = None

    def __enter__(self):
        port = free_port()
        self.upstream = f"http://127.0.0.1:{port}"
        self.processes.start(
            [BINARY, "fake-upstream", "--host", "127.0.0.1", "--port", str(port)], {}, f"{self.upstream}/control")
        return self

    def __exit__(self, *exc):
        self.processes.stop_all()

    def floor(self, database=None):
        """Starts B1's floor (Benchmarks/Floor) on a database of its own; returns its base URL."""
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        self.processes.start(
            [FLOOR_BINARY], {"DATABASE_URL": database or make_database(), "HTTP_PORT": str(port)}, f"{url}/healthz")
        return url

    def node(self, database=None, name="bench", binary=None, **settings):
        """Starts a node (`binary`, else WEBSITE_BIN); returns (base URL, database URL, process)."""
        database = database or make_database()
        port = free_port()
        env = {
            "HTTP_HOST": "127.0.0.1", "HTTP_PORT": str(port), "DATABASE_URL": database, "NODE_NAME": name,
            "MOJANG_API_URL": self.upstream, "AVATAR_URL": f"{self.upstream}/avatar", "LOG_LEVEL": "error",
            "PEERS_FILE": "/nonexistent", "DISCOVERY_INTERVAL_SECONDS": "1",
            # wrk and the scripts are one client (127.0.0.1) standing for many visitors; the
            # abuse benchmark (B12) sets the real limits.
            "UPSTREAM_LOOKUPS_PER_CLIENT_PER_MINUTE": "1000000", "LIVE_MAX_CONNECTIONS_PER_CLIENT": "100000",
            "SYNC_MAX_LONG_POLLS_PER_CLIENT": "100000", "SYNC_REQUESTS_PER_CLIENT_PER_SECOND": "1000000",
        }
        env.update({key: str(value) for key, value in settings.items()})
        url = f"http://127.0.0.1:{port}"
        process = self.processes.start([binary or BINARY], env, f"{url}/readyz")
        return url, database, process


def wrk(url, connections, seconds=10, threads=2):
    """Runs wrk; returns (requests per second, total requests, non-2xx responses)."""
    out = subprocess.run(
        ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, total, int(errors.group(1)) if errors else 0


class FeedWatcher(threading.Thread):
    """Long-polls a node's changes feed on one kept-alive connection from where the feed is now,
    and notes when each count record (origin, name, count) was first answered: the moment it
    became visible to a neighbour. Bounded: each poll waits at most 2 s, and it stops on `close`."""

    def __init__(self, url):
        super().__init__(daemon=True)
        address = urllib.parse.urlparse(url)
        self.connection = http.client.HTTPConnection(address.hostname, address.port, timeout=15)
        self.seen = {}
        self.condition = threading.Condition()
        self.stopping = False
        self.position = "0"
        while True:
            document = self._poll(0)
            if not document["more"]:
                break

    def _poll(self, wait):
        self.connection.request("GET", f"/api/v1/changes?since={self.position}&limit=5000&wait={wait}")
        document = json.loads(self.connection.getresponse().read())
        self.position = document["next"]
        return document

    def run(self):
        while not self.stopping:
            document = self._poll(2)
            answered = time.perf_counter()
            with self.condition:
                for record in document["records"]:
                    if record["kind"] == "count":
                        self.seen.setdefault((record["origin"], record["name"], record["count"]), answered)
                self.condition.notify_all()

    def wait_for_count(self, origin, name, count, timeout=10):
        """When the count record was first answered, or None after `timeout` seconds."""
        key = (origin, name, count)
        with self.condition:
            self.condition.wait_for(lambda: key in self.seen, timeout)
            return self.seen.get(key)

    def close(self):
        self.stopping = True
        self.join(10)


def head(url, name):
    status, body = get(f"{url}/api/v1/heads/{name}")
    return json.loads(body) if status == 200 else None


def node_id(url):
    return json.loads(get(f"{url}/api/v1/node")[1])["nodeId"]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def filled_node(cluster, records):
    """Starts node A on a new database, gives it `records` counters of its own (written by SQL,
    signed when first served), and stops it. Returns (database, node id, feed epoch, the feed's
    latest position)."""
    database = make_database()
    url, _, process = cluster.node(database, name="a")
    origin = node_id(url)
    psql(database, f"INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at) "
                   f"SELECT '{origin}', 'n' || i, i, now() FROM generate_series(1, {records}) AS i")
    # Planner statistics, as autovacuum would take within a minute of such a write.
    psql(database, "ANALYZE")
    epoch = psql(database, "SELECT epoch FROM feed_epoch")
    position = psql(database, "SELECT xid::text || '.' || max(seq) FROM lookup_counts GROUP BY xid "
                              "ORDER BY xid DESC LIMIT 1")
    process.terminate()
    process.wait(timeout=20)
    return database, origin, epoch, position


def caught_up_copy(database, origin, epoch, position):
    """A copy of `database` without its node's identity, whose checkpoint on that node is the
    feed's latest position: a neighbour that only anti-entropy can repair."""
    copy = make_database()
    name = urllib.parse.urlsplit(copy).path[1:]
    admin = copy.replace(name, "postgres")
    psql(admin, f"DROP DATABASE {name}")
    psql(admin, f"CREATE DATABASE {name} TEMPLATE {urllib.parse.urlsplit(database).path[1:]}")
    psql(copy, "DELETE FROM node_identity; DELETE FROM peers; DELETE FROM feed_epoch; "
               "DELETE FROM origins; DELETE FROM origin_sources")
    psql(copy, f"INSERT INTO peers (node_id, name, checkpoint, checkpoint_epoch) "
               f"VALUES ('{origin}', 'a', '{position}', '{epoch}')")
    return copy
