"""`make demo`: cropland + crop-type jobs run by the plugin against the local openEO backend.

Starts the local backend, runs ``worldcereal:cropland`` and ``worldcereal:croptype`` through Processing (the same
code the dock uses), loads the results as styled layers and renders them with their legends to
``demo-output/map.png`` through a QGIS print layout. The maps are SIMULATED by the local backend.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared" / "worldcereal"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_qgis(profile: Path):
    """QGIS with a throw-away settings folder; the crop calendar is the shared copy (as if downloaded once)."""
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = str(profile)
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    from worldcereal_qgis import settings

    settings.CALENDAR_PATH.write(str(SHARED / "cropcalendar"))
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from worldcereal_qgis.plugin import WorldCerealPlugin

    plugin = WorldCerealPlugin(None)
    plugin.initProcessing()
    return app, plugin


def _run_jobs(backend_url: str, work: Path) -> dict:
    import processing
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info: str) -> None:  # noqa: N802
            print(f"  {info}", flush=True)

        def pushWarning(self, warning: str) -> None:  # noqa: N802
            print(f"  warning: {warning}", flush=True)

    aoi = str(SHARED / "aoi" / "test_site_france.gpkg")
    common = {"AOI_LAYER": aoi, "AOI_NAME": "test_site_france", "ORBIT": 2, "BACKEND": 3,
              "BACKEND_URL": backend_url}
    print("Cropland map, 2021 (worldcereal:cropland):", flush=True)
    cropland = processing.run("worldcereal:cropland", {**common, "YEAR": 2021,
                                                        "OUTPUT_FOLDER": str(work / "cropland")},
                              feedback=Feedback())
    print("Crop type map, seasons tc-s1 / tc-s2 of 2021 from the crop calendar (worldcereal:croptype):", flush=True)
    croptype = processing.run("worldcereal:croptype", {
        **common, "SEASON1_ID": "tc-s1", "SEASON2_ID": "tc-s2", "YEAR": 2021,
        "OUTPUT_FOLDER": str(work / "croptype")}, feedback=Feedback())
    return {"cropland": cropland, "croptype": croptype}


def _layer(job_id: str, band: str):
    from qgis.core import QgsProject

    for layer in QgsProject.instance().mapLayers().values():
        if layer.customProperty("worldcereal/job_id") == job_id and layer.customProperty("worldcereal/band") == band:
            return layer
    raise RuntimeError(f"layer {band} of job {job_id} was not loaded")


def _aoi_layer():
    from qgis.core import QgsProject, QgsVectorLayer

    layer = QgsVectorLayer(str(SHARED / "aoi" / "test_site_france.gpkg"), "Area of interest", "ogr")
    symbol = layer.renderer().symbol()
    symbol.symbolLayer(0).setBrushStyle(0)  # Qt.NoBrush: outline only
    symbol.symbolLayer(0).setStrokeWidth(0.6)
    QgsProject.instance().addMapLayer(layer)
    return layer


def _with_aspect(extent, aspect: float):
    """Grow an extent around its centre to a width/height ratio (with a small margin)."""
    from qgis.core import QgsRectangle

    width, height = extent.width() * 1.04, extent.height() * 1.04
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    centre = extent.center()
    half_w, half_h = width / 2, height / 2
    return QgsRectangle(centre.x() - half_w, centre.y() - half_h, centre.x() + half_w, centre.y() + half_h)


def _hide_band_header(legend, tree_layer) -> None:
    """Raster legends start with a "Band N: name" row; a map reader needs only the classes."""
    from qgis.core import QgsMapLayerLegendUtils, QgsRasterLayer

    if isinstance(tree_layer.layer(), QgsRasterLayer):
        count = len(legend.model().layerLegendNodes(tree_layer))
        QgsMapLayerLegendUtils.setLegendNodeOrder(tree_layer, list(range(1, count)))
        legend.model().refreshLayerLegend(tree_layer)


def _render(results: dict, out_png: Path) -> None:
    from qgis.core import (
        QgsLayout,
        QgsLayoutExporter,
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsLegendStyle,
        QgsProject,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtGui import QFont

    project = QgsProject.instance()
    aoi = _aoi_layer()
    project.setCrs(aoi.crs())  # no project CRS: PROJ is asked for an empty name while rendering
    panels = [
        ("Cropland 2021", [aoi, _layer(results["cropland"]["JOB_ID"], "cropland_classification")]),
        ("Crop type, season tc-s1 (2021)",
         [aoi, _layer(results["croptype"]["JOB_ID"], "croptype_classification:tc-s1")]),
    ]
    layout = QgsLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(297, 250, QgsUnitTypes.LayoutMillimeters))
    title = QgsLayoutItemLabel(layout)
    title.setText("WorldCereal demo — SIMULATED maps from the local openEO backend (test site, France)")
    title.setFont(QFont("Sans", 14))
    title.attemptMove(QgsLayoutPoint(8, 5, QgsUnitTypes.LayoutMillimeters))
    title.attemptResize(QgsLayoutSize(280, 10, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(title)
    for index, (caption, layers) in enumerate(panels):
        x = 8 + index * 145
        item = QgsLayoutItemMap(layout)
        item.attemptMove(QgsLayoutPoint(x, 18, QgsUnitTypes.LayoutMillimeters))
        item.attemptResize(QgsLayoutSize(135, 120, QgsUnitTypes.LayoutMillimeters))
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        item.setCrs(layers[1].crs())
        item.setFrameEnabled(True)
        layout.addLayoutItem(item)
        item.setExtent(_with_aspect(layers[1].extent(), 135 / 120))  # same aspect: the item keeps its size
        legend = QgsLayoutItemLegend(layout)
        legend.setTitle(caption)
        legend.setLinkedMap(item)
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for layer in reversed(layers):
            tree_layer = root.addLayer(layer)
            _hide_band_header(legend, tree_layer)
        legend.setColumnCount(2 if index else 1)
        legend.setSplitLayer(True)
        legend.setStyleFont(QgsLegendStyle.Title, QFont("Sans", 11))
        legend.attemptMove(QgsLayoutPoint(x, 142, QgsUnitTypes.LayoutMillimeters))
        layout.addLayoutItem(legend)
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 110
    settings.generateWorldFile = False
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")  # QGIS tries to georeference the PNG in place; PNG refuses
    try:
        status = exporter.exportToImage(str(out_png), settings)
    finally:
        gdal.PopErrorHandler()
    if status != QgsLayoutExporter.Success:
        raise RuntimeError(f"map export failed with status {status}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default="demo-output")
    args = parser.parse_args(argv)
    out = (REPO_ROOT / args.output).resolve()
    out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(REPO_ROOT))
    from tests.fixtures.backend import LocalBackend

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="wc-demo-") as tmp:
        work = Path(tmp)
        backend = LocalBackend(port=_free_port(), data_dir=work / "backend", extra_args=["--job-duration", "3"])
        backend.data_dir.mkdir()
        print(f"Local openEO backend (simulated maps) on {backend.url}", flush=True)
        backend.start()
        try:
            _app, plugin = _start_qgis(work / "qgis-profile")
            results = _run_jobs(backend.url, work)
            for name, res in results.items():
                target = out / f"{name}_{Path(res['OUTPUT']).name}"
                shutil.copyfile(res["OUTPUT"], target)
                print(f"{name}: job {res['JOB_ID']}, {res['CREDITS']:.1f} credits -> {target}", flush=True)
            _render(results, out / "map.png")
            print(f"Styled map with legend -> {out / 'map.png'} ({time.monotonic() - started:.0f} s)", flush=True)
            plugin.unload()
        finally:
            backend.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
