"""What every WorldCereal algorithm shares: icon, instance creation, and one-sentence errors."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..adapters import paths
from ..core.errors import CancelledError, WorldCerealError


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
