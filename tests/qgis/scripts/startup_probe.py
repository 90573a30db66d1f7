"""Measure what loading the plugin adds to QGIS start-up, in a fresh interpreter (cold imports).

argv: MODE ('baseline' or 'plugin'). Prints one JSON line: seconds spent, heavy modules imported and the
plugin's own modules loaded.
With WC_PROBE_DESKTOP=1, QGIS desktop's own Python start-up runs first (qgis.utils and the core Processing
plugin, which QGIS loads before user plugins), so only what the plugin adds on top of it is timed.
"""

import json
import os
import sys
import time

from qgis.core import QgsApplication

app = QgsApplication([], True)
app.initQgis()
from minimal_iface import MinimalIface  # noqa: E402

iface = MinimalIface()
if os.environ.get("WC_PROBE_DESKTOP") == "1":
    import qgis.utils  # noqa: F401

    sys.path.append(os.path.join(app.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
heavy = ("openeo", "shapely", "pyproj", "pyarrow", "pandas", "requests")
before = {m for m in heavy if m in sys.modules}
start, cpu_start = time.perf_counter(), time.thread_time()
if sys.argv[1] == "plugin":
    import worldcereal_qgis

    plugin = worldcereal_qgis.classFactory(iface)
    plugin.initGui()
elapsed, cpu = time.perf_counter() - start, time.thread_time() - cpu_start
loaded = sorted(m for m in heavy if m in sys.modules and m not in before)
ours = sorted(m for m in sys.modules if m.startswith("worldcereal_qgis."))
result = {"seconds": elapsed, "cpu_seconds": cpu, "heavy_imported": loaded, "plugin_modules": ours}
print("RESULT " + json.dumps(result))
sys.stdout.flush()
