"""How good a trained custom crop-type model is: the held-out metrics table and the confusion-matrix plots.

Opened from the WorldCereal menu ("Train a custom crop-type model…"): the action shows the Processing dialog of
``worldcereal:train_croptype_model`` (training runs there, in the background) and then this dialog for its
result. "Choose classes and train…" first opens the class picker (``class_picker.py``) and fills the Processing
dialog with its samples, season, mapping, classes and merges. Reads what the training wrote next to the model:
``metrics.json`` and ``CM_norm.png``/``CM_abs.png``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QImage, QPixmap
from qgis.PyQt.QtWidgets import (
    QAction,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import InputError

TRAIN_ALGORITHM = "worldcereal:train_croptype_model"
PLOT_SIZE = (700, 520)


def read_metrics(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(tr("The metrics file {path} cannot be read.").format(path=path)) from exc


def summary_text(metrics: dict) -> str:
    return tr("Overall accuracy {accuracy} (always guessing the largest class: {chance}) · macro F1 {f1} · "
              "{n} held-out test samples").format(accuracy=f"{metrics['overall_accuracy']:.2f}",
                                                  chance=f"{metrics['chance_accuracy']:.2f}",
                                                  f1=f"{metrics['macro_f1']:.2f}", n=metrics["n_test"])


def inputs_text(metrics: dict) -> str:
    """What was read and done before training: file formats and time steps, samples kept and dropped per reason,
    the alignment and jitter used, and the warnings (kept zero-quality samples) — one line each."""
    lines = list((metrics.get("inputs") or {}).get("files") or [])
    counts = metrics.get("samples") or {}
    if counts:
        from ..controllers.training_words import samples_sentence

        lines.append(samples_sentence(counts))
    if metrics.get("alignment"):
        from ..controllers.training_words import months_sentence

        lines.append(months_sentence(metrics["alignment"], bool(metrics.get("temporal_jitter")), metrics.get("seed")))
    lines.extend(tr("Warning: {text}").format(text=w) for w in metrics.get("warnings") or [])
    return "\n".join(lines)


def tr(text: str) -> str:
    return QCoreApplication.translate("TrainingResultDialog", text)


class TrainingResultDialog(QDialog):
    """Summary and verdict on top; tabs: per-class table, confusion matrix in % and in counts."""

    def __init__(self, metrics_path: Path, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.metrics_path = Path(metrics_path)
        self.metrics = read_metrics(self.metrics_path)
        self.setWindowTitle(tr("Custom crop-type model – test results"))
        self.resize(760, 680)
        self.summary = QLabel(summary_text(self.metrics), self)
        from ..controllers.training_words import verdict_text

        self.verdict = QLabel(verdict_text(self.metrics), self)
        self.verdict.setWordWrap(True)
        self.inputs = QLabel(inputs_text(self.metrics), self)
        self.inputs.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self._plot_tasks: list = []
        self.table = self._table()
        self.tabs.addTab(self.table, tr("Per class"))
        for name, title in (("CM_norm.png", tr("Confusion matrix (%)")),
                            ("CM_abs.png", tr("Confusion matrix (counts)"))):
            self.tabs.addTab(self._image(self.metrics_path.with_name(name)), title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        folder = buttons.addButton(tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole)
        folder.clicked.connect(self._open_folder)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.verdict, self.inputs, self.tabs, buttons):
            layout.addWidget(widget)

    def _table(self) -> QTableWidget:
        rows = self.metrics["per_class"]
        columns = [tr("Class"), tr("Value"), tr("Precision"), tr("Recall"), tr("F1"), tr("Test samples")]
        table = QTableWidget(len(rows), len(columns), self)
        table.setHorizontalHeaderLabels(columns)
        table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            cells = (row["class"], str(r), f"{row['precision']:.2f}", f"{row['recall']:.2f}", f"{row['f1']:.2f}",
                     str(row["support"]))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        return table

    def _image(self, path: Path) -> QWidget:
        label = QLabel(self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if path.is_file():
            label.setText(tr("Reading the plot…"))
            self._read_plot(path, label)
        else:
            label.setText(tr("{name} was not written by this training run.").format(name=path.name))
        area = QScrollArea(self)
        area.setWidget(label)
        area.setWidgetResizable(True)
        return area

    def _read_plot(self, path: Path, label: QLabel) -> None:
        """Decoding and smooth-scaling a ~1,400 px plot took ~35 ms of the GUI thread per plot: a task does it,
        the GUI thread only shows the small result (#21)."""
        from ..adapters.tasks import CoreTask, start_task

        task = CoreTask(tr("Reading {name}").format(name=path.name), lambda _task: _scaled_plot(path),
                        lambda image, error: self._show_plot(label, path, image))
        self._plot_tasks.append(task)
        task.taskCompleted.connect(lambda: self._plot_tasks.remove(task))
        task.taskTerminated.connect(lambda: self._plot_tasks.remove(task))
        start_task(task)  # referenced until it ends, even if the dialog is closed first

    def plots_pending(self) -> bool:
        return bool(self._plot_tasks)

    @staticmethod
    def _show_plot(label: QLabel, path: Path, image: Optional[QImage]) -> None:
        try:
            if image is None:
                label.setText(tr("{name} was not written by this training run.").format(name=path.name))
            else:
                label.setPixmap(QPixmap.fromImage(image))
        except RuntimeError:  # the dialog was closed meanwhile
            pass

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.metrics_path.parent)))


