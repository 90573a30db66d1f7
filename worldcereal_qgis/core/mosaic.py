"""Mosaic of a tiled run's results: VRTs only, never a full copy of the tiles.

Why this layout: a country run has hundreds of 20 km GeoTIFFs in two or more UTM zones. Per UTM zone (the
CRS each file was written in, which the backend chooses) one plain VRT stitches the files on their own 10 m grid
without resampling, each file cut to its tile's rectangle, so overlapping job bboxes never show the neighbour's
edge pixels. For display, each zone VRT is warped (nearest neighbour, exact transform) to one common CRS,
cut by the union of its tiles' geometries, and one top VRT stacks the warped zones on a fixed grid over the
whole run: zones meet along the tile boundaries with no gap and no double coverage, and the display extent
never changes while tiles arrive, so a loaded layer only needs a reload after each rebuild. Each display band
reads its own single-band warped VRT (``mosaic_bands``): QGIS loads every band as a layer, and a warped VRT
warps all its bands for any block read, so one band drawn through the 53-band warp cost 53 warps.

Where two tiles of one zone both cover a pixel (their rectangles overlap along a slanted S2-cell boundary),
the later tile in plan order wins; both are outputs for that very pixel. Files are replaced atomically, so a
renderer reading the old VRT never sees half a file. GDAL is used without changing its exception mode.
"""

from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry.base import BaseGeometry

from .errors import WorldCerealError
from .mosaic_bands import WARP_OPTIONS, readable, split_bands, split_display
from .mosaic_bands import write_xml_atomic as _write_xml_atomic

DISPLAY_RES_M = 10.0
_M_PER_DEG = 111_320.0
_DENSIFY_DEG = 0.002


class MosaicError(WorldCerealError):
    """A mosaic file could not be written or a tile file could not be read."""


@dataclass(frozen=True)
class MosaicTile:
    """A finished tile: its result file and geometry; ``epsg``/``geometry_utm`` give exact edges when they match."""

    name: str
    path: Path
    geometry_4326: BaseGeometry
    epsg: int | None = None
    geometry_utm: BaseGeometry | None = None


@dataclass(frozen=True)
class MosaicResult:
    display: Path                   # the warped mosaic in ``display_epsg`` (load this one)
    zones: dict[int, Path]          # native-grid VRT per file CRS (EPSG code)
    tiles: tuple[str, ...]          # tiles in the mosaic
    skipped: tuple[str, ...]        # tiles left out: unreadable file or another band set


@dataclass(frozen=True)
class _Band:
    description: str
    data_type: str
    nodata: float | None
    block: tuple[int, int]


@dataclass(frozen=True)
class _File:
    tile: MosaicTile
    epsg: int
    wkt: str
    transform: tuple[float, ...]
    size: tuple[int, int]
    bands: tuple[_Band, ...]

    @property
    def band_set(self) -> tuple[str, ...]:
        return tuple(b.description for b in self.bands)


# --- reading tile files ------------------------------------------------------------------------------------------


def _gdal():
    from osgeo import gdal

    return gdal


def _open(path: Path, update: bool = False):
    gdal = _gdal()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return gdal.Open(str(path), gdal.GA_Update if update else gdal.GA_ReadOnly)
    except RuntimeError:
        return None
    finally:
        gdal.PopErrorHandler()


def _read_file(tile: MosaicTile) -> _File | None:
    gdal = _gdal()
    ds = _open(tile.path)
    if ds is None or ds.RasterCount == 0:
        return None
    srs = ds.GetSpatialRef()
    code = srs.GetAuthorityCode(None) if srs is not None else None
    if not code:
        return None
    bands = []
    for i in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(i)
        bands.append(_Band(band.GetDescription(), gdal.GetDataTypeName(band.DataType), band.GetNoDataValue(),
                           tuple(band.GetBlockSize())))
    return _File(tile, int(code), srs.ExportToWkt(), tuple(ds.GetGeoTransform()), (ds.RasterXSize, ds.RasterYSize),
                 tuple(bands))


# --- geometry helpers --------------------------------------------------------------------------------------------


def _to_crs(geom: BaseGeometry, epsg: int) -> BaseGeometry:
    import pyproj
    import shapely

    transformer = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)

    def apply(xy):
        import numpy as np

        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(shapely.segmentize(geom, _DENSIFY_DEG), apply)


