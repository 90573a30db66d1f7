"""Test-split metrics as the official trainer writes them, plus a plain-language verdict."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def compute(y_true: np.ndarray, y_pred: np.ndarray, classes: Sequence[str]) -> dict:
    """OA, macro F1/precision/recall, per-class P/R/F1/support, confusion matrix (rows = truth)."""
    from sklearn.metrics import (
        accuracy_score,
        confusion_matrix,
        f1_score,
        precision_recall_fscore_support,
        precision_score,
        recall_score,
    )

    labels = list(range(len(classes)))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    cm = confusion_matrix(y_true, y_pred, labels=labels)
    counts = np.bincount(y_true, minlength=len(classes))
    macro = {"average": "macro", "zero_division": 0}  # over the classes in truth or prediction, as upstream
    return {
        "overall_accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
        "macro_f1": round(float(f1_score(y_true, y_pred, **macro)), 4),
        "macro_precision": round(float(precision_score(y_true, y_pred, **macro)), 4),
        "macro_recall": round(float(recall_score(y_true, y_pred, **macro)), 4),
        "chance_accuracy": round(float(counts.max() / max(counts.sum(), 1)), 4),
        "n_test": len(y_true),
        "per_class": [
            {"class": name, "precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
             "f1": round(float(f[i]), 4), "support": int(s[i])}
            for i, name in enumerate(classes)
        ],
        "classes": list(classes),
        "confusion_matrix": cm.astype(int).tolist(),
        "verdict": verdict(cm, classes),
        "verdict_facts": verdict_facts(cm, classes),
    }


def verdict_facts(cm: np.ndarray, classes: Sequence[str]) -> dict:
    """What the verdict says, as data QGIS words in the user's language (this venv has no Qt):
    ``confused`` = [test samples, true class, mapped as] of the largest confusion (None when every sample is
    right), ``weak`` = classes with less than half of their test samples found."""
    totals = cm.sum(axis=1)
    recall = np.divide(np.diag(cm), totals, out=np.zeros(len(classes)), where=totals > 0)
    off = cm.copy()
    np.fill_diagonal(off, 0)
    if off.sum() == 0:
        return {"confused": None, "weak": []}
    t, p = np.unravel_index(np.argmax(off), off.shape)
    return {"confused": [int(off[t, p]), str(classes[t]), str(classes[p])],
            "weak": [str(classes[i]) for i in range(len(classes)) if totals[i] > 0 and recall[i] < 0.5]}


def verdict(cm: np.ndarray, classes: Sequence[str]) -> str:
    """One or two sentences a non-specialist can act on (English; metrics.json, the model registry)."""
    facts = verdict_facts(cm, classes)
    if facts["confused"] is None:
        return "Every test sample was classified correctly."
    n, true, mapped = facts["confused"]
    parts = [f"Most confusion: {n} test samples of {true} were mapped as {mapped}."]
    if facts["weak"]:
        parts.append(f"Less than half of the test samples were found for: {', '.join(facts['weak'])}.")
    return " ".join(parts)


def write_report(metrics: dict, folder, y_true: np.ndarray, y_pred: np.ndarray) -> None:
    """As the official trainer: ``classification_report.csv``, ``metrics.txt``, ``CM_abs.png``/``CM_norm.png``;
    plus ``metrics.json`` (everything above, read by QGIS)."""
    import json
    from pathlib import Path

    folder = Path(folder)
    _classification_report(metrics["classes"], y_true, y_pred).to_csv(folder / "classification_report.csv")
    text = [
        "Test results (Torch head):",
        f"OA: {round(metrics['overall_accuracy'], 3)}",
        f"Macro F1: {round(metrics['macro_f1'], 3)}",
        f"Macro Precision: {round(metrics['macro_precision'], 3)}",
        f"Macro Recall: {round(metrics['macro_recall'], 3)}",
    ]
    (folder / "metrics.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    cm = np.asarray(metrics["confusion_matrix"], dtype=float)
    _plot(cm, metrics["classes"], False, folder / "CM_abs.png")
    _plot(cm, metrics["classes"], True, folder / "CM_norm.png")
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")


def _classification_report(classes: Sequence[str], y_true: np.ndarray, y_pred: np.ndarray):
    """sklearn's report of the classes present in truth or prediction, as the official CSV (rounded to 2)."""
    import pandas as pd
    from sklearn.metrics import classification_report

    present = np.unique(np.concatenate([y_true, y_pred]))
    report = classification_report(y_true, y_pred, labels=present, target_names=[classes[i] for i in present],
                                   output_dict=True, zero_division=0)
    frame = pd.DataFrame(report).transpose().reset_index().round(2)
    frame.columns = pd.Index(["class", "precision", "recall", "f1-score", "support"])
    return frame


def _plot(cm: np.ndarray, classes: Sequence[str], normalize: bool, path) -> None:
    """Confusion matrix heat map (rows = target, columns = predicted), percentages per target when normalised."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    totals = cm.sum(axis=1, keepdims=True)
    values = np.divide(cm, totals, out=np.zeros_like(cm), where=totals > 0) * 100 if normalize else cm
    size = max(6, 0.7 * len(classes) + 3)
    fig, ax = plt.subplots(figsize=(size + 1, size))
    image = ax.imshow(values, cmap="viridis", vmin=0, vmax=100 if normalize else None)
    fig.colorbar(image, ax=ax, fraction=0.046)
    for (i, j), v in np.ndenumerate(values):
        if v > 0:
            ax.text(j, i, f"{v:.1f}%" if normalize else f"{int(v)}", ha="center", va="center",
                    color="white" if v < values.max() / 2 else "black", fontsize=9)
    ax.set_xticks(range(len(classes)), labels=list(classes), rotation=90)
    ax.set_yticks(range(len(classes)), labels=list(classes))
    ax.set_xlabel("Predicted")
    ax.set_ylabel("Target")
    ax.set_title("Confusion Matrix (Normalized)" if normalize else "Confusion Matrix (Absolute)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
