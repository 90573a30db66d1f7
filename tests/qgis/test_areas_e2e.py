"""From map to hectares end to end: the local backend's cropland result -> worldcereal:design_sample -> labels
given in the labelling panel from a simulated truth -> worldcereal:assess_map -> worldcereal:crop_area_statistics,
and the report dialog's screenshot (docs/screenshots/area_report.png)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from worldcereal_qgis.core.request import cropland_request

pytestmark = pytest.mark.slow
REPO_ROOT = Path(__file__).resolve().parents[2]
CLASSES = ("other", "cropland")


def _run(name: str, params: dict) -> dict:
    import processing

    return processing.run(f"worldcereal:{name}", params)


def _truth(tif: str, out: Path) -> tuple[np.ndarray, np.ndarray, QgsRasterLayer]:
    """A simulated truth layer: the map, with the class flipped where the model was unsure (probability 35-65 %)."""
    ds = gdal.Open(tif)
    mapped = ds.GetRasterBand(1).ReadAsArray()
    prob = ds.GetRasterBand(2).ReadAsArray()
    unsure = (mapped != 255) & (np.abs(prob.astype(int) - 50) < 15)
    truth = np.where(unsure, 1 - mapped, mapped)
    copy = gdal.GetDriverByName("GTiff").CreateCopy(str(out), ds)
    copy.GetRasterBand(1).WriteArray(truth)
    copy = None
    return mapped, truth, QgsRasterLayer(str(out), "truth")


def test_map_to_hectares(runner, local_profile, france_aoi, qgis_iface, wc_provider, tmp_path):
    (tif,) = runner.run(cropland_request(france_aoi, year=2021), local_profile).outputs
    mapped, truth, truth_layer = _truth(tif, tmp_path / "truth.tif")
    x0, dx, _, y0, _, dy = gdal.Open(tif).GetGeoTransform()
    valid = mapped != 255
    assert (truth[valid] != mapped[valid]).sum() > 0, "the simulated truth must differ from the map"

    design = _run("design_sample", {"MAP": tif, "TARGET_SE": 0.02, "USERS": "cropland=0.7, other=0.9",
                                    "ALLOCATION": 0, "MIN_PER_STRATUM": 40, "SEED": 20,
                                    "OUTPUT": str(tmp_path / "sample.gpkg"), "STRATA": str(tmp_path / "strata.gpkg")})
    sample = QgsVectorLayer(design["OUTPUT"], "sample")
    n = sample.featureCount()
    assert n == design["SAMPLE_SIZE_USED"] >= 80

    # two reference fields around the first two points: labelled from them, and said so
    from worldcereal_qgis.controllers.labelling import LabellingSession
    from worldcereal_qgis.gui.labelling_panel import LabellingPanel

    fields_layer = _reference_fields(sample, truth, (x0, dx, y0, dy))
    panel = LabellingPanel(qgis_iface)
    QgsProject.instance().addMapLayers([sample, fields_layer])
    panel.layer_box.setLayer(sample)
    panel.start()
    panel.ref_layer.setLayer(fields_layer)
    panel.ref_field.setField("crop")
    panel.fill_from_reference()
    session = panel.session
    assert session.progress()[0] == 2
    session.go(0)
    assert "This label comes from the reference layer 'reference fields', not from your interpretation." in \
        panel.info.text()
    session.go(session.first_unlabelled())
    first = sample.getFeature(session.ids[0])
    assert first["label_source"] == "reference:reference fields"  # data: the same whatever QGIS's language

    # the interpreter labels the rest with the panel's class buttons; the first one is "unsure"
    panel.give("unsure")
    while session.progress()[0] + 1 < n:
        f = session.feature()
        value, ok = truth_layer.dataProvider().sample(QgsPointXY(f["x"], f["y"]), 1)   # the truth layer's class
        assert ok
        panel.give(CLASSES[int(value)])
    resumed = LabellingSession(QgsVectorLayer(design["OUTPUT"], "again"))       # saved in the file, resumable
    assert resumed.progress() == (n - 1, n)

    assessed = _run("assess_map", {"SAMPLES": design["OUTPUT"], "STRATUM_FIELD": "stratum",
                                   "MAP_FIELD": "map_class", "REFERENCE_FIELD": "reference", "MAP": tif,
                                   "ACCURACY": "memory:", "AREAS": "memory:",
                                   "REPORT": str(tmp_path / "report.html")})
    areas = {f["class"]: f for f in assessed["AREAS"].getFeatures()}
    true_ha = (truth[valid] == 1).sum() * 0.01
    crop = areas["cropland"]
    assert crop["mapped_ha"] == pytest.approx((mapped == 1).sum() * 0.01)
    assert abs(crop["estimated_ha"] - true_ha) <= crop["estimated_ci_ha"]             # the truth is in the CI
    true_oa = float((truth[valid] == mapped[valid]).mean())
    assert abs(assessed["OVERALL_ACCURACY"] - true_oa) <= assessed["OVERALL_ACCURACY_CI"]
    assert f"1 of {n} sample points have no usable reference label" in Path(assessed["REPORT"]).read_text()

    units = _quadrants(tif)
    stats = _run("crop_area_statistics", {"MAP": tif, "UNITS": units, "UNIT_ID_FIELD": "name",
                                          "ASSESSMENT": str(Path(assessed["REPORT"]).with_suffix(".json")),
                                          "SAMPLES": design["OUTPUT"], "OUTPUT": "memory:",
                                          "CHOROPLETH": "memory:", "CHART": str(tmp_path / "chart.html")})
    rows = [r for r in stats["OUTPUT"].getFeatures() if r["class"] == "cropland"]
    h, w = mapped.shape
    expected = {"nw": mapped[: h // 2, : w // 2], "ne": mapped[: h // 2, w // 2:],
                "sw": mapped[h // 2:, : w // 2], "se": mapped[h // 2:, w // 2:]}
    for r in rows:
        assert r["mapped_ha"] == pytest.approx((expected[r["unit_id"]] == 1).sum() * 0.01)
        assert r["estimated_ha"] > 0 and r["estimated_ci_ha"] > 0
        assert "sample points inside" in r["support"] or "too few" in r["support"]
    assert sum(r["sample_points"] for r in rows) == n
    saved = json.loads(Path(assessed["REPORT"]).with_suffix(".json").read_text())
    assert saved["method"].startswith("Olofsson")
    _screenshot(assessed["REPORT"], panel)


def _reference_fields(sample: QgsVectorLayer, truth: np.ndarray, grid) -> QgsVectorLayer:
    """Squares of 30 m around the first two sample points, with the truth's class: the user's 'fields'."""
    x0, dx, y0, dy = grid
    layer = QgsVectorLayer("Polygon?crs=EPSG:32631&field=crop:string", "reference fields", "memory")
    features = sorted(sample.getFeatures(), key=lambda f: f["point_id"])[:2]
    for f in features:
        col, row = int((f["x"] - x0) // dx), int((f["y"] - y0) // dy)
        poly = QgsFeature(layer.fields())
        poly.setGeometry(QgsGeometry.fromRect(QgsRectangle(f["x"] - 15, f["y"] - 15, f["x"] + 15, f["y"] + 15)))
        poly.setAttributes([CLASSES[truth[row, col]]])
        layer.dataProvider().addFeature(poly)
    return layer


def _quadrants(tif: str) -> QgsVectorLayer:
    """The raster's extent cut in four pixel-aligned quadrants (nw, ne, sw, se) in its own UTM zone."""
    ds = gdal.Open(tif)
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    w, h = ds.RasterXSize, ds.RasterYSize
    xm, ym = x0 + (w // 2) * dx, y0 + (h // 2) * dy
    x1, y1 = x0 + w * dx, y0 + h * dy
    layer = QgsVectorLayer("Polygon?crs=EPSG:32631&field=name:string", "units", "memory")
    for name, rect in (("nw", (x0, ym, xm, y0)), ("ne", (xm, ym, x1, y0)), ("sw", (x0, y1, xm, ym)),
                       ("se", (xm, y1, x1, ym))):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(*rect)))
        f.setAttributes([name])
        layer.dataProvider().addFeature(f)
    return layer


def _screenshot(report: str, panel) -> None:
    from worldcereal_qgis.gui.area_report_dialog import AreaReportDialog

    dialog = AreaReportDialog(report)
    dialog.show()
    for _ in range(5):
        QCoreApplication.processEvents()
    assert dialog.images == 2                        # the area plot and the matrix, drawn from their SVG
    artifacts = REPO_ROOT / "tests" / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(artifacts / "area_report.png"))
    shutil.copyfile(artifacts / "area_report.png", REPO_ROOT / "docs" / "screenshots" / "area_report.png")
    panel.resize(520, 320)
    panel.show()
    for _ in range(5):
        QCoreApplication.processEvents()
    assert panel.grab().save(str(artifacts / "labelling_panel.png"))
    shutil.copyfile(artifacts / "labelling_panel.png", REPO_ROOT / "docs" / "screenshots" / "labelling_panel.png")
    dialog.close()
    panel.shutdown()
