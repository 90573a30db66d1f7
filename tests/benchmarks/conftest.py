"""Benchmarks start from QGIS desktop's state after its start-up (see ``bench_gui_stall.as_after_desktop_start_up``),
with the plugin's bytecode compiled, as an installed plugin has it from its second start (``make`` sets
PYTHONDONTWRITEBYTECODE, so without this every module first imported during a measurement would be compiled
inside it: 1-2 ms each on the GUI thread)."""

from __future__ import annotations

import compileall
import sys
import tempfile
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "worldcereal_qgis"


@pytest.fixture(scope="session", autouse=True)
def compiled_plugin():
    saved = sys.pycache_prefix
    with tempfile.TemporaryDirectory(prefix="wc-bench-pyc-") as cache:
        sys.pycache_prefix = cache  # never the source tree; imports read the bytecode from here
        assert compileall.compile_dir(str(PACKAGE), quiet=1, rx=None)
        yield
        sys.pycache_prefix = saved


@pytest.fixture(scope="session", autouse=True)
def desktop_start_up_state(qgis_app, compiled_plugin):
    from tests.benchmarks.bench_gui_stall import as_after_desktop_start_up

    as_after_desktop_start_up()
