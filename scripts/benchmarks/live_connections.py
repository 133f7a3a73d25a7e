"""B11: what idle live pages cost one node. Starts a node, measures its resident memory and the
median time of its front and head pages, opens N idle server-sent event streams
(/api/v1/events?name=...) as a browser's EventSource would and keeps them open, then measures
again. Prints the figures and their ratios. Loopback only; bounded in count and time."""
import os
import socket
import statistics
import sys
import time

from harness import Cluster, get

STREAMS = int(os.environ.get("LIVE_STREAMS", "1000"))
REQUESTS = 300


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def median_ms(url):
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        status, _ = get(url)
        assert status == 200, (url, status)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def open_stream(host, port, name):
    connection = socket.create_connection((host, port), timeout=10)
    connection.sendall(f"GET /api/v1/events?name={name} HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n"
                       .encode())
    received = b""
    deadline = time.monotonic() + 10
    while b": live" not in received and time.monotonic() < deadline:
        chunk = connection.recv(4096)
        if not chunk:
            break
        received += chunk
    assert b" 200 " in received.split(b"\r\n", 1)[0] and b": live" in received, received[:200]
    return connection


def main():
    with Cluster() as cluster:
        url, _, process = cluster.node(LIVE_MAX_CONNECTIONS=STREAMS + 10)
        pid = process.pid
        assert get(f"{url}/heads/Alex")[0] == 200
        median_ms(f"{url}/")  # warm up
        before = {"rss": rss_mib(pid), "front": median_ms(f"{url}/"), "head": median_ms(f"{url}/heads/Alex")}
        host, port = url.removeprefix("http://").split(":")
        # Idle: pages of names nobody looks up meanwhile (a stream whose name changes gets every change).
        streams = [open_stream(host, int(port), f"idle{i % 50}") for i in range(STREAMS)]
        time.sleep(1)  # let the node settle after the connections (a measurement pause, not a wait for a condition)
        after = {"rss": rss_mib(pid), "front": median_ms(f"{url}/"), "head": median_ms(f"{url}/heads/Alex")}
        alive = sum(1 for s in streams if s.fileno() >= 0)
        for stream in streams:
            stream.close()
    print(f"B11 live pages: {alive} idle event streams held by one node ({os.path.basename(sys.argv[0])})")
    print(f"  RSS              {before['rss']:8.1f} MiB -> {after['rss']:8.1f} MiB  (+{after['rss'] - before['rss']:.1f} MiB)")
    for page in ("front", "head"):
        print(f"  {page:5} page median {before[page]:6.2f} ms  -> {after[page]:6.2f} ms  "
              f"({100 * after[page] / before[page]:.0f} % of before)")


if __name__ == "__main__":
    main()
