"""Issue #19.12: the dock in French shows no English string; French and Spanish are complete for the dock,
its messages and the Processing help."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
from qgis.PyQt.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QTableView

from tests.conftest import REPO_ROOT
from tests.qgis import test_dock
from tests.qgis.test_dock import BURGUNDY, set_extent, wait_for

make_dock = test_dock.make_dock  # the real dock on the pytest-qgis canvas (fixture)
I18N = REPO_ROOT / "worldcereal_qgis" / "i18n"
# The dock, its messages, the plugin menu and the Processing help; other panels (reference data, areas,
# training) add their own contexts, translated by their authors.
DOCK_CONTEXTS = {f"WorldCereal{name}" for name in (
    "Dock", "DockBase", "Form", "Area", "Account", "BackendChoice", "Backends", "Session", "Jobs", "Runs", "Log",
    "Login", "Seasons", "FirstRun", "Example", "Install", "Plugin", "Processing", "Legend")}
ENGLISH_WORDS = re.compile(r"\b(the|and|of|about|credits|period|season|crop|cropland|jobs?|login|needs|"
                           r"map extent|log in|run|area|year|tiles?|status|progress)\b", re.IGNORECASE)


def ts_messages(language: str) -> dict[tuple[str, str], str]:
    root = ET.parse(I18N / f"worldcereal_qgis_{language}.ts").getroot()
    found = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "vanished":
                continue
            found[(context.findtext("name"), message.findtext("source"))] = translation.text or ""
    return found


@pytest.fixture
def french(tmp_path: Path):
    """QGIS set to French: the plugin's .qm (built here with lrelease, as `make translations` does)."""
    lrelease = shutil.which("lrelease")
    assert lrelease, "lrelease is part of the system set-up (qttools5-dev-tools)"
    qm = tmp_path / "worldcereal_qgis_fr.qm"
    subprocess.run([lrelease, "-silent", str(I18N / "worldcereal_qgis_fr.ts"), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_translations_complete_for_the_dock_messages_and_processing_help(language):
    messages = ts_messages(language)
    assert len(messages) > 150
    assert not DOCK_CONTEXTS - {context for context, _ in messages}  # every dock context is in the file
    missing = sorted(source for (context, source), text in messages.items() if not text and context in DOCK_CONTEXTS)
    assert missing == []
    # placeholders survive translation (a lost {backend} would print a KeyError instead of a sentence)
    for (_context, source), text in messages.items():
        if text:
            assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", text)), (source, text)


def visible_texts(dock) -> list[str]:
    texts = [dock.windowTitle()]
    root = dock.widget()
    for widget in root.findChildren(QLabel):
        if widget.isVisibleTo(root) and widget.text():
            texts.append(re.sub(r"<[^>]+>", " ", widget.text()))
    for widget in root.findChildren(QAbstractButton):
        if widget.isVisibleTo(root) and widget.text():
            texts.append(widget.text())
    for widget in root.findChildren(QGroupBox):
        if widget.isVisibleTo(root):
            texts.append(widget.title())
    for combo in root.findChildren(QComboBox):
        if combo.isVisibleTo(root) and combo.objectName() != "layerCombo":  # layer names are the user's
            texts += [combo.itemText(i) for i in range(combo.count())]
    for view in root.findChildren(QTableView):
        model = view.model()
        texts += [str(model.headerData(c, 1)) for c in range(model.columnCount())]
    return [t for t in texts if t.strip()]


def test_the_dock_in_french_has_no_english_left(make_dock, qgis_iface, french, configure):
    from worldcereal_qgis import settings

    configure(settings.FIRST_RUN_DISMISSED, False)  # the first-run panel is part of what a person reads
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(orbit_mode="DESCENDING")
    dock.advancedGroup.setCollapsed(False)
    wait_for(dock.runButton.isEnabled, what="Run enabled")
    texts = visible_texts(dock)
    assert "Lancer" in texts and "Zone d'intérêt" in texts and "Compte" in texts
    english = {source for (_c, source), text in ts_messages("fr").items() if text and text != source}
    left = [t for t in texts if t in english or ENGLISH_WORDS.search(t.replace("WorldCereal", ""))]
    assert left == []


def test_the_plugin_loads_the_translation_of_qgis_language(tmp_path, monkeypatch):
    """plugin.py installs the .qm of the language chosen in QGIS's options (Settings → Options → General)."""
    from qgis.core import QgsSettings

    from worldcereal_qgis.adapters import i18n

    subprocess.run([shutil.which("lrelease"), "-silent", str(I18N / "worldcereal_qgis_es.ts"), "-qm",
                    str(tmp_path / "worldcereal_qgis_es.qm")], check=True)
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "es_AR")
    try:
        assert i18n.user_language() == "es"
        loaded = i18n.install_translator()
        assert loaded is not None
        assert QCoreApplication.translate("WorldCerealDockBase", "Run") == "Ejecutar"
        i18n.remove_translator(loaded)
        assert QCoreApplication.translate("WorldCerealDockBase", "Run") == "Run"
    finally:
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)


@pytest.mark.parametrize("params, sentence", [
    ({"SAMPLE_SIZE": -5},  # the parameter check: the new algorithm's own label, in French
     "Taille de l'échantillon (SAMPLE_SIZE) doit être un nombre entier d'au moins 0, pas -5."),
    ({"SAMPLE_SIZE": 0, "USERS": "maize=high"},  # the algorithm's own check, after counting the real map's pixels
     "Les précisions utilisateur attendues doivent être des nombres compris entre 0 et 1."),
])
def test_a_new_processing_refusal_reads_in_french(wc_provider, reference_tif, french, params, sentence):
    """worldcereal:design_sample (area estimation, added after the dock's translation) refuses in French."""
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as refused:
        processing.run("worldcereal:design_sample", {"MAP": str(reference_tif), "SEASON": "tc-s1",
                                                     "OUTPUT": "memory:", "STRATA": "memory:", **params})
    assert str(refused.value).splitlines()[-1] == sentence  # below QGIS's own "Unable to execute algorithm"


