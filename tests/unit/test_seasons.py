"""Season suggestion from WorldCereal's real crop calendar (../shared/worldcereal/cropcalendar).

Every expected window below was derived by hand from the table with a separate pandas query
(``t[(t.lat >= S) & (t.lat <= N) & (t.lon >= W) & (t.lon <= E)]`` on ``<s1|s2|annual>_<sos|eos>_dekad``), not with
the code under test. The rule (worldcereal ``get_season_dates_for_extent``): median of the in-bbox dekads,
rounded half-to-even (np.rint: 26.5 -> 26, 35.5 -> 36, 43.5 -> 44, 52.5 -> 52, 70.5 -> 70), then on the 3-year
axis for target year Y: dekad d lies in year Y-1 + (d-1)//36, month ((d-1) % 36)//3 + 1, dekad-in-month
(d-1) % 3 + 1. Start = 1st of that month (of the NEXT month for a 3rd dekad); end = last day of that month
(of the PREVIOUS month for a 1st dekad). Processing period = the 12 months ending with the end month.
"""

from __future__ import annotations

import functools
import threading
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from worldcereal_qgis.core.errors import DownloadError, InputError
from worldcereal_qgis.core.seasons import (
    CALENDAR_FILENAME,
    CALENDAR_URL,
    CropCalendar,
    SeasonSuggestion,
    cropland_period_for,
    dekad_to_date,
    ensure_calendar,
)


@pytest.fixture(scope="module")
def calendar_path(wc_dir: Path) -> Path:
    return wc_dir / "cropcalendar" / CALENDAR_FILENAME


@pytest.fixture(scope="module")
def calendar(calendar_path: Path) -> CropCalendar:
    return CropCalendar.load(calendar_path)


