"""A large area from the dock: one click plans tiles, asks before spending, runs them, survives a restart, mosaics.

The per-job limit and tile size are lowered so a 58 km² extent near Beaune becomes a handful of tiles that the
local backend finishes in seconds; everything else is the path a user with a country-sized AOI takes.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from qgis.core import QgsPalettedRasterRenderer, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtTest import QTest

from tests.qgis.test_dock import BURGUNDY, make_dock, set_extent, wait_for  # noqa: F401 (fixture)
from tests.qgis.test_dock_jobs import screenshot
from tests.qgis.test_tiled_runs import _TITLE
from worldcereal_qgis import settings
from worldcereal_qgis.adapters import connections
from worldcereal_qgis.controllers.tiled_runs import active_folders
from worldcereal_qgis.core.tile_runs import TileRun, TileStatus

pytestmark = pytest.mark.slow


@pytest.fixture
def small_limits(tmp_path, configure):
    """One job may cover 20 km², tiles are 4 km, the dock asks above 0 credits; restored afterwards."""
    for setting, value in ((settings.MAX_JOB_AREA_KM2, 20.0), (settings.TILE_SIZE_KM, 4.0),
                           (settings.RUN_CONFIRM_CREDITS, 0.0), (settings.OUTPUT_DIR, str(tmp_path / "out")),
                           (settings.ACTIVE_RUNS, "[]"), (settings.MAX_RUN_AREA_KM2, 1_000_000.0)):
        configure(setting, value)


def _submissions(profile, prefix: str) -> Counter:
    """Tile names in the titles of the jobs the backend received (one per submission)."""
    jobs = connections.client(profile).connection.list_jobs()
    names = (m.group(1) for j in jobs if (m := _TITLE.search(j.get("title") or "")))
    return Counter(name for name in names if name.startswith(prefix))


def _tile_layer() -> QgsVectorLayer | None:
    return next((layer for layer in QgsProject.instance().mapLayers().values()
                 if isinstance(layer, QgsVectorLayer) and layer.customProperty("worldcereal/run_dir")), None)


def _statuses(layer: QgsVectorLayer) -> Counter:
    return Counter(f["status"] for f in QgsVectorLayer(layer.source(), "check", "ogr").getFeatures())


def test_large_area_runs_as_tiles_from_the_dock(make_dock, qgis_iface, local_backend, local_profile,  # noqa: F811
                                                small_limits):
    canvas = qgis_iface.mapCanvas()
    set_extent(canvas, BURGUNDY)
    dock = make_dock(profiles={"local": local_profile}, backend="local", backend_url=local_backend.url)
    wait_for(dock.runButton.isEnabled, what="Run enabled")
    assert "Larger than the 20 km² of one job: it runs as about" in dock.aoiInfoLabel.text()
    assert not dock.runs_panel.widget.isVisible()  # no run yet: no empty list taking room

    asked = []
    dock.confirm_run = lambda plan: asked.append(plan) or True
    jobs_before = len(dock.controller.store.list())
    QTest.mouseClick(dock.runButton, Qt.MouseButton.LeftButton)
    wait_for(lambda: dock.runs.controllers, what="tiled run started")
    (plan,) = asked
    assert len(plan.tiles) >= 3 and plan.high > 0
    assert f"as {len(plan.tiles)} tiles of up to 4 km" in plan.summary()
    assert len(dock.controller.store.list()) == jobs_before  # no single 58 km² job was sent
    (folder,) = active_folders()
    assert (folder / "run.json").is_file()

    tiles = wait_for(_tile_layer, what="tile layer")  # the plan on the map (opened in a task), coloured by status
    assert tiles.renderer().type() == "categorizedSymbol" and tiles.featureCount() == len(plan.tiles)
    wait_for(lambda: sum(r.finished for r in dock.runs.rows()) >= 1, timeout=60, what="first tile finished")
    screenshot("dock_tiled_run.png", dock)

    # QGIS closes mid-run; the new dock finds the run and completes it without resubmitting finished tiles
    done_before = {n for n, s in dock.runs.controllers[folder].run.tile_states().items()
                   if s.status == TileStatus.FINISHED}
    dock.shutdown()  # the fixture deletes it at the end
    dock.hide()
    QCoreApplication.processEvents()
    again = make_dock(profiles={"local": local_profile}, backend="local", backend_url=local_backend.url)
    wait_for(lambda: folder in again.runs.controllers, what="run resumed")
    wait_for(lambda: again.runs.rows()[0].status_text() == "finished", timeout=120, what="run finished")
    row = again.runs.rows()[0]
    assert row.finished == row.total == len(plan.tiles) and row.credits > 0
    wait_for(lambda: active_folders() == [], what="finished run forgotten")  # not resumed again next time
    run = TileRun.open(folder, client_for=connections.client, profile=local_profile)
    assert all(run.tile_states()[name].attempts == 1 for name in done_before)
    assert _submissions(local_profile, plan.tiles[0].name.rsplit("_", 2)[0]) == Counter({t.name: 1 for t in plan.tiles})

    # the list shows it, the tile layer is all green, the mosaic is one styled product
    item = again.runs_panel.tree.topLevelItem(0)
    assert again.runs_panel.widget.isVisible()
    assert item.text(1) == f"{row.total}/{row.total}" and item.text(3) == "finished"
    wait_for(lambda: _statuses(_tile_layer()) == Counter({"finished": row.total}), what="tile layer updated")
    mosaic = wait_for(lambda: [layer for layer in QgsProject.instance().mapLayers().values()
                               if isinstance(layer, QgsRasterLayer) and layer.source().endswith(".vrt")],
                      timeout=30, what="mosaic layers")
    crop = next(layer for layer in mosaic if layer.customProperty("worldcereal/band") == "cropland_classification")
    assert isinstance(crop.renderer(), QgsPalettedRasterRenderer)
    assert crop.crs().authid() == "EPSG:4326" and crop.extent().contains(BURGUNDY.center())
    stats = crop.dataProvider().bandStatistics(1)
    assert stats.minimumValue in (0, 1) and stats.maximumValue == 1  # real classes, not nodata
    assert json.loads((folder / "run.json").read_text())["request"]["aoi"]["name"] == plan.request.aoi.name
    screenshot("dock_tiled_run_finished.png", again)
    QgsProject.instance().removeMapLayers([layer.id() for layer in mosaic] + [_tile_layer().id()])


def test_area_above_the_run_limit_disables_run(make_dock, qgis_iface, local_backend, local_profile,  # noqa: F811
                                               small_limits):
    settings.MAX_RUN_AREA_KM2.write(50.0)  # restored by small_limits
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(profiles={"local": local_profile}, backend="local", backend_url=local_backend.url)
    wait_for(lambda: "50" in dock.problemsLabel.text(), what="area problem shown")
    assert not dock.runButton.isEnabled()
