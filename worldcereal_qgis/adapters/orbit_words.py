"""The automatic Sentinel-1 orbit choice (core/orbit.py) said in the user's language.

Core has no Qt: it gives the choice's reason as a code with its values (and an English sentence for logs and job
records). Both front ends (the dock's form and the map algorithms) say it through this table of ``tr()`` literals.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCerealOrbit", text)


def orbit_reason(choice) -> str:
    """Why ``choice.orbit_state`` was chosen, one sentence; core's English when the code is unknown (a newer core)."""
    v, orbit = choice.values, choice.orbit_state
    texts = {
        "no_cover": lambda: tr("No Sentinel-1 VV+VH acquisitions of either orbit fully cover the area in this "
                               "period, so {orbit} is used as in the WorldCereal library."),
        "only_cover": lambda: tr("{orbit} is the only orbit whose acquisitions fully cover the area."),
        "no_long_gap": lambda: tr("Both orbits cover the area, but only {orbit} has no gap longer than {gap} days "
                                  "between acquisitions ({days} days vs {other_days} days)."),
        "larger_footprint": lambda: tr("Both orbits cover the area; {orbit} has the larger total footprint over it "
                                       "({cover}x vs {other_cover}x the area)."),
        "not_checked": lambda: tr("The Sentinel-1 orbit could not be checked ({error}), so {orbit} (the WorldCereal "
                                  "library's default) is used."),
    }
    if choice.code not in texts:
        return choice.reason
    cover = {k: f"{v[k]:.1f}" for k in ("cover", "other_cover") if k in v}
    return texts[choice.code]().format(orbit=orbit, **{**v, **cover})
