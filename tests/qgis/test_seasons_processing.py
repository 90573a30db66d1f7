"""Crop-calendar seasons in QGIS: worldcereal:suggest_seasons, the calendar download, suggested map defaults, cost.

Expected windows are the hand derivations of tests/unit/test_seasons.py (pandas queries on the real table), plus
the France test site, derived the same way: its bbox (5.106..5.231 E, 47.129..47.224 N) holds no 0.5° cell
centre, so the library uses the centroid's own cell (47.25, 5.25): s1 34 / 57, s2 46 / 69, annual 34 / 69
(target year 2021: 34 = 2020 Dec d1 -> 2020-12-01, 57 = 2021 Jul d3 -> 2021-07-31, 46 = 2021 Apr d1 ->
2021-04-01, 69 = 2021 Nov d3 -> 2021-11-30).
"""

from __future__ import annotations

import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterExtent,
    QgsVectorLayer,
)

from worldcereal_qgis import settings
from worldcereal_qgis.adapters import connections, crop_calendar
from worldcereal_qgis.core.errors import DownloadError

OFFLINE_MESSAGE = ("The WorldCereal crop calendar could not be downloaded (are you offline?); point the setting "
                   "worldcereal_qgis/seasons/calendar_path (Settings → Options → Advanced) or the panel's \"Use a "
                   "local calendar file…\" to a copy of seasonality_lookup.geoparquet, or enter the dates by hand.")
D = date


def _months_to(end: date) -> tuple[date, date]:
    """The 12 whole months ending with ``end``'s month (written out here, not taken from the plugin)."""
    return date(end.year - 1 if end.month < 12 else end.year, end.month % 12 + 1, 1), end


# place: (extent or "france" for the layer, year, {season: (start, end)}); see the module docstring.
PLACES = {
    "Belgium": ("4.0,5.0,50.5,51.0 [EPSG:4326]", 2021, {
        "tc-s1": (D(2020, 11, 1), D(2021, 7, 31)), "tc-s2": (D(2021, 4, 1), D(2021, 10, 31)),
        "tc-annual": (D(2020, 11, 1), D(2021, 10, 31))}),
    "NSW Australia": ("147.0,148.0,-34.5,-33.5 [EPSG:4326]", 2021, {
        "tc-s1": (D(2021, 1, 1), D(2021, 5, 31)), "tc-s2": (D(2021, 6, 1), D(2021, 11, 30)),
        "tc-annual": (D(2021, 1, 1), D(2021, 11, 30))}),
    "Mato Grosso": ("-56.0,-55.0,-13.0,-12.0 [EPSG:4326]", 2021, {
        "tc-s1": (D(2020, 11, 1), D(2021, 4, 30)), "tc-s2": (D(2021, 3, 1), D(2021, 10, 31)),
        "tc-annual": (D(2020, 11, 1), D(2021, 10, 31))}),
    "France (layer)": ("france", 2021, {
        "tc-s1": (D(2020, 12, 1), D(2021, 7, 31)), "tc-s2": (D(2021, 4, 1), D(2021, 11, 30)),
        "tc-annual": (D(2020, 12, 1), D(2021, 11, 30))}),
}


