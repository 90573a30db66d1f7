"""Training classes from an EWOC crop hierarchy: sample counts, the class tree, and the user's ticks as parameters.

Why this exists: ``worldcereal:train_croptype_model`` takes classes as names of a class mapping
(``class_mappings.json``), merges as ``old=new`` pairs, and turns every unselected class into ``other``. The
class picker shows those classes as the EWOC hierarchy (a class sits under the class holding the EWOC parent
codes of all its codes, top-level classes under their EWOC level-1 group, e.g. ``temporary_crops``) with the
number of samples the training would see, and turns ticks into exactly those parameters. Counting follows the
training's own rules (``training/samples.py``: one sample per ``sample_id``, ``valid_time`` month in the
season window in some year, all 12 months of the processing period present) but reads only six columns with
pyarrow, so it runs in QGIS's Python. No Qt here: the GUI lives in ``gui/class_picker.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Optional

import numpy as np

from .errors import CancelledError, DependencyError, InputError

OTHER = "other"
IGNORED = ("ignore", "remove")  # as training/classes.py: samples of these classes are left out
RESERVED = (OTHER, *IGNORED)
MIN_SAMPLES = 10  # training/classes.py drops smaller classes before its stratified split
RECOMMENDED_SAMPLES = 30
NUM_TIMESTEPS = 12
COLUMNS = ("sample_id", "ewoc_code", "valid_time", "timestamp", "lon", "lat")
LEVEL_ENDS = (2, 4, 6, 9)  # EWOC code XX-YY-ZZ-AAA-B: digits closing each level above the last one
# Level 1 of the EWOC legend (WorldCereal_LC_CT_legend, first two digits of the code).
LEVEL1_NAMES = {
    "10": "cropland_unspecified", "11": "temporary_crops", "12": "permanent_crops", "14": "mixed_cropland",
    "15": "greenhouse_foil_film_indoor", "16": "non_cropland_incl_perennial", "17": "non_cropland_excl_perennial",
    "20": "non_cropland_herbaceous", "25": "non_cropland_mixed", "30": "shrubland", "40": "trees_unspecified",
    "41": "trees_broadleaved", "42": "trees_coniferous", "43": "trees_mixed", "50": "bare_sparsely_vegetated",
    "60": "built_up", "70": "open_water",
}


# -- EWOC codes ------------------------------------------------------------------------------------------------
def format_code(code: int) -> str:
    """``1101010001`` -> ``11-01-01-000-1``, the legend's own notation."""
    s = f"{int(code):010d}"
    return f"{s[:2]}-{s[2:4]}-{s[4:6]}-{s[6:9]}-{s[9]}"


def ancestors(code: int) -> list[int]:
    """Proper EWOC ancestors, nearest first (trailing levels zeroed): 1101010001 -> 1101010000, 1101000000, ..."""
    s = f"{int(code):010d}"
    found: list[int] = []
    for end in reversed(LEVEL_ENDS):
        parent = int(s[:end].ljust(10, "0"))
        if parent and parent != int(s) and parent not in found:
            found.append(parent)
    return found


def level1(code: int) -> str:
    return f"{int(code):010d}"[:2]


