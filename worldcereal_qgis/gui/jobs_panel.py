"""The jobs list: table over the job store, action buttons and context menu, all delegating to JobController."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QObject, Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QHeaderView, QMenu

from ..adapters.i18n import translator
from ..adapters.tasks import CRITICAL
from ..controllers.jobs import JobController
from ..core.errors import WorldCerealError
from ..core.jobstore import DownloadState, JobRecord, JobStatus
from .jobs_model import JobsTableModel
from .log_dialog import JobLogDialog, format_log

tr = translator("WorldCerealJobs")
# action name -> its button in dock_jobs.ui (the context menu's words: menu_texts)
ACTIONS = {
    "cancel": "cancelJobButton",
    "retry": "retryJobButton",
    "log": "logJobButton",
    "folder": "folderJobButton",
    "load": "loadJobButton",
    "remove": "removeJobButton",
}


def menu_texts() -> dict[str, str]:
    """The context menu's words, in the user's language, in menu order."""
    return {"cancel": tr("Cancel job"), "retry": tr("Retry"), "log": tr("Show log"),
            "folder": tr("Open output folder"), "load": tr("Load / reload results"), "remove": tr("Remove from list")}


def allowed_actions(record: JobRecord | None, busy: bool) -> set[str]:
    """Which actions make sense for a job in its current state (buttons and menu share this rule)."""
    if record is None:
        return set()
    found = {"remove"}
    if record.is_active or (record.status == JobStatus.DRAFT and busy):
        found.add("cancel")
    if record.status in (JobStatus.ERROR, JobStatus.CANCELED) or (record.status == JobStatus.DRAFT and not busy):
        found.add("retry")
    if record.remote_id:
        found.add("log")
    if record.output_dir and Path(record.output_dir).is_dir():
        found.add("folder")
    if record.status == JobStatus.FINISHED and not (busy and record.download_state != DownloadState.DONE):
        found.add("load")
    return found


class JobsPanel(QObject):
    def __init__(self, dock, controller: JobController) -> None:
        super().__init__(dock)
        self.ui = dock
        self.controller = controller
        self.model = JobsTableModel(controller.store, self, measuring=False)  # the dock starts it once built
        self.open_url = lambda url: QDesktopServices.openUrl(QUrl(url))
        self.log_dialog: JobLogDialog | None = None
        view = dock.jobsView
        view.setModel(self.model)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # two-line rows
        view.setWordWrap(False)  # two lines per job, each elided in a narrow dock (the tooltip has it all)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.selectionModel().selectionChanged.connect(self.update_buttons)
        for name, button in ACTIONS.items():
            getattr(dock, button).clicked.connect(lambda _checked=False, n=name: self.trigger(n))
        # many changes in one turn (Run's click, a poll of many jobs): one list refresh, on a turn of its own
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._to_select: str | None = None
        self._refresh_timer.timeout.connect(self._refresh)
        controller.jobChanged.connect(self._job_changed)
        controller.jobLoaded.connect(self._job_changed)
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self.update_buttons()

    # -- selection -----------------------------------------------------------------------------------------------
    def selected(self) -> JobRecord | None:
        rows = self.ui.jobsView.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select(self, local_id: str) -> None:
        row = self.model.row_of(local_id)
        if row >= 0:
            self.ui.jobsView.selectRow(row)

    def _job_changed(self, _local_id: str) -> None:
        self._refresh_timer.start()

    def select_when_listed(self, local_id: str) -> None:
        """A job just made (Run): selected by the coming refresh, in the same turn as the list shows it."""
        self._to_select = local_id
        self._refresh_timer.start()

    def _refresh(self) -> None:
        current, self._to_select = self._to_select or getattr(self.selected(), "local_id", None), None
        self.model.refresh()
        if current is not None:
            self.select(current)
        self.update_buttons()

    def _tick(self) -> None:
        if self.model.has_active():
            self.model.update_times()

    def update_buttons(self, *_args) -> None:
        record = self.selected()
        allowed = allowed_actions(record, record is not None and self.controller.busy(record.local_id))
        for name, button in ACTIONS.items():
            getattr(self.ui, button).setEnabled(name in allowed)

    def _context_menu(self, pos) -> None:
        index = self.ui.jobsView.indexAt(pos)
        if not index.isValid():
            return
        self.ui.jobsView.selectRow(index.row())
        record = self.selected()
        allowed = allowed_actions(record, record is not None and self.controller.busy(record.local_id))
        menu = QMenu(self.ui.jobsView)
        for name, text in menu_texts().items():
            action = menu.addAction(text)
            action.setEnabled(name in allowed)
            action.triggered.connect(lambda _checked=False, n=name: self.trigger(n))
        menu.popup(self.ui.jobsView.viewport().mapToGlobal(pos))

    # -- actions -------------------------------------------------------------------------------------------------
    def trigger(self, name: str) -> None:
        record = self.selected()
        if record is None:
            return
        try:
            getattr(self, f"_do_{name}")(record)
        except WorldCerealError as err:
            self.controller.notify.emit("WorldCereal", str(err), CRITICAL)
        self.update_buttons()

    def _do_cancel(self, record: JobRecord) -> None:
        self.controller.cancel(record.local_id)

    def _do_retry(self, record: JobRecord) -> None:
        self.select(self.controller.retry(record.local_id))

    def _do_log(self, record: JobRecord) -> None:
        self.controller.fetch_log(record.local_id, lambda entries, error: self._show_log(record, entries, error))

    def _show_log(self, record: JobRecord, entries: list[dict], error) -> None:
        text = str(error) if error is not None else format_log(entries)
        self.log_dialog = JobLogDialog(self.ui, record.title, text)
        self.log_dialog.show()

    def _do_folder(self, record: JobRecord) -> None:
        self.open_url(QUrl.fromLocalFile(record.output_dir).toString())

    def _do_load(self, record: JobRecord) -> None:
        self.controller.reload(record.local_id)

    def _do_remove(self, record: JobRecord) -> None:
        self.controller.remove(record.local_id)

    def shutdown(self) -> None:
        self._clock.stop()
        self._refresh_timer.stop()
        self.model.shutdown()
        if self.log_dialog is not None:
            self.log_dialog.close()
