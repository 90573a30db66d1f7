"""The season timeline as a user drives it: bars on the right months, mouse drags snapped to whole months, the
date edits and the timeline kept in sync, the request's season windows after an adjustment, the estimate shown
before submitting, and a screenshot of the seasons area (tests/artifacts/ and docs/screenshots/dock_seasons.png).

Expected windows for the Burgundy extent (target year 2023), derived by hand as in test_seasons_processing.py:
no 0.5° cell centre lies inside, so the centroid's cell (47.25, 4.75) is used: tc-s1 Dec 2022 – Jul 2023,
tc-s2 Apr 2023 – Nov 2023, so the processing period (and the timeline) is Dec 2022 – Nov 2023.
"""

from __future__ import annotations

import shutil
import time
from datetime import date

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QDate, QEvent, QPoint, QPointF, Qt
from qgis.PyQt.QtGui import QMouseEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication

from tests.conftest import REPO_ROOT
from tests.qgis import test_dock as dock_tests
from worldcereal_qgis import settings
from worldcereal_qgis.controllers.dock_state import SeasonWindow
from worldcereal_qgis.core import credits
from worldcereal_qgis.gui.season_timeline import COLORS, SeasonTimeline, TimelineBar

make_dock = dock_tests.make_dock  # fixtures shared with the dock's other tests
real_calendar = dock_tests.real_calendar
wait_for, set_extent, problems_text = dock_tests.wait_for, dock_tests.set_extent, dock_tests.problems_text
BURGUNDY = dock_tests.BURGUNDY
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
D = date
S1 = (D(2022, 12, 1), D(2023, 7, 31))
S2 = (D(2023, 4, 1), D(2023, 11, 30))
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_DEC_TO_NOV = ["Dec 2022"] + [f"{m} 2023" for m in MONTH_ABBR[:11]]


@pytest.fixture
def timeline():
    widget = SeasonTimeline()
    widget.set_bars([TimelineBar(0, "tc-s1", *S1, suggested=S1), TimelineBar(1, "tc-s2", *S2)], S2[1])
    widget.resize(372, widget.sizeHint().height())
    widget.show()
    yield widget
    widget.close()
    widget.deleteLater()


def month_names(widget: SeasonTimeline) -> list[str]:
    return [f"{m:%b %Y}" for m in widget.months()]


def colour_at(widget: SeasonTimeline, x: float, y: float) -> str:
    return widget.grab().toImage().pixelColor(int(x), int(y)).name()


