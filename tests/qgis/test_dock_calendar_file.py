"""#19 item 8: offline, the dock says the calendar could not be downloaded and offers a local copy, which it uses."""

from __future__ import annotations

from pathlib import Path

from tests.qgis.test_dock import BURGUNDY, make_dock, set_extent, wait_for  # noqa: F401  (make_dock: fixture)
from worldcereal_qgis import settings
from worldcereal_qgis.core.seasons import CropCalendar
from worldcereal_qgis.gui import form_panel


def test_offline_calendar_offers_a_local_file_and_uses_it(make_dock, qgis_iface, configure, tmp_path, wc_dir: Path,  # noqa: F811
                                                          monkeypatch):
    configure(settings.CALENDAR_PATH, str(tmp_path / "no-calendar-yet"))
    configure(settings.CALENDAR_URL, "http://127.0.0.1:9/seasonality_lookup.geoparquet")  # offline
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(year=2023)
    dock.productCombo.setCurrentIndex(1)  # crop type: the seasons come from the calendar
    note = dock.seasonNoteLabel
    wait_for(lambda: dock.form.season_task is None and "could not be downloaded" in note.text(), what="offline note")
    assert "calendar_path" in note.text() and '<a href="calendar-file">Use a local calendar file…</a>' in note.text()

    local_copy = wc_dir / "cropcalendar" / "seasonality_lookup.geoparquet"
    asked = []
    monkeypatch.setattr(form_panel.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: asked.append(a) or (str(local_copy), "")))
    note.linkActivated.emit("calendar-file")
    wait_for(lambda: dock.form.season_task is None and note.text().startswith("From the crop calendar"),
             what="suggestions from the local file")
    assert len(asked) == 1 and settings.CALENDAR_PATH.read() == str(local_copy)
    expected = CropCalendar.load(local_copy).suggest(dock.aoi_panel.aoi.bbox, 2023, "tc-s1")
    assert dock.season1IdEdit.text() == "tc-s1"
    assert dock.season1StartEdit.date().toPyDate() == expected.start
