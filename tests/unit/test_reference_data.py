"""Reference data: the real RDM sample set validates; a corrupted copy gets exact per-row problems."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import shapely
from shapely.geometry import Point, Polygon

from worldcereal_qgis.core import reference_data as rd
from worldcereal_qgis.core.errors import DependencyError, InputError

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def samples_path(wc_dir: Path) -> Path:
    return wc_dir / "reference_data" / "2022_FRA_LPIS_POLY_110_samples.geoparquet"


@pytest.fixture(scope="module")
def real(samples_path):
    return rd.read_reference_file(samples_path)


@pytest.fixture(scope="module")
def class_mappings(wc_dir: Path) -> dict:
    return rd.load_class_mappings(wc_dir / "classes" / "class_mappings.json")


def _copy(real) -> rd.RawTable:
    return rd.RawTable(real.frame.copy(), real.crs, real.name)


def test_real_sample_set_validates(real, class_mappings):
    result = rd.validate(real, today=TODAY, legend=rd.legend_codes(class_mappings))
    assert result.ok and result.problems == [] and result.notes == []
    assert len(result.samples) == 500 and result.n_input == 500
    first = result.samples.iloc[0]
    assert first["sample_id"] == "2022_FRA_LPIS_POLY_110_830180"
    assert first["ewoc_code"] == 2001020022 and first["valid_time"] == "2022-06-01"
    assert (first["lon"], first["lat"]) == pytest.approx((9.210141, 41.395316), abs=1e-6)
    assert int((result.samples["extract"] >= 1).sum()) == 42
    assert result.summary() == "500 of 500 samples are valid."


def test_corrupted_copy_gets_exact_per_row_problems(real):
    raw = _copy(real)
    frame = raw.frame
    frame.loc[2, "ewoc_code"] = 12345
    frame.loc[6, "valid_time"] = "2022-13-01"
    frame.loc[7, "valid_time"] = "2016-05-01"
    frame.loc[8, "valid_time"] = "2027-01-15"
    frame.loc[9, "ref_id"] = "FRA_LPIS_2022"
    frame.loc[10, "quality_score_lc"] = 150
    frame.loc[11, "sample_id"] = frame.loc[0, "sample_id"]
    frame.loc[12, "h3_l3_cell"] = "not-a-cell"
    horseshoe = Polygon([(9.20, 41.40), (9.23, 41.40), (9.23, 41.43), (9.20, 41.43), (9.20, 41.42),
                         (9.22, 41.42), (9.22, 41.41), (9.20, 41.41)])
    frame.at[4, "geometry"] = shapely.to_wkb(horseshoe)
    square = Polygon([(9.20, 41.40), (9.21, 41.40), (9.21, 41.41), (9.20, 41.41)])
    frame.at[5, "geometry"] = shapely.to_wkb(square)

    result = rd.validate(raw, today=TODAY)
    sid = frame["sample_id"]
    assert [(p.row, p.column, p.severity, p.message) for p in result.problems] == [
        (3, "ewoc_code", "error", "ewoc_code 12345 is not a 10-digit EWOC code."),
        (5, "geometry", "dropped", "The polygon's centroid falls outside it, so the sample is dropped."),
        (7, "valid_time", "error", "valid_time '2022-13-01' is not a date (YYYY-MM-DD)."),
        (8, "valid_time", "error", "valid_time 2016-05-01 is before 2017-01-01, when the satellite time series start."),
        (9, "valid_time", "error", "valid_time 2027-01-15 is after the last complete month (2026-10-31)."),
        (10, "ref_id", "error", "ref_id 'FRA_LPIS_2022' does not start with the year (like 2021_AUT_LPIS_POLY_110)."),
        (11, "quality_score_lc", "error", "quality_score_lc 150 is outside 0–100."),
        (12, "sample_id", "error", f"sample_id '{sid[0]}' is also used by row 1."),
        (13, "h3_l3_cell", "error", "h3_l3_cell 'not-a-cell' is not an H3 level-3 cell id."),
    ]
    assert result.problems[0].sample_id == sid[2]
    assert len(result.errors) == 8 and len(result.dropped) == 1
    assert len(result.samples) == 500 - 9
    # the square polygon became its (Web Mercator) centroid and stays
    row6 = result.samples[result.samples["row"] == 6].iloc[0]
    assert (row6["lon"], row6["lat"]) == pytest.approx((9.205, 41.405), abs=1e-4)
    assert 6 in set(result.samples["row"]) and 5 not in set(result.samples["row"])
    assert result.notes == ["2 polygons were replaced by their centroids (computed in EPSG:3857)."]
    with pytest.raises(InputError) as err:
        result.require_ok()
    assert str(err.value) == ("The reference data has 8 errors (first, row 3: ewoc_code 12345 is not a 10-digit EWOC "
                              "code); fix them before extracting.")


def test_missing_column_is_reported_and_nothing_is_clean(real):
    raw = _copy(real)
    raw.frame = raw.frame.drop(columns=["quality_score_ct"])
    result = rd.validate(raw, today=TODAY)
    assert [(p.row, p.column, p.message) for p in result.errors] == [
        (None, "quality_score_ct", "The required column 'quality_score_ct' is missing.")]
    assert len(result.samples) == 0


def test_other_crs_is_reprojected_and_said_so(real):
    raw = _copy(real)
    points = shapely.from_wkb(raw.frame["geometry"].to_numpy())
    from pyproj import Transformer

    tr = Transformer.from_crs(4326, 2154, always_xy=True)
    raw.frame["geometry"] = list(shapely.to_wkb(shapely.transform(
        points, lambda xy: __import__("numpy").column_stack(tr.transform(xy[:, 0], xy[:, 1])))))
    raw.crs = "EPSG:2154"
    result = rd.validate(raw, today=TODAY)
    assert result.ok and len(result.samples) == 500
    assert result.notes == ["The data was reprojected from EPSG:2154 to EPSG:4326 (WorldCereal reference data is "
                            "lon/lat)."]
    assert result.samples["lon"].iloc[0] == pytest.approx(9.210141, abs=1e-6)


def test_wrong_crs_metres_declared_as_lonlat(real):
    raw = _copy(real)
    raw.frame.at[0, "geometry"] = shapely.to_wkb(Point(1_222_000.0, 6_100_000.0))
    result = rd.validate(raw, today=TODAY)
    assert [(p.row, p.column, p.message) for p in result.errors] == [
        (1, "geometry", "The coordinates (1.222e+06, 6.1e+06) are not longitude/latitude; the layer's CRS is "
                        "probably wrong.")]


def test_geopackage_with_corruptions_reads_through_ogr(real, tmp_path):
    """A GeoPackage (OGR path) in EPSG:3857 with strings where numbers belong."""
    from osgeo import ogr, osr

    path = tmp_path / "mine.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    layer = ds.CreateLayer("samples", srs, ogr.wkbPoint)
    for name in rd.LABEL_COLUMNS:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    frame = real.frame.head(3)
    for i, rec in enumerate(frame.to_dict("records")):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name in rd.LABEL_COLUMNS:
            feature.SetField(name, str(rec[name]))
        if i == 1:
            feature.SetField("irrigation_status", "yes")
        lon, lat = shapely.from_wkb(rec["geometry"]).coords[0]
        x, y = (lon * 20037508.342789244 / 180.0,
                __import__("math").log(__import__("math").tan((90 + lat) * __import__("math").pi / 360.0))
                * 6378137.0)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    ds = None
    raw = rd.read_reference_file(path)
    assert raw.crs == "EPSG:3857" and len(raw.frame) == 3
    result = rd.validate(raw, today=TODAY)
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (2, "irrigation_status", "irrigation_status 'yes' is not a whole number.")]
    assert result.notes[0].startswith("The data was reprojected from EPSG:3857 to EPSG:4326")
    assert result.samples["lat"].iloc[0] == pytest.approx(41.395316, abs=1e-6)
    assert result.samples["ewoc_code"].dtype == "int64"


def test_geoparquet_in_other_crs_reads_crs_from_geo_metadata(samples_path, tmp_path):
    table = pq.read_table(samples_path)
    meta = dict(table.schema.metadata)
    meta[b"geo"] = meta[b"geo"].replace(b'"GeographicCRS"', b'"GeographicCRS"')
    import json

    geo = json.loads(meta[b"geo"])
    geo["columns"]["geometry"]["crs"] = None
    meta[b"geo"] = json.dumps(geo).encode()
    pq.write_table(table.replace_schema_metadata(meta), tmp_path / "nocrs.parquet")
    raw = rd.read_reference_file(tmp_path / "nocrs.parquet")
    assert raw.crs is None
    result = rd.validate(raw, today=TODAY)
    assert result.ok
    assert result.notes == ["The layer has no CRS; its coordinates are taken as longitude/latitude (EPSG:4326)."]


def test_field_mapping_with_class_names(class_mappings):
    frame = {
        "name": ["maize", "Wheat", "12", "potatoes?"],
        "seen": ["2021-07-01", "2021-07-02", "2021-07-03", "2021-07-04"],
        "geometry": [shapely.to_wkb(Point(4.3 + i / 100, 50.8)) for i in range(4)],
    }
    raw = rd.RawTable(pa.table(frame).to_pandas(), "EPSG:4326", "mine")
    mapping = rd.FieldMapping(label="name", date="seen", ref_id="2021_BEL_MINE_POINT_110",
                              label_codes={"12": 1101060000})
    harmonised, unmapped = rd.apply_field_mapping(raw, mapping, class_mappings)
    assert unmapped == {"potatoes?": 1}
    frame = harmonised.frame
    assert frame["ewoc_code"].tolist()[:3] == [1101060000, 1101010000, 1101060000]
    assert frame["sample_id"].tolist()[0] == "2021_BEL_MINE_POINT_110_1"
    result = rd.validate(harmonised, today=TODAY)
    assert [(p.row, p.column, p.message) for p in result.errors] == [(4, "ewoc_code", "ewoc_code is empty.")]
    assert {p.column for p in result.problems if p.severity == "warning"} == {"h3_l3_cell"}


def test_field_mapping_refuses_unknown_column(class_mappings):
    raw = rd.RawTable(pa.table({"a": [1], "geometry": [b""]}).to_pandas(), "EPSG:4326")
    with pytest.raises(InputError, match=r"The layer has no column 'crop'\."):
        rd.apply_field_mapping(raw, rd.FieldMapping(label="crop", ref_id="2021_X", fixed_date="2021-06-01"),
                               class_mappings)


def test_selection_modes(real):
    samples = rd.validate(real, today=TODAY).samples
    assert len(rd.select_samples(samples, "extract")) == 42
    everything = rd.select_samples(samples, "all")
    assert len(everything) == 500 and set(everything["extract"]) == {1}
    capped = rd.select_samples(samples, "h3_cap", cap=2)
    groups = samples.groupby(["h3_l3_cell", "ewoc_code"]).size()
    assert len(capped) == int(groups.clip(upper=2).sum())
    assert capped.groupby(["h3_l3_cell", "ewoc_code"]).size().max() == 2
    assert capped.equals(rd.select_samples(samples, "h3_cap", cap=2))  # deterministic


def test_h3_cap_without_h3_package_says_what_to_do(real, monkeypatch):
    samples = rd.validate(real, today=TODAY).samples.head(3).copy()
    samples["h3_l3_cell"] = ""
    monkeypatch.setitem(__import__("sys").modules, "h3", None)
    with pytest.raises(DependencyError, match="needs the Python package 'h3'"):
        rd.select_samples(samples, "h3_cap", cap=1)
    assert len(rd.select_samples(samples, "all")) == 3  # the other modes work without h3


def test_h3_cells_filled_from_points(real):
    samples = rd.validate(real, today=TODAY).samples.head(5).copy()
    expected = samples["h3_l3_cell"].tolist()
    samples["h3_l3_cell"] = ""
    assert rd.fill_h3_cells(samples)["h3_l3_cell"].tolist() == expected


def test_is_h3_l3_cell():
    assert rd.is_h3_l3_cell("831e94fffffffff")
    assert not rd.is_h3_l3_cell("841e94fffffffff")  # resolution 4
    assert not rd.is_h3_l3_cell("831e94ffffffff")   # 14 characters
