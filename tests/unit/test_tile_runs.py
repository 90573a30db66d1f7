"""Tiled runs against a scripted backend: parallel limit, retries with backoff, resume, cancel, credits."""

from __future__ import annotations

import csv
import dataclasses
import itertools
import time
from collections import Counter
from pathlib import Path

import pytest
from shapely.geometry import box

from worldcereal_qgis.core import backends
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.credits import DEFAULT_RATES, estimate_map_credits
from worldcereal_qgis.core.errors import CancelledError, InputError
from worldcereal_qgis.core.jobstore import DownloadState
from worldcereal_qgis.core.openeo_api import RemoteStatus
from worldcereal_qgis.core.request import cropland_request
from worldcereal_qgis.core.tile_runs import TileRun, TileStatus, run_tiled
from worldcereal_qgis.core.tiling import plan_tiles

PROFILE = dataclasses.replace(backends.LOCAL, min_poll_interval_s=0.01, max_poll_interval_s=0.02)


class ScriptedBackend:
    """Jobs go queued -> running -> finished (or error for the tiles told to fail); counts what was asked."""

    def __init__(self, fail: dict[str, int] | None = None) -> None:
        self.fail = dict(fail or {})
        self.jobs: dict[str, dict] = {}
        self.created: Counter = Counter()
        self.cancelled: list[str] = []
        self.peak_active = 0
        self._ids = itertools.count()

    def create_map_job(self, process_id, namespace, arguments, *, title, description, job_options=None) -> str:
        tile = title.split(" – ")[1]
        job_id = f"j-{next(self._ids)}"
        fails = self.fail.get(tile, 0) > 0
        self.fail[tile] = self.fail.get(tile, 0) - 1
        self.jobs[job_id] = {"tile": tile, "status": "created", "polls": 0, "fails": fails}
        self.created[tile] += 1
        return job_id

    def start(self, job_id: str) -> None:
        self.jobs[job_id]["status"] = "queued"
        self.peak_active = max(self.peak_active, sum(j["status"] in ("queued", "running") for j in self.jobs.values()))

    def status(self, job_id: str) -> RemoteStatus:
        job = self.jobs[job_id]
        job["polls"] += 1
        if job["status"] == "queued":
            job["status"] = "running"
        elif job["status"] == "running":
            job["status"] = "error" if job["fails"] else "finished"
        credits = 3.0 if job["status"] in ("finished", "error") else None
        return RemoteStatus(job["status"], 50.0, credits)

    def failure(self, job_id: str):
        from worldcereal_qgis.core.errors import JobFailedError

        return JobFailedError("The job failed on the backend: worker lost", code="JobFailed", job_id=job_id)

    def cancel(self, job_id: str) -> None:
        self.cancelled.append(job_id)
        self.jobs[job_id]["status"] = "canceled"


def _fake_download(run: TileRun):
    def download(local_id: str, **_kw):
        record = run.store.get(local_id)
        out = Path(record.output_dir) / "worldcereal_crop_extent.tif"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(b"tif")
        return run.store.update(local_id, download_state=DownloadState.DONE, outputs=[str(out)])

    return download


@pytest.fixture(autouse=True)
def _no_loop_floor(monkeypatch):
    """The blocking loop's 0.2 s floor is for real backends; the scripted one answers at once."""
    from worldcereal_qgis.core import tile_runs

    monkeypatch.setattr(tile_runs, "MIN_LOOP_S", 0.0)


@pytest.fixture
def tiles():
    planned = plan_tiles(box(5.96, 46.60, 6.04, 46.63), "unit", 3.0)
    assert len(planned) >= 5
    return planned[:5]


@pytest.fixture
def request_():
    return cropland_request(Aoi(box(5.96, 46.60, 6.04, 46.63), "unit"), year=2021)


def _run(tmp_path: Path, request_, tiles, backend: ScriptedBackend, **kw) -> TileRun:
    run = TileRun.create(tmp_path / "run", request_, PROFILE, tiles, client_for=lambda p: backend, **kw)
    return _wire(run)


def _wire(run: TileRun) -> TileRun:
    run.runner.download = _fake_download(run)
    run.build_mosaic = lambda *a, **k: None  # the fake files are not rasters; the mosaic has its own tests
    return run


def _drive(run: TileRun, is_cancelled=lambda: False):
    return run_tiled(run, is_cancelled=is_cancelled, sleep=lambda s: None, rates=DEFAULT_RATES)


def test_all_tiles_finish_with_at_most_p_jobs_on_the_backend(tmp_path, request_, tiles):
    backend = ScriptedBackend()
    run = _run(tmp_path, request_, tiles, backend, parallel=2)
    summary = _drive(run)
    assert sorted(summary.finished) == sorted(t.name for t in tiles) and summary.failed == ()
    assert backend.peak_active == 2
    assert backend.created == Counter({t.name: 1 for t in tiles})
    assert summary.credits == pytest.approx(3.0 * len(tiles)) == run.actual_credits()
    rows = list(csv.DictReader((run.run_dir / "job_tracking.csv").open()))
    assert [r["tile_name"] for r in rows] == [t.name for t in tiles]
    assert {r["status"] for r in rows} == {"finished"} and all(r["id"].startswith("j-") for r in rows)
    assert float(rows[0]["costs"]) == 3.0