def _tile_bounds(f: _File) -> tuple[float, float, float, float]:
    return tuple(_utm_geometry(f).bounds)  # type: ignore[return-value]


def _pixel_window(f: _File, bounds: tuple[float, float, float, float]) -> tuple[int, int, int, int] | None:
    """Tile rectangle as a pixel window of its file (edges rounded to the nearest pixel edge), clipped."""
    x0, dx, _, y0, _, dy = f.transform
    left = max(0, round((bounds[0] - x0) / dx))
    right = min(f.size[0], round((bounds[2] - x0) / dx))
    top = max(0, round((bounds[3] - y0) / dy))
    bottom = min(f.size[1], round((bounds[1] - y0) / dy))
    if right <= left or bottom <= top:
        return None
    return left, top, right - left, bottom - top


# --- VRT writing -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Source:
    path: Path
    src: tuple[int, int, int, int]
    dst: tuple[int, int, int, int]
    size: tuple[int, int]
    bands: tuple[_Band, ...]
    band_paths: tuple[Path, ...] = ()  # one single-band file per band (band i reads band 1 of band_paths[i])


def _rect(parent: ET.Element, tag: str, rect: tuple[int, int, int, int]) -> None:
    ET.SubElement(parent, tag, xOff=str(rect[0]), yOff=str(rect[1]), xSize=str(rect[2]), ySize=str(rect[3]))


def _vrt(path: Path, wkt: str, transform: tuple[float, ...], size: tuple[int, int], bands: Sequence[_Band],
         sources: Sequence[_Source]) -> None:
    """A plain mosaic VRT: sources in order (later ones win), their nodata pixels let earlier ones show."""
    root = ET.Element("VRTDataset", rasterXSize=str(size[0]), rasterYSize=str(size[1]))
    ET.SubElement(root, "SRS", dataAxisToSRSAxisMapping="1,2").text = wkt
    ET.SubElement(root, "GeoTransform").text = ", ".join(repr(float(v)) for v in transform)
    for index, band in enumerate(bands, start=1):
        node = ET.SubElement(root, "VRTRasterBand", dataType=band.data_type, band=str(index))
        ET.SubElement(node, "Description").text = band.description
        if band.nodata is not None:
            ET.SubElement(node, "NoDataValue").text = repr(band.nodata)
        for source in sources:
            _source_node(node, path.parent, source, index)
    _write_xml_atomic(root, path)


def _source_node(band_node: ET.Element, vrt_dir: Path, source: _Source, index: int) -> None:
    band = source.bands[index - 1]
    path, source_band = (source.band_paths[index - 1], 1) if source.band_paths else (source.path, index)
    node = ET.SubElement(band_node, "ComplexSource")
    ET.SubElement(node, "SourceFilename", relativeToVRT="1").text = os.path.relpath(path, vrt_dir)
    ET.SubElement(node, "SourceBand").text = str(source_band)
    ET.SubElement(node, "SourceProperties", RasterXSize=str(source.size[0]), RasterYSize=str(source.size[1]),
                  DataType=band.data_type, BlockXSize=str(band.block[0]), BlockYSize=str(band.block[1]))
    _rect(node, "SrcRect", source.src)
    _rect(node, "DstRect", source.dst)
    if band.nodata is not None:
        ET.SubElement(node, "NODATA").text = repr(band.nodata)


def _zone_vrt(path: Path, files: Sequence[_File]) -> tuple[float, ...]:
    """Native-grid VRT of one CRS: grid of the first file, each file cut to its tile's rectangle."""
    x0, dx, _, y0, _, dy = files[0].transform
    windows = [(f, _pixel_window(f, _tile_bounds(f))) for f in files]
    windows = [(f, w) for f, w in windows if w is not None]
    if not windows:
        raise MosaicError(f"No tile of {path.stem} overlaps its result file.")
    boxes = []
    for f, (col, row, w, h) in windows:
        fx0, _, _, fy0, _, _ = f.transform
        left, top = fx0 + col * f.transform[1], fy0 + row * f.transform[5]
        boxes.append((left, top, left + w * f.transform[1], top + h * f.transform[5]))
    # extent snapped to the first file's grid, so sources on that grid land on whole pixels
    gx0 = x0 + math.floor(round((min(b[0] for b in boxes) - x0) / dx, 6)) * dx
    gy0 = y0 + math.floor(round((max(b[1] for b in boxes) - y0) / dy, 6)) * dy
    gx1 = x0 + math.ceil(round((max(b[2] for b in boxes) - x0) / dx, 6)) * dx
    gy1 = y0 + math.ceil(round((min(b[3] for b in boxes) - y0) / dy, 6)) * dy
    size = (round((gx1 - gx0) / dx), round((gy1 - gy0) / dy))
    sources = []
    for (f, window), b in zip(windows, boxes):
        dst = (round((b[0] - gx0) / dx), round((b[1] - gy0) / dy),
               round((b[2] - b[0]) / dx), round((b[3] - b[1]) / dy))
        sources.append(_Source(f.tile.path, window, dst, f.size, f.bands))
    transform = (gx0, dx, 0.0, gy0, 0.0, dy)
    _vrt(path, files[0].wkt, transform, size, files[0].bands, sources)
    return transform


