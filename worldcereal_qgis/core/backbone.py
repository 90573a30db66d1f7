"""The Presto backbone a custom head is trained on: the ``encoder_only`` checkpoint of a seasonal model zip.

Mirrors ``resolve_seasonal_encoder`` (worldcereal-classification, src/worldcereal/train/backbone.py and
utils/models.py): the seasonal model zip is downloaded once into a cache (named by a hash of its URL),
extracted once, its ``config.json`` must declare ``artifacts.checkpoints.encoder_only``, and the fingerprint
is the manifest's ``backbone.fingerprint`` or else the SHA-256 of that checkpoint. A head trained on it carries
that fingerprint; the crop-type job refuses a head whose fingerprint differs from its seasonal model's.
A plain ``.pt`` file is taken as the encoder itself (fingerprint = its SHA-256). Plain Python.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import DependencyError, InputError
from .head_zip import checkpoint_fingerprint

CHUNK = 1 << 20


@dataclass(frozen=True)
class Backbone:
    checkpoint: Path  # the encoder_only state dict (loads strictly into prometheo's Presto)
    fingerprint: str
    source: str  # the seasonal model zip (URL or path), or the .pt file


def resolve_encoder(source: str, cache_root: Path,
                    is_cancelled: Callable[[], bool] = lambda: False) -> Backbone:
    """The encoder checkpoint and fingerprint of a seasonal model zip (URL or file) or of a ``.pt`` file."""
    source = str(source).strip()
    if source.lower().endswith(".pt"):
        path = Path(source)
        if not path.is_file():
            raise InputError(f"The encoder checkpoint {path} does not exist.", field="encoder")
        return Backbone(checkpoint=path, fingerprint=checkpoint_fingerprint(path), source=source)
    folder = _extracted(_downloaded(source, Path(cache_root), is_cancelled), Path(cache_root), source)
    return _from_manifest(folder, source)


def _slug(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def _downloaded(source: str, cache_root: Path, is_cancelled: Callable[[], bool]) -> Path:
    if urllib.parse.urlparse(source).scheme not in ("http", "https"):
        path = Path(source)
        if not path.is_file():
            raise InputError(f"The seasonal model {path} does not exist.", field="seasonal_model_zip")
        return path
    target = cache_root / "downloads" / f"{_slug(source)}.zip"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    try:
        with urllib.request.urlopen(source, timeout=60) as response, open(partial, "wb") as out:  # noqa: S310
            for chunk in iter(lambda: response.read(CHUNK), b""):
                if is_cancelled():
                    raise InputError("Downloading the seasonal model was cancelled.")
                out.write(chunk)
    except (OSError, urllib.error.URLError) as exc:
        partial.unlink(missing_ok=True)
        reason = getattr(exc, "reason", None) or exc
        raise DependencyError(f"The seasonal model could not be downloaded from {source} ({reason}).") from exc
    partial.replace(target)
    return target


def _extracted(zip_path: Path, cache_root: Path, source: str) -> Path:
    folder = cache_root / "extracted" / _slug(source)
    if folder.is_dir():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent))
    try:
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(tmp)
        tmp.rename(folder)
    except (zipfile.BadZipFile, OSError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise InputError(f"The seasonal model {zip_path.name} is not a readable zip file.",
                         field="seasonal_model_zip") from exc
    return folder


def _from_manifest(folder: Path, source: str) -> Backbone:
    name = Path(urllib.parse.urlparse(source).path).name or source
    try:
        manifest = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"The seasonal model {name} has no readable config.json manifest.",
                         field="seasonal_model_zip") from exc
    relative = ((manifest.get("artifacts") or {}).get("checkpoints") or {}).get("encoder_only")
    if not relative or not (folder / relative).is_file():
        raise InputError(f"The seasonal model {name} has no encoder_only checkpoint in its manifest.",
                         field="seasonal_model_zip")
    checkpoint = folder / relative
    fingerprint = (manifest.get("backbone") or {}).get("fingerprint") or checkpoint_fingerprint(checkpoint)
    return Backbone(checkpoint=checkpoint, fingerprint=str(fingerprint), source=source)
