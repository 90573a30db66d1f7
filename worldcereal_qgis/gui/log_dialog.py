"""Read-only view of a job's backend log (fetched in a task by the job controller)."""

from __future__ import annotations

from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from ..adapters.i18n import translator

tr = translator("WorldCerealLog")


def format_log(entries: list[dict]) -> str:
    """One line per entry: level, time (when given) and message, as in the CDSE web editor."""
    lines = []
    for entry in entries:
        level = str(entry.get("level", "info")).upper()
        stamp = entry.get("time") or ""
        lines.append(f"{level:<7} {stamp} {entry.get('message', '')}".replace("  ", " "))
    return "\n".join(lines) or tr("The backend has no log entries for this job.")


class JobLogDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Log – {job}").format(job=title))
        self.resize(720, 420)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setReadOnly(True)
        self.text_edit.setFont(QFont("monospace"))
        self.text_edit.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_edit)
        layout.addWidget(buttons)
