"""worldcereal:design_sample -> labels -> worldcereal:assess_map -> worldcereal:crop_area_statistics on the real
WorldCereal output (crop-type band, 254 = not cropland) and on a two-zone mosaic built from it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from worldcereal_qgis.adapters.compat import field


def _run(name: str, params: dict) -> dict:
    import processing

    return processing.run(f"worldcereal:{name}", params)


def test_design_sample_on_the_real_croptype_band(wc_provider, reference_tif, tmp_path):
    result = _run("design_sample", {
        "MAP": str(reference_tif), "SEASON": "tc-s1", "SAMPLE_SIZE": 60, "ALLOCATION": 2, "SEED": 3,
        "OUTPUT": str(tmp_path / "sample.gpkg"), "STRATA": str(tmp_path / "strata.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "sample")
    feats = list(layer.getFeatures())
    assert result["SAMPLE_SIZE_USED"] == 60 == len(feats)
    assert {f["stratum"] for f in feats} == {"no_crop", "not_cropland"}          # value 22 and 254
    assert sum(f["stratum"] == "no_crop" for f in feats) == 30                    # equal allocation
    assert all(f["reference"] in ("", None) for f in feats)
    strata = {f["stratum"]: (f["pixels"], f["area_ha"]) for f in QgsVectorLayer(result["STRATA"]).getFeatures()}
    assert strata == {"no_crop": (3994, pytest.approx(39.94)), "not_cropland": (6106, pytest.approx(61.06))}
    again = _run("design_sample", {
        "MAP": str(reference_tif), "SEASON": "tc-s1", "SAMPLE_SIZE": 60, "ALLOCATION": 2, "SEED": 3,
        "OUTPUT": "memory:", "STRATA": "memory:"})
    assert [f.geometry().asWkt(6) for f in again["OUTPUT"].getFeatures()] == [f.geometry().asWkt(6) for f in feats]


def test_assess_map_from_a_strata_table_and_a_wrong_label(wc_provider, tmp_path):
    samples = _points_layer([("cropland", "cropland", "cropland")] * 45 + [("cropland", "cropland", "other")] * 5
                            + [("other", "other", "other")] * 47 + [("other", "other", "cropland")] * 3
                            + [("other", "other", "unsure")] * 4)
    strata = QgsVectorLayer("None?field=stratum:string&field=pixels:integer", "strata", "memory")
    for name, pixels in (("cropland", 400_000), ("other", 600_000)):
        f = QgsFeature(strata.fields())
        f.setAttributes([name, pixels])
        strata.dataProvider().addFeature(f)
    result = _run("assess_map", {"SAMPLES": samples, "STRATUM_FIELD": "stratum", "MAP_FIELD": "map_class",
                                 "REFERENCE_FIELD": "reference", "STRATA": strata,
                                 "ACCURACY": "memory:", "AREAS": "memory:", "REPORT": str(tmp_path / "r.html")})
    # OA = 0.4 x 0.9 + 0.6 x 0.94 = 0.924; cropland = 0.4 x 0.9 + 0.6 x 0.06 = 0.396 of 10,000 ha
    assert result["OVERALL_ACCURACY"] == pytest.approx(0.924)
    areas = {f["class"]: f for f in result["AREAS"].getFeatures()}
    assert areas["cropland"]["mapped_ha"] == pytest.approx(4000.0)
    assert areas["cropland"]["estimated_ha"] == pytest.approx(3960.0)
    assert areas["cropland"]["estimated_ci_ha"] > 0
    accuracy = {f["class"]: f for f in result["ACCURACY"].getFeatures()}
    assert accuracy["cropland"]["users"] == pytest.approx(0.9)
    page = Path(result["REPORT"]).read_text()
    assert "<svg" in page and "4 of 104 sample points have no usable reference label" in page
    saved = json.loads(Path(result["REPORT"]).with_suffix(".json").read_text())
    assert saved["classes"] == ["cropland", "other"] and saved["counts"][0] == [45, 5]
    samples.dataProvider().changeAttributeValues({1: {3: "maize"}})  # a reference class the map lacks
    again = _run("assess_map", {"SAMPLES": samples, "STRATUM_FIELD": "stratum", "MAP_FIELD": "map_class",
                                "REFERENCE_FIELD": "reference", "STRATA": strata, "ACCURACY": "memory:",
                                "AREAS": "memory:", "REPORT": str(tmp_path / "r2.html")})
    maize = next(f for f in again["AREAS"].getFeatures() if f["class"] == "maize")
    assert maize["mapped_ha"] == 0 and maize["estimated_ha"] == pytest.approx(10_000 * 0.4 / 50)


def test_statistics_per_unit_across_two_utm_zones(wc_provider, reference_tif, tmp_path):
    display = _two_zone_mosaic(reference_tif, tmp_path)
    units = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "units", "memory")
    f = QgsFeature(units.fields())
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((5 49, 7 49, 7 51, 5 51, 5 49))"))  # spans both zones
    f.setAttributes(["both"])
    units.dataProvider().addFeature(f)
    result = _run("crop_area_statistics", {"MAP": str(display), "UNITS": units, "UNIT_ID_FIELD": "name",
                                           "OUTPUT": "memory:", "CHOROPLETH": "memory:",
                                           "CHART": str(tmp_path / "chart.html")})
    rows = {r["class"]: r for r in result["OUTPUT"].getFeatures()}
    ds = gdal.Open(str(reference_tif))
    band = ds.GetRasterBand(1).ReadAsArray()
    # each zone holds one copy of the real cropland band: the unit holds both, once each
    assert rows["cropland"]["mapped_ha"] == pytest.approx(2 * (band == 1).sum() * 0.01)
    assert rows["other"]["mapped_ha"] == pytest.approx(2 * (band == 0).sum() * 0.01)
    assert "mapped area only" in rows["cropland"]["support"]
    assert "<svg" in Path(result["CHART"]).read_text()
    design = _run("design_sample", {"MAP": str(display), "SAMPLE_SIZE": 40, "ALLOCATION": 1, "SEED": 5,
                                    "OUTPUT": "memory:", "STRATA": "memory:"})
    points = list(design["OUTPUT"].getFeatures())
    assert {p["epsg"] for p in points} == {32631, 32632}           # drawn from both zones of the mosaic
    strata = {f["stratum"]: f["pixels"] for f in design["STRATA"].getFeatures()}
    assert strata == {"cropland": 2 * (band == 1).sum(), "other": 2 * (band == 0).sum()}


def test_choropleth_style_is_graduated_on_the_area(qgis_app):
    from worldcereal_qgis.adapters.area_style import apply_graduated

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=mapped_ha:double", "units", "memory")
    for i, value in enumerate((1.0, 5.0, 9.0, 20.0, 40.0, 80.0)):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({i} 0, {i + 1} 0, {i + 1} 1, {i} 1, {i} 0))"))
        f.setAttributes([value])
        layer.dataProvider().addFeature(f)
    apply_graduated(layer, "mapped_ha", classes=3)
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "mapped_ha"
    assert len(renderer.ranges()) == 3 and renderer.ranges()[-1].upperValue() == 80.0


def _points_layer(rows):
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "samples", "memory")
    provider = layer.dataProvider()
    provider.addAttributes([field("stratum", "string"), field("map_class", "string"), field("id", "int"),
                            field("reference", "string")])
    layer.updateFields()
    for i, (stratum, mapped, ref) in enumerate(rows):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(3.0, 50.0)))
        f.setAttributes([stratum, mapped, i, ref])
        provider.addFeature(f)
    return layer


def _two_zone_mosaic(reference_tif, tmp_path):
    """The real cropland band written once in UTM 31N just west of 6 E and once in 32N just east of it, with
    the zone VRTs and display VRT named as core/mosaic.py names them."""
    import pyproj
    from shapely.geometry import box

    from worldcereal_qgis.core.mosaic import MosaicTile, build_mosaic

    src = gdal.Open(str(reference_tif))
    data = src.GetRasterBand(1).ReadAsArray()
    tiles = []
    for epsg, lon in ((32631, 5.98), (32632, 6.02)):
        x, y = pyproj.Transformer.from_crs(4326, epsg, always_xy=True).transform(lon, 50.0)
        x0 = round(x / 10) * 10 - (1000 if epsg == 32631 else 0)
        y0 = round(y / 10) * 10
        path = tmp_path / f"tile_{epsg}.tif"
        ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[1], data.shape[0], 1, gdal.GDT_Byte)
        ds.SetGeoTransform((x0, 10, 0, y0, 0, -10))
        srs = pyproj.CRS.from_epsg(epsg).to_wkt()
        ds.SetProjection(srs)
        ds.GetRasterBand(1).WriteArray(data)
        ds.GetRasterBand(1).SetNoDataValue(255)
        ds.GetRasterBand(1).SetDescription("cropland_classification")
        ds = None
        to_ll = pyproj.Transformer.from_crs(epsg, 4326, always_xy=True)
        w, s = to_ll.transform(x0, y0 - 10 * data.shape[0])
        e, n = to_ll.transform(x0 + 10 * data.shape[1], y0)
        tiles.append(MosaicTile(f"t{epsg}", path, box(w, s, e, n), epsg,
                                box(x0, y0 - 10 * data.shape[0], x0 + 10 * data.shape[1], y0)))
    result = build_mosaic(tmp_path / "mosaic", tiles, name="cropland", extent_4326=(5.9, 49.9, 6.1, 50.1))
    assert np.array_equal(sorted(result.zones), [32631, 32632])
    return result.display


def test_cropland_strata_assess_the_crop_type_map_with_stehman(wc_provider, reference_tif, tmp_path):
    design = _run("design_sample", {"MAP": str(reference_tif), "SAMPLE_SIZE": 40, "ALLOCATION": 2, "SEED": 9,
                                    "OUTPUT": str(tmp_path / "s.gpkg"), "STRATA": str(tmp_path / "strata.gpkg")})
    sample = QgsVectorLayer(design["OUTPUT"], "s")
    feats = list(sample.getFeatures())
    # the real file: crop type tc-s1 is no_crop (22) on cropland and not_cropland (254) elsewhere
    assert {(f["stratum"], f["map_tc_s1"]) for f in feats} == {("cropland", "no_crop"), ("other", "not_cropland")}
    ref = sample.fields().indexOf("reference")
    flipped = [f.id() for f in feats if f["stratum"] == "cropland"][:3]
    sample.dataProvider().changeAttributeValues(
        {f.id(): {ref: "maize" if f.id() in flipped else f["map_tc_s1"]} for f in feats})
    result = _run("assess_map", {"SAMPLES": design["OUTPUT"], "STRATUM_FIELD": "stratum", "MAP_FIELD": "map_tc_s1",
                                 "REFERENCE_FIELD": "reference", "STRATA": design["STRATA"], "ACCURACY": "memory:",
                                 "AREAS": "memory:", "REPORT": str(tmp_path / "ct.html")})
    areas = {f["class"]: f for f in result["AREAS"].getFeatures()}
    assert areas["maize"]["estimated_ha"] == pytest.approx(39.94 * 3 / 20)      # N_h x sample share, stratum 1
    assert areas["not_cropland"]["estimated_ha"] == pytest.approx(61.06)
    assert result["OVERALL_ACCURACY"] == pytest.approx(1 - 3 / 20 * 3994 / 10100)
    assert "Stehman (2014)" in Path(result["REPORT"]).read_text()