# -- seasons ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Season:
    """A season window in whole months (the training snaps its dates the same way)."""

    start: date
    end: date

    def months(self) -> list[tuple[int, int]]:
        """(year offset from the end year, month) of each window month, oldest first."""
        count = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        if not 1 <= count <= NUM_TIMESTEPS:
            raise InputError("The season must span 1 to 12 whole months, its start before its end.", field="season")
        end_index = self.end.year * 12 + self.end.month - 1
        return [((end_index - k) // 12 - self.end.year, (end_index - k) % 12 + 1) for k in reversed(range(count))]

    def parameters(self) -> dict:
        """SEASON_START/SEASON_END of the training algorithm: first and last day of the window's months."""
        from .dates import month_end

        return {"SEASON_START": self.start.replace(day=1).isoformat(), "SEASON_END": month_end(self.end).isoformat()}


def suggest_season(valid_months: Sequence[int]) -> Season:
    """Six months ending two months after the most common label month: labels are mostly observed mid-season."""
    ym = Counter(int(m) for m in valid_months if m >= 0).most_common(1)[0][0] + 2
    end = date(ym // 12, ym % 12 + 1, 1)
    first = ym - 5
    return Season(date(first // 12, first % 12 + 1, 1), end)


# -- samples ---------------------------------------------------------------------------------------------------
@dataclass
class RawSamples:
    """One entry per sample (first row of each ``sample_id``) plus the month index of every row."""

    sample_id: np.ndarray  # str objects
    code: np.ndarray  # int64, 0 when missing
    lon: np.ndarray
    lat: np.ndarray
    valid_ym: np.ndarray  # year*12+month-1 of valid_time, -1 when unreadable
    row_sample: np.ndarray  # sample index of every row
    row_ym: np.ndarray  # month index of every row's timestamp
    files: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.sample_id)


@dataclass
class SampleSet:
    """The samples as the training would see them for one season."""

    raw: RawSamples
    season: Optional[Season]
    kept: np.ndarray  # bool per sample: in the season with 12 complete months
    outside: int = 0  # valid_time outside the season
    incomplete: int = 0  # in the season but without all 12 months

    def code_counts(self) -> dict[int, int]:
        codes, counts = np.unique(self.raw.code[self.kept], return_counts=True)
        return {int(c): int(n) for c, n in zip(codes, counts)}


def read_samples(paths: Sequence[str], is_cancelled: Callable[[], bool] = lambda: False) -> RawSamples:
    """Read the label columns of every file (Parquet, GeoParquet or a partitioned folder); one sentence on error."""
    try:
        import pyarrow as pa
    except ImportError as err:
        raise DependencyError("Reading extractions needs the Python package 'pyarrow'; install it first.") from err
    if not paths:
        raise InputError("Choose at least one extractions file.", field="samples")
    tables = []
    for path in paths:
        if is_cancelled():
            raise CancelledError("Reading the samples was cancelled.")
        tables.append(_read_table(Path(path)))
    return _per_sample(pa.concat_tables(tables), tuple(str(p) for p in paths))


def _read_table(path: Path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not path.exists():
        raise InputError(f"The samples file {path} does not exist.", field="samples")
    try:
        names = pq.read_schema(str(path)).names if path.is_file() else pq.ParquetDataset(str(path)).schema.names
        missing = [c for c in COLUMNS if c not in names]
        if missing:
            raise InputError(f"{path.name} is not in WorldCereal's long extraction format: missing column(s) "
                             f"{', '.join(missing)}.", field="samples")
        table = pq.read_table(str(path), columns=list(COLUMNS))
    except (OSError, pa.ArrowException) as err:
        raise InputError(f"{path.name} is not a readable Parquet file.", field="samples") from err
    if table.num_rows == 0:
        raise InputError(f"{path.name} holds no samples.", field="samples")
    return table.select(list(COLUMNS)).cast(_schema())


def _schema():
    import pyarrow as pa

    return pa.schema([("sample_id", pa.string()), ("ewoc_code", pa.int64()), ("valid_time", pa.string()),
                      ("timestamp", pa.string()), ("lon", pa.float64()), ("lat", pa.float64())])


def _per_sample(table, files: tuple[str, ...]) -> RawSamples:
    unique, first, inverse = _sample_index(table["sample_id"])
    codes = table["ewoc_code"].fill_null(0).to_numpy()

    def column(name: str) -> np.ndarray:
        return table[name].to_numpy(zero_copy_only=False)

    return RawSamples(sample_id=unique, code=codes[first].astype(np.int64), lon=column("lon")[first].astype(float),
                      lat=column("lat")[first].astype(float), valid_ym=_month_index(table["valid_time"])[first],
                      row_sample=inverse.reshape(-1), row_ym=_month_index(table["timestamp"]), files=files)


def _sample_index(column) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What ``np.unique(ids, return_index=True, return_inverse=True)`` gives (sorted ids, first row of each, each
    row's position among them), computed in Arrow: numpy sorting 1.8 million Python strings (100,000 samples)
    held the GIL for seconds, and with it every Python timer of the GUI thread (#21)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column.fill_null("").combine_chunks())  # ids in order of first appearance
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    order = pc.sort_indices(encoded.dictionary).to_numpy(zero_copy_only=False).astype(np.int64)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    first_seen = np.empty(len(order), dtype=np.int64)
    first_seen[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)  # the last write, i.e. the first row, wins
    unique = np.asarray(encoded.dictionary.take(pa.array(order)).to_numpy(zero_copy_only=False), dtype=object)
    return unique, first_seen[order], rank[codes]


def _month_index(column) -> np.ndarray:
    """year*12+month-1 from ISO-like text (``2022-06-01``, ``2022-06-01 00:00:00``), -1 where unreadable."""
    import pyarrow.compute as pc

    text = pc.utf8_slice_codeunits(column, 0, 7)
    parsed = pc.strptime(text, format="%Y-%m", unit="s", error_is_null=True)
    ym = pc.add(pc.multiply(pc.year(parsed), 12), pc.subtract(pc.month(parsed), 1))
    return ym.fill_null(-1).to_numpy().astype(np.int64)


def apply_season(raw: RawSamples, season: Optional[Season]) -> SampleSet:
    """The training's alignment rule without the band data; no season keeps every sample."""
    if season is None:
        return SampleSet(raw, None, np.ones(len(raw), dtype=bool))
    window = season.months()
    end_index = season.end.year * 12 + season.end.month - 1
    offset_of_month = {month: year_off for year_off, month in window}
    valid_month = raw.valid_ym % 12 + 1
    offsets = np.array([offset_of_month.get(int(m), np.nan) for m in valid_month], dtype=float)
    in_season = (raw.valid_ym >= 0) & ~np.isnan(offsets)
    # the year whose season holds valid_time, then its 12-month processing period ending with the season
    shift = np.where(in_season, raw.valid_ym // 12 - (season.end.year + np.nan_to_num(offsets)), 0).astype(np.int64)
    target_end = shift * 12 + end_index
    step = raw.row_ym - (target_end[raw.row_sample] - (NUM_TIMESTEPS - 1))
    ok = (step >= 0) & (step < NUM_TIMESTEPS) & in_season[raw.row_sample] & (raw.row_ym >= 0)
    pairs = np.unique(raw.row_sample[ok] * NUM_TIMESTEPS + step[ok])
    months_present = np.bincount(pairs // NUM_TIMESTEPS, minlength=len(raw))
    complete = months_present == NUM_TIMESTEPS
    kept = in_season & complete
    return SampleSet(raw, season, kept, outside=int((~in_season).sum()), incomplete=int((in_season & ~complete).sum()))


# -- the class tree --------------------------------------------------------------------------------------------
@dataclass(eq=False)
class Node:
    """A group (EWOC level 1), a class of the mapping, or an EWOC code of a class (leaf, not selectable)."""

    key: str
    name: str
    kind: str  # "group" | "class" | "code"
    count: int = 0  # samples here and below
    children: list[Node] = field(default_factory=list)
    parent: Optional[Node] = None
    codes: tuple[int, ...] = ()  # own codes (class) or the code (leaf)

    @property
    def selectable(self) -> bool:
        return self.kind != "code"

    def walk(self) -> Iterable[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def classes(self) -> list[str]:
        """Mapping classes in this subtree."""
        return [n.name for n in self.walk() if n.kind == "class"]


def usable_mapping(mapping: Mapping[str, str]) -> dict[int, str]:
    """EWOC code -> class, without the classes the training leaves out."""
    return {int(code): name for code, name in mapping.items() if name and name not in IGNORED}


def build_tree(mapping: Mapping[str, str], counts: Mapping[int, int]) -> list[Node]:
    """Roots of the hierarchy of classes with samples; counts per node, children by count then name."""
    codes = usable_mapping(mapping)
    by_class: dict[str, list[int]] = {}
    for code, name in sorted(codes.items()):
        by_class.setdefault(name, []).append(code)
    nodes = {name: Node(f"class:{name}", name, "class", codes=tuple(c)) for name, c in by_class.items()}
    groups: dict[str, Node] = {}
    tops: list[Node] = []
    for name, node in nodes.items():
        parent = _parent_class(name, by_class[name], codes)
        holder = nodes[parent] if parent else _group(groups, by_class[name])
        node.parent = holder
        (holder.children if holder else tops).append(node)
        for code in node.codes:
            if counts.get(code, 0):
                node.children.append(Node(f"code:{code}", format_code(code), "code", counts[code], [], node, (code,)))
    tops += [_collapse(group) for group in groups.values()]
    return _finish(tops)


def _parent_class(name: str, own: list[int], codes: Mapping[int, str]) -> Optional[str]:
    """The class holding the nearest other-class EWOC ancestor of every one of ``own``, if it is one class."""
    parents = set()
    for code in own:
        nearest = next((codes[a] for a in ancestors(code) if a in codes and codes[a] != name), None)
        if nearest is None:
            return None
        parents.add(nearest)
    return parents.pop() if len(parents) == 1 else None


def _group(groups: dict[str, Node], own: list[int]) -> Optional[Node]:
    """The EWOC level-1 group holding all of the class's codes; None for a class across groups (top level)."""
    prefixes = {level1(c) for c in own}
    if len(prefixes) != 1:
        return None
    prefix = prefixes.pop()
    if prefix not in groups:
        groups[prefix] = Node(f"group:{prefix}", LEVEL1_NAMES.get(prefix, f"ewoc_{prefix}"), "group")
    return groups[prefix]


def _collapse(group: Node) -> Node:
    """A group holding only a class of the same name is that class."""
    if len(group.children) == 1 and group.children[0].name == group.name:
        only = group.children[0]
        only.parent = None
        return only
    return group


def _finish(tops: list[Node]) -> list[Node]:
    """Sum counts bottom-up, drop empty nodes, sort."""

    def total(node: Node) -> int:
        node.children = [c for c in node.children if total(c) > 0]
        node.children.sort(key=lambda c: (c.kind == "code", -c.count, c.name))  # classes, then own codes
        if node.kind != "code":
            node.count = sum(c.count for c in node.children)
        return node.count

    kept = [t for t in tops if total(t) > 0]
    for top in kept:
        top.parent = None
    return sorted(kept, key=lambda n: (-n.count, n.name))


# -- the user's choice -----------------------------------------------------------------------------------------
@dataclass
class ClassChoice:
    """What the ticks mean for the training: model classes, merges, counts, warnings, and why OK is off."""

    classes: list[str]  # output class names (without "other"), sorted
    merges: dict[str, str]  # mapping class -> output class, where they differ
    assignment: dict[str, str]  # every mapping class with samples -> output class or "other"
    counts: dict[str, int]  # output class (and "other") -> samples
    warnings: list[str]
    problem: Optional[str]  # None when training can start

    def model_classes(self) -> list[str]:
        """Classes in output-value order (alphabetical, "other" included when it has samples)."""
        return sorted(self.counts)

    def parameters(self) -> dict:
        """CLASSES / MERGES / KEEP_OTHER of worldcereal:train_croptype_model."""
        return {"CLASSES": ",".join(self.classes),
                "MERGES": ";".join(f"{old}={new}" for old, new in sorted(self.merges.items())), "KEEP_OTHER": True}


def selected_roots(roots: Sequence[Node], ticked: Iterable[str]) -> list[Node]:
    """Ticked nodes without a ticked ancestor: each becomes one model class."""
    keys = set(ticked)

    def covered(node: Node) -> bool:
        parent = node.parent
        while parent is not None:
            if parent.key in keys:
                return True
            parent = parent.parent
        return False

    return [n for r in roots for n in r.walk() if n.key in keys and n.selectable and not covered(n)]


def choose(roots: Sequence[Node], ticked: Iterable[str], renames: Optional[Mapping[str, str]] = None) -> ClassChoice:
    """Turn ticks (node keys) and renames (node key -> class name) into the training's class parameters."""
    renames = renames or {}
    assignment = {name: OTHER for r in roots for name in r.classes()}
    class_counts = {n.name: n.count - sum(c.count for c in n.children if c.kind == "class")
                    for r in roots for n in r.walk() if n.kind == "class"}
    output: dict[str, str] = {}
    for node in selected_roots(roots, ticked):
        name = (renames.get(node.key) or node.name).strip()
        output[node.key] = name
        for cls in node.classes():
            assignment[cls] = name
    counts: dict[str, int] = {}
    for cls, target in assignment.items():
        counts[target] = counts.get(target, 0) + class_counts.get(cls, 0)
    counts = {k: v for k, v in counts.items() if v > 0}
    classes = sorted(set(output.values()))
    merges = {cls: target for cls, target in assignment.items() if target != OTHER and target != cls}
    problem = _name_problem(output.values(), assignment) or _count_problem(classes, counts)
    return ClassChoice(classes, merges, assignment, counts, _warnings(counts), problem)


def _name_problem(names: Iterable[str], assignment: Mapping[str, str]) -> Optional[str]:
    for name in names:
        if not name:
            return "A class needs a name."
        if name in RESERVED:
            return f"'{name}' is reserved; give the class another name."
        if "," in name or ";" in name or "=" in name:
            return f"The class name '{name}' cannot hold ',', ';' or '='."
        if name in assignment and assignment[name] != name:  # would also catch that mapping class's samples
            return f"'{name}' is another class of the mapping; give the class another name."
    return None


def _count_problem(classes: Sequence[str], counts: Mapping[str, int]) -> Optional[str]:
    if not classes:
        return "Tick at least one class: everything is 'other' now, and a model needs 2 classes."
    usable = [name for name, n in counts.items() if n >= MIN_SAMPLES]
    if len(usable) < 2:
        have = ", ".join(f"{name} ({n})" for name, n in sorted(counts.items())) or "no samples"
        return (f"A model needs at least 2 classes with {MIN_SAMPLES} or more samples; "
                f"these ticks give {have}.")
    return None


def _warnings(counts: Mapping[str, int]) -> list[str]:
    lines = []
    dropped = sorted((name, n) for name, n in counts.items() if n < MIN_SAMPLES)
    if dropped:
        lines.append(f"Fewer than {MIN_SAMPLES} samples, so the training leaves them out: "
                     + ", ".join(f"{name} ({n})" for name, n in dropped) + ".")
    thin = sorted((name, n) for name, n in counts.items() if MIN_SAMPLES <= n < RECOMMENDED_SAMPLES)
    if thin:
        lines.append(f"Fewer than {RECOMMENDED_SAMPLES} samples, expect weak results: "
                     + ", ".join(f"{name} ({n})" for name, n in thin) + ".")
    return lines
