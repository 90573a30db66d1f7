"""Area of interest: a polygon in lon/lat (EPSG:4326) plus a name.

The v3 UDPs take only a lon/lat bounding box, and credits / per-job limits depend on the true area, which
is measured in the AOI's own UTM zone (like the library's production grid) rather than in degrees.

Areas across the antimeridian (Fiji, Chukotka) are kept as a multipolygon split at ±180°, every coordinate
inside -180..180. Their ``bbox`` then has west > east (178, -17.3, -179.7, -16.1): the smallest longitude
interval that holds every part, which is what the crop calendar and the tiling need. One openEO job cannot
take such a box, so these areas always run as tiles, each tile on one side of 180°.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import pyproj
import shapely
from pyproj.exceptions import CRSError
from shapely.geometry.base import BaseGeometry

from .errors import InputError

WGS84 = "EPSG:4326"
DEFAULT_MAX_AREA_KM2 = 2500.0
"""Per-job limit of the official notebooks and the Gisat app; larger AOIs must be tiled."""

_EXTENT_DECIMALS = 6  # ~0.1 m: finer than a 10 m pixel, short in a job's JSON
_DENSIFY_PARTS = 32  # vertices per bbox diagonal when reprojecting, so curved edges stay inside the bbox


@lru_cache(maxsize=64)  # building a CRS from its code takes milliseconds; the dock asks at every map move
def _crs(crs: str | pyproj.CRS) -> pyproj.CRS:
    try:
        return pyproj.CRS.from_user_input(crs)
    except (CRSError, TypeError, ValueError) as err:
        raise InputError(f"Unknown coordinate reference system '{crs}'.", field="crs", details=str(err)) from err


@lru_cache(maxsize=64)
def _transformer(src: pyproj.CRS, dst: pyproj.CRS) -> pyproj.Transformer:
    """Cached: creating one costs tens of milliseconds, using it microseconds. Since pyproj 3.1 a Transformer
    makes its own PROJ object per thread, so sharing the cached one with worker threads is safe."""
    return pyproj.Transformer.from_crs(src, dst, always_xy=True)


def _reproject(geom: BaseGeometry, src: pyproj.CRS, dst: pyproj.CRS) -> BaseGeometry:
    """``geom`` from ``src`` to ``dst`` (x = lon / easting), densified first so long edges bend correctly."""
    if src == dst or geom.is_empty:
        return geom
    xmin, ymin, xmax, ymax = geom.bounds
    step = math.hypot(xmax - xmin, ymax - ymin) / _DENSIFY_PARTS
    if step > 0:
        geom = shapely.segmentize(geom, step)
    transformer = _transformer(src, dst)

    def _apply(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geom, _apply)


def utm_epsg_for(lon: float, lat: float) -> int:
    """EPSG code of the standard UTM zone holding ``lon, lat`` (326xx north, 327xx south)."""
    zone = min(max(math.floor((lon + 180.0) / 6.0) + 1, 1), 60)
    return (32600 if lat >= 0 else 32700) + zone


@dataclass(frozen=True)
class Aoi:
    """An AOI polygon; ``geometry`` is always lon/lat EPSG:4326."""

    geometry: BaseGeometry
    name: str = "aoi"

    @classmethod
    def from_geometry(cls, geom: BaseGeometry, crs: str | pyproj.CRS = WGS84, name: str = "aoi") -> Aoi:
        """Reproject a shapely geometry from ``crs`` (anything pyproj understands) to lon/lat, split at 180°."""
        if not isinstance(geom, BaseGeometry):
            raise InputError(f"The area of interest must be a geometry, not {type(geom).__name__}.", field="aoi")
        return cls(split_at_antimeridian(_reproject(geom, _crs(crs), _crs(WGS84))), name)

    @classmethod
    def from_wkt(cls, wkt: str, crs: str | pyproj.CRS = WGS84, name: str = "aoi") -> Aoi:
        """Parse WKT given in ``crs``."""
        try:
            geom = shapely.from_wkt(wkt)
        except (shapely.errors.GEOSException, TypeError, ValueError) as err:
            raise InputError("The area of interest is not valid WKT.", field="aoi", details=str(err)) from err
        return cls.from_geometry(geom, crs, name)

    @classmethod
    def from_bbox(
        cls, west: float, south: float, east: float, north: float, crs: str | pyproj.CRS = WGS84, name: str = "aoi"
    ) -> Aoi:
        """A rectangle given in ``crs``; west < east and south < north, except west > east in lon/lat (across 180°)."""
        across = -180.0 <= east < west <= 180.0 and east + 360.0 - west <= 180.0  # wider is a typo, not Fiji
        if south < north and across and _crs(crs) == _crs(WGS84):
            return cls.from_geometry(shapely.box(west, south, east + 360.0, north), crs, name)
        if not (west < east and south < north):
            raise InputError(
                f"The extent is empty or inverted (west {west}, south {south}, east {east}, north {north}): "
                "west must be smaller than east (except for a lon/lat area across 180°) and south smaller than north.",
                field="aoi",
            )
        return cls.from_geometry(shapely.box(west, south, east, north), crs, name)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) in degrees; west > east when the area crosses the antimeridian."""
        _, south, _, north = self.geometry.bounds
        west, east = lon_interval(self.geometry)
        return west, south, east, north

    @property
    def crosses_antimeridian(self) -> bool:
        west, _, east, _ = self.bbox
        return west > east

    @property
    def utm_epsg(self) -> int:
        """UTM zone of the bbox centre: where area and tiling are measured."""
        west, south, east, north = self.bbox
        centre = (west + (east + 360.0 if west > east else east)) / 2.0
        return utm_epsg_for((centre + 180.0) % 360.0 - 180.0, (south + north) / 2.0)

    @cached_property
    def area_km2(self) -> float:
        """Area in km² measured in the AOI's UTM zone (error < 0.1 % within a zone)."""
        if self.geometry.is_empty:
            return 0.0
        utm = _reproject(self.geometry, _crs(WGS84), _crs(self.utm_epsg))
        return utm.area / 1e6

    def spatial_extent(self) -> dict:
        """The UDP ``spatial_extent``: bbox rounded outwards to 6 decimals so it still covers the AOI."""
        _check_one_side(self.geometry)
        west, south, east, north = self.bbox
        scale = 10**_EXTENT_DECIMALS
        # round(.., 3) first so float noise (50.7 * 1e6 = 50700000.00000001) does not grow the box
        return {
            "west": math.floor(round(west * scale, 3)) / scale,
            "south": math.floor(round(south * scale, 3)) / scale,
            "east": math.ceil(round(east * scale, 3)) / scale,
            "north": math.ceil(round(north * scale, 3)) / scale,
            "crs": WGS84,
        }

    def to_wkt(self) -> str:
        """Full-precision WKT (lon/lat), for storing and re-creating the AOI exactly."""
        return shapely.to_wkt(self.geometry, rounding_precision=-1)

    def validate(self, max_area_km2: float = DEFAULT_MAX_AREA_KM2) -> None:
        """Raise InputError(field="aoi") for the first reason this AOI cannot be sent as one job.

        ``max_area_km2=inf`` checks it as a tiled run (one job per tile): then an area across 180° passes,
        since every tile lies on one side; one job cannot take it.
        """
        for check in (_check_not_empty, _check_polygonal, _check_lonlat_range, _check_valid):
            check(self.geometry)
        if math.isfinite(max_area_km2):
            _check_one_side(self.geometry)
        _check_area(self.area_km2, max_area_km2)


