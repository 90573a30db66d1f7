"""``make backend BACKEND_ARTIFACTS=1`` (the README's backend) also serves the artifact storage that flow 3 uploads
custom models to, and advertises it in its capabilities as CDSE does (#17.7)."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import boto3
import pytest
import requests

from tests.fixtures.backend import REPO_ROOT, _free_port
from tests.local_backend.s3 import BUCKET

pytestmark = pytest.mark.slow


def _capabilities(url: str, deadline: float, proc: subprocess.Popen) -> dict:
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            return requests.get(f"{url}/openeo/1.2/", timeout=2).json()
        except requests.RequestException:
            time.sleep(0.2)
    raise AssertionError(f"make backend did not answer in time; it printed:\n{_stop(proc)}")


def _stop(proc: subprocess.Popen) -> str:
    """Stops ``make backend`` and its children (its own process group); returns all it printed."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    return proc.communicate(timeout=30)[0]


@pytest.mark.parametrize("switch", ["1", "0"])
def test_make_backend_serves_artifact_storage_only_when_asked(tmp_path, switch):
    port, s3_port = _free_port(), _free_port()
    proc = subprocess.Popen(
        ["make", "-s", "backend", f"PORT={port}", f"ARTIFACTS_PORT={s3_port}", f"BACKEND_ARTIFACTS={switch}",
         f"BACKEND_DATA={tmp_path / 'data'}"],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        caps = _capabilities(f"http://127.0.0.1:{port}", time.monotonic() + 60, proc)
        providers = caps.get("artifacts", {}).get("providers", [])
        if switch == "0":
            assert providers == []
            return
        (provider,) = providers
        endpoint = f"http://127.0.0.1:{s3_port}"
        assert provider["config"]["s3_endpoint"] == endpoint and provider["config"]["bucket"] == BUCKET
        s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="local",
                          aws_secret_access_key="local")
        assert BUCKET in [b["Name"] for b in s3.list_buckets()["Buckets"]]
    finally:
        output = _stop(proc)
    assert ("Artifact storage (S3 + STS) on " in output) == (switch == "1")
