"""The output grid of a simulated map: the UTM zone of the bbox centre, 10 m pixels on a 10 m grid.

CDSE writes WorldCereal products in the UTM zone of the area (WGS84 / UTM, EPSG:326xx north, 327xx south)
with pixel edges on multiples of 10 m; the simulated products must load exactly like those.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pyproj import CRS, Transformer

RESOLUTION = 10.0
MAX_PIXELS = 25_000_000  # 2,500 km2 at 10 m: the largest area the official notebooks process in one job


class SimulationError(ValueError):
    """The request cannot be simulated; ``str()`` is one user-facing sentence (the job's error message)."""


@dataclass(frozen=True)
class Grid:
    """A north-up raster grid in a projected CRS (bounds in metres, shape in pixels)."""

    epsg: int
    west: float
    south: float
    east: float
    north: float

    @property
    def width(self) -> int:
        return round((self.east - self.west) / RESOLUTION)

    @property
    def height(self) -> int:
        return round((self.north - self.south) / RESOLUTION)

    @property
    def bbox(self) -> list[float]:
        return [self.west, self.south, self.east, self.north]

    @property
    def area_km2(self) -> float:
        return (self.east - self.west) * (self.north - self.south) / 1e6

    def wgs84_bbox(self) -> list[float]:
        """Lon/lat envelope of the grid, as CDSE reports it in the job's ``extent``."""
        to_wgs84 = Transformer.from_crs(self.epsg, 4326, always_xy=True)
        return list(to_wgs84.transform_bounds(*self.bbox, densify_pts=21))


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the WGS84 / UTM zone containing (lon, lat)."""
    zone = min(int((lon + 180.0) // 6.0) + 1, 60)
    return (32600 if lat >= 0 else 32700) + zone


def extent_crs(extent: dict) -> CRS:
    """The CRS of an openEO bounding box (``crs`` may be an EPSG int, "EPSG:xxxx", WKT or absent)."""
    raw = extent.get("crs", 4326)
    try:
        return CRS.from_user_input(raw if raw is not None else 4326)
    except Exception as exc:
        raise SimulationError(f"The spatial extent has an unknown CRS: {raw!r}.") from exc


def grid_for_extent(extent: dict) -> Grid:
    """The 10 m UTM grid covering ``extent`` (snapped outward), as a CDSE job would write it."""
    try:
        bounds = [float(extent[key]) for key in ("west", "south", "east", "north")]
    except (KeyError, TypeError, ValueError) as exc:
        raise SimulationError("The spatial extent needs numeric west, south, east and north.") from exc
    crs = extent_crs(extent)
    to_wgs84 = Transformer.from_crs(crs, 4326, always_xy=True)
    lon, lat = to_wgs84.transform((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)
    epsg = utm_epsg(lon, lat)
    to_utm = Transformer.from_crs(crs, epsg, always_xy=True)
    west, south, east, north = to_utm.transform_bounds(*bounds, densify_pts=21)
    grid = Grid(epsg, _floor(west), _floor(south), _ceil(east), _ceil(north))
    _check_size(grid)
    return grid


def _check_size(grid: Grid) -> None:
    if grid.width < 1 or grid.height < 1:
        raise SimulationError("The spatial extent is empty: west must be below east and south below north.")
    if grid.width * grid.height > MAX_PIXELS:
        raise SimulationError(
            f"The local backend simulates at most {MAX_PIXELS * RESOLUTION**2 / 1e6:,.0f} km² per job; "
            f"this area is {grid.area_km2:,.0f} km²."
        )


def _floor(value: float) -> float:
    return math.floor(round(value / RESOLUTION, 6)) * RESOLUTION


def _ceil(value: float) -> float:
    return math.ceil(round(value / RESOLUTION, 6)) * RESOLUTION