D = date
# place: (bbox W,S,E,N, year, {season: (start, end)}), derivation in the comment above each entry.
PLACES = {
    # cells (50.75, 4.25), (50.75, 4.75). s1 sos [31,31] -> 31 = 2020 Nov d1 -> 2020-11-01; eos [57,57] -> 57 =
    # 2021 Jul d3 -> 2021-07-31. s2 46 = 2021 Apr d1, 66 = 2021 Oct d3. annual 31 / 66.
    "Belgium": ((4.0, 50.5, 5.0, 51.0), 2021, {
        "tc-s1": (D(2020, 11, 1), D(2021, 7, 31)), "tc-s2": (D(2021, 4, 1), D(2021, 10, 31)),
        "tc-annual": (D(2020, 11, 1), D(2021, 10, 31))}),
    # 4 cells (38.25|38.75, -98.75|-98.25). s1 sos [28,31,31,31] med 31 -> 2020-11-01; eos [51,51,54,51] med 51 =
    # 2021 May d3 -> 2021-05-31. s2 sos [46]*4 -> 2021-04-01; eos [63,66,66,66] med 66 -> 2021-10-31.
    # annual sos [28,31,31,31] -> 31; eos [63,66,66,66] -> 66.
    "Kansas": ((-99.0, 38.0, -98.0, 39.0), 2021, {
        "tc-s1": (D(2020, 11, 1), D(2021, 5, 31)), "tc-s2": (D(2021, 4, 1), D(2021, 10, 31)),
        "tc-annual": (D(2020, 11, 1), D(2021, 10, 31))}),
    # 4 cells (30.75|31.25, 75.25|75.75), all equal. s1 34 = 2020 Dec d1, 54 = 2021 Jun d3. s2 49 = 2021 May d1,
    # 69 = 2021 Nov d3. annual 34 / 69.
    "Punjab": ((75.0, 30.5, 76.0, 31.5), 2021, {
        "tc-s1": (D(2020, 12, 1), D(2021, 6, 30)), "tc-s2": (D(2021, 5, 1), D(2021, 11, 30)),
        "tc-annual": (D(2020, 12, 1), D(2021, 11, 30))}),
    # 4 cells (-12.75|-12.25, -55.75|-55.25). s1 sos 31; eos [48,51,48,48] med 48 = 2021 Apr d3 -> 2021-04-30.
    # s2 43 = 2021 Mar d1, 66. annual 31 / 66.
    "Mato Grosso": ((-56.0, -13.0, -55.0, -12.0), 2021, {
        "tc-s1": (D(2020, 11, 1), D(2021, 4, 30)), "tc-s2": (D(2021, 3, 1), D(2021, 10, 31)),
        "tc-annual": (D(2020, 11, 1), D(2021, 10, 31))}),
    # 4 cells (0.25|0.75, 35.25|35.75). s1 sos [28,25,28,25] med 26.5 -> 26 = 2020 Sep d2 -> 2020-09-01;
    # eos [42,45,42,45] med 43.5 -> 44 = 2021 Mar d2 -> 2021-03-31. s2 43 / 60 (= 2021 Aug d3). annual 25
    # (= 2020 Sep d1) / 60.
    "Kenya highlands": ((35.0, 0.0, 36.0, 1.0), 2021, {
        "tc-s1": (D(2020, 9, 1), D(2021, 3, 31)), "tc-s2": (D(2021, 3, 1), D(2021, 8, 31)),
        "tc-annual": (D(2020, 9, 1), D(2021, 8, 31))}),
    # 4 cells (7.75|8.25, 38.75|39.25), all equal; Y = 2025. s1 34 / 57, s2 49 / 69, annual 34 / 69.
    "Ethiopia": ((38.5, 7.5, 39.5, 8.5), 2025, {
        "tc-s1": (D(2024, 12, 1), D(2025, 7, 31)), "tc-s2": (D(2025, 5, 1), D(2025, 11, 30)),
        "tc-annual": (D(2024, 12, 1), D(2025, 11, 30))}),
    # 4 cells (49.25|49.75, 32.25|32.75). s1 31 / 60 (= 2021 Aug d3). s2 sos [46,46,49,46] med 46; eos 66.
    "Ukraine": ((32.0, 49.0, 33.0, 50.0), 2021, {
        "tc-s1": (D(2020, 11, 1), D(2021, 8, 31)), "tc-s2": (D(2021, 4, 1), D(2021, 10, 31)),
        "tc-annual": (D(2020, 11, 1), D(2021, 10, 31))}),
    # 4 cells (-34.25|-33.75, 147.25|147.75). s1 sos [37,37,34,34] med 35.5 -> 36 = 2020 Dec d3 -> next month
    # 2021-01-01; eos 51 -> 2021-05-31. s2 sos 52 = 2021 Jun d1; eos [72,72,69,69] med 70.5 -> 70 = 2021 Dec d1
    # -> previous month 2021-11-30. annual sos 35.5 -> 36, eos 70.5 -> 70.
    "NSW Australia": ((147.0, -34.5, 148.0, -33.5), 2021, {
        "tc-s1": (D(2021, 1, 1), D(2021, 5, 31)), "tc-s2": (D(2021, 6, 1), D(2021, 11, 30)),
        "tc-annual": (D(2021, 1, 1), D(2021, 11, 30))}),
    # 4 cells (-34.75|-34.25, -61.75|-61.25). s1 sos [31,31,34,31] med 31; eos [54,51,54,51] med 52.5 -> 52 =
    # 2021 Jun d1 -> 2021-05-31. s2 49 / [66,66,69,66] med 66. annual [31,31,34,31] -> 31 / 66.
    "Argentina Pampas": ((-62.0, -35.0, -61.0, -34.0), 2021, {
        "tc-s1": (D(2020, 11, 1), D(2021, 5, 31)), "tc-s2": (D(2021, 5, 1), D(2021, 10, 31)),
        "tc-annual": (D(2020, 11, 1), D(2021, 10, 31))}),
    # 4 cells (37.75|38.25, 114.75|115.25), all equal. s1 31 / 54, s2 52 / 66, annual 31 / 66.
    "northern China": ((114.5, 37.5, 115.5, 38.5), 2021, {
        "tc-s1": (D(2020, 11, 1), D(2021, 6, 30)), "tc-s2": (D(2021, 6, 1), D(2021, 10, 31)),
        "tc-annual": (D(2020, 11, 1), D(2021, 10, 31))}),
    # 4 cells (12.75|13.25, -6.25|-5.75); Y = 2024. s1 sos 34 -> 2023-12-01; eos [42,42,45,45] med 43.5 -> 44 =
    # 2024 Mar d2 -> 2024-03-31. s2 sos [52,49,52,52] med 52 -> 2024-06-01; eos 69 -> 2024-11-30. annual 34 / 69.
    "Mali": ((-6.5, 12.5, -5.5, 13.5), 2024, {
        "tc-s1": (D(2023, 12, 1), D(2024, 3, 31)), "tc-s2": (D(2024, 6, 1), D(2024, 11, 30)),
        "tc-annual": (D(2023, 12, 1), D(2024, 11, 30))}),
}


