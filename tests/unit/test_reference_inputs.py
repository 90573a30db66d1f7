"""Reference data inputs built from the real files in ../shared: Parquet variants, broken files, coordinates that
cannot be trusted, and the messages a user reads (#17 items 1, 6, 8)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import shapely

from worldcereal_qgis.core import reference_data as rd
from worldcereal_qgis.core.errors import InputError

TODAY = date(2026, 11, 25)
NAME = "2022_FRA_LPIS_POLY_110_samples.geoparquet"


@pytest.fixture(scope="module")
def samples_path(wc_dir: Path) -> Path:
    return wc_dir / "reference_data" / NAME


@pytest.fixture(scope="module")
def real(samples_path) -> rd.RawTable:
    return rd.read_reference_file(samples_path)


@pytest.fixture(scope="module")
def extraction_rows(wc_dir: Path):
    """One row per sample of the real extraction file: it carries its own lon, lat, tile and h3_l3_cell."""
    frame = pq.read_table(wc_dir / "extractions" / "2022_FRA_LPIS_POLY_110_monthly.geoparquet").to_pandas()
    return frame.drop_duplicates("sample_id").reset_index(drop=True)


def _with_points(real: rd.RawTable, x, y, crs: str | None) -> rd.RawTable:
    frame = real.frame.copy()
    frame["geometry"] = list(shapely.to_wkb(shapely.points(x, y)))
    return rd.RawTable(frame, crs, real.name)


def _lonlat(real: rd.RawTable):
    points = shapely.from_wkb(real.frame["geometry"].to_numpy())
    return shapely.get_x(points), shapely.get_y(points)


# -- Parquet everywhere -------------------------------------------------------------------------------------------


def test_plain_parquet_with_lon_lat_columns_reads_like_the_geoparquet(samples_path, real, tmp_path):
    lon, lat = _lonlat(real)
    table = pq.read_table(samples_path).drop(["geometry"]).replace_schema_metadata(None)
    table = table.append_column("lon", pa.array(lon)).append_column("lat", pa.array(lat))
    pq.write_table(table, tmp_path / "plain.parquet")
    raw = rd.read_reference_file(tmp_path / "plain.parquet")
    assert raw.crs == "EPSG:4326" and raw.name == "plain.parquet"
    result = rd.validate(raw, today=TODAY)
    assert result.ok and len(result.samples) == 500 and result.notes == []
    np.testing.assert_allclose(result.samples["lon"], lon)
    np.testing.assert_allclose(result.samples["lat"], lat)


def test_geoparquet_with_another_geometry_column_name(samples_path, tmp_path):
    table = pq.read_table(samples_path)
    geo = json.loads(table.schema.metadata[b"geo"])
    geo["primary_column"] = "geom"
    geo["columns"] = {"geom": geo["columns"]["geometry"]}
    table = table.rename_columns(["geom" if n == "geometry" else n for n in table.schema.names])
    pq.write_table(table.replace_schema_metadata({b"geo": json.dumps(geo).encode()}), tmp_path / "g.geoparquet")
    result = rd.validate(rd.read_reference_file(tmp_path / "g.geoparquet"), today=TODAY)
    assert result.ok and len(result.samples) == 500


@pytest.mark.parametrize("variant, expected", [
    ("missing", "The reference data file {path} does not exist."),
    ("zero_bytes", "{name} is empty (0 bytes): the file was not written completely or is a placeholder."),
    ("truncated", "{name} is truncated or corrupt (Parquet's closing footer is missing)."),
    ("geopackage", "{name} is not a Parquet file (it is a GeoPackage/SQLite database)."),
    ("json", "{name} is not a Parquet file (it is JSON text)."),
    ("text", "{name} is not a Parquet file (it lacks the PAR1 signature)."),
    ("no_geometry", "{name} has no geometry: it is neither GeoParquet (no 'geo' metadata) nor has lon/lat columns."),
])
def test_unusable_files_are_one_sentence_naming_the_file(samples_path, wc_dir, tmp_path, variant, expected):
    real_bytes = samples_path.read_bytes()
    path = tmp_path / f"{variant}.geoparquet"
    if variant == "zero_bytes":
        path.write_bytes(b"")
    elif variant == "truncated":
        path.write_bytes(real_bytes[: len(real_bytes) * 2 // 3])
    elif variant == "geopackage":
        path.write_bytes((wc_dir / "aoi" / "test_site_france.gpkg").read_bytes())
    elif variant == "json":
        path.write_bytes((wc_dir / "classes" / "croptype_classes.json").read_bytes())
    elif variant == "text":
        path.write_text(pq.read_table(samples_path).drop(["geometry"]).to_pandas().to_csv(), encoding="utf-8")
    elif variant == "no_geometry":
        pq.write_table(pq.read_table(samples_path).drop(["geometry"]).replace_schema_metadata(None), path)
    with pytest.raises(InputError) as err:
        rd.read_reference_file(path)
    assert str(err.value) == expected.format(path=path, name=path.name)


def test_corrupt_parquet_body_is_named(samples_path, tmp_path):
    data = bytearray(samples_path.read_bytes())
    data[200:4000] = bytes(3800)  # the column chunks, between the PAR1 signatures
    path = tmp_path / "corrupt.parquet"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as err:
        rd.read_reference_file(path)
    assert str(err.value).startswith("corrupt.parquet is a corrupt Parquet file (")


def test_empty_geoparquet_says_it_holds_no_samples(samples_path, tmp_path):
    pq.write_table(pq.read_table(samples_path).slice(0, 0), tmp_path / "empty.geoparquet")
    result = rd.validate(rd.read_reference_file(tmp_path / "empty.geoparquet"), today=TODAY)
    assert not result.ok and result.n_input == 0 and result.notes == []
    assert result.summary() == "empty.geoparquet holds no samples: it has no rows."
    with pytest.raises(InputError, match=r"^empty.geoparquet holds no samples: it has no rows; fix this"):
        result.require_ok()


# -- coordinates you can trust ------------------------------------------------------------------------------------


def _dataset_errors(result) -> list[str]:
    return [p.message for p in result.errors if p.row is None]


def test_lonlat_numbers_declared_web_mercator_are_refused(real):
    lon, lat = _lonlat(real)
    result = rd.validate(_with_points(real, lon, lat, "EPSG:3857"), today=TODAY)
    assert _dataset_errors(result) == [
        f"The coordinates (e.g. {lon[0]:.6g}, {lat[0]:.6g}) look like longitude/latitude although the layer says "
        "EPSG:3857 (metres), so every point would land near (0, 0): set the layer's CRS to EPSG:4326."]
    assert len(result.samples) == 0
    assert result.summary() == ("0 of 500 samples are valid; 1 errors must be fixed before extracting. "
                                f"{_dataset_errors(result)[0]}")


def test_utm_metres_declared_wgs84_are_refused(real):
    from pyproj import Transformer

    lon, lat = _lonlat(real)
    x, y = Transformer.from_crs(4326, 32632, always_xy=True).transform(lon, lat)
    result = rd.validate(_with_points(real, x, y, "EPSG:4326"), today=TODAY)
    assert _dataset_errors(result) == [
        f"The coordinates (e.g. {x[0]:.6g}, {y[0]:.6g}) are not longitude/latitude although the layer says "
        "EPSG:4326: they look like metres of a projected CRS; set the layer's real CRS."]
    assert len(result.samples) == 0


def test_swapped_lat_lon_found_through_the_h3_cells(real):
    lon, lat = _lonlat(real)
    result = rd.validate(_with_points(real, lat, lon, "EPSG:4326"), today=TODAY)
    assert _dataset_errors(result) == [
        "The points fall in their own h3_l3_cell only with longitude and latitude swapped: swap the x and y "
        "coordinates."]
    assert len(result.samples) == 0 and not result.ok


def test_swapped_lat_lon_found_through_the_rows_own_lon_lat(extraction_rows):
    frame = extraction_rows.copy()
    frame["geometry"] = list(shapely.to_wkb(shapely.points(frame["lat"], frame["lon"])))
    result = rd.validate(rd.RawTable(frame, "EPSG:4326", "swapped"), today=TODAY)
    assert _dataset_errors(result) == [
        "The geometries have longitude and latitude swapped: x holds the rows' own 'lat' values and y their 'lon' "
        "values; swap the x and y coordinates."]


def test_swapped_lat_lon_found_through_the_tile_column(extraction_rows):
    frame = extraction_rows.drop(columns=["lon", "lat"]).assign(h3_l3_cell="")
    frame["geometry"] = list(shapely.to_wkb(shapely.points(extraction_rows["lat"], extraction_rows["lon"])))
    result = rd.validate(rd.RawTable(frame, "EPSG:4326", "swapped"), today=TODAY)
    assert set(frame["tile"]) <= {"32TMK", "32TNK", "32TML", "32TNL", "32TMM", "32TNM", "32TNN", "32TMN"}
    assert _dataset_errors(result) == [
        "The points fall in their 'tile' column's Sentinel-2 tile only with longitude and latitude swapped: swap "
        "the x and y coordinates."]


def test_metres_in_the_wrong_projected_crs_are_outside_its_area_of_use(real):
    from pyproj import Transformer

    lon, lat = _lonlat(real)
    x, y = Transformer.from_crs(4326, 2154, always_xy=True).transform(lon, lat)  # Lambert-93 labelled UTM 31N
    raw = _with_points(real, x, y, "EPSG:32631")
    raw.frame["h3_l3_cell"] = ""
    result = rd.validate(raw, today=TODAY)
    assert _dataset_errors(result) == [
        "500 of 500 points lie outside the area where EPSG:32631 is used (Between 0°E and 6°E, northern hemisphere "
        "between equator and 84°N, onshore and offshore. Algeria. Andorra. Belgium. Benin. Burkina Faso. Denmark - "
        "North Sea. France. Germany - North Sea. Ghana. Luxembourg. Mali. Netherlands. Niger. Nigeria. Norway. "
        "Spain. Togo. United Kingdom (UK) - North Sea.): the layer's CRS is probably mislabelled."]


def test_points_on_zero_zero_are_refused(real):
    raw = _with_points(real, np.zeros(500), np.zeros(500), "EPSG:4326")
    raw.frame["h3_l3_cell"] = ""
    result = rd.validate(raw, today=TODAY)
    assert _dataset_errors(result) == [
        "500 of 500 points lie at (0, 0): the coordinates are missing or were read in the wrong CRS."]
    assert len(result.errors) == 1 and len(result.samples) == 0  # one sentence, not 500 repeats


def test_one_point_on_zero_zero_is_a_row_error_only(real):
    raw = rd.RawTable(real.frame.copy(), real.crs, real.name)
    raw.frame.at[3, "geometry"] = shapely.to_wkb(shapely.Point(0, 0))
    result = rd.validate(raw, today=TODAY)
    assert [(p.row, p.message) for p in result.errors] == [
        (4, "The point lies at (0, 0): its coordinates are missing or in the wrong CRS.")]
    assert len(result.samples) == 499


# -- messages -----------------------------------------------------------------------------------------------------


def test_empty_wgs84_geopackage_is_empty_not_crs_less(tmp_path):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "empty.gpkg"))
    layer = ds.CreateLayer("samples", srs, ogr.wkbPoint)
    for name in rd.LABEL_COLUMNS:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    ds = None
    raw = rd.read_reference_file(tmp_path / "empty.gpkg")
    assert raw.crs == "EPSG:4326"
    result = rd.validate(raw, today=TODAY)
    assert result.summary() == "empty.gpkg holds no samples: it has no rows." and result.notes == []


def test_wgs84_under_another_name_is_not_reprojected_and_undefined_is_no_crs(real):
    from pyproj import CRS

    wkt = CRS.from_epsg(4326).to_wkt().replace('ID["EPSG",4326]', "")
    same = rd.validate(rd.RawTable(real.frame.copy(), wkt, "x"), today=TODAY)
    assert same.ok and same.notes == []
    undefined = 'ENGCRS["Undefined",EDATUM[""],CS[Cartesian,2],AXIS["x",east],AXIS["y",north],LENGTHUNIT["m",1]]'
    result = rd.validate(rd.RawTable(real.frame.copy(), undefined, "x"), today=TODAY)
    assert result.notes == ["The layer has no CRS; its coordinates are taken as longitude/latitude (EPSG:4326)."]
    assert result.ok and not any("reprojected" in n for n in result.notes)


def test_legend_warnings_reach_the_summary(real, wc_dir):
    mappings = rd.load_class_mappings(wc_dir / "classes" / "class_mappings.json")
    raw = rd.RawTable(real.frame.copy(), real.crs, real.name)
    raw.frame.loc[[0, 1, 2], "ewoc_code"] = 1999999999
    raw.frame.loc[3, "ewoc_code"] = 1888888888
    result = rd.validate(raw, today=TODAY, legend=rd.legend_codes(mappings))
    assert result.unknown_codes == {1999999999: 3, 1888888888: 1}
    assert result.summary() == (
        "500 of 500 samples are valid. 4 samples have EWOC codes unknown to the class mappings: 1999999999 (3), "
        "1888888888 (1) (code (samples)); no model class is trained on them.")


@pytest.fixture(scope="module")
def land(wc_dir: Path):
    """The open-sea check's land grid, from the real crop calendar."""
    from worldcereal_qgis.core import reference_coords

    path = wc_dir / "cropcalendar" / "seasonality_lookup.geoparquet"
    return reference_coords.calendar_land_grid(str(path), path.stat().st_mtime_ns)


def test_latitude_with_the_wrong_sign_lies_in_the_open_sea(real, land):
    lon, lat = _lonlat(real)
    raw = _with_points(real, lon, -lat, "EPSG:4326")  # Corsica mirrored into the South Atlantic
    raw.frame["h3_l3_cell"] = ""
    result = rd.validate(raw, today=TODAY, land=land)
    assert _dataset_errors(result) == [
        "500 of 500 points lie in the open sea (no WorldCereal crop-calendar cell within about 50 km): a latitude or "
        "longitude has the wrong sign, the axes are swapped or the CRS is wrong."]
    assert rd.validate(raw, today=TODAY).ok  # without the calendar nothing can tell


def test_real_coastal_samples_are_not_at_sea(real, land):
    result = rd.validate(rd.RawTable(real.frame.copy(), real.crs, real.name), today=TODAY, land=land)
    assert result.ok and len(result.samples) == 500
