"""Loaded results enter the project one per canvas drawing, never held back long, never lost (#21)."""

from __future__ import annotations

import time

from worldcereal_qgis.controllers import result_pacer
from worldcereal_qgis.controllers.result_pacer import ResultPacer


def _spin(seconds: float) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.002)


def test_one_result_per_drawing(qgis_app):
    added, drawing = [], {"now": True}
    pacer = ResultPacer(added.append, lambda: drawing["now"])
    for key in ("a", "b", "c"):
        pacer.put(key, key)
    assert added == ["a"]  # the first goes in at once
    _spin(0.15)
    assert added == ["a"] and pacer.pending("b")  # the canvas is still drawing "a"
    drawing["now"] = False
    _spin(0.15)
    assert added == ["a", "b", "c"] and not pacer.pending("c")


def test_a_canvas_that_never_finishes_holds_each_result_at_most_wait_s(qgis_app):
    added = []
    pacer = ResultPacer(added.append, lambda: True)
    started = time.monotonic()
    pacer.put("a", "a")
    pacer.put("b", "b")
    while len(added) < 2 and time.monotonic() - started < 5:
        _spin(0.01)
    assert added == ["a", "b"]
    assert result_pacer.WAIT_S <= time.monotonic() - started < result_pacer.WAIT_S + 0.5


def test_dropped_results_never_come_and_flush_adds_the_rest(qgis_app):
    added = []
    pacer = ResultPacer(added.append, lambda: True)
    for key in ("a", "b", "c"):
        pacer.put(key, key)
    pacer.drop("b")  # the job was removed or cancelled meanwhile
    pacer.flush()  # shutdown: nothing downloaded is left out of the project
    assert added == ["a", "c"] and not pacer.pending("c")
