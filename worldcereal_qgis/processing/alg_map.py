"""Processing algorithms worldcereal:cropland and worldcereal:croptype (same core as the dock)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputRasterLayer,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import settings
from ..core import udp
from ..core.errors import InputError
from .base import WorldCerealAlgorithm, aoi_parameters, backend_parameters, job_help, no_area, tr
from .param_checks import standalone_label

# The core (shapely, pyproj, openeo) is imported when an algorithm runs, not when QGIS lists the algorithms:
# QGIS start-up stays fast and the provider loads even before the dependencies are installed.

ORBIT_CHOICES = list(udp.ORBIT_MODES)  # the dock's orbit choices, in the dock's order
METHOD_CHOICES = list(udp.POSTPROCESS_METHODS)


class MapAlgorithm(WorldCerealAlgorithm):
    """Shared parameters and the run loop; subclasses add the product-specific ones."""

    PRODUCT = ""

    def group(self) -> str:
        return tr("Maps")

    def groupId(self) -> str:  # noqa: N802
        return "maps"

    def _add_aoi_parameters(self) -> None:
        for parameter in aoi_parameters():
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterString("AOI_NAME", tr("Name of the area (for titles)"), "aoi",
                                                       optional=True))

    def _add_common_tail(self) -> None:
        self.addParameter(QgsProcessingParameterEnum("ORBIT", tr("Sentinel-1 orbit"), ORBIT_CHOICES, defaultValue=0))
        for parameter in backend_parameters():
            self.addParameter(parameter)
        # Defaults are the dock's settings, so both front ends split and budget the same area alike.
        self.addParameter(QgsProcessingParameterNumber(
            "MAX_AREA_KM2", tr("Largest area for one job (km²)"), QgsProcessingParameterNumber.Type.Double,
            max(settings.MAX_JOB_AREA_KM2.read(), 1.0), minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            "TILE_SIZE_KM", tr("Tile size for larger areas (km; run as tiles, result is a mosaic VRT)"),
            QgsProcessingParameterNumber.Type.Double, min(max(settings.TILE_SIZE_KM.read(), 1.0), 50.0),
            minValue=1.0, maxValue=50.0))
        self.addParameter(QgsProcessingParameterNumber(
            "MAX_CREDITS", tr("Largest estimated cost of a tiled run (credits; above it nothing is sent)"),
            QgsProcessingParameterNumber.Type.Double, max(settings.CREDIT_BUDGET.read(), 0.0), minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean("LOAD_LAYERS", tr("Load the result as styled layers"), True))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder")))
        self.addOutput(QgsProcessingOutputRasterLayer("OUTPUT", tr("WorldCereal map (GeoTIFF)")))
        self.addOutput(QgsProcessingOutputString("JOB_ID", tr("openEO job id")))
        self.addOutput(QgsProcessingOutputNumber("CREDITS", tr("Credits used")))

    def _kernel_param(self, name: str, label: str, default: int) -> QgsProcessingParameterNumber:
        return QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Type.Integer, default,
                                            minValue=1, maxValue=udp.MAX_KERNEL)

    # -- running ------------------------------------------------------------------------------------------------
    def _aoi(self, parameters, context, feedback):
        from ..adapters.aoi import aoi_from_extent_parameter, aoi_from_features

        name = self.parameterAsString(parameters, "AOI_NAME", context) or "aoi"
        source = self.parameterAsSource(parameters, "AOI_LAYER", context)
        if source is not None:
            return self._bounded(aoi_from_features(source, name, feedback=feedback), parameters, context)
        aoi = aoi_from_extent_parameter(self, parameters, context, name)
        if aoi is not None:
            return self._bounded(aoi, parameters, context)
        raise no_area()

    def _bounded(self, aoi, parameters, context):
        """Refuse at once an area whose tiled run would break the credit or job limit (#16: before any tiling).

        Checked from the area alone, before the calendar, the orbit look-up or the plan: a continent is
        answered in seconds with its estimate and the limit.
        """
        from ..core.plan_bounds import area_km2, check_plan_bounds

        area = area_km2(aoi.geometry)
        if area > self.parameterAsDouble(parameters, "MAX_AREA_KM2", context) or aoi.crosses_antimeridian:
            check_plan_bounds(area, self.parameterAsDouble(parameters, "TILE_SIZE_KM", context),
                              max_credits=self.parameterAsDouble(parameters, "MAX_CREDITS", context),
                              rates=settings.credit_rates(), raise_hint="raise MAX_CREDITS")
        return aoi

    def _orbit(self, parameters, context, aoi, period, feedback) -> str:
        choice = ORBIT_CHOICES[self.parameterAsEnum(parameters, "ORBIT", context)]
        if choice != "auto":
            return choice
        from ..adapters import connections
        from ..adapters.orbit_words import orbit_reason

        chosen = connections.select_orbit(aoi.bbox, period)
        feedback.pushInfo(tr("Sentinel-1 orbit: {orbit}. {reason}").format(orbit=chosen.orbit_state,
                                                                          reason=orbit_reason(chosen)))
        return chosen.orbit_state

    def build_request(self, parameters, context, feedback):
        raise NotImplementedError

    def _process(self, parameters, context, feedback):
        from ..adapters import connections, preflight

        request = self.build_request(parameters, context, feedback)
        max_area = self.parameterAsDouble(parameters, "MAX_AREA_KM2", context)
        if request.aoi.area_km2 > max_area or request.aoi.crosses_antimeridian:  # across 180°: tiles on each side
            return self._process_tiled(request, parameters, context, feedback)
        request.validate(max_area_km2=max_area)
        out_dir = Path(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        preflight.check_map(request, out_dir)
        self._report_cost(request.aoi.area_km2, feedback)
        profile = self.backend_profile(parameters, context)
        runner = connections.processing_runner(out_dir, profile)
        record = runner.run(
            request, profile, progress=feedback.setProgress, is_cancelled=feedback.isCanceled,
            log=feedback.pushInfo, output_dir=out_dir,
        )
        record = runner.store.get(record.local_id)
        tif = next((p for p in record.outputs if p.lower().endswith((".tif", ".tiff"))), record.outputs[0])
        used = tr("Result: {path} ({credits} credits used)") if record.credits else tr("Result: {path}")
        feedback.pushInfo(used.format(path=tif, credits=f"{record.credits or 0:.1f}"))
        self._loaded = (tif, {"job_id": record.remote_id, "backend": record.backend_url,
                              "product": record.product, "title": record.title},
                        self.parameterAsBool(parameters, "LOAD_LAYERS", context))
        return {"OUTPUT": tif, "JOB_ID": record.remote_id, "CREDITS": record.credits or 0.0,
                "OUTPUT_FOLDER": str(out_dir)}

    def _process_tiled(self, request, parameters, context, feedback):
        """Large AOI: a tiled run in the output folder (same folder again = resume); the output is the mosaic."""
        from .. import settings
        from ..adapters import connections, preflight
        from ..core.run_plan import plan_run
        from ..core.tile_runs import TileRun, run_tiled

        size = self.parameterAsDouble(parameters, "TILE_SIZE_KM", context)
        rates = settings.credit_rates()  # the dock's rates: the same plan costs the same in both front ends
        plan = plan_run(request, self.backend_profile(parameters, context), size, rates,
                        is_cancelled=feedback.isCanceled, progress=feedback.setProgress)
        refusal = plan.over_budget(self.parameterAsDouble(parameters, "MAX_AREA_KM2", context),
                                   self.parameterAsDouble(parameters, "MAX_CREDITS", context))
        if refusal is not None:  # Processing's form of the dock's confirmation: a tiled run never starts by surprise
            raise refusal
        tiles = plan.tiles
        if request.aoi.crosses_antimeridian:
            text = tr("Area {area} km² crosses the antimeridian (180°): running it as {count} tiles of up to "
                      "{size} km, each on one side.")
        else:
            text = tr("Area {area} km² is above the one-job limit: running it as {count} tiles of up to {size} km.")
        feedback.pushInfo(text.format(area=f"{request.aoi.area_km2:,.0f}", count=len(tiles), size=f"{size:g}"))
        out_dir = Path(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        preflight.check_map(request, out_dir)
        run = TileRun.create(out_dir, request, plan.profile, tiles, client_for=connections.client)
        summary = run_tiled(run, progress=feedback.setProgress, is_cancelled=feedback.isCanceled,
                            log=feedback.pushInfo, rates=rates)
        for name in summary.failed:
            feedback.pushWarning(tr("Tile {name} failed; see {log}.").format(name=name,
                                                                           log=out_dir / name / "tile.log"))
        mosaic = str(summary.mosaic.display)
        self._loaded = (mosaic, {"job_id": run.run_id, "backend": run.profile.url, "product": request.product,
                                 "title": request.title()}, self.parameterAsBool(parameters, "LOAD_LAYERS", context))
        return {"OUTPUT": mosaic, "JOB_ID": run.run_id, "CREDITS": summary.credits, "OUTPUT_FOLDER": str(out_dir)}

    def _report_cost(self, area_km2: float, feedback) -> None:
        """Estimate with the user's rates (settings); warn above their budget and above CDSE's free credits."""
        from .. import settings
        from ..core import credits

        rates = settings.credit_rates()
        low, high = credits.estimate_map_credits(area_km2, rates)
        feedback.pushInfo(tr("Area {area} km²; estimated cost {low}–{high} credits.").format(
            area=f"{area_km2:.1f}", low=f"{low:.0f}", high=f"{high:.0f}"))
        for warning in credits.budget_warnings(high, settings.CREDIT_BUDGET.read(), rates):
            feedback.pushWarning(warning)

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """Runs on the main thread: styled layers are added to the project here."""
        loaded = getattr(self, "_loaded", None)
        if loaded and loaded[2] and context.project() is not None:
            from ..adapters.layers import load_result_layers

            load_result_layers(loaded[0], job=loaded[1], project=context.project())
        return {}


class CroplandAlgorithm(MapAlgorithm):
    PRODUCT = udp.CROPLAND

    def name(self) -> str:
        return "cropland"

    def displayName(self) -> str:  # noqa: N802
        return tr("Cropland map (WorldCereal)")

    def shortHelpString(self) -> str:  # noqa: N802
        return job_help(tr(
            "Maps temporary cropland for an area with the pre-trained WorldCereal model on openEO. "
            "The processing period is exactly 12 whole months: give a start month, or a year. For a year "
            "the period follows the WorldCereal notebooks' rule: the 12 months ending with the month the "
            "area's last crop-calendar season of that year ends (the calendar is downloaded once, about "
            "2 MB; without it the algorithm stops and says how to point it at a local copy). "
            "Bands: cropland_classification (1 = cropland), probability_cropland, probability_other."))

    def initAlgorithm(self, config=None):  # noqa: N802
        self._add_aoi_parameters()
        self.addParameter(QgsProcessingParameterNumber("YEAR", tr("Year (its growing seasons are covered) — or "
                                                                  "give the first day below"),
                                                       QgsProcessingParameterNumber.Type.Integer, optional=True,
                                                       minValue=2017, maxValue=2100))
        self.addParameter(standalone_label(QgsProcessingParameterString(
            "START_DATE", tr("…or first day of the 12-month period (YYYY-MM-01)"), optional=True),
            tr("First day of the 12-month period")))
        self.addParameter(QgsProcessingParameterEnum("POSTPROCESS_METHOD", tr("Post-processing"), METHOD_CHOICES,
                                                     defaultValue=0))
        self.addParameter(self._kernel_param("POSTPROCESS_KERNEL", tr("Majority-vote kernel (odd, ≤ 25)"), 3))
        self._add_common_tail()

    def build_request(self, parameters, context, feedback):
        from ..core.dates import add_months, month_end, parse_date
        from ..core.request import cropland_request

        aoi = self._aoi(parameters, context, feedback)
        start_text = self.parameterAsString(parameters, "START_DATE", context)
        year = parameters.get("YEAR")
        if start_text and year not in (None, ""):
            raise InputError(tr("Give YEAR or START_DATE, not both: YEAR {year} means the 12 months ending with that "
                                "year's last season, START_DATE {start} the 12 months from that day.").format(
                                    year=year, start=start_text), field="temporal_extent")
        if start_text:
            start = parse_date(start_text)
            period = (start, month_end(add_months(start, 11)))
            kwargs = {"temporal_extent": period}
        elif year not in (None, ""):
            kwargs = self._year_period(aoi, self.parameterAsInt(parameters, "YEAR", context), feedback)
            period = None
        else:
            raise InputError(tr("Give a year or the first day of the 12-month period."), field="temporal_extent")
        request = cropland_request(
            aoi, **kwargs,
            postprocess_method_cropland=METHOD_CHOICES[self.parameterAsEnum(parameters, "POSTPROCESS_METHOD",
                                                                            context)],
            postprocess_kernel_cropland=self.parameterAsInt(parameters, "POSTPROCESS_KERNEL", context),
        )
        period = period or request.temporal_extent
        request.orbit_state = self._orbit(parameters, context, aoi, period, feedback)
        return request

    def _year_period(self, aoi, year: int, feedback) -> dict:
        """The notebooks' rule (12 months ending with the area's last season), the calendar fetched as everywhere."""
        from ..adapters import crop_calendar

        period, sentence = crop_calendar.cropland_period(aoi.bbox, year)
        if period is None:
            feedback.pushWarning(sentence)
            return {"year": year}
        feedback.pushInfo(sentence)
        return {"temporal_extent": period}
