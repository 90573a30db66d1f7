"""Reference-data page (mission flow 2): choose a layer, see the validation report and the job plan, extract,
and look at a sample's monthly time series.

A plain QWidget: the dock hosts it. Validation and planning run in CoreTasks; the extraction run itself (job
steps on the batch engine, merging, resuming after a restart) is controllers/extractions.py, so the GUI thread
never blocks on the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtWidgets import QFileDialog, QLabel, QTableWidgetItem, QWidget

from .. import settings
from ..adapters import paths, reference_source
from ..adapters.compat import field, layer_filters
from ..adapters.tasks import CoreTask, start_task
from ..core.errors import WorldCerealError
from .time_series_plot import TimeSeriesPlot

SELECTION_MODES = ("extract", "all", "h3_cap")
MAX_REPORT_ROWS = 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("ReferencePanel", text)


class ReferencePanel(QWidget):
    """Validate → plan → extract → plot. ``busy_changed`` lets the host dock show activity."""

    busy_changed = pyqtSignal(bool)
    results_loaded = pyqtSignal(str)

    def __init__(self, parent: QWidget | None = None, *, profile_for: Callable[[], Any] | None = None,
                 runner_for: Callable[[Path, Any], Any] | None = None) -> None:
        super().__init__(parent)
        uic.loadUi(str(paths.ui_path("reference_panel.ui")), self)
        self.profile_for = profile_for or _default_profile
        self.runner_for = runner_for or _default_runner
        self.validation = None
        self.plan = None
        self.extractor = None
        self.extraction = None  # controllers.extractions.ExtractionController of the current run
        self._resumed: list = []  # controllers of runs resumed from the last session (kept alive)
        self.run_id: str | None = None
        self.results = None  # pandas.DataFrame of the merged extractions
        self.result_layer: QgsVectorLayer | None = None
        self.plan_layer: QgsVectorLayer | None = None
        self._tasks: list[CoreTask] = []
        self.plot = TimeSeriesPlot(self.plotContainer)
        self.plotContainer.layout().addWidget(self.plot)
        self._setup()

    # -- wiring ---------------------------------------------------------------------------------------------------
    def _setup(self) -> None:
        self.layerCombo.setFilters(layer_filters("PointLayer", "PolygonLayer"))
        self.layerCombo.setAllowEmptyLayer(True)
        self._setup_file_choice()
        self.validateButton.clicked.connect(self.validate)
        self.runButton.clicked.connect(self.start_extraction)
        self.cancelButton.clicked.connect(self.cancel_extraction)
        self.browseButton.clicked.connect(self._browse)
        self.selectionCombo.currentIndexChanged.connect(self._selection_changed)
        self.sampleCombo.currentIndexChanged.connect(self._show_sample)
        self.seriesCombo.currentIndexChanged.connect(self._show_sample)
        self._set_table(self.reportTable, ["row", "column", "severity", "problem"], [])
        self._set_table(self.planTable, ["tile", "samples", "jobs"], [])
        self._selection_changed(self.selectionCombo.currentIndex())

    def _setup_file_choice(self) -> None:
        """A file next to the layer list: GeoParquet cannot become a layer on QGIS 3.22 (its GDAL has no driver)."""
        from qgis.gui import QgsFileWidget

        self.fileWidget = QgsFileWidget(self)
        self.fileWidget.setFilter(reference_source.FILE_FILTER)
        self.fileWidget.setToolTip(tr("A reference data file (GeoParquet, Parquet, GeoPackage, ...); it is read "
                                      "directly, also where QGIS cannot open it as a layer."))
        row = self.inputLayout.rowCount()
        self.inputLayout.addWidget(QLabel(tr("…or file"), self), row, 0)
        self.inputLayout.addWidget(self.fileWidget, row, 1, 1, 2)
        # Bound methods, not lambdas: PyQt drops a bound method's connection when the panel goes, while a lambda
        # stayed connected to the layer combo and ran on a deleted panel when a layer was removed (a crash).
        self.fileWidget.fileChanged.connect(self._file_chosen)
        self.layerCombo.layerChanged.connect(self._layer_chosen)

    def _file_chosen(self, path: str) -> None:
        """A file replaces the layer choice."""
        if path:
            self.layerCombo.setLayer(None)

    def _layer_chosen(self, layer) -> None:
        """A layer replaces the file choice."""
        if layer is not None:
            self.fileWidget.setFilePath("")

    def _selection_changed(self, index: int) -> None:
        self.capSpin.setEnabled(SELECTION_MODES[index] == "h3_cap")
        self.runButton.setEnabled(False)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Output folder for the extractions", self.outputEdit.text())
        if folder:
            self.outputEdit.setText(folder)

    def _start(self, description: str, work: Callable, done: Callable) -> CoreTask:
        task = CoreTask(description, work, done)
        self._tasks.append(task)
        task.taskCompleted.connect(lambda: self._forget(task))
        task.taskTerminated.connect(lambda: self._forget(task))
        start_task(task)
        self.busy_changed.emit(True)
        return task

    def _forget(self, task: CoreTask) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        self.busy_changed.emit(bool(self._tasks))

    @property
    def busy(self) -> bool:
        return bool(self._tasks) or (self.extraction is not None and self.extraction.busy())

    # -- validate and plan --------------------------------------------------------------------------------------------
    def validate(self) -> None:
        path, layer = self.fileWidget.filePath().strip(), self.layerCombo.currentLayer()
        if not path and layer is None:
            self.summaryLabel.setText(tr("Choose a reference data layer or file first."))
            return
        if path:  # a file is read in the task (core only, thread-safe)
            def read():
                return reference_source.raw_from_file(path)
        else:
            try:
                raw = reference_source.raw_from_layer(layer)  # layers are not thread-safe: read them here
            except WorldCerealError as err:
                self.summaryLabel.setText(str(err))
                return

            def read():
                return raw
        mode, cap = SELECTION_MODES[self.selectionCombo.currentIndex()], self.capSpin.value()
        self.validateButton.setEnabled(False)
        self.runButton.setEnabled(False)
        self.summaryLabel.setText(tr("Validating…"))
        rates = settings.credit_rates()
        self._start(tr("Validating reference data"),  # the land grid is read in the task too (a file)
                    lambda _t: _validate_and_plan(read(), mode, cap, rates, reference_source.land_grid()),
                    self._validated)

    def _validated(self, result, error: WorldCerealError | None) -> None:
        self.validateButton.setEnabled(True)
        if error is not None:
            self.summaryLabel.setText(str(error))
            return
        self.validation, self.plan, plan_error = result
        rows = [(p.row or "", p.column or "", p.severity, p.message) for p in self.validation.problems]
        self._set_table(self.reportTable, ["row", "column", "severity", "problem"], rows[:MAX_REPORT_ROWS])
        notes = " ".join(self.validation.notes)
        self.summaryLabel.setText(f"{self.validation.summary()} {notes}".strip())
        self._show_plan(plan_error)

    def _show_plan(self, plan_error: str | None) -> None:
        plan = self.plan
        if plan is None:
            self.planLabel.setText(plan_error or "No plan: fix the errors first.")
            self._set_table(self.planTable, ["tile", "samples", "jobs"], [])
            return
        jobs_per_tile: dict[str, int] = {}
        for job in plan.jobs:
            jobs_per_tile[job.tile] = jobs_per_tile.get(job.tile, 0) + 1
        rows = [(tile, count, jobs_per_tile[tile]) for tile, count in sorted(plan.points_per_tile().items())]
        self._set_table(self.planTable, ["tile", "samples", "jobs"], rows)
        self.planLabel.setText(" ".join([reference_source.plan_summary(plan), *plan.warnings]))
        self.runButton.setEnabled(True)
        self._show_plan_layer()

    def _show_plan_layer(self) -> None:
        """Tile footprints labelled with their sample counts: where the jobs go."""
        from ..core import mgrs

        layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "WorldCereal extraction plan", "memory")
        layer.dataProvider().addAttributes([field("tile", "string"), field("samples", "int")])
        layer.updateFields()
        features = []
        for tile, count in sorted(self.plan.points_per_tile().items()):
            epsg, footprint = mgrs.s2_tile_polygon_utm(tile)
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromWkt(mgrs.transform(footprint, epsg, 4326).wkt))
            feature.setAttributes([tile, count])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        if self.plan_layer is not None and QgsProject.instance().mapLayer(self.plan_layer.id()):
            QgsProject.instance().removeMapLayer(self.plan_layer.id())
        self.plan_layer = layer
        QgsProject.instance().addMapLayer(layer)

    # -- extract (the run itself is controllers/extractions.py) -------------------------------------------------
    def start_extraction(self) -> None:
        from ..controllers.extractions import ExtractionController
        from ..core import extraction_run as er
        from ..core.extraction import AUTOMATIC_ORBIT

        if self.plan is None:
            return
        if not self.outputEdit.text().strip():
            self.statusLabel.setText(tr("Choose an output folder first."))
            return
        from ..adapters import connections

        root = Path(self.outputEdit.text().strip())
        profile = self.profile_for()
        # the S1 orbit is chosen per job as the library does (catalogue through QGIS's proxy; ASCENDING fallback)
        self.extractor = er.ExtractionRunner(self.runner_for(root, profile), profile, root,
                                             orbit_state=AUTOMATIC_ORBIT, orbit_chooser=connections.select_orbit)
        self._watch(ExtractionController(self.extractor, parent=self))
        self.runButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self.statusLabel.setText(tr("Submitting {0} jobs to {1}…").format(len(self.plan.jobs), profile.title))
        self.extraction.start(self.plan)

    def _watch(self, controller) -> None:
        if self.extraction is not None:
            self.extraction.shutdown()
        self.extraction = controller
        controller.progressed.connect(self._progressed)
        controller.merged.connect(self._merged)
        controller.stopped.connect(self._stopped)
        controller.problem.connect(self.statusLabel.setText)
        controller.busyChanged.connect(lambda _b: self.busy_changed.emit(self.busy))

    def resume_unfinished(self) -> int:
        """After a restart: extraction runs the job store says are unfinished continue; the first is shown here."""
        from ..controllers.extractions import resume_unfinished

        store = self.runner_for(Path(), self.profile_for()).store
        self._resumed = resume_unfinished(store, self._extractor_for, parent=self)
        if self._resumed:
            self._watch(self._resumed[0])
            self.cancelButton.setEnabled(True)
            self.statusLabel.setText(tr("Continuing the unfinished extraction from the last session…"))
        return len(self._resumed)

    def _extractor_for(self, root: Path, record):
        from ..adapters import connections
        from ..core import extraction_run as er

        profile = connections.profile(record.backend, record.backend_url)
        self.extractor = er.ExtractionRunner(self.runner_for(root, profile), profile, root)
        return self.extractor

    def _progressed(self, state) -> None:
        from ..controllers.extractions import run_state_text

        self.run_id = self.extraction.run_id if self.extraction is not None else None
        self.progressBar.setValue(int(0.9 * state.percent))
        self.statusLabel.setText(run_state_text(state))

    def _merged(self, written: int, folder: str) -> None:
        self.progressBar.setValue(100)
        self._stopped(tr("{0} samples written to {1}.").format(written, folder))
        self.load_results(folder)

    def shutdown(self) -> None:
        """Stop watching the runs (on plugin unload); remote jobs keep running and resume later."""
        for controller in {*self._resumed, *([self.extraction] if self.extraction is not None else [])}:
            controller.shutdown()

    def cancel_extraction(self) -> None:
        if self.extraction is not None:
            self.extraction.cancel()

    def _stopped(self, message: str) -> None:
        self.cancelButton.setEnabled(False)
        self.runButton.setEnabled(self.plan is not None)
        self.statusLabel.setText(message)

    # -- results and plot -----------------------------------------------------------------------------------------
    def load_results(self, merged_folder: str | Path) -> None:
        """Read the merged extractions, add one point per sample to the map, fill the sample list."""
        import pyarrow.parquet as pq

        frame = pq.read_table(str(merged_folder)).to_pandas()
        frame["ref_id"] = frame["ref_id"].astype(str)
        self.results = frame
        self._add_result_layer(frame.drop_duplicates("sample_id"))
        self.sampleCombo.blockSignals(True)
        self.sampleCombo.clear()
        self.sampleCombo.addItems(sorted(frame["sample_id"].unique()))
        self.sampleCombo.blockSignals(False)
        self.seriesCombo.blockSignals(True)
        self.seriesCombo.clear()
        from ..core.extraction_post import S1_COLUMNS, S2_COLUMNS

        self.seriesCombo.addItems(["NDVI", *S2_COLUMNS, *S1_COLUMNS, "AGERA5-PRECIP", "AGERA5-TMEAN", "elevation",
                                   "slope"])
        self.seriesCombo.blockSignals(False)
        self._show_sample()
        self.results_loaded.emit(str(merged_folder))

    def _add_result_layer(self, first_rows) -> None:
        layer = QgsVectorLayer("Point?crs=EPSG:4326", "WorldCereal extracted samples", "memory")
        names = ("sample_id", "ewoc_code", "valid_time", "tile", "ref_id")
        kinds = {"ewoc_code": "int64"}
        layer.dataProvider().addAttributes([field(n, kinds.get(n, "string")) for n in names])
        layer.updateFields()
        features = []
        for rec in first_rows.to_dict("records"):
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromWkt(f"POINT ({rec['lon']} {rec['lat']})"))
            feature.setAttributes([_plain(rec[n]) for n in names])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        if self.result_layer is not None and QgsProject.instance().mapLayer(self.result_layer.id()):
            QgsProject.instance().removeMapLayer(self.result_layer.id())
        self.result_layer = layer
        QgsProject.instance().addMapLayer(layer)
        layer.selectionChanged.connect(self._map_selection)

    def _map_selection(self, selected, _deselected, _clear) -> None:
        if not selected or self.result_layer is None:
            return
        feature = self.result_layer.getFeature(selected[0])
        index = self.sampleCombo.findText(str(feature["sample_id"]))
        if index >= 0:
            self.sampleCombo.setCurrentIndex(index)

    def _show_sample(self, *_args) -> None:
        from ..core.extraction_post import sample_series, series_title, unit_of

        sample, name = self.sampleCombo.currentText(), self.seriesCombo.currentText()
        if self.results is None or not sample or not name:
            return
        times, values = sample_series(self.results, sample)[name]
        self.plot.set_series(times, values, series_title(self.results, sample, name), unit_of(name))

    # -- helpers --------------------------------------------------------------------------------------------------
    @staticmethod
    def _set_table(table, headers: list[str], rows: list[tuple]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(str(value)))
        table.resizeColumnsToContents()


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def _validate_and_plan(raw, mode: str, cap: int, rates, land=None):
    """Worker thread: validation, then a plan only for a clean data set (errors are never sent)."""
    from ..core import extraction as ex
    from ..core import reference_data as rd

    result = rd.validate(raw, land=land)
    if not result.ok:
        first = result.dataset_errors
        return result, None, (first[0].message if first else
                              f"{len(result.errors)} errors must be fixed before anything is extracted.")
    try:
        samples = rd.select_samples(result.samples, mode, cap=cap)
        return result, ex.plan_jobs(samples, rates=rates), None
    except WorldCerealError as err:
        return result, None, str(err)


def _default_profile():
    """The backend the user chose in the dock (not always CDSE), resolved when the extraction starts."""
    from ..adapters import connections

    return connections.active_profile()


def _default_runner(root: Path, profile):
    from ..adapters import connections

    return connections.runner(output_root=root, profiles={profile.name: profile})
