"""The assessment as files people read and tools chain: an HTML report with inline SVG plots, CSV tables, JSON.

Why inline SVG written here: the report must open in any browser and in the plugin's dialog without matplotlib
(QGIS does not always ship it). Files are written atomically (temp file + rename), so a reader never sees half.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .estimators import Z95, Assessment

_BAR_MAPPED = "#9e9e9e"
_BAR_ESTIMATED = "#e0181c"


def accuracy_rows(a: Assessment) -> list[dict]:
    """Rows of the ACCURACY table: class, users, users_ci, producers, producers_ci (95 % half-widths)."""
    return [{"class": c, "users": _num(a.users[i]), "users_ci": _num(Z95 * a.users_se[i]),
             "producers": _num(a.producers[i]), "producers_ci": _num(Z95 * a.producers_se[i])}
            for i, c in enumerate(a.classes)]


def area_rows(a: Assessment, ha_per_unit: float) -> list[dict]:
    """Rows of the AREAS table: class, mapped_ha, estimated_ha, estimated_ci_ha."""
    return [{"class": c, "mapped_ha": _num(a.mapped_area[i] * ha_per_unit),
             "estimated_ha": _num(a.estimated_area[i] * ha_per_unit),
             "estimated_ci_ha": _num(a.estimated_area_ci[i] * ha_per_unit)} for i, c in enumerate(a.classes)]


def write_csv(path: str | Path, rows: Sequence[dict]) -> Path:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return write_text(path, buffer.getvalue())


def assessment_json(a: Assessment, *, method: str, ha_per_unit: float, map_path: str = "") -> dict:
    """What crop_area_statistics needs to adjust per-unit areas: conditional proportions and row sample sizes."""
    n_row = a.counts.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        conditional = np.where(n_row[:, None] > 0, a.counts / np.where(n_row > 0, n_row, 1)[:, None], np.nan)
    return {"classes": list(a.classes), "counts": a.counts.tolist(), "conditional": _clean(conditional),
            "method": method, "ha_per_unit": ha_per_unit, "map": map_path,
            "overall_accuracy": a.overall, "overall_accuracy_ci": a.overall_ci}


def write_json(path: str | Path, data: dict) -> Path:
    return write_text(path, json.dumps(data, indent=1))


def html_report(a: Assessment, *, title: str, method: str, ha_per_unit: float, notes: Sequence[str] = ()) -> str:
    """A self-contained HTML page: summary, area plot, matrices and tables, and every caveat in words."""
    areas = area_rows(a, ha_per_unit)
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;margin:.5em 0}"
        "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f2f2f2}"
        ".note{color:#8a4b00}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>Method: {html.escape(method)}. Overall accuracy {a.overall:.3f} &plusmn; {a.overall_ci:.3f} "
        f"(95 % confidence interval), from {int(a.counts.sum())} labelled sample points.</p>",
    ]
    parts += [f"<p class='note'>{html.escape(n)}</p>" for n in notes]
    parts += ["<h2>Area per class (ha)</h2>", area_svg(areas), _table(areas),
              "<h2>Accuracy</h2>", _table(accuracy_rows(a)),
              "<h2>Error matrix: sample counts</h2>", _matrix_table(a.classes, a.counts, "{:.0f}"),
              "<h2>Error matrix: estimated area proportions</h2>", matrix_svg(a.classes, a.proportions),
              _matrix_table(a.classes, a.proportions, "{:.4f}"),
              "<p>Rows are map classes, columns reference classes. Estimators: Olofsson et al. (2014) when the "
              "strata are the map classes, Stehman (2014) otherwise.</p></body></html>"]
    return "\n".join(parts)


def area_svg(rows: Sequence[dict], width: int = 640) -> str:
    """Horizontal bars: mapped area (grey) and estimated area (red) with its 95 % interval as a whisker."""
    height = 30 + 34 * len(rows)
    top = max([max(r["mapped_ha"] or 0, (r["estimated_ha"] or 0) + (r["estimated_ci_ha"] or 0)) for r in rows]
              + [1.0])
    left, right = 150, width - 20
    scale = (right - left) / top
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' font-size='11'>"]
    for i, r in enumerate(rows):
        y = 10 + 34 * i
        mapped, est, ci = r["mapped_ha"] or 0, r["estimated_ha"] or 0, r["estimated_ci_ha"] or 0
        out.append(f"<text x='{left - 6}' y='{y + 16}' text-anchor='end'>{html.escape(str(r['class']))}</text>")
        out.append(f"<rect x='{left}' y='{y}' width='{mapped * scale:.1f}' height='12' fill='{_BAR_MAPPED}'/>")
        out.append(f"<rect x='{left}' y='{y + 13}' width='{est * scale:.1f}' height='12' fill='{_BAR_ESTIMATED}'/>")
        lo, hi = left + max(est - ci, 0) * scale, left + (est + ci) * scale
        out.append(f"<line x1='{lo:.1f}' x2='{hi:.1f}' y1='{y + 19}' y2='{y + 19}' stroke='black'/>")
        for xx in (lo, hi):
            out.append(f"<line x1='{xx:.1f}' x2='{xx:.1f}' y1='{y + 14}' y2='{y + 24}' stroke='black'/>")
    legend_y = height - 8
    out.append(f"<rect x='{left}' y='{legend_y - 9}' width='10' height='10' fill='{_BAR_MAPPED}'/>"
               f"<text x='{left + 14}' y='{legend_y}'>mapped (pixel count)</text>"
               f"<rect x='{left + 150}' y='{legend_y - 9}' width='10' height='10' fill='{_BAR_ESTIMATED}'/>"
               f"<text x='{left + 164}' y='{legend_y}'>estimated, with 95 % interval</text>")
    out.append("</svg>")
    return "".join(out)


def matrix_svg(classes: Sequence[str], values: np.ndarray, cell: int = 44) -> str:
    """The area-proportion matrix as a heat map (darker = larger share), rows map, columns reference."""
    k = len(classes)
    pad = 120
    size = pad + cell * k + 10
    peak = float(np.nanmax(values)) if values.size and np.nanmax(values) > 0 else 1.0
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}' font-size='10'>"]
    for i, name in enumerate(classes):
        out.append(f"<text x='{pad - 4}' y='{pad + cell * i + cell / 2 + 3}' text-anchor='end'>"
                   f"{html.escape(name)}</text>")
        out.append(f"<text transform='translate({pad + cell * i + cell / 2 + 3},{pad - 4}) rotate(-60)'>"
                   f"{html.escape(name)}</text>")
        for j in range(k):
            v = float(values[i, j])
            shade = int(255 - 200 * (v / peak if math.isfinite(v) else 0))
            colour = "#2e7d32" if i == j else "#c62828"
            out.append(f"<rect x='{pad + cell * j}' y='{pad + cell * i}' width='{cell - 1}' height='{cell - 1}' "
                       f"fill='{colour}' fill-opacity='{(255 - shade) / 255:.2f}'/>")
            out.append(f"<text x='{pad + cell * j + cell / 2}' y='{pad + cell * i + cell / 2 + 3}' "
                       f"text-anchor='middle'>{v:.3f}</text>")
    out.append("</svg>")
    return "".join(out)


def write_text(path: str | Path, text: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _table(rows: Sequence[dict]) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{html.escape(k)}</th>" for k in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{_fmt(v)}</td>" for v in r.values()) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _matrix_table(classes: Sequence[str], values: np.ndarray, fmt: str) -> str:
    head = "<th>map \\ reference</th>" + "".join(f"<th>{html.escape(c)}</th>" for c in classes)
    body = "".join(f"<tr><th>{html.escape(c)}</th>" + "".join(f"<td>{fmt.format(v)}</td>" for v in values[i])
                   + "</tr>" for i, c in enumerate(classes))
    return f"<table><tr>{head}</tr>{body}</table>"


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    return "" if value is None else html.escape(str(value))


def _num(value) -> float | None:
    value = float(value)
    return value if math.isfinite(value) else None


def _clean(matrix: np.ndarray) -> list[list[float | None]]:
    return [[_num(v) for v in row] for row in matrix]
