"""Extraction files as users have them (issue #17 items 2, 3): dekadal rows, mixed steps, the legacy wide format.

Every variant is built here from the real monthly extraction in ../shared; the assertions are what the user
sees (the sentence in the log and result dialog) and the values training gets.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from worldcereal_qgis.core import extraction_composite as comp
from worldcereal_qgis.core import extraction_formats as ef
from worldcereal_qgis.core.errors import InputError


@pytest.fixture(scope="module")
def monthly(wc_dir):
    table = pq.read_table(wc_dir / "extractions" / "2022_FRA_LPIS_POLY_110_monthly.geoparquet")
    return table.sort_by([("sample_id", "ascending"), ("timestamp", "ascending")])


def _dekadal(monthly: pa.Table, drop_every: int = 0) -> pa.Table:
    """Three dekad rows per real monthly row whose composites are known: S2 median, S1 mean, precip total."""
    n = monthly.num_rows
    rows = np.repeat(np.arange(n), 3)
    dekad = np.tile(np.arange(3), n)
    out = monthly.take(pa.array(rows))
    stamps = monthly.column("timestamp").to_numpy().astype("datetime64[D]")[rows] + dekad * 10
    out = out.set_column(out.column_names.index("timestamp"), "timestamp", pa.array(stamps.astype("datetime64[ns]")))
    for band in comp.BAND_COLUMNS:
        base = comp.as_uint16(monthly.column(band)).astype(np.int64)[rows]
        nodata = base == comp.NODATA
        if band in comp.S2_BANDS:
            values = base + np.array([-7, 0, 40])[dekad]  # median = the monthly value
        elif band == "AGERA5-PRECIP":
            values = np.rint(base / 3.0)  # three dekad totals
        elif band == "AGERA5-TMEAN":
            values = base + np.minimum(base, 50) * np.array([-1, 0, 1])[dekad]  # mean = the monthly value
        else:
            values = base
        values = np.where(nodata, comp.NODATA, np.clip(values, 0, comp.NODATA - 1))
        out = out.set_column(out.column_names.index(band), band, pa.array(values.astype(np.uint16)))
    if drop_every:  # drop the 3rd dekad of some months (never the 1st, so every month keeps a row)
        keep = ~((dekad == 2) & (rows % drop_every == 0))
        out = out.filter(pa.array(keep))
    return out


def test_dekadal_rows_become_the_real_monthly_values(monthly):
    table, report = ef.normalise_table(_dekadal(monthly), "dekadal.parquet")
    assert report.steps == {"2022_FRA_LPIS_POLY_110": ef.DEKADAL}
    assert "dekadal, 51 rows per sample -> 17 monthly composites (500 samples)" in report.sentence()
    table = table.sort_by([("sample_id", "ascending"), ("timestamp", "ascending")])
    assert table.num_rows == monthly.num_rows
    assert table.column("timestamp").to_pylist() == monthly.column("timestamp").to_pylist()
    for band in comp.BAND_COLUMNS:
        got = table.column(band).to_numpy().astype(np.int64)
        want = comp.as_uint16(monthly.column(band)).astype(np.int64)
        assert np.array_equal(got == comp.NODATA, want == comp.NODATA), band
        tolerance = 2 if band == "AGERA5-PRECIP" else 1 if band in comp.S1_BANDS else 0
        assert np.abs(got - want)[want != comp.NODATA].max(initial=0) <= tolerance, band


def test_dekadal_nodata_share_is_the_monthly_one(monthly):
    """Keeping one dekad per month (the old behaviour) made S2 look far emptier; compositing must not."""
    table, _ = ef.normalise_table(_dekadal(monthly), "d.parquet")
    share = np.mean(table.column("S2-L2A-B04").to_numpy() == comp.NODATA)
    assert share == pytest.approx(np.mean(comp.as_uint16(monthly.column("S2-L2A-B04")) == comp.NODATA))


def test_missing_dekads_are_counted_per_sample(monthly):
    _, report = ef.normalise_table(_dekadal(monthly, drop_every=2), "gaps.parquet")
    low, high = report.rows_per_sample
    assert (low, high) == (42, 43)  # 51 rows minus the dropped third dekads of 8 or 9 of 17 months
    assert f"dekadal, {low}-{high} rows per sample -> 17 monthly composites" in report.sentence()


def test_mixed_steps_are_found_per_ref_id(monthly):
    ids = np.array(monthly.column("sample_id").to_pylist())
    first = np.isin(ids, np.unique(ids)[:200])
    dek = _dekadal(monthly.filter(pa.array(first)))
    mon = monthly.filter(pa.array(~first))
    ref = pa.array(["2021_XYZ_MONTHLY_110"] * mon.num_rows).dictionary_encode()
    mon = mon.set_column(mon.column_names.index("ref_id"), "ref_id", ref)
    table, report = ef.normalise_table(pa.concat_tables([dek, mon], promote_options="permissive"), "mixed.parquet")
    assert report.steps == {"2022_FRA_LPIS_POLY_110": ef.DEKADAL, "2021_XYZ_MONTHLY_110": ef.MONTHLY}
    assert "dekadal and monthly (per ref_id)" in report.sentence()
    assert table.num_rows == monthly.num_rows


def _wide(monthly: pa.Table, drop: str = "") -> pa.Table:
    """The legacy wide layout of the same samples, named as the library's ``add_band_suffix`` names it."""
    ids = np.array(monthly.column("sample_id").to_pylist())
    firsts = np.unique(ids, return_index=True)[1]
    head = monthly.take(pa.array(firsts))
    cols = {"sample_id": head.column("sample_id"), "valid_date": head.column("valid_time"),
            "start_date": pa.array(["2021-09-01"] * len(firsts)), "end_date": pa.array(["2023-01-01"] * len(firsts)),
            "ewoc_code": head.column("ewoc_code"), "lat": head.column("lat"), "lon": head.column("lon"),
            "DEM-alt-20m": head.column("elevation").cast(pa.float64()), "DEM-slo-20m": head.column("slope")}
    reverse = {v: k for k, v in ef.WIDE_BANDS.items()}
    res = {"B02": "10m", "B03": "10m", "B04": "10m", "B08": "10m", "temperature_mean": "100m",
           "precipitation_flux": "100m"}
    for band, old in reverse.items():
        values = comp.as_uint16(monthly.column(band)).reshape(len(firsts), 17).astype(np.float64)
        values[values == comp.NODATA] = np.nan  # the library's pivot leaves NaN before its fillna
        for step in range(17):
            cols[f"{old}-ts{step}-{res.get(old.split('-', 1)[1], '20m')}"] = pa.array(values[:, step])
    cols.pop(drop, None)
    return pa.table(cols)


