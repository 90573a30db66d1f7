"""Coordinates you can trust: reprojection to lon/lat (said only when it happens), library-style centroids, and
swapped lat/lon or a mislabelled CRS spotted from the data itself, before any job.

Why: wrong coordinates validate row by row (every point is somewhere on Earth) and then plan a paid job in the
wrong place. The data usually carries its own evidence: the numbers' range against the declared CRS, the rows'
own ``lon``/``lat`` columns (extractions have them), the Sentinel-2 ``tile`` and ``h3_l3_cell`` columns, the
CRS's area of use, and points piled on (0, 0). Each check returns one sentence naming the likely mistake.
The facts used are in docs/REFERENCE_DATA.md.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

MOST = 0.5  # share of checked rows that must disagree before the data set is refused
NEAR_DEG = 0.01  # ~1 km: a point this close to its own lon/lat (or to 0, 0) is "the same place"
TILE_MARGIN_M = 5_000.0
CHECK_ROWS = 2_000  # the column checks look at this many rows at most (evenly spread): fast on 100,000 rows
_TILE = re.compile(r"^\d{2}[C-HJ-NP-X][A-HJ-NP-Z]{2}$")


def usable_crs(crs: str | None, notes: list[str]) -> str | None:
    """The CRS to reproject from: None when there is none or it is an undefined/engineering one (said once)."""
    if crs is not None:
        from pyproj import CRS

        try:
            parsed = CRS.from_user_input(crs)
        except Exception:  # pyproj's CRSError and friends: a CRS text nobody can interpret
            parsed = None
        usable = parsed is not None and (parsed.is_geographic or parsed.is_projected)
        if usable and not parsed.name.lower().startswith("undefined"):  # GeoPackage's srs_id 0/-1 placeholders
            return crs
    notes.append("The layer has no CRS; its coordinates are taken as longitude/latitude (EPSG:4326).")
    return None


def to_4326(geoms, crs: str | None, notes: list[str], missing) -> Any:
    """Reproject to lon/lat; said only when coordinates really change (not for WGS 84 under another name)."""
    import numpy as np
    import shapely

    if crs is None:
        return geoms
    from pyproj import CRS, Transformer

    source = CRS.from_user_input(crs)
    if source.to_epsg() == 4326 or source.equals(CRS.from_epsg(4326), ignore_axis_order=True):
        return geoms
    transformer = Transformer.from_crs(source, 4326, always_xy=True)

    def apply(xy):
        return np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))

    if (~missing).any():
        name = f"EPSG:{source.to_epsg()}" if source.to_epsg() else source.name
        notes.append(f"The data was reprojected from {name} to EPSG:4326 (WorldCereal reference data is lon/lat).")
    out = geoms.copy()
    out[~missing] = shapely.transform(geoms[~missing], apply)
    return out


def centroids_3857(polygons) -> tuple[Any, Any]:
    """Centroids as the library computes them (in Web Mercator), and which ones fall outside their polygon."""
    import numpy as np
    import shapely
    from pyproj import Transformer

    fwd = Transformer.from_crs(4326, 3857, always_xy=True)
    back = Transformer.from_crs(3857, 4326, always_xy=True)
    merc = shapely.transform(polygons, lambda xy: np.column_stack(fwd.transform(xy[:, 0], xy[:, 1])))
    cents = shapely.centroid(merc)
    outside = ~shapely.contains_properly(merc, cents)
    return shapely.transform(cents, lambda xy: np.column_stack(back.transform(xy[:, 0], xy[:, 1]))), outside


def dataset_problems(frame, raw_x, raw_y, lon, lat, ok, crs: str | None, land: Any = None) -> list[str]:
    """Sentences about the whole data set's coordinates (empty = nothing suspicious)."""
    import numpy as np

    ok = np.asarray(ok, dtype=bool)
    if not ok.any():
        return []
    declared = declared_crs_problem(raw_x[ok], raw_y[ok], crs)
    if declared:
        return [declared]  # once the numbers contradict the CRS, the other checks would only repeat it
    checks: list[Callable[[], str | None]] = [
        lambda: own_lonlat_problem(frame, lon, lat, ok, crs),
        lambda: own_tile_problem(frame, lon, lat, ok),
        lambda: own_h3_problem(frame, lon, lat, ok),
        lambda: area_of_use_problem(lon[ok], lat[ok], crs),
        lambda: null_island_problem(lon[ok], lat[ok]),
        lambda: sea_problem(lon[ok], lat[ok], land),
    ]
    for check in checks:
        text = check()
        if text:
            return [text]
    return []


def _share(mask) -> float:
    return float(mask.mean()) if len(mask) else 0.0


def _example(x, y, mask) -> str:
    import numpy as np

    i = int(np.flatnonzero(mask)[0])
    return f"{x[i]:.6g}, {y[i]:.6g}"


def _crs_label(crs: str) -> str:
    from pyproj import CRS

    parsed = CRS.from_user_input(crs)
    return f"EPSG:{parsed.to_epsg()}" if parsed.to_epsg() else parsed.name


