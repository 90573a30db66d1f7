"""The official Sentinel-2 tiling grid, shipped as a compact table (core/data/s2_grid.bin).

Why a table and not a formula: Sentinel-2's grid is MGRS-based but not MGRS. It keeps a zone's eastern
overhang and drops the western squares the previous zone already covers (6.10°E 50.20°N lies only in 31UGR;
MGRS would say 32UKA, a tile that does not exist), and it names a square after the latitude band of its 100 km
square's centre (35KMP at 24°S, where the footprint centre would say J). No rule reproduced all 56,984 tiles,
so the grid's own list is shipped: per tile, its UTM zone, latitude band, 100 km column and row index and
whether it holds land. A tile's footprint is then exact arithmetic: the 109.8 km square whose upper-left corner
is the upper-left corner of its 100 km square. Provenance and licence: docs/S2_GRID.md.

ESA's footprints do not sit exactly on the 100 km lines: the upper-left corner is 0, 20 or 40 m west and
north of the square's corner (31UGR: ULX 699,960, ULY 5,600,040, as in the products' metadata), a shift that
repeats every three columns and rows. It is stored per tile, so footprints are ESA's to the metre.

File layout (all integers, zlib-compressed): magic ``S2G1``, uint32 count, then six uint8 columns of ``count``
values each: zone (1..60), band index in ``BANDS``, easting index (x0 / 100 km), northing index (row of the
100 km square, y0 / 100 km in the hemisphere's UTM CRS), corner shift (bits 0-1: west, bits 2-3: north, in
units of 20 m), land flag.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

BANDS = "CDEFGHJKLMNPQRSTUVWX"
COLUMN_SETS = ("STUVWXYZ", "ABCDEFGH", "JKLMNPQR")  # indexed by zone % 3
ROW_LETTERS = "ABCDEFGHJKLMNPQRSTUV"
SQUARE_M = 100_000.0
S2_TILE_M = 109_800.0
GRID_FILE = Path(__file__).with_name("data") / "s2_grid.bin"
_MAGIC = b"S2G1"
_COLUMNS = 6
_SHIFT_M = 20.0


def tile_name(zone: int, band: str, e_idx: int, n_idx: int) -> str:
    """The id of a 100 km square: zone, band, column letter (set by zone % 3), row letter (AA scheme)."""
    row = ROW_LETTERS[(n_idx + (5 if zone % 2 == 0 else 0)) % 20]
    return f"{zone:02d}{band}{COLUMN_SETS[zone % 3][e_idx - 1]}{row}"


def _names(zone: np.ndarray, band: np.ndarray, e_idx: np.ndarray, n_idx: np.ndarray) -> np.ndarray:
    """``tile_name`` for whole columns at once (ASCII codes assembled as 5-byte strings)."""
    def codes(text: str) -> np.ndarray:
        return np.frombuffer(text.encode(), dtype=np.uint8)

    cols = np.frombuffer("".join(COLUMN_SETS).encode(), dtype=np.uint8).reshape(3, 8)
    chars = np.stack([
        48 + zone // 10, 48 + zone % 10, codes(BANDS)[band], cols[zone % 3, e_idx - 1],
        codes(ROW_LETTERS)[(n_idx + np.where(zone % 2 == 0, 5, 0)) % 20],
    ], axis=1).astype(np.uint8)
    return chars.view("S5").ravel().astype(str)


def encode(rows: list[tuple[str, int, int, int, bool]]) -> bytes:
    """(id, e_idx, n_idx, shift, land) rows -> file bytes; refuses ids the layout could not give back."""
    table = np.zeros((_COLUMNS, len(rows)), dtype=np.uint8)
    for i, (tile_id, e_idx, n_idx, shift, land) in enumerate(sorted(rows)):
        zone, band = int(tile_id[:2]), tile_id[2]
        if tile_name(zone, band, e_idx, n_idx) != tile_id:
            raise ValueError(f"{tile_id} does not round-trip through (zone, band, {e_idx}, {n_idx})")
        table[:, i] = (zone, BANDS.index(band), e_idx, n_idx, shift, int(land))
    return _MAGIC + struct.pack("<I", len(rows)) + zlib.compress(table.tobytes(), 9)


@dataclass(frozen=True)
class Grid:
    """Column arrays of the grid (row i = tile ``ids[i]``) plus the footprint centres in lon/lat.

    ``ulx``/``uly``: the footprint's upper-left corner in its UTM CRS (metres).
    """

    ids: np.ndarray
    zone: np.ndarray
    north: np.ndarray
    ulx: np.ndarray
    uly: np.ndarray
    land: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    row_of: dict

    @property
    def epsg(self) -> np.ndarray:
        return np.where(self.north, 32600, 32700) + self.zone


def decode(blob: bytes) -> Grid:
    """File bytes -> Grid (centres computed here: one vectorised projection per UTM zone and hemisphere)."""
    if blob[:4] != _MAGIC:
        raise ValueError("not a Sentinel-2 grid file")
    (count,) = struct.unpack("<I", blob[4:8])
    table = np.frombuffer(zlib.decompress(blob[8:]), dtype=np.uint8).reshape(_COLUMNS, count)
    zone, band, e_idx, n_idx, shift = (table[i].astype(np.int32) for i in range(5))
    north = band >= BANDS.index("N")
    ids = _names(zone, band, e_idx, n_idx)
    ulx = e_idx * SQUARE_M - (shift & 3) * _SHIFT_M
    uly = (n_idx + 1) * SQUARE_M + (shift >> 2) * _SHIFT_M
    lon, lat = _centres(zone, north, ulx + S2_TILE_M / 2.0, uly - S2_TILE_M / 2.0)
    return Grid(ids, zone, north, ulx, uly, table[5].astype(bool), lon, lat,
                {tid: i for i, tid in enumerate(ids.tolist())})


def _centres(zone: np.ndarray, north: np.ndarray, x: np.ndarray, y: np.ndarray):
    """Footprint centres in lon/lat (-180..180), by the transverse Mercator inverse series (Krüger, n³).

    Why not pyproj here: 120 transformers (one per zone and hemisphere) cost about a second to create, the
    series costs milliseconds and agrees with PROJ to well under a millimetre inside a UTM zone.
    """
    a, f, k0 = 6_378_137.0, 1 / 298.257223563, 0.9996
    n = f / (2 - f)
    big_a = a / (1 + n) * (1 + n**2 / 4 + n**4 / 64)
    beta = (n / 2 - 2 * n**2 / 3 + 37 * n**3 / 96, n**2 / 48 + n**3 / 15, 17 * n**3 / 480)
    delta = (2 * n - 2 * n**2 / 3 - 2 * n**3, 7 * n**2 / 3 - 8 * n**3 / 5, 56 * n**3 / 15)
    xi = (y - np.where(north, 0.0, 10_000_000.0)) / (k0 * big_a)
    eta = (x - 500_000.0) / (k0 * big_a)
    xi_p, eta_p = xi.copy(), eta.copy()
    for j, b in enumerate(beta, start=1):
        xi_p -= b * np.sin(2 * j * xi) * np.cosh(2 * j * eta)
        eta_p -= b * np.cos(2 * j * xi) * np.sinh(2 * j * eta)
    chi = np.arcsin(np.sin(xi_p) / np.cosh(eta_p))
    phi = chi + sum(d * np.sin(2 * j * chi) for j, d in enumerate(delta, start=1))
    lon = -183.0 + 6.0 * zone + np.degrees(np.arctan2(np.sinh(eta_p), np.cos(xi_p)))
    return (lon + 180.0) % 360.0 - 180.0, np.degrees(phi)


@lru_cache(maxsize=1)
def grid() -> Grid:
    """The shipped grid, loaded once per process (tens of milliseconds)."""
    return decode(GRID_FILE.read_bytes())


def nearest(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Row of the tile whose centre is nearest in lon/lat degrees: the library's Voronoi rule.

    openeo-gfmap's ``s2grid_voronoi_4326`` assigns a place to the S2 tile whose centre is closest in plain
    degrees. Planar nearest neighbours in an STR tree give exactly that, for many points in one call;
    centres within 10° of the antimeridian are added again on its other side, so the distance wraps at ±180°
    (nearest centres are never that far: 8.6° of longitude at 84°N).
    """
    import shapely

    tree, rows = _tree()
    points = shapely.points(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    found = tree.query_nearest(points, all_matches=False)
    out = np.empty(len(points), dtype=np.int64)
    out[found[0]] = rows[found[1]]
    return out


@lru_cache(maxsize=1)
def _tree() -> tuple:
    """(STRtree of the centres plus their copies across 180°, grid row of each tree point)."""
    import shapely

    g = grid()
    edge = np.flatnonzero(np.abs(g.lon) > 170.0)
    lon = np.concatenate([g.lon, g.lon[edge] - 360.0 * np.sign(g.lon[edge])])
    lat = np.concatenate([g.lat, g.lat[edge]])
    return shapely.STRtree(shapely.points(lon, lat)), np.concatenate([np.arange(len(g.lon)), edge])


def rows_near(minx: float, miny: float, maxx: float, maxy: float) -> np.ndarray:
    """Rows whose centre lies in the lon/lat box (``minx > maxx`` means the box crosses 180°)."""
    g = grid()
    in_lat = (g.lat >= miny) & (g.lat <= maxy)
    in_lon = (g.lon >= minx) & (g.lon <= maxx) if minx <= maxx else (g.lon >= minx) | (g.lon <= maxx)
    return np.flatnonzero(in_lat & in_lon)
