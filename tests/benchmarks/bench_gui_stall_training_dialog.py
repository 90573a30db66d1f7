"""GUI-thread stall of the training result dialog's plots (issue #21): opening it with its confusion matrices.

The plots are drawn by the training's own report code (``training/metrics.py``, matplotlib, in the training venv)
for every class of the real CROPTYPE_INSEASON_FRANCE mapping that the real Corsica extractions hold; the
"predictions" are the truths with every third sample moved to the next class (the figures only need a
realistic matrix, not a model). The heartbeat runs while the dialog is built and shown.
"""

from __future__ import annotations

import json
import subprocess
import time

import pyarrow.parquet as pq

from tests.benchmarks.bench_gui_stall import Heartbeat, run_until
from tests.conftest import REPO_ROOT
from tests.training.conftest import env_spec, extractions, training_python  # noqa: F401 (fixtures)

MAPPING = "CROPTYPE_INSEASON_FRANCE"
_WRITE = """
import json, sys
import numpy as np
from worldcereal_qgis.training import metrics
classes, truth, folder = json.loads(sys.argv[1]), np.array(json.loads(sys.argv[2])), sys.argv[3]
pred = truth.copy()
pred[::3] = (pred[::3] + 1) % len(classes)
metrics.write_report(metrics.compute(truth, pred, classes), folder, truth, pred)
"""


def _report(training_python, extractions, wc_dir, folder) -> None:  # noqa: F811
    mapping = json.loads((wc_dir / "classes" / "class_mappings.json").read_text())[MAPPING]
    codes = pq.read_table(extractions, columns=["sample_id", "ewoc_code"]).to_pandas().drop_duplicates("sample_id")
    names = [mapping.get(str(code)) for code in codes["ewoc_code"]]
    classes = sorted({n for n in names if n})
    truth = [classes.index(n) for n in names if n]
    subprocess.run([str(training_python), "-c", _WRITE, json.dumps(classes), json.dumps(truth), str(folder)],
                   check=True, cwd=REPO_ROOT, env={"PYTHONPATH": str(REPO_ROOT), "MPLBACKEND": "Agg"})


def test_stall_opening_the_training_result_dialog(qgis_app, training_python, extractions, wc_dir,  # noqa: F811
                                                  tmp_path):
    from worldcereal_qgis.gui.training_dialog import TrainingResultDialog

    _report(training_python, extractions, wc_dir, tmp_path)
    beat = Heartbeat().start()
    shown: list = []
    from qgis.PyQt.QtCore import QTimer

    def open_dialog() -> None:
        dialog = TrainingResultDialog(tmp_path / "metrics.json")
        dialog.show()
        dialog.tabs.setCurrentIndex(1)  # the normalised confusion matrix, as a user looks at it
        shown.append(dialog)

    QTimer.singleShot(20, open_dialog)
    run_until(lambda: bool(shown) and not shown[0].plots_pending(), 30, "the dialog and its plots")
    settle = time.monotonic() + 0.3
    run_until(lambda: time.monotonic() > settle, 5, "settling")
    beat.stop()
    line = beat.report("training dialog: metrics table and both confusion-matrix plots opened")
    print("\n" + line)
    assert not shown[0].tabs.widget(1).widget().pixmap().isNull()
    shown[0].close()
    beat.check()
