"""Every message of the plugin reads in French and Spanish, and no translation loses a placeholder.

A user in QGIS set to French or Spanish meets every panel (dock, reference data, areas, labelling, training) and
every Processing algorithm; an untranslated message shows English in the middle of their language, and a
translation that drops or renames ``{job_id}`` makes ``.format`` raise instead of printing the sentence. The .ts
files are read with ``xml.etree`` (what ``tools/translations.py`` writes); the checker is tried on a snippet first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

I18N = Path(__file__).resolve().parents[2] / "worldcereal_qgis" / "i18n"
LANGUAGES = ("fr", "es")
# {name}, {0}, {4:.1f}; Qt's %1; HTML tags (not a word in brackets such as <season>, which is translated); a
# keyboard accelerator (&File), not an entity (&amp;)
HTML_TAGS = r"a|b|i|u|p|br|em|strong|code|tt|pre|span|div|ul|ol|li|h\d|table|tr|td|th"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+|</?(?:" + HTML_TAGS + r")\b[^<>]*>|&(?=\w)(?!\w+;)")


def messages(ts: str) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, its type) for every message the plugin still uses (not vanished)."""
    found = {}
    for context in ET.fromstring(ts).iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            text = translation.text if translation is not None and translation.text else ""
            found[(context.findtext("name"), message.findtext("source"))] = (text, kind)
    return found


def problems(ts: str) -> list[str]:
    """One line per untranslated message and per translation whose placeholders differ from its source's."""
    found = []
    for (context, source), (text, kind) in messages(ts).items():
        if not text or kind == "unfinished":
            found.append(f"untranslated [{context}] {source!r}")
        elif Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
            found.append(f"placeholders differ [{context}] {source!r} -> {text!r}")
    return found


SNIPPET = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
 <context>
  <name>WorldCerealJobs</name>
  <message><source>Job id: {id}</source><translation>Identifiant de tâche : {id}</translation></message>
  <message><source>Cancel job</source><translation type="unfinished" /></message>
  <message><source>Log in at {link}.</source><translation>Connectez-vous sur {lien}.</translation></message>
  <message><source>{0:.1f} credits</source><translation>{0} crédits</translation></message>
  <message><source>&lt;b&gt;Cost.&lt;/b&gt; {n}</source><translation>Coût. {n}</translation></message>
  <message><source>&amp;Run</source><translation>Lancer</translation></message>
  <message><source>Old</source><translation type="vanished">Ancien</translation></message>
 </context>
</TS>
"""


def test_the_checker_finds_missing_translations_and_lost_placeholders():
    found = problems(SNIPPET)
    assert found == [
        "untranslated [WorldCerealJobs] 'Cancel job'",
        "placeholders differ [WorldCerealJobs] 'Log in at {link}.' -> 'Connectez-vous sur {lien}.'",
        "placeholders differ [WorldCerealJobs] '{0:.1f} credits' -> '{0} crédits'",
        "placeholders differ [WorldCerealJobs] '<b>Cost.</b> {n}' -> 'Coût. {n}'",
        "placeholders differ [WorldCerealJobs] '&Run' -> 'Lancer'",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_its_placeholders(language):
    ts = (I18N / f"worldcereal_qgis_{language}.ts").read_text(encoding="utf-8")
    assert len(messages(ts)) > 300  # the whole plugin, not an empty or truncated file
    assert problems(ts) == []


def test_french_and_spanish_cover_the_same_messages():
    fr, es = ({key for key in messages((I18N / f"worldcereal_qgis_{lang}.ts").read_text(encoding="utf-8"))}
              for lang in LANGUAGES)
    assert sorted(fr ^ es) == []


ROOT = I18N.parents[1]


def _tool():
    """tools/translations.py as a module (it is a script, not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_check_reports_a_new_message_an_untranslated_one_and_a_stale_one():
    code = {("WorldCereal", "Job {id} failed."): "a.py:3", ("WorldCereal", "Cancel"): "b.py:9"}
    ts = {("WorldCereal", "Cancel"): "", ("WorldCereal", "Old sentence."): "Ancienne phrase."}
    assert _tool().differences(code, ts, "x_fr.ts") == [
        "x_fr.ts: missing [WorldCereal] 'Job {id} failed.' (a.py:3)",
        "x_fr.ts: untranslated [WorldCereal] 'Cancel'",
        "x_fr.ts: no longer in the code [WorldCereal] 'Old sentence.'",
    ]


def test_every_tr_string_of_the_code_is_in_the_committed_ts_files_and_nothing_is_written():
    import subprocess
    import sys

    before = {path.name: path.read_bytes() for path in I18N.glob("*.ts")}
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.strip()) == (
        0, "The .ts files hold every message of the code, all translated."), done.stdout
    assert {path.name: path.read_bytes() for path in I18N.glob("*.ts")} == before


def test_every_reason_the_training_drops_samples_for_has_a_translated_sentence():
    """The training (no Qt) writes its reasons as keys; the QGIS side words each one (controllers/training_words)."""
    import re

    from worldcereal_qgis.controllers import training_words

    training = ROOT / "worldcereal_qgis" / "training"
    code = (training / "samples.py").read_text(encoding="utf-8") + (training / "run.py").read_text(encoding="utf-8")
    reasons = (set(re.findall(r'_drop\(dropped, "([^"]+)"', code))
               | set(re.findall(r'"dropped", \{\}\), "([^"]+)"', code)))
    assert len(reasons) == 8 and "quality scores 0" in reasons
    assert sorted(reasons - set(training_words._dropped_phrases())) == []
    assert training_words.dropped_text({"valid_time outside the season": 12, "quality scores 0": 3}) == (
        "12 with valid_time outside the season; 3 with quality scores 0")
    assert training_words.dropped_text({}) == "none"


def test_every_orbit_reason_code_of_core_has_a_translated_sentence():
    """A code core/orbit.py gives without a sentence in adapters/orbit_words would fall back to core's English."""
    import re

    from worldcereal_qgis.adapters.orbit_words import orbit_reason
    from worldcereal_qgis.core.orbit import OrbitChoice

    source = (ROOT / "worldcereal_qgis" / "core" / "orbit.py").read_text(encoding="utf-8")
    codes = set(re.findall(r'(?:True|False),\s+"([a-z_]+)"', source))
    assert codes == {"no_cover", "only_cover", "no_long_gap", "larger_footprint", "not_checked"}
    values = {"gap": 30, "days": 12, "other_days": 40, "cover": 2.0, "other_cover": 1.0, "error": "offline"}
    for code in codes:
        said = orbit_reason(OrbitChoice("ASCENDING", "core's English", False, code, values))
        assert said != "core's English" and "ASCENDING" in said, code
