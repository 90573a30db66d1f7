"""Run INSIDE the real QGIS desktop (``qgis --code``): the walk of issue #19, one QGIS session per phase.

Phase 0: fresh profile, no openeo: Install in the message bar, the panel opens when ready.
Phase 1: panel opens (first-run note) → example result → local backend, no login → canvas-extent cropland →
crop type with suggested seasons → a crop-type job still running when QGIS quits.
Phase 2 (a new QGIS on the same profile): the panel stays closed; the job resumes, finishes and loads; QGIS quits.

Environment: WC_PHASE (1 or 2), WC_BACKEND_URL (.../openeo/1.2), WC_CALENDAR (folder of the crop calendar),
WC_OUT (screenshots, result-<phase>.json, errors.txt). Everything runs from QTimers inside QGIS's event loop.
"""

import json
import os
import sys
import time
import traceback

import requests
from qgis.core import Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

PHASE = os.environ["WC_PHASE"]
OUT = os.environ["WC_OUT"]
URL = os.environ["WC_BACKEND_URL"]
ADMIN = URL.split("/openeo/")[0] + "/_admin"
RESULT = os.path.join(OUT, f"result-{PHASE}.json")
result = {"phase": PHASE, "error": None, "shots": [], "messages": []}
_keep = []


def _log_errors(message, tag, level):
    """Python errors (e.g. at plugin unload) go to QGIS's log: keep them in a file the test reads."""
    if level == Qgis.MessageLevel.Critical or "Traceback" in message or "Error while unloading" in message:
        with open(os.path.join(OUT, "errors.txt"), "a", encoding="utf-8") as handle:
            handle.write(f"[{tag}] {message}\n")


QgsApplication.messageLog().messageReceived.connect(_log_errors)


def _excepthook(kind, value, tb):
    result["error"] = "".join(traceback.format_exception(kind, value, tb))
    finish()


sys.excepthook = _excepthook


def later(ms, fn):
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(fn)
    timer.start(ms)
    _keep.append(timer)


def shot(name):
    window = iface.mainWindow()
    window.resize(1500, 950)
    path = os.path.join(OUT, name)
    window.grab().save(path)
    result["shots"].append(name)


def finish():
    try:
        result["messages"] += [item.text() for item in iface.messageBar().items()]
    except Exception:  # noqa: BLE001 — report, never hang QGIS
        pass
    with open(RESULT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    QgsProject.instance().setDirty(False)  # no "save project?" question on exit
    later(8000, refused)  # exit refused (a dialog): the test sees code 3 and the dialog's text
    iface.actionExit().trigger()


def refused():
    from qgis.PyQt.QtWidgets import QApplication, QMessageBox

    modal = QApplication.activeModalWidget()
    text = modal.text() if isinstance(modal, QMessageBox) else ""
    with open(os.path.join(OUT, "errors.txt"), "a", encoding="utf-8") as handle:
        title = modal.windowTitle() if modal else "none"
        handle.write(f"[exit refused] dialog: {title} {text}\n")
        tasks = QgsApplication.taskManager().activeTasks()
        handle.write(f"[exit refused] active tasks: {[t.description() for t in tasks]}\n")
    os._exit(3)


def wait(condition, then, what, timeout_s=90, started=None):
    started = started or time.monotonic()
    try:
        if condition():
            then()
            return
    except Exception:  # noqa: BLE001
        result["error"] = traceback.format_exc()
        finish()
        return
    if time.monotonic() - started > timeout_s:
        result["error"] = f"timed out waiting for {what}"
        finish()
        return
    later(250, lambda: wait(condition, then, what, timeout_s, started))


def status(dock, local_id):
    model = dock.jobs.model
    return model.index(model.row_of(local_id), 1).data()


def zoom_to(layers):
    canvas = iface.mapCanvas()
    if layers:
        canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(layers[0], layers[0].extent()))
        canvas.refresh()


