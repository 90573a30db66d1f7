"""Training classes from an EWOC crop hierarchy: sample counts, the class tree, and the user's ticks as parameters.

Why this exists: ``worldcereal:train_croptype_model`` takes classes as names of a class mapping
(``class_mappings.json``), merges as ``old=new`` pairs, and turns every unselected class into ``other``. The
class picker shows those classes as the EWOC hierarchy (a class sits under the class holding the EWOC parent
codes of all its codes, top-level classes under their EWOC level-1 group, e.g. ``temporary_crops``) with the
number of samples the training would see, and turns ticks into exactly those parameters. The samples are read
and counted as the training counts them in ``class_samples.py``. No Qt here: the GUI is ``gui/class_picker.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from .errors import InputError

OTHER = "other"
IGNORED = ("ignore", "remove")  # as training/classes.py: samples of these classes are left out
RESERVED = (OTHER, *IGNORED)
MIN_SAMPLES = 10  # training/classes.py drops smaller classes before its stratified split
RECOMMENDED_SAMPLES = 30
NUM_TIMESTEPS = 12
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


# -- samples: read and counted in class_samples.py (re-exported here for the picker) ------------------------
from .class_samples import RawSamples, SampleSet, apply_season, read_samples  # noqa: E402,F401


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
    return [n for r in roots for n in r.walk() if n.key in keys and n.selectable and not covered(n, keys)]


def covered(node: Node, keys: set) -> bool:
    """Whether an ancestor of ``node`` is among ``keys`` (ticked): its samples train as that ancestor's class."""
    parent = node.parent
    while parent is not None:
        if parent.key in keys:
            return True
        parent = parent.parent
    return False


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
