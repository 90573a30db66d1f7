"""Issue #19.2: the form fits the dock as a person sees it (no horizontal overflow, nothing cut)."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QPoint
from qgis.PyQt.QtWidgets import QComboBox, QLabel, QWidget

from tests.qgis import test_dock
from tests.qgis.test_dock import BURGUNDY, set_extent

make_dock = test_dock.make_dock  # the real dock on the pytest-qgis canvas (fixture)
real_calendar = test_dock.real_calendar  # the shared crop calendar (fixture)


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def cut_widgets(dock) -> list[str]:
    """Every visible form widget whose right edge lies outside the visible part of the scroll area."""
    viewport = dock.formScroll.viewport()
    right = viewport.width()
    cut = []
    for widget in dock.formWidget.findChildren(QWidget):
        if not widget.isVisibleTo(dock.formWidget) or widget.width() == 0:
            continue
        edge = widget.mapTo(viewport, QPoint(widget.width(), 0)).x()
        if edge > right + 1:
            cut.append(f"{widget.objectName() or type(widget).__name__} ends at {edge} > {right}")
    return cut


def elided_labels(dock) -> list[str]:
    """Labels without word wrap whose text needs more width than they have (the end of the sentence is lost)."""
    found = []
    for label in dock.formWidget.findChildren(QLabel):
        if not label.isVisibleTo(dock.formWidget) or label.wordWrap() or not label.text():
            continue
        if label.fontMetrics().horizontalAdvance(label.text()) > label.width() + 1:
            found.append(label.objectName())
    return found


def open_advanced(dock) -> None:
    dock.advancedGroup.setCollapsed(False)
    settle()


@pytest.mark.parametrize("product", [0, 1])
def test_form_fits_a_360px_dock_with_advanced_open(make_dock, qgis_iface, product):
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock()
    dock.productCombo.setCurrentIndex(product)
    dock.resize(360, 800)
    open_advanced(dock)
    settle()
    assert dock.formWidget.width() <= dock.formScroll.viewport().width()
    assert cut_widgets(dock) == []
    assert elided_labels(dock) == []
    # the longest backend name still reads whole in its tooltip and in the open list
    # QGIS's default right-hand dock is about 270 px: the dock keeps the form's width instead of cutting it
    dock.resize(270, 800)
    settle()
    assert dock.width() > 270 and cut_widgets(dock) == [] and elided_labels(dock) == []
    combo = dock.backendCombo
    longest = max((combo.itemText(i) for i in range(combo.count())), key=len)
    assert combo.view().minimumWidth() >= combo.fontMetrics().horizontalAdvance(longest)


def test_form_at_1280x800_keeps_the_run_button_reachable(make_dock, qgis_iface):
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock()
    dock.resize(420, 760)  # a right-hand dock in a 1280×800 QGIS window
    open_advanced(dock)
    settle()
    assert cut_widgets(dock) == []
    # the form gets most of the height; the jobs list keeps enough for a few rows
    assert dock.formScroll.height() >= dock.jobsGroup.height()
    assert isinstance(dock.backendCombo, QComboBox)


def test_one_year_drives_cropland_period_and_suggested_seasons(make_dock, qgis_iface, real_calendar):
    """Issue #19.7: cropland set to 2021, then crop type: the suggested seasons are 2021's, not another year's."""
    from tests.qgis.test_dock import wait_for
    from worldcereal_qgis.core.seasons import CropCalendar

    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(year=2023, product="cropland")
    dock.yearSpin.setValue(2021)
    dock.productCombo.setCurrentIndex(1)
    assert dock.yearSpin.isVisible() and dock.yearSpin.value() == 2021
    wait_for(lambda: dock.form.season_task is None and dock.seasonNoteLabel.text().startswith("From"),
             what="season suggestion")
    expected = [s for s in CropCalendar.load(real_calendar).suggest_all(dock.aoi_panel.aoi.bbox, 2021)
                if s.season_id != "tc-annual"]
    assert dock.season1EndEdit.date().toPyDate() == expected[0].end
    # issue #19.10: seasons read as people say them; WorldCereal's id only in the tooltip
    from worldcereal_qgis.gui.season_names import month_text

    note = dock.seasonNoteLabel.text()
    assert f"Season 1: {month_text(expected[0].start)} – {month_text(expected[0].end)}" in note
    assert "tc-s1" not in note and "tc-s1" in dock.seasonNoteLabel.toolTip()
    assert dock.season1IdEdit.isHidden() and "tc-s1" in dock.season1Check.toolTip()
    assert {s.end.year for s in expected} == {2021}


def test_offline_orbit_choice_is_one_line_with_the_reason_in_the_tooltip(make_dock, qgis_iface):
    """Issue #19.10: the catalogue's three-line explanation no longer fills the form on every offline run."""
    from tests.qgis.test_dock import wait_for

    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock()  # automatic orbit, catalogue unreachable
    wait_for(lambda: dock.form.orbit_state(), what="automatic orbit")
    text = dock.orbitReasonLabel.text()
    assert text == "ASCENDING: the Sentinel-1 catalogue could not be reached, so the library's default is used."
    assert "could not be checked" in dock.orbitReasonLabel.toolTip()