def _check_not_empty(geom: BaseGeometry) -> None:
    if geom.is_empty:
        raise InputError("The area of interest is empty: draw or select at least one polygon.", field="aoi")


def _check_polygonal(geom: BaseGeometry) -> None:
    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        raise InputError(
            f"The area of interest must be a polygon or multipolygon, not a {geom.geom_type}.", field="aoi"
        )


def _check_valid(geom: BaseGeometry) -> None:
    if geom.is_valid:
        return
    reason = shapely.is_valid_reason(geom)
    if reason.startswith("Self-intersection"):
        where = reason[len("Self-intersection") :].strip()
        raise InputError(
            f"The area of interest is self-intersecting (at {where}); fix its geometry first.", field="aoi"
        )
    raise InputError(f"The area of interest is not a valid polygon ({reason}); fix its geometry first.", field="aoi")


def _check_lonlat_range(geom: BaseGeometry) -> None:
    west, south, east, north = geom.bounds
    if west < -180.0 or east > 180.0 or south < -90.0 or north > 90.0:
        raise InputError(
            f"The area of interest lies outside the longitude/latitude range (bbox {west:g}, {south:g}, {east:g}, "
            f"{north:g}); check its coordinate reference system.",
            field="aoi",
        )


def _check_one_side(geom: BaseGeometry) -> None:
    if not geom.is_empty and lon_interval(geom)[0] > lon_interval(geom)[1]:
        raise InputError(
            "The area of interest crosses the antimeridian (180° longitude), which one openEO job cannot take; "
            "it runs as tiles, each on one side of 180°.",
            field="aoi",
        )


