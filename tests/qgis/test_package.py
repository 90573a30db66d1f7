"""`make package` builds a zip that QGIS's "Install from ZIP" accepts and that runs from a fresh profile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

ARTIFACTS = REPO_ROOT / "tests" / "artifacts"


I18N = REPO_ROOT / "worldcereal_qgis" / "i18n"


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    sources = {path.name: path.read_bytes() for path in I18N.glob("*.ts")}
    subprocess.run(["make", "-s", "package", f"DIST={dist}"], cwd=REPO_ROOT, check=True, capture_output=True)
    # a build compiles the committed .ts, it never rewrites them (it did: every test run dirtied the repo)
    assert {path.name: path.read_bytes() for path in I18N.glob("*.ts")} == sources
    (zip_path,) = dist.glob("worldcereal_qgis-*.zip")
    return zip_path


def test_the_package_has_a_compiled_translation_per_language(plugin_zip: Path):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert sorted(n for n in names if n.startswith("worldcereal_qgis/i18n/") and not n.endswith("/")) == [
        "worldcereal_qgis/i18n/worldcereal_qgis_es.qm", "worldcereal_qgis/i18n/worldcereal_qgis_fr.qm"]


def test_zip_layout(plugin_zip: Path):
    names = zipfile.ZipFile(plugin_zip).namelist()
    roots = {n.split("/", 1)[0] for n in names}
    assert roots == {"worldcereal_qgis"}
    required_files = ("metadata.txt", "LICENSE", "__init__.py", "resources/icons/worldcereal.svg",
                      "resources/ui/dock.ui", "resources/example/cropland-croptype_2020-11-01_2021-10-31.tif",
                      "resources/example/LICENSE-worldcereal-classification.txt")
    for required in required_files:
        assert f"worldcereal_qgis/{required}" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".aux.xml"))]
    assert plugin_zip.stat().st_size < 1_000_000  # issue #22: the packaged ZIP stays under 1 MB
    version = next(ln for ln in (REPO_ROOT / "metadata.txt").read_text().splitlines() if ln.startswith("version="))
    assert plugin_zip.name == f"worldcereal_qgis-{version.split('=')[1]}.zip"


def test_zip_loads_from_a_fresh_profile(plugin_zip: Path, tmp_path: Path):
    plugins_dir = tmp_path / "profiles" / "default" / "python" / "plugins"
    plugins_dir.mkdir(parents=True)
    zipfile.ZipFile(plugin_zip).extractall(plugins_dir)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "dock_from_zip.png"
    env = dict(os.environ, PYTHONPATH="", QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["HOME"] = str(tmp_path)  # fresh settings, nothing from the developer profile
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    script = REPO_ROOT / "tests" / "qgis" / "scripts" / "load_plugin_from_profile.py"
    proc = subprocess.run(
        [sys.executable, str(script), str(plugins_dir), str(shot)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line, f"plugin did not start from the zip:\n{proc.stdout}\n{proc.stderr}"
    result = json.loads(line[len("RESULT "):])
    assert result["loaded"] and result["started"]
    assert Path(result["module_file"]).is_relative_to(plugins_dir)
    assert result["provider"] == "WorldCereal"
    assert result["dock_title"] == "WorldCereal"
    assert result["unloaded"] and not result["provider_after_unload"]
    assert shot.stat().st_size > 1000
