"""Crop-type legends that start with what is in the map: the classes present, largest first, the rest folded.

The WorldCereal crop-type model knows 23 classes plus "not cropland"; a map of one French site holds a handful.
Listing all of them buried the few that matter. The pixel counts come from the raster itself (``layers`` counts
them on the native grids) while the layers are built, in a worker thread for a job's results.
"""

from __future__ import annotations

from qgis.core import QgsPalettedRasterRenderer
from qgis.PyQt.QtGui import QColor

from .i18n import translator

FOLDED_VALUE = 253  # unused by WorldCereal (classes 0..N-1, 254 not cropland, 255 no data): a legend-only line
tr = translator("WorldCerealLegend")


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
