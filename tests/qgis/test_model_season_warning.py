"""A custom model applied to a season of other months or length than it was trained for is warned about in the
dock (#17.7); the run stays possible."""

from __future__ import annotations

from datetime import date

import pytest

from tests.qgis.test_dock import BURGUNDY, make_dock, set_extent  # noqa: F401  (make_dock is a fixture)
from worldcereal_qgis.controllers.dock_state import SeasonWindow
from worldcereal_qgis.core.model_registry import ModelRecord, ModelRegistry


@pytest.fixture
def registry(tmp_path, monkeypatch) -> ModelRegistry:
    from worldcereal_qgis.controllers import custom_models

    registry = ModelRegistry(tmp_path / "models.json")
    monkeypatch.setattr(custom_models, "model_registry", lambda: registry)
    return registry


def _register(registry: ModelRegistry, window: list[str]) -> ModelRecord:
    return registry.add(ModelRecord(name="corsica", zip_path="/models/corsica.zip", class_names=["a", "b"],
                                    season_id="tc-s1", fingerprint="f" * 64, season_window=window))


@pytest.mark.qgis_gui
def test_dock_warns_when_the_models_season_differs(make_dock, qgis_iface, registry):  # noqa: F811
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    _register(registry, ["2022-03-01", "2022-08-31"])
    season = SeasonWindow("tc-s1", date(2023, 1, 1), date(2023, 9, 30))
    dock = make_dock(product="croptype_custom", custom_model_url="corsica", seasons=[season])
    dock.refresh()
    assert ("The model corsica was trained for March–August (6 months) but is applied to January–September "
            "(9 months): its crop types may be wrong there; train a model for this season.") in dock.aoiInfoLabel.text()

    registry.update("corsica", season_window=["2022-01-01", "2022-09-30"])
    dock.refresh()
    assert "was trained for" not in dock.aoiInfoLabel.text()
