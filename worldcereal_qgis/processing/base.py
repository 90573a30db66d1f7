"""What every WorldCereal algorithm shares: icon, instance creation, help, and one-sentence errors."""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtGui import QIcon

from .. import settings
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

    low, high = estimate_map_credits(100.0, settings.credit_rates())  # the rates the dock and runs use
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


BACKEND_CHOICES = [p.name for p in backends.PROFILES]


def aoi_parameters() -> list:
    """AOI_LAYER then EXTENT ("…or area of interest as an extent", named on its own in a refusal sentence)."""
    from .param_checks import standalone_label

    return [QgsProcessingParameterFeatureSource("AOI_LAYER", tr("Area of interest (polygon layer)"),
                                                [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            standalone_label(QgsProcessingParameterExtent("EXTENT", tr("…or area of interest as an extent"),
                                                          optional=True), tr("Area of interest as an extent"))]


def no_area() -> Exception:
    """The refusal when neither an area layer nor an extent is given."""
    from ..core.errors import InputError

    return InputError(tr("Give an area of interest: a polygon layer or an extent."), field="aoi")


def backend_parameters() -> list:
    """BACKEND (default: the backend chosen in the dock, ``settings.ACTIVE_BACKEND``) and BACKEND_URL.

    The list shows display names (``backend_choices``); the chosen index maps to ``BACKEND_CHOICES`` ids.
    """
    active = settings.ACTIVE_BACKEND.read()
    default = BACKEND_CHOICES.index(active) if active in BACKEND_CHOICES else 0
    return [QgsProcessingParameterEnum("BACKEND", tr("openEO backend"), backend_choices(), defaultValue=default),
            QgsProcessingParameterString("BACKEND_URL", tr("Backend URL (local or custom backend; empty = the URL in "
                                                           "the plugin settings)"), optional=True)]


def _in_qgis_process() -> bool:
    return QgsApplication.platform() == "qgis_process"


def failure(message: str) -> QgsProcessingException:
    """The exception that ends a run with ``message``, printed once by qgis_process.

    QGIS reports a failed algorithm three times under qgis_process: run() logs the message (QGIS's message log is
    echoed to stderr there), the console feedback prints "ERROR:" and its base class logs it again. The process
    ends with this failure, so its message log is muted and the "ERROR:" line is the one copy the user reads.
    """
    if _in_qgis_process():
        QgsApplication.messageLog().blockSignals(True)
    return QgsProcessingException(message)


def _post_process_in_sentences(post):
    """``post`` with its errors as one sentence, like ``processAlgorithm``'s."""

    def wrapped(self, context, feedback):
        try:
            return post(self, context, feedback)
        except Exception as err:  # noqa: BLE001 — every failure leaves as one sentence
            raise self._failure_for(err) from None

    wrapped._one_sentence = True
    wrapped.__doc__ = post.__doc__
    return wrapped


class WorldCerealAlgorithm(QgsProcessingAlgorithm):
    """Subclasses implement ``_process``; missing packages and core errors become one clear sentence."""

    def __init_subclass__(cls, **kwargs) -> None:
        """A subclass's own ``postProcessAlgorithm`` (layers loaded on the main thread) gets the same error path."""
        super().__init_subclass__(**kwargs)
        post = cls.__dict__.get("postProcessAlgorithm")
        if post is not None and not getattr(post, "_one_sentence", False):
            cls.postProcessAlgorithm = _post_process_in_sentences(post)

    def icon(self) -> QIcon:
        return QIcon(str(paths.icon_path()))

    def helpUrl(self) -> str:  # noqa: N802 (QGIS API name)
        return HELP_URL

    def createInstance(self):  # noqa: N802
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..adapters.worker_threads import prepare_worker_thread
        from ..core import dependencies

        try:
            prepare_worker_thread()  # Processing may run this in a Qt pool thread
            missing = dependencies.missing_dependencies()
            if missing:
                raise failure(dependencies.missing_message(missing))
            return self._process(parameters, context, feedback)
        except CancelledError as err:
            if not _in_qgis_process():
                feedback.reportError(str(err))  # the dialog's log shows why it stopped
            raise failure(str(err)) from err
        except Exception as err:  # noqa: BLE001 — every failure leaves as one sentence
            raise self._failure_for(err) from None

    def _failure_for(self, err: Exception) -> QgsProcessingException:
        """Our errors keep their sentence; anything else is a bug: one sentence, the traceback kept for a report."""
        if isinstance(err, (WorldCerealError, QgsProcessingException)):
            return failure(str(err))
        return failure(self._bug_sentence(err))

    def _bug_sentence(self, err: Exception) -> str:
        """What stopped, that it is a bug, where its traceback is: the log panel, or a file under qgis_process."""
        from .. import settings
        from ..adapters.bug_report import bug_sentence

        folder = settings.profile_data_dir() / "errors" if _in_qgis_process() else None
        return bug_sentence(f"worldcereal:{self.name()}", err, details_dir=folder)

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Name the allowed range or choices (QGIS only says "Incorrect parameter value"), then QGIS's checks."""
        from .param_checks import parameter_problem

        try:
            for definition in self.parameterDefinitions():
                problem = parameter_problem(definition, parameters.get(definition.name()), context)
                if problem:
                    return False, problem
        except Exception as err:  # noqa: BLE001 — a bug in a check: one sentence, not a traceback
            return False, self._bug_sentence(err)
        return super().checkParameterValues(parameters, context)

    def _process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError

    def backend_profile(self, parameters, context):
        """The BACKEND / BACKEND_URL parameters through the plugin's one profile -> URL rule."""
        from ..adapters import connections

        name = BACKEND_CHOICES[self.parameterAsEnum(parameters, "BACKEND", context)]
        return connections.profile(name, self.parameterAsString(parameters, "BACKEND_URL", context) or None)
