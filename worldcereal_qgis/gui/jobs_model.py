"""Qt table model over the job store: one row per job, newest first; the store stays the only truth."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from qgis.PyQt.QtCore import QAbstractTableModel, QDate, QDateTime, QLocale, QModelIndex, Qt, QTimer
from qgis.PyQt.QtGui import QColor

from ..adapters.i18n import translator
from ..adapters.tasks import CoreTask, start_task
from ..core import udp
from ..core.aoi import Aoi
from ..core.errors import WorldCerealError
from ..core.jobstore import ACTIVE_STATUSES, DownloadState, JobRecord, JobStatus, JobStore

tr = translator("WorldCerealJobs")
COLUMNS = ("Job", "Status", "Progress", "Credits")
LOCAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                    Qt.ItemDataRole.ForegroundRole, LOCAL_ID_ROLE))

_STATUS_TEXT = {
    JobStatus.DRAFT: "submitting",
    JobStatus.CREATED: "created",
    JobStatus.QUEUED: "queued",
    JobStatus.RUNNING: "running",
    JobStatus.FINISHED: "finished",
    JobStatus.ERROR: "failed",
    JobStatus.CANCELED: "cancelled",
}
_STATUS_COLOUR = {JobStatus.ERROR: QColor(200, 30, 30), JobStatus.FINISHED: QColor(30, 130, 50)}


def status_text(record: JobRecord) -> str:
    """What the user reads in the Status column: the remote status plus the local download step."""
    text = _STATUS_TEXT.get(record.status, record.status)
    if record.status == JobStatus.FINISHED:
        text = {DownloadState.DOWNLOADING: "downloading", DownloadState.DONE: "loaded",
                DownloadState.FAILED: "download failed"}.get(record.download_state, "finished")
    return translated_status(text)


def translated_status(text: str) -> str:
    words = {"submitting": tr("submitting"), "created": tr("created"), "queued": tr("queued"),
             "running": tr("running"), "finished": tr("finished"), "failed": tr("failed"),
             "cancelled": tr("cancelled"), "downloading": tr("downloading"), "loaded": tr("loaded"),
             "download failed": tr("download failed")}
    return words.get(text, text)


def _parse(stamp: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        return None


def elapsed_text(record: JobRecord, now: datetime | None = None) -> str:
    start = _parse(record.started_at) or _parse(record.created_at)
    if start is None:
        return ""
    end = _parse(record.finished_at) or now or datetime.now(timezone.utc)
    seconds = max(0, int((end - start).total_seconds()))
    minutes, sec = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{sec:02d}" if hours else f"{minutes}:{sec:02d}"


def progress_text(record: JobRecord, now: datetime | None = None) -> str:
    elapsed = elapsed_text(record, now)
    if record.progress is None or record.status not in (*ACTIVE_STATUSES, JobStatus.FINISHED):
        return elapsed
    return f"{record.progress:.0f} % · {elapsed}" if elapsed else f"{record.progress:.0f} %"


def _month(stamp: str) -> str:
    """"2021-12-31" -> "Dec 2021" in the user's language."""
    day = QDate.fromString(str(stamp)[:10], "yyyy-MM-dd")
    return QLocale().toString(day, "MMM yyyy") if day.isValid() else ""


def aoi_area_km2(record: JobRecord) -> float | None:
    try:
        return Aoi.from_wkt(record.request["aoi"]["wkt"]).area_km2
    except (KeyError, TypeError, ValueError, WorldCerealError):
        return None


def short_title(record: JobRecord, area_km2: float | None = None) -> str:
    """Two lines that tell jobs apart: product and period, then area, its size and when it was started.

    Every row used to read "Cropland · …" in a narrow dock; the full title stays in the tooltip.
    """
    request = record.request or {}
    label = udp.PRODUCT_LABELS.get(record.product, record.product)
    period = request.get("temporal_extent") or ["", ""]
    months = "–".join(m for m in (_month(period[0]), _month(period[-1])) if m)
    first = " · ".join(part for part in (label, months) if part)
    area = (request.get("aoi") or {}).get("name", "")
    size = f"{area_km2:,.0f} km²" if area_km2 is not None else ""
    started = QDateTime.fromString(str(record.created_at or ""), Qt.DateFormat.ISODate)
    when = QLocale().toString(started.toLocalTime(), "d MMM HH:mm") if started.isValid() else ""
    second = " · ".join(part for part in (area, size, when) if part)
    return f"{first}\n{second}" if second else first


