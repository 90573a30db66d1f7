"""The dock's form as a user drives it: each AOI mode, live area/credits, seasons, orbit, problems, memory.

No backend here (see test_dock_jobs.py); the local backend profile needs no login, so only the form decides
whether Run is enabled.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.gui import QgsMapMouseEvent, QgsMapToolPan
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, QSettings, Qt
from qgis.PyQt.QtTest import QTest

from worldcereal_qgis import settings
from worldcereal_qgis.adapters import connections
from worldcereal_qgis.controllers.dock_state import DockState, SeasonWindow
from worldcereal_qgis.controllers.jobs import JobController
from worldcereal_qgis.core import credits
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.jobstore import JobStore
from worldcereal_qgis.core.seasons import CropCalendar
from worldcereal_qgis.gui.dock import WorldCerealDock

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
UNREACHABLE_CATALOGUE = "http://127.0.0.1:9/resto/api/collections/Sentinel1/search.json"
BURGUNDY = QgsRectangle(4.70, 47.00, 4.80, 47.07)  # ≈ 58 km² of farmland near Beaune


def wait_for(condition, timeout: float = 20.0, what: str = "condition"):
    """Spin the Qt event loop (tasks report on the GUI thread) until ``condition()`` is truthy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def set_extent(canvas, rect: QgsRectangle, crs=WGS84) -> None:
    canvas.setDestinationCrs(crs)
    canvas.setExtent(rect)
    canvas.refresh()


def built_in_turns(dock: WorldCerealDock, timeout: float = 10.0) -> None:
    """The event loop builds the dock turn by turn, as when a person opens it (no widget read before)."""
    deadline = time.monotonic() + timeout
    while not dock.is_built() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
    assert dock.is_built(), "the dock was not built within its event-loop turns"


@pytest.fixture
def make_dock(qgis_iface, tmp_path: Path, configure):
    """A real dock on the pytest-qgis canvas with its own job store; shut down after the test.

    The orbit catalogue setting points at a closed port (instant fallback); a test may configure its own.
    """
    docks: list[WorldCerealDock] = []
    configure(settings.CATALOGUE_URL, UNREACHABLE_CATALOGUE)
    canvas = qgis_iface.mapCanvas()
    canvas.resize(800, 600)
    key = settings.PREFIX + settings.SHOW_SIMULATED_BACKEND.key
    developer = QgsSettings().value(key)
    settings.SHOW_SIMULATED_BACKEND.write(True)  # these tests run the form on the local backend, server or not

    def make(store: JobStore | None = None, profiles: dict | None = None, *, turns: bool = True,
             **state) -> WorldCerealDock:
        """``turns=False``: returned right after its construction, before the event loop built it."""
        store = store or JobStore(tmp_path / "jobs.sqlite")
        pinned = dict(profiles or {})
        runner = connections.runner(output_root=tmp_path / "results", store=store, profiles=pinned)
        controller = JobController(runner, profile_for=lambda n: pinned.get(n) or connections.profile(n))
        state.setdefault("backend", "local")
        dock = WorldCerealDock(qgis_iface, None, controller=controller, state=DockState(**state))
        dock.resize(460, 1000)
        dock.show()
        docks.append(dock)
        if turns:
            built_in_turns(dock)
        return dock

    yield make
    for dock in docks:
        dock.shutdown()
        dock.deleteLater()
    QCoreApplication.processEvents()
    if developer is None:
        QgsSettings().remove(key)
    else:
        QgsSettings().setValue(key, developer)


def problems_text(dock) -> str:
    return "" if dock.problemsLabel.isHidden() else dock.problemsLabel.text()


