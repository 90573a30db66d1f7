"""One sentence for an exception the plugin did not expect (a bug), and its traceback where the user can find it.

A failure must reach the user as one sentence, never as a traceback (issue #16), yet the traceback is what a bug
report needs. Inside QGIS it goes to the log panel (tab WorldCereal), never to the algorithm's own log.
qgis_process has no log panel: it echoes QGIS's message log on stderr, which would print the traceback after
all, so there the traceback is written to a file in the profile folder and the sentence names that file.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime, timezone
from pathlib import Path

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication

from .tasks import LOG_TAG

_MAX_SUMMARY = 200  # characters of the exception's own message kept in the sentence


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCereal", text)


def bug_sentence(what: str, err: BaseException, *, details_dir: Path | None = None) -> str:
    """The sentence for ``err`` raised inside ``what`` (e.g. "worldcereal:cropland"); keeps the traceback.

    ``details_dir``: write the traceback to a new file there (qgis_process) instead of the QGIS log panel.
    """
    details = "".join(traceback.format_exception(type(err), err, err.__traceback__))
    where = _save(details, what, details_dir) if details_dir is not None else None
    if where is None:
        QgsMessageLog.logMessage(tr("{what} failed:\n{details}").format(what=what, details=details), LOG_TAG,
                                 Qgis.MessageLevel.Critical)
        where = tr("the QGIS log panel (tab {tab})").format(tab=LOG_TAG)
    return tr("{what} stopped because of a bug in the WorldCereal plugin ({error}); please report it with the "
              "details in {where}.").format(what=what, error=summary(err), where=where)


def summary(err: BaseException) -> str:
    """'KeyError: 'x'': the exception's type and the first line of its message, shortened."""
    lines = str(err).strip().splitlines()
    text = lines[0] if lines else ""
    if len(text) > _MAX_SUMMARY:
        text = text[: _MAX_SUMMARY - 1] + "…"
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def _save(details: str, what: str, folder: Path) -> str | None:
    """Write ``details`` atomically to a new file in ``folder``; its path, or None when it cannot be written."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in what)
    path = folder / f"{name}-{stamp}.txt"
    tmp = path.with_suffix(".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_text(details, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        return None  # the caller logs the traceback instead
    return str(path)
