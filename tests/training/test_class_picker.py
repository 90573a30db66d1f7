"""The class picker with the real Corsica extractions and WorldCereal's class mappings: what the user sees (counts
per node, merges, 'other', warnings, OK state, the map layer's categories) is checked against counts computed
here independently with pyarrow, and the produced parameters go through the training algorithm's own checks."""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QTreeWidgetItemIterator

from tests.conftest import REPO_ROOT
from worldcereal_qgis.core import class_hierarchy as ch
from worldcereal_qgis.gui.build_turns import BuildInTurns
from worldcereal_qgis.gui.class_picker import LAYER_PROPERTY, ClassPickerDialog

pytestmark = pytest.mark.qgis_gui

MAPPING = "CROPTYPE_INSEASON_FRANCE"
SEASON = ch.Season(date(2022, 3, 1), date(2022, 8, 1))
CEREALS = {"cereals", "maize", "oats", "spring_oats", "barley", "sorghum", "spring_barley", "wheat", "spring_wheat",
           "spring_cereals", "rye", "spring_rye", "millet", "rice"}
PERMANENT = {"permanent_crops", "grapes", "olive", "nuts"}
SUBTREES = {"cereals": CEREALS, "permanent_crops": PERMANENT, "oats": {"oats", "spring_oats"}}  # nested classes


@pytest.fixture(scope="module")
def mappings_file(wc_dir: Path) -> Path:
    return wc_dir / "classes" / "class_mappings.json"


@pytest.fixture(scope="module")
def mapping(mappings_file: Path) -> dict:
    return json.loads(mappings_file.read_text())[MAPPING]


@pytest.fixture(scope="module")
def truth(extractions: Path) -> dict:
    """Per sample (independently of the plugin): EWOC code, and whether its label month is in Mar-Aug 2022 with
    all 12 months Sep 2021 - Aug 2022 present."""
    rows = pq.read_table(extractions, columns=["sample_id", "ewoc_code", "valid_time", "timestamp"]).to_pylist()
    months: dict = {}
    info: dict = {}
    for row in rows:
        info.setdefault(row["sample_id"], (row["ewoc_code"], str(row["valid_time"])[:7]))
        months.setdefault(row["sample_id"], set()).add(row["timestamp"].strftime("%Y-%m"))
    period = {f"{2021 + (8 + k) // 12}-{(8 + k) % 12 + 1:02d}" for k in range(12)}
    window = {f"2022-{m:02d}" for m in range(3, 9)}
    return {sid: code for sid, (code, valid) in info.items() if valid in window and period <= months[sid]}


@pytest.fixture(scope="module")
def code_counts(truth: dict) -> Counter:
    return Counter(truth.values())


def class_count(code_counts: Counter, mapping: dict, classes: set) -> int:
    return sum(n for code, n in code_counts.items() if mapping.get(str(code)) in classes)


FILE_LINE = ("2022_FRA_LPIS_POLY_110_monthly.geoparquet: long format, monthly, 17 monthly rows per sample, used as "
             "they are (500 samples).")


def wait_for(dialog: ClassPickerDialog, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    QCoreApplication.processEvents()
    while (dialog.loading or dialog._timer.isActive()) and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert not dialog.loading, "the samples were not counted in time"


@pytest.fixture
def picker(qgis_app, qgis_iface, extractions, mappings_file):
    dialog = ClassPickerDialog(qgis_iface, [str(extractions)], str(mappings_file), MAPPING, SEASON)
    wait_for(dialog)
    yield dialog
    dialog.reject()
    QgsProject.instance().removeAllMapLayers()


def shown(dialog: ClassPickerDialog) -> dict:
    """Tree text as the user reads it: name -> (samples, trains as, check state, can be ticked)."""
    out = {}
    it = QTreeWidgetItemIterator(dialog.tree)
    while it.value():
        item = it.value()
        checkable = bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)
        state = item.data(0, Qt.ItemDataRole.CheckStateRole)
        out[item.text(0)] = (int(item.text(1)), item.text(2), None if state is None else Qt.CheckState(state),
                             checkable)
        it += 1
    return out


def categories(dialog: ClassPickerDialog) -> list[str]:
    return [c.label() for c in dialog.layer.renderer().categories()]