def test_canvas_extent_gives_area_credits_and_orbit(make_dock, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    set_extent(canvas, BURGUNDY)
    dock = make_dock()
    aoi = dock.aoi_panel.aoi
    expected = Aoi.from_bbox(*(canvas.extent().toRectF().getCoords()[i] for i in (0, 1, 2, 3)))
    assert aoi.name == "map extent"
    assert aoi.area_km2 == pytest.approx(expected.area_km2, rel=1e-6)
    low, high = credits.estimate_map_credits(aoi.area_km2, credits.DEFAULT_RATES)
    assert f"{aoi.area_km2:,.1f} km²" in dock.aoiInfoLabel.text()
    assert f"{low:,.0f}–{high:,.0f} credits" in dock.aoiInfoLabel.text()
    # the catalogue cannot be reached: the library's fallback orbit, with the reason shown
    wait_for(lambda: dock.form.orbit_state(), what="automatic orbit")
    assert dock.form.orbit_state() == "ASCENDING"
    reason = dock.orbitReasonLabel.text()
    assert reason.startswith("ASCENDING:") and "could not be reached" in reason
    wait_for(dock.runButton.isEnabled, what="Run, once the crop calendar answered for this area")

    # zooming out (live) past the per-job limit: a tiled run, said before any click; the free credits warned of
    # 4° x 4° (~133,000 km²): above the free credits whatever shape earlier tests left the canvas in (a 2° square
    # on a narrow canvas came to 45,000 km², under them)
    set_extent(canvas, QgsRectangle(1.0, 45.0, 5.0, 49.0))
    wait_for(lambda: dock.aoi_panel.aoi.area_km2 > 2500, what="extent update")
    info = dock.aoiInfoLabel.text()
    assert "Larger than the 2,500 km² of one job: it runs as about" in info and "tiles of 20 km" in info
    assert "more than the 10,000 free credits CDSE gives per month" in info


def _mouse(canvas, kind, point: QPoint, button=Qt.MouseButton.LeftButton):
    return QgsMapMouseEvent(canvas, kind, point, button, button, Qt.KeyboardModifier.NoModifier)


def test_draw_rectangle_with_mouse_restores_previous_tool(make_dock, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    set_extent(canvas, BURGUNDY)
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    dock = make_dock(aoi_mode="canvas")
    dock.aoiModeCombo.setCurrentIndex(1)  # "Draw a rectangle" starts the map tool at once
    assert canvas.mapTool() is dock.aoi_panel.tool
    viewport = canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(100, 100))
    QTest.mouseMove(viewport, QPoint(300, 250))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(300, 250))
    aoi = wait_for(lambda: dock.aoi_panel.aoi, what="drawn AOI")
    transform = canvas.getCoordinateTransform()
    p1, p2 = transform.toMapCoordinates(100, 100), transform.toMapCoordinates(300, 250)
    expected = Aoi.from_bbox(min(p1.x(), p2.x()), min(p1.y(), p2.y()), max(p1.x(), p2.x()), max(p1.y(), p2.y()))
    assert aoi.name == "drawn rectangle"
    assert aoi.area_km2 == pytest.approx(expected.area_km2, rel=1e-3)
    assert canvas.mapTool() is pan
    outline = dock.aoi_panel.outline.asGeometry()
    assert outline.area() > 0  # the AOI stays visible on the canvas
    assert "drawn rectangle" in dock.aoiInfoLabel.text()


