"""Extraction runs on the batch engine against a scripted client: write-ahead planned jobs, at most P on the
backend, retry with backoff, the concurrency cap as a wait, cancel, and which runs resume at start-up."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from worldcereal_qgis.core import backends
from worldcereal_qgis.core import extraction as ex
from worldcereal_qgis.core import extraction_run as er
from worldcereal_qgis.core import reference_data as rd
from worldcereal_qgis.core.credits import DEFAULT_RATES
from worldcereal_qgis.core.errors import ConcurrentLimitError, JobFailedError
from worldcereal_qgis.core.job_runner import JobRunner
from worldcereal_qgis.core.jobstore import DownloadState, JobStore
from worldcereal_qgis.core.openeo_api import RemoteStatus

PROFILE = dataclasses.replace(backends.LOCAL, min_poll_interval_s=0.01, max_poll_interval_s=0.02)


class Client:
    """Extraction jobs: created from a cube builder, capped at ``cap`` running, the first ``fail`` ones fail."""

    def __init__(self, cap: int = 99, fail: int = 0) -> None:
        self.cap, self.fail = cap, fail
        self.jobs: dict[str, str] = {}
        self.failing: set[str] = set()
        self.peak = self.refused = 0
        self._ids = itertools.count()

    def create_job_from_cube(self, builder, **_kw) -> str:
        job_id = f"j-{next(self._ids)}"
        self.jobs[job_id] = "created"
        if self.fail > 0:
            self.fail -= 1
            self.failing.add(job_id)
        return job_id

    def start(self, job_id: str) -> None:
        if sum(s in ("queued", "running") for s in self.jobs.values()) >= self.cap:
            self.refused += 1
            raise ConcurrentLimitError("refused", code="ConcurrentJobLimit", http_status=400, limit=self.cap)
        self.jobs[job_id] = "queued"
        self.peak = max(self.peak, sum(s in ("queued", "running") for s in self.jobs.values()))

    def status(self, job_id: str) -> RemoteStatus:
        nxt = {"queued": "running", "running": "error" if job_id in self.failing else "finished"}
        self.jobs[job_id] = nxt.get(self.jobs[job_id], self.jobs[job_id])
        return RemoteStatus(self.jobs[job_id], 50.0, 30.0 if self.jobs[job_id] in ("finished", "error") else None)

    def failure(self, job_id: str):
        return JobFailedError("The job failed on the backend: executor lost", code="JobFailed", job_id=job_id)

    def cancel(self, job_id: str) -> None:
        self.jobs[job_id] = "canceled"


@pytest.fixture(autouse=True)
def _no_loop_floor(monkeypatch):
    """The blocking loop's 0.2 s floor is for real backends; the scripted one answers at once."""
    from worldcereal_qgis.core.batch import drive

    monkeypatch.setattr(drive, "MIN_LOOP_S", 0.0)


@pytest.fixture(scope="module")
def plan(wc_dir: Path):
    samples = rd.validate(rd.read_reference_file(
        wc_dir / "reference_data" / "2022_FRA_LPIS_POLY_110_samples.geoparquet")).samples
    made = ex.plan_jobs(rd.select_samples(samples, "extract"), max_points=8, rates=DEFAULT_RATES)
    assert len(made.jobs) >= 4
    return made


def _extractor(tmp_path: Path, client: Client, **kw) -> er.ExtractionRunner:
    store = JobStore(tmp_path / "jobs.sqlite")
    runner = JobRunner(store, client_for=lambda n: client, output_root=tmp_path, profiles=lambda n: PROFILE)

    def download(local_id, **_kw):
        return store.update(local_id, download_state=DownloadState.DONE, outputs=[])

    runner.download = download
    return er.ExtractionRunner(runner, PROFILE, tmp_path / "out", **kw)


def test_every_job_is_written_ahead_and_at_most_two_run(tmp_path, plan):
    client = Client()
    extractor = _extractor(tmp_path, client)
    run_id = extractor.prepare(plan)
    assert len(extractor.store.list(run_id=run_id)) == len(plan.jobs) and client.jobs == {}
    state = extractor.run(plan, sleep=lambda s: None)
    assert (state.done, state.failed, len(client.jobs), client.peak) == (len(plan.jobs), 0, len(plan.jobs), 2)
    assert er.unfinished_runs(extractor.store) == {}


def test_a_failed_job_is_retried_after_its_backoff(tmp_path, plan):
    client = Client(fail=1)
    extractor = _extractor(tmp_path, client, retry_backoff_s=0.05)
    logs: list[str] = []
    state = extractor.run(plan, sleep=lambda s: None, log=logs.append)
    assert state.done == len(plan.jobs) and len(client.jobs) == len(plan.jobs) + 1
    assert any("executor lost" in line and "submitting it again later" in line for line in logs)


def test_the_concurrency_cap_is_a_wait(tmp_path, plan):
    client = Client(cap=1)
    extractor = _extractor(tmp_path, client)
    state = extractor.run(plan, sleep=lambda s: None)
    assert state.done == len(plan.jobs) and client.refused >= 1 and client.peak == 1
    assert len(client.jobs) == len(plan.jobs)  # a refused start keeps its created job


def test_an_interrupted_run_resumes_and_a_cancelled_one_does_not(tmp_path, plan):
    client = Client()
    extractor = _extractor(tmp_path, client)
    run_id = extractor.prepare(plan)
    extractor.step(run_id)
    assert er.unfinished_runs(extractor.store) == {run_id: tmp_path / "out"}
    extractor.cancel(run_id)
    assert er.unfinished_runs(extractor.store) == {}
    assert set(client.jobs.values()) == {"canceled"} and len(client.jobs) == 2
    fresh = _extractor(tmp_path, client)
    assert fresh.batch(run_id).is_done() and fresh.batch(run_id).due_actions() == []
