"""Persistent job store: one SQLite file in the QGIS profile keeps every job across restarts.

Why SQLite: every write is one transaction, so a crash (QGIS killed, power cut) leaves either the old or the new
row, never half of one; WAL lets the GUI thread read while a QgsTask writes. Pure Python, no Qt: tasks in worker
threads and the GUI thread share one ``JobStore`` (a new connection per call, writes serialised by a lock,
``busy_timeout`` for a second process such as Processing run headless).

No secrets here, on purpose: there is no token field, and JSON columns refuse keys that look like credentials.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from .errors import WorldCerealError

LOG = logging.getLogger(__name__)

ACTIVE_STATUSES = ("created", "queued", "running")  # openEO statuses that still need polling
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000
_JSON_FIELDS = ("request", "outputs", "extra")
_SECRET_KEYS = frozenset({
    "token", "access_token", "refresh_token", "id_token", "bearer", "password", "passwd",
    "secret", "client_secret", "authorization", "api_key", "apikey",
})


class JobStatus:
    """Local job states: ``draft`` plus the openEO batch-job statuses (the backend's spelling)."""

    DRAFT = "draft"  # stored locally, not yet created remotely
    CREATED = "created"
    QUEUED = "queued"
    RUNNING = "running"
    FINISHED = "finished"
    ERROR = "error"
    CANCELED = "canceled"


class DownloadState:
    NONE = "none"
    DOWNLOADING = "downloading"
    DONE = "done"
    FAILED = "failed"


class JobStoreError(WorldCerealError):
    """The job store file cannot be used (unreadable, or written by a newer plugin)."""


class JobNotFoundError(JobStoreError, KeyError):
    """No job with this local id (also a ``KeyError`` for callers that treat the store like a mapping)."""


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class JobRecord:
    """One job as the plugin knows it; ``outputs`` lists complete local files only."""

    local_id: str
    backend: str
    backend_url: str
    product: str
    title: str
    request: dict
    remote_id: str | None = None
    status: str = JobStatus.DRAFT
    progress: float | None = None
    download_state: str = DownloadState.NONE
    output_dir: str | None = None
    outputs: list[str] = field(default_factory=list)
    credits: float | None = None
    error_code: str | None = None
    error_message: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    started_at: str | None = None
    finished_at: str | None = None
    run_id: str | None = None
    tile_name: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def needs_download(self) -> bool:
        return self.status == JobStatus.FINISHED and self.download_state != DownloadState.DONE


FIELDS = tuple(f.name for f in dataclasses.fields(JobRecord))
_UPDATABLE = frozenset(FIELDS) - {"local_id", "created_at", "updated_at"}

# Schema migrations: index i holds the statements that take user_version i to i + 1. Never edit a shipped step.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE jobs (
            seq INTEGER PRIMARY KEY,
            local_id TEXT NOT NULL UNIQUE,
            backend TEXT NOT NULL,
            backend_url TEXT NOT NULL,
            product TEXT NOT NULL,
            title TEXT NOT NULL,
            request TEXT NOT NULL DEFAULT '{}',
            remote_id TEXT,
            status TEXT NOT NULL DEFAULT 'draft',
            progress REAL,
            download_state TEXT NOT NULL DEFAULT 'none',
            output_dir TEXT,
            outputs TEXT NOT NULL DEFAULT '[]',
            credits REAL,
            error_code TEXT,
            error_message TEXT,
            created_at TEXT,
            updated_at TEXT,
            started_at TEXT,
            finished_at TEXT,
            run_id TEXT,
            tile_name TEXT,
            extra TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX jobs_remote ON jobs (backend_url, remote_id)",
        "CREATE INDEX jobs_status ON jobs (status)",
        "CREATE INDEX jobs_run ON jobs (run_id)",
    ),
)


def _find_secret_key(value: Any) -> str | None:
    """The first dict key (at any depth) that names a credential, so it can be refused before it is written."""
    if isinstance(value, dict):
        for key, item in value.items():
            if str(key).lower() in _SECRET_KEYS:
                return str(key)
            found = _find_secret_key(item)
            if found:
                return found
    elif isinstance(value, (list, tuple)):
        for item in value:
            found = _find_secret_key(item)
            if found:
                return found
    return None


def _to_column(name: str, value: Any) -> Any:
    if name in _JSON_FIELDS:
        secret = _find_secret_key(value)
        if secret:
            raise ValueError(f"The job store never keeps credentials; remove '{secret}' from '{name}'.")
        return json.dumps(value, sort_keys=True)
    return value


def _record_from_row(row: sqlite3.Row) -> JobRecord:
    values = {name: row[name] for name in FIELDS}
    for name in _JSON_FIELDS:
        values[name] = json.loads(values[name]) if values[name] else ({} if name != "outputs" else [])
    return JobRecord(**values)


