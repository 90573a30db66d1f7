"""``worldcereal:train_croptype_model`` from Processing: outputs, log, registry; bad dates before any work."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback

from worldcereal_qgis.core.model_registry import ModelRegistry, default_model_name

pytestmark = pytest.mark.slow


class Log(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list = []

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self.lines.append(info)
        super().pushInfo(info)


@pytest.fixture
def provider(qgis_processing, training_python, plugin_settings):
    from worldcereal_qgis.processing.provider import WorldCerealProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("worldcereal") is None:
        provider = WorldCerealProvider()
        registry.addProvider(provider)
        pytest.wc_training_alg_provider_ref = provider
    return registry.providerById("worldcereal")


def provider_profile(tmp_path: Path) -> Path:
    return tmp_path / "profile"  # plugin_settings' profile folder (same tmp_path)


def params(extractions, checkpoint, wc_dir, out, **changes) -> dict:
    base = {
        "SAMPLES": [str(extractions)], "SEASON_ID": "tc-s1", "SEASON_START": "2022-03-01",
        "SEASON_END": "2022-08-31", "CLASSES": "grapes, grasslands, vegetables_fruits",
        "CLASS_MAPPINGS": str(wc_dir / "classes" / "class_mappings.json"), "CLASS_MAPPING": "CROPTYPE_INSEASON_FRANCE",
        "HEAD_TYPE": 1, "OUTPUT_FOLDER": str(out),
    }
    base.update(changes)
    return base


def test_train_algorithm_outputs_model_metrics_and_registers_it(provider, extractions, checkpoint, wc_dir, tmp_path):
    """No encoder given: the backbone is the seasonal model's encoder_only (the setting points at a test zip)."""
    import hashlib

    import processing

    log = Log()
    result = processing.run("worldcereal:train_croptype_model",
                            params(extractions, checkpoint, wc_dir, tmp_path / "model"), feedback=log)
    name = default_model_name("tc-s1", date(2022, 3, 1), date(2022, 8, 31),
                              ["grapes", "grasslands", "vegetables_fruits"])
    assert name.startswith("tc-s1_202203-202208_grapes-grasslands-vegetables_fruits_") and result["MODEL_NAME"] == name
    assert Path(result["MODEL_ZIP"]).name == f"PrestoDownstreamTorchHead_mlp_croptype_tc-s1_version-{name}.zip"
    assert Path(result["CONFUSION_MATRIX"]).name == "CM_norm.png" and Path(result["CONFUSION_MATRIX"]).is_file()
    sha = hashlib.sha256(checkpoint.read_bytes()).hexdigest()
    assert f"Backbone: encoder.pt (fingerprint {sha[:12]}…)." in log.lines
    assert result["CLASS_NAMES"] == "grapes,grasslands,other,vegetables_fruits"
    metrics = json.loads(Path(result["METRICS"]).read_text())
    assert result["OVERALL_ACCURACY"] == metrics["overall_accuracy"] > metrics["chance_accuracy"]
    assert any(line.startswith("Epoch 1: loss ") for line in log.lines)
    assert any(line.startswith("Test split: overall accuracy") for line in log.lines)
    (record,) = ModelRegistry(provider_profile(tmp_path) / "models.json").records()
    assert record.id == result["MODEL_ID"] and record.fingerprint == sha and record.name == name
    assert record.class_names == ["grapes", "grasslands", "other", "vegetables_fruits"]
    assert record.season_window == ["2022-03-01", "2022-08-31"] and record.metrics["macro_f1"] == result["MACRO_F1"]


def test_bad_season_dates_are_refused(provider, extractions, checkpoint, wc_dir, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match=r"^The season end is before its start\.$"):
        processing.run("worldcereal:train_croptype_model", params(
            extractions, checkpoint, wc_dir, tmp_path, SEASON_START="2022-08-01", SEASON_END="2022-03-31"))
    with pytest.raises(QgsProcessingException, match=r"^Merges must look like old=new;old2=new2\.$"):
        processing.run("worldcereal:train_croptype_model", params(
            extractions, checkpoint, wc_dir, tmp_path, MERGES="grapes"))
    with pytest.raises(QgsProcessingException, match=r"^Give your own extractions, or an area to take "
                                                     r"WorldCereal's public extractions around\.$"):
        processing.run("worldcereal:train_croptype_model", params(extractions, checkpoint, wc_dir, tmp_path,
                                                                   SAMPLES=[]))


def test_a_second_training_never_overwrites_the_first(provider, extractions, checkpoint, wc_dir, tmp_path):
    """Same folder, same settings: the second model gets its own name and zip; both stay registered."""
    import processing

    out = tmp_path / "models"
    first = processing.run("worldcereal:train_croptype_model",
                           params(extractions, checkpoint, wc_dir, out, MODEL_NAME="Corsica grapes v1"))
    second = processing.run("worldcereal:train_croptype_model",
                            params(extractions, checkpoint, wc_dir, out, MODEL_NAME="Corsica grapes v1"))
    assert (first["MODEL_NAME"], second["MODEL_NAME"]) == ("Corsica-grapes-v1", "Corsica-grapes-v1-2")
    assert first["MODEL_ZIP"] != second["MODEL_ZIP"] and Path(first["MODEL_ZIP"]).is_file()
    registry = ModelRegistry(provider_profile(tmp_path) / "models.json")
    assert {r.name: r.zip_path for r in registry.records()} == {
        "Corsica-grapes-v1": first["MODEL_ZIP"], "Corsica-grapes-v1-2": second["MODEL_ZIP"]}
    assert registry.get("Corsica-grapes-v1-2").id == second["MODEL_ID"]  # applying by name is unambiguous


@pytest.mark.parametrize("kind, expected", [
    ("zero_bytes", "{name} is empty (0 bytes): the file was not written completely or is a placeholder."),
    ("cut_off", "{name} is truncated or corrupt (Parquet's closing footer is missing)."),
])
def test_broken_extraction_files_are_named_before_any_build(provider, extractions, checkpoint, wc_dir, tmp_path,
                                                           kind, expected):
    """Built from the real extractions: an empty copy and its first half (a download cut off)."""
    import processing

    real = extractions.read_bytes()
    broken = tmp_path / "broken.geoparquet"
    broken.write_bytes(b"" if kind == "zero_bytes" else real[: len(real) // 2])
    with pytest.raises(QgsProcessingException) as err:
        processing.run("worldcereal:train_croptype_model", params(
            extractions, checkpoint, wc_dir, tmp_path / "out", SAMPLES=[str(extractions), str(broken)]))
    assert str(err.value) == expected.format(name="broken.geoparquet")