class _Feedback(QgsProcessingFeedback):
    """Keeps what the user would read in the Processing log."""

    def __init__(self) -> None:
        super().__init__()
        self.infos: list[str] = []
        self.warnings: list[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802
        super().pushInfo(info)
        self.infos.append(info)

    def pushWarning(self, warning: str) -> None:  # noqa: N802
        super().pushWarning(warning)
        self.warnings.append(warning)


@pytest.fixture
def real_calendar(configure, wc_dir: Path) -> Path:
    configure(settings.CALENDAR_PATH, str(wc_dir / "cropcalendar"))
    return wc_dir / "cropcalendar"


class _Server:
    """A local HTTP server that serves ``payload`` or, with None, refuses every request with 503."""

    def __init__(self, payload: bytes | None) -> None:
        self.requests = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                server.requests += 1
                if payload is None:
                    self.send_error(503, "Service Unavailable")
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{crop_calendar.CALENDAR_FILENAME}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def refusing_server():
    server = _Server(None)
    yield server
    server.close()


@pytest.fixture
def calendar_server(wc_dir: Path):
    server = _Server((wc_dir / "cropcalendar" / crop_calendar.CALENDAR_FILENAME).read_bytes())
    yield server
    server.close()


def _rows(layer: QgsVectorLayer) -> dict[str, tuple]:
    def py(value):
        return value.toPyDate() if hasattr(value, "toPyDate") else (None if value is None or value == "" or
                                                                     str(value) == "NULL" else value)

    return {f["season_id"]: tuple(py(f[n]) for n in ("start", "end", "period_start", "period_end", "warning"))
            for f in layer.getFeatures()}


def _suggest(aoi: str, year: int, wc_dir: Path, feedback=None) -> dict:
    import processing

    params = {"YEAR": year, "OUTPUT": "TEMPORARY_OUTPUT"}
    if aoi == "france":
        params["AOI_LAYER"] = str(wc_dir / "aoi" / "test_site_france.gpkg")
    else:
        params["EXTENT"] = aoi
    return processing.run("worldcereal:suggest_seasons", params, feedback=feedback)


def _load_in_task() -> dict:
    """Runs the plugin's calendar task as the dock does; returns what its callback received."""
    outcome: dict = {}
    crop_calendar.start_loading(lambda result, error: outcome.update(result=result, error=error))
    deadline = time.monotonic() + 30
    while not outcome:
        assert time.monotonic() < deadline, "the calendar task did not finish"
        QgsApplication.processEvents()
        time.sleep(0.01)
    return outcome


# --------------------------------------------------------------------------- worldcereal:suggest_seasons


@pytest.mark.parametrize("place", sorted(PLACES))
def test_suggest_seasons_table(wc_provider, real_calendar, wc_dir, place):
    aoi, year, expected = PLACES[place]
    result = _suggest(aoi, year, wc_dir)

    layer = result["OUTPUT"]
    assert layer.wkbType() == 100  # NoGeometry: a plain table
    assert [f.name() for f in layer.fields()] == ["season_id", "start", "end", "period_start", "period_end",
                                                   "warning"]
    assert _rows(layer) == {sid: (start, end, *_months_to(end), None) for sid, (start, end) in expected.items()}
    last_end = max(end for _, end in expected.values())
    assert (result["CROPLAND_START"], result["CROPLAND_END"]) == tuple(d.isoformat() for d in _months_to(last_end))
    assert result["SEASON_COUNT"] == 3


def test_single_season_area_has_no_tc_s2_row(wc_provider, real_calendar, wc_dir):
    # cell (-3.75, 13.75): s1 == s2 == 40 / 54 (2021-02-01 .. 2021-06-30), annual 19 (2020 Jul d1) / 54
    feedback = _Feedback()
    result = _suggest("13.6,13.9,-3.9,-3.6 [EPSG:4326]", 2021, wc_dir, feedback)
    assert _rows(result["OUTPUT"]) == {
        "tc-s1": (D(2021, 2, 1), D(2021, 6, 30), D(2020, 7, 1), D(2021, 6, 30), None),
        "tc-annual": (D(2020, 7, 1), D(2021, 6, 30), D(2020, 7, 1), D(2021, 6, 30), None),
    }
    assert result["SEASON_COUNT"] == 2
    assert ("tc-s2 is not offered: its median window (Feb 2021 – Jun 2021) equals tc-s1's, which is how the crop "
            "calendar marks an area with one growing season.") in feedback.infos


def test_heterogeneous_area_warning_is_in_the_table_and_the_log(wc_provider, real_calendar, wc_dir):
    # West Africa 5x10°: s1 sos 28..37 (spread 9 > 7 dekads), medians 34 / 42 -> 2020-12-01 .. 2021-02-28
    feedback = _Feedback()
    rows = _rows(_suggest("-10.0,-5.0,5.0,15.0 [EPSG:4326]", 2021, wc_dir, feedback)["OUTPUT"])
    warning = ("Crop calendars inside the area differ by up to 9 dekads, so the median tc-s1 window may not fit all "
               "of it; consider a smaller area.")
    assert rows["tc-s1"][:2] == (D(2020, 12, 1), D(2021, 2, 28))
    assert rows["tc-s1"][4] == warning
    assert warning in feedback.warnings


def test_suggest_seasons_in_a_model(wc_provider, real_calendar):
    """Model Builder: extent -> suggest_seasons -> keep tc-s2 only (native:extractbyattribute)."""
    import processing

    source = QgsProcessingModelChildParameterSource
    model = QgsProcessingModelAlgorithm("seasons_s2", "Tests")
    model.addModelParameter(QgsProcessingParameterExtent("area", "Area"), QgsProcessingModelParameter("area"))
    suggest = QgsProcessingModelChildAlgorithm("worldcereal:suggest_seasons")
    suggest.setChildId("suggest")
    suggest.addParameterSources("EXTENT", [source.fromModelParameter("area")])
    suggest.addParameterSources("YEAR", [source.fromStaticValue(2021)])
    model.addChildAlgorithm(suggest)
    pick = QgsProcessingModelChildAlgorithm("native:extractbyattribute")
    pick.setChildId("pick")
    pick.addParameterSources("INPUT", [source.fromChildOutput("suggest", "OUTPUT")])
    for name, value in {"FIELD": "season_id", "OPERATOR": 0, "VALUE": "tc-s2"}.items():
        pick.addParameterSources(name, [source.fromStaticValue(value)])
    output = QgsProcessingModelOutput("s2", "Second season")
    output.setChildOutputName("OUTPUT")
    pick.setModelOutputs({"s2": output})
    model.addChildAlgorithm(pick)

    (s2_param,) = model.destinationParameterDefinitions()  # "pick:s2" up to QGIS 3.2x, "second_season" in 3.40+
    result = processing.run(model, {"area": "147.0,148.0,-34.5,-33.5 [EPSG:4326]", s2_param.name(): "TEMPORARY_OUTPUT"})
    layer = result[s2_param.name()]
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "s2", "ogr")
    assert _rows(layer) == {"tc-s2": (D(2021, 6, 1), D(2021, 11, 30), D(2020, 12, 1), D(2021, 11, 30), None)}