class JobStore:
    """SQLite-backed store of ``JobRecord``s; safe to share between threads (and processes)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._callbacks: list[Callable[[str], None]] = []
        self._migrate()

    # -- connections ----------------------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = FULL")  # a committed job survives a power cut, not only a crash
        except sqlite3.Error as err:
            raise JobStoreError(f"The job store {self.path} cannot be opened: {err}.") from err
        return conn

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: committed whole or rolled back whole."""
        with self._lock:
            conn = self._connect()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            finally:
                conn.close()

    def _migrate(self) -> None:
        try:
            with self._write() as conn:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise JobStoreError(
                        f"The job store {self.path} was written by a newer version of the plugin; update the plugin."
                    )
                for step in range(version, SCHEMA_VERSION):
                    for statement in _MIGRATIONS[step]:
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            with self._read() as conn:
                conn.execute("PRAGMA journal_mode = WAL")  # persistent in the file; not allowed inside a transaction
        except sqlite3.DatabaseError as err:
            raise JobStoreError(f"The job store {self.path} is not a readable database: {err}.") from err

    @property
    def schema_version(self) -> int:
        with self._read() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    # -- change notification (plain callbacks; the Qt side wraps them in signals) -------------------------------
    def on_change(self, callback: Callable[[str], None]) -> Callable[[], None]:
        """Call ``callback(local_id)`` after every committed add/update/remove; returns an unsubscribe function."""
        self._callbacks.append(callback)

        def unsubscribe() -> None:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

        return unsubscribe

    def _notify(self, local_id: str) -> None:
        for callback in list(self._callbacks):
            try:
                callback(local_id)
            except Exception:  # a broken listener must not undo or hide a committed write
                LOG.exception("Job store listener failed")

    # -- CRUD -----------------------------------------------------------------------------------------------------
    def add(self, record: JobRecord) -> JobRecord:
        """Insert a copy of ``record``; fills ``local_id`` (uuid4 hex) and timestamps when empty."""
        now = utc_now()
        record = dataclasses.replace(
            record, local_id=record.local_id or uuid.uuid4().hex,
            created_at=record.created_at or now, updated_at=now,
        )
        columns = ", ".join(FIELDS)
        marks = ", ".join("?" for _ in FIELDS)
        values = [_to_column(name, getattr(record, name)) for name in FIELDS]
        with self._write() as conn:
            try:
                conn.execute(f"INSERT INTO jobs ({columns}) VALUES ({marks})", values)
            except sqlite3.IntegrityError as err:
                raise ValueError(f"A job with local id {record.local_id} is already stored.") from err
        self._notify(record.local_id)
        return record

    def get(self, local_id: str) -> JobRecord:
        with self._read() as conn:
            return self._get(conn, local_id)

    def _get(self, conn: sqlite3.Connection, local_id: str) -> JobRecord:
        row = conn.execute("SELECT * FROM jobs WHERE local_id = ?", (local_id,)).fetchone()
        if row is None:
            raise JobNotFoundError(f"The job {local_id} is not in the job list (it may have been removed).")
        return _record_from_row(row)

    def find_by_remote_id(self, backend_url: str, remote_id: str) -> JobRecord | None:
        with self._read() as conn:
            row = conn.execute(
                "SELECT * FROM jobs WHERE backend_url = ? AND remote_id = ? ORDER BY seq DESC LIMIT 1",
                (backend_url, remote_id),
            ).fetchone()
        return _record_from_row(row) if row is not None else None

    def update(self, local_id: str, /, **fields: Any) -> JobRecord:
        """Change some fields in one transaction (read-modify-write under the lock); sets ``updated_at``."""
        unknown = sorted(set(fields) - _UPDATABLE)
        if unknown:
            raise ValueError(f"Job records have no updatable field {', '.join(unknown)}.")
        with self._write() as conn:
            record = dataclasses.replace(self._get(conn, local_id), **fields, updated_at=utc_now())
            names = [*fields, "updated_at"]
            assignments = ", ".join(f"{name} = ?" for name in names)
            values = [_to_column(name, getattr(record, name)) for name in names]
            conn.execute(f"UPDATE jobs SET {assignments} WHERE local_id = ?", [*values, local_id])
        self._notify(local_id)
        return record

    def list(
        self,
        *,
        backend: str | None = None,
        statuses: Iterable[str] | None = None,
        run_id: str | None = None,
    ) -> list[JobRecord]:
        """Matching jobs, newest first."""
        where, args = [], []
        if backend is not None:
            where.append("backend = ?")
            args.append(backend)
        if statuses is not None:
            wanted = list(statuses)
            if not wanted:
                return []
            where.append(f"status IN ({', '.join('?' for _ in wanted)})")
            args.extend(wanted)
        if run_id is not None:
            where.append("run_id = ?")
            args.append(run_id)
        sql = "SELECT * FROM jobs" + (f" WHERE {' AND '.join(where)}" if where else "")
        with self._read() as conn:
            rows = conn.execute(sql + " ORDER BY created_at DESC, seq DESC", args).fetchall()
        return [_record_from_row(row) for row in rows]

    def remove(self, local_id: str) -> None:
        """Forget a job (its files on disk stay); removing an unknown id is not an error."""
        with self._write() as conn:
            conn.execute("DELETE FROM jobs WHERE local_id = ?", (local_id,))
        self._notify(local_id)

    def jobs_to_resume(self) -> list[JobRecord]:
        """After a restart: remote jobs still running (poll them) and finished jobs whose files are missing."""
        return [r for r in self.list() if (r.is_active and r.remote_id) or (r.needs_download and r.remote_id)]
