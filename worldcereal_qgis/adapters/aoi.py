"""Turn what QGIS has (a layer, its selection, an extent, a drawn geometry) into a core Aoi."""

from __future__ import annotations

import re

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
)

from ..core.aoi import Aoi
from ..core.errors import InputError

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def _to_wgs84(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
    if not crs.isValid():
        raise InputError("The area of interest has no valid coordinate reference system.", field="crs")
    geom = QgsGeometry(geometry)
    if crs != WGS84:
        geom.transform(QgsCoordinateTransform(crs, WGS84, QgsProject.instance()))
    return geom


def aoi_from_geometry(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem, name: str = "aoi") -> Aoi:
    if geometry is None or geometry.isEmpty():
        raise InputError("The area of interest is empty; draw or choose a polygon.", field="aoi")
    import shapely

    # WKB, not WKT: for a 10,000-vertex polygon the text round trip alone cost ~15 ms of the GUI thread (#21)
    return Aoi.from_geometry(shapely.from_wkb(bytes(_to_wgs84(geometry, crs).asWkb())), crs="EPSG:4326", name=name)


def aoi_from_extent(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem, name: str = "extent") -> Aoi:
    if extent is None or extent.isEmpty():
        raise InputError("The map view is empty; zoom to your area, draw it or choose a polygon layer.", field="aoi")
    return aoi_from_geometry(QgsGeometry.fromRect(extent), crs, name)


def aoi_from_features(source, name: str, *, selected_only: bool = False, feedback=None) -> Aoi:
    """Union of a layer's (or Processing source's) polygons; ``selected_only`` for vector layers."""
    if selected_only and hasattr(source, "getSelectedFeatures"):
        features = source.getSelectedFeatures()
    else:
        features = source.getFeatures(QgsFeatureRequest().setNoAttributes())
    parts = []
    for feature in features:
        if feedback is not None and feedback.isCanceled():
            break
        if feature.hasGeometry():
            parts.append(feature.geometry())
    if not parts:
        what = "selected features" if selected_only else "features"
        raise InputError(f"The layer '{name}' has no {what} with a geometry to use as area of interest.",
                         field="aoi")
    return aoi_from_geometry(QgsGeometry.unaryUnion(parts), source.sourceCrs(), name)


_NUMBER = r"\s*([-+\d.eE]+)\s*"
_EXTENT_TEXT = re.compile(rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}(?:\[(.+)\])?\s*$")


def aoi_from_extent_parameter(alg, parameters: dict, context, name: str, key: str = "EXTENT") -> Aoi | None:
    """The AOI of a Processing extent parameter, or None when it is empty.

    QGIS normalises an extent so that xmin < xmax, which turns "178,-179.7,-17.3,-16.1 [EPSG:4326]" (an area
    across 180°, as WorldCereal users write Fiji) into a box around the globe. The text is therefore read
    first: a lon/lat extent whose xmin is greater than its xmax is an area across the antimeridian.
    """
    value = parameters.get(key)
    if not value:
        return None
    match = _EXTENT_TEXT.match(value) if isinstance(value, str) else None
    if match:
        xmin, xmax, ymin, ymax = (float(v) for v in match.groups()[:4])
        crs = QgsCoordinateReferenceSystem(match.group(5).strip()) if match.group(5) else WGS84
        if xmin > xmax and crs == WGS84:
            return Aoi.from_bbox(xmin, ymin, xmax, ymax, crs="EPSG:4326", name=name)
    extent = alg.parameterAsExtent(parameters, key, context)
    return aoi_from_extent(extent, alg.parameterAsExtentCrs(parameters, key, context), name)
