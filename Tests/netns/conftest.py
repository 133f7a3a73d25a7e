"""The federation as separate processes on separate hosts (network namespaces), like the
compose file: one PostgreSQL per node on the node's internal network. Needs root; skips
otherwise. The test process itself moves into the `client` namespace, so its traffic never
leaves the test hosts."""
import os
import shutil
import signal
import json

import pytest

import topology
from federation import BINARY, WORK, Federation, enter, get, url, wait_until  # noqa: F401

@pytest.fixture(scope="session")
def federation():
    if os.geteuid() != 0:
        pytest.skip("the network-namespace tests need root (CI runs them as root)")
    if not os.path.exists(BINARY):
        pytest.skip(f"{BINARY} is not built")
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    shutil.chown(WORK, "postgres", "postgres")
    os.chmod(WORK, 0o777)
    root = os.open("/proc/self/ns/net", os.O_RDONLY)
    topology.up()
    # From here on, every request this process makes leaves from the client host: the root
    # namespace has a route off the machine, which test traffic must never take.
    enter("client")
    fed = Federation()
    try:
        for node in topology.NODES:
            fed.start_database(node)
        fed.spawn("fake-upstream", "fake-upstream", [BINARY, "fake-upstream", "--port", "8090"])
        for node in topology.NODES:
            fed.write_peers(node, ["# the same list on every node", "website-a", "website-b", "website-c"])
            fed.start_node(node)
        ids = [fed.node_id(n) for n in topology.NODES]
        assert wait_until(lambda: all(
            len([p for p in json.loads(get(url(n, "/api/v1/peers"))[1])["peers"] if p["state"] == "idle"]) == 2
            for n in topology.NODES), 60), "the three nodes did not find each other"
        fed.ids = dict(zip(topology.NODES, ids))
        yield fed
    finally:
        enter(f"/proc/self/fd/{root}")
        for key in list(fed.processes):
            fed.stop(key, signal.SIGKILL)
        topology.down()
        assert topology.leftovers() == [], "tear-down left namespaces behind"
