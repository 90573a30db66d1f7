"""A fresh QGIS profile holding the packaged plugin and its Python packages, as a user would have it."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

from tests.conftest import REPO_ROOT


def clean_env(home: Path) -> dict:
    """Debian's Python and QGIS only: nothing from the test venv or the developer's profile."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("VIRTUAL_ENV", "PYTHON", "QGIS_CUSTOM_CONFIG_PATH", "QT_QPA_PLATFORM"))}
    env.update(HOME=str(home), PATH="/usr/bin:/bin")
    return env


def install_packaged_plugin(profile: Path, dist: Path) -> Path:
    """`make package`, unzip into ``profile``/python/plugins; returns the plugins folder."""
    subprocess.run(["make", "-s", "package", f"DIST={dist}"], cwd=REPO_ROOT, check=True, capture_output=True)
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    zipfile.ZipFile(next(dist.glob("worldcereal_qgis-*.zip"))).extractall(plugins)
    return plugins


def install_plugin_dependencies(profile: Path, home: Path) -> None:
    """What the plugin's Install button does: pip into <profile>/worldcereal_qgis/python with QGIS's pins."""
    from worldcereal_qgis.controllers.install import qgis_library_versions

    geos, proj = qgis_library_versions()
    proc = subprocess.run(
        ["/usr/bin/python3", "-c",
         "import sys, json; from pathlib import Path; from worldcereal_qgis.core import dependencies as d; "
         "d.install(Path(sys.argv[1]), [m.requirement for m in d.missing_dependencies()], "
         "constraints=d.library_constraints(*json.loads(sys.argv[2])))",
         str(profile / "worldcereal_qgis" / "python"), json.dumps([geos, proj])],
        env={**clean_env(home), "PYTHONPATH": str(profile / "python" / "plugins")},
        capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
