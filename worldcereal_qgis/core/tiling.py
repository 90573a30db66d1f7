"""Split a large AOI into job-sized tiles the way the WorldCereal library does (``create_production_grid``).

The rule (worldcereal/utils/production_grid.py): intersect the AOI with the non-overlapping Sentinel-2 grid;
inside each S2 tile lay a square grid of ``tile_size_km`` in the tile's UTM zone, starting at the lower-left
corner of the UTM bounds of (AOI ∩ S2 cell); clip to the AOI; name the pieces ``<aoi>_<tile>_<n>`` with n
counting kept cells column by column (x outer, y inner, from 0); merge tiles narrower than 100 m into the
neighbour of the same UTM zone with the longest shared edge (else the nearest within 20 m).

S2 tiles overlap (109.8 km on a 100 km grid); the library avoids double coverage with openeo-gfmap's
``s2grid_voronoi_4326`` grid: the Voronoi cells of the S2 tile centres in lon/lat. We compute those cells
locally from the centres of the official grid's tiles (core/s2grid.py, shipped; no download). As in that
grid, distances are in degrees, so north of ~60° a cell can reach a few km beyond its tile's 109.8 km
footprint; harmless, since a job loads its own bbox and the tile only lends its name and UTM zone.
Deliberate differences, each for a reason:

* Tiles keep the UTM zone of their S2 tile (the library re-derives it from each tile's centroid; the two agree
  except for odd non-convex pieces, where the zone the grid was laid in is the consistent choice).
* The UTM geometry is the clipped grid cell itself, not a lon/lat round trip, and lon/lat edges are densified
  before projection, so tiles of neighbouring zones meet without gaps or overlaps.
* Zero-area touches (a cell meeting the AOI along an edge) are dropped; the library would keep them as tiles.
* Slivers merge only within the same AOI (the library groups all AOIs of a layer together, which can give one
  AOI's tile another AOI's area and name).
* AOIs crossing the antimeridian are split at 180° and an S2 tile's pieces from both sides are tiled together
  in its own zone (the library's lon/lat grid has no answer there).
* AOI names are made file-name safe (anything but letters, digits, ``.``, ``-`` and ``_`` becomes ``_``):
  tile names become folder names and job titles.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Polygon, box
from shapely.geometry.base import BaseGeometry

from . import mgrs
from .errors import CancelledError, InputError

MIN_TILE_SIZE_M = 100.0
MAX_MERGE_GAP_M = 20.0
_UTM_DENSIFY_M = 1000.0
_SIDE_TOLERANCE_DEG = 1e-6  # ~0.1 m: a tile cut at 180° may come back a hair beyond it
_MIN_TILE_KM, _MAX_TILE_KM = 1.0, 200.0


@dataclass(frozen=True)
class Tile:
    """One job-sized tile; ``geometry_utm`` is in ``epsg`` (may be a MultiPolygon after clipping or merging)."""

    name: str
    mgrs_tile: str
    epsg: int
    bounds_utm: tuple[float, float, float, float]
    geometry_utm: Polygon
    geometry_4326: Polygon
    area_km2: float


@dataclass
class _Cell:
    """Work item before freezing: a clipped grid cell in its S2 tile's UTM zone."""

    mgrs_tile: str
    epsg: int
    index: int
    geom: BaseGeometry
    side: int = 0  # -1 / +1: west / east of 180° for an area across the antimeridian (cells never mix them)


# --- input checks ----------------------------------------------------------------------------------------------


def safe_name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", str(name).strip()).strip("_")
    if not cleaned:
        raise InputError("Each area of interest needs a name to build tile names from.", field="name")
    return cleaned


def _clean_geometry(geom: BaseGeometry) -> BaseGeometry:
    if geom is None or geom.is_empty:
        raise InputError("The area of interest is empty: draw or select at least one polygon.", field="aoi")
    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        raise InputError(
            f"The area of interest must be a polygon or multipolygon, not a {geom.geom_type}.", field="aoi"
        )
    return geom if geom.is_valid else mgrs.polygonal(shapely.make_valid(geom))


