"""worldcereal:assess_map — accuracy and error-adjusted areas with 95 % confidence intervals from a labelled
sample (Olofsson et al. 2014; Stehman 2014 when the strata are not the map classes)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..core.errors import InputError
from .area_common import AreaAlgorithm, map_strata, progress_callbacks, region_of, table_sink, tr

ACCURACY_FIELDS = (("class", "string"), ("users", "double"), ("users_ci", "double"), ("producers", "double"),
                   ("producers_ci", "double"))
AREA_FIELDS = (("class", "string"), ("mapped_ha", "double"), ("estimated_ha", "double"),
               ("estimated_ci_ha", "double"))


class AssessMapAlgorithm(AreaAlgorithm):
    def name(self) -> str:
        return "assess_map"

    def displayName(self) -> str:  # noqa: N802
        return tr("Assess accuracy and estimate areas")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("From a labelled stratified sample: the error matrix in sample counts and in estimated area "
                  "proportions, overall, user's and producer's accuracy with 95 % confidence intervals, and the "
                  "error-adjusted area of each class with its 95 % interval next to the mapped (pixel-counted) "
                  "area. Stratum sizes come from a STRATA table (fields stratum, pixels) or are counted on the MAP. "
                  "Points labelled 'unsure', 'skip' or left empty are left out and counted in the report. "
                  "Assumptions: a probability sample, and reference labels of better quality than the map.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            "SAMPLES", tr("Labelled sample points"), [QgsProcessing.SourceType.TypeVectorPoint]))
        for name, label, default in (("STRATUM_FIELD", tr("Stratum field"), "stratum"),
                                     ("MAP_FIELD", tr("Map class field"), "map_class"),
                                     ("REFERENCE_FIELD", tr("Reference label field"), "reference")):
            self.addParameter(QgsProcessingParameterField(name, label, default, "SAMPLES"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "STRATA", tr("Strata table (fields stratum, pixels)"), [QgsProcessing.SourceType.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer("MAP", tr("…or the map to count them from"),
                                                            optional=True))
        self.addParameter(QgsProcessingParameterString("SEASON", tr("Crop-type season of the map (empty: cropland)"),
                                                       "", optional=True))
        self.addParameter(QgsProcessingParameterString("MERGES", tr("Merge classes of the map"), "", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "AREA", tr("Area the sample was drawn in (polygon layer, optional)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "PIXEL_AREA_HA", tr("Pixel area in hectares (0: from the map; 0.01 for 10 m)"),
            QgsProcessingParameterNumber.Type.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink("ACCURACY", tr("Accuracy per class"),
                                                            QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink("AREAS", tr("Areas per class"),
                                                            QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination("REPORT", tr("Report"), "HTML files (*.html)"))
        self.addOutput(QgsProcessingOutputNumber("OVERALL_ACCURACY", tr("Overall accuracy")))
        self.addOutput(QgsProcessingOutputNumber("OVERALL_ACCURACY_CI", tr("Overall accuracy, 95 % half-width")))

    def _process(self, parameters, context, feedback) -> dict:
        from ..core.area_estimation import report
        from ..core.area_estimation.assess import assess_points

        points = self._points(parameters, context)
        sizes, ha_per_pixel, map_path = self._strata(parameters, context, feedback)
        assessment, method, notes = assess_points(points, sizes)
        for note in notes:
            feedback.pushWarning(note)
        accuracy = report.accuracy_rows(assessment)
        areas = report.area_rows(assessment, ha_per_pixel)
        out = Path(self.parameterAsFileOutput(parameters, "REPORT", context))
        title = tr("Accuracy and area of {name}").format(name=Path(map_path).name if map_path else tr("the map"))
        report.write_text(out, report.html_report(assessment, title=title, method=method, ha_per_unit=ha_per_pixel,
                                                  notes=notes))
        report.write_csv(out.with_suffix(".accuracy.csv"), accuracy)
        report.write_csv(out.with_suffix(".areas.csv"), areas)
        report.write_json(out.with_suffix(".json"), report.assessment_json(
            assessment, method=method, ha_per_unit=ha_per_pixel, map_path=map_path))
        feedback.pushInfo(tr("Overall accuracy {oa:.3f} ± {ci:.3f} ({method}).").format(
            oa=assessment.overall, ci=assessment.overall_ci, method=method))
        return {"OVERALL_ACCURACY": assessment.overall, "OVERALL_ACCURACY_CI": assessment.overall_ci,
                "ACCURACY": table_sink(self, parameters, "ACCURACY", context, ACCURACY_FIELDS, accuracy),
                "AREAS": table_sink(self, parameters, "AREAS", context, AREA_FIELDS, areas), "REPORT": str(out)}

    def _points(self, parameters, context) -> list:
        from ..core.area_estimation.assess import LabelledPoint

        source = self.parameterAsSource(parameters, "SAMPLES", context)
        names = [self.parameterAsString(parameters, key, context)
                 for key in ("STRATUM_FIELD", "MAP_FIELD", "REFERENCE_FIELD")]
        return [LabelledPoint(str(f[names[0]]), str(f[names[1]]), _text(f[names[2]]))
                for f in source.getFeatures()]

    def _strata(self, parameters, context, feedback) -> tuple[dict[str, float], float, str]:
        """Stratum sizes in pixels, hectares per pixel, and the map's path (empty when sizes come from a table)."""
        pixel_ha = self.parameterAsDouble(parameters, "PIXEL_AREA_HA", context)
        table = self.parameterAsSource(parameters, "STRATA", context)
        if table is not None:
            sizes: dict[str, float] = {}
            for f in table.getFeatures():
                sizes[str(f["stratum"])] = sizes.get(str(f["stratum"]), 0.0) + float(f["pixels"])
            return sizes, pixel_ha or 0.01, ""
        layer = self.parameterAsRasterLayer(parameters, "MAP", context)
        if layer is None:
            raise InputError(tr("Give the stratum sizes: a STRATA table or the MAP to count them from."),
                             field="STRATA")
        return self._count(parameters, context, feedback, layer.source(), pixel_ha)

    def _count(self, parameters, context, feedback, path: str, pixel_ha: float):
        from ..core.area_estimation.pixel_counts import count_classes

        parts, classes, _ = map_strata(path, self.parameterAsString(parameters, "SEASON", context),
                                       self.parameterAsString(parameters, "MERGES", context))
        region = region_of(self, parameters, "AREA", context, feedback)
        progress, cancelled = progress_callbacks(feedback, 0, 90)
        counts = count_classes(parts, region=region, progress=progress, is_cancelled=cancelled)
        sizes: dict[str, float] = {}
        for value, count in counts.per_value.items():
            if value in classes:
                sizes[classes[value]] = sizes.get(classes[value], 0.0) + count
        return sizes, pixel_ha or parts[0].pixel_area_m2 / 10_000.0, path


def _text(value) -> str | None:
    """Attribute -> label; NULL (QVariant or None) -> None."""
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    return str(value)
