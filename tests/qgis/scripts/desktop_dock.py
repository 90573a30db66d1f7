"""Run INSIDE the real QGIS desktop (``qgis --code``): open the WorldCereal dock, run a cropland job against a
local backend, screenshot the window and write a result JSON, then quit QGIS.

Environment: WC_BACKEND_URL (local backend root, .../openeo/1.2), WC_OUT (folder for dock_desktop.png and
result.json), WC_TIMEOUT_S (default 90). Everything is driven by QTimers so QGIS's own event loop keeps running.
"""

import json
import os
import sys
import time
import traceback

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

OUT = os.environ["WC_OUT"]
URL = os.environ["WC_BACKEND_URL"]
TIMEOUT_S = float(os.environ.get("WC_TIMEOUT_S", "90"))
STARTED = time.monotonic()
result = {"plugin_loaded": "worldcereal_qgis" in plugins, "statuses": [], "error": None}
_keep = []  # keep timers alive


def _excepthook(kind, value, tb):
    """An exception inside QGIS would open a modal stack-trace dialog and hang: record it and finish."""
    result["error"] = "".join(traceback.format_exception(kind, value, tb))
    finish()


sys.excepthook = _excepthook


def finish():
    try:  # the message bar as the user reads it when the map is drawn (the plugin gathers messages ~0.2 s)
        result["messages"] = [item.text() for item in iface.messageBar().items()]
        window = iface.mainWindow()
        window.resize(1500, 950)
        result["screenshot"] = window.grab().save(os.path.join(OUT, "dock_desktop.png"))
    except Exception:  # noqa: BLE001 — report, never hang QGIS
        result["error"] = result["error"] or traceback.format_exc()
    with open(os.path.join(OUT, "result.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    QgsProject.instance().setDirty(False)  # no "save project?" question on exit
    QTimer.singleShot(5000, lambda: os._exit(0))  # in case the exit action is refused
    iface.actionExit().trigger()


def show_results(root):
    """Zoom to the loaded map and give the canvas time to draw it before the screenshot."""
    layers = [node.layer() for node in root.findLayers() if node.isVisible()]
    if layers:
        canvas = iface.mapCanvas()
        canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(layers[0], layers[0].extent()))
        canvas.refresh()
    QTimer.singleShot(2500, finish)


def watch(dock, local_id):
    status = dock.jobs.model.index(dock.jobs.model.row_of(local_id), 1).data()
    if not result["statuses"] or result["statuses"][-1] != status:
        result["statuses"].append(status)
    if status in ("loaded", "failed", "cancelled", "download failed") or time.monotonic() - STARTED > TIMEOUT_S:
        record = dock.controller.store.get(local_id)
        root = QgsProject.instance().layerTreeRoot()
        result.update(final_status=status, remote_id=record.remote_id, outputs=record.outputs,
                      error_message=record.error_message, layers=[layer.name() for layer in root.findLayers()])
        show_results(root)
        return
    QTimer.singleShot(300, lambda: watch(dock, local_id))


def run(dock, attempts=0):
    if not dock.runButton.isEnabled():
        if attempts > 50:
            result["error"] = "Run stayed disabled: " + dock.problemsLabel.text()
            finish()
            return
        QTimer.singleShot(200, lambda: run(dock, attempts + 1))
        return
    local_id = dock.run()
    result["local_id"] = local_id
    watch(dock, local_id)


def start():
    try:
        from worldcereal_qgis import settings

        settings.LOCAL_BACKEND_URL.write(URL)  # a developer's `make backend`: the dock offers it once it answers
        plugin = plugins["worldcereal_qgis"]
        plugin.action.trigger()
        panel_built(plugin)
    except Exception:  # noqa: BLE001
        result["error"] = traceback.format_exc()
        finish()


def retry(again, attempts, limit, error):
    """``again(attempts + 1)`` in 200 ms, or give up with ``error`` after ``limit`` attempts."""
    if attempts > limit:
        result["error"] = error
        finish()
        return
    QTimer.singleShot(200, lambda: again(attempts + 1))


def panel_built(plugin, attempts=0):
    """The panel opens in event-loop turns (its modules imported in a task the first time)."""
    dock = plugin.dock
    if dock is None or not dock.is_built():
        retry(lambda n: panel_built(plugin, n), attempts, 300, "the panel was not built within 60 s")
        return
    result["dock_visible"] = dock.isVisible()
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(4.70, 47.00, 4.80, 47.07))
    choose_local(dock)


def choose_local(dock, attempts=0):
    """The simulated backend appears in the list once the dock's probe found the server."""
    try:
        index = dock.backendCombo.findData("local")
        if index < 0:
            retry(lambda n: choose_local(dock, n), attempts, 50, "The local backend was never offered")
            return
        dock.backendCombo.setCurrentIndex(index)
        dock.backendUrlEdit.setText(URL)
        dock.orbitCombo.setCurrentIndex(2)  # DESCENDING: no catalogue look-up offline
        result["login_state"] = dock.loginStateLabel.text()
        run(dock)
    except Exception:  # noqa: BLE001
        result["error"] = traceback.format_exc()
        finish()


timer = QTimer()
timer.setSingleShot(True)
timer.timeout.connect(start)
timer.start(1500)  # after QGIS has finished starting
_keep.append(timer)
