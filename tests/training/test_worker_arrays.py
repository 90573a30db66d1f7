"""Worker steps done by row slices so QGIS's GUI thread gets the GIL between them (#21): the same values as one
pass. Inputs built from the real Corsica extraction in ../shared; slices made tiny (7 rows, or 3 features per
addFeatures call) so that every slice boundary falls inside a sample's rows."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from worldcereal_qgis.core import class_hierarchy as ch
from worldcereal_qgis.core import class_samples as cs
from worldcereal_qgis.core import extraction_composite as comp
from worldcereal_qgis.core import worker_arrays

from .test_class_picker import SEASON

TINY = 7


@pytest.fixture
def tiny_slices(monkeypatch):
    monkeypatch.setattr(worker_arrays, "SLICE_ROWS", TINY)


@pytest.fixture(scope="module")
def table(extractions):
    return pq.read_table(extractions)


def _as_text(table: pa.Table, stamps: pa.Array) -> pa.Table:
    return table.set_column(table.column_names.index("timestamp"), "timestamp", stamps)


def test_text_timestamps_by_slices_give_the_dates_of_the_timestamps(table, tiny_slices):
    """Month and day parsed from text 7 rows at a time = what Arrow reads from the real timestamps."""
    stamps = table.column("timestamp")
    month, day = comp.month_and_day(table)  # timestamp type: Arrow's own year/month/day, no slicing
    assert len(np.unique(month)) > 12 and set(day.tolist()) == {1}
    for text in (stamps.cast(pa.string()), pa.compute.strftime(stamps, "%Y-%m-%d")):
        got_month, got_day = comp.month_and_day(_as_text(table, text))
        assert np.array_equal(got_month, month) and np.array_equal(got_day, day)


def test_text_timestamps_cast_by_slices_keep_every_day(table, tiny_slices):
    labels = table.select(["sample_id", "ewoc_code", "timestamp"])
    text = _as_text(labels, labels.column("timestamp").cast(pa.string()))
    cast = comp.cast_columns(text).column("timestamp").to_numpy()
    assert cast.dtype == np.dtype("datetime64[ms]")
    assert np.array_equal(cast, table.column("timestamp").to_numpy().astype("datetime64[ms]"))


def test_no_rows_gives_an_empty_array_of_the_conversion_type(table):
    month, day = comp.month_and_day(_as_text(table.slice(0, 0), pa.array([], pa.string())))
    assert month.dtype == day.dtype == np.dtype(np.int64) and len(month) == len(day) == 0


def test_picker_counts_are_the_same_by_tiny_slices(extractions, monkeypatch):
    """Samples, months per sample, the per-file sentence and the season's counts: identical either way."""
    whole = ch.apply_season(cs.read_samples([str(extractions)]), SEASON)
    monkeypatch.setattr(worker_arrays, "SLICE_ROWS", TINY)
    sliced = ch.apply_season(cs.read_samples([str(extractions)]), SEASON)
    assert sliced.raw.reports == whole.raw.reports
    assert "500 samples" in sliced.raw.reports[0]
    assert sliced.code_counts() == whole.code_counts() and sum(whole.code_counts().values()) > 0
    assert (sliced.outside, sliced.incomplete) == (whole.outside, whole.incomplete)
    assert np.array_equal(sliced.raw.row_ym, whole.raw.row_ym)
    assert list(sliced.raw.sample_id) == list(whole.raw.sample_id) == sorted(set(whole.raw.sample_id))


def test_season_month_lookup_counts_every_sample(extractions):
    """The season's month look-up (one table of 12 months) against a per-sample reading of the label month."""
    raw = cs.read_samples([str(extractions)])
    counted = ch.apply_season(raw, SEASON)
    window = {month for _offset, month in SEASON.months()}
    labels = pq.read_table(extractions, columns=["sample_id", "valid_time"]).to_pylist()
    months = {row["sample_id"]: int(str(row["valid_time"])[5:7]) for row in labels}
    outside = sum(1 for sample_id in raw.sample_id if months[sample_id] not in window)
    assert counted.outside == outside