# ------------------------------------------------------------------------------------------------ phase 0
def phase0():
    """A fresh profile without openeo: the message bar offers Install; the panel opens once pip is done."""
    from qgis.PyQt.QtWidgets import QPushButton

    from worldcereal_qgis import settings

    # nothing answers there (the default port 8765 may be another developer's `make backend` on this machine)
    settings.LOCAL_BACKEND_URL.write("http://127.0.0.1:9/openeo/1.2")
    plugin = plugins["worldcereal_qgis"]
    buttons = [b for item in iface.messageBar().items() for b in item.findChildren(QPushButton)
               if b.objectName() == "worldcereal_install"]
    result["install_offered"] = bool(buttons)
    if not buttons:
        finish()
        return
    buttons[0].click()
    result["button_during_install"] = [buttons[0].isEnabled(), buttons[0].text()]
    seen = set()

    def progress():
        seen.update(item.text() for item in iface.messageBar().items())
        return plugin.dock is not None and plugin.dock.is_built()

    def opened():
        result["progress_texts"] = sorted(t for t in seen if "%" in t)
        result["panel_opened"] = plugin.dock is not None and plugin.dock.isVisible()
        later(1500, lambda: (shot("walk_0_installed.png"), no_server(plugin.dock)))

    wait(progress, opened, "the panel after Install", timeout_s=600)


def no_server(dock):
    """Issue #22 on a fresh profile with no server: no simulated backend offered; chosen anyway (an old setting),
    one sentence names `make backend`."""
    def probed():
        combo = dock.backendCombo
        result["offered_backends"] = [combo.itemData(i) for i in range(combo.count())]
        dock.state.backend = "local"  # as restored from an older profile's settings
        dock.backend_choice.fill()
        dock.refresh()
        result["no_server_problem"] = dock.problemsLabel.text()
        result["run_enabled_without_server"] = dock.runButton.isEnabled()
        dock.state.backend = "cdse"  # leave the profile as a new user has it
        dock.backend_choice.fill()
        dock.state.save()
        finish()

    wait(lambda: dock.backend_choice.simulated_answers is not None, probed, "the simulated-backend probe")


# ------------------------------------------------------------------------------------------------ phase 1
def phase1():
    from worldcereal_qgis import settings

    settings.LOCAL_BACKEND_URL.write(URL)  # a developer's `make backend`: offered once it answers
    settings.CALENDAR_PATH.write(os.environ["WC_CALENDAR"])  # offline: the calendar file at hand
    plugin = plugins["worldcereal_qgis"]
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(4.70, 47.00, 4.80, 47.07))
    plugin.action.trigger()  # the panel opens in event-loop turns (modules imported in a task the first time)
    wait(lambda: plugin.dock is not None and plugin.dock.is_built(), lambda: first_run(plugin.dock), "the panel")


def first_run(dock):
    result["first_run_shown"] = dock.first_run is not None and dock.first_run.isVisible()
    later(1000, lambda: (shot("walk_1_first_run.png"), example(dock)))


def example(dock):
    started = time.perf_counter()
    dock.exampleButton.click()
    result["example_seconds"] = time.perf_counter() - started
    from worldcereal_qgis.adapters.example import EXAMPLE_JOB_ID
    from worldcereal_qgis.adapters.layers import find_job_layers

    layers = find_job_layers(QgsProject.instance(), EXAMPLE_JOB_ID)
    result["example_layers"] = sorted(layer.name() for layer in layers)
    zoom_to([layer for layer in layers if layer.name() == "Crop type, season 1"])
    later(2000, lambda: (shot("walk_2_example.png"), dock.first_run.dismiss(), choose_local(dock)))


