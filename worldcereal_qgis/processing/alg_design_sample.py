"""worldcereal:design_sample — a stratified random sample of a WorldCereal map, ready to label."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..adapters.compat import field
from ..core.errors import InputError
from .area_common import AreaAlgorithm, map_strata, progress_callbacks, region_of, table_sink, tr

ALLOCATIONS = ("compromise", "proportional", "equal")
SAMPLE_FIELDS = (("point_id", "int"), ("stratum", "string"), ("map_class", "string"), ("map_value", "int"),
                 ("inclusion", "double"), ("weight", "double"), ("epsg", "int"), ("x", "double"), ("y", "double"),
                 ("reference", "string"), ("label_source", "string"))
STRATA_FIELDS = (("stratum", "string"), ("pixels", "int64"), ("area_ha", "double"), ("points", "int"))


class DesignSampleAlgorithm(AreaAlgorithm):
    def name(self) -> str:
        return "design_sample"

    def displayName(self) -> str:  # noqa: N802
        return tr("Design a sample for accuracy and area")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Draws a stratified random sample from a WorldCereal map (a single result or a tiled run's "
                  "mosaic): strata are the map classes of the chosen band (cropland / other, or the crop types of "
                  "one season, optionally merged). The sample size comes from the target standard error of overall "
                  "accuracy and the anticipated user's accuracies (Olofsson et al. 2014, eq. 13) unless you give "
                  "one. The same seed gives the same points. Output: points with stratum, map class, inclusion "
                  "probability, weight and an empty 'reference' field to label, the class of every other "
                  "classification band of the file under each point (map_<season>, to assess those maps with the "
                  "same sample), and the strata table (pixels, hectares) the sample was drawn from.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer("MAP", tr("WorldCereal map (result or mosaic)")))
        self.addParameter(QgsProcessingParameterString("SEASON", tr("Crop-type season (empty: cropland)"), "",
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(
            "MERGES", tr("Merge classes (e.g. barley=cereals, wheat=cereals)"), "", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "AREA", tr("Area (polygon layer, optional)"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "TARGET_SE", tr("Target standard error of overall accuracy"), QgsProcessingParameterNumber.Type.Double,
            0.01, minValue=0.001, maxValue=0.2))
        self.addParameter(QgsProcessingParameterString(
            "USERS", tr("Anticipated user's accuracy (one value, or class=value, ...)"), "0.8"))
        self.addParameter(QgsProcessingParameterNumber(
            "SAMPLE_SIZE", tr("Sample size (0: from the target standard error)"),
            QgsProcessingParameterNumber.Type.Integer, 0, minValue=0))
        choices = {"compromise": tr("compromise (recommended)"), "proportional": tr("proportional to the class areas"),
                   "equal": tr("equal for every class")}
        self.addParameter(QgsProcessingParameterEnum("ALLOCATION", tr("Allocation"),
                                                     [choices[code] for code in ALLOCATIONS], False, 0))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_PER_STRATUM", tr("Minimum points per stratum (compromise allocation)"),
            QgsProcessingParameterNumber.Type.Integer, 50, minValue=1))
        self.addParameter(QgsProcessingParameterNumber("SEED", tr("Random seed"),
                                                       QgsProcessingParameterNumber.Type.Integer, 42))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Sample points"),
                                                            QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink("STRATA", tr("Strata (pixels per stratum)"),
                                                            QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("SAMPLE_SIZE_USED", tr("Number of sample points")))

    def _process(self, parameters, context, feedback) -> dict:
        from ..core.area_estimation.design import allocate, draw, sample_size
        from ..core.area_estimation.pixel_counts import count_classes

        layer = self.parameterAsRasterLayer(parameters, "MAP", context)
        parts, classes, band = map_strata(layer.source(), self.parameterAsString(parameters, "SEASON", context),
                                          self.parameterAsString(parameters, "MERGES", context))
        region = region_of(self, parameters, "AREA", context, feedback)
        progress, cancelled = progress_callbacks(feedback, 0, 50)
        feedback.pushInfo(tr("Counting the pixels of each class of '{band}' by blocks…").format(band=band.name))
        counts = count_classes(parts, region=region, progress=progress, is_cancelled=cancelled)
        sizes, areas = _stratum_sizes(counts, classes)
        if not sizes:
            raise InputError(tr("The map has no classified pixel inside the area."), field="MAP")
        names = list(sizes)
        n = self.parameterAsInt(parameters, "SAMPLE_SIZE", context)
        if n <= 0:
            users = _users(self.parameterAsString(parameters, "USERS", context), names)
            n = sample_size([sizes[s] for s in names], users,
                            self.parameterAsDouble(parameters, "TARGET_SE", context))
            feedback.pushInfo(tr("Sample size from the target standard error (Olofsson 2014, eq. 13): {n}.")
                              .format(n=n))
        method = ALLOCATIONS[self.parameterAsEnum(parameters, "ALLOCATION", context)]
        alloc = dict(zip(names, allocate([sizes[s] for s in names], n, method,
                                         self.parameterAsInt(parameters, "MIN_PER_STRATUM", context))))
        progress, cancelled = progress_callbacks(feedback, 50, 100)
        points = draw(parts, classes, sizes, alloc, self.parameterAsInt(parameters, "SEED", context),
                      region=region, progress=progress, is_cancelled=cancelled)
        extras = _other_labels(parts, band, points)
        dest = self._write_points(parameters, context, points, classes, extras)
        rows = [{"stratum": s, "pixels": sizes[s], "area_ha": round(areas[s], 4), "points": alloc[s]} for s in names]
        strata_dest = table_sink(self, parameters, "STRATA", context, STRATA_FIELDS, rows)
        for row in rows:
            feedback.pushInfo(tr("Stratum {stratum}: {pixels} pixels ({area_ha:.1f} ha), {points} points.")
                              .format(**row))
        return {"OUTPUT": dest, "STRATA": strata_dest, "SAMPLE_SIZE_USED": len(points)}

    def _write_points(self, parameters, context, points, classes, extras: list[tuple[str, list[str]]]) -> str:
        fields = QgsFields()
        for name, kind in SAMPLE_FIELDS:
            fields.append(field(name, kind))
        for name, _ in extras:
            fields.append(field(name, "string"))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Type.Point,
                                          QgsCoordinateReferenceSystem("EPSG:4326"))
        for i, p in enumerate(points, start=1):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(p.lon, p.lat)))
            feature.setAttributes([i, p.stratum, classes.get(p.map_value, str(p.map_value)), p.map_value,
                                   p.inclusion, p.weight, p.epsg, p.x, p.y, "", ""]
                                  + [labels[i - 1] for _, labels in extras])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest


def _other_labels(parts, stratified, points) -> list[tuple[str, list[str]]]:
    """The class of every other classification band of the file under each point (field map_<season>), so the
    sample can also assess those maps (Stehman 2014); no data gives an empty label."""
    from ..core.area_estimation.map_classes import other_classifications
    from ..core.area_estimation.pixel_counts import values_at
    from ..core.results import describe_raster

    out = []
    for name, band, classes in other_classifications(describe_raster(parts[0].path), stratified):
        values = values_at(parts, points, band.index)
        out.append((name, [classes.get(v, "") if v is not None else "" for v in values]))
    return out


def _stratum_sizes(counts, classes: dict[int, str]) -> tuple[dict[str, int], dict[str, float]]:
    """Pixels and hectares per stratum name (merged classes add up), in value order."""
    sizes: dict[str, int] = {}
    areas: dict[str, float] = {}
    for value, count in sorted(counts.per_value.items()):
        name = classes.get(value)
        if name is None:
            continue
        sizes[name] = sizes.get(name, 0) + count
        areas[name] = areas.get(name, 0.0) + counts.hectares(value)
    return sizes, areas


def _users(text: str, names: list[str]) -> list[float]:
    """'0.8' for every stratum, or 'cropland=0.85, other=0.9' (unnamed strata get the default 0.8)."""
    text = (text or "0.8").strip()
    try:
        if "=" not in text:
            return [float(text)] * len(names)
        given = {k.strip(): float(v) for k, v in (item.split("=", 1) for item in text.split(",") if item.strip())}
    except ValueError as err:
        raise InputError(tr("The anticipated user's accuracies must be numbers between 0 and 1."),
                         field="USERS") from err
    return [given.get(name, 0.8) for name in names]