def test_counts_per_node_are_the_samples_in_the_season(picker, mapping, code_counts, truth):
    assert len(truth) == 500
    assert picker.status.text() == (
        f"{FILE_LINE}\n500 samples in 1 file(s); 500 in the season with all 12 months.")
    seen = shown(picker)
    for code, n in code_counts.items():  # EWOC code leaves
        if mapping.get(str(code)) not in (None, "ignore", "remove"):
            assert seen[f"EWOC {ch.format_code(code)}"][0] == n
    for name in {mapping[str(c)] for c in code_counts if str(c) in mapping}:
        expected = class_count(code_counts, mapping, SUBTREES.get(name, {name}))
        assert seen[name][0] == expected, name
    assert seen["temporary_crops"][0] == sum(n for c, n in code_counts.items()
                                             if mapping.get(str(c)) in CEREALS | {"herb_spice_medicinal_crops",
                                                                                  "dry_pulses_legumes", "fibre_crops",
                                                                                  "sunflower"})
    top = [picker.tree.topLevelItem(i).text(0) for i in range(picker.tree.topLevelItemCount())]
    assert top == ["grasslands", "permanent_crops", "vegetables_fruits", "temporary_crops"]  # by count
    mapped = class_count(code_counts, mapping, set(mapping.values()))
    assert sum(int(picker.tree.topLevelItem(i).text(1)) for i in range(len(top))) == mapped


def test_ticking_a_parent_merges_its_children(picker, mapping, code_counts):
    picker.tick("maize")
    picker.tick("cereals")
    seen = shown(picker)
    assert seen["cereals"][1:] == ("cereals", Qt.CheckState.Checked, True)
    assert seen["maize"][1:] == ("→ cereals", Qt.CheckState.Checked, False)  # merged: ticked, greyed
    assert seen["spring_oats"][1:] == ("→ cereals", Qt.CheckState.Checked, False)
    cereals = class_count(code_counts, mapping, CEREALS)
    assert picker.choice.counts["cereals"] == cereals == 17
    params = picker.parameters()
    assert params["CLASSES"] == "cereals"
    assert params["MERGES"] == "barley=cereals;maize=cereals;oats=cereals;sorghum=cereals;spring_barley=cereals;" \
                               "spring_oats=cereals;wheat=cereals"
    picker.tick("cereals", False)  # maize's own tick comes back
    seen = shown(picker)
    assert seen["maize"][1:] == ("maize", Qt.CheckState.Checked, True)
    assert seen["oats"][1:] == ("other", Qt.CheckState.Unchecked, True)
    picker.rename("maize", "corn")
    assert picker.parameters()["CLASSES"] == "corn" and picker.parameters()["MERGES"] == "maize=corn"


def test_unticked_classes_train_as_other(picker, mapping, code_counts):
    for name in ("grapes", "grasslands", "vegetables_fruits"):
        picker.tick(name)
    params = picker.parameters()
    assert (params["CLASSES"], params["MERGES"], params["KEEP_OTHER"]) == ("grapes,grasslands,vegetables_fruits",
                                                                           "", True)
    assert params["CLASS_MAPPING"] == MAPPING and params["SEASON_END"] == "2022-08-31"
    seen = shown(picker)
    assert seen["olive"][1] == seen["temporary_crops"][1] == seen["permanent_crops"][1] == "other"
    mapped = class_count(code_counts, mapping, set(mapping.values()))
    chosen = class_count(code_counts, mapping, {"grapes", "grasslands", "vegetables_fruits"})
    assert picker.choice.counts == {"grapes": 47, "grasslands": 118, "vegetables_fruits": 57,
                                    "other": mapped - chosen}
    assert picker.summary.text().startswith("Model classes (output values in this order): grapes 47 · grasslands "
                                            f"118 · other {mapped - chosen} · vegetables_fruits 57.")
    assert picker.ok_button.isEnabled() and picker.problem.isHidden()


def test_small_classes_are_warned_about(picker):
    for name in ("olive", "nuts", "grasslands", "maize"):
        picker.tick(name)
    assert picker.warnings.text() == ("⚠ Fewer than 10 samples, so the training leaves them out: maize (6).\n"
                                      "⚠ Fewer than 30 samples, expect weak results: nuts (15), olive (18).")
    assert picker.ok_button.isEnabled()