def choose_local(dock):
    def chosen():
        dock.backendCombo.setCurrentIndex(dock.backendCombo.findData("local"))
        dock.orbitCombo.setCurrentIndex(2)  # DESCENDING: no catalogue look-up offline
        iface.mapCanvas().setExtent(QgsRectangle(4.70, 47.00, 4.80, 47.07))
        result["login_state"] = dock.loginStateLabel.text()
        result["login_buttons_hidden"] = dock.loginButton.isHidden()
        wait(dock.runButton.isEnabled, lambda: cropland(dock), "Run enabled (cropland)")

    wait(lambda: dock.backendCombo.findData("local") >= 0, chosen, "the local backend offered")


def cropland(dock):
    local_id = dock.run()
    result["cropland_id"] = local_id

    def loaded():
        record = dock.controller.store.get(local_id)
        from worldcereal_qgis.adapters.layers import find_job_layers

        zoom_to([lyr for lyr in find_job_layers(QgsProject.instance(), record.remote_id) if lyr.name() == "Cropland"])
        later(2000, lambda: (group_state(record.title), shot("walk_3_cropland.png"), croptype(dock)))

    wait(lambda: status(dock, local_id) == "loaded", loaded, "cropland loaded")


def group_state(title):
    """Is the newest result's group open in the Layers panel (its legend visible)?"""
    view = iface.layerTreeView()
    group = QgsProject.instance().layerTreeRoot().findGroup(title)
    index = view.node2index(group) if hasattr(view, "node2index") else view.layerTreeModel().node2index(group)
    result["newest_group_expanded"] = bool(group) and view.isExpanded(index)  # the view's (proxy) index
    result["newest_group_debug"] = {"found": bool(group), "node_expanded": bool(group) and group.isExpanded(),
                                    "index_valid": index.isValid(), "has_node2index": hasattr(view, "node2index"),
                                    "top": [n.name() for n in QgsProject.instance().layerTreeRoot().children()]}


def croptype(dock):
    dock.productCombo.setCurrentIndex(1)

    def suggested():
        result["season_note"] = dock.seasonNoteLabel.text()
        shot("walk_4_croptype_seasons.png")
        wait(dock.runButton.isEnabled, lambda: run_croptype(dock), "Run enabled (crop type)")

    wait(lambda: dock.seasonNoteLabel.text().startswith("From the crop calendar"), suggested, "suggested seasons")


def run_croptype(dock):
    local_id = dock.run()
    result["croptype_id"] = local_id

    def created():
        record = dock.controller.store.get(local_id)
        result["croptype_remote_id"] = record.remote_id
        requests.post(f"{ADMIN}/jobs/{record.remote_id}", json={"duration": 25}, timeout=10)
        wait(lambda: status(dock, local_id) == "running", lambda: (shot("walk_5_job_running.png"), finish()),
             "crop-type job running")

    wait(lambda: dock.controller.store.get(local_id).remote_id, created, "crop-type job created")


# ------------------------------------------------------------------------------------------------ phase 2
def phase2():
    plugin = plugins["worldcereal_qgis"]
    remote_id = os.environ["WC_REMOTE_ID"]
    from worldcereal_qgis.adapters.layers import find_job_layers

    def noted():
        result["still_running_message"] = [i.text() for i in iface.messageBar().items() if "still running" in i.text()]
        wait(lambda: find_job_layers(QgsProject.instance(), remote_id), loaded, "resumed job loaded", 120)

    def loaded():
        result["dock_opened"] = plugin.dock is not None
        layers = find_job_layers(QgsProject.instance(), remote_id)
        result["resumed_layers"] = sorted(layer.name() for layer in layers)
        zoom_to([layer for layer in layers if layer.name().startswith("Crop type,")])
        later(2500, lambda: (shot("walk_6_restart_loaded.png"), finish()))

    wait(lambda: any("still running" in i.text() for i in iface.messageBar().items()), noted, "still-running note")


def start():
    try:
        result["plugin_loaded"] = "worldcereal_qgis" in plugins
        {"0": phase0, "1": phase1, "2": phase2}[PHASE]()
    except Exception:  # noqa: BLE001
        result["error"] = traceback.format_exc()
        finish()


later(2000, start)  # after QGIS has finished starting
