"""Reference data that is not harmonised yet (field mapping onto the RDM columns) and sample selection.

Why here and not in validation: mapping and selection are the user's choices around a validated table; the
library's selection rules (extract flag, all, cap per H3 level-3 cell and class) are reproduced exactly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DependencyError, InputError
from .reference_io import RawTable, text_values

SELECTION_MODES = ("extract", "all", "h3_cap")
H3_RESOLUTION = 3
_H3_CELL = re.compile(r"^[0-9a-f]{15}$")


def load_class_mappings(path: str | Path) -> dict[str, dict[str, str]]:
    """``{mapping name: {EWOC code: class name}}``; InputError (one sentence) for a file that is not that."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as err:
        raise InputError(f"The class mappings file {path} cannot be read ({err.strerror or err}).",
                         field="class_mappings") from err
    except ValueError as err:  # JSONDecodeError and undecodable bytes
        where = f" (line {err.lineno})" if isinstance(err, json.JSONDecodeError) else ""
        raise InputError(f"The class mappings file {path} is not JSON{where}; use a class_mappings.json such as "
                         "WorldCereal's.", field="class_mappings") from err
    if not isinstance(data, dict) or not all(isinstance(m, dict) for m in data.values()):
        raise InputError(f"The class mappings file {path} must map names to {{EWOC code: class}} tables, like "
                         "WorldCereal's class_mappings.json.", field="class_mappings")
    return data


def legend_codes(class_mappings: dict[str, dict[str, str]]) -> set[int]:
    """Every EWOC code the class mappings know (the legend the models were trained on)."""
    return {int(code) for mapping in class_mappings.values() for code in mapping}


def class_name_codes(class_mappings: dict[str, dict[str, str]]) -> dict[str, int]:
    """Class name -> its most general EWOC code (most trailing zeros, then smallest): 'maize' -> 1101060000."""
    candidates: dict[str, set[int]] = {}
    for mapping in class_mappings.values():
        for code, name in mapping.items():
            if name not in ("ignore", "") and int(code) > 0:
                candidates.setdefault(name.lower(), set()).add(int(code))
    return {name: min(codes, key=lambda c: (-_trailing_zeros(c), c)) for name, codes in candidates.items()}


def _trailing_zeros(code: int) -> int:
    text = str(code)
    return len(text) - len(text.rstrip("0"))


@dataclass(frozen=True)
class FieldMapping:
    """How a user's own layer maps onto the harmonised format (the columns the RDM would have produced)."""

    label: str                       # column with the crop label: a class name or an EWOC code
    ref_id: str                      # data set id, must start with the year, e.g. "2022_BEL_MYFIELDS_POINT_110"
    date: str | None = None          # column with the observation date
    fixed_date: str | None = None    # ...or one date for all rows (YYYY-MM-DD)
    sample_id: str | None = None     # column with a unique id; default: "<ref_id>_<row>"
    label_codes: dict[str, int] = field(default_factory=dict)  # explicit label -> EWOC code (wins)
    quality_score_lc: int = 100
    quality_score_ct: int = 100
    irrigation_status: int = 0
    extract: int = 1


def apply_field_mapping(raw: RawTable, mapping: FieldMapping,
                        class_mappings: dict[str, dict[str, str]]) -> tuple[RawTable, dict[str, int]]:
    """A harmonised RawTable and the labels that have no EWOC code ({label: rows}); validation flags those rows."""
    import pandas as pd
    frame = raw.frame
    for column in (mapping.label, mapping.date, mapping.sample_id):
        if column and column not in frame.columns:
            raise InputError(f"The layer has no column '{column}'.", field="field_mapping")
    if not (mapping.date or mapping.fixed_date):
        raise InputError("Choose the date column or give one date for all samples.", field="field_mapping")
    labels = text_values(frame[mapping.label])
    codes, unmapped = _label_codes(labels, mapping, class_name_codes(class_mappings))
    out = pd.DataFrame({
        "sample_id": (text_values(frame[mapping.sample_id]) if mapping.sample_id
                      else [f"{mapping.ref_id}_{i + 1}" for i in range(len(frame))]),
        "ewoc_code": codes,
        "valid_time": text_values(frame[mapping.date]) if mapping.date else mapping.fixed_date,
        "irrigation_status": mapping.irrigation_status,
        "quality_score_lc": mapping.quality_score_lc,
        "quality_score_ct": mapping.quality_score_ct,
        "extract": mapping.extract,
        "h3_l3_cell": "",
        "ref_id": mapping.ref_id,
        "geometry": frame["geometry"].to_numpy(),
    })
    return RawTable(out, raw.crs, mapping.ref_id), unmapped


def _label_codes(labels, mapping: FieldMapping, by_name: dict[str, int]) -> tuple[list, dict[str, int]]:
    explicit = {str(k).strip().lower(): int(v) for k, v in mapping.label_codes.items()}
    codes, unmapped = [], {}
    for label in labels.tolist():
        key = label.lower()
        code = explicit.get(key)
        if code is None and key.isdigit() and len(key) == 10:
            code = int(key)
        if code is None:
            code = by_name.get(key) or by_name.get(key.replace(" ", "_"))
        if code is None:
            unmapped[label] = unmapped.get(label, 0) + 1
        codes.append(code)
    return codes, unmapped


def is_h3_l3_cell(cell: str) -> bool:
    """H3 index bits: mode 1 (cell) and resolution 3; no h3 package needed."""
    if not _H3_CELL.match(cell):
        return False
    value = int(cell, 16)
    return (value >> 59) & 0xF == 1 and (value >> 52) & 0xF == H3_RESOLUTION


def fill_h3_cells(samples) -> Any:
    """Compute missing h3_l3_cell ids from the points (needs the optional 'h3' package)."""
    empty = samples["h3_l3_cell"].eq("")
    if not empty.any():
        return samples
    h3 = _h3()
    out = samples.copy()
    out.loc[empty, "h3_l3_cell"] = [h3.latlng_to_cell(lat, lon, H3_RESOLUTION)
                                    for lon, lat in zip(out.loc[empty, "lon"], out.loc[empty, "lat"])]
    return out


def _h3():
    try:
        import h3
    except ImportError as err:
        raise DependencyError("The cap per H3 cell needs the Python package 'h3' (pip install h3); "
                              "choose 'extract flag' or 'all samples' instead.") from err
    return h3


# -- sample selection ---------------------------------------------------------------------------------------------


def select_samples(samples, mode: str = "extract", *, extract_value: int = 1, cap: int | None = None,
                   seed: int = 0) -> Any:
    """The library's choices: ``extract >= extract_value`` (RDM subset), all samples, or a cap per H3 cell x class.

    For "all" and "h3_cap" the chosen rows get ``extract = 1`` (what the extraction app writes).
    """
    if mode == "extract":
        return samples[samples["extract"] >= extract_value].reset_index(drop=True)
    if mode == "all":
        return samples.assign(extract=1).reset_index(drop=True)
    if mode != "h3_cap":
        raise InputError(f"Unknown sample selection '{mode}'; use one of {', '.join(SELECTION_MODES)}.",
                         field="selection")
    if not cap or cap < 1:
        raise InputError("Give the maximum number of samples per H3 cell and class (1 or more).", field="cap")
    filled = fill_h3_cells(samples)
    shuffled = filled.sample(frac=1.0, random_state=seed)
    chosen = shuffled.groupby(["h3_l3_cell", "ewoc_code"], sort=False).head(cap).index
    return filled.loc[sorted(chosen)].assign(extract=1).reset_index(drop=True)
