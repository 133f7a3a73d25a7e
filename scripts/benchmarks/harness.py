"""Processes and measurements shared by the benchmark steps (loopback only, bounded in time)."""
import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlsplit, urlunsplit

BINARY = os.environ.get("WEBSITE_BIN", ".build/release/website")
ADMIN_URL = os.environ["DATABASE_URL"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def psql(database_url, sql):
    out = subprocess.run(["psql", database_url, "-qAtX", "-c", sql], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def make_database():
    name = "bench_" + uuid.uuid4().hex[:10]
    psql(ADMIN_URL, f"CREATE DATABASE {name}")
    return urlunsplit(urlsplit(ADMIN_URL)._replace(path="/" + name))


class Cluster:
    """Starts fake upstream and nodes as processes; stops them all at the end."""

    def __init__(self):
        self.processes = []
        self.upstream = None

    def __enter__(self):
        port = free_port()
        self.upstream = f"http://127.0.0.1:{port}"
        self._start([BINARY, "fake-upstream", "--host", "127.0.0.1", "--port", str(port)], {}, f"{self.upstream}/control")
        return self

    def __exit__(self, *exc):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    def _start(self, args, env, ready):
        process = subprocess.Popen(args, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.processes.append(process)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{args} exited")
            try:
                if get(ready, timeout=1)[0] == 200:
                    return process
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"{ready} not ready")

    def node(self, database=None, name="bench", **settings):
        """Starts a node; returns (base URL, database URL, process)."""
        database = database or make_database()
        port = free_port()
        env = {
            "HTTP_HOST": "127.0.0.1", "HTTP_PORT": str(port), "DATABASE_URL": database, "NODE_NAME": name,
            "MOJANG_API_URL": self.upstream, "AVATAR_URL": f"{self.upstream}/avatar", "LOG_LEVEL": "error",
            "PEERS_FILE": "/nonexistent", "DISCOVERY_INTERVAL_SECONDS": "1",
        }
        env.update({key: str(value) for key, value in settings.items()})
        url = f"http://127.0.0.1:{port}"
        process = self._start([BINARY], env, f"{url}/readyz")
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


def wait_until(condition, timeout, interval=0.01):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()
