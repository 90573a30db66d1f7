"""Which months to feed Presto (issue #23): each alignment with and without temporal jitter, held-out F1.

Trains the real 500 Corsica samples (valid_time 2022-06, extracted Sep 2021..Jan 2023) for the season
Mar-Aug 2022 with the three alignments x jitter on/off x 3 seeds. The split is SPATIAL (whole 0.25 degree
bins in train, validation or test) and the seed moves the split, the masking, the jitter and the head's
initialisation, so the spread is the spread a user would see. Prints one JSON line per run and a summary
table (mean and standard deviation of macro F1 and per-class F1); BENCHMARKS.md keeps the figures.
``WCQ_ALIGN_SEEDS`` (e.g. "1,2,3,4,5") changes the seeds, ``WCQ_ALIGN_SEASON`` (e.g. "2022-05-01,2022-10-31")
the season.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from tests.training.conftest import checkpoint, env_spec, extractions, make_job, training_python  # noqa: F401
from worldcereal_qgis.controllers.custom_models import run_training

ALIGNMENTS = ("period", "relaxed", "strict")
SEEDS = tuple(int(s) for s in os.environ.get("WCQ_ALIGN_SEEDS", "1,2,3").split(","))
SEASON = os.environ.get("WCQ_ALIGN_SEASON", "2022-03-01,2022-08-31").split(",")  # May-Oct: all three rules differ


def _run(python, samples, encoder, wc_dir, out: Path, alignment: str, jitter: bool, seed: int) -> dict:
    job = make_job(samples, encoder, wc_dir, out, alignment=alignment, jitter=jitter, seed=seed,
                   spatial_split=True, season={"start": SEASON[0], "end": SEASON[1], "id": "tc-s1"})
    done = run_training(python, job)
    metrics = json.loads(Path(done["metrics"]).read_text(encoding="utf-8"))
    return {"alignment": alignment, "jitter": jitter, "seed": seed, "season": SEASON, "macro_f1": metrics["macro_f1"],
            "per_class": {row["class"]: row["f1"] for row in metrics["per_class"]}, "n_test": metrics["n_test"]}


def test_alignment_by_jitter(training_python, extractions, checkpoint, wc_dir, tmp_path):  # noqa: F811
    runs = []
    for alignment in ALIGNMENTS:
        for jitter in (False, True):
            for seed in SEEDS:
                result = _run(training_python, extractions, checkpoint, wc_dir,
                              tmp_path / f"{alignment}-{jitter}-{seed}", alignment, jitter, seed)
                print("ALIGN-RUN " + json.dumps(result), flush=True)
                runs.append(result)
    print("\nalignment | jitter | macro F1 mean ± sd | per-class F1 mean ± sd")
    for alignment in ALIGNMENTS:
        for jitter in (False, True):
            group = [r for r in runs if r["alignment"] == alignment and r["jitter"] == jitter]
            f1 = np.array([r["macro_f1"] for r in group])
            classes = sorted({c for r in group for c in r["per_class"]})
            per = "; ".join(f"{c} {np.mean([r['per_class'].get(c, 0) for r in group]):.3f} ± "
                            f"{np.std([r['per_class'].get(c, 0) for r in group]):.3f}" for c in classes)
            print(f"{alignment} | {'on' if jitter else 'off'} | {f1.mean():.3f} ± {f1.std():.3f} | {per}")
    assert len(runs) == len(ALIGNMENTS) * 2 * len(SEEDS)
