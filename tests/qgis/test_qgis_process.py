"""The packaged plugin's algorithms run from the command line: qgis_process run worldcereal:cropland -- ...

Everything as a user would have it: the zip unpacked in a fresh profile, the plugin enabled, its Python packages
installed by the plugin's own installer into the profile, Debian's qgis_process and Python (no venv).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from osgeo import gdal

from tests.qgis.profile_tools import clean_env, install_packaged_plugin, install_plugin_dependencies

QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian 12's wrapper adds a flag that 3.22 rejects
pytestmark = pytest.mark.slow


def _env(home: Path) -> dict:
    return {**clean_env(home), "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture(scope="module")
def profile_home(tmp_path_factory, wc_dir) -> Path:
    home = tmp_path_factory.mktemp("home")
    profile = home / ".local/share/QGIS/QGIS3/profiles/default"
    install_packaged_plugin(profile, tmp_path_factory.mktemp("dist"))
    enable = subprocess.run([QGIS_PROCESS, "plugins", "enable", "worldcereal_qgis"], env=_env(home),
                            capture_output=True, text=True, timeout=120)
    assert enable.returncode == 0, enable.stderr
    install_plugin_dependencies(profile, home)
    _set_calendar_path(profile, wc_dir / "cropcalendar")
    return home


def _set_calendar_path(profile: Path, folder: Path) -> None:
    """As an offline user does (the sentence names this setting): point worldcereal_qgis/seasons/calendar_path
    at a local copy of the crop calendar, which every year-based algorithm fetches."""
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    with ini.open("a", encoding="utf-8") as out:
        out.write(f"\n[worldcereal_qgis]\nseasons\\calendar_path={folder}\n")


def test_algorithms_are_listed(profile_home):
    listing = subprocess.run([QGIS_PROCESS, "list"], env=_env(profile_home), capture_output=True, text=True,
                             timeout=120)
    assert "worldcereal:cropland" in listing.stdout and "worldcereal:croptype" in listing.stdout


def test_cropland_runs_from_the_command_line(profile_home, local_backend, wc_dir, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [QGIS_PROCESS, "--json", "run", "worldcereal:cropland", "--",
         f"AOI_LAYER={wc_dir / 'aoi' / 'test_site_france.gpkg'}", "YEAR=2021", "ORBIT=2", "BACKEND=3",
         f"BACKEND_URL={local_backend.url}", "LOAD_LAYERS=false", f"OUTPUT_FOLDER={out}"],
        env=_env(profile_home), capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["JOB_ID"].startswith("j-")
    ds = gdal.Open(results["OUTPUT"])
    assert [ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount)] == [
        "cropland_classification", "probability_cropland", "probability_other"]
    assert Path(results["OUTPUT"]).is_relative_to(out)


def test_bad_input_is_one_clear_sentence(profile_home, local_backend, tmp_path):
    proc = subprocess.run(
        [QGIS_PROCESS, "run", "worldcereal:cropland", "--", "EXTENT=0,1,0,1 [EPSG:4326]", "YEAR=2021",
         "ORBIT=2", "BACKEND=3", f"BACKEND_URL={local_backend.url}", f"OUTPUT_FOLDER={tmp_path}"],
        env=_env(profile_home), capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode != 0
    text = proc.stdout + proc.stderr
    assert "km²" in text and "MAX_CREDITS" in text  # refused from its area before planning (#16)
    assert "Traceback" not in text


def test_suggest_seasons_and_plan_tiles_answer_for_an_extent_across_180(profile_home, tmp_path):
    """#18: an extent with xmin > xmax is an area across the antimeridian (Fiji), not a box around the globe."""
    results = {}
    for alg, extra in (("suggest_seasons", ["YEAR=2021"]), ("plan_tiles", ["AOI_NAME=fiji", "TILE_SIZE_KM=20"])):
        proc = subprocess.run(
            [QGIS_PROCESS, "--json", "run", f"worldcereal:{alg}", "--", "EXTENT=178,-179.7,-17.3,-16.1 [EPSG:4326]",
             *extra, f"OUTPUT={tmp_path / alg}.gpkg"],
            env=_env(profile_home), capture_output=True, text=True, timeout=120,
        )
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        results[alg] = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["suggest_seasons"]["SEASON_COUNT"] >= 2
    ds = gdal.OpenEx(str(tmp_path / "plan_tiles.gpkg"))
    layer = ds.GetLayer(0)
    epsgs = {f.GetField("epsg") for f in layer}
    assert epsgs == {32760, 32701} and results["plan_tiles"]["TILE_COUNT"] == layer.GetFeatureCount() > 50