def _check_size(tile_size_km: float) -> None:
    if not _MIN_TILE_KM <= tile_size_km <= _MAX_TILE_KM:
        raise InputError(
            f"The tile size must be between {_MIN_TILE_KM:g} and {_MAX_TILE_KM:g} km, not {tile_size_km:g} km.",
            field="tile_size_km",
        )


# --- AOI ∩ non-overlapping S2 cells ------------------------------------------------------------------------------


def _centre_lonlat(tile: mgrs.S2Tile, near_lon: float) -> tuple[float, float]:
    """Footprint centre in lon/lat, its longitude unwrapped to within 180° of ``near_lon``."""
    return tile.lon + 360.0 * round((near_lon - tile.lon) / 360.0), tile.lat


def _search_margin(part: BaseGeometry) -> float:
    """Degrees around ``part`` holding every tile centre that can be nearest to one of its points.

    Voronoi distances are in degrees, where a tile is ~0.9° tall and 0.9°/cos(lat) wide: the margin must
    grow with latitude or a far-off centre could win over the excluded near ones.
    """
    _, miny, _, maxy = part.bounds
    return 1.5 / math.cos(math.radians(min(max(abs(miny), abs(maxy)), 85.0)))


def _voronoi_pieces(part: BaseGeometry) -> dict[str, tuple[mgrs.S2Tile, BaseGeometry]]:
    """AOI part (lon/lat, inside -180..180) split into the lon/lat Voronoi cells of the S2 tile centres."""
    ordered = sorted(mgrs.tiles_near(part, _search_margin(part)), key=lambda t: t.tile_id)
    near = (part.bounds[0] + part.bounds[2]) / 2.0
    centres = [_centre_lonlat(t, near) for t in ordered]
    if len(ordered) == 1:
        return {ordered[0].tile_id: (ordered[0], part)}
    xs, ys = zip(*centres)
    envelope = box(min(xs) - 10, min(ys) - 10, max(xs) + 10, max(ys) + 10).union(box(*part.bounds))
    cells = shapely.get_parts(shapely.voronoi_polygons(MultiPoint(centres), extend_to=envelope))
    clipped = shapely.intersection(_cells_in_site_order(cells, centres), part)
    out = {}
    for tile, piece in zip(ordered, clipped):
        piece = mgrs.polygonal(piece)
        if not piece.is_empty:
            out[tile.tile_id] = (tile, piece)
    return out


def _cells_in_site_order(cells: np.ndarray, sites: list[tuple[float, float]]) -> np.ndarray:
    """Voronoi cells re-ordered to match their sites (``ordered=True`` needs shapely 2.1; plugin allows 2.0)."""
    site_idx, cell_idx = shapely.STRtree(cells).query(shapely.points(sites), predicate="within")
    out = np.empty(len(sites), dtype=object)
    out[site_idx] = cells[cell_idx]
    return out


def _pieces_utm(aoi: BaseGeometry) -> dict[str, tuple[mgrs.S2Tile, list[tuple[int, BaseGeometry]]]]:
    """AOI ∩ S2 cell per tile id, in the tile's UTM CRS, as (side, piece): one side of 180° per piece."""
    parts = mgrs.split_antimeridian(aoi)
    across = len(parts) > 1 and min(p.bounds[0] for p in parts) <= -180.0 and max(p.bounds[2] for p in parts) >= 180.0
    grouped: dict[str, tuple[mgrs.S2Tile, list[tuple[int, BaseGeometry]]]] = {}
    for part in parts:
        side = (1 if part.bounds[0] >= 0 else -1) if across else 0
        for tile_id, (tile, piece) in _voronoi_pieces(part).items():
            grouped.setdefault(tile_id, (tile, []))[1].append((side, mgrs.to_utm(piece, tile.epsg)))
    return grouped


