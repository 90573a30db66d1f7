"""Large-area tiling: the library's production-grid rule, exact single coverage, names, zones, edge cases.

Expected S2 tile ids are tiles of ESA's official grid (tests/data/s2_grid_centres.npz, see test_mgrs.py) that
cover each area; which of them a piece goes to follows the library's nearest-centre (Voronoi) rule. Expected
tile bounds are derived from the rule (grid from the lower-left corner of AOI ∩ S2 cell, 20 km steps), using
AOIs drawn in UTM so the arithmetic is checkable by hand.
"""

from __future__ import annotations

import itertools
import math
import re
import time

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import MultiPolygon, Point, box
from shapely.geometry.base import BaseGeometry

from worldcereal_qgis.core import mgrs, tiling
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.credits import DEFAULT_RATES
from worldcereal_qgis.core.errors import CancelledError, InputError


def from_utm(geom: BaseGeometry, epsg: int) -> BaseGeometry:
    """An AOI drawn in UTM, as the lon/lat polygon a user would pass (densified every 500 m)."""
    tr = pyproj.Transformer.from_crs(epsg, 4326, always_xy=True)
    dense = shapely.segmentize(geom, 500.0)
    return shapely.transform(dense, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


def assert_single_coverage(tiles: list[tiling.Tile], aoi: BaseGeometry) -> None:
    """Union of tiles == AOI, and tiles do not overlap (relative tolerance 1e-7 of the AOI area)."""
    target = shapely.union_all(mgrs.split_antimeridian(aoi))
    union = shapely.union_all([t.geometry_4326 for t in tiles])
    assert union.symmetric_difference(target).area < 1e-7 * target.area
    assert sum(t.geometry_4326.area for t in tiles) == pytest.approx(target.area, rel=1e-7)
    for a, b in itertools.combinations(tiles, 2):
        assert a.geometry_4326.intersection(b.geometry_4326).area < 1e-7 * target.area, (a.name, b.name)


def assert_bounds(tile: tiling.Tile, expected: tuple[float, float, float, float]) -> None:
    assert tile.bounds_utm == pytest.approx(expected, abs=1.0), tile.name


# --- the library's grid ---------------------------------------------------------------------------------------


X0, Y0 = 561_234.0, 5_621_500.0  # off the 20 km multiples, so a grid anchored elsewhere would show


def test_grid_starts_at_lower_left_and_numbers_columns_first() -> None:
    aoi = from_utm(box(X0, Y0, X0 + 39_900, Y0 + 39_900), 32631)  # inside 31UES's cell (Brussels)
    tiles = tiling.plan_tiles(aoi, "bxl")
    assert [t.name for t in tiles] == ["bxl_31UES_0", "bxl_31UES_1", "bxl_31UES_2", "bxl_31UES_3"]
    assert {t.epsg for t in tiles} == {32631}
    assert_bounds(tiles[0], (X0, Y0, X0 + 20_000, Y0 + 20_000))
    assert_bounds(tiles[1], (X0, Y0 + 20_000, X0 + 20_000, Y0 + 39_900))
    assert_bounds(tiles[2], (X0 + 20_000, Y0, X0 + 39_900, Y0 + 20_000))
    assert_bounds(tiles[3], (X0 + 20_000, Y0 + 20_000, X0 + 39_900, Y0 + 39_900))
    assert [round(t.area_km2, 1) for t in tiles] == [400.0, 398.0, 398.0, 396.0]
    assert_single_coverage(tiles, aoi)


def test_numbers_count_only_cells_that_touch_the_aoi() -> None:
    l_shape = box(X0, Y0, X0 + 39_900, Y0 + 19_900).union(box(X0, Y0, X0 + 19_900, Y0 + 39_900))
    tiles = tiling.plan_tiles(from_utm(l_shape, 32631), "L")
    assert [t.name for t in tiles] == ["L_31UES_0", "L_31UES_1", "L_31UES_2"]
    assert_bounds(tiles[2], (X0 + 20_000, Y0, X0 + 39_900, Y0 + 19_900))


def test_slivers_narrower_than_100_m_merge_into_their_neighbour() -> None:
    aoi = from_utm(box(X0, Y0, X0 + 40_050, Y0 + 39_900), 32631)  # 3rd column would be 50 m wide
    tiles = tiling.plan_tiles(aoi, "s")
    assert [t.name for t in tiles] == ["s_31UES_0", "s_31UES_1", "s_31UES_2", "s_31UES_3"]
    assert_bounds(tiles[2], (X0 + 20_000, Y0, X0 + 40_050, Y0 + 20_000))
    assert_bounds(tiles[3], (X0 + 20_000, Y0 + 20_000, X0 + 40_050, Y0 + 39_900))
    assert all(min(t.bounds_utm[2] - t.bounds_utm[0], t.bounds_utm[3] - t.bounds_utm[1]) >= 100 for t in tiles)
    assert_single_coverage(tiles, aoi)


def test_merge_picks_the_longest_shared_edge_and_keeps_slivers_without_a_neighbour() -> None:
    tall = tiling._Cell("31UES", 32631, 0, box(0, 0, 1000, 1000))
    short = tiling._Cell("31UES", 32631, 1, box(0, 1000, 300, 1050))  # 50 m high sliver on top
    other_zone = tiling._Cell("32UKA", 32632, 0, box(0, 1050, 50, 1100))  # alone in its zone
    merged = tiling.merge_slivers([tall, short, other_zone])
    assert [(c.mgrs_tile, c.index) for c in merged] == [("31UES", 0), ("32UKA", 0)]
    assert merged[0].geom.area == pytest.approx(1000 * 1000 + 300 * 50)


def test_tile_size_sets_the_grid_step() -> None:
    aoi = from_utm(box(X0, Y0, X0 + 39_900, Y0 + 39_900), 32631)
    tiles = tiling.plan_tiles(aoi, "big", tile_size_km=50)
    assert [t.name for t in tiles] == ["big_31UES_0"]
    assert_bounds(tiles[0], (X0, Y0, X0 + 39_900, Y0 + 39_900))


# --- places, zones, hemispheres -------------------------------------------------------------------------------


def test_zone_edge_overhang_stays_in_zone_31_as_in_the_official_grid() -> None:
    aoi = box(5.6, 50.0, 6.45, 50.36)  # ~60 x 40 km, like the end-to-end case, up to 0.45° east of 6°E
    tiles = tiling.plan_tiles(aoi, "edge")
    # 31UGR reaches 7.4°E; S2 has no 32UKA/32UKB, so nothing here is planned in zone 32 (the library's answer)
    assert {(t.mgrs_tile, t.epsg) for t in tiles} == {("31UFR", 32631), ("31UGR", 32631)}
    assert_single_coverage(tiles, aoi)


def test_aoi_across_the_6e_zone_edge_is_tiled_in_both_zones() -> None:
    aoi = box(5.6, 50.0, 7.0, 50.36)
    tiles = tiling.plan_tiles(aoi, "edge")
    assert {(t.mgrs_tile, t.epsg) for t in tiles} == {("31UFR", 32631), ("31UGR", 32631), ("32ULA", 32632)}
    for t in tiles:
        assert re.fullmatch(rf"edge_{t.mgrs_tile}_\d+", t.name)
        epsg, footprint = mgrs.s2_tile_polygon_utm(t.mgrs_tile)
        assert t.epsg == epsg
        assert t.geometry_utm.difference(footprint).area < 1.0  # every tile lies in its S2 tile
        assert t.bounds_utm == pytest.approx(t.geometry_utm.bounds)
    assert len({t.name for t in tiles}) == len(tiles)
    assert sum(t.area_km2 for t in tiles) == pytest.approx(Aoi(aoi).area_km2, rel=2e-3)
    assert_single_coverage(tiles, aoi)


def test_norway_exception_tiles_bergen_in_zone_32() -> None:
    aoi = box(5.0, 60.2, 5.6, 60.5)  # west of 6°E, standard zone would be 31
    tiles = tiling.plan_tiles(aoi, "bergen")
    assert {t.epsg for t in tiles} == {32632}
    assert {t.mgrs_tile for t in tiles} == {"32VKM", "32VKN", "32VLM", "32VLN"}
    assert all(t.mgrs_tile.startswith("32V") for t in tiles)
    assert_single_coverage(tiles, aoi)


def test_svalbard_exception_tiles_in_zone_33() -> None:
    aoi = box(15.3, 78.1, 16.0, 78.3)  # Longyearbyen
    tiles = tiling.plan_tiles(aoi, "lyr")
    assert {(t.mgrs_tile, t.epsg) for t in tiles} == {("33XWG", 32633)}
    assert_single_coverage(tiles, aoi)


def test_southern_hemisphere_uses_utm_south() -> None:
    aoi = box(150.9, -34.0, 151.3, -33.7)  # Sydney
    tiles = tiling.plan_tiles(aoi, "syd")
    assert {t.epsg for t in tiles} == {32756}
    assert "56HLH" in {t.mgrs_tile for t in tiles}
    assert all(6_000_000 < t.bounds_utm[1] < 6_400_000 for t in tiles)  # false northing 10,000 km
    assert_single_coverage(tiles, aoi)


@pytest.mark.parametrize(
    "aoi",
    [
        box(178.0, -17.3, 180.3, -16.1),  # Vanua Levu and Taveuni (Fiji), longitudes beyond 180
        shapely.Polygon([(178.0, -17.3), (-179.7, -17.3), (-179.7, -16.1), (178.0, -16.1)]),  # wrapped
        MultiPolygon([box(178.0, -17.3, 180.0, -16.1), box(-180.0, -17.3, -179.7, -16.1)]),  # split at 180
    ],
    ids=["beyond-180", "wrapped", "split"],
)
def test_antimeridian_aoi_is_split_at_180(aoi: BaseGeometry) -> None:
    tiles = tiling.plan_tiles(aoi, "fiji")
    assert {t.epsg for t in tiles} == {32760, 32701}
    assert {t.mgrs_tile for t in tiles} == {"01KAA", "01KAB", "01KBA", "01KBB", "01LAC", "01LBC",
                                            "60KXF", "60KXG", "60KYF", "60KYG", "60LXH", "60LYH"}
    for t in tiles:  # each tile job gets a valid bbox on one side of 180°
        extent = Aoi(t.geometry_4326, t.name).spatial_extent()
        assert -180.0 <= extent["west"] < extent["east"] <= 180.0 and extent["east"] - extent["west"] < 1.0
    sides = {t.geometry_4326.bounds[0] >= 0 for t in tiles}
    assert sides == {True, False}
    assert_single_coverage(tiles, aoi)
    expected_km2 = sum(Aoi(p).area_km2 for p in mgrs.split_antimeridian(aoi))
    assert sum(t.area_km2 for t in tiles) == pytest.approx(expected_km2, rel=2e-3)


def test_multipolygon_parts_far_apart() -> None:
    aoi = MultiPolygon([box(4.2, 50.7, 4.4, 50.9), box(8.4, 47.3, 8.6, 47.45)])  # Brussels, Zürich
    tiles = tiling.plan_tiles(aoi, "two")
    assert {t.mgrs_tile for t in tiles} == {"31UES", "32TMT"}
    assert_single_coverage(tiles, aoi)


def test_band_edge_square_carries_the_sentinel2_name() -> None:
    tiles = tiling.plan_tiles(Point(-103.004715, 31.96212).buffer(0.05), "tx")
    assert {t.mgrs_tile for t in tiles} == {"13SFR"}


# --- features, validation, cancellation -----------------------------------------------------------------------


def test_plan_features_names_each_feature_and_refuses_duplicates() -> None:
    features = [("Field A", box(4.2, 50.7, 4.3, 50.8)), ("north/B", box(4.2, 50.85, 4.3, 50.9))]
    tiles = tiling.plan_features(features)
    assert {t.name.rsplit("_", 2)[0] for t in tiles} == {"Field_A", "north_B"}
    with pytest.raises(InputError, match="share the name 'x'"):
        tiling.plan_features([("x", box(4.2, 50.7, 4.3, 50.8)), ("x", box(5, 50, 5.1, 50.1))])


@pytest.mark.parametrize(
    ("geom", "size", "message"),
    [
        (Point(4, 50), 20, "must be a polygon or multipolygon, not a Point"),
        (shapely.Polygon(), 20, "is empty"),
        (box(10, 84.2, 11, 84.6), 20, "outside the Sentinel-2 tiling grid"),
        (box(4.2, 50.7, 4.3, 50.8), 0, "tile size must be between 1 and 200 km, not 0 km"),
    ],
)
def test_bad_input_is_one_clear_sentence(geom: BaseGeometry, size: float, message: str) -> None:
    with pytest.raises(InputError, match=message):
        tiling.plan_tiles(geom, "aoi", size)


def test_invalid_self_touching_polygon_is_repaired() -> None:
    bowtie = shapely.Polygon([(4.2, 50.7), (4.4, 50.9), (4.4, 50.7), (4.2, 50.9)])
    tiles = tiling.plan_tiles(bowtie, "bow")
    assert_single_coverage(tiles, shapely.make_valid(bowtie))


def test_cancel_raises() -> None:
    with pytest.raises(CancelledError, match="cancelled"):
        tiling.plan_tiles(box(4.2, 50.7, 4.6, 51.0), "c", is_cancelled=lambda: True)


# --- bounded planning (#16) -------------------------------------------------------------------------------------


def test_a_continent_is_refused_from_its_area_in_one_sentence_before_any_tiling(monkeypatch) -> None:
    from worldcereal_qgis.core import plan_bounds

    monkeypatch.setattr(tiling, "_pieces_utm", lambda *a: pytest.fail("planned although the bound was broken"))
    africa = box(-17.5, -34.8, 51.3, 37.3)  # Africa's bounding box, ~ 56 million km²
    started = time.perf_counter()
    area = plan_bounds.area_km2(africa)
    with pytest.raises(InputError) as info:
        plan_bounds.check_plan_bounds(area, 20.0, max_credits=1000.0, rates=DEFAULT_RATES)
    assert time.perf_counter() - started < 5.0
    assert str(info.value) == (
        f"The area of interest covers {area:,.0f} km²: as tiles of 20 km that is at least "
        f"{math.ceil(area / 400):,} jobs and {area * 0.16 + 2.0 * math.ceil(area / 400):,.0f} credits, more than "
        "the 1,000 jobs one tiled run may hold; choose a smaller area or larger tiles.")
    assert 55e6 < area < 58e6  # equal-area km² (the box, not the continent's land)


def test_credit_bound_names_the_limit_and_how_to_raise_it() -> None:
    from worldcereal_qgis.core import plan_bounds

    with pytest.raises(InputError, match=r"more than the 500 credits allowed; choose a smaller area or raise "
                                         r"MAX_CREDITS\."):
        plan_bounds.check_plan_bounds(10_000.0, 20.0, max_credits=500.0, rates=DEFAULT_RATES,
                                      raise_hint="raise MAX_CREDITS")
    est = plan_bounds.check_plan_bounds(1_000.0, 20.0, max_credits=500.0, rates=DEFAULT_RATES)
    assert (est.min_jobs, est.min_credits) == (3, pytest.approx(1_000 * 0.16 + 3 * 2.0))


def test_bound_never_refuses_what_the_exact_plan_accepts() -> None:
    from worldcereal_qgis.core import plan_bounds
    from worldcereal_qgis.core.credits import estimate_map_credits

    aoi = box(4.2, 50.6, 5.0, 51.0)  # Brussels-Leuven, ~ 2,500 km²
    tiles = tiling.plan_tiles(aoi, "b", 20.0)
    est = plan_bounds.estimate_plan(plan_bounds.area_km2(aoi), 20.0, DEFAULT_RATES)
    exact_high = sum(estimate_map_credits(t.area_km2, DEFAULT_RATES)[1] for t in tiles)
    assert est.min_jobs <= len(tiles) and est.min_credits <= exact_high


def test_planning_reports_progress_and_stops_when_cancelled() -> None:
    seen: list[float] = []
    tiling.plan_tiles(box(4.0, 50.0, 6.5, 51.0), "p", 20.0, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 100.0 and len(seen) > 3
    calls = iter([False, False, False, True])
    with pytest.raises(CancelledError, match="Tile planning was cancelled"):
        tiling.plan_tiles(box(4.0, 50.0, 6.5, 51.0), "p", 20.0, is_cancelled=lambda: next(calls))
