"""A federation of two versions, then an upgrade in place (scripts/compat-e2e runs it).

OLD_WEBSITE_BIN is an earlier version's binary, WEBSITE_BIN this one's; DATABASE_URL a role that
may create databases. A runs OLD and B runs WEBSITE_BIN, each listing the other as its neighbour,
both naming the default profile service as their realm (as default-configured nodes do; their
lookups go to a stand-in). Every lookup on either side must reach the other with its count,
profile, head image and the name of the node it was made on (where both versions have node
names: 0.2.0 on); then A is stopped and started
again on the same database with WEBSITE_BIN, and the same holds for lookups made after, with
nothing made before lost. Each arrival is timed; the bound is the long-poll wait plus a few
seconds.
"""
import json
import os
import pathlib
import sys
import tempfile
import time

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "support"))
from processes import Processes, free_port, get, make_database, psql, wait_until  # noqa: E402

OLD = os.environ.get("OLD_WEBSITE_BIN")
NEW = os.environ.get("WEBSITE_BIN", ".build/debug/website")
ADMIN_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
SYNC_WAIT_SECONDS = 2
# The long-poll wait plus a few seconds (discovery every 0.5 s, a head fetched after its profile).
ARRIVAL_BOUND = SYNC_WAIT_SECONDS + 8

pytestmark = pytest.mark.skipif(not OLD, reason="OLD_WEBSITE_BIN names no earlier binary")


class Node:
    def __init__(self, processes, name, upstream, peers_file):
        self.processes, self.name, self.upstream, self.peers_file = processes, name, upstream, peers_file
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = make_database(ADMIN_URL, prefix="website_compat")
        self.process = None

    def start(self, binary, **settings):
        env = {
            "HTTP_HOST": "127.0.0.1", "HTTP_PORT": str(self.port), "DATABASE_URL": self.database,
            "NODE_NAME": self.name, "MOJANG_API_URL": self.upstream, "AVATAR_URL": f"{self.upstream}/avatar",
            "UPSTREAM_REALM": "https://api.mojang.com", "PEERS_FILE": self.peers_file, "LOG_LEVEL": "warning",
            "DISCOVERY_INTERVAL_SECONDS": "0.5", "SYNC_WAIT_SECONDS": str(SYNC_WAIT_SECONDS),
        }
        env.update({key: str(value) for key, value in settings.items()})
        self.process = self.processes.start([binary], env, f"{self.url}/readyz")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)

    def node_info(self):
        return json.loads(get(f"{self.url}/api/v1/node")[1])

    def knows_node_names(self):
        """Node records came with 0.2.0: an older node shows origins by id only."""
        version = self.node_info().get("softwareVersion", "0.0.0")
        return tuple(int(part) for part in version.split(".")[:3]) >= (0, 2, 0)

    def head(self, name):
        status, body = get(f"{self.url}/api/v1/heads/{name}")
        return json.loads(body) if status == 200 else None


@pytest.fixture
def federation():
    processes = Processes()
    directory = tempfile.mkdtemp(prefix="website-compat-")
    try:
        upstream_port = free_port()
        upstream = f"http://127.0.0.1:{upstream_port}"
        processes.start([NEW, "fake-upstream", "--host", "127.0.0.1", "--port", str(upstream_port)], {},
                        f"{upstream}/control")
        a = Node(processes, "node-a", upstream, f"{directory}/a-peers")
        b = Node(processes, "node-b", upstream, f"{directory}/b-peers")
        pathlib.Path(a.peers_file).write_text(b.url + "\n")
        pathlib.Path(b.peers_file).write_text(a.url + "\n")
        yield a, b
    finally:
        processes.stop_all()


def look_up(node, name, times=1):
    for _ in range(times):
        status, _ = get(f"{node.url}/heads/{name}")
        assert status == 200, f"lookup of {name} on {node.name} answered {status}"


