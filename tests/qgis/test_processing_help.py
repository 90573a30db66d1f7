"""Issue #19.11 / #22: the Processing help tells what a user needs before clicking Run."""

from __future__ import annotations

from worldcereal_qgis.core import backends


def test_map_algorithms_help(wc_provider):
    for alg_id in ("worldcereal:cropland", "worldcereal:croptype"):
        alg = wc_provider.algorithm(alg_id.split(":")[1])
        text = alg.shortHelpString()
        assert "Log in once in the WorldCereal panel" in text
        assert "dataspace.copernicus.eu" in text and "free" in text
        assert "credits" in text and "10–20 minutes" in text
        assert "either a polygon layer or an extent, not both" in text
        assert "YEAR or the dates: one of the two is needed" in text
        assert alg.helpUrl().startswith("https://")
        backend = alg.parameterDefinition("BACKEND")
        assert backend.options()[0] == "CDSE (Copernicus Data Space Ecosystem)"
        assert not {p.name for p in backends.PROFILES} & set(backend.options())  # no raw ids (cdse, local)
        assert "one of the two is needed" in alg.parameterDefinition("YEAR").description() or \
            "or give the first day below" in alg.parameterDefinition("YEAR").description()


def test_extraction_help_has_account_and_cost_without_map_advice(wc_provider):
    alg = next(a for a in wc_provider.algorithms() if "openEO backend" in
               [p.description() for p in a.parameterDefinitions()] and a.name() not in ("cropland", "croptype"))
    text = alg.shortHelpString()
    assert "Log in once in the WorldCereal panel" in text and "10,000 free credits a month" in text
    assert "polygon layer or an extent" not in text
