"""Issue #19.3: a job still running when QGIS closed continues at plugin start, without the panel, and says so."""

from __future__ import annotations

import threading
import time

import pytest
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtWidgets import QPushButton

import worldcereal_qgis
from tests.qgis import test_plugin_lifecycle
from tests.qgis.test_dock import wait_for
from worldcereal_qgis import settings
from worldcereal_qgis.adapters import connections
from worldcereal_qgis.adapters.layers import find_job_layers, remove_job_layers
from worldcereal_qgis.controllers.session import Notifier, still_running_text
from worldcereal_qgis.core import job_owner as owners
from worldcereal_qgis.core.jobstore import DownloadState, JobStore
from worldcereal_qgis.core.request import cropland_request

pytestmark = pytest.mark.slow


iface = test_plugin_lifecycle.iface  # the recording iface, without a "worldcereal" provider yet (fixture)


def bar_texts(iface) -> list[str]:
    return [item.text() for item in iface.messageBar().items()]


def test_running_job_finishes_and_loads_without_the_panel(iface, local_backend, local_profile, france_aoi,
                                                          configure, monkeypatch):
    configure(settings.LOCAL_BACKEND_URL, local_backend.url)
    # the last QGIS session submitted a job and closed while it ran: its records name a process that has ended
    runner = connections.runner(profiles={"local": local_profile})
    record = runner.new_map_job(cropland_request(france_aoi, year=2021), local_profile)
    record = runner.submit(record.local_id)
    local_backend.set_job_duration(record.remote_id, 3)
    gone = owners.owner_tag(owners.DOCK).rsplit(":", 1)[0] + f":{2 ** 22 + 1}"  # above Linux's PID_MAX_LIMIT
    record = connections.job_store().update(record.local_id, extra={**record.extra, owners.OWNER_KEY: gone})
    gui_writes = []  # issue #21: adopting, polling, downloading write the store from tasks, never the GUI thread
    update = JobStore.update

    def watched(store, local_id, /, **fields):
        if threading.current_thread() is threading.main_thread():
            gui_writes.append(sorted(fields))
        return update(store, local_id, **fields)

    monkeypatch.setattr(JobStore, "update", watched)
    iface.messageBar().clearWidgets()
    started = time.perf_counter()
    plugin = worldcereal_qgis.classFactory(iface)
    plugin.initGui()
    start_ms = (time.perf_counter() - started) * 1000
    try:
        assert iface.docks == []  # nobody opened the panel
        wait_for(lambda: any("WorldCereal job" in t and "still running" in t for t in bar_texts(iface)),
                 what="the still-running message")
        running = next(i for i in iface.messageBar().items() if "still running" in i.text())
        buttons = [b.text() for b in running.findChildren(QPushButton)]
        assert "Open panel" in buttons
        done = wait_for(lambda: find_job_layers(QgsProject.instance(), record.remote_id), timeout=60,
                        what="the resumed job's layers")
        assert {layer.name() for layer in done} >= {"Cropland"}
        resumed = connections.job_store().get(record.local_id)
        assert resumed.download_state == DownloadState.DONE
        assert resumed.extra[owners.OWNER_KEY] == owners.owner_tag(owners.DOCK)  # adopted by this QGIS
        assert gui_writes == []
        assert iface.docks == []
        assert start_ms < 1000  # the look-up happens in a task: start-up does not wait for the backend
        # "Open panel" opens the dock, showing the same job; the note has done its work
        running.findChildren(QPushButton)[0].click()
        wait_for(lambda: iface.docks, what="the dock built and added (in short turns, #21)")
        assert len(iface.docks) == 1
        assert not any("still running" in t for t in bar_texts(iface))
        dock = iface.docks[0]
        assert dock.jobs.model.row_of(record.local_id) >= 0
    finally:
        plugin.unload()
        remove_job_layers(QgsProject.instance(), record.remote_id)
        connections.job_store().remove(record.local_id)


def test_still_running_sentence():
    assert still_running_text(2, 0) == "2 WorldCereal jobs are still running"
    assert still_running_text(1, 0) == "1 WorldCereal job is still running"
    assert still_running_text(0, 1) == "1 WorldCereal tiled run is still running"
    assert still_running_text(2, 1) == "2 WorldCereal jobs and 1 tiled runs are still running"


