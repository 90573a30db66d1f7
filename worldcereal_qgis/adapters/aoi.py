"""Turn what QGIS has (a layer, its selection, an extent, a drawn geometry) into a core Aoi."""

from __future__ import annotations

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
        raise InputError("The extent is empty; zoom to your area or give an extent.", field="aoi")
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