def arrival_seconds(made_on, seen_on, name, count):
    """Seconds until `seen_on` shows `name` with `count` lookups, its profile, its head image and
    the name of the node it was made on; fails past the bound."""
    start = time.monotonic()
    named = made_on.knows_node_names() and seen_on.knows_node_names()

    def arrived():
        head = seen_on.head(name)
        if not head or head.get("totalCount") != count or not head.get("uuid"):
            return False
        if named and made_on.name not in {entry.get("name") for entry in head["perNode"]}:
            return False
        return get(f"{seen_on.url}{head['avatarUrl']}")[0] == 200

    assert wait_until(arrived, ARRIVAL_BOUND), (
        f"{name} made on {made_on.name} did not reach {seen_on.name} within {ARRIVAL_BOUND}s: {seen_on.head(name)}")
    return time.monotonic() - start


def test_a_mixed_federation_and_an_upgrade_in_place_lose_nothing(federation):
    a, b = federation
    a.start(OLD)
    b.start(NEW)
    old_version, new_version = a.node_info()["softwareVersion"], b.node_info()["softwareVersion"]
    a_id = a.node_info()["nodeId"]
    timings = {}

    look_up(a, "anna", times=2)
    look_up(b, "bert")
    timings["old to new"] = arrival_seconds(a, b, "anna", 2)
    timings["new to old"] = arrival_seconds(b, a, "bert", 1)

    a.stop()
    a.start(NEW)
    assert a.node_info()["nodeId"] == a_id
    assert a.node_info()["softwareVersion"] == new_version
    look_up(a, "cleo")
    look_up(b, "dora")
    timings["upgraded to new"] = arrival_seconds(a, b, "cleo", 1)
    timings["new to upgraded"] = arrival_seconds(b, a, "dora", 1)
    # What was made before the upgrade is still there, on both sides, with its node's name.
    for node in (a, b):
        assert node.head("anna")["totalCount"] == 2
        assert node.head("bert")["totalCount"] == 1
    look_up(a, "anna")
    timings["after the upgrade, an old name"] = arrival_seconds(a, b, "anna", 3)
    print(f"\ncompat {old_version} -> {new_version}: " + ", ".join(f"{k} {v:.2f} s" for k, v in timings.items()))


def anti_entropy_rounds(node, neighbour_id):
    """Anti-entropy rounds `node` completed with the neighbour (0 before the first, or from a
    version that does not count them)."""
    text = get(f"{node.url}/metrics")[1].decode()
    line = next((line for line in text.splitlines()
                 if line.startswith(f'heads_anti_entropy_rounds_total{{neighbour="{neighbour_id}"}}')), None)
    return float(line.split()[-1]) if line else 0.0


def test_anti_entropy_between_the_versions_repairs_both_ways(federation):
    """Counters deleted by hand on each side come back by anti-entropy alone, whichever side runs
    the older version: the newer names the kinds it digests, the older ignores them, and both
    compare profiles and counts."""
    a, b = federation
    a.start(OLD, ANTI_ENTROPY_INTERVAL_SECONDS=1)
    b.start(NEW, ANTI_ENTROPY_INTERVAL_SECONDS=1)
    a_id, b_id = a.node_info()["nodeId"], b.node_info()["nodeId"]
    look_up(a, "erin")
    look_up(b, "finn")
    arrival_seconds(a, b, "erin", 1)
    arrival_seconds(b, a, "finn", 1)
    # Each side's copy of the other's counter, deleted where the feed will not bring it back.
    psql(b.database, f"DELETE FROM lookup_counts WHERE origin = '{a_id}'")
    psql(a.database, f"DELETE FROM lookup_counts WHERE origin = '{b_id}'")
    started = time.monotonic()
    assert wait_until(lambda: (b.head("erin") or {}).get("totalCount") == 1, 30), "the new side did not repair"
    assert wait_until(lambda: (a.head("finn") or {}).get("totalCount") == 1, 30), "the old side did not repair"
    print(f"\nanti-entropy {a.node_info()['softwareVersion']} <-> {b.node_info()['softwareVersion']}: both "
          f"repaired within {time.monotonic() - started:.2f} s; rounds: new side {anti_entropy_rounds(b, a_id):.0f}, "
          f"old side {anti_entropy_rounds(a, b_id):.0f}")
