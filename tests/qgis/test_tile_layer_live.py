"""The tile layer (#21): opened and read in a task, live updates compared on the GUI thread and written by a task;
the file ends up as the run, and no task outlives a removed layer.

Tiles are planned from the real test site (../shared) so the GeoPackage has real tile geometries.
"""

from __future__ import annotations

import time

from osgeo import ogr
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from worldcereal_qgis.adapters import tile_layer
from worldcereal_qgis.adapters.tasks import CoreTask, running_tasks, start_task
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


def _journal(path) -> int:
    """SQLite's file format version bytes: 2 in WAL mode, 1 with the rollback journal."""
    return path.read_bytes()[18]


def _pump(until, timeout: float = 20.0, what: str = "the tile layer writes") -> None:
    deadline = time.monotonic() + timeout
    while not until():
        assert time.monotonic() < deadline, f"{what} did not finish"
        QgsApplication.processEvents()
        time.sleep(0.005)


def _drain(layer) -> None:
    _pump(lambda: not tile_layer.pending_writes(layer))


def _load(path) -> QgsVectorLayer:
    """As the run controller loads it: the live columns read in a task, the layer opened and added on the main
    thread in two event-loop turns."""
    loaded = []
    start_task(CoreTask("test: reading the tile layer", lambda t: tile_layer.read_live_columns(path),
                        lambda columns, error: loaded.append(error or columns)))
    _pump(lambda: bool(loaded), what="reading the tile layer")
    assert isinstance(loaded[0], tile_layer.LiveColumns), str(loaded[0])
    tile_layer.show_tile_layer(path, "site tiles", loaded.pop(), QgsProject.instance(), loaded.append)
    assert loaded == []  # added on the next turn, not in the one that opened it
    _pump(lambda: bool(loaded), what="adding the tile layer")
    assert QgsProject.instance().mapLayer(loaded[0].id()) is loaded[0]
    return loaded[0]


def test_updates_reach_the_file_through_tasks_coalesced(wc_dir, tmp_path, qgis_app):
    plans = _plans(wc_dir)
    assert len(plans) >= 4
    path = tile_layer.write_tile_layer(tmp_path / tile_layer.FILE_NAME, plans, rates=DEFAULT_RATES)
    layer = _load(path)
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
        assert _journal(path) == 2  # WAL (QGIS had put it back to the rollback journal): readers never block it
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
    layer = _load(path)
    try:
        assert tile_layer.update_tile_layer(layer, done) == 0  # a resumed run rewrites nothing
        states = dict(done)
        states[plans[0].name] = TileState(plans[0].name, TileStatus.FAILED, attempts=2, message="no data")
        assert tile_layer.update_tile_layer(layer, states) == 1
        _drain(layer)
        assert _statuses(path)[plans[0].name] == TileStatus.FAILED
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_removing_the_layer_ends_its_writes(wc_dir, tmp_path, qgis_app):
    """Writes in flight or queued when the layer goes still end, and the file keeps the last statuses sent."""
    plans = _plans(wc_dir)
    path = tile_layer.write_tile_layer(tmp_path / tile_layer.FILE_NAME, plans, rates=DEFAULT_RATES)
    layer = _load(path)
    states = {p.name: TileState(p.name, TileStatus.PLANNED) for p in plans}
    for status in (TileStatus.QUEUED, TileStatus.RUNNING):
        for plan in plans:
            states[plan.name] = TileState(plan.name, status, attempts=1, job_id=f"j-{plan.name}")
            tile_layer.update_tile_layer(layer, states)
    assert running_tasks() >= 1  # a write is on its way
    QgsProject.instance().removeMapLayer(layer.id())
    _pump(lambda: running_tasks() == 0, timeout=10, what="the removed layer's writes")
    assert _statuses(path) == {p.name: TileStatus.RUNNING for p in plans}
    again = _load(path)
    try:
        done = {p.name: TileState(p.name, TileStatus.FINISHED, attempts=1, job_id=f"j-{p.name}") for p in plans}
        assert tile_layer.update_tile_layer(again, done) == len(plans)  # compared with what the file holds
        _drain(again)
        assert _statuses(path) == {p.name: TileStatus.FINISHED for p in plans}
    finally:
        QgsProject.instance().removeMapLayer(again.id())


def test_removing_the_layer_while_a_write_is_queued_still_ends_the_write(wc_dir, tmp_path, qgis_app):
    """Closing a run (or QGIS unloading the plugin) removes the tile layer while a write may be in flight: the write
    task must still end, and its rows reach the file. The task used to live only in the layer's bookkeeping, which
    goes with the layer; PyQGIS then drops the task and it never ends (a run's QGIS could never quit cleanly)."""
    import gc

    plans = _plans(wc_dir)
    path = tile_layer.write_tile_layer(tmp_path / tile_layer.FILE_NAME, plans, rates=DEFAULT_RATES)
    layer = _load(path)
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
