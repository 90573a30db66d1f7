"""The first opening of the WorldCereal panel in a fresh QGIS session, heartbeat running (issue #21).

A fresh interpreter, so every module the dock needs is imported for the first time, as when a person opens the
panel after starting QGIS. QGIS desktop's own Python start-up runs first (qgis.utils, the Processing plugin),
the plugin starts and its start-up package check finishes, then the toolbar action is triggered inside the
event loop while the 2 ms heartbeat of ``bench_gui_stall`` beats, until the dock is built, added to the (shown)
main window and painted. Prints one JSON line: the worst gap's GUI-thread CPU and wall time, p99s, the time
from the click until the dock was built.
"""

import json
import os
import shutil
import sys
import tempfile
import time

from qgis.core import QgsApplication

# A profile of its own: earlier sessions' jobs (other tests' leftovers in the default profile) would resume while
# the dock opens, and the figure would depend on what ran before (resuming is bench_resume_stall's path).
profile = tempfile.mkdtemp(prefix="wc-dock-probe-")
app = QgsApplication([], True, profile)
app.initQgis()
import qgis.utils  # noqa: E402,F401  (QGIS desktop has these before any user plugin)
from minimal_iface import MinimalIface  # noqa: E402
from qgis.PyQt.QtCore import QTimer  # noqa: E402

sys.path.append(os.path.join(app.pkgDataPath(), "python", "plugins"))
from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()
import worldcereal_qgis  # noqa: E402
from tests.benchmarks.bench_gui_stall import Heartbeat, as_after_desktop_start_up, run_until  # noqa: E402

as_after_desktop_start_up()  # QGIS desktop's own start-up does it too, before any plugin

iface = MinimalIface()
iface.window.show()
plugin = worldcereal_qgis.classFactory(iface)
plugin.initGui()
run_until(lambda: plugin._packages_ok, 60, "the start-up package check")
quiet = time.perf_counter() + 0.5
run_until(lambda: time.perf_counter() > quiet, 5, "start-up settled")
cold = "worldcereal_qgis.gui.dock" not in sys.modules
opened = {}
beat = Heartbeat().start()


def click() -> None:
    opened["started"] = time.perf_counter()
    plugin.action.trigger()


QTimer.singleShot(0, click)
run_until(lambda: plugin.dock is not None and plugin.dock.is_built() and plugin.dock.isVisible(), 60, "the dock")
built_ms = (time.perf_counter() - opened["started"]) * 1000
settle = time.perf_counter() + 0.15  # the dock's first layout and paint in the main window
run_until(lambda: time.perf_counter() > settle, 5, "settled")
beat.stop()
result = {"cold": cold, "worst_cpu_ms": beat.worst_ms(True), "worst_wall_ms": beat.worst_ms(),
          "p99_cpu_ms": beat.p99_ms(True), "p99_wall_ms": beat.p99_ms(), "beats": len(beat.gaps),
          "built_ms": built_ms, "run_button": plugin.dock.runButton.isVisible()}
plugin.unload()
print("RESULT " + json.dumps(result))
sys.stdout.flush()
shutil.rmtree(profile, ignore_errors=True)
