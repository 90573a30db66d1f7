"""The dock's list of tiled runs: progress per run (tiles finished, credits), cancel and open folder.

Built in code and put under the jobs table (the jobs group is in dock_jobs.ui); hidden until there is a run.
Every action delegates to ``TiledRuns``; the list refreshes on its ``changed`` signal.
"""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QObject, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import translator
from ..controllers.tiled_runs import RunRow, TiledRuns

tr = translator("WorldCerealRuns")


def columns() -> list[str]:
    return [tr("Tiled run"), tr("Tiles"), tr("Credits"), tr("Status")]


class RunsPanel(QObject):
    def __init__(self, dock, runs: TiledRuns) -> None:
        super().__init__(dock)
        self.runs = runs
        self.open_url = lambda url: QDesktopServices.openUrl(QUrl(url))
        self.widget = QWidget(dock)
        self.widget.setObjectName("runsPanel")
        self.tree = self._tree()
        self.cancelButton = self._button(tr("Cancel run"), tr("Cancel every remote job of the selected run"))
        self.folderButton = self._button(tr("Folder"), tr("Open the run folder (tiles, mosaic, job_tracking.csv, "
                                                          "logs)"))
        self._layout()
        dock.jobsLayout.addWidget(self.widget)
        self.cancelButton.clicked.connect(self._cancel)
        self.folderButton.clicked.connect(self._open_folder)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        runs.changed.connect(self.refresh)
        self.refresh()

    def _tree(self) -> QTreeWidget:
        tree = QTreeWidget(self.widget)
        tree.setObjectName("runsView")
        tree.setColumnCount(len(columns()))
        tree.setHeaderLabels(columns())
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setMaximumHeight(110)
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(columns())):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self.widget)
        button.setText(text)
        button.setToolTip(tip)
        return button

    def _layout(self) -> None:
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(QLabel(tr("Tiled runs (large areas, one job per tile)"), self.widget))
        layout.addWidget(self.tree)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancelButton)
        buttons.addWidget(self.folderButton)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    # -- state ----------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected()
        self.tree.clear()
        for row in self.runs.rows():
            item = QTreeWidgetItem([row.name, f"{row.finished}/{row.total}", f"{row.credits:,.1f}", row.status_text()])
            item.setData(0, Qt.ItemDataRole.UserRole, str(row.run_dir))
            item.setToolTip(0, str(row.run_dir))
            self.tree.addTopLevelItem(item)
            if selected is not None and row.run_dir == selected:
                item.setSelected(True)
        self.widget.setVisible(self.tree.topLevelItemCount() > 0)
        self._update_buttons()

    def selected(self) -> Path | None:
        items = self.tree.selectedItems()
        return Path(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def row(self, run_dir: Path) -> RunRow | None:
        return next((r for r in self.runs.rows() if r.run_dir == run_dir), None)

    def _update_buttons(self) -> None:
        selected = self.selected()
        row = self.row(selected) if selected is not None else None
        self.cancelButton.setEnabled(row is not None and row.finished + row.failed < row.total)
        self.folderButton.setEnabled(row is not None)

    # -- actions --------------------------------------------------------------------------------------------------
    def _cancel(self) -> None:
        selected = self.selected()
        if selected is not None:
            self.runs.cancel(selected)

    def _open_folder(self) -> None:
        selected = self.selected()
        if selected is not None:
            self.open_url(QUrl.fromLocalFile(str(selected)).toString())
