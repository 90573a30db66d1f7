"""Mosaic VRTs: tiles cut to their rectangles, zones warped and stacked on a fixed display grid."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pyproj
import pytest
import shapely
from osgeo import gdal, osr
from shapely.geometry import box

from worldcereal_qgis.core.mosaic import MosaicTile, build_mosaic

BANDS = ["cropland_classification", "probability_cropland", "probability_other"]
Y0 = 5_170_000.0  # northing of all test files (≈ 46.6°N)


def _tif(path: Path, epsg: int, x0: float, width_px: int, value: int, bands=BANDS, height_px: int = 100,
         y0: float = Y0) -> Path:
    ds = gdal.GetDriverByName("GTiff").Create(str(path), width_px, height_px, len(bands), gdal.GDT_Byte)
    ds.SetGeoTransform((x0, 10.0, 0.0, y0, 0.0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    for i, name in enumerate(bands, start=1):
        band = ds.GetRasterBand(i)
        band.SetDescription(name)
        band.SetNoDataValue(255)
        band.Fill(value + 10 * (i - 1))
    ds = None
    return path


def _tile(name: str, path: Path, epsg: int, utm_box: tuple[float, float, float, float]) -> MosaicTile:
    to_4326 = pyproj.Transformer.from_crs(epsg, 4326, always_xy=True)
    geom_utm = box(*utm_box)
    geom = shapely.transform(shapely.segmentize(geom_utm, 50.0),
                             lambda xy: np.column_stack(to_4326.transform(xy[:, 0], xy[:, 1])))
    return MosaicTile(name, path, geom, epsg, geom_utm)


def _read(path: Path, band: int = 1) -> tuple[np.ndarray, tuple]:
    ds = gdal.Open(str(path))
    return ds.GetRasterBand(band).ReadAsArray(), ds.GetGeoTransform()


def _value_at(path: Path, x: float, y: float, band: int = 1) -> int:
    data, gt = _read(path, band)
    return int(data[int((y - gt[3]) // gt[5]), int((x - gt[0]) // gt[1])])


@pytest.fixture
def two_overlapping(tmp_path: Path) -> list[MosaicTile]:
    """Two files of one zone overlapping by 200 m (as job bboxes do); tiles meet at x = 731,100."""
    a = _tif(tmp_path / "a.tif", 32631, 730_000.0, 120, 1)   # 730,000 – 731,200
    b = _tif(tmp_path / "b.tif", 32631, 731_000.0, 120, 2)   # 731,000 – 732,200
    return [_tile("a", a, 32631, (730_000.0, Y0 - 1000, 731_100.0, Y0)),
            _tile("b", b, 32631, (731_100.0, Y0 - 1000, 732_200.0, Y0))]


def test_zone_vrt_cuts_each_file_to_its_tile(two_overlapping, tmp_path):
    extent = shapely.union_all([t.geometry_4326 for t in two_overlapping]).bounds
    result = build_mosaic(tmp_path / "m", two_overlapping, name="worldcereal_crop_extent", extent_4326=extent)
    zone = result.zones[32631]
    assert _value_at(zone, 731_095.0, Y0 - 500) == 1   # last pixel of tile a, although b's file covers it
    assert _value_at(zone, 731_105.0, Y0 - 500) == 2   # first pixel of tile b, although a's file covers it
    assert _value_at(zone, 731_105.0, Y0 - 500, band=2) == 12
    data, gt = _read(zone)
    assert gt[1] == 10.0 and data.shape == (100, 220) and (data != 255).all()  # no gap, no copy of the overlap
    assert result.tiles == ("a", "b") and result.skipped == ()


def test_display_mosaic_crosses_zones_without_gaps(two_overlapping, tmp_path):
    # a tile written in zone 32 east of tile b (its file overlaps b by ~300 m, as a job bbox would)
    _, b_miny, b_maxx, b_maxy = two_overlapping[1].geometry_4326.bounds
    c_geom = shapely.box(b_maxx, b_miny, b_maxx + 0.012, b_maxy)
    to32 = pyproj.Transformer.from_crs(4326, 32632, always_xy=True)
    x0, y0, x1, y1 = to32.transform_bounds(*c_geom.bounds)
    c = _tif(tmp_path / "c.tif", 32632, x0 // 10 * 10 - 300, int((x1 - x0) // 10) + 60, 5,
             height_px=int((y1 - y0) // 10) + 60, y0=y1 // 10 * 10 + 300)
    tiles = [*two_overlapping, MosaicTile("c", c, c_geom)]
    extent = shapely.union_all([t.geometry_4326 for t in tiles]).bounds
    result = build_mosaic(tmp_path / "m", tiles, name="worldcereal_crop_extent", extent_4326=extent)
    assert set(result.zones) == {32631, 32632}
    data, gt = _read(result.display)
    ds = gdal.Open(str(result.display))
    assert [ds.GetRasterBand(i + 1).GetDescription() for i in range(3)] == BANDS
    assert ds.GetSpatialRef().GetAuthorityCode(None) == "4326"
    # every pixel centre well inside a tile has that tile's value; the zone boundary leaves no gap
    ys = gt[3] + (np.arange(data.shape[0]) + 0.5) * gt[5]
    xs = gt[0] + (np.arange(data.shape[1]) + 0.5) * gt[1]
    gx, gy = np.meshgrid(xs, ys)
    for tile, value in zip(tiles, (1, 2, 5)):
        inner = tile.geometry_4326.buffer(-1.5 * gt[1])
        inside = shapely.contains_xy(inner, gx, gy)
        assert inside.sum() > 100 and set(np.unique(data[inside])) == {value}
    covered = shapely.contains_xy(shapely.union_all([t.geometry_4326 for t in tiles]).buffer(-1.5 * gt[1]), gx, gy)
    assert (data[covered] != 255).all()


def test_rebuild_keeps_the_display_grid_and_adds_tiles(two_overlapping, tmp_path):
    extent = shapely.union_all([t.geometry_4326 for t in two_overlapping]).bounds
    first = build_mosaic(tmp_path / "m", two_overlapping[:1], name="m", extent_4326=extent)
    before, gt_before = _read(first.display)
    second = build_mosaic(tmp_path / "m", two_overlapping, name="m", extent_4326=extent)
    after, gt_after = _read(second.display)
    assert second.display == first.display and gt_after == gt_before and after.shape == before.shape
    assert 2 not in before and 2 in after  # tile b appears in place, the layer only needs a reload


def test_each_display_band_warps_only_its_own_band(two_overlapping, tmp_path):
    """A layer of one band must not warp all bands: each display band reads a one-band warp of that band."""
    extent = shapely.union_all([t.geometry_4326 for t in two_overlapping]).bounds
    result = build_mosaic(tmp_path / "m", two_overlapping, name="m", extent_4326=extent)
    display = gdal.Open(str(result.display))
    to_display = pyproj.Transformer.from_crs(32631, 4326, always_xy=True)
    lon, lat = to_display.transform(731_105.0, Y0 - 500)
    for index, name in enumerate(BANDS, start=1):
        band = display.GetRasterBand(index)
        sources = [Path(f) for f in band.GetDataset().GetFileList() if re.search(r"_b\d+\.vrt$", f)]
        own = [f for f in sources if f.name.endswith(f"_b{index}.vrt")]
        one_band = gdal.Open(str(own[0])) if len(own) == 1 else None
        assert one_band is not None and one_band.RasterCount == 1
        assert one_band.GetRasterBand(1).GetDescription() == name
        assert _value_at(result.display, lon, lat, band=index) == 2 + 10 * (index - 1)  # tile b's band values


def test_a_zoomed_out_view_reads_warped_overviews(tmp_path):
    """A canvas zoomed out asks for a fraction of the pixels: the one-band warps offer overviews for it."""
    path = _tif(tmp_path / "big.tif", 32631, 730_000.0, 600, 3, height_px=600)
    tile = _tile("big", path, 32631, (730_000.0, Y0 - 6000, 736_000.0, Y0))
    result = build_mosaic(tmp_path / "m", [tile], name="m", extent_4326=tile.geometry_4326.bounds)
    display = gdal.Open(str(result.display))
    band = display.GetRasterBand(2)
    assert band.GetOverviewCount() >= 1
    full, small = band.ReadAsArray(), band.ReadAsArray(buf_xsize=band.XSize // 4, buf_ysize=band.YSize // 4)
    assert set(np.unique(small)) == set(np.unique(full)) == {13, 255}  # the tile's band 2, nodata around it


def test_other_band_sets_and_unreadable_files_are_skipped(two_overlapping, tmp_path):
    odd = _tif(tmp_path / "odd.tif", 32631, 732_200.0, 50, 7, bands=["classification"])
    broken = tmp_path / "broken.tif"
    broken.write_bytes(b"not a tiff")
    tiles = [*two_overlapping, _tile("odd", odd, 32631, (732_200.0, Y0 - 500, 732_700.0, Y0)),
             _tile("broken", broken, 32631, (732_700.0, Y0 - 500, 733_000.0, Y0))]
    extent = shapely.union_all([t.geometry_4326 for t in tiles]).bounds
    result = build_mosaic(tmp_path / "m", tiles, name="m", extent_4326=extent)
    assert result.tiles == ("a", "b") and result.skipped == ("odd", "broken")
    assert build_mosaic(tmp_path / "n", tiles[3:], name="m", extent_4326=extent) is None


def test_run_across_180_is_one_continuous_mosaic(tmp_path):
    """#18: tiles on both sides of the antimeridian (Taveuni) stitch into one result in the central UTM zone."""
    from worldcereal_qgis.core.aoi import lon_interval
    from worldcereal_qgis.core.tiling import plan_tiles

    planned = plan_tiles(box(179.4, -16.62, 180.1, -16.5), "tav", 20.0)  # 60KYG and 01KAB, 01KAB on both sides
    assert {t.epsg for t in planned} == {32760, 32701}
    tiles = []
    for t in planned:
        x0, y0, x1, y1 = t.bounds_utm
        width, height = int(np.ceil((x1 - x0) / 10.0)), int(np.ceil((y1 - y0) / 10.0))
        west_of_180 = t.geometry_4326.bounds[0] >= 0
        path = _tif(tmp_path / f"{t.name}.tif", t.epsg, x0, width, 1 if west_of_180 else 2, height_px=height, y0=y1)
        tiles.append(MosaicTile(t.name, path, t.geometry_4326, t.epsg, t.geometry_utm))
    union = shapely.union_all([t.geometry_4326 for t in tiles])
    west, east = lon_interval(union)
    assert west > east  # the run's extent crosses 180°
    result = build_mosaic(tmp_path / "m", tiles, name="worldcereal_crop_extent",
                          extent_4326=(west, union.bounds[1], east, union.bounds[3]))
    ds = gdal.Open(str(result.display))
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    assert srs.GetAuthorityCode(None) in ("32760", "32701")
    data, gt = _read(result.display)
    assert data.shape[1] * gt[1] < 90_000  # ~75 km wide, not a grid around the globe
    epsg = int(srs.GetAuthorityCode(None))
    to_display = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)
    for lon, expected in ((179.999, 1), (-179.999, 2), (179.45, 1), (-179.95, 2)):
        x, y = to_display.transform(lon, -16.56)
        assert _value_at(result.display, x, y) == expected
