"""Crop-type legends that start with what is in the map: the classes present, largest first, the rest folded.

The WorldCereal crop-type model knows 23 classes plus "not cropland"; a map of one French site holds a handful.
Listing all of them buried the few that matter. The pixel counts come from the raster itself, read while the
layers are built (a worker thread for a job's results), never on the GUI thread for a job.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsPalettedRasterRenderer
from qgis.PyQt.QtGui import QColor

from .i18n import translator

FOLDED_VALUE = 253  # unused by WorldCereal (classes 0..N-1, 254 not cropland, 255 no data): a legend-only line
tr = translator("WorldCerealLegend")


def class_counts(path: str | Path, band: int) -> dict[int, int]:
    """Pixels per value of one band (no data excluded), read block by block."""
    import numpy as np
    from osgeo import gdal

    dataset = gdal.Open(str(path))
    if dataset is None:
        return {}
    raster = dataset.GetRasterBand(band)
    nodata = raster.GetNoDataValue()
    counts = np.zeros(256, dtype=np.int64)
    block_rows = max(1, raster.GetBlockSize()[1])
    for row in range(0, raster.YSize, block_rows):
        rows = min(block_rows, raster.YSize - row)
        values = raster.ReadAsArray(0, row, raster.XSize, rows)
        counts += np.bincount(values.ravel().astype(np.uint8), minlength=256)[:256]
    if nodata is not None and 0 <= int(nodata) < 256:
        counts[int(nodata)] = 0
    return {value: int(n) for value, n in enumerate(counts) if n}


def present_first(classes: list[QgsPalettedRasterRenderer.Class],
                  counts: dict[int, int]) -> list[QgsPalettedRasterRenderer.Class]:
    """Classes in the map by pixel count, then one line for the others (they draw nothing here anyway)."""
    if not counts:
        return classes
    present = sorted((c for c in classes if counts.get(c.value)), key=lambda c: -counts[c.value])
    absent = len(classes) - len(present)
    if absent:
        line = tr("+ {n} other classes, not in this map").format(n=absent)
        present.append(QgsPalettedRasterRenderer.Class(FOLDED_VALUE, QColor(0, 0, 0, 0), line))
    return present