def _scaled_plot(path: Path) -> Optional[QImage]:
    """Worker thread (QImage, unlike QPixmap, may be used there): the plot fitted to the tab, None if unreadable."""
    image = QImage(str(path))
    if image.isNull():
        return None
    return image.scaled(PLOT_SIZE[0], PLOT_SIZE[1], Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def with_model_name(parameters: dict) -> dict:
    """The name field pre-filled from season, months, classes and today (the user may overwrite it)."""
    from ..core.dates import parse_date
    from ..core.model_registry import default_model_name

    filled = dict(parameters)
    classes = [c.strip() for c in str(filled.get("CLASSES", "")).split(",") if c.strip()]
    if filled.get("MODEL_NAME") or not classes:
        return filled
    try:
        start, end = (parse_date(str(filled.get(key, "")), field=key) for key in ("SEASON_START", "SEASON_END"))
    except InputError:  # no season yet: the algorithm makes the default name when it runs
        return filled
    filled["MODEL_NAME"] = default_model_name(str(filled.get("SEASON_ID") or "tc-s1"), start, end, classes)
    return filled


def train_and_show(iface, parameters: Optional[dict] = None) -> Optional[TrainingResultDialog]:
    """The Processing dialog of the training algorithm (pre-filled), then the result dialog for its metrics."""
    import processing

    results = processing.execAlgorithmDialog(TRAIN_ALGORITHM, with_model_name(parameters or {})) or {}
    if not results.get("METRICS"):
        return None
    dialog = TrainingResultDialog(Path(results["METRICS"]), iface.mainWindow())
    dialog.show()
    return dialog


def add_menu_action(iface, menu: str) -> QAction:
    action = QAction(tr("Train a custom crop-type model…"), iface.mainWindow())
    action.setObjectName("worldcereal_train_model")
    action.setToolTip(tr("Train a crop-type model on your own and public extractions, and see how good it is"))
    action.triggered.connect(lambda: setattr(action, "result_dialog", train_and_show(iface)))
    iface.addPluginToMenu(menu, action)
    return action


def choose_classes(iface, action: QAction):
    """The class picker; its OK opens the training algorithm with the chosen classes, then the result dialog."""
    from .class_picker import ClassPickerDialog

    old = getattr(action, "picker", None)
    if old is not None and old.isVisible():
        old.raise_()
        return old
    if old is not None:
        old.deleteLater()  # parented to the main window: would live on otherwise
    picker = ClassPickerDialog(iface, parent=iface.mainWindow())
    picker.accepted.connect(lambda: setattr(action, "result_dialog", train_and_show(iface, picker.parameters())))
    picker.show()
    return picker


def add_picker_action(iface, menu: str) -> QAction:
    action = QAction(tr("Choose classes and train a crop-type model…"), iface.mainWindow())
    action.setObjectName("worldcereal_choose_classes")
    action.setToolTip(tr("Tick crop classes in the EWOC hierarchy with their sample counts, then train on them"))
    action.triggered.connect(lambda: setattr(action, "picker", choose_classes(iface, action)))
    iface.addPluginToMenu(menu, action)
    return action


def remove_menu_action(iface, menu: str, action: Optional[QAction]) -> None:
    """Also for the picker action: closes the dialogs it opened."""
    if action is None:
        return
    for name in ("picker", "result_dialog"):
        dialog = getattr(action, name, None)
        if dialog is not None:
            dialog.close()
    iface.removePluginMenu(menu, action)
    action.deleteLater()
