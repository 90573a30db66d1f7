"""Every fault switch of the admin endpoint, and that a client can recover from it."""

from __future__ import annotations

import contextlib
import time

import pytest
import requests
from openeo.rest import OpenEoApiError

from tests.backend.conftest import auth_headers, connect, create_job, cropland_args, wait_for


@pytest.fixture(scope="module")
def finished_asset(local_backend):
    con = connect(local_backend)
    job = create_job(con, "worldcereal_crop_extent", cropland_args())
    job.start()
    assert wait_for(job) == "finished"
    asset = job.get_results().get_assets()[0]
    original = requests.get(asset.href, headers=auth_headers(con), timeout=10).content
    return con, asset.href, original


def test_http_503_burst_then_recovery(backend_faults):
    backend_faults.set_faults(http_503={"count": 2, "path": "/collections"})
    url = f"{backend_faults.url}/collections"
    answers = [requests.get(url, timeout=10) for _ in range(3)]
    assert [r.status_code for r in answers] == [503, 503, 200]
    assert answers[0].json()["code"] == "ServiceUnavailable" and answers[0].json()["id"]
    assert requests.get(f"{backend_faults.url}/", timeout=10).status_code == 200


def test_openeo_client_retries_through_a_503_burst(backend_faults):
    con = connect(backend_faults)
    backend_faults.set_faults(http_503={"count": 1, "path": "/me$"})
    assert con.describe_account()["user_id"] == "demo"
    assert backend_faults.state()["faults"] == {}


def test_slow_responses(backend_faults):
    backend_faults.set_faults(delay={"ms": 600, "path": "/file_formats", "count": 1})
    start = time.monotonic()
    assert requests.get(f"{backend_faults.url}/file_formats", timeout=10).status_code == 200
    slow = time.monotonic() - start
    start = time.monotonic()
    requests.get(f"{backend_faults.url}/file_formats", timeout=10)
    assert slow >= 0.6 > time.monotonic() - start


def test_download_dropped_after_k_bytes_then_range_resume(backend_faults, finished_asset):
    con, href, original = finished_asset
    backend_faults.set_faults(drop_download={"after_bytes": 5 * 1024, "count": 1})
    got = b""
    # urllib3 1.x returns the short body silently, 2.x raises (and drops a short last chunk, hence a drop on a
    # 1024-byte boundary): either way the client gets the 5120 bytes sent.
    with contextlib.suppress(requests.exceptions.ChunkedEncodingError), requests.get(
        href, headers=auth_headers(con), stream=True, timeout=10
    ) as resp:
        assert resp.headers["Content-Length"] == str(len(original))
        for chunk in resp.iter_content(1024):
            got += chunk
    assert got == original[:5 * 1024]
    rest = requests.get(href, headers={**auth_headers(con), "Range": f"bytes={len(got)}-"}, timeout=10)
    assert rest.status_code == 206 and got + rest.content == original


def test_corrupt_asset_bytes_keep_size(backend_faults, finished_asset):
    con, href, original = finished_asset
    backend_faults.set_faults(corrupt_asset={"count": 1})
    bad = requests.get(href, headers=auth_headers(con), timeout=10).content
    good = requests.get(href, headers=auth_headers(con), timeout=10).content
    assert len(bad) == len(original) and bad != original and bad[:2] != original[:2]
    assert good == original


def test_job_ends_in_error_with_error_logs(backend_faults):
    con = connect(backend_faults)
    backend_faults.set_faults(job_error={"count": 1, "message": "Executor lost: injected OOM."})
    failing = create_job(con, "worldcereal_crop_extent", cropland_args())
    healthy = create_job(con, "worldcereal_crop_extent", cropland_args())
    failing.start()
    healthy.start()
    assert wait_for(failing) == "error" and wait_for(healthy) == "finished"
    errors = [e["message"] for e in failing.logs(level="error")]
    assert "Executor lost: injected OOM." in errors
    with pytest.raises(OpenEoApiError) as info:
        failing.get_results().get_metadata()
    assert info.value.code == "JobNotFinished"


def test_token_expires_mid_job_until_reauthentication(backend_faults):
    con = connect(backend_faults)
    job = create_job(con, "worldcereal_crop_extent", cropland_args())
    backend_faults.set_faults(expire_token={"after_requests": 1})
    job.start()  # the last request the old token may make
    resp = requests.get(f"{backend_faults.url}/jobs/{job.job_id}", headers=auth_headers(con), timeout=10)
    assert resp.status_code == 401 and resp.json()["code"] == "TokenInvalid"
    con.authenticate_basic(backend_faults.user, backend_faults.password)
    assert wait_for(job) == "finished"


def test_unknown_fault_switch_is_refused(backend_faults):
    resp = requests.post(f"{backend_faults.root}/_admin/faults", json={"meteor_strike": 1}, timeout=10)
    assert resp.status_code == 400 and "meteor_strike" in resp.json()["message"]


def test_concurrent_job_limit_answers_like_cdse_until_a_slot_frees(backend_faults):
    """CDSE's unofficial ConcurrentJobLimit (openeo-python-client issue #838): 400, the code, its sentence."""
    con = connect(backend_faults)
    backend_faults.set_faults(concurrent_limit={"limit": 1})
    first = create_job(con, "worldcereal_crop_extent", cropland_args())
    backend_faults.set_job_duration(first.job_id, 2)
    first.start()
    second = create_job(con, "worldcereal_crop_extent", cropland_args())
    with pytest.raises(OpenEoApiError) as err:
        second.start()
    assert (err.value.http_status_code, err.value.code) == (400, "ConcurrentJobLimit")
    assert err.value.message == "Job was not started because concurrent job limit (1) is reached."
    assert second.describe()["status"] == "created"
    assert wait_for(first) == "finished"
    second.start()  # the slot is free again
    assert second.describe()["status"] in ("queued", "running", "finished")
    assert backend_faults.state()["faults"] == {"concurrent_limit": {"limit": 1}}  # a setting, never consumed
