"""Helpers shared by the end-to-end tests, the fault tests and the benchmarks: HTTP without
exceptions for error statuses, waiting, throwaway databases, and processes that are stopped at
the end."""
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlsplit, urlunsplit


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, timeout=10):
    """GET a URL; returns (status, body bytes) without raising on HTTP error statuses."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until(condition, timeout, interval=0.05):
    """Polls `condition` (connection errors count as not yet) until it holds or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(interval)
    return condition()


def psql(database_url, sql):
    out = subprocess.run(["psql", database_url, "-qAtX", "-c", sql], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def make_database(admin_url, prefix="website_e2e"):
    """Creates a fresh empty database next to `admin_url`'s; returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    psql(admin_url, f"CREATE DATABASE {name}")
    return urlunsplit(urlsplit(admin_url)._replace(path="/" + name))


class Processes:
    """Processes started for a test or a benchmark, each awaited until `ready_url` answers 200."""

    def __init__(self):
        self.running = []

    def start(self, args, env, ready_url, seconds=30):
        process = subprocess.Popen(args, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.running.append(process)

        def ready():
            if process.poll() is not None:
                raise RuntimeError(f"{args} exited with {process.returncode}")
            return get(ready_url, timeout=1)[0] == 200

        if not wait_until(ready, seconds):
            raise RuntimeError(f"{ready_url} not ready after {seconds}s")
        return process

    def stop_all(self):
        for process in self.running:
            process.terminate()
        for process in self.running:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
