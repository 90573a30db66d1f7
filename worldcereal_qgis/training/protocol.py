"""Line-based JSON progress protocol on stdout: one event object per line, flushed at once.

Events: ``stage`` (name, progress 0..100), ``log`` (message), ``warning`` (message), ``epoch`` (epoch, loss,
val_loss, val_f1), ``metrics`` (the test metrics), ``done`` (paths), ``error`` (message, kind). QGIS's
``training_task.py`` parses them; anything else on stdout is ignored there, so stray prints cannot break it.
"""

from __future__ import annotations

import json
import sys
from typing import Any


class TrainingInputError(Exception):
    """Bad training input: its message is the one sentence the user sees."""


def emit(event: str, **fields: Any) -> None:
    """Write one event line; ``default=float`` turns numpy scalars into JSON numbers."""
    line = json.dumps({"event": event, **fields}, default=_jsonable, allow_nan=False)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def stage(name: str, progress: float) -> None:
    emit("stage", stage=name, progress=round(float(progress), 1))


def warn(message: str) -> None:
    emit("warning", message=message)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)
