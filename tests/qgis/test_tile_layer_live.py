"""The tile layer's live updates (#21): the GUI thread only compares, a task writes; the file ends up as the run.

Tiles are planned from the real test site (../shared) so the GeoPackage has real tile geometries.
"""

from __future__ import annotations

import time

from osgeo import ogr
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from worldcereal_qgis.adapters import tile_layer
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.credits import DEFAULT_RATES
from worldcereal_qgis.core.tile_runs import TilePlan, TileState, TileStatus
from worldcereal_qgis.core.tiling import plan_tiles


def _plans(wc_dir) -> list[TilePlan]:
    ds = ogr.Open(str(wc_dir / "aoi" / "test_site_france.gpkg"))
    feature = ds.GetLayer(0).GetNextFeature()  # keep ds and feature alive while the geometry is used
    aoi = Aoi.from_wkt(feature.GetGeometryRef().ExportToWkt(), name="site")
    return [TilePlan.from_tile(t) for t in plan_tiles(aoi.geometry, "site", 5.0)]


def _statuses(path) -> dict[str, str]:
    return {f["name"]: f["status"] for f in QgsVectorLayer(f"{path}|layername=tiles", "check", "ogr").getFeatures()}


def _drain(layer, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while tile_layer.pending_writes(layer):
        assert time.monotonic() < deadline, "the tile layer writes did not finish"
        QgsApplication.processEvents()
        time.sleep(0.005)


def test_updates_reach_the_file_through_tasks_coalesced(wc_dir, tmp_path, qgis_app):
    plans = _plans(wc_dir)
    assert len(plans) >= 4
    path = tile_layer.write_tile_layer(tmp_path / tile_layer.FILE_NAME, plans, rates=DEFAULT_RATES)
    layer = tile_layer.load_tile_layer(path, QgsProject.instance(), "site tiles")
    try:
        states = {p.name: TileState(p.name, TileStatus.PLANNED) for p in plans}
        assert tile_layer.update_tile_layer(layer, states) == 0  # nothing differs from the file: nothing queued
        assert not tile_layer.pending_writes(layer)
        changed = []
        for status in (TileStatus.QUEUED, TileStatus.RUNNING, TileStatus.FINISHED):
            for plan in plans:
                states[plan.name] = TileState(plan.name, status, attempts=1, job_id=f"j-{plan.name}", credits=2.0)
                changed.append(tile_layer.update_tile_layer(layer, states))
        assert changed == [1] * (3 * len(plans))  # each call reports the one tile it changed
        assert tile_layer.pending_writes(layer)  # not written on this (the GUI) thread
        _drain(layer)
        assert _statuses(path) == {p.name: TileStatus.FINISHED for p in plans}
        rows = {f["name"]: f for f in QgsVectorLayer(f"{path}|layername=tiles", "check", "ogr").getFeatures()}
        assert all(rows[p.name]["job_id"] == f"j-{p.name}" and rows[p.name]["credits"] == 2.0
                   and rows[p.name]["attempts"] == 1 for p in plans)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_a_reopened_layer_starts_from_what_the_file_holds(wc_dir, tmp_path, qgis_app):
    plans = _plans(wc_dir)
    done = {p.name: TileState(p.name, TileStatus.FINISHED, attempts=1, job_id="j", credits=1.0) for p in plans}
    path = tile_layer.write_tile_layer(tmp_path / tile_layer.FILE_NAME, plans, done, rates=DEFAULT_RATES)
    layer = tile_layer.load_tile_layer(path, QgsProject.instance(), "site tiles")
    try:
        assert tile_layer.update_tile_layer(layer, done) == 0  # a resumed run rewrites nothing
        states = dict(done)
        states[plans[0].name] = TileState(plans[0].name, TileStatus.FAILED, attempts=2, message="no data")
        assert tile_layer.update_tile_layer(layer, states) == 1
        _drain(layer)
        assert _statuses(path)[plans[0].name] == TileStatus.FAILED
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_removing_the_layer_while_a_write_is_queued_still_ends_the_write(wc_dir, tmp_path, qgis_app):
    """Closing a run (or QGIS unloading the plugin) removes the tile layer while a write may be in flight: the write
    task must still end, and its rows reach the file. The task used to live only in the layer's bookkeeping, which
    goes with the layer; PyQGIS then drops the task and it never ends (a run's QGIS could never quit cleanly)."""
    import gc

    plans = _plans(wc_dir)
    path = tile_layer.write_tile_layer(tmp_path / tile_layer.FILE_NAME, plans, rates=DEFAULT_RATES)
    layer = tile_layer.load_tile_layer(path, QgsProject.instance(), "site tiles")
    states = {p.name: TileState(p.name, TileStatus.FINISHED, attempts=1, job_id=f"j-{p.name}") for p in plans}
    assert tile_layer.update_tile_layer(layer, states) == len(plans)
    QgsProject.instance().removeMapLayer(layer.id())
    del layer
    gc.collect()
    manager = QgsApplication.taskManager()
    deadline = time.monotonic() + 20
    while manager.countActiveTasks() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.005)
    assert [task.description() for task in manager.activeTasks()] == []
    assert _statuses(path) == {p.name: TileStatus.FINISHED for p in plans}
