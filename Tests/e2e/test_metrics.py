"""`/metrics` of a running node passes `promtool check metrics` (Debian's prometheus package)."""
import shutil
import subprocess

import pytest

from conftest import get


def test_metrics_pass_promtool(database, start_node):
    promtool = shutil.which("promtool")
    if not promtool:
        pytest.skip("promtool is not installed (scripts/e2e installs Debian's prometheus as root)")
    base = start_node(database)
    assert get(f"{base}/heads/Notch")[0] == 200
    status, body = get(f"{base}/metrics")
    assert status == 200
    for name in ("http_server_request_duration_bucket", "process_resident_memory_bytes", "heads_database_pool_in_use"):
        assert name.encode() in body, name
    check = subprocess.run([promtool, "check", "metrics"], input=body, capture_output=True, timeout=30)
    # promtool prints lint advice (naming conventions) on stdout and fails only on format errors.
    assert check.returncode == 0, check.stdout.decode() + check.stderr.decode()