def test_legacy_wide_is_converted_to_the_long_values(monthly):
    table, report = ef.normalise_table(_wide(monthly), "legacy.parquet")
    assert report.sentence().startswith("legacy.parquet: legacy wide format, monthly, converted to the long format")
    table = table.sort_by([("sample_id", "ascending"), ("timestamp", "ascending")])
    assert table.column("timestamp").to_pylist() == monthly.column("timestamp").to_pylist()
    assert set(table.column("valid_time").to_pylist()) == {"2022-06-01"}
    for band in comp.BAND_COLUMNS:
        assert np.array_equal(table.column(band).to_numpy(), comp.as_uint16(monthly.column(band))), band


@pytest.mark.parametrize("drop, piece", [("start_date", "no start_date column"), ("lat", "no lat column"),
                                         ("valid_date", "no valid_time (or valid_date) column")])
def test_legacy_wide_without_what_conversion_needs_says_which(monthly, drop, piece):
    with pytest.raises(InputError) as err:
        ef.normalise_table(_wide(monthly, drop=drop), "old.parquet")
    assert "old.parquet is a legacy wide WorldCereal extraction" in str(err.value)
    assert piece in str(err.value)


def test_files_that_are_not_extractions_get_one_sentence(tmp_path):
    empty = tmp_path / "empty.parquet"
    empty.write_bytes(b"")
    text = tmp_path / "notes.parquet"
    text.write_text("sample_id,timestamp\n")
    with pytest.raises(InputError, match=r"empty\.parquet is empty"):
        ef.read_table(str(empty))
    with pytest.raises(InputError, match=r"notes\.parquet is not a readable Parquet file"):
        ef.read_table(str(text))
    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"a": [1]}), other)
    with pytest.raises(InputError, match="neither WorldCereal's long extraction format"):
        ef.normalise_table(ef.read_table(str(other)), "other.parquet")


def test_normalise_files_writes_one_monthly_file(monthly, tmp_path):
    dek = tmp_path / "dekadal.parquet"
    pq.write_table(_dekadal(monthly), dek)
    merged, reports = ef.normalise_files([str(dek)], tmp_path / "out" / "samples.parquet")
    back = pq.read_table(tmp_path / "out" / "samples.parquet")
    assert back.num_rows == merged.num_rows == monthly.num_rows
    assert [r.format for r in reports] == [ef.LONG]
    assert not list((tmp_path / "out").glob("*.partial"))
