"""The result dialog of a real training run: summary, verdict, per-class table, confusion-matrix plots; the
menu action shows the training algorithm's Processing dialog, then this one."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QLabel, QScrollArea

from tests.conftest import REPO_ROOT
from worldcereal_qgis.gui import training_dialog
from worldcereal_qgis.gui.training_dialog import TrainingResultDialog

pytestmark = [pytest.mark.slow, pytest.mark.qgis_gui]


def test_result_dialog_shows_table_verdict_and_plots(trained, qgis_app):
    metrics_path = Path(trained["done"]["metrics"])
    dialog = TrainingResultDialog(metrics_path)
    metrics = dialog.metrics
    assert dialog.summary.text().startswith(f"Overall accuracy {metrics['overall_accuracy']:.2f} (always guessing")
    assert dialog.verdict.text() == metrics["verdict"] and dialog.verdict.text().startswith("Most confusion: ")
    assert metrics["verdict_facts"]["confused"][0] > 0  # the dialog words these facts (in the user's language)
    assert dialog.inputs.text() == ("8500 rows read, 6000 used; 500 of 500 samples kept; dropped: none.\n"
                                    "Months per sample: relaxed alignment, with temporal jitter (seed 42).")
    table = dialog.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["grapes", "grasslands", "other",
                                                                          "vegetables_fruits"]
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["0", "1", "2", "3"]  # output values
    assert table.item(1, 5).text() == str(metrics["per_class"][1]["support"])
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Per class", "Confusion matrix (%)", "Confusion matrix (counts)"]
    deadline = time.monotonic() + 20  # the plots are read in tasks (#21)
    while dialog.plots_pending() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for index in (1, 2):
        area = dialog.tabs.widget(index)
        assert isinstance(area, QScrollArea) and not area.widget().pixmap().isNull()
    dialog.tabs.setCurrentIndex(1)
    artifacts = REPO_ROOT / "tests" / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(artifacts / "training_result_dialog.png"))
    dialog.close()


def test_missing_plot_is_said_plainly(trained, qgis_app, tmp_path):
    import shutil

    copy = tmp_path / "metrics.json"
    shutil.copy(trained["done"]["metrics"], copy)
    dialog = TrainingResultDialog(copy)
    label = dialog.tabs.widget(1).widget()
    assert isinstance(label, QLabel) and label.text() == "CM_norm.png was not written by this training run."
    dialog.close()


def test_menu_action_shows_the_result_of_the_processing_dialog(trained, qgis_app, qgis_iface, qgis_processing,
                                                              monkeypatch):
    import processing

    calls = []

    def fake_dialog(alg_id, params):
        calls.append(alg_id)
        return {"METRICS": trained["done"]["metrics"]}

    monkeypatch.setattr(processing, "execAlgorithmDialog", fake_dialog)
    action = training_dialog.add_menu_action(qgis_iface, "&WorldCereal")
    action.trigger()
    assert calls == ["worldcereal:train_croptype_model"]
    assert action.result_dialog.isVisible() and action.result_dialog.table.rowCount() == 4
    training_dialog.remove_menu_action(qgis_iface, "&WorldCereal", action)
