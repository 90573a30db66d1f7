"""Checks the map algorithms make before anything is sent: things QGIS accepts but that would waste credits.

Each check either passes, refuses with one sentence (InputError: nothing was sent), or, for an area that is
valid but suspicious (tiny, open sea), refuses unless the user set CONFIRM, the Processing form of the dock's
question.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import DownloadError, InputError


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCerealPreflight", text)


def refuse_year_and_start(year, start_text: str) -> None:
    """YEAR and START_DATE both set the cropland period: refuse rather than let one win silently."""
    if start_text and year not in (None, ""):
        raise InputError(tr("Give either YEAR ({year}) or START_DATE ({start}), not both: each sets the 12-month "
                            "processing period.").format(year=year, start=start_text), field="temporal_extent")


def add_season(seasons: dict, season_id: str, window: tuple, number: int) -> None:
    """A second season with the same id would silently replace the first: refuse it, naming both."""
    if season_id in seasons:
        raise InputError(tr("Season {n} has the id '{sid}' of an earlier season; give each season its own id "
                            "(e.g. tc-s1 and tc-s2).").format(n=number, sid=season_id), field="season_windows")
    seasons[season_id] = window


def year_not_used(year, feedback) -> None:
    """Crop type: season dates given, so YEAR (used only to suggest seasons) does not count; say so."""
    if year not in (None, ""):
        feedback.pushWarning(tr("YEAR {year} is not used: the season dates given set the seasons and the "
                                "processing period.").format(year=year))


def check_area(aoi, confirmed: bool, feedback) -> None:
    """A tiny area or one entirely at sea is refused unless CONFIRM is true (then it is only warned about)."""
    from ..adapters.area_check import area_warnings

    warnings, sea_checked = area_warnings(aoi)
    if not sea_checked:
        feedback.pushInfo(tr("The crop calendar is not on disk yet, so the area was not checked for open sea."))
    if not warnings:
        return
    if confirmed:
        for warning in warnings:
            feedback.pushWarning(warning)
        return
    raise InputError(tr("{warning} Nothing was sent; set CONFIRM to true to run it anyway.").format(
        warning=warnings[0]), field="aoi")


def check_head_url(url: str, feedback) -> None:
    """Download a head zip given by URL and check it as the job would load it (manifest and weights)."""
    import requests

    from ..adapters.connections import qgis_proxies
    from ..core.head_zip import check_head_zip

    feedback.pushInfo(tr("Checking the crop-type head {url} before the job…").format(url=_short(url)))
    with tempfile.TemporaryDirectory(prefix="wc-head-") as tmp, requests.Session() as session:
        session.proxies.update(qgis_proxies())
        path = Path(tmp) / (Path(urlsplit(url).path).name or "head.zip")
        try:
            from ..core.download import download_file

            download_file(url, path, session=session, max_retries=2, retry_delays=(1, 2), timeout=60)
        except DownloadError as err:
            raise InputError(tr("The crop-type head {url} could not be downloaded to be checked before the job: "
                                "{reason}").format(url=_short(url), reason=err), field="croptype_head_zip") from err
        check_head_zip(path, weights=True)


def _short(url: str) -> str:
    """The URL without its query: presigned links carry a temporary credential there."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"
