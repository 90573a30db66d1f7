"""Run waits for the crop calendar's answer for the area shown: a job never takes the previous area's seasons, and
the open-sea check's land grid is read in that same task, never on the GUI thread when Run is clicked (#21)."""

from __future__ import annotations

from qgis.core import QgsRectangle

from tests.qgis.test_dock import (  # noqa: F401  (make_dock, real_calendar: fixtures)
    BURGUNDY,
    make_dock,
    problems_text,
    real_calendar,
    set_extent,
    wait_for,
)
from tests.qgis.test_dock_french import french  # noqa: F401  (fixture: QGIS in French)
from worldcereal_qgis.core import reference_coords
from worldcereal_qgis.core.seasons import CropCalendar

NAKURU = QgsRectangle(35.95, -0.40, 36.05, -0.33)  # farmland in Kenya's Rift Valley: other seasons than Burgundy
WAITING = "Reading the crop calendar for this area…"


def _seasons(dock) -> list[tuple]:
    return [(s.season_id, s.start, s.end) for s in dock.state.seasons if s.enabled]


def _croptype_dock_on_burgundy(make_dock, canvas):  # noqa: F811
    """A crop-type dock on Burgundy, its calendar answer in (the land grid read afresh by it)."""
    reference_coords.calendar_land_grid.cache_clear()
    set_extent(canvas, BURGUNDY)
    dock = make_dock(year=2023, product="croptype", orbit_mode="DESCENDING")
    wait_for(dock.runButton.isEnabled, what="Burgundy's seasons, then Run")  # Run waits for the calendar
    return dock


def test_run_waits_for_the_calendar_answer_of_the_new_area(make_dock, qgis_iface, real_calendar):  # noqa: F811
    canvas = qgis_iface.mapCanvas()
    dock = _croptype_dock_on_burgundy(make_dock, canvas)
    burgundy = _seasons(dock)
    assert reference_coords.calendar_land_grid.cache_info().currsize == 1  # read by the calendar task

    set_extent(canvas, NAKURU)
    wait_for(lambda: dock.aoi_panel.aoi is not None and dock.aoi_panel.aoi.bbox[1] < 0, what="the Kenyan area")
    # the area changed, its seasons have not arrived yet: Run is held, and the note says why
    assert not dock.runButton.isEnabled()
    assert WAITING in problems_text(dock)
    assert _seasons(dock) == burgundy

    wait_for(dock.runButton.isEnabled, what="Run after the calendar's answer")
    assert WAITING not in problems_text(dock)
    expected = [(s.season_id, s.start, s.end)
                for s in CropCalendar.load(real_calendar).suggest_all(dock.aoi_panel.aoi.bbox, 2023)
                if s.season_id in dock.state.active_seasons()]
    assert _seasons(dock) == expected != burgundy
    request = dock.state.build_request(dock.aoi_panel.aoi, "DESCENDING")
    assert [(s.season_id, s.start, s.end) for s in dock.state.seasons if s.enabled] == expected
    assert request.temporal_extent == dock.state.processing_period(dock.aoi_panel.aoi)
    info = reference_coords.calendar_land_grid.cache_info()
    assert (info.misses, info.currsize) == (1, 1)  # Run's open-sea check finds the grid in memory


def test_seasons_adjusted_by_hand_still_read_the_land_grid_before_run(make_dock, qgis_iface,  # noqa: F811
                                                                     real_calendar):  # noqa: F811
    """Seasons the user set keep their dates on a new area; the calendar is still read (for the open-sea check)."""
    canvas = qgis_iface.mapCanvas()
    dock = _croptype_dock_on_burgundy(make_dock, canvas)
    dock.season1EndEdit.setDate(dock.season1StartEdit.date())  # adjusted by hand
    adjusted = _seasons(dock)
    reference_coords.calendar_land_grid.cache_clear()

    set_extent(canvas, NAKURU)
    wait_for(lambda: dock.aoi_panel.aoi is not None and dock.aoi_panel.aoi.bbox[1] < 0, what="the Kenyan area")
    assert not dock.runButton.isEnabled() and WAITING in problems_text(dock)
    wait_for(dock.runButton.isEnabled, what="Run after the calendar was read")
    assert _seasons(dock) == adjusted
    assert "Adjusted by hand" in dock.seasonNoteLabel.text()
    assert reference_coords.calendar_land_grid.cache_info().currsize == 1


def test_the_wait_for_the_calendar_reads_in_french(make_dock, qgis_iface, real_calendar, french):  # noqa: F811
    canvas = qgis_iface.mapCanvas()
    dock = _croptype_dock_on_burgundy(make_dock, canvas)
    set_extent(canvas, NAKURU)
    wait_for(lambda: dock.aoi_panel.aoi is not None and dock.aoi_panel.aoi.bbox[1] < 0, what="the Kenyan area")
    assert problems_text(dock) == "• Lecture du calendrier cultural pour cette zone…"
    wait_for(dock.runButton.isEnabled, what="Run after the calendar's answer")
