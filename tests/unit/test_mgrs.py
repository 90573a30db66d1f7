"""MGRS / Sentinel-2 tile ids and footprints computed from the grid definition.

How the expected ids were established (none are invented):
* ``MGRS_PACKAGE``: computed with the independent ``mgrs`` PyPI package 1.6.0 (GeoTrans-based), installed
  only in a throw-away venv, ``MGRS().toMGRS(lat, lon, MGRSPrecision=0)``. Places: Brussels, Zürich, Madrid,
  Toulouse, Bergen, Oslo, Longyearbyen, Sydney, both sides of 180° at Taveuni, the 6°E zone edge, the
  Norway exception, plus random points from a seeded sample. In a 5,000-point random run (80°S–84°N) zone,
  column and row letters agreed everywhere; the band letter differed for 2 % of points, all in 100 km squares
  straddling a band edge (see below).
* Brussels: the issue text says "31UFS", but Brussels (4.35°E, 50.85°N) is at easting 595,032 m in EPSG:32631,
  i.e. in the 500–600 km column E (31UES, which the mgrs package also gives); 31UFS starts at 600 km, ~7 km
  east of the city centre. Both tiles cover parts of the Brussels region (test below).
* 13SFR: Sentinel-2 names a square straddling a band edge once, after the band of its centre. The point
  (31.96212°N, 103.004715°W) is "13RFR" for the mgrs package, but the Sentinel-2 archive has no 13/R/FR and
  the ESA tiling-grid KML shows 13SFR there (gis.stackexchange.com/questions/241614).
* Footprint coordinates: Sentinel-2 L1C metadata give a tile's upper-left corner on the 100 km grid and a
  size of 10,980 px × 10 m (e.g. 31UES ULX 500000, ULY 5700000).
"""

from __future__ import annotations

import pyproj
import pytest
from shapely.geometry import Point, box

from worldcereal_qgis.core import mgrs
from worldcereal_qgis.core.errors import InputError

MGRS_PACKAGE = [
    (4.35, 50.85, "31UES"),  # Brussels
    (8.54, 47.37, "32TMT"),  # Zürich
    (-3.70, 40.40, "30TVK"),  # Madrid
    (1.44, 43.60, "31TCJ"),  # Toulouse
    (5.32, 60.39, "32VKN"),  # Bergen: Norway exception, zone 32 west of 6°E
    (10.75, 59.91, "32VNM"),  # Oslo
    (15.65, 78.22, "33XWG"),  # Longyearbyen (Svalbard)
    (20.00, 78.50, "33XXH"),  # Svalbard exception: 33X reaches 21°E (standard zone would be 34)
    (2.50, 60.00, "31VDG"),  # 31V is only 0–3°E
    (3.50, 60.00, "32VJM"),  # 32V starts at 3°E
    (5.90, 50.20, "31UGR"),  # just west of the 6°E zone edge
    (6.10, 50.20, "32UKA"),  # just east of it
    (151.21, -33.87, "56HLH"),  # Sydney
    (179.90, -16.80, "60KZG"),  # Taveuni, west of 180°
    (-179.90, -16.80, "01KAB"),  # Taveuni, east of 180°
    (125.0753, -57.8911, "51EXR"),  # seeded random sample
    (-88.1754, 45.2063, "16TDR"),
    (-18.1837, 1.2523, "27NZB"),
    (103.9396, 26.8309, "48RUQ"),
    (-169.7949, -64.5258, "02DNP"),
    (-24.2043, 56.9983, "26VPJ"),
    (79.7537, -6.9456, "44MLT"),
    (160.2965, -42.4287, "57GXP"),
    (-168.9876, 67.7538, "02WNA"),
    (-42.7669, 73.9326, "23XNC"),
]


@pytest.mark.parametrize(("lon", "lat", "expected"), MGRS_PACKAGE)
def test_tile_id_matches_independent_mgrs_package(lon: float, lat: float, expected: str) -> None:
    assert mgrs.mgrs_tile_id(lon, lat) == expected