def test_estimate_is_the_sum_of_tile_estimates(tmp_path, request_, tiles):
    run = _run(tmp_path, request_, tiles, ScriptedBackend())
    low = sum(estimate_map_credits(t.area_km2, DEFAULT_RATES)[0] for t in tiles)
    high = sum(estimate_map_credits(t.area_km2, DEFAULT_RATES)[1] for t in tiles)
    assert run.estimate_credits(DEFAULT_RATES) == pytest.approx((low, high))
    assert run.actual_credits() == 0.0


def test_failed_tile_is_retried_after_backoff_then_finishes(tmp_path, request_, tiles):
    flaky = tiles[1].name
    backend = ScriptedBackend(fail={flaky: 2})
    run = _run(tmp_path, request_, tiles, backend, retry_backoff_s=0.05)
    summary = _drive(run)
    assert flaky in summary.finished and backend.created[flaky] == 3
    assert all(backend.created[t.name] == 1 for t in tiles if t.name != flaky)
    state = run.tile_states()[flaky]
    assert state.attempts == 3 and state.credits == pytest.approx(9.0)  # failed attempts cost credits too
    log = (run.run_dir / flaky / "tile.log").read_text()
    assert log.count("worker lost") == 2 and "Results downloaded" in log


def test_retry_waits_for_its_backoff(tmp_path, request_, tiles):
    backend = ScriptedBackend(fail={tiles[0].name: 1})
    run = _run(tmp_path, request_, tiles[:1], backend, retry_backoff_s=3600.0)
    deadline = time.monotonic() + 5
    while run.tile_states()[tiles[0].name].status != TileStatus.RETRYING and time.monotonic() < deadline:
        for action in run.due_actions():
            run.execute(action)
    state = run.tile_states()[tiles[0].name]
    assert state.status == TileStatus.RETRYING and state.retry_at is not None
    assert run.due_actions() == [] and backend.created[tiles[0].name] == 1


def test_tile_failing_every_attempt_is_reported_failed(tmp_path, request_, tiles):
    bad = tiles[0].name
    backend = ScriptedBackend(fail={bad: 10})
    run = _run(tmp_path, request_, tiles[:2], backend, max_attempts=3, retry_backoff_s=0.01)
    summary = _drive(run)
    assert summary.failed == (bad,) and backend.created[bad] == 3
    assert "worker lost" in run.tile_states()[bad].message


def test_reopened_run_does_not_resubmit_finished_tiles(tmp_path, request_, tiles):
    backend = ScriptedBackend()
    run = _run(tmp_path, request_, tiles, backend)
    while sum(s.status == TileStatus.FINISHED for s in run.tile_states().values()) < 2:
        for action in run.due_actions():
            run.execute(action)
    running = [s.job_id for s in run.tile_states().values() if s.status in TileStatus.ON_BACKEND]
    assert running  # QGIS "crashes" with jobs on the backend

    reopened = _wire(TileRun.open(tmp_path / "run", client_for=lambda p: backend, profile=PROFILE))
    summary = _drive(reopened)
    assert len(summary.finished) == len(tiles)
    assert backend.created == Counter({t.name: 1 for t in tiles})
    # the same request in the same folder is the same run; another request is refused
    again = TileRun.create(tmp_path / "run", request_, PROFILE, tiles, client_for=lambda p: backend)
    assert again.run_id == run.run_id
    other = cropland_request(Aoi(box(5.96, 46.60, 6.04, 46.63), "unit"), year=2020)
    with pytest.raises(InputError, match="another tiled run"):
        TileRun.create(tmp_path / "run", other, PROFILE, tiles, client_for=lambda p: backend)


def test_cancel_stops_every_remote_job_of_the_run(tmp_path, request_, tiles):
    backend = ScriptedBackend()
    run = _run(tmp_path, request_, tiles, backend, parallel=2)
    for action in run.due_actions():
        run.execute(action)
    on_backend = sorted(s.job_id for s in run.tile_states().values() if s.status in TileStatus.ON_BACKEND)
    assert len(on_backend) == 2
    with pytest.raises(CancelledError, match="cancelled"):
        _drive(run, is_cancelled=lambda: True)
    assert sorted(backend.cancelled) == on_backend
    assert {s.status for s in run.tile_states().values()} == {TileStatus.CANCELED}
    assert run.due_actions() == []
    reopened = TileRun.open(tmp_path / "run", client_for=lambda p: backend, profile=PROFILE)
    assert reopened.manifest.cancelled and reopened.due_actions() == []


def test_tile_requests_cover_their_tile_only(tmp_path, request_, tiles):
    run = _run(tmp_path, request_, tiles, ScriptedBackend())
    for plan, tile in zip(run.tiles, tiles):
        req = run.tile_request(plan)
        west, south, east, north = tile.geometry_4326.bounds
        ext = req.udp_arguments()["spatial_extent"]
        assert ext["west"] == pytest.approx(west, abs=1e-6) and ext["east"] == pytest.approx(east, abs=1e-6)
        assert ext["south"] == pytest.approx(south, abs=1e-6) and ext["north"] == pytest.approx(north, abs=1e-6)
        assert req.aoi.name == tile.name and req.temporal_extent == request_.temporal_extent
