"""Measure what loading the plugin adds to QGIS start-up, in a fresh interpreter (cold imports).

argv: MODE ('baseline' or 'plugin'). Prints one JSON line: seconds spent and heavy modules imported.
"""

import json
import sys
import time

from qgis.core import QgsApplication

app = QgsApplication([], True)
app.initQgis()
from minimal_iface import MinimalIface  # noqa: E402

iface = MinimalIface()
heavy = ("openeo", "shapely", "pyproj", "pyarrow", "pandas", "requests")
before = {m for m in heavy if m in sys.modules}
start = time.perf_counter()
if sys.argv[1] == "plugin":
    import worldcereal_qgis

    plugin = worldcereal_qgis.classFactory(iface)
    plugin.initGui()
elapsed = time.perf_counter() - start
loaded = sorted(m for m in heavy if m in sys.modules and m not in before)
print("RESULT " + json.dumps({"seconds": elapsed, "heavy_imported": loaded}))
sys.stdout.flush()
