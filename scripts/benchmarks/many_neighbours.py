"""B9: a node with 0 and with 50 neighbours (honest and idle: small servers that speak the sync
protocol, hold each long-poll up to its wait and answer nothing new). Prints the front page's and
a cached head page's median and 95th percentile over 200 requests, the node's connections to its
database (at most DATABASE_POOL_SIZE + 2 expected) and whether /readyz answers.
Usage: after scripts/bench has set DATABASE_URL and WEBSITE_BIN, or `scripts/bench-neighbours`."""
import base64
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from harness import Cluster, free_port, get, psql, wait_until

NEIGHBOURS = 50
POOL = 16


def idle_neighbour(realm):
    key = Ed25519PrivateKey.generate()
    node_id = base64.urlsafe_b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode().rstrip("=")
    port = free_port()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, body):
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            if url.path == "/api/v1/node":
                return self.send({"nodeId": node_id, "name": f"idle-{port}", "softwareVersion": "x",
                                  "protocolVersion": 1, "upstreamRealm": realm})
            if url.path == "/api/v1/changes":
                time.sleep(min(float(query.get("wait", ["0"])[0]), 25))
                since = query.get("since", ["0"])[0]
                return self.send({"nodeId": node_id, "since": since, "next": since, "more": False,
                                  "latestSequence": 0, "records": [], "epoch": "idle"})
            if url.path == "/api/v1/digests":
                return self.send({"nodeId": node_id, "prefix": query.get("prefix", [""])[0], "ranges": []})
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}"


def timings(url, count=200):
    spent = []
    for _ in range(count):
        started = time.perf_counter()
        status, _ = get(url)
        assert status == 200, status
        spent.append(time.perf_counter() - started)
    spent.sort()
    return spent[len(spent) // 2] * 1000, spent[int(len(spent) * 0.95)] * 1000


def measure(cluster, neighbours, realm):
    servers = [idle_neighbour(realm) for _ in range(neighbours)]
    peers = ",".join(url for _, url in servers)
    url, database, process = cluster.node(name=f"n{neighbours}", PEERS=peers, DATABASE_POOL_SIZE=POOL)
    for name in ("alice", "bob", "carol"):
        assert get(f"{url}/heads/{name}")[0] == 200
    if neighbours:
        def all_pulling():
            body = json.loads(get(f"{url}/api/v1/peers")[1])
            return sum(1 for peer in body["peers"] if peer["state"] == "idle") == neighbours
        assert wait_until(all_pulling, 120, 0.5), "not every neighbour reached idle"
    front = timings(f"{url}/")
    page = timings(f"{url}/heads/alice")
    name = urlsplit(database).path[1:]
    connections = int(psql(database, f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{name}'")) - 1
    ready = get(f"{url}/readyz")[0]
    print(f"B9 {neighbours} neighbours: front page median {front[0]:.1f} ms (p95 {front[1]:.1f}), "
          f"head page median {page[0]:.1f} ms (p95 {page[1]:.1f}), {connections} database connections "
          f"(pool {POOL}), /readyz {ready}", flush=True)
    process.terminate()
    process.wait(timeout=30)
    for server, _ in servers:
        server.shutdown()


def main():
    with Cluster() as cluster:
        realm = cluster.upstream
        for neighbours in (0, NEIGHBOURS):
            measure(cluster, neighbours, realm)


if __name__ == "__main__":
    main()
