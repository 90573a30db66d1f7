"""What every WorldCereal algorithm shares: icon, instance creation, and one-sentence errors."""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtGui import QIcon

from .. import settings
from ..adapters import paths
from ..core import backends
from ..core.errors import CancelledError, WorldCerealError

BACKEND_CHOICES = [p.name for p in backends.PROFILES]


def backend_parameters() -> list:
    """BACKEND (default: the backend chosen in the dock, ``settings.ACTIVE_BACKEND``) and BACKEND_URL."""
    active = settings.ACTIVE_BACKEND.read()
    default = BACKEND_CHOICES.index(active) if active in BACKEND_CHOICES else 0
    from .param_checks import tr

    return [QgsProcessingParameterEnum("BACKEND", tr("openEO backend"), BACKEND_CHOICES, defaultValue=default),
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


class WorldCerealAlgorithm(QgsProcessingAlgorithm):
    """Subclasses implement ``_process``; missing packages and core errors become one clear sentence."""

    def icon(self) -> QIcon:
        return QIcon(str(paths.icon_path()))

    def createInstance(self):  # noqa: N802
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..adapters.worker_threads import prepare_worker_thread
        from ..core import dependencies

        prepare_worker_thread()  # Processing may run this in a Qt pool thread
        missing = dependencies.missing_dependencies()
        if missing:
            raise failure(dependencies.missing_message(missing))
        try:
            return self._process(parameters, context, feedback)
        except CancelledError as err:
            if not _in_qgis_process():
                feedback.reportError(str(err))  # the dialog's log shows why it stopped
            raise failure(str(err)) from err
        except WorldCerealError as err:
            raise failure(str(err)) from err

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Name the allowed range or choices (QGIS only says "Incorrect parameter value"), then QGIS's checks."""
        from .param_checks import parameter_problem

        for definition in self.parameterDefinitions():
            problem = parameter_problem(definition, parameters.get(definition.name()), context)
            if problem:
                return False, problem
        return super().checkParameterValues(parameters, context)

    def _process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError

    def backend_profile(self, parameters, context):
        """The BACKEND / BACKEND_URL parameters through the plugin's one profile -> URL rule."""
        from ..adapters import connections

        name = BACKEND_CHOICES[self.parameterAsEnum(parameters, "BACKEND", context)]
        return connections.profile(name, self.parameterAsString(parameters, "BACKEND_URL", context) or None)
