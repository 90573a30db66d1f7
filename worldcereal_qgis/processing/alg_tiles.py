"""worldcereal:plan_tiles — preview how a large AOI is split into job-sized tiles (nothing is sent)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from .. import settings
from ..adapters.compat import field
from .base import WorldCerealAlgorithm, aoi_parameters, no_area, tr

_S, _I, _D = "string", "int", "double"
_FIELDS = (("name", _S), ("mgrs_tile", _S), ("epsg", _I), ("area_km2", _D), ("est_credits_low", _D),
           ("est_credits", _D))


def _fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in _FIELDS:
        fields.append(field(name, kind))
    return fields


class PlanTilesAlgorithm(WorldCerealAlgorithm):
    def name(self) -> str:
        return "plan_tiles"

    def displayName(self) -> str:  # noqa: N802
        return tr("Plan tiles for a large area")

    def group(self) -> str:
        return tr("Maps")

    def groupId(self) -> str:  # noqa: N802
        return "maps"

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Splits an area into job-sized tiles the way the WorldCereal library does: along the Sentinel-2 "
                "tiles, a square grid of the tile size in each tile's UTM zone, slivers under 100 m merged. "
                "Each tile gets its name (<area>_<S2 tile>_<n>), S2 tile, UTM EPSG, area and estimated credits "
                "(est_credits is the high estimate). With a name field, each feature is planned on its own. "
                "An area across 180° (an extent with xmin > xmax, e.g. 178,-179.7,-17.3,-16.1) gets tiles on "
                "both sides. Areas needing more than 1,000 jobs are refused at once, before planning.")

    def initAlgorithm(self, config=None):  # noqa: N802
        layer, extent = aoi_parameters()
        self.addParameter(layer)
        self.addParameter(QgsProcessingParameterField(
            "NAME_FIELD", tr("Name field (one plan per feature)"), parentLayerParameterName="AOI_LAYER", optional=True))
        self.addParameter(extent)
        self.addParameter(QgsProcessingParameterString("AOI_NAME", tr("Name of the area"), "aoi", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "TILE_SIZE_KM", tr("Tile size (km)"), QgsProcessingParameterNumber.Type.Double,
            min(max(settings.TILE_SIZE_KM.read(), 1.0), 200.0), minValue=1.0, maxValue=200.0))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Tiles"),
                                                            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("TILE_COUNT", tr("Number of tiles")))
        self.addOutput(QgsProcessingOutputNumber("EST_CREDITS", tr("Estimated credits (high)")))

    def _features(self, parameters, context, feedback) -> list:
        """(name, lon/lat shapely geometry) pairs to plan."""
        from ..adapters.aoi import aoi_from_extent_parameter, aoi_from_features, aoi_from_geometry

        name = self.parameterAsString(parameters, "AOI_NAME", context) or "aoi"
        source = self.parameterAsSource(parameters, "AOI_LAYER", context)
        field = self.parameterAsString(parameters, "NAME_FIELD", context)
        if source is not None and field:
            return [(str(f[field]), aoi_from_geometry(f.geometry(), source.sourceCrs(), str(f[field])).geometry)
                    for f in source.getFeatures() if f.hasGeometry()]
        if source is not None:
            return [(name, aoi_from_features(source, name, feedback=feedback).geometry)]
        aoi = aoi_from_extent_parameter(self, parameters, context, name)
        if aoi is not None:
            return [(name, aoi.geometry)]
        raise no_area()

    @staticmethod
    def _check_bounds(features: list, size: float, feedback) -> None:
        """Before any tiling, from the area alone (#16): refuse past the job-count limit, warn past the budget.

        A preview sends nothing, so the credit budget (setting jobs/credit_budget) only warns here; the map
        algorithms refuse above their MAX_CREDITS.
        """
        from .. import settings
        from ..core.plan_bounds import area_km2, check_plan_bounds

        area = sum(area_km2(geom) for _, geom in features)
        budget = settings.CREDIT_BUDGET.read()
        est = check_plan_bounds(area, size, max_credits=float("inf"), rates=settings.credit_rates())
        if est.min_credits > budget:
            feedback.pushWarning(tr(
                "As tiles, this area needs at least {needed} credits, more than your budget of {budget} "
                "credits.").format(needed=f"{est.min_credits:,.0f}", budget=f"{budget:,.0f}"))

    def _process(self, parameters, context, feedback) -> dict:
        from ..core.credits import estimate_map_credits
        from ..core.tiling import plan_features

        size = self.parameterAsDouble(parameters, "TILE_SIZE_KM", context)
        features = self._features(parameters, context, feedback)
        self._check_bounds(features, size, feedback)
        tiles = plan_features(features, size, is_cancelled=feedback.isCanceled, progress=feedback.setProgress)
        fields = _fields()
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Type.MultiPolygon,
                                          QgsCoordinateReferenceSystem("EPSG:4326"))
        total, rates = 0.0, settings.credit_rates()  # the dock's rates: the same tile, the same estimate
        for tile in tiles:
            low, high = estimate_map_credits(tile.area_km2, rates)
            total += high
            feature = QgsFeature(fields)
            geom = QgsGeometry.fromWkt(tile.geometry_4326.wkt)
            geom.convertToMultiType()
            feature.setGeometry(geom)
            feature.setAttributes([tile.name, tile.mgrs_tile, tile.epsg, round(tile.area_km2, 3), round(low, 2),
                                   round(high, 2)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        feedback.pushInfo(tr("{count} tiles of up to {size} km; estimated up to {total} credits.").format(
            count=len(tiles), size=f"{size:g}", total=f"{total:,.0f}"))
        return {"OUTPUT": dest, "TILE_COUNT": len(tiles), "EST_CREDITS": total}
