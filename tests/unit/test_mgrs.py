"""Sentinel-2 tile ids, footprints and UTM zones from the official tiling grid.

Expected values come from ESA's grid (S2A_OPER_GIP_TILPAR_MPC__20151209T095117_V20150622T000000_21000101T000000_B00),
read through tests/data/s2_grid_centres.npz: every tile's id, land flag and the centre of its official
footprint, computed from the KML's corner coordinates by tools/build_s2_grid.py independently of the plugin's
grid file (see docs/S2_GRID.md). The places below were looked up in that file, none are invented:

* 6.10°E 50.20°N: only 31UGR covers it; pure MGRS says 32UKA, which the grid does not have.
* 35KMP: ESA names the square by its 100 km square's band (K), not by its footprint centre at 24.005°S (J).
* 32V: Bergen (5.32°E) is in zone 32 although west of 6°E; band X has no zones 32/34/36, Svalbard's 33X
  reaches 20°E.
* Footprint corners: ESA's upper-left corners sit 0, 20 or 40 m off the 100 km lines (31UGR: 699,960 /
  5,600,040; 31UES: 499,980 / 5,700,000), as in the products' metadata.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyproj
import pytest
from shapely.geometry import Point, box

from worldcereal_qgis.core import mgrs
from worldcereal_qgis.core.errors import InputError

OFFICIAL = Path(__file__).resolve().parents[1] / "data" / "s2_grid_centres.npz"


@pytest.fixture(scope="module")
def official() -> dict[str, np.ndarray]:
    with np.load(OFFICIAL) as data:
        return {key: data[key] for key in data.files}


def _official_epsg(tile_id: str) -> int:
    return (32600 if tile_id[2] >= "N" else 32700) + int(tile_id[:2])


def test_every_land_tile_of_the_official_grid_is_named_with_its_epsg_at_its_centre(official) -> None:
    land = official["land"]
    ids = official["ids"][land]
    assert len(ids) == 20_430  # the official grid's land tiles (of 56,686)
    named = mgrs.tile_ids_for_points(official["lon"][land], official["lat"][land])
    wrong = [(want, got) for want, got in zip(ids.tolist(), named) if want != got]
    assert wrong == []
    epsgs = {tid: mgrs.s2_tile_polygon_utm(tid)[0] for tid in ids.tolist()}
    assert [t for t, e in epsgs.items() if e != _official_epsg(t)] == []


def test_the_plugin_knows_exactly_the_official_tile_ids(official) -> None:
    for tile_id in official["ids"][::97].tolist():  # a spread sample; the whole set is checked above for land
        assert mgrs.parse_tile_id(tile_id).tile_id == tile_id


def test_zone_edge_point_belongs_to_31ugr_not_to_a_phantom_32uka() -> None:
    assert mgrs.mgrs_tile_id(6.10, 50.20) == "31UGR"
    assert mgrs.s2_tile_polygon_utm("31UGR")[0] == 32631
    with pytest.raises(InputError, match="'32UKA' is not a Sentinel-2 tile id"):
        mgrs.parse_tile_id("32UKA")
    assert mgrs.s2_tiles_for_geometry(box(5.95, 50.15, 6.05, 50.25)) == ["31UGR"]


def test_band_letter_at_24_south_is_the_100km_squares(official) -> None:
    i = official["ids"].tolist().index("35KMP")
    lon, lat = official["lon"][i], official["lat"][i]
    assert lat < -24.0  # the footprint centre lies in band J ...
    assert mgrs.mgrs_tile_id(lon, lat) == "35KMP"  # ... the tile is K, as ESA names it
    with pytest.raises(InputError):
        mgrs.parse_tile_id("35JMP")


@pytest.mark.parametrize(("lon", "lat", "tile", "epsg"), [
    (5.32, 60.39, "32VKM", 32632),  # Bergen: zone 32 west of 6°E (32V exception)
    (10.75, 59.91, "32VNM", 32632),  # Oslo
    (2.50, 60.00, "31VDG", 32631),  # 31V is only 0–3°E
    (20.00, 78.50, "33XXG", 32633),  # Svalbard: 33X reaches 21°E
    (8.00, 79.00, "31XFG", 32631),  # 31X reaches 9°E
])
def test_norway_and_svalbard_exceptions(lon: float, lat: float, tile: str, epsg: int) -> None:
    assert mgrs.mgrs_tile_id(lon, lat) == tile
    assert mgrs.s2_tile_polygon_utm(tile)[0] == epsg


def test_band_x_has_no_zone_32_34_36(official) -> None:
    x_zones = {t[:2] for t in official["ids"].tolist() if t[2] == "X"}
    assert {"32", "34", "36"}.isdisjoint(x_zones) and {"31", "33", "35", "37"} <= x_zones
    tiles = mgrs.s2_tiles_for_geometry(box(8.0, 78.0, 35.0, 80.0))
    assert tiles and {t[:2] for t in tiles} == {"31", "33", "35", "37"}


def test_footprints_are_the_official_squares() -> None:
    assert mgrs.s2_tile_polygon_utm("31UGR") == (32631, box(699_960, 5_490_240, 809_760, 5_600_040))
    assert mgrs.s2_tile_polygon_utm("31UES")[1].bounds == (499_980, 5_590_200, 609_780, 5_700_000)


def test_tiles_for_geometry_include_overlapping_neighbours() -> None:
    # 2 km east of 31UES's 600 km line: inside the overlap of 31UES and 31UFS
    lon, lat = pyproj.Transformer.from_crs(32631, 4326, always_xy=True).transform(602_000, 5_650_000)
    assert mgrs.s2_tiles_for_geometry(Point(lon, lat)) == ["31UES", "31UFS"]


def test_antimeridian_geometry_in_either_notation() -> None:
    shifted = box(179.85, -17.05, 180.1, -16.7)
    wrapped = box(-180, -17.05, -179.9, -16.7).union(box(179.85, -17.05, 180, -16.7))
    assert mgrs.s2_tiles_for_geometry(shifted) == mgrs.s2_tiles_for_geometry(wrapped) == ["01KAB", "60KYG"]
    assert mgrs.mgrs_tile_id(179.9, -16.8) == mgrs.mgrs_tile_id(-179.9, -16.8) == "01KAB"


@pytest.mark.parametrize("bad", ["31UZZ", "3UES", "61UES", "31IES", "31UEZ", "32XMG", "60KZG", ""])
def test_bad_tile_ids_are_input_errors(bad: str) -> None:
    with pytest.raises(InputError, match="is not a Sentinel-2 tile id"):
        mgrs.s2_tile_polygon_utm(bad)


def test_latitude_outside_the_grid_is_refused() -> None:
    with pytest.raises(InputError, match="outside the Sentinel-2 tiling grid"):
        mgrs.mgrs_tile_id(10.0, 85.0)
    with pytest.raises(InputError, match="outside the Sentinel-2 tiling grid"):
        mgrs.mgrs_tile_id(10.0, -84.5)


def test_nearest_centre_is_exact_including_across_180(official) -> None:
    """The tree search against a brute-force scan of the official centres (degrees, wrapped at 180°)."""
    rng = np.random.default_rng(18)
    lon = np.concatenate([rng.uniform(-180, 180, 1500), rng.uniform(178, 180, 250), rng.uniform(-180, -178, 250)])
    lat = np.concatenate([rng.uniform(-84, 84.5, 1500), rng.uniform(60, 84.5, 500)])
    named = mgrs.tile_ids_for_points(lon, lat)
    row = {tid: i for i, tid in enumerate(official["ids"].tolist())}
    for x, y, got in zip(lon, lat, named):
        dist = np.hypot((official["lon"] - x + 180.0) % 360.0 - 180.0, official["lat"] - y)
        assert dist[row[got]] == pytest.approx(dist.min(), abs=1e-5)
