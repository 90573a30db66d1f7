"""Core rules of issue #16 without a backend: outage tolerance, write-ahead resume, owners, preflight, the
concurrency cap as a wait in the batch engine, URLs without credentials, long asset names."""

from __future__ import annotations

import dataclasses
import itertools
import socket
from pathlib import Path

import pytest
from shapely.geometry import box

from worldcereal_qgis.core import backends, job_owner, preflight
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.batch.engine import ItemStatus
from worldcereal_qgis.core.download import safe_asset_path
from worldcereal_qgis.core.errors import BackendError, ConcurrentLimitError, InputError
from worldcereal_qgis.core.job_runner import OUTAGE_TOLERANCE_S, JobRunner, without_credentials
from worldcereal_qgis.core.jobstore import DownloadState, JobStore
from worldcereal_qgis.core.openeo_api import RemoteStatus
from worldcereal_qgis.core.request import cropland_request
from worldcereal_qgis.core.tile_runs import TileRun
from worldcereal_qgis.core.tiling import plan_tiles

PROFILE = dataclasses.replace(backends.LOCAL, min_poll_interval_s=0.01, max_poll_interval_s=0.02)
CDSE = dataclasses.replace(backends.CDSE, min_poll_interval_s=10.0, max_poll_interval_s=60.0)