def test_ok_needs_two_classes_with_samples(picker):
    assert not picker.ok_button.isEnabled()
    assert picker.problem.text() == "Tick at least one class: everything is 'other' now, and a model needs 2 classes."
    picker.tick("maize")
    assert not picker.ok_button.isEnabled()
    assert picker.problem.text().startswith("A model needs at least 2 classes with 10 or more samples; these ticks "
                                            "give maize (6), other (")
    picker.tick("maize", False)
    for name in ("grasslands", "permanent_crops", "vegetables_fruits", "temporary_crops"):
        picker.tick(name)
        picker.rename(name, "land")  # everything merged into one class, nothing left for 'other'
    assert picker.choice.counts == {"land": 307}
    assert not picker.ok_button.isEnabled() and (not picker.problem.isHidden())
    picker.rename("grasslands", "olive")  # the name of a class now trained as 'land'
    assert picker.problem.text() == "'olive' is another class of the mapping; give the class another name."


def test_map_layer_follows_the_ticks(picker, mapping, truth):
    layer = picker.layer
    assert QgsProject.instance().mapLayer(layer.id()) is layer and layer.featureCount() == 500
    picker.tick("grapes")
    picker.tick("grasslands")
    assert categories(picker) == ["grapes (47)", "grasslands (118)", "other (142)", "left out: no class (193)"]
    picker.tick("permanent_crops")
    assert categories(picker) == ["grasslands (118)", "other (86)", "permanent_crops (103)",
                                  "left out: no class (193)"]
    assigned = {"grasslands": "grasslands", **{c: "permanent_crops" for c in PERMANENT}}
    expression = QgsExpression(layer.renderer().classAttribute())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    for feature in layer.getFeatures():
        context.setFeature(feature)
        cls = mapping.get(str(truth[feature["sample_id"]]))
        want = "(no class)" if cls in (None, "ignore") else assigned.get(cls, "other")
        assert expression.evaluate(context) == want


def test_parameters_pass_the_training_algorithms_checks(picker, mapping, extractions):
    """Processing's parameter check, the algorithm's job builder, then the training's own class assignment."""
    from qgis.core import QgsProcessingContext

    from worldcereal_qgis.processing.alg_train import TrainCroptypeAlgorithm
    from worldcereal_qgis.training import classes, samples

    picker.tick("cereals")
    picker.rename("cereals", "cereal_crops")
    picker.tick("permanent_crops")
    picker.tick("grasslands")
    params = {**picker.parameters(), "OUTPUT_FOLDER": "/tmp/unused"}
    alg = TrainCroptypeAlgorithm()
    alg.initAlgorithm()
    context = QgsProcessingContext()
    ok, message = alg.checkParameterValues(params, context)
    assert ok, message
    job = alg._job(params, context)
    aligned = samples.align(samples.read_extractions(job["samples"]), date.fromisoformat(job["season"]["start"]),
                            date.fromisoformat(job["season"]["end"]))
    table = json.loads(Path(job["class_mapping"]["file"]).read_text())[job["class_mapping"]["name"]]
    labels = classes.assign_classes(aligned.meta["ewoc_code"], table, job["classes"], job["merges"],
                                    job["keep_other"])
    trained = classes.check_counts(labels[labels.notna().to_numpy()]).value_counts().to_dict()
    assert trained == picker.choice.counts == {"cereal_crops": 17, "grasslands": 118, "permanent_crops": 103,
                                               "other": 69}


def test_season_decides_which_samples_count(picker):
    picker.set_season(ch.Season(date(2022, 7, 1), date(2022, 9, 1)))  # the labels are from June
    wait_for(picker)
    assert picker.status.text() == (f"{FILE_LINE}\n500 samples in 1 file(s); 0 in the season with all 12 months "
                                     "(500 outside the season left out).")
    assert picker.tree.topLevelItemCount() == 0 and not picker.ok_button.isEnabled()
    assert picker.problem.text() == ("No sample is in this season with all 12 months: pick the months the labels "
                                     "were observed in.")
    assert categories(picker) == ["left out: outside the season (500)"]
    picker.set_season(ch.Season(date(2022, 1, 1), date(2023, 3, 1)))
    wait_for(picker)
    assert picker.status.text() == "The season must span 1 to 12 whole months, its start before its end."
    picker.set_season(ch.Season(date(2022, 6, 1), date(2023, 1, 1)))  # Feb 2022 - Jan 2023: all 12 months there
    wait_for(picker)
    assert picker.status.text() == (
        f"{FILE_LINE}\n500 samples in 1 file(s); 500 in the season with all 12 months.")
    assert picker.parameters()["SEASON_START"] == "2022-06-01" and picker.parameters()["SEASON_END"] == "2023-01-31"


