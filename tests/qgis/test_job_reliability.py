"""Each injected fault of the local backend is recovered, or reported as one clear sentence."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject

from worldcereal_qgis.adapters import connections
from worldcereal_qgis.controllers.jobs import JobController
from worldcereal_qgis.core.errors import DownloadError, JobFailedError
from worldcereal_qgis.core.request import cropland_request

pytestmark = pytest.mark.slow


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _backend_file(backend, job_id: str, name: str) -> Path:
    matches = [p for p in backend.data_dir.rglob(name) if job_id in str(p)]
    assert matches, f"backend result {name} of {job_id} not found under {backend.data_dir}"
    return matches[0]


@pytest.fixture
def request_2021(france_aoi):
    return cropland_request(france_aoi, year=2021)


def _submit(runner, request, profile):
    record = runner.new_map_job(request, profile)
    return runner.submit(record.local_id)


def test_503_burst_while_waiting_is_ridden_out(runner, local_profile, request_2021, backend_faults):
    record = _submit(runner, request_2021, local_profile)
    backend_faults.set_faults(http_503={"count": 4, "path": f"/jobs/{record.remote_id}$"})
    finished = runner.wait(record.local_id)
    assert finished.status == "finished"
    assert "http_503" not in backend_faults.state().get("faults", {})


def test_dropped_download_resumes_to_identical_bytes(runner, local_profile, request_2021, backend_faults):
    backend_faults.set_faults(drop_download={"after_bytes": 50_000, "count": 2})
    record = runner.run(request_2021, local_profile)
    (tif,) = record.outputs
    assert _sha256(tif) == _sha256(_backend_file(backend_faults, record.remote_id, Path(tif).name))
    assert not Path(tif + ".part").exists()


def test_corrupt_asset_is_never_loaded(runner, local_profile, request_2021, backend_faults):
    backend_faults.set_faults(corrupt_asset={"count": 20})
    with pytest.raises(DownloadError) as err:
        runner.run(request_2021, local_profile)
    assert "worldcereal_crop_extent.tif" in str(err.value)
    record = runner.store.list()[0]
    assert record.download_state == "failed" and record.outputs == []
    assert not (Path(record.output_dir) / "worldcereal_crop_extent.tif").exists()


def test_failed_job_reports_code_job_id_and_log_line(runner, local_profile, request_2021, backend_faults):
    backend_faults.set_faults(job_error={"count": 1, "message": "Executor ran out of memory"})
    with pytest.raises(JobFailedError) as err:
        runner.run(request_2021, local_profile)
    text = str(err.value)
    record = runner.store.list()[0]
    assert "Executor ran out of memory" in text
    assert record.remote_id in text and "JobFailed" in text
    assert text.count(".") >= 1 and "\n" not in text and "Traceback" not in text
    assert record.status == "error" and record.error_message == text


def test_token_expiring_mid_job_logs_in_again(runner, local_profile, request_2021, backend_faults):
    record = _submit(runner, request_2021, local_profile)
    backend_faults.set_job_duration(record.remote_id, 3)
    backend_faults.set_faults(expire_token={"after_requests": 1})
    finished = runner.wait(record.local_id)
    assert finished.status == "finished"
    assert runner.download(record.local_id).download_state == "done"


def test_backend_restart_mid_job_loses_nothing(runner, local_profile, request_2021, local_backend):
    record = _submit(runner, request_2021, local_profile)
    local_backend.set_job_duration(record.remote_id, 4)
    local_backend.restart()
    finished = runner.wait(record.local_id)
    assert finished.status == "finished"
    assert runner.download(record.local_id).download_state == "done"


# -- the dock's path: JobController with QgsTasks, and a plugin restart in the middle ------------------------------

def _pump(until, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        assert time.monotonic() < deadline, "timed out waiting for the job"
        QgsApplication.processEvents()
        time.sleep(0.02)


def _controller(runner, local_profile):
    controller = JobController(runner, profile_for=lambda name: local_profile, project=QgsProject.instance(),
                               tick_ms=100)
    messages = []
    controller.notify.connect(lambda title, text, level: messages.append(text))
    return controller, messages


def test_restart_mid_job_resumes_polling_and_loads(runner, local_profile, request_2021, local_backend, store):
    controller, _ = _controller(runner, local_profile)
    local_id = controller.submit(request_2021, local_profile)
    _pump(lambda: store.get(local_id).status in ("queued", "running"))
    remote_id = store.get(local_id).remote_id
    local_backend.set_job_duration(remote_id, 3)
    controller.shutdown()  # QGIS closes: nothing watches the job any more
    controller.deleteLater()
    QgsApplication.processEvents()

    restarted, messages = _controller(runner, local_profile)
    assert local_id in restarted.resume()
    _pump(lambda: store.get(local_id).download_state == "done", timeout=60)
    _pump(lambda: any(lyr.customProperty("worldcereal/job_id") == remote_id
                      for lyr in QgsProject.instance().mapLayers().values()), timeout=10)
    assert any("loaded" in m for m in messages)
    restarted.remove(local_id)
    assert not [lyr for lyr in QgsProject.instance().mapLayers().values()
                if lyr.customProperty("worldcereal/job_id") == remote_id]
    restarted.shutdown()


def test_restart_during_download_resumes_download(runner, local_profile, request_2021, backend_faults, store):
    controller, _ = _controller(runner, local_profile)
    backend_faults.set_faults(delay={"ms": 1500, "path": "/results/assets/", "count": 1})
    local_id = controller.submit(request_2021, local_profile)
    _pump(lambda: store.get(local_id).download_state == "downloading", timeout=60)
    controller.shutdown()
    controller.deleteLater()
    QgsApplication.processEvents()
    assert store.get(local_id).needs_download

    restarted, _ = _controller(runner, local_profile)
    assert local_id in restarted.resume()
    _pump(lambda: store.get(local_id).download_state == "done", timeout=60)
    record = store.get(local_id)
    assert Path(record.outputs[0]).is_file()
    restarted.remove(local_id)
    restarted.shutdown()


def test_cancel_from_the_controller_cancels_remotely(runner, local_profile, request_2021, local_backend, store):
    controller, _ = _controller(runner, local_profile)
    local_id = controller.submit(request_2021, local_profile)
    _pump(lambda: store.get(local_id).remote_id is not None and not controller.busy(local_id))
    remote_id = store.get(local_id).remote_id
    local_backend.set_job_duration(remote_id, 60)
    controller.cancel(local_id)
    _pump(lambda: store.get(local_id).status == "canceled" and not controller.busy(local_id))
    assert connections.client(local_profile).status(remote_id).status == "canceled"
    controller.shutdown()
