"""Translations: a ``tr`` per module context, and QGIS's locale picking the plugin's .qm file.

Each QGIS-side module defines ``tr = translator("WorldCerealSomething")`` (or a ``def tr`` calling
QCoreApplication.translate with a literal context); ``make translations`` collects every ``tr("…")`` literal
and the .ui strings into worldcereal_qgis/i18n/*.ts and builds the .qm files QGIS loads. Sentences stay whole
with ``{placeholders}`` filled by ``.format`` after translation, so a translator can reorder them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"
LANGUAGES = ("fr", "es")


def translator(context: str) -> Callable[[str], str]:
    def tr(text: str) -> str:
        return QCoreApplication.translate(context, text)

    return tr


tr = translator("WorldCerealBackends")  # this module's own words: the backend names


def backend_name(profile) -> str:
    """A backend as people read it in a list (Processing and the dock); its id (cdse, local) stays in the code."""
    names = {
        "cdse": tr("CDSE (Copernicus Data Space Ecosystem)"),
        "cdse-federation": tr("CDSE openEO federation"),
        "terrascope": tr("Terrascope (VITO)"),
        "local": tr("Local simulated backend (developers)"),
        "custom": tr("Other openEO backend (URL)"),
    }
    return names.get(profile.name, profile.title)


def user_language() -> str:
    """QGIS's interface language ("fr" for fr_FR), as the user chose it in QGIS's options."""
    settings = QgsSettings()
    if str(settings.value("locale/overrideFlag", False)).lower() in ("true", "1"):
        locale = str(settings.value("locale/userLocale", "") or "")
    else:
        locale = QLocale.system().name()
    return (locale or "en")[:2].lower()


def qm_path(language: str) -> Path:
    return I18N_DIR / f"worldcereal_qgis_{language}.qm"


def install_translator(language: str | None = None) -> QTranslator | None:
    """Load the plugin's translation for ``language`` (default: QGIS's); None when there is none (English)."""
    path = qm_path(language or user_language())
    if not path.is_file():
        return None
    loaded = QTranslator()
    if not loaded.load(str(path)):
        return None
    QCoreApplication.installTranslator(loaded)
    return loaded


def remove_translator(loaded: QTranslator | None) -> None:
    if loaded is not None:
        QCoreApplication.removeTranslator(loaded)
