"""Models are distinct (#17.7): default names from season + classes + date, never a name twice, and a warning
when a model is applied to a season of other months or length than it was trained for."""

from __future__ import annotations

from datetime import date

from worldcereal_qgis.core import model_registry as mr


def _record(name: str = "m", window=("2022-03-01", "2022-08-31"), season_id: str = "tc-s1") -> mr.ModelRecord:
    return mr.ModelRecord(name=name, zip_path=f"/models/{name}.zip", class_names=["a", "b"], season_id=season_id,
                          fingerprint="f" * 64, season_window=list(window) if window else None)


def test_default_name_says_season_months_classes_and_day():
    name = mr.default_model_name("tc-s1", date(2022, 3, 1), date(2022, 8, 31),
                                 ["grapes", "grasslands", "vegetables_fruits", "maize", "Winter wheat"],
                                 today=date(2026, 12, 6))
    assert name == "tc-s1_202203-202208_grapes-grasslands-vegetables_fruits-2_20261206"


def test_names_are_made_unique_against_registry_and_folder():
    assert mr.unique_model_name("x", set()) == "x"
    assert mr.unique_model_name("x", {"x", "x-2"}) == "x-3"
    assert mr.slug(" Maize / wheat (2022) ") == "Maize-wheat-2022"


def test_registry_finds_a_model_by_id_name_zip_or_url_and_lists_names(tmp_path):
    registry = mr.ModelRegistry(tmp_path / "models.json")
    first = registry.add(_record("first"))
    registry.update(first.id, url="https://example.org/first.zip")
    registry.add(_record("second"))
    for value in (first.id, "first", "/models/first.zip", "https://example.org/first.zip"):
        assert registry.find(value).id == first.id
    assert registry.find("nothing") is None and registry.names() == {"first", "second"}


def test_same_season_gives_no_warning():
    assert mr.season_mismatch(_record(), date(2023, 3, 1), date(2023, 8, 31)) is None
    assert mr.season_warnings(None, {"tc-s1": (date(2023, 10, 1), date(2024, 6, 30))}) == []


def test_other_months_and_length_are_warned_about():
    record = _record("march-august")
    assert mr.season_warnings(record, {"tc-s1": (date(2022, 10, 1), date(2023, 6, 30))}) == [
        "The model march-august was trained for March–August (6 months) but is applied to October–June (9 months): "
        "its crop types may be wrong there; train a model for this season."]


def test_same_length_shifted_months_are_warned_and_only_the_models_season_counts():
    record = _record("m", season_id="tc-s2")
    seasons = {"tc-s1": (date(2022, 3, 1), date(2022, 8, 31)), "tc-s2": (date(2022, 4, 1), date(2022, 9, 30))}
    (warning,) = mr.season_warnings(record, seasons)
    assert "trained for March–August (6 months) but is applied to April–September (6 months)" in warning
    assert mr.season_warnings(_record(window=None), seasons) == []


def test_training_dialog_prefills_the_name_from_the_pickers_choice():
    from worldcereal_qgis.gui.training_dialog import with_model_name

    picked = {"SEASON_ID": "tc-s1", "SEASON_START": "2022-03-01", "SEASON_END": "2022-08-31",
              "CLASSES": "grapes, grasslands"}
    today = date.today().strftime("%Y%m%d")
    assert with_model_name(picked)["MODEL_NAME"] == f"tc-s1_202203-202208_grapes-grasslands_{today}"
    assert with_model_name({**picked, "MODEL_NAME": "mine"})["MODEL_NAME"] == "mine"  # the user's name stays
    assert "MODEL_NAME" not in with_model_name({"CLASSES": "grapes"})  # no season yet: named when it runs