@pytest.mark.parametrize("place", sorted(PLACES))
def test_windows_match_hand_derived_table_values(calendar, place):
    bbox, year, expected = PLACES[place]
    got = {s.season_id: (s.start, s.end) for s in calendar.suggest_all(bbox, year)}
    assert got == expected
    for s in calendar.suggest_all(bbox, year):
        assert s.warning is None
        assert s.processing_period[1] == s.end
        assert s.processing_period[0].day == 1
        assert (s.processing_period[1].year - s.processing_period[0].year) * 12 \
            + s.processing_period[1].month - s.processing_period[0].month == 11


def test_processing_period_is_twelve_months_ending_with_the_season(calendar):
    s1 = calendar.suggest((4.0, 50.5, 5.0, 51.0), 2021, "tc-s1")
    assert s1.processing_period == (D(2020, 8, 1), D(2021, 7, 31))


def test_season_starting_in_the_previous_year(calendar):
    # Belgium winter cereals: sos dekad 31 is November of year-1 on the 3-year axis
    s1 = calendar.suggest((4.0, 50.5, 5.0, 51.0), 2022, "tc-s1")
    assert (s1.start, s1.end) == (D(2021, 11, 1), D(2022, 7, 31))


def test_small_aoi_without_grid_point_uses_its_own_cell_silently(calendar):
    # 0.1° box contains no cell centre; its centre (50.85, 4.35) snaps to cell (50.75, 4.25): Belgium values
    s1 = calendar.suggest((4.3, 50.8, 4.4, 50.9), 2021, "tc-s1")
    assert (s1.start, s1.end, s1.warning) == (D(2020, 11, 1), D(2021, 7, 31), None)


def test_nearest_cell_fallback_within_five_degrees(calendar):
    # Atlantic at (0, -25): own cell (0.25, -24.75) missing; nearest cell (0.75, -26.75) at sqrt(0.5²+2²) = 2.06°
    # holds s1 31 / 51 -> 2020-11-01 .. 2021-05-31
    s1 = calendar.suggest((-25.1, -0.1, -24.9, 0.1), 2021, "tc-s1")
    assert (s1.start, s1.end) == (D(2020, 11, 1), D(2021, 5, 31))
    assert s1.warning == ("The crop calendar has no data for this area; the nearest cell (0.75, -26.75), "
                          "2.1° away, was used.")


def test_no_calendar_within_five_degrees_is_a_clear_error(calendar):
    # South Pacific (-45, -140): nearest cell (-30.75, -143.25) is 14.4° away
    with pytest.raises(InputError) as info:
        calendar.suggest((-140.1, -45.1, -139.9, -44.9), 2021, "tc-s1")
    assert str(info.value) == ("The crop calendar has no data within 5° of this area (nearest cell 14.4° away); "
                               "enter the season dates by hand.")


def test_heterogeneous_area_warns(calendar):
    # West Africa 5x10°: 200 cells; s1 sos 28..37 (spread 9 > 7), medians 34 / 42 (= 2021 Feb d3)
    s1 = calendar.suggest((-10.0, 5.0, -5.0, 15.0), 2021, "tc-s1")
    assert (s1.start, s1.end) == (D(2020, 12, 1), D(2021, 2, 28))
    assert s1.warning == ("Crop calendars inside the area differ by up to 9 dekads, so the median tc-s1 window "
                          "may not fit all of it; consider a smaller area.")


