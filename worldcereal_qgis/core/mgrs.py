"""Sentinel-2 tiles: ids, footprints and UTM zones from ESA's official tiling grid (core/s2grid.py).

Which tile a place belongs to follows the library: openeo-gfmap's ``s2grid_voronoi_4326`` gives each place to
the tile whose centre is nearest in lon/lat degrees (the Voronoi cells of the tile centres). Every tile's own
centre is therefore in its own cell, overlaps are shared out without gaps, and a place near a UTM zone edge
gets a tile that exists (6.10°E 50.20°N -> 31UGR in EPSG:32631; pure MGRS would say 32UKA, which Sentinel-2
does not have). Footprints are the grid's: 109.8 km squares in the tile's UTM zone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyproj
import shapely
from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

from . import s2grid
from .errors import InputError

BANDS = s2grid.BANDS
S2_TILE_M = s2grid.S2_TILE_M
LAT_MIN, LAT_MAX = -84.0, 84.5  # the official footprints reach 83.8°S and 84.6°N
_DENSIFY_DEG = 0.005  # ~550 m: lon/lat edges stay straight enough after projection (error << 1 m)
_KM_PER_DEG = 111.32
_FOOTPRINT_REACH_KM = 80.0  # centre to corner of a 109.8 km square is 77.6 km


@dataclass(frozen=True)
class S2Tile:
    """One Sentinel-2 tile of the official grid: id, UTM CRS, footprint corner and centre (lon/lat)."""

    tile_id: str
    epsg: int
    ulx: float
    uly: float
    lon: float
    lat: float

    @property
    def zone(self) -> int:
        return self.epsg % 100

    @property
    def north(self) -> bool:
        return self.epsg < 32700

    @property
    def footprint_utm(self) -> Polygon:
        return box(self.ulx, self.uly - S2_TILE_M, self.ulx + S2_TILE_M, self.uly)


def _tile(row: int) -> S2Tile:
    g = s2grid.grid()
    return S2Tile(str(g.ids[row]), int(g.epsg[row]), float(g.ulx[row]), float(g.uly[row]),
                  float(g.lon[row]), float(g.lat[row]))


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


# --- public API ------------------------------------------------------------------------------------------------


def check_lat(lat: float) -> None:
    if not LAT_MIN <= lat <= LAT_MAX:
        raise InputError(f"Latitude {lat:.4f} is outside the Sentinel-2 tiling grid (84°S to 84.5°N).", field="aoi")


def mgrs_tile_id(lon: float, lat: float) -> str:
    """Id of the Sentinel-2 tile a point belongs to (nearest tile centre, the library's rule)."""
    return tile_ids_for_points([lon], [lat])[0]


def tile_ids_for_points(lons, lats) -> list[str]:
    """Tile ids for many points at once (extraction splits samples by tile with this)."""
    lons = np.asarray(lons, dtype=float)
    lats = np.asarray(lats, dtype=float)
    for lat in (lats.min(), lats.max()) if len(lats) else ():
        check_lat(float(lat))
    rows = s2grid.nearest(((lons + 180.0) % 360.0) - 180.0, lats)
    return s2grid.grid().ids[rows].tolist()


_ID = re.compile(r"^(?:T)?(\d{2}[C-X][A-Z]{2})$")


def parse_tile_id(tile_id: str) -> S2Tile:
    """The S2Tile for an id like "31UES" (or "T31UES"); InputError if the official grid has no such tile."""
    match = _ID.match(str(tile_id).strip().upper())
    row = s2grid.grid().row_of.get(match.group(1)) if match else None
    if row is None:
        raise InputError(f"'{tile_id}' is not a Sentinel-2 tile id.", field="tile")
    return _tile(row)


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


def tiles_near(part_ll: BaseGeometry, margin_deg: float) -> list[S2Tile]:
    """Tiles whose centre lies within ``margin_deg`` of the part's bounding box (lon/lat, inside -180..180)."""
    minx, miny, maxx, maxy = part_ll.bounds
    west, east = minx - margin_deg, maxx + margin_deg
    if east - west >= 360.0:
        west, east = -180.0, 180.0
    rows = s2grid.rows_near((west + 180.0) % 360.0 - 180.0 if west < -180.0 else west, miny - margin_deg,
                            (east + 180.0) % 360.0 - 180.0 if east > 180.0 else east, maxy + margin_deg)
    return [_tile(int(r)) for r in rows]


def _reach_deg(part_ll: BaseGeometry) -> float:
    """How far (degrees of longitude, the larger unit) a footprint can reach from its centre at this latitude."""
    _, miny, _, maxy = part_ll.bounds
    max_abs_lat = min(max(abs(miny), abs(maxy)) + 1.0, 85.0)
    return _FOOTPRINT_REACH_KM / (_KM_PER_DEG * math.cos(math.radians(max_abs_lat))) + 0.1


def _check_extent(geom_ll: BaseGeometry) -> None:
    if geom_ll.is_empty:
        raise InputError("The area of interest is empty: draw or select at least one polygon.", field="aoi")
    _, miny, _, maxy = geom_ll.bounds
    check_lat(miny)
    check_lat(maxy)


def tiles_for_part(part_ll: BaseGeometry) -> list[S2Tile]:
    """S2 tiles whose footprint intersects ``part_ll`` (lon/lat, inside -180..180)."""
    found = []
    by_epsg: dict[int, list[S2Tile]] = {}
    for tile in tiles_near(part_ll, _reach_deg(part_ll)):
        by_epsg.setdefault(tile.epsg, []).append(tile)
    for epsg, tiles in by_epsg.items():
        part_utm = to_utm(part_ll, epsg)
        shapely.prepare(part_utm)
        found.extend(t for t in tiles if part_utm.intersects(t.footprint_utm))
    return found


def s2_tiles_for_geometry(geom_4326: BaseGeometry) -> list[str]:
    """Sorted ids of the Sentinel-2 tiles whose 109.8 km footprint intersects the geometry (overlaps included)."""
    _check_extent(geom_4326)
    ids = {t.tile_id for part in split_antimeridian(geom_4326) for t in tiles_for_part(part)}
    return sorted(ids)
