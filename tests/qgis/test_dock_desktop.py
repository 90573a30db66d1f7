"""The packaged plugin in the REAL QGIS desktop (xvfb-run qgis --code): the dock runs a job to styled layers.

Not offscreen (the real application crashes with QT_QPA_PLATFORM=offscreen): Xvfb gives it a display.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.qgis.profile_tools import install_packaged_plugin, install_plugin_dependencies

ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
SCRIPT = REPO_ROOT / "tests" / "qgis" / "scripts" / "desktop_dock.py"
pytestmark = [pytest.mark.slow, pytest.mark.qgis_gui]


def _profile_with_plugin(tmp_path: Path) -> Path:
    """The packaged plugin, enabled, with its Python packages installed as the Install button does."""
    profiles = tmp_path / "profiles"
    profile = profiles / "profiles" / "default"
    install_packaged_plugin(profile, tmp_path / "dist")
    install_plugin_dependencies(profile, tmp_path)
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nworldcereal_qgis=true\n\n[qgis]\ncheckVersion=false\nshowTips322=false\n")
    return profiles


def _run_group(cmd: list[str], *, env: dict, cwd: Path, timeout: float) -> subprocess.CompletedProcess:
    """Run xvfb-run + QGIS in their own process group, killed as a whole on timeout (no stray QGIS left)."""
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def test_dock_runs_a_job_in_the_real_qgis_desktop(local_backend, tmp_path: Path):
    if shutil.which("qgis") is None or shutil.which("xvfb-run") is None:
        pytest.fail("The Debian packages qgis and xvfb are needed for this test.")
    profiles = _profile_with_plugin(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "PYTHONPATH", "QGIS_CUSTOM_CONFIG_PATH")}
    env.update(HOME=str(tmp_path), WC_OUT=str(out), WC_BACKEND_URL=local_backend.url, WC_TIMEOUT_S="60")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(profiles),
           "--nologo", "--noversioncheck", "--code", str(SCRIPT)]
    proc = _run_group(cmd, env=env, cwd=tmp_path, timeout=150)
    result_file = out / "result.json"
    assert result_file.exists(), f"QGIS exited ({proc.returncode}) without a result:\n{proc.stdout[-3000:]}\n" \
                                 f"{proc.stderr[-3000:]}"
    result = json.loads(result_file.read_text())
    assert result["error"] is None, result["error"]
    assert result["plugin_loaded"] and result["dock_visible"]
    assert "needs no login" in result["login_state"]
    assert result["final_status"] == "loaded", result
    assert result["statuses"][-1] == "loaded" and len(result["statuses"]) >= 2
    assert "Cropland" in result["layers"]
    assert any("is loaded as styled layers" in m for m in result["messages"])
    assert Path(result["outputs"][0]).is_file()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(out / "dock_desktop.png", ARTIFACTS / "dock_desktop.png")


WALK = REPO_ROOT / "tests" / "qgis" / "scripts" / "desktop_walk.py"
SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"


def _walk(profiles: Path, tmp_path: Path, out: Path, phase: str, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "PYTHONPATH", "QGIS_CUSTOM_CONFIG_PATH")}
    qgis_tmp = tmp_path / "qgis-tmp"  # QGIS calls files under its temp folder "temporary layers" and asks at exit;
    qgis_tmp.mkdir(exist_ok=True)      # a person's results are in their home, so the profile is not under it here
    env.update(HOME=str(tmp_path), TMPDIR=str(qgis_tmp), WC_OUT=str(out), WC_PHASE=phase, **extra)
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(profiles),
           "--nologo", "--noversioncheck", "--code", str(WALK)]
    proc = _run_group(cmd, env=env, cwd=tmp_path, timeout=900 if phase == "0" else 240)
    result_file = out / f"result-{phase}.json"
    assert result_file.exists(), f"QGIS exited ({proc.returncode}) without a result:\n{proc.stderr[-3000:]}"
    result = json.loads(result_file.read_text())
    assert result["error"] is None, result["error"]
    errors = out / "errors.txt"
    assert proc.returncode != 3, f"QGIS did not quit: {errors.read_text() if errors.exists() else ''}"
    assert not errors.exists() or "Error while unloading" not in errors.read_text(), errors.read_text()
    assert not errors.exists() or "Traceback" not in errors.read_text(), errors.read_text()
    return result


def test_the_walk_of_a_crop_mapper_in_the_real_desktop(local_backend, wc_dir, tmp_path: Path):
    """Issue #19 'done when': fresh profile -> Install -> panel opens -> ... -> restart -> loaded, no dialog."""
    if shutil.which("qgis") is None or shutil.which("xvfb-run") is None:
        pytest.fail("The Debian packages qgis and xvfb are needed for this test.")
    profiles = tmp_path / "profiles"  # fresh: the packaged plugin only, its Python packages not yet installed
    profile = profiles / "profiles" / "default"
    install_packaged_plugin(profile, tmp_path / "dist")
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nworldcereal_qgis=true\n\n[qgis]\ncheckVersion=false\nshowTips322=false\n")
    out = tmp_path / "out"
    out.mkdir()
    installed = _walk(profiles, tmp_path, out, "0", WC_BACKEND_URL=local_backend.url)
    assert installed["install_offered"] and installed["button_during_install"] == [False, "Installing…"]
    assert installed["progress_texts"] and installed["panel_opened"]
    assert "local" not in installed["offered_backends"]  # issue #22: no server at its URL, not offered
    assert "`make backend`" in installed["no_server_problem"] and not installed["run_enabled_without_server"]
    first = _walk(profiles, tmp_path, out, "1", WC_BACKEND_URL=local_backend.url,
                  WC_CALENDAR=str(wc_dir / "cropcalendar"))
    assert first["plugin_loaded"] and first["first_run_shown"]
    assert first["example_seconds"] < 1.0 and "Crop type, season 1" in first["example_layers"]
    assert "needs no login" in first["login_state"] and first["login_buttons_hidden"]
    assert first["season_note"].startswith("From the crop calendar: Season 1: ")
    assert first["newest_group_expanded"] is True, first.get("newest_group_debug")
    second = _walk(profiles, tmp_path, out, "2", WC_BACKEND_URL=local_backend.url,
                   WC_REMOTE_ID=first["croptype_remote_id"])
    assert second["still_running_message"] == ["1 WorldCereal job is still running"]
    assert second["dock_opened"] is False and "Crop type, season 1" in second["resumed_layers"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name in installed["shots"] + first["shots"] + second["shots"]:
        shutil.copy(out / name, SCREENSHOTS / name)