def test_no_second_season_when_calendar_end_precedes_start(calendar):
    # cell (18.25, 35.75): s2 sos 58 (2021-08-01) after eos 57 (2021-07-31) -> no valid second season
    bbox = (35.6, 18.1, 35.9, 18.4)
    assert calendar.suggest(bbox, 2021, "tc-s2") is None
    assert [(s.season_id, s.start, s.end) for s in calendar.suggest_all(bbox, 2021)] == [
        ("tc-s1", D(2020, 9, 1), D(2021, 4, 30)),  # 25 = 2020 Sep d1, 48 = 2021 Apr d3
        ("tc-annual", D(2020, 8, 1), D(2021, 7, 31)),  # 22 = 2020 Aug d1, 57
    ]


def test_single_season_cell_has_no_tc_s2(calendar):
    # cell (-3.75, 13.75): s2 == s1 == 40 / 54, the table's way of saying "one season only"
    bbox = (13.6, -3.9, 13.9, -3.6)
    assert calendar.suggest(bbox, 2021, "tc-s2") is None
    assert [s.season_id for s in calendar.suggest_all(bbox, 2021)] == ["tc-s1", "tc-annual"]
    assert (calendar.suggest(bbox, 2021, "tc-s1").start, calendar.suggest(bbox, 2021, "tc-s1").end) == \
        (D(2021, 2, 1), D(2021, 6, 30))


def test_bbox_across_the_dateline(calendar):
    # Fiji: lat -16.75 and lons 179.75 (annual 25 / 60) and -179.75 (annual 28 / 63): medians 26.5 -> 26
    # (2020 Sep d2) and 61.5 -> 62 (2021 Sep d2 -> 2021-09-30)
    annual = calendar.suggest((179.5, -17.0, -179.5, -16.5), 2021, "tc-annual")
    assert (annual.start, annual.end) == (D(2020, 9, 1), D(2021, 9, 30))


def test_area_split_at_180_uses_the_cells_it_covers_not_a_latitude_band(calendar):
    from shapely.geometry import MultiPolygon, box

    from worldcereal_qgis.core.aoi import Aoi

    fiji = Aoi(MultiPolygon([box(179.5, -17.0, 180.0, -16.5), box(-180.0, -17.0, -179.5, -16.5)]))
    assert fiji.bbox == (179.5, -17.0, -179.5, -16.5)
    annual = calendar.suggest(fiji.bbox, 2021, "tc-annual")
    assert (annual.start, annual.end) == (D(2020, 9, 1), D(2021, 9, 30))  # as test_bbox_across_the_dateline
    band = calendar.suggest((-180.0, -17.0, 180.0, -16.5), 2021, "tc-annual")  # what a -180..180 box gives
    assert (band.start, band.end) != (annual.start, annual.end)


def test_tc_s2_absence_is_explained_exactly(calendar):
    # cell (-3.75, 13.75): s2 == s1 (40 / 54); cell (18.25, 35.75): s2 ends before it starts (see above)
    assert calendar.why_no_second_season((13.6, -3.9, 13.9, -3.6), 2021) == (
        "tc-s2 is not offered: its median window (Feb 2021 – Jun 2021) equals tc-s1's, which is how the crop "
        "calendar marks an area with one growing season.")
    assert calendar.why_no_second_season((35.6, 18.1, 35.9, 18.4), 2021) == (
        "tc-s2 is not offered: the crop calendar has no valid second season here (no dates, or an end before "
        "the start).")
    assert calendar.why_no_second_season((4.0, 50.5, 5.0, 51.0), 2021) is None


def test_cropland_period_ends_with_the_last_season(calendar):
    seasons = calendar.suggest_all((35.0, 0.0, 36.0, 1.0), 2021)  # Kenya: last end 2021-08-31
    assert cropland_period_for(seasons) == (D(2020, 9, 1), D(2021, 8, 31))
    with pytest.raises(InputError):
        cropland_period_for([])


def test_unknown_season_and_bad_bbox_are_input_errors(calendar):
    with pytest.raises(InputError, match="Unknown season 'tc-s3'"):
        calendar.suggest((4.0, 50.5, 5.0, 51.0), 2021, "tc-s3")
    with pytest.raises(InputError, match="not valid longitude/latitude"):
        calendar.suggest((4.0, 51.0, 5.0, 50.5), 2021, "tc-s1")