def test_each_error_is_printed_once(profile_home, local_backend, tmp_path):
    """QGIS reports a failed algorithm three times under qgis_process; the plugin's errors appear once."""
    common = ["ORBIT=2", "BACKEND=3", f"BACKEND_URL={local_backend.url}", f"OUTPUT_FOLDER={tmp_path}"]
    cases = {  # a parameter check, and an error raised while the algorithm runs
        "YEAR=abc": ("EXTENT=5.11,5.14,47.13,47.15 [EPSG:4326]", "Year (YEAR) must be a whole number from 2017 to "
                     "2100, not 'abc'."),
        "YEAR=2021": ("EXTENT=0,1,0,1 [EPSG:4326]", "The area of interest covers"),
    }
    for year, (extent, sentence) in cases.items():
        proc = subprocess.run([QGIS_PROCESS, "run", "worldcereal:cropland", "--", extent, year, *common],
                              env=_env(profile_home), capture_output=True, text=True, timeout=120)
        text = proc.stdout + proc.stderr
        assert proc.returncode != 0 and text.count(sentence) == 1, text[-2000:]
        assert "Traceback" not in text


def _run_validate(profile_home, path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [QGIS_PROCESS, "--json", "run", "worldcereal:validate_reference_data", "--", f"INPUT={path}",
         f"REPORT={tmp_path / 'report.gpkg'}", f"OUTPUT={tmp_path / 'clean.gpkg'}"],
        env=_env(profile_home), capture_output=True, text=True, timeout=180)


def test_validate_reference_geoparquet_from_the_command_line(profile_home, wc_dir, tmp_path):
    """QGIS 3.22's GDAL has no Parquet driver: the real GeoParquet sample set is read with pyarrow."""
    proc = _run_validate(profile_home, wc_dir / "reference_data" / "2022_FRA_LPIS_POLY_110_samples.geoparquet",
                         tmp_path)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert (results["VALID"], results["ERRORS"], results["DROPPED"]) == (500, 0, 0)
    clean = gdal.OpenEx(results["OUTPUT"])
    assert clean.GetLayer(0).GetFeatureCount() == 500


