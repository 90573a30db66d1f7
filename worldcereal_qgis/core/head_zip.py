"""Check a crop-type head zip the way WorldCereal's inference UDF reads it, before anything is uploaded.

Mirrors ``load_model_artifact`` / ``_backbone_fingerprint_from_artifact`` / ``_validate_backbone_override`` /
``_select_head_spec`` / ``resolve_checkpoint_path`` (worldcereal-classification, src/worldcereal/openeo/
inference.py, utils/models.py): ``config.json`` at the zip root, a backbone fingerprint equal to the base
seasonal model's (SHA-256 of its encoder checkpoint), a ``croptype`` head with class names, and the head
checkpoint inside the zip. A job with a bad head fails only after it has started on the backend (and
spent credits); here it fails at once with the reason. Plain Python (zipfile + json).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .errors import InputError
from .head_weights import check_head_weights, is_zip_checkpoint

HEAD_TYPES = ("linear", "mlp")


@dataclass(frozen=True)
class HeadInfo:
    """What the plugin needs from a valid head zip."""

    path: Path
    class_names: tuple
    fingerprint: str
    season_id: str
    head_type: str
    name: str
    season_window: Optional[tuple] = None
    seasonal_model_zip: Optional[str] = None


def checkpoint_fingerprint(path: Path) -> str:
    """SHA-256 of an encoder checkpoint file (the fingerprint a head must carry)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_head_zip(path: Path, expected_fingerprint: Optional[str] = None) -> HeadInfo:
    """The head's facts, or InputError naming the first problem found (one sentence)."""
    path = Path(path)
    name = path.name
    if path.suffix.lower() != ".zip":
        raise InputError(f"{name} is not a .zip file; a custom crop-type model is a zip.", field="model")
    try:
        with zipfile.ZipFile(path) as archive:
            members = set(archive.namelist())
            manifest = _manifest(archive, members, name)
            head = _croptype_head(manifest, name)
            fingerprint = _fingerprint(manifest, name, expected_fingerprint)
            member = _checkpoint(manifest, members, name)
            weights = archive.read(member)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{name} is not a readable zip file ({exc}).", field="model") from exc
    if is_zip_checkpoint(weights):  # its tensors must fit the manifest's classes (head_weights)
        check_head_weights(weights, member, name, len(head["class_names"]))
    experiment = manifest.get("experiment") or {}
    season_id = experiment.get("season_id")
    if not season_id:
        raise InputError(f"The manifest of {name} has no experiment.season_id.", field="model")
    window = experiment.get("season_window")
    return HeadInfo(
        path=path, class_names=tuple(head["class_names"]), fingerprint=fingerprint, season_id=str(season_id),
        head_type=head.get("head_type", "linear"), name=str(experiment.get("name") or path.stem),
        season_window=tuple(window) if window else None, seasonal_model_zip=experiment.get("seasonal_model_zip"),
    )


def _manifest(archive: zipfile.ZipFile, members: set, name: str) -> dict:
    if "config.json" not in members:
        raise InputError(f"{name} has no config.json manifest at its root.", field="model")
    try:
        manifest = json.loads(archive.read("config.json").decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"The config.json in {name} is not valid JSON.", field="model") from exc
    if not isinstance(manifest, dict):
        raise InputError(f"The config.json in {name} is not a JSON object.", field="model")
    for key in ("schema_version", "backbone", "heads", "artifacts"):
        if key not in manifest:
            raise InputError(f"The manifest of {name} is missing the key {key!r}.", field="model")
    return manifest


def _croptype_head(manifest: dict, name: str) -> dict:
    heads = manifest.get("heads")
    if not isinstance(heads, list):
        raise InputError(f"The manifest of {name} has no list of heads.", field="model")
    head = next((h for h in heads if isinstance(h, dict) and h.get("task") == "croptype"), None)
    if head is None:
        raise InputError(f"The manifest of {name} defines no 'croptype' head.", field="model")
    classes = head.get("class_names")
    if not isinstance(classes, list) or len(classes) < 2:
        raise InputError(f"The crop-type head in {name} lists fewer than 2 class_names.", field="model")
    if not all(isinstance(c, str) and c for c in classes) or len(set(classes)) != len(classes):
        raise InputError(f"The class_names in {name} must be distinct, non-empty names.", field="model")
    if "num_classes" in head and head["num_classes"] != len(classes):
        raise InputError(
            f"The crop-type head in {name} says num_classes={head['num_classes']} but lists {len(classes)} "
            "class_names.", field="model")
    if head.get("head_type", "linear") not in HEAD_TYPES:
        raise InputError(f"The head_type {head.get('head_type')!r} in {name} is not linear or mlp.", field="model")
    return head


def _fingerprint(manifest: dict, name: str, expected: Optional[str]) -> str:
    backbone = manifest.get("backbone") or {}
    fingerprint = backbone.get("fingerprint") if isinstance(backbone, dict) else None
    if not fingerprint:
        raise InputError(f"The manifest of {name} has no backbone fingerprint.", field="model")
    if expected and fingerprint != expected:
        raise InputError(
            f"{name} was trained on another Presto backbone (fingerprint {fingerprint[:12]}..., this seasonal "
            f"model has {expected[:12]}...): the crop-type job would refuse it.", field="model")
    return str(fingerprint)


def _checkpoint(manifest: dict, members: set, name: str) -> str:
    """The head weights the UDF will load: checkpoints.head (or full/model), else the only .pt."""
    checkpoints = (manifest.get("artifacts") or {}).get("checkpoints") or {}
    for key in ("head", "full", "model"):
        if checkpoints.get(key) in members:
            return checkpoints[key]
    pt_files = [m for m in members if m.endswith(".pt") and "/" not in m]
    if len(pt_files) != 1:
        declared = checkpoints.get("head")
        what = f"its declared head checkpoint {declared}" if declared else "exactly one .pt head checkpoint"
        raise InputError(f"{name} does not contain {what}.", field="model")
    return pt_files[0]
