"""Without openeo, the plugin still loads, says so in one sentence, and installs it for real on one click."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

SYSTEM_PYTHON = "/usr/bin/python3"


@pytest.mark.slow
def test_missing_openeo_is_installed_into_private_folder(tmp_path: Path):
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import openeo"], capture_output=True)
    assert probe.returncode != 0, "Debian's Python must not have openeo for this test to mean anything"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    env.update(HOME=str(tmp_path), PYTHONPATH=str(REPO_ROOT / "tests" / "qgis" / "scripts"),
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PATH"] = "/usr/bin:/bin"
    proc = subprocess.run(
        [SYSTEM_PYTHON, str(REPO_ROOT / "tests/qgis/scripts/install_missing_deps.py"), str(REPO_ROOT)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900,
    )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line, f"install script failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    result = json.loads(line[len("RESULT "):])
    assert result["openeo_before"] is False
    assert "openeo (missing)" in result["message"]
    assert "Install adds them" in result["message"]
    assert result["buttons"] == ["Install"]
    assert result["dock_before_install"] is False and result["action_checked_before_install"] is False
    assert result["dock_after_install"] is True
    # issue #19.9: visible progress, no second pip, the panel opens by itself, no second numpy
    assert result["button_enabled_during_install"] is False and result["button_text_during_install"] == "Installing…"
    assert result["second_task"] is False
    assert any(t.startswith("Installing the Python packages for WorldCereal…") for t in result["progress_texts"])
    assert result["dock_opened_by_itself"] is True
    assert result["numpy_in_deps"] == []
    print(f"\ninstall: {result['install_seconds']:.0f} s, profile footprint {result['deps_mb']:.0f} MB")
    assert any("ready" in m for m in result["finished_messages"]), result["finished_messages"]
    deps_dir = Path(result["deps_dir"])
    assert deps_dir.is_relative_to(tmp_path)
    assert Path(result["openeo_file"]).is_relative_to(deps_dir)
    assert result["graph"]["loadcollection1"]["process_id"] == "load_collection"
