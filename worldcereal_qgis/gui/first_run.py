"""The first time the panel opens: what the plugin does, the free account it needs, and a way to look first.

Three lines on the three flows, the free CDSE account, and the example button; "Got it" hides it for good
(a QGIS setting). The "Open an example result" button stays in the dock afterwards, as in the menu.
"""

from __future__ import annotations

from typing import Callable

from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from .. import settings

CDSE_REGISTER_URL = "https://dataspace.copernicus.eu"


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCerealFirstRun", text)


def first_run_text() -> str:
    lines = [
        tr("<b>Welcome to WorldCereal.</b> Three things you can do:"),
        tr("1. Map cropland and crop types for your area: this panel."),
        tr("2. Check your field observations and extract their satellite time series: "
           "Plugins → WorldCereal → Reference data and extractions."),
        tr("3. Train your own crop-type model: Plugins → WorldCereal → Train a custom crop-type model."),
        tr("Maps are computed on the Copernicus Data Space Ecosystem with a free account "
           "(<a href=\"{url}\">register at CDSE</a>); each map uses credits from your free monthly "
           "allowance.").format(url=CDSE_REGISTER_URL),
        tr("No account yet? Open an example result: a real WorldCereal crop-type map, offline."),
    ]
    return "<br>".join(lines)


def example_button(parent, open_example: Callable[[], None]) -> QPushButton:
    button = QPushButton(tr("Open an example result"), parent)
    button.setObjectName("exampleButton")
    button.setToolTip(tr("Load a real WorldCereal crop-type map (Belgium, 2021) shipped with the plugin, "
                         "with its legend; no account or network needed"))
    button.clicked.connect(lambda _checked=False: open_example())
    return button


class FirstRunPanel(QFrame):
    """Shown above the form until dismissed."""

    dismissed = pyqtSignal()

    def __init__(self, parent, open_example: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        text = QLabel(first_run_text(), self)
        text.setObjectName("firstRunLabel")
        text.setWordWrap(True)
        text.setOpenExternalLinks(True)
        layout.addWidget(text)
        buttons = QHBoxLayout()
        buttons.addWidget(example_button(self, open_example))
        dismiss = QPushButton(tr("Got it"), self)
        dismiss.setObjectName("dismissFirstRunButton")
        dismiss.setToolTip(tr("Hide this introduction for good"))
        dismiss.clicked.connect(self.dismiss)
        buttons.addWidget(dismiss)
        layout.addLayout(buttons)

    def dismiss(self) -> None:
        settings.FIRST_RUN_DISMISSED.write(True)
        self.hide()
        self.dismissed.emit()


def add_to_dock(dock, open_example: Callable[[], None]) -> FirstRunPanel | None:
    """The panel (first run only) and the lasting example button, under the dock's status line."""
    dock.exampleButton = example_button(dock.formWidget, open_example)
    dock.formLayout.insertWidget(1, dock.exampleButton)
    if settings.FIRST_RUN_DISMISSED.read():
        return None
    panel = FirstRunPanel(dock.formWidget, open_example)
    dock.formLayout.insertWidget(1, panel)
    dock.exampleButton.setVisible(False)  # the panel has its own; the lasting one shows once it is dismissed
    panel.dismissed.connect(lambda: dock.exampleButton.setVisible(True))
    return panel
