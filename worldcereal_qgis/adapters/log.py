"""The plugin's Python ``logging`` shown in QGIS's log panel (tab "WorldCereal").

Core modules cannot import qgis, so they warn through ``logging`` (orbit fallback, job-store listener errors);
without this handler those lines reach no one inside QGIS. ``install()`` is idempotent: the plugin (also under
qgis_process) and the Processing provider both call it, and a plugin reload replaces the old handler.
"""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

from .tasks import LOG_TAG

LOGGER_NAME = "worldcereal_qgis"  # the package's root logger: every ``logging.getLogger(__name__)`` below it
ROUTED = (LOGGER_NAME, "openeo")  # the openeo client's warnings too (else Python prints them raw on stderr)
_MARK = "_worldcereal_qgis_log"


class _NoWebPages(logging.Filter):
    """The openeo client logs a whole HTML page when a URL is not an openEO backend: keep the sentence only."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        lowered = message.lower()
        start = min((i for i in (lowered.find("<!doctype"), lowered.find("<html")) if i >= 0), default=-1)
        if start >= 0:
            record.msg, record.args = message[:start].rstrip(" '\"") + " (a web page, not shown)", None
        return True


class QgsLogHandler(logging.Handler):
    """One log record -> one QGIS log message at the matching level (thread-safe on QGIS's side)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = self.format(record)
        except Exception:  # noqa: BLE001 — logging's contract: report through handleError, never raise
            self.handleError(record)
            return
        QgsMessageLog.logMessage(message, LOG_TAG, qgis_level(record.levelno))


def qgis_level(levelno: int) -> Qgis.MessageLevel:
    if levelno >= logging.ERROR:
        return Qgis.MessageLevel.Critical
    if levelno >= logging.WARNING:
        return Qgis.MessageLevel.Warning
    return Qgis.MessageLevel.Info


def install(level: int = logging.INFO) -> logging.Handler:
    """Route ``worldcereal_qgis.*`` (and the openeo client's) logging to the QGIS log panel once."""
    uninstall()  # a reloaded plugin brings a new handler class; never two handlers
    handler = QgsLogHandler(level)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    handler.addFilter(_NoWebPages())
    setattr(handler, _MARK, True)
    for name in ROUTED:
        logging.getLogger(name).addHandler(handler)
    logger = logging.getLogger(LOGGER_NAME)
    if logger.level == logging.NOTSET or logger.level > level:
        logger.setLevel(level)
    return handler


def uninstall() -> None:
    """Remove the handler (plugin unload)."""
    for name in ROUTED:
        logger = logging.getLogger(name)
        for handler in [h for h in logger.handlers if getattr(h, _MARK, False)]:
            logger.removeHandler(handler)