def test_a_newer_message_replaces_a_stale_one(qgis_iface):
    """Issue #19.6: "…finished; downloading the map." must not come back after "…loaded as styled layers."."""
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    notifier = Notifier(bar)
    notifier.push("WorldCereal", "Cropland · Beaune finished; downloading the map.", 0)
    wait_for(lambda: bar_texts(qgis_iface) == ["Cropland · Beaune finished; downloading the map."], what="shown")
    notifier.push("WorldCereal", "Cropland · Beaune is loaded as styled layers.", 3)
    wait_for(lambda: bar_texts(qgis_iface) == ["Cropland · Beaune is loaded as styled layers."], what="replaced")
    notifier.push("WorldCereal", "Job j-1 failed: out of credits.", 2)
    notifier.push("WorldCereal", "Cropland · Dijon finished; downloading the map.", 0)
    wait_for(lambda: "Cropland · Dijon finished; downloading the map." in bar_texts(qgis_iface), what="Dijon")
    assert "Job j-1 failed: out of credits." in bar_texts(qgis_iface)  # errors stay until closed
    assert "Cropland · Beaune is loaded as styled layers." not in bar_texts(qgis_iface)
    bar.clearWidgets()


def test_twenty_jobs_ending_together_say_the_newest_sentence_once(qgis_iface):
    """Issue #21: 40 sentences in a burst are not 40 message widgets on the GUI thread (each ~4 ms), each hiding
    the one before: the newest is shown, and every error stays."""
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    added = []
    bar.widgetAdded.connect(lambda item: added.append(item.text()))
    notifier = Notifier(bar)
    for n in range(1, 21):
        notifier.push("WorldCereal", f"Cropland #{n} finished; downloading the map.", 0)
        if n in (5, 12):
            notifier.push("WorldCereal", f"Job j-{n} failed: out of credits.", 2)
        notifier.push("WorldCereal", f"Cropland #{n} is loaded as styled layers.", 3)
    wait_for(lambda: "Cropland #20 is loaded as styled layers." in bar_texts(qgis_iface), what="the newest")
    assert sorted(bar_texts(qgis_iface)) == ["Cropland #20 is loaded as styled layers.",
                                             "Job j-12 failed: out of credits.", "Job j-5 failed: out of credits."]
    assert len(added) == 3
    bar.clearWidgets()


def test_unfinished_tiled_run_finishes_without_the_panel(iface, local_backend, local_profile, tmp_path, configure):
    """A tiled run still going when QGIS closed continues at plugin start; its mosaic loads, panel closed."""
    from shapely.geometry import box

    from worldcereal_qgis.controllers import tiled_runs
    from worldcereal_qgis.core.aoi import Aoi
    from worldcereal_qgis.core.tile_runs import TileRun, TileStatus
    from worldcereal_qgis.core.tiling import plan_tiles

    configure(settings.LOCAL_BACKEND_URL, local_backend.url)
    configure(settings.ACTIVE_RUNS, "[]")
    area = box(4.70, 47.00, 4.90, 47.04)  # ~15 km wide: two tiles of 10 km
    tiles = plan_tiles(area, "beaune", 10.0)
    assert len(tiles) >= 2
    run = TileRun.create(tmp_path / "run", cropland_request(Aoi(area, "beaune"), year=2021), local_profile, tiles,
                         client_for=connections.client)
    tiled_runs._remember(run.run_dir, True)  # what the dock does when it starts a run; QGIS then closed
    iface.messageBar().clearWidgets()
    plugin = worldcereal_qgis.classFactory(iface)
    plugin.initGui()
    try:
        wait_for(lambda: "1 WorldCereal tiled run is still running" in bar_texts(iface), what="the note")
        reopened = wait_for(lambda: plugin.session.runs.controllers.get(run.run_dir), what="the run resumed")
        wait_for(lambda: all(s.status == TileStatus.FINISHED for s in reopened.run.tile_states().values()),
                 timeout=90, what="every tile finished")
        wait_for(lambda: tiled_runs.active_folders() == [], what="the run done (not resumed at the next start)")
        mosaic = wait_for(lambda: [ly.name() for ly in QgsProject.instance().mapLayers().values()
                                   if str(run.run_dir) in ly.source() and isinstance(ly, QgsRasterLayer)],
                          what="the mosaic as styled layers")
        assert iface.docks == [] and "Cropland" in mosaic
    finally:
        plugin.unload()
        for layer in [ly for ly in QgsProject.instance().mapLayers().values() if str(run.run_dir) in ly.source()]:
            QgsProject.instance().removeMapLayer(layer.id())
