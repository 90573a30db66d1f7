"""Band-name parsing of WorldCereal results: merged CDSE layout, cropland-only, non-merged library files."""

from __future__ import annotations

import json

import pytest
from osgeo import gdal

from worldcereal_qgis.core import udp
from worldcereal_qgis.core.errors import InputError
from worldcereal_qgis.core.results import (
    NODATA_VALUE,
    band_title,
    describe_band_names,
    describe_raster,
)

CROPLAND = ["cropland_classification", "probability_cropland", "probability_other"]


def _merged(seasons: list[str], classes: list[str]) -> list[str]:
    names = list(CROPLAND)
    names += [f"croptype_classification:{s}" for s in seasons]
    names += [f"croptype_probability:{s}" for s in seasons]
    names += [f"croptype_probability:{s}:{c}" for s in seasons for c in classes]
    return names


def _kinds(desc) -> list[str]:
    return [b.kind for b in desc.bands]


def test_cropland_only():
    desc = describe_band_names(CROPLAND)
    assert _kinds(desc) == ["cropland_classification", "cropland_probability", "other_probability"]
    assert desc.product == "cropland" and desc.seasons == [] and desc.classes == {}
    assert [b.index for b in desc.bands] == [1, 2, 3]
    assert [band_title(b) for b in desc.layer_bands()] == ["Cropland", "Cropland probability (%)"]
    assert [b.name for b in desc.layer_bands(True)] == CROPLAND


def test_one_season_custom_classes_value_order_is_band_order():
    desc = describe_band_names(_merged(["summer_1"], ["maize", "teff", "no_crop"]))
    assert desc.product == "croptype" and desc.seasons == ["summer_1"]
    assert desc.classes == {"summer_1": ["maize", "teff", "no_crop"]}
    teff = desc.band("croptype_probability:summer_1:teff")
    assert (teff.index, teff.kind, teff.season) == (7, "croptype_class_probability", "summer_1")  # after 3+2+maize
    assert teff.class_name == "teff"
    assert [band_title(b) for b in desc.layer_bands()] == [
        "Cropland", "Cropland probability (%)", "Crop type, summer_1", "Crop type probability, summer_1 (%)",
    ]  # fmt: skip
    assert band_title(desc.band("croptype_probability:summer_1:teff")) == "Teff probability, summer_1 (%)"


def test_croptype_without_cropland_head():
    names = _merged(["tc-s1"], ["wheat", "no_crop"])[3:]
    desc = describe_band_names(names)
    assert _kinds(desc)[:2] == ["croptype_classification", "croptype_probability"]
    assert [b.index for b in desc.layer_bands()] == [1, 2]


def test_reference_job_results_band_list(wc_dir):
    """The STAC document CDSE returned lists the same 53 bands as the file: 2 seasons x 23 classes."""
    doc = json.loads((wc_dir / "reference_output" / "job-results.json").read_text())
    (asset,) = [a for a in doc["assets"].values() if a.get("eo:bands")]
    desc = describe_band_names([b["name"] for b in asset["eo:bands"]])
    assert desc.seasons == ["tc-s1", "tc-s2"]
    assert desc.classes["tc-s1"] == list(udp.DEFAULT_CROPTYPE_CLASSES) == desc.classes["tc-s2"]
    assert desc.classes["tc-s1"][22] == "no_crop"
    assert "unknown" not in _kinds(desc)


def test_describe_real_raster(reference_tif):
    desc = describe_raster(reference_tif)
    assert len(desc.bands) == 53 and desc.nodata == NODATA_VALUE
    assert _kinds(desc).count("croptype_class_probability") == 46
    assert len(desc.layer_bands()) == 6 and len(desc.layer_bands(include_class_probabilities=True)) == 53


def test_non_merged_croptype_file_takes_season_from_file_name(tmp_path):
    names = ["classification", "probability", "probability_wheat", "probability_maize"]
    path = _write_tif(tmp_path / "croptype_2021-01-01_2021-12-31_tc-s1_2021-03-01_2021-08-31.tif", names, None)
    desc = describe_raster(path)
    assert _kinds(desc) == [
        "croptype_classification", "croptype_probability", "croptype_class_probability", "croptype_class_probability",
    ]  # fmt: skip
    assert desc.seasons == ["tc-s1"] and desc.classes == {"tc-s1": ["wheat", "maize"]}
    assert desc.nodata == 255  # no tag in the file: fallback
    assert band_title(desc.bands[0]) == "Crop type, season 1"


def test_non_merged_without_season():
    desc = describe_band_names(["classification", "probability", "probability_beet", "probability_rice"])
    assert desc.band("classification").season is None
    assert desc.class_names(None) == ["beet", "rice"]
    assert band_title(desc.band("probability_rice")) == "Rice probability (%)"


def test_non_merged_cropland_file():
    desc = describe_band_names(["classification", "probability", "probability_other", "probability_cropland"])
    assert _kinds(desc) == ["cropland_classification", "unknown", "other_probability", "cropland_probability"]
    assert desc.product == "cropland"


def test_unknown_names_are_kept_but_never_layers():
    names = ["ndvi:ts_0", "", "croptype_classification:tc-s1:extra", "croptype_probability:", "cropland_classification"]
    desc = describe_band_names(names, nodata=0)
    assert _kinds(desc) == ["unknown"] * 4 + ["cropland_classification"]
    assert [b.index for b in desc.layer_bands(True)] == [5]
    assert desc.nodata == 0
    assert band_title(desc.bands[1]) == "Band 2"


def test_missing_band_is_a_one_sentence_input_error():
    with pytest.raises(InputError, match=r"^The result file has no band named 'probability_cropland'\.$"):
        describe_band_names(["cropland_classification"]).band("probability_cropland")


def test_unreadable_file(tmp_path):
    bad = tmp_path / "result.tif"
    bad.write_bytes(b"<html>502 Bad Gateway</html>")
    with pytest.raises(InputError, match=r"^The result file 'result\.tif' cannot be opened as a raster\.$"):
        describe_raster(bad)


def test_nodata_tag_of_the_file_wins(tmp_path):
    path = _write_tif(tmp_path / "r.tif", CROPLAND, 0)
    assert describe_raster(path).nodata == 0


def _write_tif(path, names: list[str], nodata: int | None):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 4, 4, len(names), gdal.GDT_Byte)
    for i, name in enumerate(names, start=1):
        band = ds.GetRasterBand(i)
        band.SetDescription(name)
        if nodata is not None:
            band.SetNoDataValue(nodata)
    ds = None
    return path
