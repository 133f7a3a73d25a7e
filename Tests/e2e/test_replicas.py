"""Two `website` processes sharing one database: no lookup is lost."""
from concurrent.futures import ThreadPoolExecutor

from conftest import get, head_json

LOOKUPS = 2000
CLIENTS = 16


def test_two_processes_sixteen_clients_count_exactly(database, start_node):
    replicas = [start_node(database), start_node(database)]

    def client(index):
        base = replicas[index % 2]
        return sum(get(f"{base}/display_skin?username=Steve")[0] == 200 for _ in range(LOOKUPS // CLIENTS))

    with ThreadPoolExecutor(CLIENTS) as pool:
        served = sum(pool.map(client, range(CLIENTS)))

    assert served == LOOKUPS
    for base in replicas:
        document = head_json(base, "steve")
        assert document["localCount"] == LOOKUPS
        assert document["totalCount"] == LOOKUPS
    # Both replicas are one node: one identity, one counter.
    assert len(document["perNode"]) == 1


def test_replicas_share_one_identity(database, start_node):
    first, second = start_node(database), start_node(database)
    assert get(f"{first}/api/v1/node")[1] != b""
    ids = {__import__("json").loads(get(f"{base}/api/v1/node")[1])["nodeId"] for base in (first, second)}
    assert len(ids) == 1
