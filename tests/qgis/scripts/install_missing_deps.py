"""Run under Debian's /usr/bin/python3 (no openeo): the plugin loads, says what is missing, installs it.

argv: REPO_ROOT. HOME points at a fresh temporary folder, so the QGIS profile (and the private
package folder inside it) start empty. Prints one JSON line.
"""

import json
import sys
import time

from qgis.core import QgsApplication

repo_root = sys.argv[1]
sys.path.insert(0, repo_root)
app = QgsApplication([], True)
app.initQgis()

from minimal_iface import MinimalIface, wait_for_panel  # noqa: E402
from qgis.PyQt.QtWidgets import QPushButton  # noqa: E402

import worldcereal_qgis  # noqa: E402
from worldcereal_qgis import settings  # noqa: E402

result = {}
try:
    import openeo  # noqa: F401

    result["openeo_before"] = True
except ImportError:
    result["openeo_before"] = False

iface = MinimalIface()
plugin = worldcereal_qgis.classFactory(iface)
plugin.initGui()
plugin.action.trigger()  # opening the panel before installing: a message, no traceback, no dock
result["dock_before_install"] = plugin.dock is not None
result["action_checked_before_install"] = plugin.action.isChecked()
items = iface.bar.items()
result["message"] = items[0].text() if items else None
buttons = items[0].findChildren(QPushButton) if items else []
result["buttons"] = [b.text() for b in buttons]
install = next(b for b in buttons if b.text() == "Install")
started = time.monotonic()
install.click()
result["button_enabled_during_install"] = install.isEnabled()
result["button_text_during_install"] = install.text()
install.click()  # a second click must not start a second pip
result["second_task"] = plugin._install_task is not None and sum(
    1 for t in QgsApplication.taskManager().tasks() if "installing Python packages" in t.description()) > 1
progress_texts = set()
deadline = time.monotonic() + 600
while plugin._install_task is not None and time.monotonic() < deadline:
    app.processEvents()
    progress_texts.update(i.text() for i in iface.bar.items())
    time.sleep(0.05)
result["install_seconds"] = time.monotonic() - started
wait_for_panel(plugin, timeout_s=30)  # "ready": the panel opens by itself, in its event-loop turns
result["progress_texts"] = sorted(progress_texts)
result["finished_messages"] = [i.text() for i in iface.bar.items()]
result["dock_opened_by_itself"] = plugin.dock is not None
deps = settings.deps_dir()
result["numpy_in_deps"] = sorted(p.name for p in deps.glob("numpy*"))
result["deps_mb"] = sum(p.stat().st_size for p in deps.rglob("*") if p.is_file()) / 1e6

import openeo  # noqa: E402
from openeo.internal.graph_building import PGNode  # noqa: E402
from osgeo import gdal_array  # noqa: E402,F401  (QGIS's GDAL still works: numpy untouched)

if plugin.dock is None:
    plugin.action.trigger()
    wait_for_panel(plugin)
result["dock_after_install"] = plugin.dock is not None  # (the test window itself is not shown)
result["openeo_file"] = openeo.__file__
result["deps_dir"] = str(settings.deps_dir())
result["graph"] = PGNode("load_collection", id="SENTINEL2_L2A").flat_graph()
plugin.unload()
print("RESULT " + json.dumps(result))
sys.stdout.flush()
app.exitQgis()
