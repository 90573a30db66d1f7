"""Issue #19.1: after a job's Log was read, closing QGIS must not raise about a deleted CoreTask."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from qgis.PyQt.QtCore import QCoreApplication, QEvent

from tests.qgis.test_dock import wait_for
from worldcereal_qgis.controllers.jobs import JobController
from worldcereal_qgis.core.jobstore import JobRecord, JobStatus, JobStore


class _LogClient:
    """Answers the one call the Log button makes, with what a backend's log looks like."""

    def logs(self, remote_id: str) -> list[dict]:
        return [{"id": "1", "level": "info", "message": f"{remote_id} started"}]


def test_exit_after_reading_a_log_raises_nothing(tmp_path: Path):
    store = JobStore(tmp_path / "jobs.sqlite")
    record = store.add(JobRecord(local_id="", backend="local", backend_url="http://127.0.0.1:9/openeo",
                                 product="cropland", title="Cropland · test", request={},
                                 remote_id="j-42", status=JobStatus.RUNNING))
    runner = SimpleNamespace(store=store, client_for=lambda name: _LogClient())
    controller = JobController(runner, profile_for=lambda name: None)
    seen: list = []
    controller.fetch_log(record.local_id, lambda entries, error: seen.append((entries, error)))
    wait_for(lambda: seen, what="the log")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # QGIS deletes the finished task
    QCoreApplication.processEvents()
    assert seen[0][0][0]["message"] == "j-42 started" and seen[0][1] is None
    controller.shutdown()  # what unload() calls at QGIS exit: used to raise "wrapped C/C++ object … deleted"
    assert not controller.busy(f"log:{record.local_id}")
