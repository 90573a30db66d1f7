"""Area of interest: a polygon in lon/lat (EPSG:4326) plus a name.

The v3 UDPs take only a lon/lat bounding box, and credits / per-job limits depend on the true area, which
is measured in the AOI's own UTM zone (like the library's production grid) rather than in degrees.
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
        """Reproject a shapely geometry from ``crs`` (anything pyproj understands) to lon/lat."""
        if not isinstance(geom, BaseGeometry):
            raise InputError(f"The area of interest must be a geometry, not {type(geom).__name__}.", field="aoi")
        return cls(_reproject(geom, _crs(crs), _crs(WGS84)), name)

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
        """A rectangle given in ``crs``; west < east and south < north."""
        if not (west < east and south < north):
            raise InputError(
                f"The extent is empty or inverted (west {west}, south {south}, east {east}, north {north}): "
                "west must be smaller than east and south smaller than north.",
                field="aoi",
            )
        return cls.from_geometry(shapely.box(west, south, east, north), crs, name)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) in degrees."""
        return tuple(self.geometry.bounds)  # type: ignore[return-value]

    @property
    def utm_epsg(self) -> int:
        """UTM zone of the bbox centre: where area and tiling are measured."""
        west, south, east, north = self.bbox
        return utm_epsg_for((west + east) / 2.0, (south + north) / 2.0)

    @cached_property
    def area_km2(self) -> float:
        """Area in km² measured in the AOI's UTM zone (error < 0.1 % within a zone)."""
        if self.geometry.is_empty:
            return 0.0
        utm = _reproject(self.geometry, _crs(WGS84), _crs(self.utm_epsg))
        return utm.area / 1e6

    def spatial_extent(self) -> dict:
        """The UDP ``spatial_extent``: bbox rounded outwards to 6 decimals so it still covers the AOI."""
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
        """Raise InputError(field="aoi") for the first reason this AOI cannot be sent as one job."""
        for check in (_check_not_empty, _check_polygonal, _check_lonlat_range, _check_valid):
            check(self.geometry)
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
    plausible = west >= -360.0 and east <= 360.0 and south >= -90.0 and north <= 90.0
    straddles = west < 180.0 < east or west < -180.0 < east
    # A projected AOI across 180° reprojects to a ring spanning almost all longitudes.
    if plausible and (straddles or east - west > 180.0):
        raise InputError(
            "The area of interest crosses the antimeridian (180° longitude); split it into an eastern and a "
            "western part.",
            field="aoi",
        )
    if west < -180.0 or east > 180.0 or south < -90.0 or north > 90.0:
        raise InputError(
            f"The area of interest lies outside the longitude/latitude range (bbox {west:g}, {south:g}, {east:g}, "
            f"{north:g}); check its coordinate reference system.",
            field="aoi",
        )


def _check_area(area_km2: float, max_area_km2: float) -> None:
    if area_km2 > max_area_km2:
        raise InputError(
            f"The area of interest covers {area_km2:,.0f} km², more than the {max_area_km2:,.0f} km² allowed per "
            "job; large areas must be tiled into several jobs.",
            field="aoi",
        )
