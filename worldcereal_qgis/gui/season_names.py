"""Seasons as people say them: "Season 1: Dec 2024 – Jul 2025", with WorldCereal's id (tc-s1) kept for tooltips.

WorldCereal names its crop-calendar seasons ``tc-s1`` (the first growing season of the area, often the main
one), ``tc-s2`` (the second, where there is one) and ``tc-annual`` (the whole agricultural year). Those ids are
what the openEO process and the result bands use; a person reads the season's number and months.
"""

from __future__ import annotations

from datetime import date

from qgis.PyQt.QtCore import QCoreApplication, QDate, QLocale


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCerealSeasons", text)


def season_name(season_id: str) -> str:
    names = {"tc-s1": tr("Season 1"), "tc-s2": tr("Season 2"), "tc-annual": tr("Whole year")}
    return names.get(season_id, season_id)


def month_text(day: date) -> str:
    """ "Dec 2024" in the user's language."""
    return QLocale().toString(QDate(day.year, day.month, 1), "MMM yyyy")


def season_text(season_id: str, start: date, end: date) -> str:
    return tr("{season}: {start} – {end}").format(season=season_name(season_id), start=month_text(start),
                                                  end=month_text(end))


def season_tooltip(season_id: str) -> str:
    return tr("WorldCereal season id: {id}").format(id=season_id)