# --- grid inside one S2 cell -------------------------------------------------------------------------------------


def _grid_cells(pieces_utm: list[tuple[int, BaseGeometry]], size_m: float) -> list[tuple[int, BaseGeometry]]:
    """The library's grid: from the pieces' lower-left bound, columns outer, rows inner, clipped, empties skipped.

    Pieces on both sides of 180° share one grid (the same origin), but a cell is clipped to each side
    separately, so no tile straddles the antimeridian and every tile job gets a valid lon/lat bbox.
    """
    minx, miny, maxx, maxy = shapely.union_all([g for _, g in pieces_utm]).bounds
    xs, ys = np.arange(minx, maxx, size_m), np.arange(miny, maxy, size_m)
    gx, gy = np.repeat(xs, len(ys)), np.tile(ys, len(xs))
    boxes = shapely.box(gx, gy, np.minimum(gx + size_m, maxx), np.minimum(gy + size_m, maxy))
    found: list[tuple[int, int, BaseGeometry]] = []
    for side, piece in pieces_utm:
        shapely.prepare(piece)
        hits = np.flatnonzero(shapely.intersects(piece, boxes))
        for order, geom in zip(hits, shapely.intersection(boxes[hits], piece)):
            geom = mgrs.polygonal(geom)
            if not geom.is_empty:
                found.append((int(order), side, geom))
    return [(side, geom) for _, side, geom in sorted(found, key=lambda f: (f[0], f[1]))]


# --- sliver merging ----------------------------------------------------------------------------------------------


def _is_sliver(geom: BaseGeometry, min_size_m: float) -> bool:
    minx, miny, maxx, maxy = geom.bounds
    return (maxx - minx) < min_size_m or (maxy - miny) < min_size_m


def _merge_target(cells: list[_Cell], idx: int) -> int | None:
    """Neighbour with the longest shared edge, else the nearest within 20 m (library order on ties)."""
    geom = cells[idx].geom
    others = [i for i, c in enumerate(cells)
              if i != idx and c.epsg == cells[idx].epsg and c.side == cells[idx].side]
    if not others:
        return None
    geoms = np.array([cells[i].geom for i in others])
    shared = shapely.length(shapely.intersection(shapely.boundary(geoms), geom.boundary))
    if shared.max() > 0:
        return others[int(np.argmax(shared))]
    dist = shapely.distance(geoms, geom)
    return others[int(np.argmin(dist))] if dist.min() <= MAX_MERGE_GAP_M else None


def merge_slivers(cells: list[_Cell], min_size_m: float = MIN_TILE_SIZE_M) -> list[_Cell]:
    """Fold cells narrower than ``min_size_m`` into a neighbour of the same UTM zone (kept name: neighbour's)."""
    cells = list(cells)
    slivers = [id(c) for c in cells if _is_sliver(c.geom, min_size_m)]
    for key in slivers:
        idx = next((i for i, c in enumerate(cells) if id(c) == key), None)
        if idx is None:
            continue
        target = _merge_target(cells, idx)
        if target is None:
            continue
        cells[target].geom = shapely.union(cells[target].geom, cells[idx].geom)
        del cells[idx]
    return cells


# --- back to lon/lat ---------------------------------------------------------------------------------------------


