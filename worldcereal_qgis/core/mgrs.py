"""MGRS / Sentinel-2 tile geometry computed from the grid definition (no grid file to download).

Why computed: the library downloads ``s2grid_voronoi_4326.parquet`` at run time; the plugin must plan offline
and fast. The grid is fully defined by:

* UTM zones of 6° with the exceptions S2 uses: 31V = 0–3°E and 32V = 3–12°E (56–64°N); in band X (72–84°N)
  31X = 0–9°E, 33X = 9–21°E, 35X = 21–33°E, 37X = 33–42°E and no 32X/34X/36X.
* Latitude bands C..X (8°, X is 12°), 80°S to 84°N.
* 100 km squares with set-based letters: columns A–H / J–R / S–Z by ``zone % 3``, rows A–V (no I, O) repeating
  every 2,000 km, even zones offset by 5 letters (the WGS84 "AA" scheme).
* A Sentinel-2 tile is a 109.8 km square whose upper-left corner is the upper-left corner of its 100 km
  square (e.g. 31UES: x 500,000–609,800, y 5,590,200–5,700,000 in EPSG:32631).

A 100 km square that straddles two latitude bands is ONE Sentinel-2 tile, named after the band of its
footprint centre (13SFR exists, 13RFR does not, although a point at 31.96°N is MGRS "13RFR"). Pure MGRS
converters therefore differ from these ids near band edges; the ids here are the ones S2 products carry.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyproj
import shapely
from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

from .errors import InputError

BANDS = "CDEFGHJKLMNPQRSTUVWX"
_COLUMN_SETS = ("STUVWXYZ", "ABCDEFGH", "JKLMNPQR")  # indexed by zone % 3
_ROW_LETTERS = "ABCDEFGHJKLMNPQRSTUV"
SQUARE_M = 100_000.0
S2_TILE_M = 109_800.0
S2_OVERLAP_M = S2_TILE_M - SQUARE_M
LAT_MIN, LAT_MAX = -80.0, 84.0
_FALSE_NORTHING_S = 10_000_000.0
_DENSIFY_DEG = 0.005  # ~550 m: lon/lat edges stay straight enough after projection (error << 1 m)
_KM_PER_DEG = 111.32


@dataclass(frozen=True)
class S2Tile:
    """One Sentinel-2 tile: UTM zone, hemisphere and 100 km square indices (easting, northing / 100 km)."""

    tile_id: str
    zone: int
    north: bool
    e_idx: int
    n_idx: int

    @property
    def epsg(self) -> int:
        return (32600 if self.north else 32700) + self.zone

    @property
    def footprint_utm(self) -> Polygon:
        x0, y1 = self.e_idx * SQUARE_M, (self.n_idx + 1) * SQUARE_M
        return box(x0, y1 - S2_TILE_M, x0 + S2_TILE_M, y1)


# --- zones and bands ---------------------------------------------------------------------------------------


def zone_spans(zone: int) -> list[tuple[float, float, float, float]]:
    """(lat0, lat1, lon0, lon1) rectangles that make up ``zone``, with the Norway/Svalbard exceptions."""
    lon0 = -180.0 + 6.0 * (zone - 1)
    default = (lon0, lon0 + 6.0)
    norway = {31: (0.0, 3.0), 32: (3.0, 12.0)}.get(zone, default)
    svalbard = {31: (0.0, 9.0), 33: (9.0, 21.0), 35: (21.0, 33.0), 37: (33.0, 42.0)}.get(zone, default)
    spans = [(LAT_MIN, 56.0, *default), (56.0, 64.0, *norway), (64.0, 72.0, *default)]
    if zone not in (32, 34, 36):
        spans.append((72.0, LAT_MAX, *svalbard))
    return spans


def utm_zone(lon: float, lat: float) -> int:
    """UTM zone of a point, with the exceptions (lon in -180..180)."""
    lon = ((lon + 180.0) % 360.0) - 180.0
    zone = min(int((lon + 180.0) // 6.0) + 1, 60)
    for candidate in (zone - 1, zone, zone + 1):
        for lat0, lat1, lon0, lon1 in zone_spans(candidate) if 1 <= candidate <= 60 else ():
            if lat0 <= lat < lat1 + (lat1 == LAT_MAX) and lon0 <= lon < lon1:
                return candidate
    return zone


def band_letter(lat: float) -> str:
    """Latitude band C..X (clamped at the grid's ends)."""
    index = int((min(max(lat, LAT_MIN), LAT_MAX) - LAT_MIN) // 8.0)
    return BANDS[min(index, len(BANDS) - 1)]


def _zone_has_band(zone: int, band: str) -> bool:
    return not (band == "X" and zone in (32, 34, 36))


def _band_lat_range(band: str) -> tuple[float, float]:
    i = BANDS.index(band)
    return LAT_MIN + 8.0 * i, LAT_MAX if band == "X" else LAT_MIN + 8.0 * (i + 1)


# --- projections ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _transformer(src: int, dst: int) -> pyproj.Transformer:
    return pyproj.Transformer.from_crs(src, dst, always_xy=True)


def transform(geom: BaseGeometry, src: int, dst: int) -> BaseGeometry:
    """Vertex-wise reprojection (callers densify first where edges must bend)."""
    tr = _transformer(src, dst)

    def _apply(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(tr.transform(xy[:, 0], xy[:, 1]))

    return shapely.transform(geom, _apply)


def to_utm(geom_ll: BaseGeometry, epsg: int) -> BaseGeometry:
    """Lon/lat geometry to UTM, densified so straight lon/lat edges keep their shape."""
    return transform(shapely.segmentize(geom_ll, _DENSIFY_DEG), 4326, epsg)


# --- 100 km squares ------------------------------------------------------------------------------------------


def _column_letter(zone: int, e_idx: int) -> str:
    return _COLUMN_SETS[zone % 3][e_idx - 1]


def _row_letter(zone: int, n_idx: int) -> str:
    return _ROW_LETTERS[(n_idx + (5 if zone % 2 == 0 else 0)) % 20]


def _row_index(zone: int, letter: str) -> int:
    return (_ROW_LETTERS.index(letter) - (5 if zone % 2 == 0 else 0)) % 20


def _footprint_centre_lat(zone: int, north: bool, e_idx: int, n_idx: int) -> float:
    epsg = (32600 if north else 32700) + zone
    x = e_idx * SQUARE_M + S2_TILE_M / 2.0
    y = (n_idx + 1) * SQUARE_M - S2_TILE_M / 2.0
    return _transformer(epsg, 4326).transform(x, y)[1]


def _tile_band(zone: int, north: bool, e_idx: int, n_idx: int) -> str:
    """Band of the footprint centre; for 32/34/36 north of 72°N (no X band there) the band below, W."""
    band = band_letter(_footprint_centre_lat(zone, north, e_idx, n_idx))
    return band if _zone_has_band(zone, band) else "W"


def make_tile(zone: int, north: bool, e_idx: int, n_idx: int) -> S2Tile:
    band = _tile_band(zone, north, e_idx, n_idx)
    tile_id = f"{zone:02d}{band}{_column_letter(zone, e_idx)}{_row_letter(zone, n_idx)}"
    return S2Tile(tile_id, zone, north, e_idx, n_idx)


@lru_cache(maxsize=256)
def _zone_area_utm(zone: int, north: bool) -> BaseGeometry:
    """The zone's lon/lat extent in one hemisphere, in that hemisphere's UTM CRS (prepared)."""
    rects = [
        box(lon0, max(lat0, 0.0), lon1, lat1) if north else box(lon0, lat0, lon1, min(lat1, 0.0))
        for lat0, lat1, lon0, lon1 in zone_spans(zone)
    ]
    rects = [r for r in rects if r.area > 0]
    area = to_utm(shapely.union_all(rects), (32600 if north else 32700) + zone)
    shapely.prepare(area)
    return area


def _square_exists(zone: int, north: bool, e_idx: int, n_idx: int) -> bool:
    if not 1 <= e_idx <= 8:
        return False
    x0, y0 = e_idx * SQUARE_M, n_idx * SQUARE_M
    return _zone_area_utm(zone, north).intersects(box(x0, y0, x0 + SQUARE_M, y0 + SQUARE_M))


# --- public API ------------------------------------------------------------------------------------------------


def check_lat(lat: float) -> None:
    if not LAT_MIN <= lat <= LAT_MAX:
        raise InputError(f"Latitude {lat:.4f} is outside the Sentinel-2 tiling grid (80°S to 84°N).", field="aoi")


def mgrs_tile_id(lon: float, lat: float) -> str:
    """Id of the Sentinel-2 tile whose 100 km MGRS square holds the point (e.g. (4.35, 50.85) -> "31UES")."""
    check_lat(lat)
    zone = utm_zone(lon, lat)
    north = lat >= 0
    x, y = _transformer(4326, (32600 if north else 32700) + zone).transform(lon, lat)
    return make_tile(zone, north, int(x // SQUARE_M), int(y // SQUARE_M)).tile_id


def parse_tile_id(tile_id: str) -> S2Tile:
    """The S2Tile for an id like "31UES"; InputError if no such Sentinel-2 tile exists."""
    bad = InputError(f"'{tile_id}' is not a Sentinel-2 tile id.", field="tile")
    text = tile_id.strip().upper()
    if len(text) != 5 or not text[:2].isdigit() or text[2] not in BANDS:
        raise bad
    zone, band, col, row = int(text[:2]), text[2], text[3], text[4]
    if not 1 <= zone <= 60 or col not in _COLUMN_SETS[zone % 3] or row not in _ROW_LETTERS:
        raise bad
    north = band >= "N"
    e_idx = _COLUMN_SETS[zone % 3].index(col) + 1
    n_idx = _nearest_row_cycle(zone, north, band, _row_index(zone, row))
    tile = make_tile(zone, north, e_idx, n_idx)
    if tile.tile_id != text or not _square_exists(zone, north, e_idx, n_idx):
        raise bad
    return tile


def _nearest_row_cycle(zone: int, north: bool, band: str, row_mod: int) -> int:
    """The 2,000 km cycle that puts the square closest to its band's middle latitude."""
    lat0, lat1 = _band_lat_range(band)
    cm = -183.0 + 6.0 * zone
    _, y_mid = _transformer(4326, (32600 if north else 32700) + zone).transform(cm, (lat0 + lat1) / 2.0)
    k = round((y_mid / SQUARE_M - row_mod - 0.45) / 20.0)
    return row_mod + 20 * k


def s2_tile_polygon_utm(tile_id: str) -> tuple[int, Polygon]:
    """(UTM EPSG, 109.8 km footprint square in that CRS) of a Sentinel-2 tile."""
    tile = parse_tile_id(tile_id)
    return tile.epsg, tile.footprint_utm


def split_antimeridian(geom: BaseGeometry) -> list[BaseGeometry]:
    """Parts of a lon/lat geometry, each inside -180..180 (areal parts only for polygonal input).

    Accepts coordinates beyond ±180 (e.g. 179..181) and, when a geometry spans more than 180° of longitude,
    reads it as crossing the antimeridian (179 .. -179 means 2°, not 358°): AOIs wider than half the globe
    are not plannable anyway.
    """
    areal = geom.geom_type in ("Polygon", "MultiPolygon")
    minx, _, maxx, _ = geom.bounds
    if maxx - minx > 180.0 and minx >= -180.0 and maxx <= 180.0:
        geom = shapely.transform(
            geom, lambda xy: np.column_stack([np.where(xy[:, 0] < 0, xy[:, 0] + 360, xy[:, 0]), xy[:, 1]])
        )
    parts = []
    for shift in (-360.0, 0.0, 360.0):
        window = box(-180.0 - shift, -90.0, 180.0 - shift, 90.0)
        part = geom.intersection(window)
        part = polygonal(part) if areal else part
        if not part.is_empty:
            parts.append(affinity.translate(part, xoff=shift))
    return parts


def polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Only the areal parts of ``geom`` (intersections also return shared edges and points)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    polys = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon") and g.area > 0]
    return shapely.union_all(polys) if polys else Polygon()


def _lon_overlap(a0: float, a1: float, b0: float, b1: float) -> bool:
    return any(a0 <= b1 + s and b0 + s <= a1 for s in (-360.0, 0.0, 360.0))


def _candidate_zones(geom_ll: BaseGeometry) -> list[tuple[int, bool]]:
    """(zone, north) pairs whose tiles may reach ``geom_ll``: footprints overhang a zone by up to ~110 km."""
    minx, miny, maxx, maxy = geom_ll.bounds
    max_abs_lat = min(max(abs(miny), abs(maxy)), 85.0)
    margin = min(110.0 / (_KM_PER_DEG * math.cos(math.radians(max_abs_lat))) + 0.1, 180.0)
    hemispheres = [h for h, ok in ((True, maxy > -0.2), (False, miny < 0.0)) if ok]
    out = []
    for zone in range(1, 61):
        spans = [s for s in zone_spans(zone) if s[0] <= maxy + 1.0 and miny - 1.0 <= s[1]]
        if any(_lon_overlap(minx - margin, maxx + margin, s[2], s[3]) for s in spans):
            out.extend((zone, north) for north in hemispheres)
    return out


def _check_extent(geom_ll: BaseGeometry) -> None:
    if geom_ll.is_empty:
        raise InputError("The area of interest is empty: draw or select at least one polygon.", field="aoi")
    _, miny, _, maxy = geom_ll.bounds
    check_lat(miny)
    check_lat(maxy)


def tiles_for_part(part_ll: BaseGeometry) -> list[S2Tile]:
    """S2 tiles whose footprint intersects ``part_ll`` (lon/lat, inside -180..180)."""
    found = []
    for zone, north in _candidate_zones(part_ll):
        epsg = (32600 if north else 32700) + zone
        part_utm = to_utm(part_ll, epsg)
        shapely.prepare(part_utm)
        minx, miny, maxx, maxy = part_utm.bounds
        for e_idx in range(max(1, math.ceil((minx - S2_TILE_M) / SQUARE_M)), min(8, int(maxx // SQUARE_M)) + 1):
            for n_idx in range(math.floor(miny / SQUARE_M), math.floor((maxy + S2_OVERLAP_M) / SQUARE_M) + 1):
                if not _hemisphere_row_ok(north, n_idx) or not _square_exists(zone, north, e_idx, n_idx):
                    continue
                tile = make_tile(zone, north, e_idx, n_idx)
                if part_utm.intersects(tile.footprint_utm):
                    found.append(tile)
    return found


def _hemisphere_row_ok(north: bool, n_idx: int) -> bool:
    return n_idx >= 0 if north else n_idx < _FALSE_NORTHING_S / SQUARE_M


def s2_tiles_for_geometry(geom_4326: BaseGeometry) -> list[str]:
    """Sorted ids of the Sentinel-2 tiles whose 109.8 km footprint intersects the geometry (overlaps included)."""
    _check_extent(geom_4326)
    ids = {t.tile_id for part in split_antimeridian(geom_4326) for t in tiles_for_part(part)}
    return sorted(ids)
