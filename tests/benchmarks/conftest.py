"""Benchmarks start from QGIS desktop's state after its start-up (see ``bench_gui_stall.as_after_desktop_start_up``)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def desktop_start_up_state(qgis_app):
    from tests.benchmarks.bench_gui_stall import as_after_desktop_start_up

    as_after_desktop_start_up()