def declared_crs_problem(x, y, crs: str | None) -> str | None:
    """Numbers that cannot be in the declared CRS: metres declared lon/lat, lon/lat declared metres, swapped."""
    import numpy as np

    not_degrees = (np.abs(x) > 180) | (np.abs(y) > 90)
    if crs is None:
        if _share(not_degrees) >= MOST:
            return (f"The layer has no CRS and its coordinates (e.g. {_example(x, y, not_degrees)}) are not "
                    "longitude/latitude: set the layer's real CRS.")
        return None
    from pyproj import CRS

    parsed = CRS.from_user_input(crs)
    if parsed.is_geographic and _share(not_degrees) >= MOST:
        swapped = (np.abs(x) <= 90) & (np.abs(y) > 90) & (np.abs(y) <= 180)
        if _share(swapped) >= MOST:
            return (f"The latitudes are above 90° (e.g. {_example(x, y, swapped)}): longitude and latitude look "
                    "swapped; swap the x and y coordinates.")
        return (f"The coordinates (e.g. {_example(x, y, not_degrees)}) are not longitude/latitude although the "
                f"layer says {_crs_label(crs)}: they look like metres of a projected CRS; set the layer's real CRS.")
    degrees = ~not_degrees & ((x != 0) | (y != 0))
    if parsed.is_projected and _share(degrees) >= 0.9:
        return (f"The coordinates (e.g. {_example(x, y, degrees)}) look like longitude/latitude although the layer "
                f"says {_crs_label(crs)} (metres), so every point would land near (0, 0): set the layer's CRS to "
                "EPSG:4326.")
    return None


def _spread(ok, limit: int = CHECK_ROWS):
    """Indices of at most ``limit`` usable rows, evenly spread over the table."""
    import numpy as np

    rows = np.flatnonzero(ok)
    if len(rows) > limit:
        rows = rows[np.linspace(0, len(rows) - 1, limit).astype(int)]
    return rows


def own_lonlat_problem(frame, lon, lat, ok, crs: str | None) -> str | None:
    """The rows' own lon/lat columns against the geometry: swapped, or a wrong CRS (the distance says how far)."""
    import numpy as np
    import pandas as pd

    if "lon" not in frame or "lat" not in frame:
        return None
    own_lon = pd.to_numeric(frame["lon"], errors="coerce").to_numpy(dtype=float)
    own_lat = pd.to_numeric(frame["lat"], errors="coerce").to_numpy(dtype=float)
    use = ok & np.isfinite(own_lon) & np.isfinite(own_lat)
    if not use.any():
        return None
    direct = np.maximum(np.abs(lon - own_lon), np.abs(lat - own_lat))[use]
    if _share(direct > NEAR_DEG) < MOST:
        return None
    swapped = np.maximum(np.abs(lon - own_lat), np.abs(lat - own_lon))[use]
    if _share(swapped <= NEAR_DEG) >= MOST:
        return ("The geometries have longitude and latitude swapped: x holds the rows' own 'lat' values and y their "
                "'lon' values; swap the x and y coordinates.")
    km = float(np.median(direct)) * 111.32
    where = f"the layer's CRS ({_crs_label(crs)})" if crs else "the missing CRS"
    return (f"The geometries lie a median {km:,.0f} km away from the rows' own lon/lat columns: {where} is probably "
            "wrong.")


def own_tile_problem(frame, lon, lat, ok) -> str | None:
    """Points against the footprint of their own Sentinel-2 ``tile`` (5 km margin)."""
    import numpy as np

    if "tile" not in frame:
        return None
    tiles = frame["tile"].astype(str).str.upper().to_numpy()
    rows = np.array([r for r in _spread(ok) if _TILE.match(tiles[r])], dtype=int)
    if not len(rows):
        return None
    inside = _inside_tiles(tiles[rows], lon[rows], lat[rows])
    if _share(~inside) < MOST:
        return None
    if _share(_inside_tiles(tiles[rows], lat[rows], lon[rows])) >= MOST:
        return ("The points fall in their 'tile' column's Sentinel-2 tile only with longitude and latitude swapped: "
                "swap the x and y coordinates.")
    return (f"{int((~inside).sum())} of {len(rows)} points checked lie outside the Sentinel-2 tile named in their "
            "'tile' column: the layer's CRS is probably wrong.")


