"""Sample design and pixel counting on the real WorldCereal output and on variants built from it."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal

from worldcereal_qgis.core.area_estimation.design import allocate, draw, sample_size
from worldcereal_qgis.core.area_estimation.map_classes import classification_band, merged, value_classes
from worldcereal_qgis.core.area_estimation.pixel_counts import count_classes, map_parts
from worldcereal_qgis.core.errors import InputError
from worldcereal_qgis.core.results import describe_raster


def test_sample_size_of_olofsson_2014_eq_13():
    # Section 5: W = 0.02/0.015/0.32/0.645, anticipated U = 0.7/0.6/0.9/0.95, S(O) = 0.01 -> n = 641
    assert sample_size([200_000, 150_000, 3_200_000, 6_450_000], [0.7, 0.6, 0.9, 0.95], 0.01) == 641


def test_allocations_add_up_and_keep_the_floor():
    sizes = [200_000, 150_000, 3_200_000, 6_450_000]
    assert allocate(sizes, 641, "equal") == [161, 160, 160, 160]
    prop = allocate(sizes, 641, "proportional")
    assert sum(prop) == 641 and prop[0] == 13
    comp = allocate(sizes, 641, "compromise", minimum=75)
    assert comp[:2] == [75, 75] and sum(comp) == 641 and comp[3] > comp[2]
    assert allocate([10, 1000], 100, "compromise", minimum=50) == [10, 50]  # never more than the pixels


def test_counts_of_the_real_output_by_class(reference_tif):
    desc = describe_raster(reference_tif)
    band = classification_band(desc)
    parts = map_parts(reference_tif, band.name)
    counts = count_classes(parts)
    assert counts.per_value == {0: 6106, 1: 3994}           # what gdalinfo's histogram of band 1 says
    assert counts.hectares(1) == pytest.approx(39.94)      # 3,994 pixels of 10 m x 10 m
    crop = classification_band(desc, "tc-s1")
    classes = value_classes(desc, crop)
    assert classes[22] == "no_crop" and classes[254] == "not_cropland"
    counts = count_classes(map_parts(reference_tif, crop.name))
    assert counts.per_value == {22: 3994, 254: 6106}       # 254 is a class (not cropland), 255 is no data
    assert merged(classes, {"no_crop": "other", "not_cropland": "other"})[254] == "other"
    with pytest.raises(InputError, match="'maize_x'"):
        merged(classes, {"maize_x": "cereal"})


def test_counts_per_polygon_and_region(reference_tif):
    import pyproj
    from shapely.geometry import box

    parts = map_parts(reference_tif, "cropland_classification")
    x0, y0 = 664000.0, 5612140.0
    to_ll = pyproj.Transformer.from_crs(32631, 4326, always_xy=True)
    west = box(*to_ll.transform(x0, y0 - 1010.0), *to_ll.transform(x0 + 500.0, y0))  # about the left half
    counts = count_classes(parts, polygons=[west])
    ds = gdal.Open(str(reference_tif))  # kept: a band read after its dataset is freed crashes GDAL
    left = ds.GetRasterBand(1).ReadAsArray()[:, :50]
    got = counts.per_polygon[0]
    assert abs(got.get(1, 0) - int((left == 1).sum())) <= 101  # pixel-centre rule along a reprojected edge
    assert sum(got.values()) == pytest.approx(5050, abs=110)


def test_draw_is_stratified_reproducible_and_respects_nodata(reference_tif, tmp_path):
    path = _with_nodata_rows(reference_tif, tmp_path)
    parts = map_parts(path, "cropland_classification")
    counts = count_classes(parts)
    strata = {0: "other", 1: "cropland"}
    sizes = {"other": counts.per_value[0], "cropland": counts.per_value[1]}
    alloc = {"cropland": 30, "other": 20}
    a = draw(parts, strata, sizes, alloc, seed=7)
    b = draw(parts, strata, sizes, alloc, seed=7)
    assert [(p.x, p.y) for p in a] == [(p.x, p.y) for p in b]
    assert sorted(p.stratum for p in a).count("cropland") == 30 and len(a) == 50
    assert len({(p.x, p.y) for p in a}) == 50
    ds = gdal.Open(str(path))
    data = ds.GetRasterBand(1).ReadAsArray()
    for p in a:
        col, row = int((p.x - 664000.0) // 10), int((5612140.0 - p.y) // 10)
        assert data[row, col] == p.map_value and p.map_value != 255
        assert strata[p.map_value] == p.stratum
    assert a[0].weight == pytest.approx(sizes[a[0].stratum] / alloc[a[0].stratum])
    assert draw(parts, strata, sizes, alloc, seed=8) != a


def _with_nodata_rows(reference_tif, tmp_path):
    """The real cropland band with its first 30 rows set to 255 (no data), as a single-band GeoTIFF."""
    src = gdal.Open(str(reference_tif))
    data = src.GetRasterBand(1).ReadAsArray()
    data[:30] = 255
    out = tmp_path / "nodata_rows.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(out), src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Byte)
    ds.SetGeoTransform(src.GetGeoTransform())
    ds.SetProjection(src.GetProjection())
    band = ds.GetRasterBand(1)
    band.WriteArray(data)
    band.SetNoDataValue(255)
    band.SetDescription("cropland_classification")
    ds = None
    return out


def test_overlapping_utm_zones_of_a_mosaic_are_counted_once(reference_tif, tmp_path):
    """Two zone rasters both covering 5.95-6.05 E (the 31/32 boundary is 6 E); the tiles split at 6 E. The
    mosaic's zone VRTs overlap where a tile's UTM rectangle crosses 6 E; each pixel must count once."""
    import pyproj
    import shapely
    from shapely.geometry import box

    from worldcereal_qgis.core.mosaic import MosaicTile, build_mosaic

    src = gdal.Open(str(reference_tif))
    real = src.GetRasterBand(1).ReadAsArray()
    tiles = []
    for epsg, geom in ((32631, box(5.96, 50.0, 6.0, 50.1)), (32632, box(6.0, 50.0, 6.04, 50.1))):
        to_utm = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)
        xs, ys = to_utm.transform([5.95, 6.05, 5.95, 6.05], [49.99, 49.99, 50.11, 50.11])
        x0, y0 = np.floor(min(xs) / 10) * 10, np.ceil(max(ys) / 10) * 10
        w, h = int((max(xs) - x0) // 10) + 1, int((y0 - min(ys)) // 10) + 1
        data = np.tile(real, (h // real.shape[0] + 1, w // real.shape[1] + 1))[:h, :w]
        path = tmp_path / f"z{epsg}.tif"
        ds = gdal.GetDriverByName("GTiff").Create(str(path), w, h, 1, gdal.GDT_Byte)
        ds.SetGeoTransform((x0, 10, 0, y0, 0, -10))
        ds.SetProjection(pyproj.CRS.from_epsg(epsg).to_wkt())
        ds.GetRasterBand(1).WriteArray(data)
        ds.GetRasterBand(1).SetNoDataValue(255)
        ds.GetRasterBand(1).SetDescription("cropland_classification")
        ds = None
        tiles.append(MosaicTile(f"t{epsg}", path, geom, epsg))
    mosaic = build_mosaic(tmp_path / "m", tiles, name="crop", extent_4326=(5.95, 49.99, 6.05, 50.11))
    parts = map_parts(mosaic.display, "cropland_classification")
    assert [p.epsg for p in parts] == [32631, 32632] and all(p.cutline_wkt for p in parts)
    counted = sum(count_classes(parts).per_value.values())
    zone_pixels = 0
    for p in parts:
        zone = gdal.Open(str(p.path))
        zone_pixels += int((zone.GetRasterBand(1).ReadAsArray() != 255).sum())
    expected = 0.0
    for tile in tiles:
        epsg, geom = tile.epsg, tile.geometry_4326
        to_utm = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)
        utm = shapely.transform(shapely.segmentize(geom, 0.001), lambda xy, t=to_utm: np.column_stack(
            t.transform(xy[:, 0], xy[:, 1])))
        expected += utm.area / 100.0
    assert zone_pixels - counted > 5_000                      # the zone VRTs do overlap along 6 E ...
    assert abs(counted - expected) < 0.01 * expected         # ... and each pixel is counted once


def test_fast_histogram_equals_bincount_even_when_new_values_appear(reference_tif):
    from worldcereal_qgis.core.area_estimation.pixel_counts import histogram

    ds = gdal.Open(str(reference_tif))
    crop = ds.GetRasterBand(4).ReadAsArray().ravel()          # 22 and 254 (croptype_classification:tc-s1)
    expected = np.bincount(crop, minlength=256)
    assert histogram(crop, [22, 254]).tolist() == expected.tolist()
    assert histogram(crop, [22]).tolist() == expected.tolist()          # 254 not hinted: falls back
    assert histogram(crop, []).tolist() == expected.tolist()
