"""Group commit: a node killed (SIGKILL) while batches of lookups are being written keeps every
lookup it acknowledged. Sixteen clients look up four names as fast as they can; the node is
killed once 300 lookups were acknowledged; a new process on the same database must count at
least every acknowledged lookup, and at most those plus the ones in flight at the kill."""
import http.client
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

from conftest import get, head_json, wait_until

CLIENTS = 16
NAMES = ["Alice", "Bob", "Carol", "Dave"]
PER_CLIENT = 400  # a bound: the kill comes long before


def test_every_acknowledged_lookup_survives_a_kill_mid_batch(database, start_node, processes):
    base = start_node(database, DATABASE_SYNCHRONOUS_COMMIT="on")
    node = processes.running[-1]
    for name in NAMES:  # resolved and fetched once: what follows takes the batched path
        assert get(f"{base}/heads/{name}")[0] == 200
    acknowledged = {name: 1 for name in NAMES}
    attempted = {name: 1 for name in NAMES}
    lock = threading.Lock()
    killed = threading.Event()

    def client(index):
        for i in range(PER_CLIENT):
            if killed.is_set():
                return
            name = NAMES[(index + i) % len(NAMES)]
            with lock:
                attempted[name] += 1
            try:
                status, _ = get(f"{base}/heads/{name}", timeout=5)
            except (OSError, http.client.HTTPException):  # the kill cut the answer: not acknowledged
                return
            if status != 200:
                return
            with lock:
                acknowledged[name] += 1
                if sum(acknowledged.values()) >= 300 + len(NAMES) and not killed.is_set():
                    node.send_signal(signal.SIGKILL)
                    killed.set()

    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(client, range(CLIENTS)))
    assert killed.is_set(), "the node was never killed"
    node.wait(timeout=10)

    restarted = start_node(database)
    for name in NAMES:
        stored = head_json(restarted, name.lower())["localCount"]
        assert acknowledged[name] <= stored <= attempted[name], (name, acknowledged[name], stored, attempted[name])
