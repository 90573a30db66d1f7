"""Loaded results go into the project one at a time, each once the map canvas has drawn the one before.

Why (issue #21): adding layers while the canvas draws cancels that drawing, and QGIS's next refresh prepares
every layer that has no cached image yet on the GUI thread (``QgsMapRendererJob::prepareJobs``: a renderer and
extent reprojections per layer, ~0.5 ms each). When 20 resumed jobs finish together, each arrival cancelled the
previous drawing, so one refresh prepared up to 20 layers at once: over a 60 Hz frame. Drawn one after the
other, the cached layers cost only their extent check and one new layer is prepared per refresh.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Callable

from qgis.PyQt.QtCore import QObject, QTimer

WAIT_S = 0.5  # longest a result waits for the canvas (a slow layer, a web map, never hold results back long)
RETRY_MS = 20


class ResultPacer(QObject):
    """Queue of results ready to add; ``add`` is called for one at a time, the canvas permitting."""

    def __init__(self, add: Callable[..., None], drawing: Callable[[], bool] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._add = add
        self._drawing = drawing or (lambda: False)
        self._queue: OrderedDict[str, tuple] = OrderedDict()
        self._last_add = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self._next)

    def put(self, key: str, *args) -> None:
        self._queue[key] = args
        self._next()

    def pending(self, key: str) -> bool:
        return key in self._queue

    def drop(self, key: str) -> None:
        self._queue.pop(key, None)

    def flush(self) -> None:
        """Add everything now (shutdown: a downloaded result is never left out of the project)."""
        self._timer.stop()
        while self._queue:
            self._add(*self._queue.popitem(last=False)[1])

    def _next(self) -> None:
        if not self._queue:
            return
        if self._drawing() and time.monotonic() < self._last_add + WAIT_S:
            self._timer.start()
            return
        self._last_add = time.monotonic()
        self._add(*self._queue.popitem(last=False)[1])
        if self._queue:
            self._timer.start()  # the canvas starts drawing this one a turn later: look again then