@pytest.mark.parametrize("params, sentence", [
    ({"YEAR": 2016},  # a range said as one phrase ("un nombre entier de … à …"), not English pieces glued
     "Année (YEAR) doit être un nombre entier de 2017 à 2100, pas 2016."),
    ({"YEAR": 2021, "EXTENT": "1,2,3"},  # "…or area of interest" named on its own, not "Ou la zone…"
     "Zone d'intérêt sous forme d'emprise (EXTENT) doit être une emprise de la forme xmin,xmax,ymin,ymax "
     "[EPSG:code] (par ex. 5.11,5.14,47.13,47.15 [EPSG:4326]) ou une couche, pas « 1,2,3 »."),
])
def test_the_map_algorithm_parameter_checks_read_in_french(wc_provider, french, tmp_path, params, sentence):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as refused:
        processing.run("worldcereal:cropland", {"EXTENT": "5.11,5.14,47.13,47.15 [EPSG:4326]", "ORBIT": 1,
                                                "LOAD_LAYERS": False, "OUTPUT_FOLDER": str(tmp_path), **params})
    assert str(refused.value).splitlines()[-1] == sentence


def test_the_extraction_status_line_reads_in_french_as_one_sentence(french):
    """The slot-wait part was core's English sentence appended to the French counts."""
    from worldcereal_qgis.controllers.extractions import ExtractionController, run_state_text
    from worldcereal_qgis.core.batch.engine import Action
    from worldcereal_qgis.core.extraction_run import RunState

    waiting = RunState(total=4, done=1, active=2, credits=12.5, waiting="Waiting for a free slot on CDSE.")
    assert run_state_text(waiting) == (
        "1 tâches terminées sur 4, 2 en cours, 0 échouées ; 12.5 crédits consommés jusqu'ici. Une tâche attend une "
        "place libre sur le serveur et démarre dès qu'une place se libère.")
    assert run_state_text(RunState(total=4, done=4, credits=20.0)) == (
        "4 tâches terminées sur 4, 0 en cours, 0 échouées ; 20.0 crédits consommés jusqu'ici.")
    title = ExtractionController.step_title(None, Action(kind="download", item="2021_31UFS", local_id="x"))
    assert title == "WorldCereal : téléchargement de la tâche d'extraction 2021_31UFS"


def test_the_missing_second_season_reads_in_french_with_french_months(french):
    """core.seasons gives a code and the window; the sentence and the month names are the user's language's."""
    from datetime import date

    from worldcereal_qgis.processing.alg_seasons import _second_season_sentence

    assert _second_season_sentence("same_as_first", (date(2021, 2, 1), date(2021, 6, 30))) == (
        "tc-s2 n'est pas proposée : sa fenêtre médiane (févr. 2021 – juin 2021) est celle de tc-s1, ce qui est la "
        "façon dont le calendrier cultural signale une zone à une seule saison de culture.")


def test_a_season_warning_reads_in_french_while_the_table_keeps_the_data(french):
    """core.seasons gives the note as a code and values; the log says it in French, the table keeps core's text."""
    from datetime import date

    from worldcereal_qgis.adapters.crop_calendar import season_warning
    from worldcereal_qgis.core.seasons import SeasonSuggestion, note_text

    note = ("window_too_long", {"season": "tc-annual", "months": 23})
    s = SeasonSuggestion("tc-annual", date(2019, 9, 1), date(2021, 7, 31), (date(2020, 8, 1), date(2021, 7, 31)),
                         note_text(*note), (note,))
    assert season_warning(s) == ("La fenêtre tc-annual du calendrier dure 23 mois, plus que les 12 mois qu'une tâche "
                                 "peut traiter.")
    assert s.warning == "The calendar's tc-annual window is 23 months long, more than the 12 months a job can process."


def test_the_orbit_choice_reads_in_french(french):
    """core.orbit gives the reason as a code and values; the English sentence stays for logs and job records."""
    from worldcereal_qgis.adapters.orbit_words import orbit_reason
    from worldcereal_qgis.core.orbit import OrbitChoice

    choice = OrbitChoice("DESCENDING", "Both orbits cover the area; DESCENDING has the larger total footprint over "
                         "it (2.4x vs 1.1x the area).", False, "larger_footprint", {"cover": 2.4, "other_cover": 1.1})
    assert orbit_reason(choice) == ("Les deux orbites couvrent la zone ; DESCENDING a la plus grande emprise totale "
                                    "sur elle (2.4x contre 1.1x la zone).")


def test_the_training_verdict_reads_in_french_from_its_facts(french):
    """The training (no Qt) writes the verdict's facts next to its English sentence; QGIS words the facts."""
    from worldcereal_qgis.controllers.training_words import verdict_text

    metrics = {"verdict": "Most confusion: 7 test samples of maize were mapped as grapes.",
               "verdict_facts": {"confused": [7, "maize", "grapes"], "weak": ["maize"]}}
    assert verdict_text(metrics) == ("Plus grande confusion : 7 échantillons de test de maize ont été cartographiés "
                                     "comme grapes. Moins de la moitié des échantillons de test ont été retrouvés "
                                     "pour : maize.")
    assert verdict_text({"verdict": "Old English verdict."}) == "Old English verdict."  # a model from before
