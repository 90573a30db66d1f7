"""The head-zip check gives the inference side's verdict before upload, in one precise sentence."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from worldcereal_qgis.core.errors import InputError
from worldcereal_qgis.core.head_zip import check_head_zip, checkpoint_fingerprint

PT = "PrestoDownstreamTorchHead_linear_croptype_tc-s1.pt"
FINGERPRINT = "a" * 64


def manifest(**changes) -> dict:
    base = {
        "schema_version": 1,
        "experiment": {"name": PT[:-3], "season_id": "tc-s1", "season_window": ["2022-03-01", "2022-08-31"]},
        "backbone": {"fingerprint": FINGERPRINT},
        "heads": [{"task": "croptype", "class_names": ["maize", "other", "wheat"], "num_classes": 3,
                   "head_type": "linear", "state_dict_prefix": "head.crop_head"}],
        "artifacts": {"config": "config.json", "checkpoints": {"head": PT}, "packages": {"head": PT[:-3] + ".zip"}},
    }
    base.update(changes)
    return base


def make_zip(folder: Path, config, members=(PT,), name: str = "head.zip") -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        if config is not None:
            archive.writestr("config.json", config if isinstance(config, str) else json.dumps(config))
        for member in members:
            archive.writestr(member, b"weights")
    return path


def test_a_valid_zip_gives_classes_season_and_fingerprint(tmp_path):
    info = check_head_zip(make_zip(tmp_path, manifest()), FINGERPRINT)
    assert info.class_names == ("maize", "other", "wheat")
    assert info.season_id == "tc-s1" and info.season_window == ("2022-03-01", "2022-08-31")
    assert info.fingerprint == FINGERPRINT


def test_fingerprint_of_the_real_checkpoint_is_its_sha256(wc_dir):
    import hashlib

    path = wc_dir / "models" / "finetuned_presto_model.pt"
    assert checkpoint_fingerprint(path) == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("config", "members", "expected"), [
    ({k: v for k, v in manifest().items() if k != "backbone"}, (PT,), "missing the key 'backbone'"),
    ({k: v for k, v in manifest().items() if k != "heads"}, (PT,), "missing the key 'heads'"),
    (manifest(backbone={}), (PT,), "has no backbone fingerprint"),
    (manifest(heads=[{"task": "landcover", "class_names": ["a", "b"]}]), (PT,), "defines no 'croptype' head"),
    (manifest(heads=[{"task": "croptype", "class_names": ["maize"]}]), (PT,), "fewer than 2 class_names"),
    (manifest(heads=[{"task": "croptype", "class_names": ["a", "a"]}]), (PT,), "distinct, non-empty"),
    (manifest(heads=[{"task": "croptype", "class_names": ["a", "b"], "num_classes": 3}]), (PT,),
     "num_classes=3 but lists 2"),
    (manifest(experiment={"name": "x"}), (PT,), "has no experiment.season_id"),
    (manifest(), (), f"does not contain its declared head checkpoint {PT}"),
    (None, (PT,), "has no config.json manifest at its root"),
    ("{not json", (PT,), "is not valid JSON"),
])
def test_broken_zips_are_refused_with_the_reason(tmp_path, config, members, expected):
    with pytest.raises(InputError) as err:
        check_head_zip(make_zip(tmp_path, config, members), FINGERPRINT)
    assert expected in str(err.value)
    assert str(err.value).startswith("The ") or str(err.value).startswith("head.zip")
    assert str(err.value).endswith(".")


def test_a_head_from_another_backbone_is_refused(tmp_path):
    with pytest.raises(InputError) as err:
        check_head_zip(make_zip(tmp_path, manifest()), "b" * 64)
    assert str(err.value) == ("head.zip was trained on another Presto backbone (fingerprint aaaaaaaaaaaa..., this "
                              "seasonal model has bbbbbbbbbbbb...): the crop-type job would refuse it.")


def test_not_a_zip(tmp_path):
    path = tmp_path / "model.zip"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(InputError, match=r"model\.zip is not a readable zip file"):
        check_head_zip(path)
    with pytest.raises(InputError, match=r"is not a \.zip file"):
        check_head_zip(tmp_path / "model.onnx")