def _to_4326(geom_utm: BaseGeometry, epsg: int) -> BaseGeometry:
    """Lon/lat geometry of a UTM tile, inside -180..180 (a tile lies on one side of 180°; noise is clamped)."""
    geom = mgrs.transform(shapely.segmentize(geom_utm, _UTM_DENSIFY_M), epsg, 4326)
    minx, _, maxx, _ = geom.bounds
    if maxx - minx <= 180.0:
        return geom
    cm = -183.0 + 6.0 * (epsg % 100)  # unwrap around the zone's central meridian: continuous, e.g. 180.0000001

    def _unwrap(xy: np.ndarray) -> np.ndarray:
        return np.column_stack([cm + (xy[:, 0] - cm + 180.0) % 360.0 - 180.0, xy[:, 1]])

    geom = shapely.transform(geom, _unwrap)
    minx, _, maxx, _ = geom.bounds
    tol = _SIDE_TOLERANCE_DEG
    shift = 360.0 if maxx <= -180.0 + tol else -360.0 if minx >= 180.0 - tol else 0.0
    if shift or (minx >= -180.0 - tol and maxx <= 180.0 + tol):
        return shapely.transform(geom, lambda xy: np.column_stack([np.clip(xy[:, 0] + shift, -180.0, 180.0),
                                                                   xy[:, 1]]))
    parts = mgrs.split_antimeridian(geom)
    return shapely.union_all(parts) if len(parts) > 1 else parts[0]


def _freeze(cell: _Cell, aoi_name: str) -> Tile:
    return Tile(
        name=f"{aoi_name}_{cell.mgrs_tile}_{cell.index}",
        mgrs_tile=cell.mgrs_tile,
        epsg=cell.epsg,
        bounds_utm=tuple(float(v) for v in cell.geom.bounds),  # type: ignore[arg-type]
        geometry_utm=cell.geom,
        geometry_4326=_to_4326(cell.geom, cell.epsg),
        area_km2=cell.geom.area / 1e6,
    )


# --- public API --------------------------------------------------------------------------------------------------


def _check_cancel(is_cancelled: Callable[[], bool] | None) -> None:
    if is_cancelled is not None and is_cancelled():
        raise CancelledError("Tile planning was cancelled.")


def plan_tiles(
    aoi_geom_4326: BaseGeometry,
    aoi_name: str,
    tile_size_km: float = 20.0,
    *,
    is_cancelled: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> list[Tile]:
    """Tiles covering the AOI exactly once, sorted by S2 tile and number.

    Planned S2 cell by S2 cell: ``progress`` (0..100) after each, ``is_cancelled`` checked before each, so a
    large area can be followed and stopped. Callers bound the area first (core/plan_bounds.py).
    """
    name = safe_name(aoi_name)
    _check_size(tile_size_km)
    aoi = _clean_geometry(aoi_geom_4326)
    _, miny, _, maxy = aoi.bounds
    mgrs.check_lat(miny)
    mgrs.check_lat(maxy)
    _check_cancel(is_cancelled)
    pieces = sorted(_pieces_utm(aoi).items())
    cells: list[_Cell] = []
    for done, (tile_id, (tile, piece)) in enumerate(pieces, start=1):
        _check_cancel(is_cancelled)
        grid = _grid_cells(piece, tile_size_km * 1000.0)
        cells.extend(_Cell(tile_id, tile.epsg, i, g, side) for i, (side, g) in enumerate(grid))
        if progress is not None:
            progress(95.0 * done / len(pieces))
    tiles = [_freeze(c, name) for c in merge_slivers(cells)]
    if progress is not None:
        progress(100.0)
    return tiles


def plan_features(features: Sequence[tuple[str, BaseGeometry]], tile_size_km: float = 20.0, *,
                  is_cancelled: Callable[[], bool] | None = None,
                  progress: Callable[[float], None] | None = None) -> list[Tile]:
    """Tiles for each feature of a layer, each named after its feature (names must be unique)."""
    seen: set[str] = set()
    tiles: list[Tile] = []
    for n, (name, geom) in enumerate(features):
        key = safe_name(name)
        if key in seen:
            raise InputError(f"Two features share the name '{key}': tile names would collide.", field="name")
        seen.add(key)
        part = None if progress is None else (lambda p, n=n: progress((n + p / 100.0) * 100.0 / len(features)))
        tiles.extend(plan_tiles(geom, key, tile_size_km, is_cancelled=is_cancelled, progress=part))
    return tiles
