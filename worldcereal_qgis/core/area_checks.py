"""Areas that are valid but almost certainly a mistake: tiny, or entirely in the open sea.

A job costs its fixed overhead however small the area (docs/CREDITS.md: about 2 credits for the smallest map), and
a map of open water is all "no cropland": both spend credits for nothing. These are warnings, not errors (a
one-field map or an island can be meant): the dock asks before it submits, Processing refuses unless CONFIRM is
set. The sea test reuses the crop-calendar land grid of the reference-data checks (``reference_coords``): 0.5°
cells with a calendar entry, widened by one cell, so coasts and islands never count as sea.
"""

from __future__ import annotations

import math
from typing import Any

from .aoi import Aoi

# One hectare = 100 pixels of 10 m: below it a map is a handful of pixels (a 1 m² area is not even one pixel).
TINY_AREA_KM2 = 0.01
_CELL_DEG = 0.5


def area_warnings(aoi: Aoi, land: Any = None, min_credits: float | None = None) -> list[str]:
    """Sentences for a tiny area and for an area with no land cell; ``land`` None skips the sea test."""
    found = [tiny_area_warning(aoi.area_km2, min_credits), sea_warning(aoi.bbox, land)]
    return [w for w in found if w]


def tiny_area_warning(area_km2: float, min_credits: float | None = None) -> str | None:
    if area_km2 >= TINY_AREA_KM2:
        return None
    cost = f" but a job still costs about {min_credits:.0f} credits" if min_credits else ""
    return (f"The area of interest is only {_area_text(area_km2)}, smaller than one hectare (100 pixels of 10 m),"
            f"{cost}; check that the right polygon or extent is used.")


def sea_warning(bbox: tuple[float, float, float, float], land: Any) -> str | None:
    """The whole bounding box lies in cells without a crop-calendar entry within about 50 km: open sea."""
    if land is None or _touches_land(bbox, land):
        return None
    west, south, east, north = bbox
    return (f"The area of interest ({west:.3f}, {south:.3f} – {east:.3f}, {north:.3f}) lies entirely in the open "
            "sea (no WorldCereal crop-calendar cell within about 50 km), so its map would hold no cropland; check "
            "its coordinates and CRS.")


def _touches_land(bbox: tuple[float, float, float, float], land: Any) -> bool:
    west, south, east, north = bbox
    rows = range(_row(south), _row(north) + 1)
    cols = [c % 720 for c in range(_col(west), _col(east) + 1)]
    return any(bool(land[r, c]) for r in rows for c in cols)


def _row(lat: float) -> int:
    return min(max(math.floor((lat + 90.0) / _CELL_DEG), 0), 359)


def _col(lon: float) -> int:
    return math.floor((lon + 180.0) / _CELL_DEG)


def _area_text(area_km2: float) -> str:
    m2 = area_km2 * 1e6
    return f"{m2:,.0f} m²" if m2 < 10_000 else f"{area_km2:.3f} km²"
