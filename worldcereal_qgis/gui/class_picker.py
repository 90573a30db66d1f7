"""The class picker of custom crop-type training: tick classes in the EWOC hierarchy, see counts and the map.

Why a dialog before the Processing one: ``worldcereal:train_croptype_model`` wants classes as names of a class
mapping plus ``old=new`` merges, which nobody can type well without seeing how many samples each class has.
Here the user ticks classes in a tree (``core/class_hierarchy.py``: counts as the training will count them,
a ticked parent merges its children, the rest is ``other``), sees warnings as they tick, and gets a point
layer of the samples coloured by the class each will train as. Files are read and the layer is built in a
QgsTask; ticking only restyles (a renderer expression on ``ewoc_code``), so the GUI thread never waits.
``parameters()`` gives the training algorithm's parameters (samples, season, mapping, classes, merges).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QDate, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import settings
from ..adapters.tasks import CoreTask
from ..core import class_hierarchy as ch
from .build_turns import BuildInTurns
from .class_counting import CountingMixin
from .class_picker_layer import (  # noqa: F401 — re-exported: tests and callers use these names from here
    LAYER_NAME,
    LAYER_PROPERTY,
    NO_CLASS,
    OUT_OF_SEASON,
    LayerMixin,
    build_layer,
    class_expression,
    style_layer,
)
from .class_tree import COL_AS, COL_COUNT, COL_NAME, KEY_ROLE, TreeMixin, tr  # noqa: F401

WARN_STYLE = "color: #8a5a00;"
PROBLEM_STYLE = "color: #b00020; font-weight: bold;"
DEBOUNCE_MS = 300


class ClassPickerDialog(CountingMixin, TreeMixin, LayerMixin, QDialog):
    """Samples, season and class mapping on top; the class tree; the choice's summary, warnings and OK."""

    samples_loaded = pyqtSignal()  # after each (re)count, also when it failed

    def __init__(self, iface=None, samples: Sequence[str] = (), class_mappings: str = "", mapping_name: str = "",
                 season: Optional[ch.Season] = None, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setWindowTitle(tr("Choose the classes of a custom crop-type model"))
        self.resize(720, 780)
        self.raw: Optional[ch.RawSamples] = None
        self.samples: Optional[ch.SampleSet] = None
        self.layer: Optional[QgsVectorLayer] = None
        self.roots: list[ch.Node] = []
        self.ticked: set[str] = set()
        self.renames: dict[str, str] = {}
        self.choice: Optional[ch.ClassChoice] = None
        self.mapping: dict[str, str] = {}
        self.loading = False
        self._task: Optional[CoreTask] = None
        self._turns: Optional[BuildInTurns] = None
        self._generation = 0
        self._pending_files = False
        self.tables: dict = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        self._nodes: dict[str, ch.Node] = {}
        self._build_ui()
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._recount)
        last_year = date.today().year - 1
        self.set_season_quietly(season or ch.Season(date(last_year, 3, 1), date(last_year, 8, 1)))
        self._season_set = season is not None  # unset: the first samples suggest one
        self._connect()
        self.set_class_mappings(class_mappings or settings.TRAINING_CLASS_MAPPINGS.read(),
                                mapping_name or settings.TRAINING_CLASS_MAPPING.read())
        files = list(samples) or [p for p in settings.TRAINING_SAMPLES.read().split("\n") if p]
        if files:
            self.set_samples(files)
        self._refresh()

    # -- layout ------------------------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.files = QgsFileWidget(self)
        self.files.setStorageMode(QgsFileWidget.StorageMode.GetMultipleFiles)
        self.files.setFilter(tr("Extractions (*.parquet *.geoparquet);;All files (*)"))
        self.files.setDialogTitle(tr("Your extractions (WorldCereal long format)"))
        self.start, self.end = self._month_edit(), self._month_edit()
        season = QHBoxLayout()
        for widget in (self.start, QLabel(tr("to")), self.end):
            season.addWidget(widget)
        season.addStretch(1)
        self.mappings_file = QgsFileWidget(self)
        self.mappings_file.setFilter(tr("Class mappings (*.json)"))
        self.mapping_combo = QComboBox(self)
        self.mapping_combo.setToolTip(tr("Which mapping of the file names the EWOC codes (e.g. CROPTYPE24)"))
        form = QFormLayout()
        form.addRow(tr("Extractions"), self.files)
        form.addRow(tr("Season"), season)
        form.addRow(tr("Class mappings"), self.mappings_file)
        form.addRow(tr("Mapping"), self.mapping_combo)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.tree = self._make_tree()
        self.summary, self.warnings, self.problem = QLabel(self), QLabel(self), QLabel(self)
        for label, style in ((self.summary, ""), (self.warnings, WARN_STYLE), (self.problem, PROBLEM_STYLE)):
            label.setWordWrap(True)
            label.setStyleSheet(style)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Train with these classes…"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.status, self.tree, self.summary, self.warnings, self.problem, self.buttons):
            layout.addWidget(widget)
        layout.setStretchFactor(self.tree, 1)

    def _month_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setDisplayFormat("MMM yyyy")
        edit.setToolTip(tr("Samples whose label date (valid_time) falls in these months, in any year, are used"))
        return edit

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setColumnCount(3)
        tree.setHeaderLabels([tr("Class (EWOC hierarchy)"), tr("Samples"), tr("Trains as")])
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_COUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_AS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_AS, 190)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # only "Trains as" opens an editor
        tree.setUniformRowHeights(True)
        tree.itemDoubleClicked.connect(self._edit_name)
        tree.setToolTip(tr("Tick a class to train it; ticking a parent merges its children into it. Double-click "
                           "'Trains as' of a ticked class to rename it. Everything unticked trains as 'other'."))
        return tree

    def _connect(self) -> None:
        self.files.fileChanged.connect(lambda _p: self._files_changed())
        self.start.dateChanged.connect(lambda _d: self._season_edited())
        self.end.dateChanged.connect(lambda _d: self._season_edited())
        self.mappings_file.fileChanged.connect(lambda path: self.set_class_mappings(path))
        self.mapping_combo.currentTextChanged.connect(lambda _t: self._mapping_changed())
        self.tree.itemChanged.connect(self._item_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- inputs ------------------------------------------------------------------------------------------------
    def set_samples(self, paths: Sequence[str]) -> None:
        """Read these extraction files (in a task) and count their samples."""
        text = " ".join(f'"{p}"' for p in paths) if len(paths) > 1 else (paths[0] if paths else "")
        self.files.blockSignals(True)
        self.files.setFilePath(text)
        self.files.blockSignals(False)
        self._start(list(paths), None)

    def sample_paths(self) -> list[str]:
        return [p for p in QgsFileWidget.splitFilePaths(self.files.filePath()) if p]

    def set_season(self, season: ch.Season) -> None:
        """Count for this season (the training's SEASON_START/SEASON_END)."""
        self.set_season_quietly(season)
        self._season_set = True
        if self.raw is not None or self.sample_paths():
            self._recount()

    def season(self) -> ch.Season:
        def day(edit: QDateEdit) -> date:
            d = edit.date()
            return date(d.year(), d.month(), 1)

        return ch.Season(day(self.start), day(self.end))

    def set_class_mappings(self, path: str, name: str = "") -> None:
        """Load the mapping names of a class_mappings.json; keep ``name`` (or CROPTYPE24) selected."""
        self.mappings_file.blockSignals(True)
        self.mappings_file.setFilePath(path or "")
        self.mappings_file.blockSignals(False)
        self.tables = {}
        if path:
            try:
                self.tables = json.loads(Path(path).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.status.setText(tr("The class mappings file {name} cannot be read.").format(name=Path(path).name))
        names = sorted(k for k, v in self.tables.items() if isinstance(v, dict))
        wanted = name or self.mapping_combo.currentText() or "CROPTYPE24"
        self.mapping_combo.blockSignals(True)
        self.mapping_combo.clear()
        self.mapping_combo.addItems(names)
        self.mapping_combo.setCurrentIndex(names.index(wanted) if wanted in names else 0)
        self.mapping_combo.blockSignals(False)
        self._mapping_changed()

    def set_mapping(self, name: str) -> None:
        self.mapping_combo.setCurrentText(name)

    def _files_changed(self) -> None:
        self._pending_files = True
        self._timer.start()

    def _season_edited(self) -> None:
        self._season_set = True
        self._timer.start()

    def _recount(self) -> None:
        if self._pending_files or self.raw is None:
            self._pending_files = False
            self._start(self.sample_paths(), None)
        else:
            self._start(None, self.raw)

    def _mapping_changed(self) -> None:
        table = self.tables.get(self.mapping_combo.currentText()) if self.tables else None
        self.mapping = dict(table or {})
        self._rebuild_tree()

    def set_season_quietly(self, season: Optional[ch.Season]) -> None:
        """Show a season without recounting."""
        if season is None:
            return
        for edit, day in ((self.start, season.start), (self.end, season.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, 1))
            edit.blockSignals(False)

    def _status_text(self) -> str:
        """What each file holds (format, time step), the samples in the season, and what the filters remove."""
        s = self.samples
        assert s is not None
        kept = int(s.kept.sum())
        texts = {(False, False): tr("{total} samples in {files} file(s); {kept} in the season with all 12 months."),
                 (True, False): tr("{total} samples in {files} file(s); {kept} in the season with all 12 months "
                                   "({outside} outside the season left out)."),
                 (False, True): tr("{total} samples in {files} file(s); {kept} in the season with all 12 months "
                                   "({incomplete} without all 12 months left out)."),
                 (True, True): tr("{total} samples in {files} file(s); {kept} in the season with all 12 months "
                                  "({outside} outside the season, {incomplete} without all 12 months left out).")}
        text = texts[(bool(s.outside), bool(s.incomplete))].format(
            total=len(s.raw), files=len(s.raw.files), kept=kept, outside=s.outside, incomplete=s.incomplete)
        return "\n".join([*s.raw.reports, text, *(f.sentence for f in s.filtered)])

    def _show_choice(self) -> None:
        choice = self.choice
        assert choice is not None
        if choice.counts:
            listed = " · ".join(f"{n} {choice.counts[n]}" for n in choice.model_classes())
            self.summary.setText(" ".join(filter(None, [tr("Model classes (output values in this order): {classes}.")
                                                        .format(classes=listed), self._left_out_text()])))
        else:
            self.summary.setText("")
        self.warnings.setText("\n".join(f"⚠ {w}" for w in choice.warnings))
        self.warnings.setVisible(bool(choice.warnings))
        problem = self._problem()
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(problem or tr("Open the training algorithm with these classes"))

    def _problem(self) -> Optional[str]:
        if self.loading:
            return tr("Counting the samples…")
        if self.samples is None:
            return tr("Choose your extractions first.")
        if not self.samples.kept.any() and self.samples.filtered:
            return tr("No sample is left for training: {reason}").format(reason=self.samples.filtered[0].sentence)
        if not self.samples.kept.any():
            return tr("No sample is in this season with all 12 months: pick the months the labels were observed in.")
        if not self.mapping:
            return tr("Choose a class mappings file and a mapping.")
        return self.choice.problem if self.choice else None

    def _left_out(self) -> dict[str, int]:
        if self.samples is None:
            return {}
        s = self.samples
        mapped = set(ch.usable_mapping(self.mapping))
        no_class = sum(n for code, n in s.code_counts().items() if code not in mapped)
        return {NO_CLASS: no_class, OUT_OF_SEASON: s.outside + s.incomplete}

    def _left_out_text(self) -> str:
        no_class = self._left_out().get(NO_CLASS, 0)
        if not no_class:
            return ""
        return tr("{n} in-season samples have no class in {mapping} and are left out.").format(
            n=no_class, mapping=self.mapping_combo.currentText())

    def _code_classes(self) -> dict[int, str]:
        assert self.choice is not None
        codes = {}
        for root in self.roots:
            for node in root.walk():
                if node.kind == "code" and node.parent is not None:
                    codes[node.codes[0]] = self.choice.assignment.get(node.parent.name, ch.OTHER)
        return codes

    # -- result ----------------------------------------------------------------------------------------------------
    def parameters(self) -> dict:
        """The parameters of ``worldcereal:train_croptype_model`` this choice fills in."""
        assert self.choice is not None
        return {"SAMPLES": self.sample_paths(), **self.season().parameters(),
                "CLASS_MAPPINGS": self.mappings_file.filePath(), "CLASS_MAPPING": self.mapping_combo.currentText(),
                **self.choice.parameters()}

    def accept(self) -> None:
        if self._problem() is not None:
            return
        settings.TRAINING_SAMPLES.write("\n".join(self.sample_paths()))
        settings.TRAINING_CLASS_MAPPINGS.write(self.mappings_file.filePath())
        settings.TRAINING_CLASS_MAPPING.write(self.mapping_combo.currentText())
        self._stop_task()
        super().accept()

    def reject(self) -> None:
        """Cancel: the task stops and the samples layer goes away."""
        self._stop_task()
        if self.layer is not None and QgsProject.instance().mapLayer(self.layer.id()):
            QgsProject.instance().removeMapLayer(self.layer.id())
        self.layer = None
        super().reject()
