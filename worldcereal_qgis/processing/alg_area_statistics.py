"""worldcereal:crop_area_statistics — mapped area per class for each polygon (district, farm), exact per UTM
zone, and the error-adjusted estimate where an assessment of the same map exists."""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..adapters.compat import field
from ..core.errors import InputError
from .area_common import AreaAlgorithm, map_strata, progress_callbacks, table_sink, tr

STAT_FIELDS = (("unit_id", "string"), ("class", "string"), ("mapped_ha", "double"), ("estimated_ha", "double"),
               ("estimated_ci_ha", "double"), ("sample_points", "int"), ("support", "string"))
MIN_POINTS = 30  # fewer sample points in a unit than this: its estimate leans on the whole map's error rates


class CropAreaStatisticsAlgorithm(AreaAlgorithm):
    def name(self) -> str:
        return "crop_area_statistics"

    def displayName(self) -> str:  # noqa: N802
        return tr("Crop area statistics per unit")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("For each polygon of a layer (districts, farms): the mapped area of each class, counted pixel by "
                  "pixel in the map's own UTM zone (mosaics across zones included), and, with an assessment of the "
                  "same map (the .json written next to assess_map's report), the error-adjusted area with a 95 % "
                  "interval. That estimate applies the whole map's error rates to the unit; the 'support' field "
                  "says how many sample points fall inside the unit and whether that is enough to trust it. "
                  "Units should not overlap: a pixel is counted for one unit only. "
                  "Outputs: a table joinable on unit_id, the units coloured by the chosen class, and a chart.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer("MAP", tr("WorldCereal map (result or mosaic)")))
        self.addParameter(QgsProcessingParameterString("SEASON", tr("Crop-type season (empty: cropland)"), "",
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString("MERGES", tr("Merge classes"), "", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "UNITS", tr("Units (polygon layer)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField("UNIT_ID_FIELD", tr("Unit id field (empty: feature id)"),
                                                      parentLayerParameterName="UNITS", optional=True))
        self.addParameter(QgsProcessingParameterFile("ASSESSMENT", tr("Assessment of the map (.json, optional)"),
                                                     extension="json", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "SAMPLES", tr("Labelled sample points (to count them per unit, optional)"),
            [QgsProcessing.SourceType.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterString("CLASS", tr("Class to map and chart"), "cropland"))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Area statistics"),
                                                            QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink("CHOROPLETH", tr("Units with the class's area"),
                                                            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination("CHART", tr("Chart"), "HTML files (*.html)"))

    def _process(self, parameters, context, feedback) -> dict:
        from ..core.area_estimation.pixel_counts import count_classes

        units = self.parameterAsSource(parameters, "UNITS", context)
        ids, geoms, qgeoms = self._units(parameters, context, units)
        parts, classes, _ = map_strata(self.parameterAsRasterLayer(parameters, "MAP", context).source(),
                                       self.parameterAsString(parameters, "SEASON", context),
                                       self.parameterAsString(parameters, "MERGES", context))
        progress, cancelled = progress_callbacks(feedback, 0, 95)
        counts = count_classes(parts, polygons=geoms, progress=progress, is_cancelled=cancelled)
        assessment = _assessment(self.parameterAsFile(parameters, "ASSESSMENT", context))
        inside = self._points_per_unit(parameters, context, qgeoms, units.sourceCrs())
        rows = _rows(ids, counts, classes, assessment, inside)
        if assessment is None:
            feedback.pushInfo(tr("No assessment given: only mapped areas (pixel counts) are reported."))
        chosen = self.parameterAsString(parameters, "CLASS", context)
        dest = table_sink(self, parameters, "OUTPUT", context, STAT_FIELDS, rows)
        choropleth = self._choropleth(parameters, context, units, ids, qgeoms, rows, chosen)
        chart = self.parameterAsFileOutput(parameters, "CHART", context)
        _write_chart(chart, rows, chosen)
        return {"OUTPUT": dest, "CHOROPLETH": choropleth, "CHART": chart}

    def _units(self, parameters, context, units):
        from ..adapters.aoi import aoi_from_geometry

        id_field = self.parameterAsString(parameters, "UNIT_ID_FIELD", context)
        ids, geoms, qgeoms = [], [], []
        for f in units.getFeatures():
            if not f.hasGeometry():
                continue
            ids.append(str(f[id_field]) if id_field else str(f.id()))
            geoms.append(aoi_from_geometry(f.geometry(), units.sourceCrs(), ids[-1]).geometry)
            qgeoms.append(QgsGeometry(f.geometry()))
        if not ids:
            raise InputError(tr("The units layer has no polygon."), field="UNITS")
        return ids, geoms, qgeoms

    def _points_per_unit(self, parameters, context, qgeoms, crs) -> list[int] | None:
        from qgis.core import QgsCoordinateTransform

        samples = self.parameterAsSource(parameters, "SAMPLES", context)
        if samples is None:
            return None
        transform = QgsCoordinateTransform(samples.sourceCrs(), crs, context.transformContext())
        points = []
        for f in samples.getFeatures():
            geom = QgsGeometry(f.geometry())
            geom.transform(transform)
            points.append(geom)
        return [sum(1 for p in points if g.contains(p)) for g in qgeoms]

    def _choropleth(self, parameters, context, units, ids, qgeoms, rows, chosen: str) -> str:
        fields = QgsFields()
        for name, kind in (("unit_id", "string"), ("mapped_ha", "double"), ("estimated_ha", "double"),
                           ("estimated_ci_ha", "double")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, "CHOROPLETH", context, fields, units.wkbType(),
                                          units.sourceCrs())
        by_unit = {r["unit_id"]: r for r in rows if r["class"] == chosen}
        for unit_id, geom in zip(ids, qgeoms):
            row = by_unit.get(unit_id, {})
            feature = QgsFeature(fields)
            feature.setGeometry(geom)
            feature.setAttributes([unit_id, row.get("mapped_ha", 0.0), row.get("estimated_ha"),
                                   row.get("estimated_ci_ha")])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        if context.willLoadLayerOnCompletion(dest):
            from ..adapters.area_style import GraduatedStyle

            details = context.layerToLoadOnCompletionDetails(dest)
            details.setPostProcessor(GraduatedStyle.create("mapped_ha"))
        return dest


def _assessment(path: str) -> dict | None:
    if not path:
        return None
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(tr("The assessment file '{name}' cannot be read.").format(name=Path(path).name),
                         field="ASSESSMENT") from err


def _rows(ids, counts, classes: dict[int, str], assessment: dict | None, inside: list[int] | None) -> list[dict]:
    from ..core.area_estimation.assess import unit_estimate

    rows = []
    for index, unit_id in enumerate(ids):
        mapped: dict[str, float] = {}
        for value, area_m2 in counts.polygon_area_m2.get(index, {}).items():
            if value in classes:
                mapped[classes[value]] = mapped.get(classes[value], 0.0) + area_m2 / 10_000.0
        n_inside = inside[index] if inside is not None else None
        estimates = unit_estimate(mapped, assessment) if assessment else {}
        names = list(dict.fromkeys(list(mapped) + list(estimates)))
        for name in names:
            est = estimates.get(name)
            rows.append({"unit_id": unit_id, "class": name, "mapped_ha": round(mapped.get(name, 0.0), 4),
                         "estimated_ha": None if est is None else round(est[0], 4),
                         "estimated_ci_ha": None if est is None else round(est[1], 4),
                         "sample_points": n_inside, "support": _support(assessment, n_inside)})
    return rows


def _support(assessment: dict | None, n_inside: int | None) -> str:
    """One honest sentence on how far the unit's estimate can be trusted."""
    if assessment is None:
        return tr("mapped area only (no assessment given)")
    if n_inside is None:
        return tr("map-wide error rates applied; sample points inside the unit not counted")
    if n_inside < MIN_POINTS:
        return tr("map-wide error rates applied; only {n} sample points inside, too few to check them here"
                  ).format(n=n_inside)
    return tr("map-wide error rates applied; {n} sample points inside").format(n=n_inside)


def _write_chart(path: str, rows: list[dict], chosen: str) -> None:
    from ..core.area_estimation.report import area_svg, write_text

    chart_rows = [{"class": r["unit_id"], "mapped_ha": r["mapped_ha"], "estimated_ha": r["estimated_ha"] or 0.0,
                   "estimated_ci_ha": r["estimated_ci_ha"] or 0.0} for r in rows if r["class"] == chosen]
    title = tr("Area of {cls} per unit (ha)").format(cls=chosen)
    write_text(path, f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
                     f"<h1>{title}</h1>{area_svg(chart_rows)}</body></html>")
