"""Fault matrix of issue #16 ("never pay twice, never lose a paid result"), driven through Processing (and the
dock where it applies) against the local openEO backend.

Each case asserts what a user would check: how many jobs the backend received, the result's checksum against
the backend's own file, the final state of the job record, and the one sentence shown.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProject

from tests.qgis.test_job_reliability import _pump
from worldcereal_qgis.adapters import connections
from worldcereal_qgis.core import job_runner
from worldcereal_qgis.core.job_owner import OWNER_KEY
from worldcereal_qgis.core.job_runner import JobRunner

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _profile_store_left_clean(tmp_path):
    """Processing records its jobs in the test profile's store, which every later test and start-up look-up reads:
    a case that fails half-way must not leave a job that looks unfinished to them."""
    yield
    store = connections.job_store()
    for record in store.list():
        if record.output_dir and record.output_dir.startswith(str(tmp_path)):
            store.remove(record.local_id)


class Feedback(QgsProcessingFeedback):
    """Keeps every line Processing would show."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, warning: str) -> None:  # noqa: N802
        self.lines.append(warning)

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803
        self.lines.append(error)


class Killed(Exception):
    """Stands for qgis_process being killed: the algorithm stops where it is, nothing is cleaned up."""


def _params(wc_dir: Path, url: str, name: str, out: Path, **extra) -> dict:
    return {"AOI_LAYER": str(wc_dir / "aoi" / "test_site_france.gpkg"), "AOI_NAME": name, "YEAR": 2021,
            "ORBIT": 2, "BACKEND": 3, "BACKEND_URL": url, "LOAD_LAYERS": False, "OUTPUT_FOLDER": str(out), **extra}


def _run(params: dict, feedback: Feedback | None = None):
    import processing

    return processing.run("worldcereal:cropland", params, feedback=feedback or Feedback())


def _error(params: dict) -> str:
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        _run(params)
    return str(err.value)


def _jobs_received(url: str, name: str) -> list[dict]:
    conn = connections.client(connections.profile("local", url)).connection
    return [j for j in conn.list_jobs() if f"– {name} –" in (j.get("title") or "")]


def _records(out: Path) -> list:
    return [r for r in connections.job_store().list() if r.output_dir == str(out)]


def _sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _backend_sha(backend, job_id: str, name: str) -> str:
    (match,) = [p for p in backend.data_dir.rglob(name) if job_id in str(p)]
    return _sha256(match)


def _assert_paid_once_and_identical(backend, name: str, out: Path, result: dict) -> None:
    (job,) = _jobs_received(backend.url, name)
    assert result["JOB_ID"] == job["id"]
    assert _sha256(result["OUTPUT"]) == _backend_sha(backend, job["id"], Path(result["OUTPUT"]).name)
    (record,) = _records(out)
    assert (record.status, record.download_state) == ("finished", "done")


# -- check before paying ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("where", ["below_a_file", "proc"])
def test_unwritable_output_folder_is_refused_before_any_job(wc_provider, local_backend, wc_dir, tmp_path, where):
    name = f"fm_unwritable_{where}"
    if where == "below_a_file":
        (tmp_path / "a_file").write_text("x")
        out = tmp_path / "a_file" / "out"
    else:
        out = Path("/proc/worldcereal_out")
    text = _error(_params(wc_dir, local_backend.url, name, out))
    assert text.startswith(f"The output folder {out} cannot be created (")
    assert text.endswith("choose another folder, nothing was sent.") and "\n" not in text
    assert _jobs_received(local_backend.url, name) == [] and _records(out) == []


