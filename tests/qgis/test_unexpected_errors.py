"""#16 "Sentences everywhere": an exception the plugin did not expect (a bug) inside an algorithm reaches the user
as one sentence (what stopped, that it is a bug in the plugin, where the details are); the traceback goes to the
QGIS log panel only, never to the algorithm's feedback. (qgis_process: tests/qgis/test_qgis_process.py.)"""

from __future__ import annotations

import pytest
from qgis.core import Qgis, QgsApplication, QgsProcessingException, QgsProcessingFeedback

from worldcereal_qgis.adapters import crop_calendar

EXTENT = "5.11,5.14,47.13,47.15 [EPSG:4326]"
SENTENCE = ("worldcereal:suggest_seasons stopped because of a bug in the WorldCereal plugin (KeyError: 'simulated "
            "bug'); please report it with the details in the QGIS log panel (tab WorldCereal).")


class _Feedback(QgsProcessingFeedback):
    """Everything the algorithm's own log (the dialog's Log tab) would show."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803
        self.lines.append(error)

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, warning: str) -> None:  # noqa: N802
        self.lines.append(warning)


@pytest.fixture
def panel():
    """The messages of the QGIS log panel as (tab, level, text)."""
    messages: list[tuple[str, Qgis.MessageLevel, str]] = []

    def received(text: str, tab: str, level: Qgis.MessageLevel) -> None:
        messages.append((tab, level, text))

    QgsApplication.messageLog().messageReceived.connect(received)
    yield messages
    QgsApplication.messageLog().messageReceived.disconnect(received)


def _simulated_bug(*args, **kwargs):
    raise KeyError("simulated bug")


def test_a_bug_is_one_sentence_and_its_traceback_is_in_the_log_panel(wc_provider, monkeypatch, panel):
    import processing

    monkeypatch.setattr(crop_calendar, "suggest_seasons", _simulated_bug)
    feedback = _Feedback()
    with pytest.raises(QgsProcessingException) as stopped:
        processing.run("worldcereal:suggest_seasons", {"EXTENT": EXTENT, "YEAR": 2021, "OUTPUT": "TEMPORARY_OUTPUT"},
                       feedback=feedback)
    assert str(stopped.value) == SENTENCE
    assert not any("Traceback" in line or "_simulated_bug" in line for line in feedback.lines), feedback.lines
    logged = [text for tab, level, text in panel if tab == "WorldCereal" and level == Qgis.MessageLevel.Critical]
    assert len(logged) == 1
    assert logged[0].startswith("worldcereal:suggest_seasons failed:\nTraceback (most recent call last):")
    assert "in _simulated_bug" in logged[0] and logged[0].rstrip().endswith("KeyError: 'simulated bug'")


def test_a_long_message_is_cut_to_its_first_line(wc_provider, monkeypatch, panel):
    import processing

    def bug(*args, **kwargs):
        raise RuntimeError("x" * 300 + "\nsecond line")

    monkeypatch.setattr(crop_calendar, "suggest_seasons", bug)
    with pytest.raises(QgsProcessingException) as stopped:
        processing.run("worldcereal:suggest_seasons", {"EXTENT": EXTENT, "YEAR": 2021, "OUTPUT": "TEMPORARY_OUTPUT"})
    text = str(stopped.value)
    assert f"(RuntimeError: {'x' * 199}…);" in text and "second line" not in text
    assert any("second line" in message for _, _, message in panel)  # the whole message is in the log panel


def test_a_processing_exception_raised_on_purpose_is_not_called_a_bug(wc_provider, monkeypatch, panel):
    import processing

    def refuse(*args, **kwargs):
        raise QgsProcessingException("Choose a reference data layer or file.")

    monkeypatch.setattr(crop_calendar, "suggest_seasons", refuse)
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("worldcereal:suggest_seasons", {"EXTENT": EXTENT, "YEAR": 2021, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert str(refused.value) == "Choose a reference data layer or file."
    assert not [text for tab, _, text in panel if tab == "WorldCereal"]


def test_a_bug_in_a_parameter_check_is_one_sentence(wc_provider, monkeypatch, panel):
    import processing

    from worldcereal_qgis.processing import param_checks

    monkeypatch.setattr(param_checks, "parameter_problem", _simulated_bug)
    with pytest.raises(QgsProcessingException) as stopped:
        processing.run("worldcereal:suggest_seasons", {"EXTENT": EXTENT, "YEAR": 2021, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert str(stopped.value) == f"Unable to execute algorithm\n{SENTENCE}"  # QGIS's prefix for a refused check
    assert [text for tab, _, text in panel if tab == "WorldCereal" and "in _simulated_bug" in text]


def test_a_bug_while_loading_the_results_is_one_sentence(wc_provider, panel):
    """postProcessAlgorithm (layers added on the main thread) of any WorldCereal algorithm has the same path."""
    import processing

    from worldcereal_qgis.processing.base import WorldCerealAlgorithm

    class Loads(WorldCerealAlgorithm):
        def name(self) -> str:
            return "loads"

        def initAlgorithm(self, config=None):  # noqa: N802
            pass

        def _process(self, parameters, context, feedback) -> dict:
            return {}

        def postProcessAlgorithm(self, context, feedback):  # noqa: N802
            return _simulated_bug()

    feedback = _Feedback()
    processing.run(Loads(), {}, feedback=feedback)  # QGIS reports a failed post-processing, it does not raise
    assert SENTENCE.replace("suggest_seasons", "loads") in feedback.lines
    assert not any("Traceback" in line for line in feedback.lines), feedback.lines
    assert [text for tab, _, text in panel if tab == "WorldCereal" and "in _simulated_bug" in text]
