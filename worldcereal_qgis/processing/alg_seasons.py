"""worldcereal:suggest_seasons — season windows from WorldCereal's crop calendar as a table (nothing is sent)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QLocale

from ..adapters.compat import field
from ..core.errors import InputError
from .base import WorldCerealAlgorithm, aoi_parameters, no_area, tr

if TYPE_CHECKING:
    from datetime import date  # not imported at QGIS start-up (#21): the default YEAR comes from QDate

_S, _D = "string", "date"
_FIELDS = (("season_id", _S), ("start", _D), ("end", _D), ("period_start", _D), ("period_end", _D),
           ("warning", _S))


def _fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in _FIELDS:
        fields.append(field(name, kind))
    return fields


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class SuggestSeasonsAlgorithm(WorldCerealAlgorithm):
    def name(self) -> str:
        return "suggest_seasons"

    def displayName(self) -> str:  # noqa: N802
        return tr("Suggest growing seasons (crop calendar)")

    def group(self) -> str:
        return tr("Maps")

    def groupId(self) -> str:  # noqa: N802
        return "maps"

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Suggests the season windows WorldCereal's library would use for an area and year, from its crop "
                "calendar (median start and end over the area's 0.5° cells, nearest cell within 5° otherwise). "
                "One row per season: tc-s1, tc-s2 (only where the area has a second season) and tc-annual, with "
                "the 12-month processing period ending with the season, and a warning when the area's calendars "
                "differ a lot; when tc-s2 is left out the log says why. CROPLAND_START/CROPLAND_END is the "
                "12-month period for a cropland map by the WorldCereal notebooks' rule: the 12 months ending with "
                "the area's last season. An extent across 180° is written with xmin > xmax (e.g. "
                "178,-179.7,-17.3,-16.1 [EPSG:4326]). The calendar is downloaded once (about 2 MB, pinned and "
                "checked) and kept in the QGIS profile; offline, point the setting "
                "worldcereal_qgis/seasons/calendar_path to a local copy.")

    def initAlgorithm(self, config=None):  # noqa: N802
        for parameter in aoi_parameters():
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterNumber(
            "YEAR", tr("Year (the seasons end in this year)"), QgsProcessingParameterNumber.Type.Integer,
            QDate.currentDate().year() - 1, minValue=2017, maxValue=2100))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Suggested seasons"),
                                                            QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("SEASON_COUNT", tr("Number of seasons")))
        self.addOutput(QgsProcessingOutputString("CROPLAND_START", tr("Cropland period start (YYYY-MM-DD)")))
        self.addOutput(QgsProcessingOutputString("CROPLAND_END", tr("Cropland period end (YYYY-MM-DD)")))

    def _bbox(self, parameters, context, feedback) -> tuple[float, float, float, float]:
        from ..adapters.aoi import aoi_from_extent_parameter, aoi_from_features

        source = self.parameterAsSource(parameters, "AOI_LAYER", context)
        if source is not None:
            return aoi_from_features(source, "aoi", feedback=feedback).bbox
        aoi = aoi_from_extent_parameter(self, parameters, context, "extent")
        if aoi is not None:
            return aoi.bbox  # west > east for an area across 180°: the calendar cells on both sides
        raise no_area()

    def _process(self, parameters, context, feedback) -> dict:
        from ..adapters import crop_calendar
        from ..core.seasons import cropland_period_for

        bbox = self._bbox(parameters, context, feedback)
        year = self.parameterAsInt(parameters, "YEAR", context)
        suggestions = crop_calendar.suggest_seasons(bbox, year)
        if not suggestions:
            raise InputError(tr("The crop calendar has no growing season for this area in {year}; enter the season "
                                "dates by hand.").format(year=year), field="season")
        fields = _fields()
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Type.NoGeometry,
                                          QgsCoordinateReferenceSystem())
        for s in suggestions:
            feature = QgsFeature(fields)
            feature.setAttributes([s.season_id, _qdate(s.start), _qdate(s.end), _qdate(s.processing_period[0]),
                                   _qdate(s.processing_period[1]), s.warning])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            feedback.pushInfo(tr("{season}: {start} – {end} (processing period {first} – {last})").format(
                season=s.season_id, start=s.start, end=s.end, first=s.processing_period[0],
                last=s.processing_period[1]))
            if s.warning:
                feedback.pushWarning(crop_calendar.season_warning(s))
        calendar = crop_calendar.load_calendar()  # in memory already: suggest_seasons loaded it
        gap = calendar.second_season_gap(bbox, year)
        if gap is not None:
            feedback.pushInfo(_second_season_sentence(*gap))
        start, end = cropland_period_for(suggestions)
        return {"OUTPUT": dest, "SEASON_COUNT": len(suggestions), "CROPLAND_START": start.isoformat(),
                "CROPLAND_END": end.isoformat()}


def _second_season_sentence(code: str, window) -> str:
    """core.seasons' code for a missing tc-s2, as one sentence in the user's language (months in its locale)."""
    if code == "no_valid_season" or window is None:
        return tr("tc-s2 is not offered: the crop calendar has no valid second season here (no dates, or an end "
                  "before the start).")
    start, end = (QLocale().toString(QDate(d.year, d.month, d.day), "MMM yyyy") for d in window)
    return tr("tc-s2 is not offered: its median window ({start} – {end}) equals tc-s1's, which is how the crop "
              "calendar marks an area with one growing season.").format(start=start, end=end)