# --- display mosaic ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Grid:
    """The fixed display grid: origin, pixel size and size in the display CRS."""

    x0: float
    y0: float
    res: float
    width: int
    height: int

    def window(self, bounds: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        left = max(0, math.floor((bounds[0] - self.x0) / self.res))
        top = max(0, math.floor((self.y0 - bounds[3]) / self.res))
        right = min(self.width, math.ceil((bounds[2] - self.x0) / self.res))
        bottom = min(self.height, math.ceil((self.y0 - bounds[1]) / self.res))
        return left, top, max(right - left, 1), max(bottom - top, 1)

    def bounds(self, window: tuple[int, int, int, int]) -> tuple[float, float, float, float]:
        col, row, w, h = window
        x0, y1 = self.x0 + col * self.res, self.y0 - row * self.res
        return x0, y1 - h * self.res, x0 + w * self.res, y1


def display_grid(extent_4326: tuple[float, float, float, float], display_epsg: int = 4326,
                 res_m: float = DISPLAY_RES_M) -> _Grid:
    """A grid over the whole run (fixed from the plan, so the display layer's extent never changes)."""
    import shapely

    west, south, east, north = extent_4326
    geom = shapely.box(west, south, east + 360.0 if west > east else east, north)  # across 180°: continuous
    if display_epsg == 4326:
        res = res_m / _M_PER_DEG
    else:
        geom = _to_crs(geom, display_epsg)
        res = res_m
    minx, miny, maxx, maxy = geom.bounds
    x0, y0 = math.floor(minx / res) * res, math.ceil(maxy / res) * res
    width, height = math.ceil((maxx - x0) / res), math.ceil((y0 - miny) / res)
    return _Grid(x0, y0, res, width, height)


def _cutline_wkt(files: Sequence[_File], transform: tuple[float, ...]) -> str:
    """The zone's tiles as one polygon in the zone VRT's pixel/line coordinates (GDAL's CUTLINE warp option).

    Built in the zone's own CRS and snapped to 1/1000 pixel, so it is valid whatever tiny gaps the tiles of two
    zones leave between them; given in pixels, GDAL uses it as is instead of re-projecting (and re-validating) it.
    """
    import shapely

    x0, dx, _, y0, _, dy = transform
    parts = [_utm_geometry(f) for f in files]
    union = shapely.union_all(parts)
    pixels = shapely.transform(union, lambda xy: (xy - (x0, y0)) / (dx, dy))
    return shapely.to_wkt(shapely.make_valid(shapely.set_precision(pixels, 1e-3)), rounding_precision=-1)


def _utm_geometry(f: _File) -> BaseGeometry:
    tile = f.tile
    if tile.geometry_utm is not None and tile.epsg == f.epsg:
        return tile.geometry_utm
    return _to_crs(tile.geometry_4326, f.epsg)


def _warp(zone_vrt: Path, zone_transform: tuple[float, ...], dest: Path, files: Sequence[_File], grid: _Grid,
          display_epsg: int) -> _Source:
    """Warped VRT of one zone on its window of the display grid, cut to its tiles; as a display source."""
    import shapely

    gdal = _gdal()
    extent = shapely.union_all([f.tile.geometry_4326 for f in files])
    if display_epsg != 4326:
        extent = _to_crs(extent, display_epsg)
    window = grid.window(tuple(extent.bounds))  # type: ignore[arg-type]
    nodata = files[0].bands[0].nodata
    tmp = dest.with_name(dest.stem + ".tmp.vrt")
    options = gdal.WarpOptions(
        format="VRT", dstSRS=f"EPSG:{display_epsg}", outputBounds=grid.bounds(window), width=window[2],
        height=window[3], resampleAlg="near", errorThreshold=0.0,
        warpOptions=[f"CUTLINE={_cutline_wkt(files, zone_transform)}", *WARP_OPTIONS],
        srcNodata=nodata, dstNodata=nodata,
    )
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = gdal.Warp(str(tmp), str(zone_vrt), options=options)
    except RuntimeError:
        ds = None
    finally:
        gdal.PopErrorHandler()
    if ds is None:
        tmp.unlink(missing_ok=True)
        raise MosaicError(f"The display mosaic of {zone_vrt.name} could not be written: {gdal.GetLastErrorMsg()}.")
    for index, band in enumerate(files[0].bands, start=1):
        ds.GetRasterBand(index).SetDescription(band.description)
    block = tuple(ds.GetRasterBand(1).GetBlockSize())
    ds = None
    os.replace(tmp, dest)
    band_paths = readable(split_bands(dest))
    bands = tuple(_Band(b.description, b.data_type, b.nodata, block) for b in files[0].bands)  # type: ignore[arg-type]
    return _Source(dest, (0, 0, window[2], window[3]), window, (window[2], window[3]), bands, band_paths)


def _display_vrt(path: Path, sources: Sequence[_Source], grid: _Grid, display_epsg: int,
                 bands: Sequence[_Band]) -> None:
    import pyproj

    wkt = pyproj.CRS.from_epsg(display_epsg).to_wkt()
    _vrt(path, wkt, (grid.x0, grid.res, 0.0, grid.y0, 0.0, -grid.res), (grid.width, grid.height), bands, sources)


def _display_crs(extent_4326: tuple[float, float, float, float], display_epsg: int) -> int:
    """A run across the antimeridian (west > east) is displayed in the UTM zone at its centre, not in lon/lat.

    In EPSG:4326 the two sides of 180° are 360° apart, and one grid over both would span the globe. The
    UTM zone around the run's centre is continuous across 180°, so the sides are mosaicked into one result.
    """
    west, south, east, north = extent_4326
    if display_epsg != 4326 or west <= east:
        return display_epsg
    from .aoi import utm_epsg_for

    centre = (west + east + 360.0) / 2.0
    return utm_epsg_for((centre + 180.0) % 360.0 - 180.0, (south + north) / 2.0)


# --- public API --------------------------------------------------------------------------------------------------


def build_mosaic(out_dir: str | Path, tiles: Sequence[MosaicTile], *, name: str,
                 extent_4326: tuple[float, float, float, float], display_epsg: int = 4326) -> MosaicResult | None:
    """(Re)build the zone VRTs and the display mosaic from the tiles finished so far; None if none is readable.

    ``extent_4326`` is the whole run's extent (all planned tiles), so the display grid is the same at every
    rebuild; west > east for a run across 180°, displayed in its central UTM zone (``_display_crs``). Only
    the first band set is mosaicked; tiles with another one are reported in ``skipped``.
    """
    out_dir = Path(out_dir)
    files, skipped = [], []
    for tile in tiles:
        info = _read_file(tile)
        if info is None or (files and info.band_set != files[0].band_set):
            skipped.append(tile.name)
        else:
            files.append(info)
    if not files:
        return None
    by_zone: dict[int, list[_File]] = {}
    for f in files:
        by_zone.setdefault(f.epsg, []).append(f)
    display_epsg = _display_crs(extent_4326, display_epsg)
    grid = display_grid(extent_4326, display_epsg)
    zones, warped = {}, []
    for epsg, zone_files in sorted(by_zone.items()):
        zones[epsg] = out_dir / f"{name}_{epsg}.vrt"
        zone_transform = _zone_vrt(zones[epsg], zone_files)
        dest = out_dir / f"{name}_{epsg}_to_{display_epsg}.vrt"
        warped.append(_warp(zones[epsg], zone_transform, dest, zone_files, grid, display_epsg))
    display = out_dir / f"{name}.vrt"
    _display_vrt(display, warped, grid, display_epsg, files[0].bands)
    split_display(display)
    return MosaicResult(display, zones, tuple(f.tile.name for f in files), tuple(skipped))