def lon_interval(geom: BaseGeometry) -> tuple[float, float]:
    """(west, east) of the smallest longitude interval holding every part; west > east when it spans 180°.

    The widest gap between the parts' longitude ranges, on the circle, is what the area does not cover:
    a country split at ±180° (parts at 178..180 and -180..-179.7) gives (178, -179.7), not (-180, 180).
    """
    spans = sorted((p.bounds[0], p.bounds[2]) for p in shapely.get_parts(geom) if not p.is_empty)
    if not spans:
        return 0.0, 0.0
    merged = [list(spans[0])]
    for lo, hi in spans[1:]:
        if lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    gaps = [(merged[i + 1][0] - merged[i][1], i) for i in range(len(merged) - 1)]
    wrap_gap = merged[0][0] + 360.0 - merged[-1][1]
    widest, after = max(gaps, default=(-1.0, -1))
    if widest <= wrap_gap:
        return merged[0][0], merged[-1][1]
    return merged[after + 1][0], merged[after][1]


def _jumps_180(polygon: BaseGeometry) -> bool:
    """True when an edge of the polygon's exterior spans more than 180° of longitude."""
    lon = shapely.get_coordinates(polygon.exterior)[:, 0]
    return bool(len(lon) > 1 and np.abs(np.diff(lon)).max() > 180.0)


def split_at_antimeridian(geom: BaseGeometry) -> BaseGeometry:
    """Lon/lat geometry with every coordinate inside -180..180, split at ±180° where it crosses.

    Coordinates beyond ±180 (179..181) are wrapped, and a single polygon with an edge jumping more than 180°
    of longitude is read as crossing the antimeridian: a projected AOI across 180° reprojects to a ring whose
    edges jump from 179.9 to -179.9. A polygon drawn exactly from -180 to 180 (a latitude band) is not.
    """
    if geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
        return geom
    west, _, east, _ = geom.bounds
    beyond = west < -180.0 or east > 180.0
    whole_band = west == -180.0 and east == 180.0  # drawn edge to edge, e.g. box(-180, 40, 180, 41)
    ring_across = geom.geom_type == "Polygon" and east - west > 180.0 and not whole_band and _jumps_180(geom)
    if not (beyond or ring_across) or west < -540.0 or east > 540.0:
        return geom
    from .mgrs import split_antimeridian

    parts = [p for part in split_antimeridian(geom) for p in shapely.get_parts(part)]
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def _check_area(area_km2: float, max_area_km2: float) -> None:
    if area_km2 > max_area_km2:
        raise InputError(
            f"The area of interest covers {area_km2:,.0f} km², more than the {max_area_km2:,.0f} km² allowed per "
            "job; large areas must be tiled into several jobs.",
            field="aoi",
        )
