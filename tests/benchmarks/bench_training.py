"""Custom-model training on 10,000 samples on this machine (issue #10): embedding time per 1,000 samples,
head training time (target < 60 s), and the longest QGIS GUI-thread stall while the TrainingTask runs.

The 10,000 samples are the 500 real Corsica extractions repeated 20 times under new sample ids (real
time series, real Presto checkpoint); classes are EWOC codes (no mapping), so every sample is used and the
head sees 10,000 x 0.7 x 3 augmented training embeddings. Accuracy here means nothing (copies of one sample
land in train and test); the test suite's held-out figure does (tests/training/test_training_e2e.py).
"""

from __future__ import annotations

import time

import pandas as pd
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer

from tests.training.conftest import (  # noqa: F401 (fixtures)
    ENV_CACHE,
    checkpoint,
    env_spec,
    extractions,
    make_job,
    training_python,
)
from worldcereal_qgis.controllers.custom_models import TrainingTask

COPIES = 20


def _ten_thousand(source, folder):
    frame = pd.read_parquet(source)
    copies = []
    for k in range(COPIES):
        part = frame.copy()
        part["sample_id"] = part["sample_id"].astype(str) + f"_{k}"
        part["lat"] = part["lat"] + 0.001 * k
        copies.append(part)
    path = folder / "samples_10000.parquet"
    pd.concat(copies, ignore_index=True).to_parquet(path)
    return path


def test_training_10000_samples(training_python, env_spec, extractions, checkpoint, wc_dir, tmp_path):  # noqa: F811
    samples = _ten_thousand(extractions, tmp_path)
    job = make_job(samples, checkpoint, wc_dir, tmp_path / "out", class_mapping=None,
                   classes=["2501000000", "2001020022", "1201030000", "1115000000"])
    events: list = []
    outcome: dict = {}
    task = TrainingTask(job, ENV_CACHE, env_spec, on_done=lambda r, e: outcome.update(result=r, error=e))
    task.training_event.connect(events.append)
    gaps, last = [], [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    timer.start()
    started = time.monotonic()
    QgsApplication.taskManager().addTask(task)
    while not outcome and time.monotonic() - started < 900:
        QgsApplication.processEvents()
        time.sleep(0.002)
    timer.stop()
    total = time.monotonic() - started
    assert outcome.get("error") is None, outcome.get("error")
    emb = next(e for e in events if e["event"] == "embeddings")
    trained = next(e for e in events if e["event"] == "trained")
    metrics = next(e for e in events if e["event"] == "metrics")
    stall_ms = 1000 * max(gaps)
    print(f"\nTRAINING 10,000 samples: total {total:.1f} s; embeddings {emb['samples']} in {emb['seconds']:.1f} s "
          f"({emb['seconds_per_1000']:.2f} s per 1,000); head {trained['seconds']:.1f} s for {trained['epochs']} "
          f"epochs on {trained['train_samples']} embeddings; OA {metrics['overall_accuracy']}; "
          f"longest GUI stall {stall_ms:.0f} ms")
    assert trained["seconds"] < 60
    assert stall_ms < 100
