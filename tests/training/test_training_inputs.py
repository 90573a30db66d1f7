"""Bad training input fails in the training subprocess with one precise sentence; cancel stops it cleanly."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication

from worldcereal_qgis.controllers.custom_models import TrainingTask, parse_event, run_training
from worldcereal_qgis.core.errors import CancelledError, InputError

from .conftest import ENV_CACHE, make_job

pytestmark = pytest.mark.slow


def fails_with(python: Path, job: dict) -> str:
    with pytest.raises(InputError) as err:
        run_training(python, job)
    return str(err.value)


def test_samples_outside_the_season(training_python, extractions, checkpoint, wc_dir, tmp_path):
    job = make_job(extractions, checkpoint, wc_dir, tmp_path,
                   season={"start": "2022-09-01", "end": "2022-12-31", "id": "tc-s2"})
    assert fails_with(training_python, job) == (
        "None of the 500 samples has a valid_time inside the season Sep 2022 - Dec 2022; "
        "pick the season the labels were observed in.")


def test_too_few_classes(training_python, extractions, checkpoint, wc_dir, tmp_path):
    job = make_job(extractions, checkpoint, wc_dir, tmp_path, classes=["grapes", "maize"], keep_other=False)
    assert fails_with(training_python, job) == (
        "Training needs at least 2 classes with 10 or more samples in the season; found: grapes (47), maize (6).")


def test_no_class_selected(training_python, extractions, checkpoint, wc_dir, tmp_path):
    job = make_job(extractions, checkpoint, wc_dir, tmp_path, classes=[])
    assert fails_with(training_python, job) == "Select at least one crop class to train."


def test_wrong_long_format(training_python, extractions, checkpoint, wc_dir, tmp_path):
    import pyarrow.parquet as pq

    table = pq.read_table(extractions).drop(["S1-SIGMA0-VH", "S1-SIGMA0-VV"])
    bad = tmp_path / "wide.parquet"
    pq.write_table(table, bad)
    job = make_job(bad, checkpoint, wc_dir, tmp_path / "out")
    assert fails_with(training_python, job) == (
        "wide.parquet is not in WorldCereal's long extraction format: missing column(s) S1-SIGMA0-VH, S1-SIGMA0-VV.")


def test_not_a_parquet_file(training_python, checkpoint, wc_dir, tmp_path):
    bad = tmp_path / "samples.parquet"
    bad.write_text("sample_id,ewoc_code\n1,1101060000\n")
    message = fails_with(training_python, make_job(bad, checkpoint, wc_dir, tmp_path / "out"))
    assert message.startswith("samples.parquet is not a readable Parquet file")


def test_too_few_samples_to_split(training_python, extractions, checkpoint, wc_dir, tmp_path):
    job = make_job(extractions, checkpoint, wc_dir, tmp_path, test_size=0.9, val_size=0.09)
    assert fails_with(training_python, job).startswith("Too few samples to split into train, validation and test")


def test_protocol_lines_are_parsed_and_noise_is_ignored():
    assert parse_event('{"event": "epoch", "epoch": 3, "loss": 0.5}\n') == {"event": "epoch", "epoch": 3, "loss": 0.5}
    assert parse_event("Downloading weights...\n") is None
    assert parse_event('{"no_event": 1}') is None


def test_cancel_stops_the_training_process(training_python, env_spec, extractions, checkpoint, wc_dir, tmp_path):
    job = make_job(extractions, checkpoint, wc_dir, tmp_path)
    outcome: dict = {}
    task = TrainingTask(job, ENV_CACHE, env_spec, on_done=lambda r, e: outcome.update(result=r, error=e))
    seen: list = []

    def on_event(event: dict) -> None:
        seen.append(event)
        if event["event"] == "stage" and event["stage"] == "computing embeddings":
            task.cancel()

    task.training_event.connect(on_event)
    QgsApplication.taskManager().addTask(task)
    deadline = time.monotonic() + 120
    while "error" not in outcome and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert isinstance(outcome.get("error"), CancelledError)
    assert str(outcome["error"]) == "Training was cancelled."
    assert outcome["result"] is None
    assert not list(Path(tmp_path).glob("*.zip"))  # stopped before packaging
    assert any(e["event"] == "stage" for e in seen)


def test_summary_counts_the_quality_filter_with_the_alignment(training_python, extractions, checkpoint, wc_dir,
                                                             tmp_path):
    """Real file + a zero-quality copy: the 500 copies are counted as dropped before any class is counted."""
    import pyarrow.parquet as pq

    from .test_check_first import _zero_quality

    copy = tmp_path / "private.parquet"
    pq.write_table(_zero_quality(pq.read_table(extractions), prefix="z_"), copy)
    job = make_job(extractions, checkpoint, wc_dir, tmp_path / "out", classes=["grapes", "maize"], keep_other=False)
    job["samples"].append(str(copy))
    events: list = []
    with pytest.raises(InputError, match="at least 2 classes"):
        run_training(training_python, job, events.append)
    summary = next(e for e in events if e["event"] == "summary")
    assert summary == {"event": "summary", "alignment": "relaxed", "samples_read": 1000, "samples_kept": 500,
                       "dropped": {"quality scores 0": 500}, "rows_read": 17000, "rows_used": 6000}
    warnings = [e["message"] for e in events if e["event"] == "warning"]
    assert ("500 samples have quality scores 0 (quality_score_lc, quality_score_ct): the training filters drop "
            "them.") in warnings
