"""Parameter values checked before an algorithm runs, with the allowed range or choices in the sentence.

QGIS's own check answers "Incorrect parameter value for YEAR" without saying what is allowed, and accepts text
such as YEAR=abc for an optional number (it then reads as 0 and fails later with a traceback). Every
WorldCereal algorithm runs these checks first (base.WorldCerealAlgorithm.checkParameterValues).
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QCoreApplication

_UNBOUNDED = 1e300  # QGIS's "no limit" is +-DBL_MAX
_LABEL_KEY = "worldcereal_label"
_BOOLEAN_WORDS = ("true", "false", "yes", "no", "1", "0")


def _expected(kind: str) -> str | None:
    """What other parameter types expect, for QGIS's own acceptability check (type() -> translated words)."""
    texts = {
        "extent": lambda: tr("an extent as xmin,xmax,ymin,ymax [EPSG:code] (e.g. 5.11,5.14,47.13,47.15 [EPSG:4326]) "
                             "or a layer"),
        "file": lambda: tr("the path of an existing file"),
        "crs": lambda: tr("a coordinate reference system such as EPSG:4326"),
    }
    return texts[kind]() if kind in texts else None


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCereal", text)


def standalone_label(definition: QgsProcessingParameterDefinition, label: str) -> QgsProcessingParameterDefinition:
    """Give a parameter whose description continues the one above ("…or area of interest as an extent") the
    words that name it on their own in a sentence (already translated); returns ``definition`` for addParameter."""
    metadata = definition.metadata()
    metadata[_LABEL_KEY] = label
    definition.setMetadata(metadata)
    return definition


def _label(definition: QgsProcessingParameterDefinition) -> str:
    """'Year (YEAR)': the words the dialog shows, then the name qgis_process and scripts use.

    No word is cut off a description (that only works in English): a description that continues the one above
    ("…or …") carries its stand-alone words in its metadata (``standalone_label``); else the name alone.
    """
    words = definition.metadata().get(_LABEL_KEY) or definition.description().split(" (")[0].strip()
    if not words or words.startswith(("…", "...")):
        return definition.name()
    return f"{words[:1].upper() + words[1:]} ({definition.name()})"


def _expected_number(whole: bool, low: float, high: float) -> str:
    """'a whole number from 2000 to 2030': one whole phrase per case, so each language words it its own way."""
    has_low, has_high = low > -_UNBOUNDED, high < _UNBOUNDED
    bounds = {"low": f"{low:g}", "high": f"{high:g}"}
    if has_low and has_high:
        text = tr("a whole number from {low} to {high}") if whole else tr("a number from {low} to {high}")
    elif has_low:
        text = tr("a whole number of at least {low}") if whole else tr("a number of at least {low}")
    elif has_high:
        text = tr("a whole number of at most {high}") if whole else tr("a number of at most {high}")
    else:
        text = tr("a whole number") if whole else tr("a number")
    return text.format(**bounds)


def number_problem(definition: QgsProcessingParameterNumber, value: Any) -> str | None:
    whole = definition.dataType() == QgsProcessingParameterNumber.Type.Integer
    low, high = definition.minimum(), definition.maximum()
    expected = _expected_number(whole, low, high)
    try:
        number = float(str(value).strip())
    except ValueError:
        return tr("{label} must be {expected}, not '{value}'.").format(label=_label(definition), expected=expected,
                                                                       value=value)
    if (whole and not number.is_integer()) or not low <= number <= high:
        return tr("{label} must be {expected}, not {value}.").format(label=_label(definition), expected=expected,
                                                                     value=value)
    return None


def enum_problem(definition: QgsProcessingParameterEnum, value: Any) -> str | None:
    options = definition.options()
    text = str(value).strip()
    if text in options or (text.lstrip("-").isdigit() and 0 <= int(text) < len(options)):
        return None
    choices = ", ".join(f"{i} = {option}" for i, option in enumerate(options))
    return tr("{label} must be one of {choices}; not '{value}'.").format(label=_label(definition), choices=choices,
                                                                         value=value)


def other_problem(definition: QgsProcessingParameterDefinition, value: Any, context=None) -> str | None:
    """Booleans given as text, and the types QGIS checks itself but reports without saying what it expects."""
    if isinstance(definition, QgsProcessingParameterBoolean):
        if isinstance(value, str) and value.strip().lower() not in _BOOLEAN_WORDS:
            return tr("{label} must be true or false, not '{value}'.").format(label=_label(definition), value=value)
        return None
    expected = _expected(definition.type())
    if expected and not definition.checkValueIsAcceptable(value, context):
        return tr("{label} must be {expected}, not '{value}'.").format(label=_label(definition), expected=expected,
                                                                       value=value)
    return None


def parameter_problem(definition: QgsProcessingParameterDefinition, value: Any, context=None) -> str | None:
    """One sentence when ``value`` (as given: number or text) is outside what the parameter allows."""
    if value is None or value == "" or not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None  # missing values, layers, expressions: QGIS's own checks
    if isinstance(definition, QgsProcessingParameterNumber):
        return number_problem(definition, value)
    if isinstance(definition, QgsProcessingParameterEnum) and not definition.allowMultiple():
        return enum_problem(definition, value)
    return other_problem(definition, value, context)
