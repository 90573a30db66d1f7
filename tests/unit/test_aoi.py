"""AOI: any CRS in, lon/lat bbox and a true area out, and a precise message for every unusable AOI."""

from __future__ import annotations

import math
import random

import pyproj
import pytest
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from worldcereal_qgis.core.aoi import Aoi, utm_epsg_for
from worldcereal_qgis.core.errors import InputError


def _utm_square(epsg: int, x0: float, y0: float, size_m: float) -> Aoi:
    return Aoi.from_bbox(x0, y0, x0 + size_m, y0 + size_m, crs=f"EPSG:{epsg}", name="square")


@pytest.mark.parametrize(
    ("epsg", "x0", "y0"),
    [
        (32631, 500_000, 5_600_000),  # Belgium, on the central meridian
        (32631, 650_000, 5_600_000),  # Belgium, towards the zone edge
        (32736, 300_000, 8_000_000),  # Zambia, southern hemisphere
        (32614, 420_000, 4_400_000),  # Kansas
        (32651, 380_000, 3_500_000),  # China
    ],
)
def test_20km_square_built_in_utm_is_400_km2(epsg, x0, y0):
    aoi = _utm_square(epsg, x0, y0, 20_000)
    assert aoi.utm_epsg == epsg
    assert aoi.area_km2 == pytest.approx(400.0, rel=0.005)


def test_area_agrees_with_geodesic_area():
    aoi = Aoi.from_bbox(-60.5, -31.2, -60.2, -31.0)  # Argentina, lon/lat box
    geod = pyproj.Geod(ellps="WGS84")
    geodesic_km2 = abs(geod.geometry_area_perimeter(shapely.segmentize(aoi.geometry, 0.01))[0]) / 1e6
    assert aoi.area_km2 == pytest.approx(geodesic_km2, rel=0.002)


def test_geometry_is_lonlat_and_bbox_covers_the_projected_aoi():
    aoi = _utm_square(32631, 500_000, 5_600_000, 20_000)
    west, south, east, north = aoi.bbox
    assert 2.9 < west < 3.0 + 1e-9 < east < 3.4
    assert 50.5 < south < north < 50.8
    # The bbox sent to openEO contains every point of the UTM square's outline (edges curve in lon/lat).
    to_lonlat = pyproj.Transformer.from_crs(32631, 4326, always_xy=True)
    extent = Aoi.from_bbox(500_000, 5_600_000, 520_000, 5_620_000, crs="EPSG:32631").spatial_extent()
    for x in range(500_000, 520_001, 1_000):
        for y in (5_600_000, 5_620_000):
            lon, lat = to_lonlat.transform(x, y)
            assert extent["west"] - 1e-9 <= lon <= extent["east"] + 1e-9  # 1e-9° = 0.1 mm of float noise
            assert extent["south"] - 1e-9 <= lat <= extent["north"] + 1e-9


def test_spatial_extent_is_rounded_outwards_and_in_epsg4326():
    aoi = Aoi.from_bbox(3.1234567891, 50.9876543219, 3.2000004, 51.0)
    extent = aoi.spatial_extent()
    assert extent == {"west": 3.123456, "south": 50.987654, "east": 3.200001, "north": 51.0, "crs": "EPSG:4326"}


def test_wkt_in_other_crs_and_proj_string():
    wkt = "POLYGON ((500000 5600000, 510000 5600000, 510000 5610000, 500000 5610000, 500000 5600000))"
    by_code = Aoi.from_wkt(wkt, crs="EPSG:32631")
    by_proj = Aoi.from_wkt(wkt, crs="+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs")
    by_wkt2 = Aoi.from_wkt(wkt, crs=pyproj.CRS.from_epsg(32631).to_wkt())
    for aoi in (by_proj, by_wkt2):
        assert aoi.bbox == pytest.approx(by_code.bbox, abs=1e-9)
    assert by_code.area_km2 == pytest.approx(100.0, rel=0.005)


