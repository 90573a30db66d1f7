"""Single-band copies of a zone's warped VRT, so drawing one band of the mosaic warps that band only.

Why: GDAL's warped VRT (VRTWarpedDataset) runs the warper over every band of its band list for any block
read, and QGIS loads each band of the display mosaic as its own layer; with 53 crop-type bands one redraw of one
layer warped 53 bands. The copy keeps everything GDAL wrote for the zone (grid, exact transform, cutline,
nodata, options) and keeps only one band and its mapping: the source band it reads is the same, so each
display pixel takes the very same source pixel as the all-band warp would give it.
"""

from __future__ import annotations

import copy
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

MIN_OVERVIEW_PX = 256

# Warper options that leave every pixel as it is: skip the chunks with no source pixel (they stay nodata,
# as INIT_DEST=NO_DATA fills them anyway) instead of warping them.
WARP_OPTIONS = ("SKIP_NOSOURCE=YES",)


def write_xml_atomic(root: ET.Element, path: Path) -> None:
    """Written to a temporary file and renamed: a renderer reading the old VRT never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.indent(root)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(ET.tostring(root))
    os.replace(tmp, path)


def split_bands(warped: Path) -> tuple[Path, ...]:
    """One single-band warped VRT per band of ``warped``, beside it; the paths in band order.

    Beside it, not in a subfolder: GDAL 3.13 (Debian sid) resolves the zone VRT's relative tile paths from the
    folder of the VRT that warps it, so a subfolder lost every tile."""
    folder = warped.parent
    paths = []
    for index, root in enumerate(per_band_roots(ET.parse(warped).getroot(), warped.parent, folder), start=1):
        paths.append(folder / f"{warped.stem}_b{index}.vrt")
        write_xml_atomic(root, paths[-1])
    return tuple(paths)


def readable(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """The one-band warps if this GDAL opens them as one band; else none, and every display band reads the
    all-band warp (slower to draw, same pixels). Debian sid's GDAL (the QGIS 3.44 matrix) opens them with no band."""
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = gdal.Open(str(paths[0])) if paths else None
        usable = (ds is not None and ds.RasterCount == 1
                  and ds.GetRasterBand(1).ReadRaster(ds.RasterXSize // 2, ds.RasterYSize // 2, 1, 1) is not None)
    except RuntimeError:  # another plugin may have turned GDAL exceptions on
        usable = False
    finally:
        ds = None
        gdal.PopErrorHandler()
    if not usable:
        for path in paths:
            path.unlink(missing_ok=True)
        return ()
    return paths


def per_band_roots(root: ET.Element, warped_dir: Path, folder: Path) -> Iterator[ET.Element]:
    """For each band of a warped VRT's XML ``root`` (written in ``warped_dir``), the XML of a one-band warped VRT
    to be written in ``folder``: that band as band 1, its source band unchanged, the source path re-anchored."""
    bands = root.findall("VRTRasterBand")
    options = root.find("GDALWarpOptions")
    band_list = options.find("BandList")
    mappings = band_list.findall("BandMapping")
    source = options.find("SourceDataset")
    if source.get("relativeToVRT") == "1":
        source.text = os.path.relpath(warped_dir / source.text.strip(), folder)
    for node in bands:
        root.remove(node)
    _add_overviews(root)
    for node in mappings:
        band_list.remove(node)
    for band, mapping in zip(bands, mappings):
        one = _with_one_band(root, band)
        one_mapping = copy.deepcopy(mapping)
        one_mapping.set("dst", "1")
        one.find("GDALWarpOptions").find("BandList").append(one_mapping)
        yield one


def _with_one_band(root: ET.Element, band: ET.Element) -> ET.Element:
    """A copy of a VRT ``root`` (its bands removed) holding a copy of ``band`` as band 1, where GDAL writes bands:
    before the block size and warp options."""
    one, one_band = copy.deepcopy(root), copy.deepcopy(band)
    one_band.set("band", "1")
    children = list(one)
    position = next((i for i, c in enumerate(children) if c.tag in ("BlockXSize", "GDALWarpOptions")), len(children))
    one.insert(position, one_band)
    return one


def _add_overviews(root: ET.Element) -> None:
    """Warped overviews (GDAL warps them from the full-resolution source when a reduced view is asked for).

    Why: a canvas zoomed out on a country-sized mosaic asks for a few hundred pixels across; without overviews
    each redraw warps every full-resolution pixel with the exact transform. Full-resolution pixels do not change.
    """
    size = min(int(root.get("rasterXSize")), int(root.get("rasterYSize")))
    factors = []
    while size // (2 ** (len(factors) + 1)) >= MIN_OVERVIEW_PX:
        factors.append(str(2 ** (len(factors) + 1)))
    if factors and root.find("OverviewList") is None:
        children = list(root)
        position = next((i for i, c in enumerate(children) if c.tag == "BlockXSize"), len(children))
        node = ET.Element("OverviewList")
        node.text = " ".join(factors)
        root.insert(position, node)


# --- one display file per band --------------------------------------------------------------------------------
_BAND_FILE = re.compile(r"^(?P<stem>.+)_b(?P<index>\d+)\.vrt$")


def split_display(display: Path) -> tuple[Path, ...]:
    """One single-band copy of the display mosaic per band, beside it (``<name>_b<k>.vrt``); the paths in order.

    Why: QGIS opens a raster layer's file once per layer, and GDAL then builds the display VRT's virtual
    overviews by opening every source of every band (the one-band warps of all zones: ~120 ms for 53 bands).
    Each of the 53 band layers paid that (the first mosaic showed 8.6 s after it was asked for); a layer on its
    band's own file opens the sources of that band only. Same sources, same pixels."""
    root = ET.parse(display).getroot()
    bands = root.findall("VRTRasterBand")
    for node in bands:
        root.remove(node)
    paths = []
    for index, band in enumerate(bands, start=1):
        paths.append(display.with_name(f"{display.stem}_b{index}.vrt"))
        write_xml_atomic(_with_one_band(root, band), paths[-1])
    return tuple(paths)


def band_file(display: Path, index: int) -> Path | None:
    """The single-band display file of band ``index`` when the mosaic has one (older runs do not)."""
    path = Path(display).with_name(f"{Path(display).stem}_b{index}.vrt")
    return path if path.is_file() else None


def display_of(path: Path) -> Path:
    """The display mosaic a single-band display file was cut from (``path`` itself for any other file)."""
    path = Path(path)
    match = _BAND_FILE.match(path.name)
    if match is None:
        return path
    display = path.with_name(f"{match['stem']}.vrt")
    return display if display.is_file() and band_file(display, int(match["index"])) == path else path