def test_draw_polygon_right_click_finishes(make_dock, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    set_extent(canvas, BURGUNDY)
    dock = make_dock(aoi_mode="polygon")
    dock.aoi_panel.start_drawing()
    tool = dock.aoi_panel.tool
    assert tool.mode == "polygon"
    points = [QPoint(100, 100), QPoint(300, 120), QPoint(200, 300)]
    for p in points:
        tool.canvasReleaseEvent(_mouse(canvas, QEvent.Type.MouseButtonRelease, p))
    assert dock.aoi_panel.aoi is None  # not finished yet
    tool.canvasReleaseEvent(_mouse(canvas, QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.RightButton))
    aoi = dock.aoi_panel.aoi
    transform = canvas.getCoordinateTransform()
    ring = [transform.toMapCoordinates(p.x(), p.y()) for p in points]
    expected = QgsGeometry.fromPolygonXY([[QgsPointXY(p) for p in ring + ring[:1]]])
    assert aoi.name == "drawn polygon"
    assert aoi.area_km2 == pytest.approx(Aoi.from_wkt(expected.asWkt()).area_km2, rel=1e-6)
    assert len(aoi.geometry.exterior.coords) == 4


@pytest.fixture
def fields_layer():
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857", "my fields", "memory")
    features = []
    for x0 in (530_000, 560_000):
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, 5_940_000, x0 + 10_000, 5_950_000)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def test_polygon_layer_all_then_selected_features(make_dock, qgis_iface, fields_layer):
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(aoi_mode="layer", layer_id=fields_layer.id())
    assert dock.layerCombo.currentLayer() is fields_layer
    geoms = [f.geometry() for f in fields_layer.getFeatures()]
    both = Aoi.from_wkt(QgsGeometry.unaryUnion(geoms).asWkt(), crs="EPSG:3857")
    assert dock.aoi_panel.aoi.area_km2 == pytest.approx(both.area_km2, rel=1e-6)
    assert dock.aoi_panel.aoi.name == "my fields"

    dock.selectedOnlyCheck.setChecked(True)
    assert dock.aoi_panel.aoi is None
    assert "no selected features" in dock.aoiInfoLabel.text()
    assert not dock.runButton.isEnabled()
    first = next(fields_layer.getFeatures())
    fields_layer.selectByIds([first.id()])  # the AOI follows the selection
    one = Aoi.from_wkt(first.geometry().asWkt(), crs="EPSG:3857")
    assert dock.aoi_panel.aoi.area_km2 == pytest.approx(one.area_km2, rel=1e-6)
    assert dock.aoi_panel.outline.asGeometry().area() > 0


@pytest.fixture
def real_calendar(wc_dir: Path):
    """The plugin's calendar setting pointed at the shared copy for one test (no download), then restored."""
    qs, key = QgsSettings(), settings.PREFIX + settings.CALENDAR_PATH.key
    saved = qs.value(key)
    settings.CALENDAR_PATH.write(str(wc_dir / "cropcalendar"))
    yield wc_dir / "cropcalendar" / "seasonality_lookup.geoparquet"
    if saved is None:
        qs.remove(key)
    else:
        qs.setValue(key, saved)


def test_croptype_seasons_from_crop_calendar(make_dock, qgis_iface, real_calendar):
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(year=2023)
    dock.productCombo.setCurrentIndex(1)  # crop type: suggestions are fetched in a task
    assert not dock.season1StartEdit.isHidden() and not dock.yearSpin.isHidden()  # one year for both products
    assert dock.season1IdEdit.isHidden()  # the WorldCereal id is in the tooltip, not in the form
    wait_for(lambda: dock.form.season_task is None and dock.seasonNoteLabel.text().startswith("From"),
             what="season suggestion")
    expected = [s for s in CropCalendar.load(real_calendar).suggest_all(dock.aoi_panel.aoi.bbox, 2023)
                if s.season_id != "tc-annual"]
    rows = [(dock.season1IdEdit, dock.season1StartEdit, dock.season1EndEdit),
            (dock.season2IdEdit, dock.season2StartEdit, dock.season2EndEdit)]
    for suggestion, (id_edit, start_edit, end_edit) in zip(expected, rows):
        assert id_edit.text() == suggestion.season_id
        assert start_edit.date().toPyDate() == suggestion.start
        assert end_edit.date().toPyDate().replace(day=1) == suggestion.end.replace(day=1)
    start, end = expected[0].processing_period if len(expected) == 1 else dock.state.processing_period()
    assert dock.periodLabel.text() == f"Processing period: {start} … {end} (12 months)"
    last_end = max(s.end for s in expected)
    assert end == last_end

    # the user narrows season 1 to a single month; the period follows the latest season end
    dock.season2Check.setChecked(False)
    dock.season1EndEdit.setDate(dock.season1StartEdit.date())
    s1 = dock.state.seasons[0]
    assert (s1.start.day, s1.end) == (1, date(s1.start.year, s1.start.month, s1.end.day))
    assert dock.periodLabel.text().endswith(f"… {s1.end} (12 months)")


