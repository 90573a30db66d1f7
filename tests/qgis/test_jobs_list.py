"""Issue #19.5: jobs are told apart in the list (product, period, area, its size, when started)."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QLocale

from tests.qgis.test_dock import wait_for
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.jobstore import JobRecord, JobStore
from worldcereal_qgis.core.request import cropland_request
from worldcereal_qgis.gui.jobs_model import JobsTableModel


def _add(store: JobStore, aoi: Aoi, year: int, created: str) -> JobRecord:
    request = cropland_request(aoi, year=year)
    return store.add(JobRecord(local_id="", backend="cdse", backend_url="https://openeo.dataspace.copernicus.eu",
                               product=request.product, title=request.title(), request=request.to_dict(),
                               created_at=created))


@pytest.fixture
def english_dates():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def test_two_cropland_jobs_of_the_map_extent_read_differently(tmp_path: Path, english_dates):
    store = JobStore(tmp_path / "jobs.sqlite")
    small = Aoi.from_bbox(4.70, 47.00, 4.80, 47.07, name="map extent")
    big = Aoi.from_bbox(4.5, 46.9, 5.0, 47.2, name="map extent")
    _add(store, small, 2021, "2026-12-06T09:15:00+00:00")
    _add(store, big, 2020, "2026-12-06T10:40:00+00:00")
    model = JobsTableModel(store)

    def read_cells() -> dict[str, str]:
        return {model.record(row).created_at[11:16]: model.index(row, 0).data() for row in range(model.rowCount())}

    # the sizes are measured in a task (pyproj held the GUI thread past a frame on a long list, #21): the first
    # paint shows the rows without them, then they appear
    assert not any("km²" in text for text in read_cells().values())
    wait_for(lambda: all("km²" in text for text in read_cells().values()), what="the areas of the jobs")
    cells = read_cells()
    assert cells["09:15"] != cells["10:40"]
    for started, aoi, year in (("09:15", small, 2021), ("10:40", big, 2020)):
        first, second = cells[started].splitlines()
        assert first == f"Cropland · Jan {year}–Dec {year}"
        assert second.startswith(f"map extent · {aoi.area_km2:,.0f} km² · 6 Dec ")


def test_a_job_made_from_the_dock_shows_its_known_area_without_a_measuring_task(tmp_path: Path, english_dates):
    """Run's new row: the dock measured the area already, so no task competes with the job's submission (#21)."""
    from qgis.PyQt.QtCore import QCoreApplication

    store = JobStore(tmp_path / "jobs.sqlite")
    aoi = Aoi.from_bbox(4.70, 47.00, 4.80, 47.07, name="map extent")
    record = _add(store, aoi, 2021, "2026-12-06T09:15:00+00:00")
    model = JobsTableModel(store)
    changed = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    assert "km²" not in model.index(0, 0).data()  # asked for, to be measured on a coming turn
    model.know_area(record.local_id, aoi.area_km2)
    assert changed == [(0, 0)]
    assert model.index(0, 0).data().splitlines()[1].startswith(f"map extent · {aoi.area_km2:,.0f} km² · 6 Dec ")
    QCoreApplication.processEvents()
    assert model._area_task is None  # nothing was left to measure