def test_square_straddling_a_band_edge_gets_the_sentinel2_name() -> None:
    assert mgrs.mgrs_tile_id(-103.004715, 31.96212) == "13SFR"
    with pytest.raises(InputError, match="'13RFR' is not a Sentinel-2 tile id"):
        mgrs.s2_tile_polygon_utm("13RFR")


@pytest.mark.parametrize(("lon", "lat", "expected"), MGRS_PACKAGE)
def test_footprint_holds_its_point_and_is_a_109_8_km_square(lon: float, lat: float, expected: str) -> None:
    epsg, footprint = mgrs.s2_tile_polygon_utm(expected)
    x, y = pyproj.Transformer.from_crs(4326, epsg, always_xy=True).transform(lon, lat)
    minx, miny, maxx, maxy = footprint.bounds
    assert (maxx - minx, maxy - miny) == (109_800.0, 109_800.0)
    assert minx % 100_000 == 0 and maxy % 100_000 == 0  # upper-left corner on the 100 km grid
    assert footprint.contains(Point(x, y))


def test_brussels_footprints_match_sentinel2_metadata() -> None:
    assert mgrs.s2_tile_polygon_utm("31UES") == (32631, box(500_000, 5_590_200, 609_800, 5_700_000))
    epsg, fs = mgrs.s2_tile_polygon_utm("31UFS")
    assert (epsg, fs.bounds) == (32631, (600_000, 5_590_200, 709_800, 5_700_000))
    region = box(4.25, 50.76, 4.48, 50.92)  # Brussels-Capital Region's extent, roughly
    assert {"31UES", "31UFS"} <= set(mgrs.s2_tiles_for_geometry(region))


@pytest.mark.parametrize(("lon", "lat", "epsg"), [(4.35, 50.85, 32631), (151.21, -33.87, 32756), (15.65, 78.22, 32633)])
def test_epsg_follows_zone_and_hemisphere(lon: float, lat: float, epsg: int) -> None:
    assert mgrs.s2_tile_polygon_utm(mgrs.mgrs_tile_id(lon, lat))[0] == epsg


def test_tiles_for_geometry_include_overlapping_neighbours() -> None:
    # a point 2 km east of 31UES's 600 km line lies in the 9.8 km overlap of 31UES and 31UFS
    lon, lat = pyproj.Transformer.from_crs(32631, 4326, always_xy=True).transform(602_000, 5_650_000)
    assert mgrs.s2_tiles_for_geometry(Point(lon, lat)) == ["31UES", "31UFS"]


def test_tiles_across_the_zone_edge_at_6e() -> None:
    tiles = mgrs.s2_tiles_for_geometry(box(5.95, 50.15, 6.05, 50.25))
    assert {t[:2] for t in tiles} == {"31", "32"}
    assert {"31UGR", "32UKA"} <= set(tiles)


def test_svalbard_has_no_zone_32_34_36_in_band_x() -> None:
    tiles = mgrs.s2_tiles_for_geometry(box(8.0, 78.0, 35.0, 80.0))
    assert tiles and not any(t[:3] in ("32X", "34X", "36X") for t in tiles)
    assert {t[:2] for t in tiles} == {"31", "33", "35", "37"}


def test_antimeridian_geometry_in_either_notation() -> None:
    shifted = box(179.85, -17.05, 180.1, -16.7)
    wrapped = box(-180, -17.05, -179.9, -16.7).union(box(179.85, -17.05, 180, -16.7))
    assert mgrs.s2_tiles_for_geometry(shifted) == mgrs.s2_tiles_for_geometry(wrapped)
    assert {"60KZG", "01KAB"} <= set(mgrs.s2_tiles_for_geometry(shifted))


@pytest.mark.parametrize("bad", ["31UZZ", "3UES", "61UES", "31IES", "31UEZ", "32XMG", ""])
def test_bad_tile_ids_are_input_errors(bad: str) -> None:
    with pytest.raises(InputError, match="is not a Sentinel-2 tile id"):
        mgrs.s2_tile_polygon_utm(bad)


def test_latitude_outside_the_grid_is_refused() -> None:
    with pytest.raises(InputError, match="outside the Sentinel-2 tiling grid"):
        mgrs.mgrs_tile_id(10.0, 85.0)
