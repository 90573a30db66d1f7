"""Processing algorithm worldcereal:croptype: crop types for one or two seasons (same core as the dock)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import udp
from ..core.errors import InputError
from .alg_map import METHOD_CHOICES, MapAlgorithm
from .base import job_help, tr
from .param_checks import standalone_label


class CroptypeAlgorithm(MapAlgorithm):
    PRODUCT = udp.CROPTYPE

    def name(self) -> str:
        return "croptype"

    def displayName(self) -> str:  # noqa: N802
        return tr("Crop type map (WorldCereal)")

    def shortHelpString(self) -> str:  # noqa: N802
        return job_help(tr(
            "Maps crop types for one or two growing seasons with the WorldCereal model (or your own crop-type "
            "head zip). The processing period is the 12 months ending with the last season's last month. "
            "Leave the season dates empty and give a year to use the crop calendar's windows for the season "
            "ids (tc-s1 = season 1, tc-s2 = season 2, tc-annual = whole year), as the WorldCereal library does. "
            "Bands: cropland, croptype_classification:<season> (value = class), probabilities."))

    def initAlgorithm(self, config=None):  # noqa: N802
        self._add_aoi_parameters()
        for n, sid in enumerate(("tc-s1", "tc-s2"), start=1):
            self.addParameter(QgsProcessingParameterString(f"SEASON{n}_ID", tr("Season {n} id").format(n=n), sid,
                                                           optional=n > 1))
            self.addParameter(QgsProcessingParameterString(
                f"SEASON{n}_START",
                tr("Season {n} start (YYYY-MM-DD; empty = suggested from the crop calendar)").format(n=n),
                optional=True))
            self.addParameter(QgsProcessingParameterString(
                f"SEASON{n}_END", tr("Season {n} end (YYYY-MM-DD)").format(n=n), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "YEAR", tr("Year of the suggested seasons — or give the season dates above (one of the two is needed)"),
            QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=2017, maxValue=2100))
        self.addParameter(QgsProcessingParameterBoolean("MASK_CROPLAND", tr("Mask non-cropland (value 254)"), True))
        self.addParameter(QgsProcessingParameterBoolean("ENABLE_CROPLAND", tr("Also produce the cropland map"), True))
        self.addParameter(QgsProcessingParameterEnum("METHOD_CROPTYPE", tr("Crop type post-processing"),
                                                     METHOD_CHOICES, defaultValue=0))
        self.addParameter(self._kernel_param("KERNEL_CROPTYPE", tr("Crop type majority-vote kernel"), 5))
        self.addParameter(QgsProcessingParameterEnum("METHOD_CROPLAND", tr("Cropland post-processing"),
                                                     METHOD_CHOICES, defaultValue=0))
        self.addParameter(self._kernel_param("KERNEL_CROPLAND", tr("Cropland majority-vote kernel"), 3))
        self.addParameter(QgsProcessingParameterString(
            "CROPTYPE_HEAD_ZIP", tr("Custom crop-type model (URL of a head .zip)"), optional=True))
        self.addParameter(standalone_label(QgsProcessingParameterString(
            "CUSTOM_MODEL", tr("…or a registered custom model (name or id) or your own head .zip file (checked, "
                               "uploaded, its URL renewed when expired)"), optional=True),
            tr("Registered custom model or head .zip file")))
        self._add_common_tail()

    def _seasons(self, parameters, context) -> dict:
        from ..core.dates import parse_date
        from ..core.request_checks import duplicate_season_problems

        ids = [self.parameterAsString(parameters, f"SEASON{n}_ID", context).strip() for n in (1, 2)]
        for problem in duplicate_season_problems([sid for sid in ids if sid]):
            raise problem
        seasons = {}
        for n in (1, 2):
            sid = self.parameterAsString(parameters, f"SEASON{n}_ID", context).strip()
            start = self.parameterAsString(parameters, f"SEASON{n}_START", context).strip()
            end = self.parameterAsString(parameters, f"SEASON{n}_END", context).strip()
            if not (start or end):
                continue
            if not (sid and start and end):
                raise InputError(tr("Season {n} needs an id, a start and an end date.").format(n=n),
                                 field="season_windows")
            seasons[sid] = (parse_date(start), parse_date(end))
        return seasons

    def _suggested_seasons(self, parameters, context, aoi, feedback) -> dict:
        """No dates given: the crop calendar's windows for the season ids asked for (default tc-s1, tc-s2)."""
        from ..adapters import crop_calendar
        from ..core.seasons import SEASON_IDS

        if parameters.get("YEAR") in (None, ""):
            raise InputError(tr("Give the season dates, or a year so the seasons can be suggested from the crop "
                                "calendar."), field="season_windows")
        year = self.parameterAsInt(parameters, "YEAR", context)
        wanted = [self.parameterAsString(parameters, f"SEASON{n}_ID", context).strip() for n in (1, 2)]
        wanted = [sid for sid in wanted if sid] or ["tc-s1", "tc-s2"]
        for sid in wanted:
            if sid not in SEASON_IDS:
                raise InputError(tr("Season '{season}' has no dates and is not a crop-calendar season ({seasons}); "
                                    "give its start and end dates.").format(season=sid, seasons=", ".join(SEASON_IDS)),
                                 field="season_windows")
        found = {s.season_id: s for s in crop_calendar.suggest_seasons(aoi.bbox, year)}
        seasons = {}
        for sid in wanted:
            if sid not in found:
                feedback.pushInfo(tr("The crop calendar has no {season} season for this area; it is left out.").format(
                    season=sid))
                continue
            s = found[sid]
            feedback.pushInfo(tr("Suggested season {season}: {start} – {end} (crop calendar, {year}).").format(
                season=sid, start=s.start, end=s.end, year=year))
            if s.warning:
                feedback.pushWarning(crop_calendar.season_warning(s))
            seasons[sid] = (s.start, s.end)
        if not seasons:
            raise InputError(tr("The crop calendar has none of the seasons {seasons} for this area in {year}; enter "
                                "the season dates by hand.").format(seasons=", ".join(wanted), year=year),
                             field="season_windows")
        return seasons  # request.validate() names a window outside the period (not seen with the real table)

    def build_request(self, parameters, context, feedback):
        from ..core.request import croptype_request

        aoi = self._aoi(parameters, context, feedback)
        head = self.parameterAsString(parameters, "CROPTYPE_HEAD_ZIP", context).strip() or None
        model = self.parameterAsString(parameters, "CUSTOM_MODEL", context).strip()
        from ..controllers.custom_models import custom_head, model_registry

        record = model_registry().find(head) if head else None
        if model and not head:
            custom = custom_head(model, self.backend_profile(parameters, context), feedback.pushInfo)
            head, record = custom.url, custom.record
        if head and record is None:  # a user's own URL (registered models were checked when added)
            from ..adapters.preflight import check_model_url
            feedback.pushInfo(tr("Model {name} checked before any job.").format(name=check_model_url(head).name))
        request = croptype_request(
            aoi, self._seasons(parameters, context) or self._suggested_seasons(parameters, context, aoi, feedback),
            mask_cropland=self.parameterAsBool(parameters, "MASK_CROPLAND", context),
            enable_cropland_head=self.parameterAsBool(parameters, "ENABLE_CROPLAND", context),
            postprocess_method_croptype=METHOD_CHOICES[self.parameterAsEnum(parameters, "METHOD_CROPTYPE", context)],
            postprocess_kernel_croptype=self.parameterAsInt(parameters, "KERNEL_CROPTYPE", context),
            postprocess_method_cropland=METHOD_CHOICES[self.parameterAsEnum(parameters, "METHOD_CROPLAND", context)],
            postprocess_kernel_cropland=self.parameterAsInt(parameters, "KERNEL_CROPLAND", context),
            croptype_head_zip=head,
        )
        request.orbit_state = self._orbit(parameters, context, aoi, request.temporal_extent, feedback)
        from ..core.model_registry import season_warnings

        for warning in season_warnings(record, request.seasons):
            feedback.pushWarning(warning)
        return request
