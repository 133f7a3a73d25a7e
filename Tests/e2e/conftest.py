"""Fixtures that run the built `website` binary as real processes on loopback.

WEBSITE_BIN names the binary and DATABASE_URL a PostgreSQL role that may create databases
(scripts/test sets both).
"""
import json
import os
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "support"))
from processes import Processes, free_port, get, make_database as make_database_at, wait_until  # noqa: E402,F401

BINARY = os.environ.get("WEBSITE_BIN", ".build/debug/website")
ADMIN_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def make_database():
    """Creates a fresh empty database; returns its URL."""
    return make_database_at(ADMIN_URL)


@pytest.fixture
def processes():
    started = Processes()
    yield started
    started.stop_all()


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
            "DISCOVERY_INTERVAL_SECONDS": "0.5", "SYNC_WAIT_SECONDS": "2",
            # Every simulated visitor is 127.0.0.1: one client, whose allowance of new names
            # would otherwise end these tests' lookups (the hostile-visitor suite tests the limit).
            "UPSTREAM_LOOKUPS_PER_CLIENT_PER_MINUTE": "1000000", "SYNC_REQUESTS_PER_CLIENT_PER_SECOND": "100000",
            **settings,
        }
        base = f"http://127.0.0.1:{port}"
        processes.start([BINARY], env, f"{base}/readyz")
        return base

    return start


def head_json(base, name):
    status, body = get(f"{base}/api/v1/heads/{name}")
    assert status == 200, body
    return json.loads(body)
