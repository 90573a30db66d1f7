"""metadata.txt must be complete for the official QGIS plugin repository."""

from __future__ import annotations

import configparser
import re

from tests.conftest import REPO_ROOT

REQUIRED = [
    "name", "qgisMinimumVersion", "qgisMaximumVersion", "description", "about", "version", "author", "email",
    "homepage", "tracker", "repository", "tags", "icon", "experimental", "changelog", "hasProcessingProvider",
    "supportsQt6",
]


def _general() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep camelCase keys
    parser.read(REPO_ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_every_required_key_is_present_and_filled():
    general = _general()
    missing = [k for k in REQUIRED if not general.get(k, "").strip()]
    assert missing == []


def test_version_range_and_flags():
    general = _general()
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"
    assert general["hasProcessingProvider"] == "yes"
    assert general["supportsQt6"] in ("True", "yes")
    assert re.fullmatch(r"\d+\.\d+\.\d+", general["version"])


def test_icon_exists_and_urls_are_https():
    general = _general()
    assert (REPO_ROOT / general["icon"]).is_file()
    for key in ("homepage", "tracker", "repository"):
        assert general[key].startswith("https://"), key


def test_changelog_mentions_current_version():
    general = _general()
    assert general["version"] in general["changelog"]


def test_pyproject_version_matches_metadata():
    text = (REPO_ROOT / "pyproject.toml").read_text()
    assert f'version = "{_general()["version"]}"' in text