def test_sample_layer_by_small_add_calls_holds_every_sample_once(qgis_app, extractions, monkeypatch):
    """Features refilled and added 3 at a time: one point per sample with its own id, code, month, season flag."""
    from worldcereal_qgis.gui import class_picker_layer

    monkeypatch.setattr(class_picker_layer, "ADD_CHUNK", 3)
    counted = ch.apply_season(cs.read_samples([str(extractions)]), SEASON)
    layer = class_picker_layer.build_layer(counted)
    got = {f["sample_id"]: (f["ewoc_code"], f["valid_month"], f["in_season"], f.geometry().asPoint().x(),
                            f.geometry().asPoint().y()) for f in layer.getFeatures()}
    raw = counted.raw
    assert layer.featureCount() == len(got) == len(raw) == 500
    for i in (0, 1, 2, 3, 250, 499):  # both sides of the first chunk boundaries, and the last one
        ym = int(raw.valid_ym[i])
        assert got[raw.sample_id[i]] == (int(raw.code[i]), f"{ym // 12:04d}-{ym % 12 + 1:02d}",
                                         int(counted.kept[i]), raw.lon[i], raw.lat[i])
    assert sum(flag for _code, _month, flag, _x, _y in got.values()) == int(counted.kept.sum()) > 0


def test_outlier_flags_are_read_once_per_sample(extractions, tmp_path):
    """A text flag column (taken per sample in Arrow before numpy): each sample's flag, and the sentence's count."""
    from worldcereal_qgis.core import quality_filters as qf

    table = pq.read_table(extractions)
    ids = sorted(set(table.column("sample_id").to_pylist()))
    flagged = set(ids[::7])
    flags = pa.array(["candidate" if s in flagged else "not_candidate" for s in table.column("sample_id").to_pylist()])
    path = tmp_path / "flags.parquet"
    pq.write_table(table.append_column(qf.OUTLIER_FLAG, flags), path)
    raw = cs.read_samples([str(path)])
    assert dict(zip(raw.sample_id, raw.filters[qf.OUTLIER_FLAG])) == {
        s: "candidate" if s in flagged else "not_candidate" for s in ids}
    counted = ch.apply_season(raw, SEASON)
    in_season = {s for s, k in zip(raw.sample_id, counted.kept) if k}
    sentences = [f.sentence for f in counted.filtered]
    assert sentences == [f"{len(flagged & in_season)} samples are flagged as outlier candidates ({qf.OUTLIER_FLAG}): "
                         "training gives them weight 0."] and flagged & in_season


def test_calendar_numbers_from_buffers_are_the_arrow_values(wc_dir):
    """Every numeric calendar column, whole, in chunks, sliced (offsets) and with nulls: as pyarrow converts it."""
    from worldcereal_qgis.core.worker_arrays import plain_numbers

    table = pq.read_table(wc_dir / "cropcalendar" / "seasonality_lookup.geoparquet")
    numeric = [n for n in table.column_names if pa.types.is_integer(table.column(n).type)
               or pa.types.is_floating(table.column(n).type)]
    assert {"lat", "lon", "s1_sos_dekad"} <= set(numeric)
    for name in numeric:
        column = table.column(name).combine_chunks()
        expected = column.to_numpy(zero_copy_only=False)
        chunked = pa.chunked_array([column.slice(0, 0), column.slice(0, 1000), column.slice(1000)])
        for variant in (pa.chunked_array([column]), chunked):
            got = plain_numbers(variant)
            assert got.dtype == expected.dtype and np.array_equal(got, expected, equal_nan=True), name
        assert np.array_equal(plain_numbers(chunked.slice(777, 5000)), expected[777:5777], equal_nan=True)
    with_null = pa.array([1, None, 3], pa.int64())
    for variant in (with_null, pa.chunked_array([with_null])):
        assert np.array_equal(plain_numbers(variant), [1.0, np.nan, 3.0], equal_nan=True)
    assert np.array_equal(plain_numbers(pa.array([7, 8, 9], pa.uint16()).slice(1)), np.array([8, 9], np.uint16))


def test_loading_the_calendar_imports_no_pandas(wc_dir):
    """A fresh interpreter reads the calendar and its land grid as the dock's first task does: the same season as
    here, and pandas never imported (its first import held the GIL 30-60 ms at a time, #21)."""
    import subprocess
    import sys
    from pathlib import Path

    from worldcereal_qgis.core.seasons import CropCalendar

    path = str(wc_dir / "cropcalendar" / "seasonality_lookup.geoparquet")
    corsica = (8.7, 41.4, 9.5, 42.9)
    script = ("import sys; from worldcereal_qgis.core.seasons import CropCalendar; "
              "from worldcereal_qgis.core.reference_coords import calendar_land_grid; "
              f"c = CropCalendar.load({path!r}); calendar_land_grid({path!r}, 0); "
              f"print(c.suggest_all({corsica}, 2022)[0].start, 'pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [CropCalendar.load(path).suggest_all(corsica, 2022)[0].start.isoformat(), "False"]