def move_with_button(widget: SeasonTimeline, pos: QPoint) -> None:
    """A move with the left button held, as Qt delivers it during a drag (also outside the widget, as the mouse is
    grabbed); Qt 5's ``QTest.mouseMove`` only moves the cursor, without the button and never outside the widget."""
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(widget: SeasonTimeline, start: QPointF, columns: float, *, before_release=None) -> None:
    """Press at ``start``, move right by ``columns`` month columns in small steps, release."""
    begin = start.toPoint()
    end = QPoint(int(start.x() + columns * (widget.month_x(1) - widget.month_x(0))), begin.y())
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, begin)
    for step in range(1, 6):
        move_with_button(widget, QPoint(begin.x() + (end.x() - begin.x()) * step // 5, begin.y()))
    if before_release is not None:
        before_release()
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def end_handle(widget: SeasonTimeline, key: int) -> QPointF:
    rect = widget.bar_rect(key)
    return QPointF(rect.right() - 2, rect.center().y())


def start_handle(widget: SeasonTimeline, key: int) -> QPointF:
    rect = widget.bar_rect(key)
    return QPointF(rect.left() + 2, rect.center().y())


def middle(widget: SeasonTimeline, key: int) -> QPointF:
    return widget.bar_rect(key).center()


# --------------------------------------------------------------------------- the widget alone


def test_bars_are_drawn_on_their_months(timeline):
    assert month_names(timeline) == MONTHS_DEC_TO_NOV
    s1, s2 = timeline.bar_rect(0), timeline.bar_rect(1)
    assert (s1.left(), s1.right()) == pytest.approx((timeline.month_x(0), timeline.month_x(8)))  # Dec .. Jul
    assert (s2.left(), s2.right()) == pytest.approx((timeline.month_x(4), timeline.month_x(12)))  # Apr .. Nov
    assert s2.top() > s1.bottom()  # one lane per season
    # the painted pixels: each bar's colour inside its months, the track outside them
    assert colour_at(timeline, timeline.month_x(0.5), s1.center().y()) == COLORS["tc-s1"]
    assert colour_at(timeline, timeline.month_x(11.5), s2.center().y()) == COLORS["tc-s2"]
    assert colour_at(timeline, timeline.month_x(2.5), s2.center().y()) != COLORS["tc-s2"]
    assert colour_at(timeline, timeline.month_x(9.5), s1.center().y()) != COLORS["tc-s1"]


def test_dragging_snaps_to_whole_months(timeline):
    seen: list[list[TimelineBar]] = []
    timeline.windowsChanged.connect(seen.append)

    drag(timeline, end_handle(timeline, 0), -2.3)  # Jul -> May
    assert (seen[-1][0].start, seen[-1][0].end) == (D(2022, 12, 1), D(2023, 5, 31))
    assert timeline.bar_rect(0).right() == pytest.approx(timeline.month_x(6))

    drag(timeline, start_handle(timeline, 0), 1.6)  # Dec -> Feb
    assert timeline.bars()[0].start == D(2023, 2, 1)

    drag(timeline, middle(timeline, 1), -1.2)  # moved: same length, one month earlier
    assert (timeline.bars()[1].start, timeline.bars()[1].end) == (D(2023, 3, 1), D(2023, 10, 31))

    drag(timeline, start_handle(timeline, 0), 9)  # a season never ends before it starts
    assert (timeline.bars()[0].start, timeline.bars()[0].end) == (D(2023, 5, 1), D(2023, 5, 31))
    assert [b.season_id for b in seen[-1]] == ["tc-s1", "tc-s2"]  # every bar, in the form's order


def test_view_holds_still_during_a_drag_and_follows_the_period_after(timeline):
    def form_answers() -> None:  # what the form does on each change: the period now ends in December
        assert timeline.bars()[1].end == D(2023, 12, 31)  # the bar follows the mouse before the button is up
        timeline.set_bars(timeline.bars(), D(2023, 12, 31))
        assert month_names(timeline) == MONTHS_DEC_TO_NOV  # not under the mouse

    drag(timeline, end_handle(timeline, 1), 1, before_release=form_answers)
    assert timeline.bars()[1].end == D(2023, 12, 31)
    assert month_names(timeline) == [f"{m} 2023" for m in MONTH_ABBR]
    assert timeline.bar_rect(1).right() == pytest.approx(timeline.month_x(12))
    assert timeline.bar_rect(0).left() < timeline.month_x(0)  # tc-s1 now starts before the period (clipped)


# --------------------------------------------------------------------------- in the dock


def suggested_dock(make_dock, qgis_iface, **state):
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(year=2023, product="croptype", **state)
    wait_for(lambda: dock.form.season_task is None and dock.seasonNoteLabel.text().startswith("From"),
             what="season suggestion")
    return dock


def season_windows(dock) -> dict:
    return dock.state.build_request(dock.aoi_panel.aoi, "ASCENDING").udp_arguments()["season_windows"]


def test_dock_shows_suggested_seasons_on_the_timeline(make_dock, qgis_iface, real_calendar):
    dock = suggested_dock(make_dock, qgis_iface)
    timeline = dock.form.timeline
    assert timeline.isVisible()
    assert month_names(timeline) == MONTHS_DEC_TO_NOV
    assert [(b.season_id, b.start, b.end, b.suggested) for b in timeline.bars()] == [
        ("tc-s1", *S1, S1), ("tc-s2", *S2, S2)]
    assert timeline.bar_rect(0).right() == pytest.approx(timeline.month_x(8))
    assert dock.seasonNoteLabel.text() == ("From the crop calendar: Season 1: Dec 2022 – Jul 2023; "
                                           "Season 2: Apr 2023 – Nov 2023.")
    dock.productCombo.setCurrentIndex(0)  # cropland has no seasons to adjust
    assert not timeline.isVisible()


def test_drag_updates_date_edits_and_request_and_back(make_dock, qgis_iface, real_calendar):
    dock = suggested_dock(make_dock, qgis_iface)
    timeline = dock.form.timeline

    def live() -> None:  # the date edit follows while the button is still down
        assert dock.season1EndEdit.date() == QDate(2023, 6, 30)

    drag(timeline, end_handle(timeline, 0), -1, before_release=live)  # tc-s1 ends in June instead of July
    assert dock.season1EndEdit.date() == QDate(2023, 6, 30)
    assert dock.season1StartEdit.date() == QDate(2022, 12, 1)
    assert season_windows(dock) == {"tc-s1": ["2022-12-01", "2023-06-30"], "tc-s2": ["2023-04-01", "2023-11-30"]}
    assert dock.seasonNoteLabel.text().startswith("Adjusted by hand")
    assert timeline.bars()[0].suggested == S1  # the calendar's window stays visible as an outline
    wait_for(dock.runButton.isEnabled, what=f"Run enabled ({problems_text(dock)})")

    # a date edit moves the bar; the period (and the timeline) now end in September
    dock.season2EndEdit.setDate(QDate(2023, 9, 30))
    assert dock.periodLabel.text() == "Processing period: 2022-10-01 … 2023-09-30 (12 months)"
    assert month_names(timeline)[0] == "Oct 2022" and month_names(timeline)[-1] == "Sep 2023"
    assert timeline.bar_rect(1).right() == pytest.approx(timeline.month_x(12))
    assert timeline.bar_rect(0).left() == pytest.approx(timeline.month_x(2))  # Dec 2022 is the third month

    # moving tc-s2 three months later pushes tc-s1 out of the period: the form says so and Run waits
    drag(timeline, middle(timeline, 1), 3)
    assert (dock.season2StartEdit.date(), dock.season2EndEdit.date()) == (QDate(2023, 7, 1), QDate(2023, 12, 31))
    assert month_names(timeline)[0] == "Jan 2023"
    assert "lies outside the processing period" in problems_text(dock)
    assert not dock.runButton.isEnabled()

    QTest.mouseClick(dock.suggestButton, Qt.MouseButton.LeftButton)  # back to the calendar's windows
    wait_for(lambda: dock.seasonNoteLabel.text().startswith("From"), what="suggestion again")
    assert season_windows(dock) == {"tc-s1": ["2022-12-01", "2023-07-31"], "tc-s2": ["2023-04-01", "2023-11-30"]}
    assert month_names(timeline) == MONTHS_DEC_TO_NOV


def test_seasons_adjusted_by_hand_are_kept(make_dock, qgis_iface, real_calendar):
    """After a restart (state from settings) the user's windows stay, even when the area changes."""
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    mine = [SeasonWindow("tc-s1", D(2023, 2, 1), D(2023, 6, 30)), SeasonWindow("tc-s2", *S2, enabled=False)]
    dock = make_dock(year=2023, product="croptype", seasons=mine, seasons_edited=True)
    set_extent(qgis_iface.mapCanvas(), BURGUNDY.buffered(0.05))
    deadline = time.monotonic() + 1.0  # longer than the look-up's debounce
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
    assert dock.form.season_task is None
    assert season_windows(dock) == {"tc-s1": ["2023-02-01", "2023-06-30"]}
    bars = dock.form.timeline.bars()
    assert [(b.season_id, b.start, b.end) for b in bars] == [("tc-s1", D(2023, 2, 1), D(2023, 6, 30))]
    assert month_names(dock.form.timeline)[-1] == "Jun 2023"


def test_calendar_failure_is_one_sentence(make_dock, qgis_iface, configure, tmp_path, wc_dir):
    missing = tmp_path / "calendar.geoparquet"
    configure(settings.CALENDAR_PATH, str(missing))
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(year=2023, product="croptype")  # the first area asks the calendar by itself
    sentence = (f"The crop calendar file {missing} set in the WorldCereal settings does not exist. "
                "The season windows were left as they are.")
    wait_for(lambda: dock.seasonNoteLabel.text().startswith(sentence), what="failed look-up")
    assert "<a href=" in dock.seasonNoteLabel.text()  # and the link that lets the user choose a local copy
    note, windows = dock.seasonNoteLabel.text(), season_windows(dock)

    set_extent(qgis_iface.mapCanvas(), BURGUNDY.buffered(0.05))  # no retry on every map move
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        assert dock.form.season_task is None
    assert (dock.seasonNoteLabel.text(), season_windows(dock)) == (note, windows)

    configure(settings.CALENDAR_PATH, str(wc_dir / "cropcalendar"))  # fixed: the Suggest button tries again
    QTest.mouseClick(dock.suggestButton, Qt.MouseButton.LeftButton)
    wait_for(lambda: dock.seasonNoteLabel.text().startswith("From the crop calendar"), what="suggestion")


def test_estimate_before_submit_uses_the_configured_rates_and_budget(make_dock, qgis_iface, configure):
    for setting, value in ((settings.MAP_CREDITS_PER_KM2_LOW, 0.3), (settings.MAP_CREDITS_PER_KM2_HIGH, 0.5),
                           (settings.JOB_OVERHEAD_CREDITS, 5.0), (settings.CREDIT_BUDGET, 6.0),
                           (settings.FREE_MONTHLY_CREDITS, 7.0)):  # below any area's estimate: both warnings
        configure(setting, value)
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock()
    area = dock.aoi_panel.aoi.area_km2
    low, high = area * 0.3 + 5, area * 0.5 + 5  # written out: the user's rates, not the built-in ones
    short, long = credits.estimate_duration_minutes(area)
    assert dock.aoiInfoLabel.text().splitlines() == [
        f"map extent: {area:,.1f} km² · about {low:,.0f}–{high:,.0f} credits · {short:.0f}–{long:.0f} min",
        f"This job may use up to {high:,.0f} credits, more than your budget of 6 credits.",
        f"This job may use up to {high:,.0f} credits, more than the 7 free credits CDSE gives per month.",
    ]


def test_screenshot_of_the_seasons_area(make_dock, qgis_iface, real_calendar):
    dock = suggested_dock(make_dock, qgis_iface)
    dock.resize(400, 1000)
    drag(dock.form.timeline, end_handle(dock.form.timeline, 0), -1)  # adjusted: the outline shows the suggestion
    dock.formScroll.ensureWidgetVisible(dock.whenGroup)
    for _ in range(5):
        QCoreApplication.processEvents()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / "dock_seasons.png"
    assert dock.grab().save(str(path))
    shutil.copyfile(path, REPO_ROOT / "docs" / "screenshots" / "dock_seasons.png")
