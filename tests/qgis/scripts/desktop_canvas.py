"""Run INSIDE the real QGIS desktop (``qgis --code``): how its map canvas takes the layers of 20 results.

bench_resume_stall.py models QGIS desktop's canvas; this script checks that model in the desktop itself and
measures it: render caching and parallel rendering as a fresh profile has them, which layers the canvas draws
(the checked ones only), and the GUI thread's CPU per event-loop turn (2 ms heartbeat) while 20 results built
by the plugin's own ``build_result_layers`` (from the real WorldCereal output) are added one every 150 ms by
``add_result_layers``, the canvas zoomed on them in EPSG:4326. Environment: WC_REPO, WC_TIF, WC_OUT (JSON).
"""

import json
import os
import sys
import time
import traceback

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.utils import iface

sys.path.insert(0, os.environ["WC_REPO"])
from worldcereal_qgis.adapters.layers import add_result_layers, build_result_layers  # noqa: E402

JOBS = 20
OUT = os.environ["WC_OUT"]
canvas = iface.mapCanvas()
result = {"error": None, "parallel": canvas.isParallelRenderingEnabled(), "caching": canvas.isCachingEnabled()}
beats = {"gaps": [], "cpu": [], "last": 0.0, "last_cpu": 0.0}
built = []


def _beat() -> None:
    now, cpu = time.perf_counter(), time.thread_time()
    beats["gaps"].append(now - beats["last"])
    beats["cpu"].append(cpu - beats["last_cpu"])
    beats["last"], beats["last_cpu"] = now, cpu


def _add_next() -> None:
    try:
        add_result_layers(built.pop(0), QgsProject.instance())
        if not built:
            adder.stop()
            QTimer.singleShot(1500, _finish)  # the canvas's last renders count too
    except Exception:  # noqa: BLE001 - reported to the test, then QGIS quits
        _fail()


def _finish() -> None:
    heartbeat.stop()
    root = QgsProject.instance().layerTreeRoot()
    checked = [node.layer().id() for node in root.findLayers() if node.isVisible()]
    cpu = sorted(beats["cpu"])
    result.update(project_layers=len(QgsProject.instance().mapLayers()), checked=sorted(checked),
                  canvas=sorted(layer.id() for layer in canvas.layers()), beats=len(cpu),
                  cpu_p99_ms=cpu[int(len(cpu) * 0.99)] * 1000, cpu_worst_ms=cpu[-1] * 1000,
                  wall_worst_ms=max(beats["gaps"]) * 1000)
    _write()


def _fail() -> None:
    result["error"] = traceback.format_exc()
    _write()


def _write() -> None:
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
    QgsApplication.exit(0)


def _start() -> None:
    try:
        for n in range(JOBS):
            built.append(build_result_layers(os.environ["WC_TIF"], job={"job_id": f"j-{n}", "title": f"Job {n}"}))
        first = built[0].layers[0]
        canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        extent = canvas.mapSettings().layerExtentToOutputExtent(first, first.extent())
        extent.scale(1.4)
        canvas.setExtent(extent)
        canvas.refresh()
        beats["last"], beats["last_cpu"] = time.perf_counter(), time.thread_time()
        heartbeat.start()
        adder.start()
    except Exception:  # noqa: BLE001 - reported to the test, then QGIS quits
        _fail()


heartbeat = QTimer()
heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
heartbeat.setInterval(2)
heartbeat.timeout.connect(_beat)
adder = QTimer()
adder.setInterval(150)
adder.timeout.connect(_add_next)
QTimer.singleShot(2000, _start)  # after QGIS's own start-up turns
