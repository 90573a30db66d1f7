"""Pixel counts per class and per polygon of a WorldCereal map, streamed by blocks (never the whole map in memory).

Why this way: a country map is 10^9 pixels; reading it block by block keeps memory flat and lets one scan serve
both counting and drawing a sample. A tiled run's mosaic is counted on its per-UTM-zone VRTs (the native 10 m
grids the backend wrote), never on the warped display VRT, so each pixel is counted once with its exact area in
its own UTM zone (|dx * dy|, 100 m2 at 10 m). Where zones overlap, a pixel belongs to the zone whose tiles own
it: the cutline core/mosaic.py gave that zone's display warp (the union of its tiles), the very partition the
map shows. Without that file, the zone's 6 degree longitude band decides (docs/AREAS.md).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import CancelledError, InputError
from ..results import NODATA_VALUE, describe_raster

WINDOW = 2048  # pixels per side of one read: 4 MB of uint8, a few VRT source blocks at a time
_ZONE_VRT = re.compile(r"^(?P<stem>.+)_(?P<epsg>\d{4,5})\.vrt$")


@dataclass(frozen=True)
class RasterPart:
    """One native-grid raster: a single result file, or one UTM zone VRT of a tiled-run mosaic."""

    path: Path
    band: int
    epsg: int
    transform: tuple[float, ...]
    size: tuple[int, int]
    lon_range: tuple[float, float] | None = None  # zone ownership when a mosaic has several zones
    nodata: int = NODATA_VALUE
    cutline_wkt: str | None = None  # zone ownership in pixel/line coordinates (from the display warp)

    @property
    def pixel_area_m2(self) -> float:
        return abs(self.transform[1] * self.transform[5])


@dataclass
class Counts:
    """Pixel counts per value (and per polygon id), with the area of one pixel of each part."""

    per_value: dict[int, int] = field(default_factory=dict)
    area_m2: dict[int, float] = field(default_factory=dict)           # value -> exact area
    per_polygon: dict[int, dict[int, int]] = field(default_factory=dict)
    polygon_area_m2: dict[int, dict[int, float]] = field(default_factory=dict)
    per_part: list[dict[int, int]] = field(default_factory=list)      # counts of each part, for the draw

    def hectares(self, value: int) -> float:
        return self.area_m2.get(value, 0.0) / 10_000.0


def map_parts(path: str | Path, band_name: str | None = None) -> list[RasterPart]:
    """The native-grid rasters behind ``path``: its zone VRTs if it is a tiled-run display mosaic (or one band's
    file of it), else itself."""
    from ..mosaic_bands import display_of

    path = display_of(Path(path))
    zones = sorted(path.parent.glob(f"{path.stem}_*.vrt")) if path.suffix.lower() == ".vrt" else []
    zones = [z for z in zones if _ZONE_VRT.match(z.name) and _ZONE_VRT.match(z.name)["stem"] == path.stem]
    files = zones or [path]
    parts = [_part(f, band_name) for f in files]
    if len(parts) > 1:
        parts = [_with_zone_owner(p) for p in parts]
    return parts


def count_classes(parts: Sequence[RasterPart], *, region=None, polygons: Sequence | None = None,
                  progress: Callable[[float], None] | None = None,
                  is_cancelled: Callable[[], bool] | None = None) -> Counts:
    """Counts per value inside ``region`` (lon/lat shapely geometry, optional) and per polygon (lon/lat list)."""
    counts = Counts()
    totals = np.zeros(256, dtype=np.int64)
    n_poly = len(polygons or ())
    for part_index, part in enumerate(parts):
        part_totals = np.zeros(256, dtype=np.int64)
        by_poly = np.zeros((n_poly + 1) * 256, dtype=np.int64) if n_poly else None
        hint: list[int] = []
        for window in scan(part, region=region, polygons=polygons, progress=_part_progress(progress, part_index,
                                                                                         len(parts)),
                           is_cancelled=is_cancelled):
            if by_poly is not None:
                by_poly += np.bincount(_kept(window.polygon_ids * 256 + window.values, window.keep),
                                       minlength=by_poly.size)
            else:
                hist = histogram(_kept(window.values, window.keep), hint)
                hint = [int(v) for v in np.flatnonzero(hist)]
                part_totals += hist
        if by_poly is not None:  # id 0 = outside every polygon, so the class totals are the column sums
            table = by_poly.reshape(n_poly + 1, 256)
            table[:, part.nodata] = 0
            part_totals = table.sum(axis=0)
        part_totals[part.nodata] = 0
        totals += part_totals
        counts.per_part.append({v: int(c) for v, c in enumerate(part_totals) if c})
        for v, c in enumerate(part_totals):
            if c:
                counts.area_m2[v] = counts.area_m2.get(v, 0.0) + int(c) * part.pixel_area_m2
        if by_poly is not None:
            _add_polygons(counts, by_poly.reshape(n_poly + 1, 256), part.pixel_area_m2)
    counts.per_value = {v: int(c) for v, c in enumerate(totals) if c}
    return counts


def _kept(values: np.ndarray, keep: np.ndarray | None) -> np.ndarray:
    """The kept values, flat; no boolean copy when no mask applies (the common case)."""
    return values.ravel() if keep is None else values[keep]


def histogram(values: np.ndarray, hint: Sequence[int] = ()) -> np.ndarray:
    """256-bin histogram of uint8 values. A class map holds few values: counting the ``hint`` values (those seen
    so far) by comparison is ~15 times faster than np.bincount, which is used only when other values appear."""
    hist = np.zeros(256, dtype=np.int64)
    remaining = values.size
    if 0 < len(hint) <= 8:
        for v in hint:
            hist[v] = np.count_nonzero(values == v)
            remaining -= hist[v]
        if remaining == 0:
            return hist
    return np.bincount(values, minlength=256)


def _add_polygons(counts: Counts, table: np.ndarray, pixel_area: float) -> None:
    for pid in range(1, table.shape[0]):
        for v in np.flatnonzero(table[pid]):
            c = int(table[pid, v])
            per = counts.per_polygon.setdefault(pid - 1, {})
            per[int(v)] = per.get(int(v), 0) + c
            area = counts.polygon_area_m2.setdefault(pid - 1, {})
            area[int(v)] = area.get(int(v), 0.0) + c * pixel_area


@dataclass
class Window:
    """One block of a part: its values, which pixels count, and (optionally) the polygon id of each pixel."""

    part: RasterPart
    xoff: int
    yoff: int
    values: np.ndarray
    keep: np.ndarray | None  # None: every pixel of the window is in (no data is left to the consumers' bins)
    polygon_ids: np.ndarray | None = None


def scan(part: RasterPart, *, region=None, polygons: Sequence | None = None,
         progress: Callable[[float], None] | None = None,
         is_cancelled: Callable[[], bool] | None = None) -> Iterator[Window]:
    """Yield the part's windows in a fixed order (the sample draw relies on it); masks: zone, region. No-data
    pixels stay in: consumers drop the no-data value's bin (a mask copy per window would double the time)."""
    from osgeo import gdal

    ds = _open(part.path)
    band = ds.GetRasterBand(part.band)
    width, height = part.size
    region_layer = _ogr_layer([region], part.epsg) if region is not None else None
    poly_layer = _ogr_layer(polygons, part.epsg) if polygons else None
    cutline = _ogr_layer([part.cutline_wkt], None) if part.cutline_wkt else None
    offsets = [(x, y) for y in range(0, height, WINDOW) for x in range(0, width, WINDOW)]
    for i, (xoff, yoff) in enumerate(offsets):
        if is_cancelled is not None and is_cancelled():
            raise CancelledError("Counting the map's pixels was cancelled.")
        w, h = min(WINDOW, width - xoff), min(WINDOW, height - yoff)
        values = band.ReadAsArray(xoff, yoff, w, h)
        if values is None:
            raise InputError(f"The map '{part.path.name}' could not be read ({gdal.GetLastErrorMsg()}).",
                             field="MAP")
        keep = None
        if part.cutline_wkt is not None:
            keep = _rasterize(cutline, part, xoff, yoff, w, h, pixel_space=True) > 0
        elif part.lon_range is not None:
            keep = _owned(part, xoff, yoff, w, h)
        if region_layer is not None:
            inside = _rasterize(region_layer, part, xoff, yoff, w, h) > 0
            keep = inside if keep is None else keep & inside
        if keep is not None and keep.all():
            keep = None
        ids = _rasterize(poly_layer, part, xoff, yoff, w, h) if poly_layer is not None else None
        if progress is not None:
            progress(100.0 * (i + 1) / len(offsets))
        yield Window(part, xoff, yoff, values.astype(np.uint8, copy=False), keep, ids)