def test_nodata_season_is_none():
    cal = CropCalendar.from_columns({
        "lat": [50.75], "lon": [4.25], "s1_sos_dekad": [31], "s1_eos_dekad": [57], "s2_sos_dekad": [0],
        "s2_eos_dekad": [0], "annual_sos_dekad": [31], "annual_eos_dekad": [57]})
    assert cal.suggest((4.0, 50.5, 5.0, 51.0), 2021, "tc-s2") is None
    assert cal.suggest((4.0, 50.5, 5.0, 51.0), 2021, "tc-s1") == SeasonSuggestion(
        "tc-s1", D(2020, 11, 1), D(2021, 7, 31), (D(2020, 8, 1), D(2021, 7, 31)), None)


def test_overlong_window_warns():
    # sos 4 = Feb d1 of Y-1, eos 72 = Dec d3 of Y: 23 months, more than a job can process
    cal = CropCalendar.from_columns({
        "lat": [0.25], "lon": [0.25], "s1_sos_dekad": [4], "s1_eos_dekad": [72], "s2_sos_dekad": [4],
        "s2_eos_dekad": [72], "annual_sos_dekad": [4], "annual_eos_dekad": [72]})
    annual = cal.suggest((0.0, 0.0, 0.5, 0.5), 2021, "tc-annual")
    assert (annual.start, annual.end) == (D(2020, 2, 1), D(2021, 12, 31))
    assert annual.warning == ("The calendar's tc-annual window is 23 months long, more than the 12 months a job "
                              "can process.")


@pytest.mark.parametrize(("dekad", "edge", "expected"), [
    (1, "first", D(2020, 1, 1)), (3, "first", D(2020, 2, 1)), (36, "first", D(2021, 1, 1)),
    (37, "last", D(2020, 12, 31)), (41, "last", D(2021, 2, 28)), (108, "last", D(2022, 12, 31)),
    (38, "last", D(2021, 1, 31)), (5, "last", D(2020, 2, 29)),
])
def test_dekad_conversion_edges(dekad, edge, expected):
    assert dekad_to_date(dekad, 2021, edge) == expected


def test_load_is_cached(calendar_path, calendar):
    assert CropCalendar.load(calendar_path) is calendar
    assert len(calendar) == 112452


# --------------------------------------------------------------------------- download + cache


@pytest.fixture()
def file_server(calendar_path: Path):
    handler = functools.partial(_QuietFiles, directory=str(calendar_path.parent))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


class _QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_ensure_calendar_downloads_once(tmp_path, file_server, calendar_path):
    url = f"{file_server}/{CALENDAR_FILENAME}"
    with requests.Session() as session:
        path = ensure_calendar(tmp_path / "cache", url=url, session=session)
        assert path.read_bytes() == calendar_path.read_bytes()
        assert not path.with_name(path.name + ".part").exists()
        assert len(CropCalendar.load(path)) == 112452
        mtime = path.stat().st_mtime_ns
        assert ensure_calendar(tmp_path / "cache", url=f"{file_server}/missing", session=session) == path
        assert path.stat().st_mtime_ns == mtime


def test_ensure_calendar_offline_message(tmp_path, file_server):
    with requests.Session() as session, pytest.raises(DownloadError) as info:
        ensure_calendar(tmp_path, url=f"{file_server}/missing.geoparquet", session=session)
    assert str(info.value) == ("The WorldCereal crop calendar could not be downloaded (are you offline?); "
                               "enter the season dates by hand or try again later.")
    assert list(tmp_path.iterdir()) == []


def test_pinned_url_is_checked_against_its_hash(tmp_path):
    class WrongFile:
        def get(self, url, stream, timeout):
            assert url == CALENDAR_URL
            return _Response(b"not the calendar")

    with pytest.raises(DownloadError, match="not the expected file"):
        ensure_calendar(tmp_path, session=WrongFile())
    assert list(tmp_path.iterdir()) == []


class _Response:
    def __init__(self, body: bytes) -> None:
        self.body = body

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    def raise_for_status(self) -> None:
        pass

    def iter_content(self, chunk_size: int):
        yield self.body