def test_extraction_into_an_unwritable_folder_is_refused_before_any_job(wc_provider, local_backend, wc_dir,
                                                                      tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    (tmp_path / "a_file").write_text("x")
    out = tmp_path / "a_file" / "out"
    conn = connections.client(connections.profile("local", local_backend.url)).connection
    before = len(conn.list_jobs())
    with pytest.raises(QgsProcessingException) as err:
        processing.run("worldcereal:extract_reference_data", {
            "INPUT": str(wc_dir / "reference_data" / "2022_FRA_LPIS_POLY_110_samples.geoparquet"), "SELECTION": 0,
            "BACKEND": 3, "BACKEND_URL": local_backend.url, "OUTPUT_FOLDER": str(out)}, feedback=Feedback())
    assert str(err.value).startswith(f"The output folder {out} cannot be created (")
    assert len(conn.list_jobs()) == before
    assert [r for r in connections.job_store().list() if r.output_dir and r.output_dir.startswith(str(out))] == []


def test_tiny_area_is_refused_before_any_job(wc_provider, local_backend, wc_dir, tmp_path):
    params = _params(wc_dir, local_backend.url, "fm_tiny", tmp_path / "tiny", EXTENT="6.0,6.00001,46.6,46.60001 "
                     "[EPSG:4326]")
    del params["AOI_LAYER"]
    text = _error(params)
    assert "The area of interest is only 1 m², less than one hectare" in text and "nothing was sent" in text
    assert _jobs_received(local_backend.url, "fm_tiny") == []


@pytest.fixture
def served(tmp_path):
    """A folder served over HTTP on 127.0.0.1 (a user's own model URL)."""
    import functools
    import http.server
    import threading

    folder = tmp_path / "www"
    folder.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_open_sea_area_is_refused_before_any_job(wc_provider, local_backend, wc_dir, tmp_path, configure):
    from worldcereal_qgis import settings

    configure(settings.CALENDAR_PATH, str(wc_dir / "cropcalendar"))
    params = _params(wc_dir, local_backend.url, "fm_sea", tmp_path / "sea", EXTENT="-40.0,-39.9,35.0,35.1 "
                     "[EPSG:4326]", YEAR=None, START_DATE="2021-01-01")
    del params["AOI_LAYER"], params["YEAR"]
    text = _error(params)
    assert text == ("The area of interest lies in the open sea (no WorldCereal crop-calendar cell within about "
                    "50 km): the map would be empty, so nothing was sent.")
    assert _jobs_received(local_backend.url, "fm_sea") == [] and _records(tmp_path / "sea") == []


def test_model_url_with_garbage_weights_is_refused_before_any_job(wc_provider, local_backend, wc_dir, tmp_path,
                                                                 served):
    from tests.training.test_head_zip import PT, make_zip, manifest

    folder, base = served
    make_zip(folder, manifest(), name="garbage_head.zip")  # the checkpoint member holds b"weights"
    params = _params(wc_dir, local_backend.url, "fm_model", tmp_path / "model", SEASON1_ID="tc-s1",
                     SEASON1_START="2021-03-01", SEASON1_END="2021-08-31",
                     CROPTYPE_HEAD_ZIP=f"{base}/garbage_head.zip")
    del params["YEAR"]
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        processing.run("worldcereal:croptype", params, feedback=Feedback())
    assert str(err.value) == (f"The weights {PT} in garbage_head.zip are not a PyTorch checkpoint; the model would "
                              "fail on the backend, so nothing was sent.")
    assert _jobs_received(local_backend.url, "fm_model") == []


# -- every run is resumable ---------------------------------------------------------------------------------------

def test_kill_mid_job_then_rerun_resumes_the_paid_job(wc_provider, local_backend, wc_dir, tmp_path, monkeypatch):
    out, name = tmp_path / "kill", "fm_kill"
    params = _params(wc_dir, local_backend.url, name, out)

    def killed(self, local_id, **_kw):
        raise Killed()

    with monkeypatch.context() as patch:
        patch.setattr(JobRunner, "wait", killed)
        with pytest.raises(Exception):  # noqa: B017 — whatever QGIS makes of a dying process
            _run(params)
    (record,) = _records(out)
    assert record.status == "queued" and record.remote_id  # paid for, left behind by the "dead" process
    connections.job_store().update(record.local_id, extra={**record.extra, OWNER_KEY: "processing:nohost:1"})

    feedback = Feedback()
    result = _run(params, feedback)
    _assert_paid_once_and_identical(local_backend, name, out, result)
    assert f"Resuming job {record.remote_id} of the same request in {out} instead of paying for a new one." in \
        feedback.lines
    again = Feedback()
    assert _run(params, again)["JOB_ID"] == record.remote_id  # a third run only reuses the downloaded result
    assert len(_jobs_received(local_backend.url, name)) == 1
    assert any("its result is reused" in line for line in again.lines)


def test_killed_extraction_rerun_pays_each_job_once(wc_provider, local_backend, wc_dir, tmp_path, monkeypatch):
    import processing

    from worldcereal_qgis.core import extraction_run as er

    params = {"INPUT": str(wc_dir / "reference_data" / "2022_FRA_LPIS_POLY_110_samples.geoparquet"),
              "SELECTION": 0, "BACKEND": 3, "BACKEND_URL": local_backend.url, "OUTPUT_FOLDER": str(tmp_path / "ex")}
    conn = connections.client(connections.profile("local", local_backend.url)).connection
    before = {j["id"] for j in conn.list_jobs()}

    def one_round_then_killed(run, **_kw):
        for action in run.due_actions():
            run.execute(action)
        raise Killed()

    with monkeypatch.context() as patch:
        patch.setattr(er.batch_drive, "drive", one_round_then_killed)
        with pytest.raises(Exception):  # noqa: B017 — whatever QGIS makes of a dying process
            processing.run("worldcereal:extract_reference_data", params, feedback=Feedback())
    paid_before_kill = {j["id"] for j in conn.list_jobs()} - before
    assert len(paid_before_kill) == 2  # at most 2 at a time: the kill came after the first two were started
    result = processing.run("worldcereal:extract_reference_data", params, feedback=Feedback())
    received = {j["id"] for j in conn.list_jobs()} - before
    assert len(received) == result["JOBS"] and paid_before_kill <= received  # the first two were resumed
    assert result["EXTRACTED"] == 42


def test_failed_download_is_retried_from_the_stored_job(wc_provider, backend_faults, wc_dir, tmp_path):
    out, name = tmp_path / "dl", "fm_download"
    params = _params(wc_dir, backend_faults.url, name, out)
    backend_faults.set_faults(corrupt_asset={"count": 50})
    text = _error(params)
    assert "worldcereal_crop_extent.tif" in text and "\n" not in text
    (record,) = _records(out)
    assert (record.status, record.download_state) == ("finished", "failed")
    backend_faults.reset()
    result = _run(params)
    _assert_paid_once_and_identical(backend_faults, name, out, result)


def test_outage_longer_than_the_tolerance_leaves_the_job_resumable(wc_provider, backend_faults, wc_dir, tmp_path,
                                                                     monkeypatch):
    out, name = tmp_path / "outage", "fm_outage"
    params = _params(wc_dir, backend_faults.url, name, out)
    original = JobRunner.wait

    def outage_then_wait(self, local_id, **kw):
        backend_faults.set_faults(http_503={"count": 10_000, "path": "^/openeo/1.2/jobs/j-"})
        return original(self, local_id, **kw)

    monkeypatch.setattr(job_runner, "OUTAGE_TOLERANCE_S", 4.0)
    with monkeypatch.context() as patch:
        patch.setattr(JobRunner, "wait", outage_then_wait)
        text = _error(params)
    (record,) = _records(out)
    assert text == (f"{record.title}: the backend did not answer for 4 seconds; the job is kept and running the "
                    f"same request into the same folder again continues it (openEO error ServiceUnavailable, job "
                    f"{record.remote_id}).")
    assert record.status in ("queued", "running")
    backend_faults.reset()
    _assert_paid_once_and_identical(backend_faults, name, out, _run(params))


def test_outage_within_the_tolerance_is_ridden_out(wc_provider, backend_faults, wc_dir, tmp_path, monkeypatch):
    """Eight failed status checks in a row (~25 s): the old rule gave up after five."""
    out, name = tmp_path / "blip", "fm_blip"
    original = JobRunner.wait

    def outage_then_wait(self, local_id, **kw):
        backend_faults.set_faults(http_503={"count": 8, "path": "^/openeo/1.2/jobs/j-[0-9a-f]+$"})
        return original(self, local_id, **kw)

    monkeypatch.setattr(JobRunner, "wait", outage_then_wait)
    result = _run(_params(wc_dir, backend_faults.url, name, out))
    _assert_paid_once_and_identical(backend_faults, name, out, result)
    assert "http_503" not in backend_faults.state().get("faults", {})


# -- the concurrency cap is a wait, not a failure -----------------------------------------------------------------

def _occupy_slot(backend, seconds: float) -> str:
    """Another job of the same user already runs (e.g. a tiled run's job)."""
    from shapely.geometry import box

    from worldcereal_qgis.core.aoi import Aoi
    from worldcereal_qgis.core.request import cropland_request

    request = cropland_request(Aoi(box(5.96, 46.60, 5.99, 46.62), "fm_blocker"), year=2021)
    client = connections.client(connections.profile("local", backend.url))
    job_id = client.create_map_job(request.process_id, request.namespace_url, request.udp_arguments(),
                                   title=request.title(), description="blocker")
    backend.set_job_duration(job_id, seconds)
    client.start(job_id)
    return job_id


def test_concurrent_job_limit_waits_for_a_free_slot(wc_provider, backend_faults, wc_dir, tmp_path):
    out, name = tmp_path / "slot", "fm_slot"
    backend_faults.set_faults(concurrent_limit={"limit": 1})
    _occupy_slot(backend_faults, 6)
    feedback = Feedback()
    result = _run(_params(wc_dir, backend_faults.url, name, out), feedback)
    _assert_paid_once_and_identical(backend_faults, name, out, result)
    assert ("Waiting for a free slot on Local simulated backend (1 jobs at a time); the job is created and starts "
            "as soon as one is free.") in feedback.lines


def test_tiled_run_waits_for_slots_and_pays_each_tile_once(wc_provider, backend_faults, tmp_path):
    from worldcereal_qgis.core.tile_runs import TileRun

    backend_faults.set_faults(concurrent_limit={"limit": 1})
    _occupy_slot(backend_faults, 6)
    feedback = Feedback()
    result = _run({"EXTENT": "5.96,6.04,46.60,46.63 [EPSG:4326]", "AOI_NAME": "fm_tiled_slot", "YEAR": 2021,
                   "ORBIT": 1, "BACKEND": 3, "BACKEND_URL": backend_faults.url, "MAX_AREA_KM2": 5.0,
                   "TILE_SIZE_KM": 3.0, "LOAD_LAYERS": False, "OUTPUT_FOLDER": str(tmp_path / "tiles")}, feedback)
    run = TileRun.open(tmp_path / "tiles", client_for=connections.client)
    assert run.is_done() and {s.status for s in run.tile_states().values()} == {"finished"}
    received = [j for j in _jobs_received_prefix(backend_faults.url, "fm_tiled_slot_")]
    assert len(received) == len(run.tiles) == len(run.store.list(run_id=run.run_id))  # one job per tile
    assert any("Waiting for a free slot on Local simulated backend (1 jobs at a time)" in line
               for line in feedback.lines)
    assert Path(result["OUTPUT"]).is_file()


def _jobs_received_prefix(url: str, prefix: str) -> list[dict]:
    conn = connections.client(connections.profile("local", url)).connection
    return [j for j in conn.list_jobs() if f"– {prefix}" in (j.get("title") or "")]


def test_dock_shows_the_slot_wait_and_finishes(local_backend, backend_faults, france_aoi, tmp_path, store):
    from worldcereal_qgis.controllers.jobs import JobController
    from worldcereal_qgis.core.request import cropland_request

    profile = connections.profile("local", backend_faults.url)
    runner = connections.runner(output_root=tmp_path / "dock", store=store, profiles={"local": profile})
    controller = JobController(runner, profile_for=lambda n: profile, project=QgsProject.instance(), tick_ms=100)
    messages: list[str] = []
    controller.notify.connect(lambda _t, text, _l: messages.append(text))
    backend_faults.set_faults(concurrent_limit={"limit": 1})
    _occupy_slot(backend_faults, 6)
    local_id = controller.submit(cropland_request(france_aoi, year=2021), profile)
    _pump(lambda: store.get(local_id).download_state == "done", timeout=90.0)
    controller.shutdown()
    assert messages[0] == ("Waiting for a free slot on Local simulated backend (1 jobs at a time); the job is "
                           "created and starts as soon as one is free.")
    record = store.get(local_id)
    assert record.error_message is None and record.status == "finished"
    assert _sha256(record.outputs[0]) == _backend_sha(backend_faults, record.remote_id, "worldcereal_crop_extent.tif")


def test_dock_run_clicked_again_follows_the_paid_job(local_backend, france_aoi, tmp_path, store):
    from shapely.geometry import box

    from worldcereal_qgis.controllers.jobs import JobController
    from worldcereal_qgis.core.aoi import Aoi
    from worldcereal_qgis.core.request import cropland_request

    profile = connections.profile("local", local_backend.url)
    runner = connections.runner(output_root=tmp_path / "dock", store=store, profiles={"local": profile})
    controller = JobController(runner, profile_for=lambda n: profile, project=QgsProject.instance(), tick_ms=100)
    messages: list[str] = []
    controller.notify.connect(lambda _t, text, _l: messages.append(text))
    request = cropland_request(Aoi(box(5.96, 46.60, 5.99, 46.62), "fm_dock_twice"), year=2021)
    first = controller.submit(request, profile)
    _pump(lambda: store.get(first).remote_id is not None and not controller.busy(first))
    assert controller.submit(request, profile) == first
    title, job_id = store.get(first).title, store.get(first).remote_id
    assert f"{title} is already running as job {job_id}; following it instead of paying for it twice." in messages
    _pump(lambda: store.get(first).download_state == "done" and not controller.busy(first), timeout=90.0)
    assert controller.submit(request, profile) == first
    _pump(lambda: not controller.busy(first))
    controller.shutdown()
    assert (f"{title} was already made (job {job_id}); its result is loaded again instead of paying for it twice."
            in messages)
    assert [j["id"] for j in _jobs_received(local_backend.url, "fm_dock_twice")] == [job_id]
    assert len(store.list()) == 1


def test_local_backend_answers_like_cdse_at_the_limit(backend_faults):
    from worldcereal_qgis.core.errors import ConcurrentLimitError

    backend_faults.set_faults(concurrent_limit={"limit": 1})
    _occupy_slot(backend_faults, 6)
    client = connections.client(connections.profile("local", backend_faults.url))
    from shapely.geometry import box

    from worldcereal_qgis.core.aoi import Aoi
    from worldcereal_qgis.core.request import cropland_request

    request = cropland_request(Aoi(box(5.96, 46.60, 5.99, 46.62), "fm_second"), year=2021)
    job_id = client.create_map_job(request.process_id, request.namespace_url, request.udp_arguments(),
                                   title=request.title(), description="second")
    with pytest.raises(ConcurrentLimitError) as err:
        client.start(job_id)
    assert (err.value.code, err.value.http_status, err.value.limit) == ("ConcurrentJobLimit", 400, 1)
    assert "Job was not started because concurrent job limit (1) is reached" in str(err.value)
    assert client.status(job_id).status == "created"


# -- one owner per job; no token at rest --------------------------------------------------------------------------

def test_dock_lists_but_never_drives_a_live_processing_job(local_backend, runner, store, france_aoi):
    from worldcereal_qgis.controllers.jobs import JobController
    from worldcereal_qgis.core.job_owner import PROCESSING, owner_tag
    from worldcereal_qgis.core.request import cropland_request

    profile = connections.profile("local", local_backend.url)
    processing_runner = connections.runner(output_root=runner.output_root, store=store,
                                           profiles={"local": profile}, front_end=PROCESSING)
    record = processing_runner.submit(processing_runner.new_map_job(cropland_request(france_aoi, year=2021),
                                                                    profile).local_id)
    assert record.extra[OWNER_KEY] == owner_tag(PROCESSING)
    controller = JobController(runner, profile_for=lambda n: profile, project=QgsProject.instance(), tick_ms=50)
    assert controller.resume() == []
    _pump_for(2.5)  # the job (1 s) has finished on the backend meanwhile
    controller.shutdown()
    untouched = store.get(record.local_id)
    assert (untouched.status, untouched.download_state) == ("queued", "none")  # the dock never even polled it
    processing_runner.wait(record.local_id)
    assert processing_runner.download(record.local_id).download_state == "done"


def test_job_record_on_disk_holds_no_signed_query(wc_provider, backend_faults, wc_dir, tmp_path):
    backend_faults.set_faults(signed_urls={"ttl_s": 600})  # asset links carry a token, as on CDSE
    out = tmp_path / "tokens"
    result = _run(_params(wc_dir, backend_faults.url, "fm_tokens", out))
    text = (out / f"job_{result['JOB_ID']}.json").read_text()
    assert "X-Amz-Security-Token" not in text and "X-Amz-Signature" not in text
    assets = json.loads(text)["results"]["assets"]
    assert assets and all(a["href"].startswith("http") and "?" not in a["href"] for a in assets.values())
    _assert_paid_once_and_identical(backend_faults, "fm_tokens", out, result)  # the signed link downloads fine


@pytest.mark.qgis_gui
def test_interrupted_extraction_is_resumed_by_the_reference_page(local_backend, store, tmp_path, wc_dir):
    from worldcereal_qgis.core import extraction as ex
    from worldcereal_qgis.core import extraction_run as er
    from worldcereal_qgis.core import reference_data as rd
    from worldcereal_qgis.core.credits import DEFAULT_RATES
    from worldcereal_qgis.gui import reference_panel as rp

    ref = wc_dir / "reference_data" / "2022_FRA_LPIS_POLY_110_samples.geoparquet"
    samples = rd.select_samples(rd.validate(rd.read_reference_file(ref)).samples, "extract").head(4)
    plan = ex.plan_jobs(samples, rates=DEFAULT_RATES)
    profile = connections.profile("local", local_backend.url)
    conn = connections.client(profile).connection
    before = {j["id"] for j in conn.list_jobs()}
    runner_for = lambda root, p: connections.runner(output_root=root, store=store, profiles={"local": p})  # noqa: E731
    extractor = er.ExtractionRunner(runner_for(tmp_path, profile), profile, tmp_path / "ex")
    run_id = extractor.prepare(plan)
    extractor.step(run_id)  # the first jobs are submitted, then QGIS closes
    assert 0 < len({j["id"] for j in conn.list_jobs()} - before) <= 2

    panel = rp.ReferencePanel(profile_for=lambda: profile, runner_for=runner_for)
    assert panel.resume_unfinished() == 1
    _pump(lambda: panel.results is not None and not panel.busy, timeout=120)
    assert len({j["id"] for j in conn.list_jobs()} - before) == len(plan.jobs)  # nothing paid twice
    merged = tmp_path / "ex" / "worldcereal_merged_extractions.parquet"
    assert panel.statusLabel.text() == f"4 samples written to {merged}."
    assert er.unfinished_runs(store) == {}
    panel.shutdown()


def _pump_for(seconds: float) -> None:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QgsApplication.processEvents()
        time.sleep(0.02)
