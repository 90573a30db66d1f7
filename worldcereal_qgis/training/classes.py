"""Class selection: EWOC codes -> crop classes -> the selected classes, the rest ``other``.

As in the custom-croptype notebook: a class mapping (``class_mappings.json``) names each EWOC code; the user
ticks classes; unselected ones become ``other`` (or are left out); optional merges rename classes. Classes
are sorted alphabetically later, and that order is the model's output value LUT.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Optional

import pandas as pd

from .protocol import TrainingInputError, warn

OTHER = "other"
IGNORED = ("ignore", "remove")
MIN_SAMPLES_PER_CLASS = 10  # the library drops smaller classes before its stratified split
RECOMMENDED_SAMPLES = 30


def assign_classes(
    codes: pd.Series,
    mapping: Optional[Mapping[str, str]],
    selected: Sequence[str],
    merges: Optional[Mapping[str, str]] = None,
    keep_other: bool = True,
) -> pd.Series:
    """The ``downstream_class`` of each sample; None for samples left out."""
    labels = codes.astype("int64").astype(str)
    if mapping is not None:
        labels = labels.map(lambda code: mapping.get(code))
    labels = labels.map(lambda name: None if _missing(name) else (merges or {}).get(name, name))
    chosen = {(merges or {}).get(name, name) for name in selected}
    if not chosen:
        raise TrainingInputError("Select at least one crop class to train.")

    def pick(name: Optional[str]) -> Optional[str]:
        if _missing(name) or name in IGNORED:
            return None
        if name in chosen:
            return name
        return OTHER if keep_other else None

    return labels.map(pick)


def check_counts(classes: pd.Series) -> pd.Series:
    """Drop classes under MIN_SAMPLES_PER_CLASS (with a warning); need two classes; warn under 30."""
    counts = classes.value_counts()
    small = counts[counts < MIN_SAMPLES_PER_CLASS]
    if len(small):
        listed = ", ".join(f"{name} ({n})" for name, n in small.items())
        warn(f"Left out classes with fewer than {MIN_SAMPLES_PER_CLASS} samples: {listed}.")
    kept = classes[classes.isin(counts[counts >= MIN_SAMPLES_PER_CLASS].index)]
    remaining = kept.value_counts()
    if len(remaining) < 2:
        have = ", ".join(f"{name} ({n})" for name, n in counts.items()) or "none"
        raise TrainingInputError(
            f"Training needs at least 2 classes with {MIN_SAMPLES_PER_CLASS} or more samples in the season; "
            f"found: {have}."
        )
    thin = remaining[remaining < RECOMMENDED_SAMPLES]
    if len(thin):
        listed = ", ".join(f"{name} ({n})" for name, n in thin.items())
        warn(f"Fewer than {RECOMMENDED_SAMPLES} samples for {listed}: expect weak results for these classes.")
    return kept


def _missing(name: object) -> bool:
    """None, NaN (pandas turns a None from ``map`` into NaN) or empty: no class for this code."""
    return name is None or name != name or name == ""