def test_custom_model_and_kernel_problems_block_run(make_dock, qgis_iface):
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(orbit_mode="DESCENDING")
    dock.productCombo.setCurrentIndex(2)
    assert not dock.customModelEdit.isHidden()
    assert "Enter the URL of your custom crop-type model" in problems_text(dock)
    dock.customModelEdit.setText("http://example.com/model.onnx")
    text = problems_text(dock)
    assert "must be an https:// address" in text and "must point to a .zip file" in text
    assert not dock.runButton.isEnabled()
    dock.customModelEdit.setText("https://example.com/my_head.zip")
    dock.advancedGroup.setCollapsed(False)
    dock.kernelCroptypeSpin.setValue(4)
    assert "crop-type post-processing kernel size must be odd" in problems_text(dock)
    dock.kernelCroptypeSpin.setValue(7)
    wait_for(dock.runButton.isEnabled, what="Run, once the crop calendar answered for this area")
    assert problems_text(dock) == ""
    request = dock.state.build_request(dock.aoi_panel.aoi, "DESCENDING")
    args = request.udp_arguments()
    assert args["croptype_head_zip"] == "https://example.com/my_head.zip"
    assert args["postprocess_kernel_size_croptype"] == 7 and args["orbit_state"] == "DESCENDING"


def test_every_input_has_a_tooltip_and_tab_order(make_dock):
    from qgis.PyQt.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    dock = make_dock()
    inputs = [w for cls in (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit) for w in dock.findChildren(cls)
              if w.objectName() and not w.objectName().startswith("qt_") and w.objectName() != "collapseButton"]
    assert len(inputs) > 25
    missing = [w.objectName() for w in inputs if not w.toolTip()]
    assert missing == []
    assert all(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in inputs if isinstance(w, (QComboBox, QLineEdit)))


def test_last_used_values_are_remembered(tmp_path):
    ini = QgsSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    state = DockState(product="croptype", orbit_mode="DESCENDING", postprocess_kernel_croptype=7, backend="local",
                      seasons=[SeasonWindow("s-a", date(2022, 3, 5), date(2022, 8, 2)),
                               SeasonWindow("s-b", date(2021, 11, 1), date(2022, 2, 28), enabled=False)])
    state.save(ini)
    again = DockState.load(ini)
    assert (again.product, again.orbit_mode, again.postprocess_kernel_croptype) == ("croptype", "DESCENDING", 7)
    assert again.seasons[0] == SeasonWindow("s-a", date(2022, 3, 1), date(2022, 8, 31))
    assert again.seasons[1].enabled is False
    ini.setValue("worldcereal_qgis/dock/product", "unknown")
    assert DockState.load(ini).product == "cropland"


def test_cropland_period_follows_the_crop_calendar_like_processing(make_dock, qgis_iface, real_calendar, france_aoi):
    """The dock and worldcereal:cropland agree: 12 months ending with the area's last season of the year."""
    set_extent(qgis_iface.mapCanvas(), QgsRectangle(*france_aoi.bbox))
    dock = make_dock(year=2021, product="cropland")
    wait_for(lambda: "crop-calendar season of 2021" in dock.periodLabel.text(), what="calendar cropland period")
    # the same window test_seasons_processing.py asserts for the Processing algorithm on this site
    assert dock.periodLabel.text().startswith("Processing period: 2020-12-01 … 2021-11-30 (12 months)")
    request = dock.state.build_request(dock.aoi_panel.aoi, "ASCENDING")
    assert request.temporal_extent == (date(2020, 12, 1), date(2021, 11, 30))

    dock.yearSpin.setValue(2020)  # another year: its own calendar answer, never the old one
    wait_for(lambda: "season of 2020" in dock.periodLabel.text(), what="period for 2020")
    assert dock.periodLabel.text().startswith("Processing period: 2019-12-01 … 2020-11-30")
