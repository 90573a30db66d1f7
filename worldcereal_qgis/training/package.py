"""Head ``.pt`` + ``config.json`` manifest (schema_version 1, ``TorchTrainer._build_head_manifest``), zipped."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional


def fingerprint(path: str) -> str:
    """SHA-256 of the encoder checkpoint: the inference UDF refuses heads with another one."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def model_name(head_type: str, season_id: str, version: str = "") -> str:
    base = f"PrestoDownstreamTorchHead_{head_type}_croptype_{season_id}"
    return f"{base}_version-{version}" if version else base


def manifest(
    name: str, classes: Sequence[str], head_type: str, hidden_dim: int, dropout: float, season_id: str,
    backbone_fingerprint: str, extra: Optional[dict] = None,
) -> dict:
    head = {
        "name": "croptype",
        "task": "croptype",
        "task_type": "binary" if len(classes) == 2 else "multiclass",
        "num_classes": len(classes),
        "class_names": [str(c) for c in classes],
        "head_type": head_type,
        "hidden_dim": hidden_dim,
        "dropout": dropout if head_type == "mlp" else 0.0,
        "label_column": "downstream_class",
        "logits_attr": "season_logits",
        "state_dict_prefix": "head.crop_head",
        "replacement_contract": {
            "input_tensor": "season_embeddings", "output_attr": "season_logits", "expects_season_masks": True,
        },
        "gating": {"enabled": False, "cropland_classes": []},
    }
    return {
        "schema_version": 1,
        "generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "experiment": {"name": name, "season_id": season_id, **(extra or {})},
        "backbone": {"fingerprint": backbone_fingerprint},
        "heads": [head],
        "artifacts": {
            "config": "config.json",
            "checkpoints": {"head": f"{name}.pt"},
            "packages": {"head": f"{name}.zip"},
        },
    }


def write_zip(model, config: dict, folder: Path) -> Path:
    """``<name>.pt`` (the head's own state dict) and ``config.json`` side by side, zipped as ``<name>.zip``."""
    import torch

    name = config["experiment"]["name"]
    pt_path = folder / f"{name}.pt"
    torch.save(model.state_dict(), pt_path)
    (folder / "config.json").write_text(json.dumps(config, indent=4), encoding="utf-8")
    zip_path = folder / f"{name}.zip"
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(pt_path, arcname=pt_path.name)
        archive.write(folder / "config.json", arcname="config.json")
    return zip_path