def test_broken_geoparquet_from_the_command_line_is_one_sentence(profile_home, wc_dir, tmp_path):
    real = (wc_dir / "reference_data" / "2022_FRA_LPIS_POLY_110_samples.geoparquet").read_bytes()
    truncated = tmp_path / "truncated.geoparquet"
    truncated.write_bytes(real[: len(real) // 2])
    proc = _run_validate(profile_home, truncated, tmp_path)
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "Traceback" not in text
    assert "truncated.geoparquet is truncated or corrupt (Parquet's closing footer is missing)." in text


def test_killed_command_rerun_resumes_the_paid_job(profile_home, local_backend, wc_dir, tmp_path):
    """Issue #16: kill qgis_process mid-job, run the same command again: one job paid, its result downloaded."""
    import hashlib
    import signal
    import time

    from worldcereal_qgis.adapters import connections

    out, name = tmp_path / "out", "qp_kill"
    args = [QGIS_PROCESS, "--json", "run", "worldcereal:cropland", "--",
            f"AOI_LAYER={wc_dir / 'aoi' / 'test_site_france.gpkg'}", f"AOI_NAME={name}", "YEAR=2021", "ORBIT=2",
            "BACKEND=3", f"BACKEND_URL={local_backend.url}", "LOAD_LAYERS=false", f"OUTPUT_FOLDER={out}"]
    conn = connections.client(connections.profile("local", local_backend.url)).connection

    def received() -> list[dict]:
        return [j for j in conn.list_jobs() if f"– {name} –" in (j.get("title") or "")]

    first = subprocess.Popen(args, env=_env(profile_home), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    deadline = time.monotonic() + 120
    while not received():
        assert first.poll() is None and time.monotonic() < deadline, "the first run never created its job"
        time.sleep(0.1)
    job_id = received()[0]["id"]
    local_backend.set_job_duration(job_id, 600)
    while conn.job(job_id).describe()["status"] not in ("queued", "running"):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=30)
    local_backend.set_job_duration(job_id, 1)  # the paid job ends on the backend while nobody watches

    started = time.time()
    again = subprocess.run(args, env=_env(profile_home), capture_output=True, text=True, timeout=300)
    first_poll = _first_request_after(local_backend.log_file, f"GET /openeo/1.2/jobs/{job_id} ", started)
    print(f"\nqgis_process rerun after a kill: first poll of the paid job {first_poll - started:.2f} s after the start")
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    results = json.loads(again.stdout[again.stdout.index("{"):])["results"]
    assert results["JOB_ID"] == job_id and [j["id"] for j in received()] == [job_id]
    backend_file = next(p for p in local_backend.data_dir.rglob(Path(results["OUTPUT"]).name) if job_id in str(p))
    assert (hashlib.sha256(Path(results["OUTPUT"]).read_bytes()).digest()
            == hashlib.sha256(backend_file.read_bytes()).digest())
    assert f"Resuming job {job_id} of the same request in {out}" in again.stdout + again.stderr


def _first_request_after(log_file: Path, request: str, after: float) -> float:
    """Epoch time of the backend's first logged ``request`` at or after ``after`` (its access log, ms precision)."""
    import datetime as dt

    for line in log_file.read_text(encoding="utf-8", errors="replace").splitlines():
        if request in line:
            stamp = dt.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()
            if stamp >= after:
                return stamp
    raise AssertionError(f"the backend never received {request!r}")


def _profile_with_a_bug(profile_home: Path, tmp_path: Path) -> Path:
    """A copy of the fresh profile whose plugin has a bug: the crop-calendar lookup raises KeyError.

    The copy shares the installed Python packages (a link) so the module's profile stays intact."""
    home = tmp_path / "home"
    profile = Path(".local/share/QGIS/QGIS3/profiles/default")
    deps = profile / "worldcereal_qgis" / "python"
    shutil.copytree(profile_home, home, symlinks=True,
                    ignore=lambda folder, names: ["python"] if Path(folder) == profile_home / deps.parent else [])
    (home / deps).symlink_to(profile_home / deps)
    module = home / profile / "python/plugins/worldcereal_qgis/adapters/crop_calendar.py"
    with module.open("a", encoding="utf-8") as out:
        out.write("\n\ndef suggest_seasons(*args, **kwargs):  # a simulated bug\n    raise KeyError('simulated bug')\n")
    return home


def test_a_bug_is_printed_once_as_a_sentence_and_its_traceback_kept_in_a_file(profile_home, tmp_path):
    """#16: an unexpected exception is one sentence naming the file that holds the traceback; no traceback."""
    home = _profile_with_a_bug(profile_home, tmp_path)
    proc = subprocess.run(
        [QGIS_PROCESS, "run", "worldcereal:suggest_seasons", "--", "EXTENT=5.11,5.14,47.13,47.15 [EPSG:4326]",
         "YEAR=2021", f"OUTPUT={tmp_path / 'seasons.gpkg'}"],
        env=_env(home), capture_output=True, text=True, timeout=120,
    )
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "Traceback" not in text, text[-3000:]
    found = re.findall(r"worldcereal:suggest_seasons stopped because of a bug in the WorldCereal plugin \(KeyError: "
                       r"'simulated bug'\); please report it with the details in (\S+\.txt)\.", text)
    assert len(found) == 1, text[-3000:]
    details = Path(found[0])
    assert details.parent == home / ".local/share/QGIS/QGIS3/profiles/default/worldcereal_qgis/errors"
    kept = details.read_text(encoding="utf-8")
    assert kept.startswith("Traceback (most recent call last):") and "crop_calendar.py" in kept
    assert kept.rstrip().endswith("KeyError: 'simulated bug'")