def test_a_recount_between_the_loading_turns_leaves_one_layer_and_the_last_counts(picker, monkeypatch):
    """The counts reach the dialog over several event-loop turns (#21); a recount asked for after the first one
    (the new layer already in place) stops the rest: the dialog stays loading until the recount's own turns end."""
    original = ClassPickerDialog._take_counts
    calls = []

    def take_then_recount(self, samples, layer):
        on_top = original(self, samples, layer)
        if not calls:
            self.set_season_quietly(ch.Season(date(2022, 7, 1), date(2022, 9, 1)))  # the labels are from June
            self._recount()
        calls.append(samples.season)
        return on_top

    monkeypatch.setattr(ClassPickerDialog, "_take_counts", take_then_recount)
    loaded = []
    picker.samples_loaded.connect(lambda: loaded.append(picker.samples.season))
    picker.set_season(ch.Season(date(2022, 2, 1), date(2022, 8, 1)))
    wait_for(picker)
    deadline = time.monotonic() + 0.3  # any turn still pending runs now
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
    assert loaded == [ch.Season(date(2022, 7, 1), date(2022, 9, 1))]  # the stopped loading never said it was done
    assert calls == [ch.Season(date(2022, 2, 1), date(2022, 8, 1)), ch.Season(date(2022, 7, 1), date(2022, 9, 1))]
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.customProperty(LAYER_PROPERTY)]
    assert layers == [picker.layer]
    assert picker.status.text() == (f"{FILE_LINE}\n500 samples in 1 file(s); 0 in the season with all 12 months "
                                     "(500 outside the season left out).")
    assert picker.tree.topLevelItemCount() == 0
    assert categories(picker) == ["left out: outside the season (500)"]


def test_unreadable_samples_are_one_sentence(qgis_app, qgis_iface, mappings_file):
    dialog = ClassPickerDialog(qgis_iface, [str(mappings_file)], str(mappings_file), MAPPING, SEASON)
    wait_for(dialog)
    assert dialog.status.text() == "class_mappings.json is not a readable Parquet file."
    assert dialog.problem.text() == "Choose your extractions first." and not dialog.ok_button.isEnabled()
    dialog.set_season(ch.Season(date(2022, 1, 1), date(2023, 3, 1)))  # no samples read: nothing to recount
    dialog.reject()


def test_menu_action_opens_picker_then_prefilled_training(picker, qgis_iface, monkeypatch, extractions,
                                                          mappings_file):
    import processing

    from worldcereal_qgis import settings
    from worldcereal_qgis.gui import training_dialog

    calls = []
    monkeypatch.setattr(processing, "execAlgorithmDialog", lambda alg, params: calls.append((alg, params)) or {})
    stored = {settings.TRAINING_SAMPLES: str(extractions), settings.TRAINING_CLASS_MAPPINGS: str(mappings_file),
              settings.TRAINING_CLASS_MAPPING: MAPPING}  # what the last OK remembered
    old = {setting: setting.read() for setting in stored}
    for setting, value in stored.items():
        setting.write(value)
    action = training_dialog.add_picker_action(qgis_iface, "&WorldCereal")
    action.trigger()
    opened = action.picker
    wait_for(opened)
    assert opened.isVisible() and opened.mapping_combo.currentText() == MAPPING
    opened.set_season(SEASON)
    wait_for(opened)
    opened.tick("grapes")
    opened.tick("grasslands")
    opened.ok_button.click()
    assert calls == [("worldcereal:train_croptype_model", training_dialog.with_model_name(opened.parameters()))]
    assert calls[0][1]["CLASSES"] == "grapes,grasslands" and calls[0][1]["SAMPLES"] == [str(extractions)]
    training_dialog.remove_menu_action(qgis_iface, "&WorldCereal", action)
    for setting, value in old.items():
        setting.write(value)


def test_screenshot(picker, qgis_iface):
    picker.tick("cereals")
    picker.tick("permanent_crops")
    picker.tick("grasslands")
    picker.tick("olive")  # inside permanent_crops: already merged, nothing changes
    picker.tick("maize")
    picker.show()
    QCoreApplication.processEvents()
    for folder in (REPO_ROOT / "tests" / "artifacts", REPO_ROOT / "docs" / "screenshots"):
        folder.mkdir(parents=True, exist_ok=True)
        assert picker.grab().save(str(folder / "class_picker.png"))
    render_map(picker.layer, REPO_ROOT / "tests" / "artifacts" / "class_picker_map.png")