# --------------------------------------------------------------------------- download, offline, cache


def test_offline_download_is_one_clear_sentence(wc_provider, configure, refusing_server, tmp_path, wc_dir):
    folder = tmp_path / "calendar"
    configure(settings.CALENDAR_PATH, str(folder))
    configure(settings.CALENDAR_URL, refusing_server.url)

    with pytest.raises(QgsProcessingException) as info:
        _suggest("4.0,5.0,50.5,51.0 [EPSG:4326]", 2021, wc_dir)
    assert str(info.value) == OFFLINE_MESSAGE
    assert refusing_server.requests == 1
    assert list(folder.iterdir()) == []  # no half-written calendar left behind

    outcome = _load_in_task()
    assert outcome["result"] is None
    assert isinstance(outcome["error"], DownloadError) and str(outcome["error"]) == OFFLINE_MESSAGE
    assert refusing_server.requests == 2


def test_calendar_is_downloaded_once_then_answers_from_memory(configure, calendar_server, tmp_path):
    folder = tmp_path / "calendar"
    configure(settings.CALENDAR_PATH, str(folder))
    configure(settings.CALENDAR_URL, calendar_server.url)
    assert crop_calendar.loaded_calendar() is None  # nothing on disk yet, and no network asked
    assert calendar_server.requests == 0

    outcome = _load_in_task()
    assert outcome["error"] is None and len(outcome["result"]) == 112_452
    assert (folder / crop_calendar.CALENDAR_FILENAME).is_file()

    started = time.perf_counter()
    found = crop_calendar.suggest_seasons((147.0, -34.5, 148.0, -33.5), 2021)
    elapsed_ms = (time.perf_counter() - started) * 1000
    assert [(s.season_id, s.start, s.end) for s in found] == [
        ("tc-s1", D(2021, 1, 1), D(2021, 5, 31)), ("tc-s2", D(2021, 6, 1), D(2021, 11, 30)),
        ("tc-annual", D(2021, 1, 1), D(2021, 11, 30))]
    assert elapsed_ms < 100
    assert calendar_server.requests == 1


