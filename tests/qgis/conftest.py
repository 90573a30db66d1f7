"""Fixtures for QGIS-level tests that run WorldCereal jobs against the local openEO backend."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings

from worldcereal_qgis import settings
from worldcereal_qgis.adapters import connections
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.jobstore import JobStore


@pytest.fixture(autouse=True)
def _tasks_finish_before_next_test():
    """QgsTasks left running would outlive the test (and QGIS at exit)."""
    yield
    import time

    manager = QgsApplication.taskManager()
    deadline = time.monotonic() + 30
    while manager.countActiveTasks() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    running = [task.description() for task in manager.activeTasks()]
    if running:  # name them, show where every thread is, and cancel them so one stuck test fails alone
        import faulthandler
        import sys

        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
        manager.cancelAll()
    assert not running, f"background tasks still running after the test: {running}"


@pytest.fixture
def configure():
    """Writes plugin settings for one test and restores them (the test profile is shared by the suite)."""
    qs = QgsSettings()
    saved: dict[str, object] = {}

    def write(setting: settings.Setting, value) -> None:
        key = settings.PREFIX + setting.key
        saved.setdefault(key, qs.value(key))
        setting.write(value)

    yield write
    restore_settings(qs, saved)


def restore_settings(qs: QgsSettings, saved: dict[str, object]) -> None:
    """Put back values read before a test (None: the key did not exist)."""
    for key, value in saved.items():
        if value is None:
            qs.remove(key)
        else:
            qs.setValue(key, value)


@pytest.fixture(autouse=True)
def _calendar_from_shared(wc_dir: Path):
    """Every algorithm that derives dates from a year fetches the crop calendar (#18): tests read the real copy
    in ../shared and never reach GitHub; tests about downloads point the settings elsewhere with ``configure``."""
    qs = QgsSettings()
    keys = {settings.PREFIX + s.key: s for s in (settings.CALENDAR_PATH, settings.CALENDAR_URL)}
    saved = {key: qs.value(key) for key in keys}
    settings.CALENDAR_PATH.write(str(wc_dir / "cropcalendar"))
    settings.CALENDAR_URL.write("http://127.0.0.1:9/no-download-in-tests.geoparquet")
    yield
    for key, value in saved.items():
        if value is None:
            qs.remove(key)
        else:
            qs.setValue(key, value)


@pytest.fixture(scope="session")
def france_aoi(wc_dir: Path) -> Aoi:
    """The real test-site polygon (≈ 100 km² in Burgundy) as an Aoi."""
    from osgeo import ogr

    ds = ogr.Open(str(wc_dir / "aoi" / "test_site_france.gpkg"))
    feature = ds.GetLayer(0).GetNextFeature()
    return Aoi.from_wkt(feature.GetGeometryRef().ExportToWkt(), name="test_site_france")


@pytest.fixture
def local_profile(local_backend):
    return connections.profile("local", local_backend.url)


@pytest.fixture
def store(tmp_path: Path) -> JobStore:
    return JobStore(tmp_path / "jobs.sqlite")


@pytest.fixture
def runner(store, local_profile, tmp_path: Path):
    return connections.runner(output_root=tmp_path / "results", store=store, profiles={"local": local_profile})


@pytest.fixture
def wc_provider(qgis_processing):
    """The plugin's Processing provider, registered once for the session's tests."""
    registry = QgsApplication.processingRegistry()
    if registry.providerById("worldcereal") is None:
        from worldcereal_qgis.processing.provider import WorldCerealProvider

        provider = WorldCerealProvider()
        registry.addProvider(provider)
        pytest.wc_provider_ref = provider  # keep the Python object alive
    return registry.providerById("worldcereal")
