"""``worldcereal:croptype`` with a registered custom model warns in its log when the season it is applied to has
other months or another length than the one the model was trained for (#17.7); the job still runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsApplication

from tests.training.test_alg_train import Log
from worldcereal_qgis.core.head_zip import check_head_zip

pytestmark = pytest.mark.slow


class Warnings(Log):
    """The algorithm's log with its warnings kept apart."""

    def pushWarning(self, warning: str) -> None:  # noqa: N802
        self.lines.append(warning)
        super().pushWarning(warning)


def _run(backend_url: str, aoi: Path, season: tuple[str, str], out: Path) -> list:
    import processing

    from worldcereal_qgis.processing.provider import WorldCerealProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("worldcereal") is None:
        provider = WorldCerealProvider()
        registry.addProvider(provider)
        pytest.wc_season_warning_provider_ref = provider
    feedback = Warnings()
    result = processing.run("worldcereal:croptype", {
        "AOI_LAYER": str(aoi), "AOI_NAME": "france", "SEASON1_ID": "tc-s1", "SEASON1_START": season[0],
        "SEASON1_END": season[1], "ORBIT": 2, "BACKEND": 3, "BACKEND_URL": backend_url, "CUSTOM_MODEL": "corsica",
        "LOAD_LAYERS": False, "OUTPUT_FOLDER": str(out)}, feedback=feedback)
    assert result["JOB_ID"]
    return [w for w in feedback.lines if "was trained for" in w]


def test_croptype_warns_about_a_season_the_model_was_not_trained_for(trained, artifacts_backend, plugin_settings,
                                                                     qgis_processing, wc_dir, tmp_path):
    from worldcereal_qgis.controllers.custom_models import model_registry
    from worldcereal_qgis.core.model_registry import ModelRecord

    info = check_head_zip(Path(trained["done"]["zip"]))
    model_registry().add(ModelRecord(name="corsica", zip_path=str(info.path), class_names=list(info.class_names),
                                     season_id=info.season_id, fingerprint=info.fingerprint,
                                     season_window=list(info.season_window)))
    aoi = wc_dir / "aoi" / "test_site_france.gpkg"
    assert _run(artifacts_backend.url, aoi, ("2022-01-01", "2022-09-30"), tmp_path / "other") == [
        "The model corsica was trained for March–August (6 months) but is applied to January–September (9 months): "
        "its crop types may be wrong there; train a model for this season."]
    assert _run(artifacts_backend.url, aoi, ("2022-03-01", "2022-08-31"), tmp_path / "same") == []
