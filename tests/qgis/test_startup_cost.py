"""Loading the plugin must stay cheap: no openeo, shapely, pyproj, pyarrow or pandas at QGIS start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO_ROOT

SCRIPTS = REPO_ROOT / "tests" / "qgis" / "scripts"


def probe(mode: str, **extra_env: str) -> dict:
    env = dict(os.environ, PYTHONPATH=f"{REPO_ROOT}{os.pathsep}{SCRIPTS}",
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), **extra_env)
    proc = subprocess.run([sys.executable, str(SCRIPTS / "startup_probe.py"), mode], env=env, capture_output=True,
                          text=True, timeout=120)
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


def test_plugin_start_imports_nothing_heavy():
    result = probe("plugin")
    assert result["heavy_imported"] == []


def test_plugin_start_leaves_what_only_later_paths_need():
    """Settings' defaults from core (orbit's catalogue URL, the credit rates) are read on first use, the reference
    reader when an algorithm runs: none of them is imported while QGIS starts (#21, with datetime and dataclasses)."""
    loaded = set(probe("plugin")["plugin_modules"])
    assert "worldcereal_qgis.processing.alg_reference" in loaded  # the provider's algorithms are registered
    later = {"worldcereal_qgis.core.orbit", "worldcereal_qgis.core.credits", "worldcereal_qgis.core.reference_io",
             "worldcereal_qgis.adapters.reference_source"}
    assert loaded & later == set()
