"""User name / password dialog for backends with basic authentication (the local backend)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from ..adapters.i18n import translator
from ..core.openeo_api import BasicCredentials

tr = translator("WorldCerealLogin")


class BasicLoginDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Log in to {backend}").format(backend=title))
        self.user_edit = QLineEdit(self)
        self.user_edit.setToolTip(tr("Your user name on this backend"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setToolTip(tr("Stored encrypted in QGIS's authentication database, nowhere else"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(tr("User name"), self.user_edit)
        layout.addRow(tr("Password"), self.password_edit)
        layout.addRow(buttons)

    def credentials(self) -> BasicCredentials | None:
        user = self.user_edit.text().strip()
        return BasicCredentials(user, self.password_edit.text()) if user else None


def ask_basic_credentials(parent: QWidget | None, title: str) -> BasicCredentials | None:
    dialog = BasicLoginDialog(parent, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.credentials()
