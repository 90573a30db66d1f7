"""WorldCereal QGIS plugin: ESA WorldCereal cropland and crop-type maps on openEO, from QGIS.

Nothing heavy is imported here: QGIS imports every plugin at start-up (target < 150 ms).
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin import WorldCerealPlugin

    return WorldCerealPlugin(iface)
