"""A training-environment folder that cannot be created is one sentence naming it (#16 item 5), before any work.

Before, Processing first downloaded the seasonal model and then ended in ``NotADirectoryError``; the dialog's
task said "Training could not start: [Errno 20] ...". The folders are what a user can set in the
``training/env_folder`` setting: a path below a file, and one inside /proc.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from worldcereal_qgis import settings
from worldcereal_qgis.controllers import custom_models

SETTING_HINT = ("choose a writable folder (setting worldcereal_qgis/training/env_folder, empty = inside the QGIS "
                "profile).")


def _sentence(folder: Path, reason: str) -> str:
    return f"The training-environment folder {folder} cannot be created or written ({reason}); {SETTING_HINT}"


@pytest.fixture
def below_a_file(tmp_path: Path) -> Path:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    return blocker / "training-env"


@pytest.fixture
def training_settings(configure, monkeypatch, tmp_path):
    """A seasonal model URL nobody answers: reaching it first would end in a download error, not our sentence."""
    configure(settings.TRAINING_SEASONAL_MODEL, "http://127.0.0.1:9/never-downloaded.zip")
    monkeypatch.setattr(settings, "profile_data_dir", lambda: tmp_path / "profile")
    return configure


@pytest.mark.parametrize("where, reason", [("below_a_file", "Not a directory"),
                                           ("proc", "No such file or directory")])
def test_processing_names_the_folder_before_any_download(wc_provider, training_settings, below_a_file, wc_dir,
                                                         tmp_path, where, reason):
    import processing

    folder = below_a_file if where == "below_a_file" else Path("/proc/worldcereal-training-env")
    training_settings(settings.TRAINING_ENV_FOLDER, str(folder))
    with pytest.raises(QgsProcessingException) as err:
        processing.run("worldcereal:train_croptype_model", {
            "SAMPLES": [str(wc_dir / "extractions" / "2022_FRA_LPIS_POLY_110_monthly.geoparquet")],
            "SEASON_ID": "tc-s1", "SEASON_START": "2022-03-01", "SEASON_END": "2022-08-31",
            "CLASSES": "grapes, grasslands, vegetables_fruits",
            "CLASS_MAPPINGS": str(wc_dir / "classes" / "class_mappings.json"),
            "CLASS_MAPPING": "CROPTYPE_INSEASON_FRANCE", "OUTPUT_FOLDER": str(tmp_path / "model"),
        })
    assert str(err.value) == _sentence(folder, reason)
    assert not folder.exists()
    assert not (tmp_path / "profile" / "training-cache").exists()  # the backbone was never fetched


def test_the_training_dialogs_task_says_the_same(below_a_file):
    task = custom_models.TrainingTask({"output_dir": str(below_a_file.parent / "out")}, below_a_file,
                                      custom_models.env_spec())
    assert task.run() is False
    assert str(task.error) == _sentence(below_a_file, "Not a directory")