def test_missing_custom_calendar_file_is_named(wc_provider, configure, tmp_path, wc_dir):
    missing = tmp_path / "my_calendar.geoparquet"
    configure(settings.CALENDAR_PATH, str(missing))
    with pytest.raises(QgsProcessingException) as info:
        _suggest("4.0,5.0,50.5,51.0 [EPSG:4326]", 2021, wc_dir)
    assert str(info.value) == f"The crop calendar file {missing} set in the WorldCereal settings does not exist."


# --------------------------------------------------------------------------- map algorithms' defaults and cost


def _backend_node(backend_url: str, job_id: str) -> dict:
    meta = connections.client(connections.profile("local", backend_url)).connection.job(job_id).describe()
    return next(n for n in meta["process"]["process_graph"].values() if n["process_id"].startswith("worldcereal_"))


@pytest.mark.slow
def test_croptype_without_dates_uses_the_calendar_seasons(wc_provider, real_calendar, local_backend, wc_dir,
                                                          tmp_path):
    import processing

    feedback = _Feedback()
    result = processing.run("worldcereal:croptype", {
        "AOI_LAYER": str(wc_dir / "aoi" / "test_site_france.gpkg"), "AOI_NAME": "france", "YEAR": 2021,
        "ORBIT": 2, "BACKEND": 3, "BACKEND_URL": local_backend.url, "LOAD_LAYERS": False,
        "OUTPUT_FOLDER": str(tmp_path / "croptype"),
    }, feedback=feedback)

    node = _backend_node(local_backend.url, result["JOB_ID"])
    assert node["arguments"]["season_windows"] == {"tc-s1": ["2020-12-01", "2021-07-31"],
                                                   "tc-s2": ["2021-04-01", "2021-11-30"]}
    assert node["arguments"]["season_ids"] == ["tc-s1", "tc-s2"]
    assert node["arguments"]["temporal_extent"] == ["2020-12-01", "2021-11-30"]
    assert "Suggested season tc-s1: 2020-12-01 – 2021-07-31 (crop calendar, 2021)." in feedback.infos


def test_croptype_without_dates_or_year_says_what_to_give(wc_provider, real_calendar, wc_dir, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException) as info:
        processing.run("worldcereal:croptype", {
            "AOI_LAYER": str(wc_dir / "aoi" / "test_site_france.gpkg"), "ORBIT": 2, "BACKEND": 3,
            "BACKEND_URL": "http://127.0.0.1:9/openeo/1.2", "OUTPUT_FOLDER": str(tmp_path / "x")})
    assert str(info.value) == ("Give the season dates, or a year so the seasons can be suggested from the crop "
                               "calendar.")


def test_croptype_custom_season_id_without_dates_is_refused(wc_provider, real_calendar, wc_dir, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException) as info:
        processing.run("worldcereal:croptype", {
            "AOI_LAYER": str(wc_dir / "aoi" / "test_site_france.gpkg"), "SEASON1_ID": "maize2021", "SEASON2_ID": "",
            "YEAR": 2021, "ORBIT": 2, "BACKEND": 3, "BACKEND_URL": "http://127.0.0.1:9/openeo/1.2",
            "OUTPUT_FOLDER": str(tmp_path / "x")})
    assert str(info.value) == ("Season 'maize2021' has no dates and is not a crop-calendar season (tc-s1, tc-s2, "
                               "tc-annual); give its start and end dates.")


