"""The packaged plugin's algorithms run from the command line: qgis_process run worldcereal:cropland -- ...

Everything as a user would have it: the zip unpacked in a fresh profile, the plugin enabled, its Python packages
installed by the plugin's own installer into the profile, Debian's qgis_process and Python (no venv).
"""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from osgeo import gdal

from tests.conftest import REPO_ROOT

QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian 12's wrapper adds a flag that 3.22 rejects
pytestmark = pytest.mark.slow


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("VIRTUAL_ENV", "PYTHON", "QGIS_CUSTOM_CONFIG_PATH"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PATH="/usr/bin:/bin")
    return env


@pytest.fixture(scope="module")
def profile_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("home")
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(["make", "-s", "package", f"DIST={dist}"], cwd=REPO_ROOT, check=True, capture_output=True)
    profile = home / ".local/share/QGIS/QGIS3/profiles/default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(next(dist.glob("*.zip"))).extractall(plugins)
    enable = subprocess.run([QGIS_PROCESS, "plugins", "enable", "worldcereal_qgis"], env=_env(home),
                            capture_output=True, text=True, timeout=120)
    assert enable.returncode == 0, enable.stderr
    from worldcereal_qgis.dependencies_task import qgis_library_versions

    (geos, proj) = qgis_library_versions()  # what the plugin's Install button passes
    install = subprocess.run(
        ["/usr/bin/python3", "-c",
         "import sys, json; from pathlib import Path; from worldcereal_qgis.core import dependencies as d; "
         "d.install(Path(sys.argv[1]), [m.requirement for m in d.missing_dependencies()], "
         "constraints=d.library_constraints(*json.loads(sys.argv[2])))",
         str(profile / "worldcereal_qgis" / "python"), json.dumps([geos, proj])],
        env={**_env(home), "PYTHONPATH": str(plugins)}, capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
    return home


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
    assert "km²" in text and "2500" in text.replace(",", "")
    assert "Traceback" not in text
