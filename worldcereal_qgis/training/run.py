"""One training run from a JSON job file: samples -> season -> classes -> embeddings -> head -> zip.

Writes into ``output_dir``: the head zip (+ .pt, config.json), metrics.json / metrics.txt /
classification_report.csv, and emits progress events (protocol.py) on stdout.
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import numpy as np

from . import classes as cls
from . import embeddings as emb
from . import head, metrics, package, public, samples, weights
from .protocol import TrainingInputError, emit, stage, warn

REPEATS = 3


def run(job: dict) -> dict:
    out = Path(job["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    stage("reading samples", 1)
    aligned = _aligned(job)
    if job.get("mode") == "counts":
        return _counts(job, aligned)
    labels = _labels(job, aligned)
    keep_zero = bool(job.get("keep_zero_quality", False))
    quality = weights.sample_weights(aligned.meta, keep_zero_quality=keep_zero)
    notes = _quality_notes(quality, keep_zero)
    _count_quality_drops(aligned, quality, keep_zero)
    emit("summary", alignment=aligned.mode, **aligned.counts)
    labels = cls.check_counts(labels[(labels.notna() & quality.usable).to_numpy()])  # counts after the filters
    rows = labels.index.to_numpy()  # positions in aligned.meta (a RangeIndex)
    names = sorted(labels.unique())
    y = labels.map({n: i for i, n in enumerate(names)}).to_numpy(dtype=np.int64)
    emit("classes", classes=names, counts={n: int((labels == n).sum()) for n in names})
    sw = weights.sample_weights(aligned.meta.iloc[rows], keep_zero_quality=keep_zero)
    chosen = _select(_split(job, aligned, rows, y), sw, y, job)
    emit("split", **{name: len(idx) for name, idx in chosen.items()})
    emb_parts = _embed(job, aligned, rows, chosen)
    result = _train(job, emb_parts, y, sw.weight, len(names))
    stage("testing", 95)
    x_test, test_idx = emb_parts["test"]
    _loss, test_pred = head.evaluate(result.model, x_test, y[test_idx], sw.weight[test_idx])
    report = metrics.compute(y[test_idx], test_pred, names)
    report.update(best_epoch=result.best_epoch, epochs_trained=result.epochs_ran,
                  best_val_macro_f1=round(result.best_val_f1, 4), stopped_early=result.stopped_early,
                  alignment=aligned.mode, temporal_jitter=jitter_enabled(job, aligned),
                  seed=int(job.get("seed", head.SEED)), samples=aligned.counts, warnings=notes,
                  inputs=job.get("inputs"))
    metrics.write_report(report, out, y[test_idx], test_pred)
    emit("metrics", **{k: report[k] for k in ("overall_accuracy", "macro_f1", "chance_accuracy", "verdict",
                                              "verdict_facts")})
    zip_path = _package(job, result, names, out, report)
    emit("done", zip=str(zip_path), metrics=str(out / "metrics.json"), classes=names)
    return {"zip": str(zip_path), "metrics": report}


def _count_quality_drops(aligned: samples.AlignedSamples, quality: weights.SampleWeights, keep_zero: bool) -> None:
    """The zero-quality filter in the summary's counts, next to the alignment's own reasons."""
    n = 0 if keep_zero else int(quality.zero_quality.sum())
    if n:
        counts = aligned.counts
        counts["dropped"] = {**counts.get("dropped", {}), "quality scores 0": n}
        counts["samples_kept"] -= n
        counts["rows_used"] -= n * samples.NUM_TIMESTEPS


def _quality_notes(quality: weights.SampleWeights, keep_zero: bool) -> list:
    """What the zero-quality filter did, said in the log and kept in metrics.json."""
    n = int(quality.zero_quality.sum())
    if not n:
        return []
    if keep_zero:
        note = (f"{n} samples have quality scores 0 and were kept at full weight as you asked; WorldCereal's "
                "training drops them, so these metrics include labels their providers scored as unreliable.")
    else:
        note = (f"{n} samples have quality scores 0 (quality_score_lc, quality_score_ct): the training filters "
                "drop them.")
    warn(note)
    return [note]


def _counts(job: dict, aligned: samples.AlignedSamples) -> dict:
    """In-season samples per class of the mapping (and per EWOC code): what a class picker shows."""
    codes = aligned.meta["ewoc_code"]
    mapped = _labels(job, aligned, select=False)
    counts = {str(k): int(v) for k, v in mapped.value_counts().items()}
    result = {"samples": len(codes), "counts": counts,
              "ewoc_codes": {str(k): int(v) for k, v in codes.value_counts().items()}}
    emit("done", **result)
    return result


def _aligned(job: dict) -> samples.AlignedSamples:
    query = public.PublicQuery.from_job(job["public"]) if job.get("public") else None
    if query is not None:
        stage("fetching public extractions", 2)
    frame = samples.read_extractions(public.combine(list(job.get("samples") or []), query))
    season = job["season"]
    stage("aligning to the season", 5)
    aligned = samples.align(frame, date.fromisoformat(season["start"]), date.fromisoformat(season["end"]),
                            job.get("alignment", samples.DEFAULT_ALIGNMENT))
    return aligned


def _labels(job: dict, aligned: samples.AlignedSamples, select: bool = True):
    mapping = None
    spec = job.get("class_mapping")
    if spec:
        tables = json.loads(Path(spec["file"]).read_text(encoding="utf-8"))
        if spec["name"] not in tables:
            raise TrainingInputError(f"The class mapping {spec['name']} is not in {Path(spec['file']).name}.")
        mapping = tables[spec["name"]]
    if not select:
        return aligned.meta["ewoc_code"].astype(str).map(lambda code: (mapping or {}).get(code, code))
    return cls.assign_classes(
        aligned.meta["ewoc_code"], mapping, job["classes"], job.get("merges"), job.get("keep_other", True)
    )


def _split(job: dict, aligned: samples.AlignedSamples, rows: np.ndarray, y: np.ndarray) -> dict:
    latlon = None
    if job.get("spatial_split"):
        latlon = aligned.meta.iloc[rows][["lat", "lon"]].to_numpy(dtype=np.float64)
    try:
        train, val, test = head.split_indices(y, job.get("val_size", 0.15), job.get("test_size", 0.15), latlon,
                                              seed=int(job.get("seed", head.SEED)))
    except ValueError as exc:
        raise TrainingInputError(f"Too few samples to split into train, validation and test sets ({exc}).") from exc
    return {"train": train, "val": val, "test": test}


def _select(split: dict, sw: weights.SampleWeights, y: np.ndarray, job: dict) -> dict:
    """Zero-quality samples out of every split; low-weight samples out of validation and test."""
    floor = head.HeadOptions(**job.get("head", {})).eval_weight_floor
    chosen = {}
    for name, idx in split.items():
        idx = idx[sw.usable[idx]]
        if name != "train" and floor:
            idx = idx[weights.eval_keep(sw.weight[idx], sw.ref_id[idx], y[idx], floor)]
        if len(idx) == 0 or (name == "train" and not sw.weight[idx].any()):
            raise TrainingInputError(f"No usable {name} samples are left after the quality filters.")
        chosen[name] = idx
    return chosen


def _embed(job: dict, aligned: samples.AlignedSamples, rows: np.ndarray, chosen: dict) -> dict:
    """{split: (embeddings, sample positions)}; the training split jittered/masked and repeated 3 times."""
    stage("loading the Presto backbone", 10)
    model = emb.load_encoder(job["checkpoint"])
    seed = int(job.get("seed", head.SEED))
    rng, jitter_rng = np.random.default_rng(seed), np.random.default_rng(seed + 1)
    masking, jitter = job.get("augment", True), jitter_enabled(job, aligned)
    repeats = {name: REPEATS if name == "train" and (masking or jitter) else 1 for name in chosen}
    total = sum(len(idx) * repeats[name] for name, idx in chosen.items())
    done = [0]
    started = time.monotonic()

    def tick(n_in_part: int) -> None:
        stage("computing embeddings", 10 + 60 * (done[0] + n_in_part) / max(total, 1))

    out = {}
    for name, idx in chosen.items():
        src = rows[idx]
        meta = aligned.meta.iloc[src]
        parts_x = []
        for _ in range(repeats[name]):
            starts = aligned.jitter_starts(src, jitter_rng) if name == "train" and jitter else None
            cube, months, mask = aligned.window(src, starts)
            if name == "train" and masking:
                cube = emb.augment(cube, rng)
            parts_x.append(emb.embed(model, cube, months, meta["lat"].to_numpy(), meta["lon"].to_numpy(), mask,
                                     on_batch=tick))
            done[0] += len(src)
        out[name] = (np.concatenate(parts_x), np.tile(idx, len(parts_x)))
    seconds = time.monotonic() - started
    emit("embeddings", samples=total, seconds=round(seconds, 2),
         seconds_per_1000=round(1000 * seconds / max(total, 1), 2))
    return out


def jitter_enabled(job: dict, aligned: samples.AlignedSamples) -> bool:
    """Temporal jitter on the training split (library default on); strict windows are exactly 12 months."""
    return bool(job.get("jitter", True)) and aligned.mode != "strict"


def _train(job: dict, parts: dict, y: np.ndarray, w: np.ndarray, n_classes: int) -> head.TrainResult:
    options = head.HeadOptions(**{**job.get("head", {}), "seed": int(job.get("seed", head.SEED))})
    (x_train, i_train), (x_val, i_val) = parts["train"], parts["val"]
    stage("training the head", 70)

    def on_epoch(info: dict) -> None:
        emit("epoch", **{k: round(v, 5) if isinstance(v, float) else v for k, v in info.items()})
        stage("training the head", 70 + 25 * info["epoch"] / options.epochs)

    started = time.monotonic()
    result = head.train(x_train, y[i_train], w[i_train], x_val, y[i_val], w[i_val], n_classes, options,
                        on_epoch=on_epoch)
    emit("trained", seconds=round(time.monotonic() - started, 2), epochs=result.epochs_ran,
         best_epoch=result.best_epoch, train_samples=len(i_train))
    return result


def _package(job: dict, result: head.TrainResult, names: list, out: Path, report: dict) -> Path:
    """The manifest merged into the trainer's run configuration, as ``TorchTrainer.save_model`` writes it."""
    stage("packaging", 98)
    options = head.HeadOptions(**job.get("head", {}))
    season = job["season"]
    name = package.model_name(options.head_type, season["id"], job.get("version", ""))
    fingerprint = job.get("fingerprint") or package.fingerprint(job["checkpoint"])
    extra = {
        "season_window": [season["start"], season["end"]],
        "alignment": job.get("alignment", samples.DEFAULT_ALIGNMENT),
        "temporal_jitter": {"enabled": bool(report.get("temporal_jitter")), "seed": int(job.get("seed", head.SEED)),
                            "rule": "library augment: window centre uniform in [vp-4, vp+4] within the series"},
        "seasonal_model_zip": job.get("seasonal_model_zip"),
        "best_val_macro_f1": round(result.best_val_f1, 4),
    }
    run_config = {
        "head_type": options.head_type, "head_task": "croptype", "season_id": season["id"],
        "presto_model_fingerprint": fingerprint, "batch_size": options.batch_size, "hidden_dim": options.hidden_dim,
        "dropout": options.dropout, "lr": options.lr, "epochs": options.epochs, "seed": int(job.get("seed", head.SEED)),
        "balancing_method": "log", "weights_clip_range": list(options.clip_range),
        "eval_weight_floor": options.eval_weight_floor, "early_stopping_patience": options.patience,
        "weight_decay": options.weight_decay, "in_dim": emb.EMBEDDING_DIM, "num_classes": len(names),
        "classes_list": names, "best_val_loss": round(result.best_val_loss, 6), "best_epoch": result.best_epoch,
        "epochs_trained": result.epochs_ran, "stopped_early": result.stopped_early,
    }
    config = package.manifest(name, names, options.head_type, options.hidden_dim, options.dropout,
                              season["id"], fingerprint, extra)
    return package.write_zip(result.model, {**run_config, **config}, out)