def _inside_tiles(tiles, lon, lat) -> Any:
    import numpy as np
    import shapely

    from . import mgrs

    inside = np.zeros(len(tiles), dtype=bool)
    valid = (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    for tile in set(tiles.tolist()):
        try:
            epsg, footprint = mgrs.s2_tile_polygon_utm(tile)
        except Exception:  # an id the grid does not know: the tile check cannot judge it
            continue
        rows = np.flatnonzero((tiles == tile) & valid)
        if not len(rows):
            continue
        x, y = mgrs._transformer(4326, epsg).transform(lon[rows], lat[rows])
        inside[rows] = shapely.contains_xy(footprint.buffer(TILE_MARGIN_M), x, y)
    return inside


def own_h3_problem(frame, lon, lat, ok) -> str | None:
    """Points against their own ``h3_l3_cell`` (or a neighbour); needs the optional 'h3' package, else skipped."""
    import numpy as np

    from .reference_select import H3_RESOLUTION, is_h3_l3_cell

    if "h3_l3_cell" not in frame:
        return None
    try:
        import h3
    except ImportError:
        return None
    cells = frame["h3_l3_cell"].astype(str).str.lower().to_numpy()
    rows = np.array([r for r in _spread(ok) if is_h3_l3_cell(cells[r])], dtype=int)
    if not len(rows):
        return None

    def matches(x, y) -> Any:
        return np.array([abs(b) <= 90 and cells[r] in h3.grid_disk(h3.latlng_to_cell(b, a, H3_RESOLUTION), 1)
                         for r, a, b in zip(rows, x, y)], dtype=bool)

    direct = matches(lon[rows], lat[rows])
    if _share(~direct) < MOST:
        return None
    if _share(matches(lat[rows], lon[rows])) >= MOST:
        return ("The points fall in their own h3_l3_cell only with longitude and latitude swapped: swap the x and y "
                "coordinates.")
    return (f"{int((~direct).sum())} of {len(rows)} points checked lie outside their own h3_l3_cell: the layer's "
            "CRS is probably wrong.")


def area_of_use_problem(lon, lat, crs: str | None) -> str | None:
    """Most points outside the declared CRS's area of use (2° margin): the CRS label is probably wrong."""
    import numpy as np

    if crs is None:
        return None
    from pyproj import CRS

    parsed = CRS.from_user_input(crs)
    area = parsed.area_of_use
    if area is None or parsed.is_geographic or area.west > area.east:
        return None
    outside = ((lon < area.west - 2) | (lon > area.east + 2) | (lat < area.south - 2) | (lat > area.north + 2))
    outside &= np.isfinite(lon) & np.isfinite(lat)
    if _share(outside) < MOST:
        return None
    return (f"{int(outside.sum())} of {len(lon)} points lie outside the area where {_crs_label(crs)} is used "
            f"({area.name}): the layer's CRS is probably mislabelled.")


def null_island(lon, lat) -> Any:
    """Points within ~1 km of (0, 0): missing coordinates written as zeros, or lon/lat read as metres."""
    import numpy as np

    return (np.abs(lon) < NEAR_DEG) & (np.abs(lat) < NEAR_DEG)


def null_island_problem(lon, lat) -> str | None:
    near = null_island(lon, lat)
    if _share(near) < MOST:
        return None
    return (f"{int(near.sum())} of {len(lon)} points lie at (0, 0): the coordinates are missing or were read in "
            "the wrong CRS.")


def land_grid(lat, lon) -> Any:
    """0.5° cells that hold a crop-calendar entry, widened by one cell (~50 km): "not in the open sea".

    Why the crop calendar: the plugin has it already (downloaded once for seasons), it covers every land area
    WorldCereal maps, and the open ocean has no cells; inland and coastal seas fall inside the widened cells.
    """
    import numpy as np

    grid = np.zeros((360, 720), dtype=bool)
    rows = np.clip(np.floor((np.asarray(lat, dtype=float) + 90.0) * 2).astype(int), 0, 359)
    cols = np.floor((np.asarray(lon, dtype=float) + 180.0) * 2).astype(int) % 720
    grid[rows, cols] = True
    wide = grid.copy()
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            wide |= np.roll(np.roll(grid, dr, axis=0), dc, axis=1)
    return wide


def sea_problem(lon, lat, land) -> str | None:
    """Most points in the open sea (no crop-calendar cell within about 50 km); skipped without a calendar."""
    import numpy as np

    if land is None:
        return None
    valid = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
    rows = np.clip(np.floor((lat[valid] + 90.0) * 2).astype(int), 0, 359)
    cols = np.floor((lon[valid] + 180.0) * 2).astype(int) % 720
    at_sea = ~land[rows, cols]
    if _share(at_sea) < MOST:
        return None
    return (f"{int(at_sea.sum())} of {len(at_sea)} points lie in the open sea (no WorldCereal crop-calendar cell "
            "within about 50 km): a latitude or longitude has the wrong sign, the axes are swapped or the CRS is "
            "wrong.")


@lru_cache(maxsize=2)
def calendar_land_grid(path: str, mtime_ns: int) -> Any:
    """``land_grid`` of a crop-calendar GeoParquet (its lat/lon columns); cached per file version."""
    import pyarrow.parquet as pq

    from .worker_arrays import plain_numbers

    table = pq.ParquetFile(path).read(columns=["lat", "lon"])  # no pandas import (core/worker_arrays)
    return land_grid(plain_numbers(table.column("lat")), plain_numbers(table.column("lon")))
