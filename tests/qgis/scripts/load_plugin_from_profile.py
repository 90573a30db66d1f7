"""Run in a fresh interpreter: load the plugin from a QGIS profile's plugin folder with qgis.utils.

argv: PLUGINS_DIR SCREENSHOT_PATH. Prints one JSON line with what a user would see.
"""

import json
import sys

from qgis.core import QgsApplication

plugins_dir, screenshot = sys.argv[1], sys.argv[2]
app = QgsApplication([], True)
app.initQgis()

import qgis.utils  # noqa: E402
from minimal_iface import MinimalIface, wait_for_panel  # noqa: E402 (beside this script)

iface = MinimalIface()
qgis.utils.iface = iface
sys.path.insert(0, plugins_dir)
qgis.utils.plugin_paths = [plugins_dir]
qgis.utils.updateAvailablePlugins()
assert "worldcereal_qgis" in qgis.utils.available_plugins, qgis.utils.available_plugins
loaded = qgis.utils.loadPlugin("worldcereal_qgis")
started = qgis.utils.startPlugin("worldcereal_qgis")
plugin = qgis.utils.plugins["worldcereal_qgis"]
module_file = sys.modules["worldcereal_qgis"].__file__
provider = QgsApplication.processingRegistry().providerById("worldcereal")
plugin.action.trigger()
dock = wait_for_panel(plugin)
dock.resize(420, 700)
dock.show()
app.processEvents()
dock.grab().save(screenshot)
result = {
    "loaded": loaded,
    "started": started,
    "module_file": module_file,
    "provider": provider.name() if provider else None,
    "dock_title": dock.windowTitle(),
    "dock_text": dock.statusLabel.text(),
}
unloaded = qgis.utils.unloadPlugin("worldcereal_qgis")
result["unloaded"] = unloaded
result["provider_after_unload"] = QgsApplication.processingRegistry().providerById("worldcereal") is not None
print("RESULT " + json.dumps(result))
sys.stdout.flush()
app.exitQgis()
