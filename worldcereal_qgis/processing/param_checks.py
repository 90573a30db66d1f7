"""One sentence with the allowed range or format for a parameter value QGIS would only call "incorrect".

QGIS's own check answers "Incorrect parameter value for YEAR" and nothing more, and it lets an optional number
through when its text is not a number at all (``YEAR=abc`` then reaches the algorithm as 0). The algorithms
call ``first_problem`` from ``checkParameterValues`` so the user reads which value is wrong and what is allowed,
before anything is planned or sent.
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QCoreApplication

_UNBOUNDED = 1e300  # QGIS stores "no limit" as ±DBL_MAX
_BOOLEAN_TEXTS = ("true", "false", "1", "0", "yes", "no")


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCerealParameters", text)


def first_problem(definitions: list[QgsProcessingParameterDefinition], parameters: dict, context) -> str | None:
    """The sentence for the first unacceptable value (QGIS's order), or None when every value is acceptable."""
    for definition in definitions:
        if definition.isDestination():
            continue  # QGIS fills in a temporary output
        value = parameters.get(definition.name())
        if _is_empty(value):
            if definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional:
                continue
            if definition.defaultValue() is not None:
                continue
            return tr("{label} ({name}) is required.").format(label=_label(definition), name=definition.name())
        if not _acceptable(definition, value, context):
            return describe(definition, value)
    return None


def describe(definition: QgsProcessingParameterDefinition, value: Any) -> str:
    """'<label> (<NAME>) must be …, not '<value>'.' for the parameter's type."""
    allowed = _allowed(definition)
    return tr("{label} ({name}) must be {allowed}, not '{value}'.").format(
        label=_label(definition), name=definition.name(), allowed=allowed, value=_shown(value))


def _acceptable(definition: QgsProcessingParameterDefinition, value: Any, context) -> bool:
    if isinstance(definition, QgsProcessingParameterNumber) and not _is_number(value):
        return False  # QGIS accepts any text for an optional number
    if isinstance(definition, QgsProcessingParameterBoolean) and isinstance(value, str):
        return value.strip().lower() in _BOOLEAN_TEXTS  # QGIS reads any other text as true
    return definition.checkValueIsAcceptable(value, context)


def _allowed(definition: QgsProcessingParameterDefinition) -> str:
    if isinstance(definition, QgsProcessingParameterNumber):
        return _number_range(definition)
    if isinstance(definition, QgsProcessingParameterEnum):
        options = ", ".join(f"{i} ({text})" for i, text in enumerate(definition.options()))
        return tr("one of {options}").format(options=options)
    if isinstance(definition, QgsProcessingParameterBoolean):
        return tr("true or false")
    if isinstance(definition, QgsProcessingParameterExtent):
        return tr("an extent written xmin,xmax,ymin,ymax [EPSG:code], e.g. 5.11,5.14,47.13,47.15 [EPSG:4326]")
    if isinstance(definition, QgsProcessingParameterFile):
        return _file_kind(definition)
    if isinstance(definition, QgsProcessingParameterFeatureSource):
        return tr("a vector layer or a file QGIS can open as one")
    return tr("a valid {kind} value").format(kind=definition.type())


def _number_range(definition: QgsProcessingParameterNumber) -> str:
    whole = definition.dataType() == QgsProcessingParameterNumber.Type.Integer
    low, high = definition.minimum(), definition.maximum()
    has_low, has_high = low > -_UNBOUNDED, high < _UNBOUNDED
    low_text, high_text = _number_text(low), _number_text(high)
    if has_low and has_high:
        text = (tr("a whole number from {low} to {high}") if whole else tr("a number from {low} to {high}"))
    elif has_low:
        text = tr("a whole number of at least {low}") if whole else tr("a number of at least {low}")
    elif has_high:
        text = tr("a whole number of at most {high}") if whole else tr("a number of at most {high}")
    else:
        text = tr("a whole number") if whole else tr("a number")
    return text.format(low=low_text, high=high_text)


def _file_kind(definition: QgsProcessingParameterFile) -> str:
    if definition.behavior() == QgsProcessingParameterFile.Behavior.Folder:
        return tr("an existing folder")
    if definition.extension():
        return tr("an existing .{ext} file").format(ext=definition.extension())
    return tr("an existing file")


def _label(definition: QgsProcessingParameterDefinition) -> str:
    """The description without its '…or ' lead-in and its parenthesised hints, capitalised."""
    text = definition.description().split(" (")[0].rstrip(" .").removeprefix("…or ").strip()
    return (text[:1].upper() + text[1:]) if text else definition.name()


def _number_text(value: float) -> str:
    return f"{value:g}" if value != int(value) else f"{int(value)}"


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    if isinstance(value, str):
        try:
            float(value.strip())
        except ValueError:
            return False
        return True
    return True  # QVariant, expressions, property definitions: QGIS judges them


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"