def test_lonlat_axis_order_is_lon_first():
    aoi = Aoi.from_wkt("POLYGON ((5 45, 5.1 45, 5.1 45.1, 5 45.1, 5 45))")
    assert aoi.bbox == pytest.approx((5.0, 45.0, 5.1, 45.1))
    assert aoi.utm_epsg == 32631


def test_wkt_round_trip_is_exact():
    aoi = Aoi.from_bbox(500_123.4, 5_600_000.1, 512_000, 5_611_000, crs="EPSG:32631", name="field")
    again = Aoi.from_wkt(aoi.to_wkt(), name="field")
    assert again == aoi


@pytest.mark.parametrize(
    ("lon", "lat", "epsg"),
    [(3.2, 50.9, 32631), (-58.4, -34.6, 32721), (179.9, 10, 32660), (-180, 0, 32601), (36.8, -1.3, 32737)],
)
def test_utm_zone(lon, lat, epsg):
    assert utm_epsg_for(lon, lat) == epsg


def test_unknown_crs_names_the_crs():
    with pytest.raises(InputError) as info:
        Aoi.from_bbox(0, 0, 1, 1, crs="EPSG:999999")
    assert info.value.field == "crs"
    assert "EPSG:999999" in str(info.value)
    assert "Unknown coordinate reference system" in str(info.value)


def test_bad_wkt_is_an_input_error():
    with pytest.raises(InputError, match="not valid WKT") as info:
        Aoi.from_wkt("POLYGON ((0 0, 1 1")
    assert info.value.field == "aoi"


def test_inverted_bbox():
    with pytest.raises(InputError, match="west must be smaller than east"):
        Aoi.from_bbox(3.2, 50, 3.0, 50.1)


