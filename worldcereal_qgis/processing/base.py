"""What every WorldCereal algorithm shares: icon, instance creation, and one-sentence errors."""

from __future__ import annotations

import traceback

from qgis.core import QgsApplication, QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..adapters import paths
from ..core.errors import WorldCerealError


class WorldCerealAlgorithm(QgsProcessingAlgorithm):
    """Subclasses implement ``_process``; missing packages and core errors become one clear sentence."""

    def icon(self) -> QIcon:
        return QIcon(str(paths.icon_path()))

    def createInstance(self):  # noqa: N802
        return type(self)()

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's check, but a bad value is named with its allowed range or format (not just "incorrect")."""
        from .param_checks import first_problem

        problem = first_problem(self.parameterDefinitions(), parameters, context)
        if problem:
            return False, problem
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..adapters.worker_threads import prepare_worker_thread
        from ..core import dependencies

        prepare_worker_thread()  # Processing may run this in a Qt pool thread
        missing = dependencies.missing_dependencies()
        if missing:
            raise _failure(dependencies.missing_message(missing))
        try:
            return self._process(parameters, context, feedback)
        except WorldCerealError as err:  # cancelled included: the exception is the one report QGIS shows
            raise _failure(str(err)) from err
        except QgsProcessingException:
            raise
        except Exception as err:  # noqa: BLE001 — a bug still reaches the user as one sentence, not a traceback
            feedback.pushDebugInfo(traceback.format_exc())
            raise _failure(tr("The algorithm failed unexpectedly ({kind}: {error}); please report it with the "
                              "log.").format(kind=type(err).__name__, error=err)) from err

    def _process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError


def _failure(message: str) -> QgsProcessingException:
    """The exception that reports ``message``, printed once by qgis_process.

    qgis_process echoes every critical QgsMessageLog message to stderr, and QGIS logs a failed algorithm's
    message twice (once for the exception, once in the feedback's reportError) around the "ERROR:" line it prints
    itself: three copies. qgis_process ends after the algorithm, so the log's echo is silenced from here on; in
    QGIS desktop nothing changes (the message appears once in the Processing log).
    """
    if QgsApplication.platform() == "qgis_process":
        QgsApplication.messageLog().blockSignals(True)
    return QgsProcessingException(message)


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCerealAlgorithm", text)