@pytest.mark.slow
def test_cropland_year_follows_the_calendar_and_warns_about_cost(wc_provider, real_calendar, configure,
                                                                 local_backend, wc_dir, tmp_path, france_aoi):
    import processing

    configure(settings.CREDIT_BUDGET, 5.0)
    configure(settings.MAP_CREDITS_PER_KM2_HIGH, 150.0)  # the ≈ 100 km² site then costs > 10,000 credits
    feedback = _Feedback()
    result = processing.run("worldcereal:cropland", {
        "AOI_LAYER": str(wc_dir / "aoi" / "test_site_france.gpkg"), "YEAR": 2021, "ORBIT": 2, "BACKEND": 3,
        "BACKEND_URL": local_backend.url, "LOAD_LAYERS": False, "OUTPUT_FOLDER": str(tmp_path / "cropland"),
    }, feedback=feedback)

    node = _backend_node(local_backend.url, result["JOB_ID"])
    assert node["arguments"]["temporal_extent"] == ["2020-12-01", "2021-11-30"]  # 12 months to the last season
    area = france_aoi.area_km2
    low, high = area * 0.10 + 2.0, area * 150.0 + 2.0  # the user's rate from settings, the default low rate
    assert f"Area {area:.1f} km²; estimated cost {low:.0f}–{high:.0f} credits." in feedback.infos
    assert feedback.warnings == [
        f"This job may use up to {high:,.0f} credits, more than your budget of 5 credits.",
        f"This job may use up to {high:,.0f} credits, more than the 10,000 free credits CDSE gives per month.",
    ]


def _cropland_request(wc_dir: Path, feedback):
    from qgis.core import QgsProcessingContext

    from worldcereal_qgis.processing.alg_map import CroplandAlgorithm

    alg = CroplandAlgorithm()
    alg.initAlgorithm()
    try:
        return alg.build_request({"AOI_LAYER": str(wc_dir / "aoi" / "test_site_france.gpkg"), "YEAR": 2021,
                                  "ORBIT": 2}, QgsProcessingContext(), feedback)
    except DownloadError as err:  # its traceback's frames would keep QGIS objects alive past QGIS's exit (a crash)
        message = str(err)
    raise DownloadError(message)


def test_cropland_year_in_a_fresh_profile_fetches_the_calendar(wc_provider, configure, calendar_server, wc_dir,
                                                               tmp_path):
    configure(settings.CALENDAR_PATH, str(tmp_path / "fresh"))
    configure(settings.CALENDAR_URL, calendar_server.url)
    feedback = _Feedback()
    request = _cropland_request(wc_dir, feedback)
    # France test site: last season (annual) ends 2021-11-30 (module docstring) -> Dec 2020 .. Nov 2021
    assert request.temporal_extent == (D(2020, 12, 1), D(2021, 11, 30))
    assert ("Processing period 2020-12-01 – 2021-11-30: the 12 months ending with the area's last crop-calendar "
            "season of 2021 (the WorldCereal notebooks' rule).") in feedback.infos
    assert calendar_server.requests == 1
    _cropland_request(wc_dir, _Feedback())
    assert calendar_server.requests == 1  # once per profile


def test_cropland_year_offline_says_so_and_names_the_setting(wc_provider, configure, refusing_server, wc_dir,
                                                             tmp_path):
    configure(settings.CALENDAR_PATH, str(tmp_path / "empty"))
    configure(settings.CALENDAR_URL, refusing_server.url)
    with pytest.raises(DownloadError) as info:
        _cropland_request(wc_dir, _Feedback())
    assert str(info.value) == OFFLINE_MESSAGE  # not Jan-Dec in silence, not "no seasons for this area"
    assert refusing_server.requests == 1