def render_map(layer, path: Path) -> None:
    """The samples layer as the canvas draws it (a synchronous render, so the image is complete)."""
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    extent = layer.extent()
    extent.scale(1.1)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(420, 700))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    assert job.renderedImage().save(str(path))


def test_gui_thread_stays_free_with_10000_samples(qgis_app, qgis_iface, extractions, mappings_file, tmp_path,
                                                  monkeypatch):
    """20 copies of the real file (10,000 samples, 170,000 rows): the main-thread parts stay under 50 ms."""
    import pyarrow as pa
    import pyarrow.compute as pc

    table = pq.read_table(extractions)
    copies = [table.set_column(table.schema.get_field_index("sample_id"), "sample_id",
                               pc.binary_join_element_wise(table["sample_id"], pa.scalar(f"_{k}"), ""))
              for k in range(20)]
    big = tmp_path / "big.parquet"
    pq.write_table(pa.concat_tables(copies), big)
    durations = []

    def timed(original):
        def run(*args):
            started = time.perf_counter()
            original(*args)
            durations.append(time.perf_counter() - started)
        return run

    monkeypatch.setattr(ClassPickerDialog, "_loaded", timed(ClassPickerDialog._loaded))
    monkeypatch.setattr(BuildInTurns, "_run_one", timed(BuildInTurns._run_one))  # each later turn of the loading
    dialog = ClassPickerDialog(qgis_iface, [str(big)], str(mappings_file), MAPPING, SEASON)
    wait_for(dialog)
    assert dialog.layer.featureCount() == 10_000 and dialog.node("grasslands").count == 118 * 20
    for name in ("grasslands", "cereals", "temporary_crops", "grapes"):
        started = time.perf_counter()
        dialog.tick(name)
        durations.append(time.perf_counter() - started)
    started = time.perf_counter()
    dialog.set_mapping("CROPTYPE24")
    durations.append(time.perf_counter() - started)
    assert max(durations) < 0.05, durations
    dialog.reject()


def test_training_settings_keep_their_keys_and_defaults():
    """Moved from custom_models.py to settings.py: same keys (stored values still apply), same defaults."""
    from worldcereal_qgis import settings
    from worldcereal_qgis.controllers import custom_models
    from worldcereal_qgis.core import training_env

    assert custom_models.ENV_FOLDER is settings.TRAINING_ENV_FOLDER
    assert [s.key for s in (custom_models.PROMETHEO_SOURCE, custom_models.TORCH_INDEX_URL, custom_models.ENV_FOLDER,
                            custom_models.SEASONAL_MODEL, custom_models.PUBLIC_ENDPOINT,
                            custom_models.PUBLIC_LISTING)] == [
        "training/prometheo_source", "training/torch_index_url", "training/env_folder",
        "training/seasonal_model_zip", "training/public_extractions_s3", "training/public_extractions_listing"]
    assert settings.TRAINING_PROMETHEO_SOURCE.default == training_env.DEFAULT_PROMETHEO_SOURCE
    assert settings.TRAINING_TORCH_INDEX_URL.default == training_env.DEFAULT_TORCH_INDEX


def test_ewoc_codes_and_reserved_names(mappings_file):
    assert ch.format_code(1101010001) == "11-01-01-000-1"
    assert ch.ancestors(1101010001) == [1101010000, 1101000000, 1100000000]
    assert ch.ancestors(2001020022) == [2001020020, 2001020000, 2001000000, 2000000000]
    mapping = json.loads(mappings_file.read_text())["CROPTYPE24"]
    roots = ch.build_tree(mapping, {1101060000: 40, 1101010001: 30, 2501000000: 50})
    assert [(r.name, r.count) for r in roots] == [("temporary_crops", 70), ("no_crop", 50)]  # by count
    assert ch.choose(roots, ["class:maize"], {"class:maize": "other"}).problem == (
        "'other' is reserved; give the class another name.")
    choice = ch.choose(roots, ["group:11"])
    assert choice.parameters() == {"CLASSES": "temporary_crops", "MERGES": "maize=temporary_crops;"
                                   "wheat=temporary_crops", "KEEP_OTHER": True}
    assert choice.counts == {"temporary_crops": 70, "other": 50} and choice.problem is None
