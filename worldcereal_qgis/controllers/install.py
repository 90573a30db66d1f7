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


def tr(text: str) -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("WorldCerealInstall", text)


def missing_text(missing: list[dependencies.MissingDependency]) -> str:
    """The message-bar sentence (short enough to read whole: it used to be cut after a line and a half)."""
    names = ", ".join(m.describe() for m in missing)
    return tr("WorldCereal needs Python packages this QGIS lacks: {names}. Install adds them to the plugin's "
              "own folder, no admin rights needed.").format(names=names)


class InstallOffer:
    """The message-bar item with the Install button, and the install itself (a task) with visible progress.

    Clicking Install disables the button and turns the message into a progress line; when the packages are in,
    ``on_ready`` runs (the plugin opens the panel). A second click cannot start a second pip.
    """

    def __init__(self, iface, deps_dir: Path, on_ready) -> None:
        self.iface = iface
        self.deps_dir = deps_dir
        self.on_ready = on_ready
        self.task: InstallDependenciesTask | None = None
        self.item = None
        self.button = None

    def offer(self, missing: list[dependencies.MissingDependency]) -> None:
        from ..adapters import message_bar

        if self.task is not None:  # installing already: the progress line stays
            return
        self.pop()
        bar = self.iface.messageBar()
        self.item, self.button = message_bar.with_button(bar, missing_text(missing), tr("Install"),
                                                         lambda: self.install(missing))
        self.button.setObjectName("worldcereal_install")
        bar.pushWidget(self.item, Qgis.MessageLevel.Warning)

    def install(self, missing: list[dependencies.MissingDependency]) -> None:
        from ..adapters.tasks import start_task

        if self.task is not None:
            return
        if self.button is not None:
            self.button.setEnabled(False)
            self.button.setText(tr("Installing…"))
        self._show_progress(0.0)
        task = InstallDependenciesTask(self.deps_dir, missing)
        task.progressChanged.connect(self._show_progress)
        task.taskCompleted.connect(lambda: self._finished(task, True))
        task.taskTerminated.connect(lambda: self._finished(task, False))
        self.task = task
        start_task(task)

    def _show_progress(self, progress: float) -> None:
        if self.item is None:
            return
        try:
            self.item.setText(tr("Installing the Python packages for WorldCereal… {percent} %").format(
                percent=int(progress)))
        except RuntimeError:  # the user closed the message; the install goes on in the task manager
            self.item = None

    def _finished(self, task: InstallDependenciesTask, ok: bool) -> None:
        self.task = None
        self.pop()
        bar = self.iface.messageBar()
        if ok:
            bar.pushMessage("WorldCereal", tr("Python packages installed; WorldCereal is ready."),
                            Qgis.MessageLevel.Success, 5)
            self.on_ready()
            return
        message = task.error or tr("Installing the Python packages failed; see the WorldCereal log.")
        bar.pushMessage("WorldCereal", message, Qgis.MessageLevel.Critical, 0)
        QgsMessageLog.logMessage(message, LOG_TAG, Qgis.MessageLevel.Critical)

    def pop(self) -> None:
        """Remove our message (the user may have closed it already)."""
        from ..adapters import message_bar

        message_bar.pop(self.iface.messageBar(), self.item)
        self.item = self.button = None

    def shutdown(self) -> None:
        self.pop()
        if self.task is not None:
            self.task.cancel()
            self.task = None