def values_at(parts: Sequence[RasterPart], points: Sequence, band: int) -> list[int | None]:
    """Value of ``band`` under each point (with ``x``, ``y``, ``epsg`` in its part's CRS); None off the map."""
    by_epsg = {p.epsg: p for p in parts}
    out: list[int | None] = []
    datasets = {}
    for point in points:
        part = by_epsg.get(point.epsg)
        if part is None:
            out.append(None)
            continue
        ds = datasets.setdefault(part.path, _open(part.path))
        x0, dx, _, y0, _, dy = part.transform
        col, row = int((point.x - x0) // dx), int((point.y - y0) // dy)
        value = ds.GetRasterBand(band).ReadAsArray(col, row, 1, 1)
        out.append(None if value is None else int(value[0, 0]))
    return out


def pixel_centres(part: RasterPart, xoff: int, yoff: int, cols: np.ndarray, rows: np.ndarray):
    """Map coordinates (in the part's CRS) of pixel centres given window-relative columns and rows."""
    x0, dx, _, y0, _, dy = part.transform
    return x0 + (xoff + cols + 0.5) * dx, y0 + (yoff + rows + 0.5) * dy


def _part(path: Path, band_name: str | None) -> RasterPart:
    from osgeo import gdal  # noqa: F401  (lazy: core stays importable without GDAL)

    ds = _open(path)
    srs = ds.GetSpatialRef()
    code = srs.GetAuthorityCode(None) if srs is not None else None
    if not code:
        raise InputError(f"The map '{path.name}' has no EPSG coordinate system, so its pixel areas are unknown.",
                         field="MAP")
    index = 1
    if band_name:
        index = describe_raster(path).band(band_name).index
    nodata = ds.GetRasterBand(index).GetNoDataValue()
    return RasterPart(path, index, int(code), tuple(ds.GetGeoTransform()), (ds.RasterXSize, ds.RasterYSize),
                      nodata=NODATA_VALUE if nodata is None else int(nodata))


def _with_zone_owner(part: RasterPart) -> RasterPart:
    """The zone's cutline from its display warp VRT when there is one, else its UTM longitude band."""
    from dataclasses import replace

    cutline = _display_cutline(part.path)
    if cutline:
        return replace(part, cutline_wkt=cutline)
    zone = part.epsg % 100
    if part.epsg // 100 not in (326, 327) or not 1 <= zone <= 60:
        return part
    west = -180.0 + 6.0 * (zone - 1)
    return replace(part, lon_range=(west, west + 6.0))


def _display_cutline(zone_vrt: Path) -> str | None:
    """The CUTLINE (zone pixel/line coordinates) of ``<zone>_to_<epsg>.vrt``, written by core/mosaic.py."""
    import xml.etree.ElementTree as ET

    for warped in sorted(zone_vrt.parent.glob(f"{zone_vrt.stem}_to_*.vrt")):
        try:
            node = ET.parse(warped).getroot().find(".//Cutline")
        except (OSError, ET.ParseError):
            continue
        if node is not None and node.text:
            return node.text.strip()
    return None


def _owned(part: RasterPart, xoff: int, yoff: int, w: int, h: int) -> np.ndarray:
    """Pixels whose centre lies in the part's zone band; exact per pixel only for windows crossing the edge."""
    lon = _lon(part, xoff, yoff, np.array([0, w - 1, 0, w - 1, w // 2, w // 2]),
               np.array([0, 0, h - 1, h - 1, 0, h - 1]))
    west, east = part.lon_range
    margin = 0.01  # degrees: corner tests are exact only on straight lines, keep a safety band
    if lon.min() >= west + margin and lon.max() < east - margin:
        return np.ones((h, w), dtype=bool)
    if lon.max() < west - margin or lon.min() >= east + margin:
        return np.zeros((h, w), dtype=bool)
    rows, cols = np.mgrid[0:h, 0:w]
    full = _lon(part, xoff, yoff, cols.ravel(), rows.ravel()).reshape(h, w)
    return (full >= west) & (full < east)


def _lon(part: RasterPart, xoff: int, yoff: int, cols: np.ndarray, rows: np.ndarray) -> np.ndarray:

    x, y = pixel_centres(part, xoff, yoff, cols, rows)
    lon, _ = transformer(part.epsg, 4326).transform(x, y)
    return np.asarray(lon)


def _ogr_layer(geometries: Sequence, epsg: int | None):
    """An in-memory OGR layer of lon/lat shapely geometries reprojected to ``epsg`` (or WKT strings in pixel
    space when ``epsg`` is None); field ``uid`` = index + 1."""
    from osgeo import ogr, osr

    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
    driver = ogr.GetDriverByName("Memory")
    source = driver.CreateDataSource("areas")
    layer = source.CreateLayer("polygons", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("uid", ogr.OFTInteger))
    for i, geom in enumerate(geometries):
        if geom is None or (not isinstance(geom, str) and geom.is_empty):
            continue
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("uid", i + 1)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(geom if isinstance(geom, str) else to_crs(geom, epsg).wkt))
        layer.CreateFeature(feature)
    return source, layer


def _rasterize(source_layer, part: RasterPart, xoff: int, yoff: int, w: int, h: int, *,
               pixel_space: bool = False) -> np.ndarray:
    """Polygon ids (0 = none) of the window's pixels, by pixel centre."""
    from osgeo import gdal

    _, layer = source_layer
    x0, dx, rx, y0, ry, dy = (0.0, 1.0, 0.0, 0.0, 0.0, 1.0) if pixel_space else part.transform
    gt = (x0 + xoff * dx, dx, rx, y0 + yoff * dy, ry, dy)
    minx, maxx = sorted((gt[0], gt[0] + w * dx))
    miny, maxy = sorted((gt[3], gt[3] + h * dy))
    layer.SetSpatialFilterRect(minx, miny, maxx, maxy)
    out = np.zeros((h, w), dtype=np.int32)
    if layer.GetFeatureCount() == 0:
        layer.SetSpatialFilter(None)
        return out
    mem = gdal.GetDriverByName("MEM").Create("", w, h, 1, gdal.GDT_Int32)
    mem.SetGeoTransform(gt)
    if layer.GetSpatialRef() is not None:
        mem.SetProjection(layer.GetSpatialRef().ExportToWkt())
    gdal.RasterizeLayer(mem, [1], layer, options=["ATTRIBUTE=uid"])
    layer.SetSpatialFilter(None)
    return mem.GetRasterBand(1).ReadAsArray()


def to_crs(geom, epsg: int):
    """A lon/lat shapely geometry in ``epsg`` (densified first, so long edges follow the projection)."""
    import shapely

    if epsg == 4326:
        return geom
    to_epsg = transformer(4326, epsg)

    def apply(xy: np.ndarray) -> np.ndarray:
        x, y = to_epsg.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(shapely.segmentize(geom, 0.002), apply)


def transformer(source: int, target: int):
    """A pyproj transformer cached per thread: building one costs milliseconds (a layer of districts needs one
    per polygon), and pyproj objects must not be shared between threads (Processing may run two at once)."""
    return _thread_transformer(source, target, threading.get_ident())


@lru_cache(maxsize=32)
def _thread_transformer(source: int, target: int, thread: int):
    import pyproj

    return pyproj.Transformer.from_crs(source, target, always_xy=True)


def _open(path: Path):
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = gdal.Open(str(path))
    except RuntimeError:
        ds = None
    finally:
        gdal.PopErrorHandler()
    if ds is None:
        raise InputError(f"The map '{Path(path).name}' cannot be opened as a raster.", field="MAP")
    return ds


def _part_progress(progress: Callable[[float], None] | None, index: int, total: int):
    if progress is None:
        return None
    return lambda pct: progress((index + pct / 100.0) * 100.0 / total)
