"""Check first, build later (issue #17 item 5): everything knowable about training inputs, in seconds.

Runs on the QGIS side (a task, or Processing's thread) BEFORE the training environment is built: the files
are read, their format and time step found, dekads composited and legacy wide tables converted into one
monthly long file (``extraction_formats``); then the season coverage and the library's sample filters are
counted. A bad input is refused here with one sentence; a good one yields the lines the log and the result
dialog show, and the normalised file the training subprocess reads. Pure Python (pyarrow, numpy).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from . import extraction_formats as ef
from . import quality_filters as qf
from .errors import InputError

NORMALISED_NAME = "normalised-samples.parquet"
# The alignment choices live in alignments.py (no numpy): Processing reads them at QGIS start-up (#21).
from .alignments import ALIGNMENT_LABELS, ALIGNMENTS, DEFAULT_ALIGNMENT  # noqa: E402,F401


@dataclass
class InputCheck:
    """What was found in the user's extraction files; ``lines()`` is what the user reads."""

    path: Path
    reports: list = field(default_factory=list)
    samples: int = 0
    in_season: int = 0
    usable: int = 0
    filters: list = field(default_factory=list)

    def lines(self) -> list:
        out = [report.sentence() for report in self.reports]
        out.append(f"{self.in_season} of {self.samples} samples have their valid_time inside the season.")
        out.extend(f.sentence for f in self.filters)
        return out

    def as_dict(self) -> dict:
        """For the job file and metrics.json (what the result dialog shows)."""
        return {"files": [r.sentence() for r in self.reports], "samples": self.samples,
                "in_season": self.in_season, "usable": self.usable,
                "filters": {f.name: f.removed for f in self.filters}}


def check_training_inputs(paths, out_dir: Path, season_start: date, season_end: date,
                          keep_zero_quality: bool = False) -> InputCheck:
    """Normalise ``paths`` into ``out_dir/normalised-samples.parquet`` and count; InputError when nothing is left."""
    table, reports = ef.normalise_files(paths, Path(out_dir) / NORMALISED_NAME)
    first = _first_rows(table)
    valid_ym = _ym(first.column("valid_time"))
    months = _season_months(season_start, season_end)
    inside = np.isin(valid_ym % 12 + 1, months) & (valid_ym >= 0)
    columns = {c: first.column(c).to_numpy(zero_copy_only=False)[inside]
               for c in (*qf.SCORE_COLUMNS, qf.OUTLIER_FLAG) if c in first.column_names}
    filters = qf.count_filters(columns, keep_zero_quality)
    usable = int(qf.kept_after(columns, keep_zero_quality).sum()) if columns else int(inside.sum())
    check = InputCheck(path=Path(out_dir) / NORMALISED_NAME, reports=reports, samples=first.num_rows,
                       in_season=int(inside.sum()), usable=usable, filters=filters)
    if check.in_season == 0:
        raise InputError(f"None of the {check.samples} samples has a valid_time inside the season "
                         f"{season_start:%b %Y} - {season_end:%b %Y}; pick the season the labels were observed in.",
                         field="SEASON_START")
    if usable == 0:
        raise InputError(f"All {check.in_season} samples in the season have quality scores 0 "
                         f"({', '.join(c for c in qf.SCORE_COLUMNS if c in columns)}), and the training filters drop "
                         "them; choose to keep such samples if you trust these labels.", field="SAMPLES")
    return check


def _first_rows(table):
    import pyarrow as pa

    ids = np.asarray(table.column("sample_id").cast(pa.string()).to_numpy(zero_copy_only=False), dtype=object)
    first = np.unique(ids.astype(str), return_index=True)[1]
    return table.take(pa.array(first))


def _ym(column) -> np.ndarray:
    """year*12+month-1 of each value, -1 where unreadable."""
    days = ef.as_days(column)  # the same date reading as the normalisation
    ym = days.astype("datetime64[M]").astype(np.int64) + 1970 * 12
    return np.where(np.isnat(days), -1, ym)


def _season_months(start: date, end: date) -> list:
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    if not 1 <= count <= 12:
        raise InputError("The season must span 1 to 12 whole months, its start before its end.", field="SEASON_END")
    return [(start.month - 1 + k) % 12 + 1 for k in range(count)]
