"""JSON registry of the user's custom crop-type models: zip, classes, season, metrics, URL and its expiry.

Why: an uploaded head's presigned URL lives 6 days and the cloud copy has limited retention, while the
model itself stays valid; the registry lets the plugin re-upload/re-sign before a job, and keeps the
seasonal model URL and season a head was trained for (a head only works with the backbone it was
trained on). Plain Python; writes are atomic (temp file + replace).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Optional

from .errors import InputError

URL_MARGIN = timedelta(hours=12)  # a job may queue and run for hours after submission


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class ModelRecord:
    name: str
    zip_path: str
    class_names: list
    season_id: str
    fingerprint: str
    season_window: Optional[list] = None
    seasonal_model_zip: Optional[str] = None
    metrics: dict = field(default_factory=dict)  # overall_accuracy, macro_f1, chance_accuracy, verdict
    url: Optional[str] = None
    url_expires: Optional[str] = None  # ISO 8601 UTC; None = no known expiry (the user's own URL)
    url_source: Optional[str] = None  # "artifact" (uploaded by the plugin) or "user"
    storage_uri: Optional[str] = None  # s3://bucket/key of the uploaded copy
    created: str = field(default_factory=lambda: utcnow().isoformat(timespec="seconds"))
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    def url_usable(self, now: Optional[datetime] = None, margin: timedelta = URL_MARGIN) -> bool:
        """A URL that will still be valid ``margin`` from now (the job reads it when it starts)."""
        if not self.url:
            return False
        if not self.url_expires:
            return True
        return datetime.fromisoformat(self.url_expires) - margin > (now or utcnow())

    @classmethod
    def from_dict(cls, data: dict) -> ModelRecord:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


class ModelRegistry:
    """A small JSON file; every call re-reads it so several QGIS windows stay consistent."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def records(self) -> list[ModelRecord]:
        if not self.path.exists():
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise InputError(f"The model registry {self.path} is damaged and cannot be read.") from exc
        return [ModelRecord.from_dict(item) for item in data.get("models", [])]

    def get(self, model_id: str) -> ModelRecord:
        """By id, else by name (a name shared by several models must be given as an id)."""
        records = self.records()
        for record in records:
            if record.id == model_id:
                return record
        named = [r for r in records if r.name == model_id]
        if len(named) > 1:
            ids = ", ".join(r.id for r in named)
            raise InputError(f"Several registered models are called {model_id}; give one of the ids {ids}.",
                             field="model")
        if not named:
            raise InputError(f"No registered model is called {model_id}.", field="model")
        return named[0]

    def find(self, value: str) -> Optional[ModelRecord]:
        """The record a dock/Processing value names (id, name, zip path or URL); None when none or ambiguous."""
        value = value.strip()
        hits = [r for r in self.records() if value and value in (r.id, r.name, r.zip_path, r.url)]
        return hits[0] if len(hits) == 1 else None

    def names(self) -> set[str]:
        return {r.name for r in self.records()}

    def add(self, record: ModelRecord) -> ModelRecord:
        """Add or replace; a model re-trained into the same zip replaces the old record (keeping its id)."""
        records = self.records()
        same_zip = next((r for r in records if r.zip_path == record.zip_path and r.id != record.id), None)
        if same_zip is not None:
            record.id = same_zip.id
        self._write([*(r for r in records if r.id != record.id), record])
        return record

    def update(self, model_id: str, **changes) -> ModelRecord:
        record = self.get(model_id)
        for key, value in changes.items():
            setattr(record, key, value)
        return self.add(record)

    def remove(self, model_id: str) -> None:
        record = self.get(model_id)
        self._write([r for r in self.records() if r.id != record.id])

    def _write(self, records: list[ModelRecord]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"version": 1, "models": [asdict(r) for r in records]}, indent=2)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".models-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
        os.replace(tmp, self.path)


# -- distinct models ----------------------------------------------------------------------------------------------

_SLUG = re.compile(r"[^A-Za-z0-9._-]+")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def slug(text: str) -> str:
    """A name safe in file names and in the manifest's experiment name (letters, digits, . _ -)."""
    return _SLUG.sub("-", text.strip()).strip("-._")[:80]


def default_model_name(season_id: str, start: date, end: date, classes: list[str], today: date | None = None) -> str:
    """Season + months + classes + date, so two trainings in one folder never share a name by default."""
    names = [slug(c).lower() for c in classes if slug(c)]
    shown = "-".join(names[:3]) + (f"+{len(names) - 3}" if len(names) > 3 else "")
    day = (today or date.today()).strftime("%Y%m%d")
    return slug(f"{season_id}_{start:%Y%m}-{end:%Y%m}_{shown or 'classes'}_{day}")


def unique_model_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3``... when a registered model or a zip in the folder already has it."""
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    return candidate


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def season_mismatch(record: ModelRecord, start: date, end: date) -> str | None:
    """A sentence when a model is applied to a season of other months or length than it was trained for.

    Why a warning, not a refusal: the head classifies embeddings of the season it saw; on other months it still
    runs but its classes mean less, and the user may know what they are doing.
    """
    if not record.season_window:
        return None
    t_start, t_end = (date.fromisoformat(str(d)[:10]) for d in record.season_window)
    trained, applied = _months(t_start, t_end), _months(start, end)
    if (t_start.month, t_end.month) == (start.month, end.month) and trained == applied:
        return None
    return (f"The model {record.name} was trained for {MONTHS[t_start.month - 1]}–{MONTHS[t_end.month - 1]} "
            f"({trained} months) but is applied to {MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} ({applied} "
            "months): its crop types may be wrong there; train a model for this season.")


def season_warnings(record: Optional[ModelRecord], seasons: dict) -> list[str]:
    """``season_mismatch`` for the season the model is used for (its own season id, else every season)."""
    if record is None:
        return []
    used = {record.season_id: seasons[record.season_id]} if record.season_id in seasons else seasons
    return [w for w in (season_mismatch(record, start, end) for start, end in used.values()) if w]