def _message(aoi: Aoi, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        aoi.validate(**kwargs)
    assert info.value.field == "aoi"
    return str(info.value)


def test_empty_aoi():
    assert "empty" in _message(Aoi(Polygon()))


def test_self_intersecting_aoi_says_so():
    bowtie = Polygon([(3.0, 50.0), (3.1, 50.1), (3.1, 50.0), (3.0, 50.1), (3.0, 50.0)])
    message = _message(Aoi(bowtie))
    assert "self-intersecting" in message
    assert "3.05 50.05" in message  # where it crosses


@pytest.mark.parametrize("geom", [Point(3, 50), LineString([(3, 50), (3.1, 50.1)])])
def test_non_polygon_aoi(geom):
    message = _message(Aoi(geom))
    assert "must be a polygon" in message
    assert geom.geom_type in message


def test_antimeridian_crossing_in_lonlat_is_split_at_180_with_a_wrapped_bbox():
    aoi = Aoi.from_bbox(179.9, -17.0, 180.1, -16.9)
    assert aoi.geometry.geom_type == "MultiPolygon"
    assert sorted(p.bounds for p in aoi.geometry.geoms) == [(-180.0, -17.0, -179.9, -16.9),
                                                             (179.9, -17.0, 180.0, -16.9)]
    assert aoi.bbox == pytest.approx((179.9, -17.0, -179.9, -16.9))
    assert aoi.crosses_antimeridian
    assert aoi.area_km2 == pytest.approx(2 * 0.1 * 111.32 * math.cos(math.radians(16.95)) * 0.1 * 110.6, rel=0.01)
    aoi.validate(max_area_km2=math.inf)  # valid as a tiled run ...
    assert "runs as tiles" in _message(aoi)  # ... not as one job
    with pytest.raises(InputError, match=r"crosses the antimeridian .* one openEO job cannot take; it runs as tiles"):
        aoi.spatial_extent()


def test_bbox_with_west_greater_than_east_is_an_area_across_180():
    aoi = Aoi.from_bbox(178.0, -17.3, -179.7, -16.1)  # Vanua Levu + Taveuni
    assert aoi.bbox == pytest.approx((178.0, -17.3, -179.7, -16.1))
    assert aoi.utm_epsg in (32760, 32701)
    assert aoi.area_km2 == pytest.approx(Aoi(box(178.0, -17.3, 180.0, -16.1)).area_km2
                                         + Aoi(box(-180.0, -17.3, -179.7, -16.1)).area_km2, rel=0.01)


def test_country_split_at_180_keeps_its_real_bbox():
    fiji = Aoi(MultiPolygon([box(177.0, -19.0, 180.0, -16.0), box(-180.0, -17.0, -178.5, -16.5)]))
    assert fiji.bbox == (177.0, -19.0, -178.5, -16.0)  # not -180..180, the median of a whole latitude band
    plain = Aoi(MultiPolygon([box(3.0, 50.0, 3.1, 50.1), box(5.0, 50.0, 5.1, 50.1)]))
    assert plain.bbox == (3.0, 50.0, 5.1, 50.1) and not plain.crosses_antimeridian


def test_a_latitude_band_around_the_globe_is_not_read_as_crossing_180():
    band = Aoi.from_bbox(-180.0, 40.0, 180.0, 41.0)
    assert band.bbox == (-180.0, 40.0, 180.0, 41.0) and not band.crosses_antimeridian
    assert band.area_km2 > 0


def test_antimeridian_crossing_from_a_projected_crs():
    # Fiji in EPSG:3832 (PDC Mercator, central meridian 150°E): the square straddles 180° seamlessly there.
    x180 = pyproj.Transformer.from_crs(4326, 3832, always_xy=True).transform(180.0, -17.0)[0]
    aoi = Aoi.from_bbox(x180 - 5_000, -1_900_000, x180 + 5_000, -1_890_000, crs="EPSG:3832")
    west, _, east, _ = aoi.bbox
    assert 179.9 < west < 180.0 and -180.0 < east < -179.9
    assert aoi.area_km2 == pytest.approx(100.0, rel=0.1)  # 10 x 10 km in Mercator at 17°S: ~ 91 km²


def test_outside_lonlat_range_hints_at_the_crs():
    # UTM metres given as if they were degrees.
    message = _message(Aoi.from_bbox(500_000, 5_600_000, 510_000, 5_610_000))
    assert "outside the longitude/latitude range" in message
    assert "coordinate reference system" in message


def test_over_the_area_limit_gives_area_and_limit_and_says_tile():
    aoi = _utm_square(32631, 500_000, 5_600_000, 60_000)  # 3600 km²
    message = _message(aoi)
    assert "3,600 km²" in message
    assert "2,500 km²" in message
    assert "tiled" in message
    assert "1,000 km²" in _message(_utm_square(32631, 500_000, 5_600_000, 40_000), max_area_km2=1000)


def test_valid_multipolygon_under_the_limit_passes():
    aoi = Aoi(MultiPolygon([box(3.0, 50.0, 3.1, 50.1), box(3.2, 50.0, 3.3, 50.1)]))
    aoi.validate()
    geod = pyproj.Geod(ellps="WGS84")
    parts = [abs(geod.geometry_area_perimeter(shapely.segmentize(p, 0.01))[0]) / 1e6 for p in aoi.geometry.geoms]
    assert aoi.area_km2 == pytest.approx(sum(parts), rel=0.002)


def test_random_small_aois_worldwide_validate_and_measure_consistently():
    rng = random.Random(42)
    for _ in range(200):
        lon, lat = rng.uniform(-177, 177), rng.uniform(-75, 75)
        epsg = utm_epsg_for(lon, lat)
        to_utm = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)
        x, y = to_utm.transform(lon, lat)
        side = rng.uniform(1_000, 45_000)
        aoi = Aoi.from_bbox(x, y, x + side, y + side, crs=f"EPSG:{epsg}")
        aoi.validate()
        assert aoi.area_km2 == pytest.approx(side * side / 1e6, rel=0.005)
