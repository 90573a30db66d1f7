"""The class picker's counting: samples read, season applied and layer built in a task, the result shown in turns.

``CountingMixin`` is the counting half of ``ClassPickerDialog`` (gui/class_picker.py). A recount detaches the
running task and stops pending turns; each result is spread over short event-loop turns (#21: the new layer,
tree, styles and zoom took 27 ms in one turn with 100,000 samples).
"""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsApplication, QgsVectorLayer

from ..adapters.tasks import CoreTask, start_task
from ..core import class_hierarchy as ch
from ..core.errors import WorldCerealError
from .build_turns import BuildInTurns
from .class_picker_layer import build_layer
from .class_tree import tr


class CountingMixin:
    """Needs the dialog's ``_task``, ``_turns``, ``_generation``, ``loading``, ``samples_loaded``, its tree and
    layer halves and its status widgets."""

    def _start(self, paths: Optional[list[str]], raw: Optional[ch.RawSamples]) -> None:
        """Read ``paths`` (or reuse ``raw``), apply the season and build the layer in a task."""
        if self._task is not None:
            self._task.detach()
            self._task.cancel()
        if self._turns is not None:
            self._turns.cancel()
        self._generation += 1
        generation = self._generation
        if raw is None and not paths:
            self._loaded(generation, None, None)
            return
        season = self.season() if (self._season_set or raw is not None) else None
        main = QgsApplication.instance().thread()

        def work(task):
            current = raw or ch.read_samples(paths or [], task.isCanceled)
            chosen = season or ch.suggest_season(current.valid_ym)
            counted = ch.apply_season(current, chosen)
            return counted, build_layer(counted, main)

        self.loading = True
        self.status.setText(tr("Reading the samples…") if raw is None else tr("Counting the samples in the season…"))
        self._task = CoreTask(tr("Count training samples per class"), work,
                              lambda result, error: self._loaded(generation, result, error))
        start_task(self._task)

    def _loaded(self, generation: int, result, error: Optional[WorldCerealError]) -> None:
        if generation != self._generation:
            return
        self._task = None
        if error is not None or result is None:
            self.raw = self.samples = None
            self.status.setText(str(error) if error else tr("Choose your extractions (Parquet, long format)."))
            self._replace_layer(None)
            self._rebuild_tree()
            self._done_loading()
            return
        # 100,000 samples: new layer, tree, styles and zoom took 27 ms in one turn; spread over five (#21)
        samples, layer = result
        zoom: list[bool] = []  # the layer went on top (the first one, or the old one was removed): zoom to it
        self._turns = BuildInTurns([lambda: zoom.append(self._take_counts(samples, layer)), self._fill_tree,
                                    self._show_ticks, self._style_layer,
                                    lambda: self._zoom_to(layer) if zoom[0] else None, self._done_loading], self)
        self._turns.start()

    def _take_counts(self, samples: ch.SampleSet, layer: QgsVectorLayer) -> bool:
        """The recount's samples and its layer, in the old one's place (styled with the choice so far)."""
        self.samples, self.raw = samples, samples.raw
        self.set_season_quietly(samples.season)
        self._season_set = True
        self.status.setText(self._status_text())
        on_top = self._replace_layer(layer)
        self._style_layer()
        return on_top

    def _done_loading(self) -> None:
        """The last turn: the choice's warnings and OK button, no longer "counting"."""
        self._turns = None
        self.loading = False
        self._show_choice()
        self.samples_loaded.emit()

    def _stop_task(self) -> None:
        """The dialog closes: no recount, no task, and no pending turn adds a layer after it."""
        self._timer.stop()
        if self._turns is not None:
            self._turns.cancel()
            self._turns = None
        if self._task is not None:
            self._task.detach()
            self._task.cancel()
            self._task = None
