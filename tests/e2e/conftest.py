"""Fixtures that run the built `website` binary as real processes on loopback.

WEBSITE_BIN names the binary and DATABASE_URL a PostgreSQL role that may create databases
(scripts/test sets both).
"""
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

BINARY = os.environ.get("WEBSITE_BIN", ".build/debug/website")
ADMIN_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, timeout=10):
    """GET a URL; returns (status, body bytes) without raising on HTTP errors."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_ready(url, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited with {process.returncode}")
        try:
            if get(url, timeout=1)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} not ready after {seconds}s")


class Processes:
    def __init__(self):
        self.running = []

    def start(self, args, env, ready_url):
        process = subprocess.Popen(args, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.running.append(process)
        wait_until_ready(ready_url, process)
        return process

    def stop_all(self):
        for process in self.running:
            process.terminate()
        for process in self.running:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def processes():
    started = Processes()
    yield started
    started.stop_all()


def make_database():
    """Creates a fresh empty database; returns its URL."""
    name = "website_e2e_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", ADMIN_URL, "-qc", f"CREATE DATABASE {name}"], check=True)
    parts = urlsplit(ADMIN_URL)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture
def database():
    return make_database()


@pytest.fixture
def fake_upstream(processes):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    processes.start([BINARY, "fake-upstream", "--host", "127.0.0.1", "--port", str(port)], {}, f"{base}/control")
    return base


@pytest.fixture
def start_node(processes, fake_upstream):
    """Starts a node process on a database; returns its base URL."""

    def start(database_url, name="e2e-node", **settings):
        port = free_port()
        env = {
            "HTTP_HOST": "127.0.0.1", "HTTP_PORT": str(port), "DATABASE_URL": database_url, "NODE_NAME": name,
            "MOJANG_API_URL": fake_upstream, "AVATAR_URL": f"{fake_upstream}/avatar", "LOG_LEVEL": "warning",
            "DISCOVERY_INTERVAL_SECONDS": "0.5", "SYNC_WAIT_SECONDS": "2", **settings,
        }
        base = f"http://127.0.0.1:{port}"
        processes.start([BINARY], env, f"{base}/readyz")
        return base

    return start


def head_json(base, name):
    status, body = get(f"{base}/api/v1/heads/{name}")
    assert status == 200, body
    return json.loads(body)