class FakeClock:
    """Time that passes only when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


class OutageBackend:
    """Status requests fail (503) until ``outage_s`` of fake time has passed, then the job is finished."""

    def __init__(self, clock: FakeClock, outage_s: float) -> None:
        self.clock, self.outage_s, self.status_calls = clock, outage_s, 0

    def status(self, job_id: str) -> RemoteStatus:
        self.status_calls += 1
        if self.clock() < self.outage_s:
            raise BackendError("Checking the job failed on X: unavailable", code="ServiceUnavailable",
                               http_status=503, job_id=job_id)
        return RemoteStatus("finished", 100.0, 2.0)


def _runner(tmp_path: Path, client, profile=CDSE, owner: str | None = None) -> JobRunner:
    return JobRunner(JobStore(tmp_path / "jobs.sqlite"), client_for=lambda name: client, output_root=tmp_path,
                     profiles=lambda name: profile, owner=owner)


def _request(name: str = "unit"):
    return cropland_request(Aoi(box(5.96, 46.60, 6.04, 46.63), name), year=2021)


def _queued(runner: JobRunner, out: Path | None = None):
    record = runner.new_map_job(_request(), CDSE, output_dir=out)
    return runner.store.update(record.local_id, remote_id="j-1", status="queued")


def test_polling_rides_out_a_ten_minute_outage(tmp_path):
    clock = FakeClock()
    backend = OutageBackend(clock, outage_s=10 * 60)
    runner = _runner(tmp_path, backend)
    record = _queued(runner)
    done = runner.wait(record.local_id, sleep=clock.sleep, clock=clock)
    assert done.status == "finished" and clock.now >= 600
    assert backend.status_calls < 20  # backed off to one request a minute, not hammering


def test_a_longer_outage_ends_in_one_sentence_and_keeps_the_job(tmp_path):
    clock = FakeClock()
    runner = _runner(tmp_path, OutageBackend(clock, outage_s=10 * 3600))
    record = _queued(runner)
    with pytest.raises(BackendError) as err:
        runner.wait(record.local_id, sleep=clock.sleep, clock=clock)
    assert str(err.value) == (f"{record.title}: the backend did not answer for {OUTAGE_TOLERANCE_S / 60:.0f} "
                              "minutes; the job is kept and running the same request into the same folder again "
                              "continues it (openEO error ServiceUnavailable, job j-1).")
    assert runner.store.get(record.local_id).status == "queued"


def test_same_request_and_folder_is_found_again_other_folder_or_request_is_not(tmp_path):
    runner = _runner(tmp_path, None)
    record = _queued(runner, tmp_path / "a")
    fingerprint = record.extra[job_owner.FINGERPRINT_KEY]
    assert fingerprint == job_owner.request_fingerprint(_request("renamed").to_dict(), CDSE.url)
    assert job_owner.find_resumable(runner.store, fingerprint, tmp_path / "a").local_id == record.local_id
    assert job_owner.find_resumable(runner.store, fingerprint, tmp_path / "b") is None
    other = job_owner.request_fingerprint(cropland_request(_request().aoi, year=2022).to_dict(), CDSE.url)
    assert job_owner.find_resumable(runner.store, other, tmp_path / "a") is None
    runner.store.update(record.local_id, status="error")
    assert job_owner.find_resumable(runner.store, fingerprint, tmp_path / "a") is None


def test_records_of_dead_processes_never_stay_transient(tmp_path):
    runner = _runner(tmp_path, None, owner=f"processing:{socket.gethostname()}:999999999")
    draft = runner.new_map_job(_request(), CDSE)
    downloading = runner.store.update(_queued(runner).local_id, status="finished",
                                      download_state=DownloadState.DOWNLOADING)
    alive = JobRunner(runner.store, lambda n: None, tmp_path, lambda n: CDSE,
                      owner=job_owner.owner_tag(job_owner.PROCESSING)).new_map_job(_request(), CDSE)
    assert sorted(job_owner.settle_orphans(runner.store)) == sorted([draft.local_id, downloading.local_id])
    assert runner.store.get(draft.local_id).status == "canceled"
    assert runner.store.get(downloading.local_id).download_state == DownloadState.NONE
    assert runner.store.get(alive.local_id).status == "draft"


def test_the_dock_drives_its_own_jobs_and_orphans_only(tmp_path):
    runner = _runner(tmp_path, None, owner=job_owner.owner_tag(job_owner.PROCESSING))
    live = runner.new_map_job(_request(), CDSE)
    dead = runner.store.update(runner.new_map_job(_request(), CDSE).local_id,
                               extra={job_owner.OWNER_KEY: f"processing:{socket.gethostname()}:999999999"})
    assert not job_owner.is_mine_to_drive(live, job_owner.DOCK)
    assert job_owner.is_mine_to_drive(dead, job_owner.DOCK)


def test_an_older_job_never_overwrites_a_newer_result(tmp_path):
    runner = _runner(tmp_path, None)
    old = _queued(runner, tmp_path / "same")
    new = runner.new_map_job(_request(), CDSE, output_dir=tmp_path / "same")
    runner.store.update(new.local_id, status="finished", download_state=DownloadState.DONE)
    runner.store.update(old.local_id, status="finished")
    with pytest.raises(Exception) as err:
        runner.download(old.local_id)
    assert "newer job" in str(err.value)
    assert runner.store.get(old.local_id).download_state == DownloadState.FAILED


def test_asset_urls_lose_their_query_when_stored():
    results = {"assets": {"a.tif": {"href": "https://s3.example/a.tif?X-Amz-Security-Token=abc&X-Amz-Signature=d"}},
               "links": [{"href": "https://openeo.example/jobs/j-1/results", "rel": "self"}], "title": "keep?"}
    clean = without_credentials(results)
    assert clean["assets"]["a.tif"]["href"] == "https://s3.example/a.tif"
    assert clean["links"][0]["href"] == "https://openeo.example/jobs/j-1/results" and clean["title"] == "keep?"


def test_a_300_character_asset_name_gets_a_short_unique_file_name(tmp_path):
    long_a, long_b = "a" * 290 + "_1.tif", "a" * 290 + "_2.tif"
    path_a, path_b = safe_asset_path(tmp_path, long_a), safe_asset_path(tmp_path, long_b)
    assert path_a != path_b and path_a.suffix == ".tif" and len(path_a.name.encode()) <= 200
    path_a.write_bytes(b"x")  # the file system accepts it
    assert safe_asset_path(tmp_path, "short.tif").name == "short.tif"


# -- preflight ----------------------------------------------------------------------------------------------------

def test_folder_below_a_file_is_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError) as err:
        preflight.check_output_folder(tmp_path / "file" / "out")
    assert str(err.value).startswith(f"The output folder {tmp_path / 'file' / 'out'} cannot be created (")


def test_probe_file_is_removed(tmp_path):
    preflight.check_output_folder(tmp_path / "new")
    assert list((tmp_path / "new").iterdir()) == []


def test_not_enough_free_space_names_both_sizes(tmp_path, monkeypatch):
    monkeypatch.setattr(preflight.shutil, "disk_usage", lambda p: type("U", (), {"free": 10 * 1024 * 1024})())
    needed = preflight.estimate_result_bytes(100.0, "croptype")
    with pytest.raises(InputError) as err:
        preflight.check_free_space(tmp_path, needed)
    assert str(err.value) == (f"Only 10 MB are free in {tmp_path}; the result needs up to "
                              f"{needed * 2 / 1024 / 1024:,.0f} MB. Free some space or choose another folder; "
                              "nothing was sent.")


def test_a_hectare_passes_and_a_square_metre_is_refused(tmp_path):
    preflight.area_problems(0.01)
    with pytest.raises(InputError) as err:
        preflight.area_problems(1e-6)
    assert str(err.value).startswith("The area of interest is only 1 m², less than one hectare")


def test_an_area_in_the_open_sea_is_refused_and_a_coast_is_not(wc_dir):
    from worldcereal_qgis.core.reference_coords import calendar_land_grid

    path = wc_dir / "cropcalendar" / "seasonality_lookup.geoparquet"
    land = calendar_land_grid(str(path), path.stat().st_mtime_ns)
    with pytest.raises(InputError) as err:
        preflight.open_sea_problem((-40.0, 35.0, -39.9, 35.1), land)  # mid-Atlantic
    assert str(err.value).startswith("The area of interest lies in the open sea")
    preflight.open_sea_problem((5.96, 46.60, 6.04, 46.63), land)      # Burgundy
    preflight.open_sea_problem((-9.60, 38.60, -9.55, 38.65), land)    # just off Lisbon's coast
    preflight.open_sea_problem((-30.0, 40.0, -29.9, 40.1), None)      # no calendar on disk: not judged


# -- the batch engine: ConcurrentJobLimit is a wait ---------------------------------------------------------------

class CappedBackend:
    """At most ``cap`` jobs queued/running; a further start answers like CDSE."""

    def __init__(self, cap: int) -> None:
        self.cap, self.jobs, self.refused, self.created = cap, {}, 0, 0
        self._ids = itertools.count()

    def create_map_job(self, *args, **kwargs) -> str:
        self.created += 1
        job_id = f"j-{next(self._ids)}"
        self.jobs[job_id] = "created"
        return job_id

    def start(self, job_id: str) -> None:
        if sum(s in ("queued", "running") for s in self.jobs.values()) >= self.cap:
            self.refused += 1
            raise ConcurrentLimitError("Starting the job was refused by X: Job was not started because concurrent "
                                       f"job limit ({self.cap}) is reached.", code="ConcurrentJobLimit",
                                       http_status=400, limit=self.cap, job_id=job_id)
        self.jobs[job_id] = "queued"

    def status(self, job_id: str) -> RemoteStatus:
        self.jobs[job_id] = {"queued": "running", "running": "finished"}.get(self.jobs[job_id], self.jobs[job_id])
        return RemoteStatus(self.jobs[job_id], 50.0, 1.0 if self.jobs[job_id] == "finished" else None)


def test_tiled_run_waits_for_slots_and_pays_each_tile_once(tmp_path):
    from worldcereal_qgis.core.batch.drive import drive

    backend = CappedBackend(cap=1)
    tiles = plan_tiles(box(5.96, 46.60, 6.04, 46.63), "unit", 3.0)[:3]
    run = TileRun.create(tmp_path / "run", _request(), PROFILE, tiles, client_for=lambda p: backend, parallel=3)

    def download(local_id, **_kw):
        return run.store.update(local_id, download_state=DownloadState.DONE, outputs=[])

    run.runner.download = download
    waits: list[str] = []
    seen = []
    drive(run, sleep=lambda s: None, min_loop_s=0.0, log=waits.append,
          on_step=lambda a, s: seen.append(s.status))
    assert {s.status for s in run.item_states().values()} == {ItemStatus.FINISHED}
    assert backend.created == 3 and backend.refused >= 1
    assert any("Waiting for a free slot on Local simulated backend (1 jobs at a time)" in line for line in waits)
    assert ItemStatus.FAILED not in seen and ItemStatus.RETRYING not in seen


def test_a_pytorch_checkpoint_passes_the_weights_check_and_garbage_does_not(tmp_path):
    import io
    import json
    import zipfile

    def head_zip(name: str, weights: bytes) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("config.json", json.dumps({"artifacts": {"checkpoints": {"head": "head.pt"}}}))
            archive.writestr("head.pt", weights)
        return path

    torch_like = io.BytesIO()
    with zipfile.ZipFile(torch_like, "w") as inner:  # torch.save's format: <stem>/data.pkl inside a zip
        inner.writestr("head/data.pkl", b"\x80\x02}q\x00.")
    preflight.check_checkpoint_format(head_zip("good.zip", torch_like.getvalue()))
    with pytest.raises(InputError) as err:
        preflight.check_checkpoint_format(head_zip("bad.zip", b"weights"))
    assert str(err.value) == ("The weights head.pt in bad.zip are not a PyTorch checkpoint; the model would fail "
                              "on the backend, so nothing was sent.")


def test_a_job_is_always_polled_at_the_url_that_created_it(tmp_path):
    asked: list[str] = []

    class Client:
        def __init__(self, url: str) -> None:
            self.url = url

        def status(self, job_id: str) -> RemoteStatus:
            asked.append(self.url)
            return RemoteStatus("running", 10.0, None)

    dock_profile = PROFILE.with_url("http://127.0.0.1:8765/openeo/1.2")
    runner = JobRunner(JobStore(tmp_path / "jobs.sqlite"), client_for=lambda name: Client(dock_profile.url),
                       output_root=tmp_path, profiles=lambda name: dock_profile,
                       client_for_profile=lambda profile: Client(profile.url))
    custom = PROFILE.with_url("http://127.0.0.1:9999/openeo/1.2")
    record = runner.new_map_job(_request(), custom)
    runner.store.update(record.local_id, remote_id="j-9", status="queued")
    runner.poll(record.local_id)
    assert asked == ["http://127.0.0.1:9999/openeo/1.2"]
