"""The whole map workflow from the dock against the local openEO backend, as a user clicks it.

Run a cropland job (progress in the list, styled layers in the project, message bar), cancel a second job,
restart the dock mid-job and find every job again (the running one completes). Screenshots of the three
states go to tests/artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import Qgis, QgsPalettedRasterRenderer, QgsProject
from qgis.gui import QgsLayerTreeView
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QColor, QImage, QPainter
from qgis.PyQt.QtTest import QTest

from tests.conftest import REPO_ROOT
from tests.qgis.test_dock import BURGUNDY, make_dock, set_extent, wait_for  # noqa: F401 (fixture)
from worldcereal_qgis.adapters.layers import find_job_layers, remove_job_layers
from worldcereal_qgis.core.jobstore import JobStore

ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
pytestmark = pytest.mark.slow


def column(dock, row: int, col: int) -> str:
    return dock.jobs.model.index(row, col).data() or ""


def row_of(dock, local_id: str) -> int:
    return dock.jobs.model.row_of(local_id)


def status(dock, local_id: str) -> str:
    row = row_of(dock, local_id)
    return column(dock, row, 1) if row >= 0 else ""


def click_run(dock) -> str:
    wait_for(dock.runButton.isEnabled, what="Run enabled")
    before = {r.local_id for r in dock.controller.store.list()}
    QTest.mouseClick(dock.runButton, Qt.MouseButton.LeftButton)
    (new,) = {r.local_id for r in dock.controller.store.list()} - before
    return new


def remote_id(dock, local_id: str) -> str:
    return wait_for(lambda: dock.controller.store.get(local_id).remote_id, what="remote job id")


def legend_view() -> QgsLayerTreeView:
    from qgis.core import QgsLayerTreeModel

    view = QgsLayerTreeView()
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    view.resize(380, 1000)
    view.expandAll()
    return view


def screenshot(name: str, dock, canvas=None, legend=None) -> Path:
    """Dock (plus map and legend when given) side by side, as a user would see them."""
    for _ in range(5):  # let layouts settle before grabbing
        QCoreApplication.processEvents()
    parts = [w.grab().toImage() for w in (legend, canvas) if w is not None] + [dock.grab().toImage()]
    width, height = sum(p.width() for p in parts), max(p.height() for p in parts)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    x = 0
    for part in parts:
        painter.drawImage(x, 0, part)
        x += part.width()
    painter.end()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    assert image.save(str(path))
    return path


def show_layers(canvas, layers) -> None:
    canvas.setDestinationCrs(layers[0].crs())
    canvas.setLayers([layer for layer in layers if QgsProject.instance().layerTreeRoot().findLayer(layer).isVisible()])
    canvas.setExtent(layers[0].extent())
    canvas.refresh()
    canvas.waitWhileRendering()
    QCoreApplication.processEvents()


def test_run_cancel_restart_from_the_dock(make_dock, qgis_iface, local_backend, local_profile, tmp_path):  # noqa: F811
    canvas = qgis_iface.mapCanvas()
    set_extent(canvas, BURGUNDY)
    store = JobStore(tmp_path / "jobs.sqlite")
    pinned = {"local": local_profile}
    dock = make_dock(store=store, profiles=pinned, backend="local", backend_url=local_backend.url)
    assert "needs no login" in dock.loginStateLabel.text() and dock.loginButton.isHidden()
    wait_for(dock.runButton.isEnabled, what="Run enabled")
    assert dock.jobs.model.rowCount() == 0 and not dock.cancelJobButton.isEnabled()
    screenshot("dock_empty_form.png", dock)

    # 1. a cropland job runs to styled layers, with progress visible on the way
    first = click_run(dock)
    # listed and selected on the turns after Run's own
    wait_for(lambda: dock.jobs.selected() is not None and dock.jobs.selected().local_id == first,
             what="the new job selected")
    assert row_of(dock, first) == 0
    seen = set()

    def loaded():
        seen.add((status(dock, first), column(dock, row_of(dock, first), 2)))
        return status(dock, first) == "loaded"

    wait_for(loaded, timeout=40, what="first job loaded")
    record = store.get(first)
    assert any(s in ("queued", "running") for s, _ in seen), seen
    assert any("%" in progress for s, progress in seen if s in ("running", "loaded")), seen
    assert column(dock, row_of(dock, first), 3) == f"{record.credits:.1f}"
    layers = find_job_layers(QgsProject.instance(), record.remote_id)
    by_name = {layer.name(): layer for layer in layers}
    renderer = by_name["Cropland"].renderer()
    assert isinstance(renderer, QgsPalettedRasterRenderer)
    assert {c.value: c.color.getRgb()[:3] for c in renderer.classes()}[1] == (224, 24, 28)
    messages = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert f"WorldCereal:{record.title} is loaded as styled layers." in messages
    product_line, area_line = column(dock, 0, 0).splitlines()
    assert product_line.startswith("Cropland · ") and record.request["temporal_extent"][1][:4] in product_line
    assert area_line.startswith("map extent · ") and " km² · " in area_line
    legend = legend_view()
    show_layers(canvas, layers)
    wait_for(dock.runButton.isEnabled, what="orbit for the new extent")
    screenshot("dock_results_loaded.png", dock, canvas, legend)

    # 2. a second, long job: running in the list, then cancelled from the list's Cancel button
    second = click_run(dock)
    local_backend.set_job_duration(remote_id(dock, second), 30)
    wait_for(lambda: status(dock, second) == "running", timeout=60, what="second job running")
    screenshot("dock_job_running.png", dock, canvas, legend)
    dock.jobs.select(second)
    assert dock.cancelJobButton.isEnabled() and not dock.loadJobButton.isEnabled()
    QTest.mouseClick(dock.cancelJobButton, Qt.MouseButton.LeftButton)
    wait_for(lambda: status(dock, second) == "cancelled", timeout=20, what="second job cancelled")
    remote = store.get(second).remote_id
    assert next(j for j in local_backend.state()["jobs"] if j["id"] == remote)["status"] == "canceled"

    # 3. a third job is running when "QGIS closes"; the recreated dock finds all jobs and finishes it
    third = click_run(dock)
    local_backend.set_job_duration(remote_id(dock, third), 4)
    wait_for(lambda: status(dock, third) in ("queued", "running"), timeout=20, what="third job started")
    dock.shutdown()
    dock.deleteLater()
    QCoreApplication.processEvents()
    again = make_dock(store=JobStore(tmp_path / "jobs.sqlite"), profiles=pinned, backend="local",
                      backend_url=local_backend.url)
    assert {again.jobs.model.record(r).local_id for r in range(again.jobs.model.rowCount())} == {first, second, third}
    assert status(again, first) == "loaded" and status(again, second) == "cancelled"
    wait_for(lambda: status(again, third) == "loaded", timeout=40, what="resumed job loaded")
    assert find_job_layers(QgsProject.instance(), store.get(third).remote_id)
    for job in (first, third):
        remove_job_layers(QgsProject.instance(), store.get(job).remote_id)
