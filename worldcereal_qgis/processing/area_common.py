"""What the three area algorithms share: tr(), the map's classes from a raster, sinks of plain rows."""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsFields, QgsWkbTypes
from qgis.PyQt.QtCore import QCoreApplication

from ..adapters.compat import field
from .base import WorldCerealAlgorithm

GROUP_ID = "areas"


def tr(text: str) -> str:
    """Translated user-facing text (one context for the area algorithms)."""
    return QCoreApplication.translate("WorldCerealAreas", text)


class AreaAlgorithm(WorldCerealAlgorithm):
    """The Processing group of the area algorithms."""

    def group(self) -> str:
        return tr("Areas and accuracy")

    def groupId(self) -> str:  # noqa: N802
        return GROUP_ID


def map_strata(path: str, season: str, merges_text: str):
    """(raster parts, value -> stratum name, band) of a WorldCereal map; mosaics resolve to their UTM zones."""
    from ..core.area_estimation.map_classes import classification_band, merged, parse_merges, value_classes
    from ..core.area_estimation.pixel_counts import map_parts
    from ..core.results import describe_raster

    desc = describe_raster(_first_file(path))
    band = classification_band(desc, season or None)
    classes = merged(value_classes(desc, band), parse_merges(merges_text))
    return map_parts(path, band.name), classes, band


def _first_file(path: str) -> str:
    """A file whose band names describe the map (a display VRT may hide them behind its warped sources)."""
    from ..core.area_estimation.pixel_counts import map_parts

    return str(map_parts(path)[0].path)


def region_of(alg, parameters, name: str, context, feedback):
    """The optional polygon layer ``name`` dissolved into one lon/lat shapely geometry (None when not given)."""
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        return None
    from ..adapters.aoi import aoi_from_features

    return aoi_from_features(source, "area", feedback=feedback).geometry


def table_sink(alg, parameters, name: str, context, columns: Sequence[tuple[str, str]], rows: Sequence[dict]):
    """Write ``rows`` to a geometry-less sink with ``columns`` (name, kind); returns the destination id."""
    fields = QgsFields()
    for column, kind in columns:
        fields.append(field(column, kind))
    sink, dest = alg.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.Type.NoGeometry,
                                     QgsCoordinateReferenceSystem())
    for row in rows:
        feature = QgsFeature(fields)
        feature.setAttributes([_plain(row.get(column)) for column, _ in columns])
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
    return dest


def progress_callbacks(feedback, start: float = 0.0, end: float = 100.0):
    """(progress, is_cancelled) for core calls, mapping 0..100 onto ``start``..``end`` of the algorithm's bar."""
    def progress(pct: float) -> None:
        feedback.setProgress(start + (end - start) * pct / 100.0)

    return progress, feedback.isCanceled


def _plain(value):
    """numpy scalars -> Python numbers (Qt cannot store a numpy float in an attribute and stores nothing)."""
    return value.item() if hasattr(value, "item") else value
