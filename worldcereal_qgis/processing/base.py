"""What every WorldCereal algorithm shares: icon, instance creation, help, and one-sentence errors."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..adapters import paths
from ..adapters.i18n import backend_name, translator
from ..core import backends
from ..core.errors import CancelledError, WorldCerealError

HELP_URL = "https://github.com/worldcereal-qgis/worldcereal_qgis#readme"
CDSE_REGISTER_URL = "https://dataspace.copernicus.eu"
tr = translator("WorldCerealProcessing")


def backend_choices() -> list[str]:
    """The backend list as people read it; the index still maps to ``backends.PROFILES`` (ids stay in code)."""
    return [backend_name(p) for p in backends.PROFILES]


def job_help(specific: str, *, area: bool = True, period: bool = True) -> str:
    """An algorithm's own help, then what every openEO job needs the user to know before clicking Run."""
    from ..core.credits import estimate_duration_minutes, estimate_map_credits

    low, high = estimate_map_credits(100.0)
    short, long = estimate_duration_minutes(100.0)
    parts = [specific,
             tr("<b>Account.</b> Jobs run on openEO with your Copernicus Data Space Ecosystem account (free: "
                "<a href=\"{url}\">register at CDSE</a>). Log in once in the WorldCereal panel (toolbar button "
                "or Plugins → WorldCereal); Processing, the Model Builder and qgis_process use that login.").format(
                 url=CDSE_REGISTER_URL),
             tr("<b>Cost and time.</b> Each job uses credits from your CDSE allowance (10,000 free credits a "
                "month) and takes 10–20 minutes or more; it goes on if you close QGIS.")]
    if area:
        parts.append(tr("A map of 100 km² costs about {low}–{high} credits and takes {short}–{long} minutes. "
                        "<b>Area.</b> Give either a polygon layer or an extent, not both.").format(
            low=f"{low:.0f}", high=f"{high:.0f}", short=f"{short:.0f}", long=f"{long:.0f}"))
    if period:
        parts.append(tr("<b>Period.</b> Give a YEAR or the dates: one of the two is needed."))
    return "<p>" + "</p><p>".join(parts) + "</p>"


class WorldCerealAlgorithm(QgsProcessingAlgorithm):
    """Subclasses implement ``_process``; missing packages and core errors become one clear sentence."""

    def icon(self) -> QIcon:
        return QIcon(str(paths.icon_path()))

    def helpUrl(self) -> str:  # noqa: N802 (QGIS API name)
        return HELP_URL

    def createInstance(self):  # noqa: N802
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..adapters.worker_threads import prepare_worker_thread
        from ..core import dependencies

        prepare_worker_thread()  # Processing may run this in a Qt pool thread
        missing = dependencies.missing_dependencies()
        if missing:
            raise QgsProcessingException(dependencies.missing_message(missing))
        try:
            return self._process(parameters, context, feedback)
        except CancelledError as err:
            feedback.reportError(str(err))
            raise QgsProcessingException(str(err)) from err
        except WorldCerealError as err:
            raise QgsProcessingException(str(err)) from err

    def _process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
