"""Reference-data page (mission flow 2): choose a layer, see the validation report and the job plan, extract,
and look at a sample's monthly time series.

A plain QWidget: the dock hosts it. Validation, planning, job steps and merging run in CoreTasks; a QTimer
paces the job steps (nothing waits inside a task), so the GUI thread never blocks on the network.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Callable

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor, QPainter, QPen, QPolygonF
from qgis.PyQt.QtWidgets import QFileDialog, QLabel, QTableWidgetItem, QWidget

from .. import settings
from ..adapters import paths, reference_source
from ..adapters.compat import field, layer_filters
from ..adapters.tasks import CoreTask, start_task
from ..core.errors import WorldCerealError

SELECTION_MODES = ("extract", "all", "h3_cap")
STEP_INTERVAL_MS = 2000
MAX_REPORT_ROWS = 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("ReferencePanel", text)


class TimeSeriesPlot(QWidget):
    """Monthly values as a line with markers; gaps (nodata) break the line. Drawn with QPainter."""

    MARGIN = 36

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(160)
        self.times: list = []
        self.values: list[float] = []
        self.title = ""
        self.unit = ""

    def set_series(self, times: list, values, title: str, unit: str = "") -> None:
        self.times, self.values = list(times), [float(v) for v in values]
        self.title, self.unit = title, unit
        self.update()

    def finite(self) -> list[tuple[int, float]]:
        return [(i, v) for i, v in enumerate(self.values) if math.isfinite(v)]

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        plot = QRectF(self.MARGIN + 14, 18, self.width() - self.MARGIN - 24, self.height() - 18 - self.MARGIN)
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(0, 0, self.width(), 16), Qt.AlignmentFlag.AlignCenter,
                         f"{self.title} ({self.unit})" if self.unit else self.title)
        points = self.finite()
        if not points or plot.width() <= 0 or plot.height() <= 0:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "no data")
            painter.end()
            return
        low, high = min(v for _, v in points), max(v for _, v in points)
        if high - low < 1e-9:
            low, high = low - 0.5, high + 0.5
        self._draw_axes(painter, plot, low, high)
        self._draw_line(painter, plot, low, high)
        painter.end()

    def _xy(self, plot: QRectF, index: int, value: float, low: float, high: float) -> QPointF:
        span = max(len(self.values) - 1, 1)
        return QPointF(plot.left() + plot.width() * index / span,
                       plot.bottom() - plot.height() * (value - low) / (high - low))

    def _draw_axes(self, painter: QPainter, plot: QRectF, low: float, high: float) -> None:
        painter.setPen(QPen(QColor(150, 150, 150), 1))
        painter.drawRect(plot)
        painter.setPen(self.palette().text().color())
        for value in (low, high):
            y = self._xy(plot, 0, value, low, high).y()
            painter.drawText(QRectF(0, y - 8, plot.left() - 4, 16), Qt.AlignmentFlag.AlignRight, f"{value:.3g}")
        for index in sorted({0, len(self.times) // 2, len(self.times) - 1}):
            x = self._xy(plot, index, low, low, high).x()
            label = self.times[index].strftime("%Y-%m") if hasattr(self.times[index], "strftime") else ""
            painter.drawText(QRectF(x - 30, plot.bottom() + 4, 60, 16), Qt.AlignmentFlag.AlignCenter, label)

    def _draw_line(self, painter: QPainter, plot: QRectF, low: float, high: float) -> None:
        painter.setPen(QPen(QColor(34, 139, 34), 2))
        run: list[QPointF] = []
        for index, value in enumerate(self.values):
            if math.isfinite(value):
                run.append(self._xy(plot, index, value, low, high))
                continue
            if len(run) > 1:
                painter.drawPolyline(QPolygonF(run))
            run = []
        if len(run) > 1:
            painter.drawPolyline(QPolygonF(run))
        painter.setBrush(QColor(34, 139, 34))
        for index, value in self.finite():
            painter.drawEllipse(self._xy(plot, index, value, low, high), 3, 3)


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
        self.run_id: str | None = None
        self.results = None  # pandas.DataFrame of the merged extractions
        self.result_layer: QgsVectorLayer | None = None
        self.plan_layer: QgsVectorLayer | None = None
        self._tasks: list[CoreTask] = []
        self._timer = QTimer(self, interval=STEP_INTERVAL_MS)
        self._timer.timeout.connect(self._step)
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
        self.fileWidget.fileChanged.connect(lambda path: path and self.layerCombo.setLayer(None))
        self.layerCombo.layerChanged.connect(lambda layer: layer is not None and self.fileWidget.setFilePath(""))

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
        return bool(self._tasks)

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
        self.planLabel.setText(" ".join([plan.summary(), *plan.warnings]))
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

    # -- extract --------------------------------------------------------------------------------------------------
    def start_extraction(self) -> None:
        from ..core import extraction as ex

        if self.plan is None:
            return
        root = Path(self.outputEdit.text().strip() or "")
        if not self.outputEdit.text().strip():
            self.statusLabel.setText("Choose an output folder first.")
            return
        from ..adapters import connections

        profile = self.profile_for()
        # the S1 orbit is chosen per job as the library does (catalogue through QGIS's proxy; ASCENDING fallback)
        self.extractor = ex.ExtractionRunner(self.runner_for(root, profile), profile, root,
                                             orbit_state=ex.AUTOMATIC_ORBIT, orbit_chooser=connections.select_orbit)
        plan = self.plan
        self.runButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self.statusLabel.setText(f"Submitting {len(plan.jobs)} jobs to {profile.title}…")
        self._start("Preparing extraction jobs", lambda _t: self.extractor.prepare(plan), self._prepared)

    def _prepared(self, run_id, error: WorldCerealError | None) -> None:
        if error is not None:
            self._stopped(str(error))
            return
        self.run_id = run_id
        self._timer.start()
        self._step()

    def _step(self) -> None:
        if self.extractor is None or self.run_id is None or self.busy:
            return
        extractor, run_id = self.extractor, self.run_id
        lines: list[str] = []  # filled in the task, shown from the main thread
        self._start("Extraction step", lambda _t: extractor.step(run_id, lines.append),
                    lambda state, error: (_log(lines), self._stepped(state, error)))

    def _stepped(self, state, error: WorldCerealError | None) -> None:
        if error is not None:
            self.statusLabel.setText(f"{error} Retrying in {STEP_INTERVAL_MS // 1000} s.")
            return
        self.progressBar.setValue(int(0.9 * state.percent))
        self.statusLabel.setText(f"{state.done} of {state.total} jobs done, {state.active} running, "
                                 f"{state.failed} failed; {state.credits:.1f} credits so far.")
        if state.finished:
            self._timer.stop()
            extractor, run_id = self.extractor, self.run_id
            self._start("Merging extractions", lambda _t: _merge(extractor, run_id), self._merged)

    def _merged(self, result, error: WorldCerealError | None) -> None:
        if error is not None:
            self._stopped(str(error))
            return
        written, folder = result
        self.progressBar.setValue(100)
        self._stopped(f"{written} samples written to {folder}.")
        self.load_results(folder)

    def shutdown(self) -> None:
        """Stop watching the run (on plugin unload); remote jobs keep running and resume later."""
        self._timer.stop()

    def cancel_extraction(self) -> None:
        self._timer.stop()
        if self.extractor is not None and self.run_id is not None:
            extractor, run_id = self.extractor, self.run_id
            self._start("Cancelling extraction", lambda _t: extractor.cancel(run_id),
                        lambda _r, err: self._stopped(str(err) if err else "Cancelled; the remote jobs were stopped."))

    def _stopped(self, message: str) -> None:
        self._timer.stop()
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


def _merge(extractor, run_id: str) -> tuple[int, Path]:
    from ..core.extraction_post import merged_dir

    merged = extractor.merge(run_id)
    return sum(count for _p, count in merged.values()), merged_dir(extractor.root)


def _default_profile():
    """The backend the user chose in the dock (not always CDSE), resolved when the extraction starts."""
    from ..adapters import connections

    return connections.active_profile()


def _default_runner(root: Path, profile):
    from ..adapters import connections

    return connections.runner(output_root=root, profiles={profile.name: profile})


def _log(lines: list[str]) -> None:
    """Extraction steps (the orbit chosen per job and why, resubmissions) in the WorldCereal message log."""
    from qgis.core import Qgis, QgsMessageLog

    from ..adapters.tasks import LOG_TAG

    for line in lines:
        QgsMessageLog.logMessage(line, LOG_TAG, Qgis.MessageLevel.Info)
