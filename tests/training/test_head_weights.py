"""A head zip whose checkpoint is real PyTorch but not this head is refused before any job (#16 item 6).

The checkpoints are written by torch itself in the training environment (the same ``torch.save`` of a state dict
as training/package.py) and the real Presto encoder checkpoint from ../shared stands in for "the wrong network".
"""

from __future__ import annotations

import json
import math
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.training.test_head_zip import FINGERPRINT, PT, manifest
from worldcereal_qgis.core.errors import InputError
from worldcereal_qgis.core.head_weights import state_dict_shapes
from worldcereal_qgis.core.head_zip import check_head_zip

SAVE_HEADS = """
import sys, torch
from torch import nn
out = sys.argv[1]
torch.save(nn.ModuleDict({"linear": nn.Linear(128, 3)}).state_dict(), out + "/linear.pt")
mlp = nn.Sequential(nn.Linear(128, 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 3))
torch.save(nn.ModuleDict({"net": mlp}).state_dict(), out + "/mlp.pt")
"""


@pytest.fixture(scope="module")
def torch_heads(training_python, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("heads")
    subprocess.run([str(training_python), "-c", SAVE_HEADS, str(folder)], check=True, timeout=300)
    return folder


def head_zip(folder: Path, weights: bytes, classes=("maize", "other", "wheat"), name="head.zip") -> Path:
    config = manifest()
    config["heads"][0].update(class_names=list(classes), num_classes=len(classes))
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("config.json", json.dumps(config))
        archive.writestr(PT, weights)
    return path


@pytest.mark.parametrize("kind", ["linear.pt", "mlp.pt"])
def test_a_real_head_checkpoint_passes(torch_heads, tmp_path, kind):
    info = check_head_zip(head_zip(tmp_path, (torch_heads / kind).read_bytes()), FINGERPRINT)
    assert info.class_names == ("maize", "other", "wheat")


def test_a_head_for_another_class_count_is_refused(torch_heads, tmp_path):
    path = head_zip(tmp_path, (torch_heads / "linear.pt").read_bytes(), classes=("maize", "other", "wheat", "rice"))
    with pytest.raises(InputError) as err:
        check_head_zip(path, FINGERPRINT)
    assert str(err.value) == (
        f"The head checkpoint {PT} in head.zip has no output layer with 4 outputs for the 4 classes of its manifest "
        "(its linear layers have 3 outputs); it is not this model's head.")


def test_the_encoder_checkpoint_in_place_of_the_head_is_refused(checkpoint, tmp_path):
    with pytest.raises(InputError) as err:
        check_head_zip(head_zip(tmp_path, checkpoint.read_bytes()), FINGERPRINT)
    assert str(err.value) == (
        f"The head checkpoint {PT} in head.zip has no output layer with 3 outputs for the 3 classes of its manifest "
        "(its linear layers have 10, 12, 128, 384, 512 outputs); it is not this model's head.")


def test_a_checkpoint_whose_pickle_is_garbage_is_refused(checkpoint, tmp_path):
    """The real checkpoint's archive with its data.pkl cut in half: a zip that torch.load would fail on."""
    real = zipfile.ZipFile(checkpoint)
    broken = tmp_path / "broken.pt"
    with zipfile.ZipFile(broken, "w") as archive:
        for member in real.namelist():
            data = real.read(member)
            archive.writestr(member, data[: len(data) // 2] if member.endswith("data.pkl") else data)
    with pytest.raises(InputError, match=rf"^The head checkpoint {PT} in head\.zip is not a readable PyTorch "
                                         r"checkpoint \(.+\); the crop-type job could not load it\.$"):
        check_head_zip(head_zip(tmp_path, broken.read_bytes()), FINGERPRINT)


def test_shapes_are_read_without_torch(checkpoint):
    """The real Presto encoder: 50 tensors, 407,232 values (the README's 407k parameters)."""
    shapes = state_dict_shapes(checkpoint.read_bytes())
    assert len(shapes) == 50 and sum(math.prod(s) for s in shapes.values()) == 407_232
    assert shapes["encoder.eo_patch_embed.S1.weight"] == (128, 2)
