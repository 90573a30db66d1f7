"""SQLite persistence for jobs, tokens and device codes, so a backend restart loses nothing."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any, Optional

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL, kind TEXT NOT NULL, process_id TEXT NOT NULL,
    arguments TEXT NOT NULL, process TEXT NOT NULL, title TEXT, description TEXT, job_options TEXT,
    status TEXT NOT NULL, created REAL NOT NULL, updated REAL NOT NULL, started REAL, finished REAL,
    duration REAL, fail_message TEXT, assets TEXT, costs REAL, usage TEXT, logs TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY, kind TEXT NOT NULL, user_id TEXT NOT NULL,
    issued REAL NOT NULL, expires REAL, revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS device_codes (
    device_code TEXT PRIMARY KEY, user_code TEXT NOT NULL, client_id TEXT NOT NULL,
    code_challenge TEXT, polls INTEGER NOT NULL DEFAULT 0, approved INTEGER NOT NULL DEFAULT 0,
    used INTEGER NOT NULL DEFAULT 0, user_id TEXT, created REAL NOT NULL
);
"""
_JSON_COLUMNS = ("arguments", "process", "job_options", "assets", "usage", "logs")


class Store:
    """Thread-safe tiny DAO; one connection guarded by a lock (the server is threaded)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    @property
    def lock(self) -> threading.RLock:
        return self._lock

    def _exec(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    # jobs
    def insert_job(self, job: dict) -> None:
        cols = list(job)
        values = tuple(_encode(c, job[c]) for c in cols)
        self._exec(f"INSERT INTO jobs ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})", values)

    def update_job(self, job_id: str, **fields: Any) -> None:
        sets = ",".join(f"{k}=?" for k in fields)
        self._exec(f"UPDATE jobs SET {sets} WHERE id=?", (*(_encode(k, v) for k, v in fields.items()), job_id))

    def get_job(self, job_id: str) -> Optional[dict]:
        rows = self._exec("SELECT * FROM jobs WHERE id=?", (job_id,))
        return _decode(rows[0]) if rows else None

    def list_jobs(self, user_id: Optional[str] = None, statuses: Optional[tuple] = None) -> list[dict]:
        sql, params = "SELECT * FROM jobs WHERE 1=1", []
        if user_id is not None:
            sql += " AND user_id=?"
            params.append(user_id)
        if statuses:
            sql += f" AND status IN ({','.join('?' * len(statuses))})"
            params.extend(statuses)
        return [_decode(r) for r in self._exec(sql + " ORDER BY created DESC", tuple(params))]

    def delete_job(self, job_id: str) -> None:
        self._exec("DELETE FROM jobs WHERE id=?", (job_id,))

    # tokens
    def add_token(self, token: str, kind: str, user_id: str, issued: float, expires: Optional[float]) -> None:
        self._exec(
            "INSERT INTO tokens (token, kind, user_id, issued, expires) VALUES (?,?,?,?,?)",
            (token, kind, user_id, issued, expires),
        )

    def get_token(self, token: str, kind: str) -> Optional[dict]:
        rows = self._exec("SELECT * FROM tokens WHERE token=? AND kind=?", (token, kind))
        return dict(rows[0]) if rows else None

    def revoke_tokens(self, kinds: tuple) -> int:
        rows = self._exec(
            f"UPDATE tokens SET revoked=1 WHERE revoked=0 AND kind IN ({','.join('?' * len(kinds))}) "
            "RETURNING token",
            kinds,
        )
        return len(rows)

    # device codes
    def add_device_code(self, device_code: str, user_code: str, client_id: str, challenge: Optional[str],
                        created: float) -> None:
        self._exec(
            "INSERT INTO device_codes (device_code, user_code, client_id, code_challenge, created) "
            "VALUES (?,?,?,?,?)",
            (device_code, user_code, client_id, challenge, created),
        )

    def get_device_code(self, device_code: str) -> Optional[dict]:
        rows = self._exec("SELECT * FROM device_codes WHERE device_code=?", (device_code,))
        return dict(rows[0]) if rows else None

    def update_device_code(self, device_code: str, **fields: Any) -> None:
        sets = ",".join(f"{k}=?" for k in fields)
        self._exec(f"UPDATE device_codes SET {sets} WHERE device_code=?", (*fields.values(), device_code))

    def approve_user_code(self, user_code: str, user_id: str) -> bool:
        rows = self._exec(
            "UPDATE device_codes SET approved=1, user_id=? WHERE user_code=? AND used=0 RETURNING device_code",
            (user_id, user_code),
        )
        return bool(rows)


def _encode(column: str, value: Any) -> Any:
    return json.dumps(value) if column in _JSON_COLUMNS and value is not None else value


def _decode(row: sqlite3.Row) -> dict:
    out = dict(row)
    for col in _JSON_COLUMNS:
        if out.get(col) is not None:
            out[col] = json.loads(out[col])
    return out