class JobsTableModel(QAbstractTableModel):
    """Reads the store on ``refresh()``; the dock calls it when the controller says a job changed."""

    def __init__(self, store: JobStore, parent=None, *, measuring: bool = True) -> None:
        """``measuring=False``: the areas are measured from ``start_measuring()`` on (the dock, once built)."""
        super().__init__(parent)
        self._measuring = measuring
        self.store = store
        self._records: list[JobRecord] = []
        # per job, measured once in a task: ~1 ms a job in pyproj, tens for a new UTM zone, so the first paint of
        # a long list held the GUI thread past a frame (#21); the size shows in the row once measured
        self._areas: dict[str, float | None] = {}
        self._titles: dict[str, str] = {}  # the Job column's two lines, made once per job and area
        self._to_measure: dict[str, JobRecord] = {}
        self._area_task: CoreTask | None = None
        self._measure_timer = QTimer(self, singleShot=True, interval=0)  # the rows painted in one turn: one task
        self._measure_timer.timeout.connect(self._measure)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._records = self.store.list()
        self.endResetModel()

    def update_times(self) -> None:
        """Repaint the Progress column (elapsed time moves on between polls)."""
        if self._records:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._records) - 1, 2))

    def has_active(self) -> bool:
        return any(r.is_active or r.status == JobStatus.DRAFT for r in self._records)

    def record(self, row: int) -> JobRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, local_id: str) -> int:
        return next((i for i, r in enumerate(self._records) if r.local_id == local_id), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Job"), tr("Status"), tr("Progress"), tr("Credits"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # the view asks ~40 roles per cell to size its rows: answer the rest at once
            return None
        record = self.record(index.row())
        if record is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return _STATUS_COLOUR.get(record.status)
        if role == LOCAL_ID_ROLE:
            return record.local_id
        return None

    def _display(self, record: JobRecord, column: int) -> str:
        if column == 0:
            return self._title(record)
        if column == 1:
            return status_text(record)
        if column == 2:
            return progress_text(record)
        return f"{record.credits:.1f}" if record.credits is not None else ""

    def _title(self, record: JobRecord) -> str:
        title = self._titles.get(record.local_id)
        if title is None:
            if record.local_id not in self._areas and record.local_id not in self._to_measure:
                self._to_measure[record.local_id] = record
                self._measure_timer.start()
            title = self._titles[record.local_id] = short_title(record, self._areas.get(record.local_id))
        return title

    def know_area(self, local_id: str, area_km2: float) -> None:
        """A job just made from the dock's area, which was measured already: no task competes with its submission."""
        self._to_measure.pop(local_id, None)
        self._areas[local_id] = area_km2
        if self._titles.pop(local_id, None) is not None and (row := self.row_of(local_id)) >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def start_measuring(self) -> None:
        self._measuring = True
        self._measure_timer.start()

    def _measure(self) -> None:
        if not self._measuring or self._area_task is not None or not self._to_measure:
            return  # not yet, or the running task's end starts the next one
        records, self._to_measure = self._to_measure, {}
        self._area_task = CoreTask(tr("WorldCereal: measuring the areas of the jobs"),
                                   lambda _task: {i: aoi_area_km2(r) for i, r in records.items()},
                                   lambda areas, _error: self._measured(records, areas))
        start_task(self._area_task)

    def _measured(self, records: dict[str, JobRecord], areas: dict | None) -> None:
        self._area_task = None
        for local_id in records:
            self._areas[local_id] = (areas or {}).get(local_id)  # failed: the row shows no size, not an error
            self._titles.pop(local_id, None)
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, 0))
        self._measure()

    def shutdown(self) -> None:
        self._measure_timer.stop()
        if self._area_task is not None:
            self._area_task.detach()
            self._area_task = None

    @staticmethod
    def _tooltip(record: JobRecord) -> str:
        lines = [record.title, tr("Backend: {url}").format(url=record.backend_url)]
        if record.remote_id:
            lines.append(tr("Job id: {id}").format(id=record.remote_id))
        if record.error_message:
            lines.append(record.error_message)
        if record.output_dir:
            lines.append(tr("Folder: {folder}").format(folder=record.output_dir))
        return "\n".join(lines)
