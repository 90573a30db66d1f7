"""Background install of missing runtime dependencies (a QgsTask: QGIS never freezes on pip)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsMessageLog, QgsTask

from ..core import dependencies
from ..core.errors import CancelledError, WorldCerealError

LOG_TAG = "WorldCereal"


def qgis_library_versions() -> tuple[tuple[int, int], tuple[int, int]]:
    """GEOS and PROJ versions QGIS is built with (wheels must not bundle newer ones)."""
    from qgis.core import Qgis, QgsProjUtils

    return ((Qgis.geosVersionMajor(), Qgis.geosVersionMinor()),
            (QgsProjUtils.projVersionMajor(), QgsProjUtils.projVersionMinor()))


class InstallDependenciesTask(QgsTask):
    """pip install into the plugin-private folder, with progress and cancel."""

    def __init__(self, target: Path, missing: list[dependencies.MissingDependency]) -> None:
        super().__init__("WorldCereal: installing Python packages", QgsTask.Flag.CanCancel)
        self.target = target
        self.requirements = [m.requirement for m in missing]
        self.error: str | None = None
        self._steps = 0
        self.constraints = dependencies.library_constraints(*qgis_library_versions())

    def run(self) -> bool:
        try:
            dependencies.install(
                self.target, self.requirements, on_line=self._on_line, is_cancelled=self.isCanceled,
                constraints=self.constraints,
            )
        except CancelledError as err:
            self.error = str(err)
            return False
        except WorldCerealError as err:
            self.error = str(err)
            return False
        return True

    def _on_line(self, line: str) -> None:
        QgsMessageLog.logMessage(line, LOG_TAG, Qgis.MessageLevel.Info)
        self._steps, progress = dependencies.install_progress(line, self._steps)
        self.setProgress(progress)
