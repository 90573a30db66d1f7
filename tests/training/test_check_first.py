"""Check first, build later (issue #17 items 4, 5): bad inputs are refused in seconds on the QGIS side, before the
training environment is built; quality filters are counted and said before anything runs.

Inputs are made from the real Corsica extraction: a copy with every quality score 0 (as a real private file
had), the same mixed with the real file, and a dekadal copy.
"""

from __future__ import annotations

import time
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from worldcereal_qgis.controllers import custom_models
from worldcereal_qgis.core import quality_filters as qf
from worldcereal_qgis.core.errors import InputError
from worldcereal_qgis.core.training_inputs import check_training_inputs

from .conftest import make_job
from .test_extraction_formats import _dekadal

SEASON = (date(2022, 3, 1), date(2022, 8, 31))


def _zero_quality(table: pa.Table, prefix: str = "") -> pa.Table:
    for name in qf.SCORE_COLUMNS:
        table = table.set_column(table.column_names.index(name), name, pa.array(np.zeros(table.num_rows, np.int64)))
    if prefix:
        ids = pa.array([prefix + s for s in table.column("sample_id").to_pylist()])
        table = table.set_column(table.column_names.index("sample_id"), "sample_id", ids)
    return table


@pytest.fixture
def zero_file(extractions, tmp_path):
    path = tmp_path / "private.parquet"
    pq.write_table(_zero_quality(pq.read_table(extractions)), path)
    return path


def test_all_zero_quality_is_refused_in_seconds(zero_file, tmp_path):
    started = time.monotonic()
    with pytest.raises(InputError) as err:
        check_training_inputs([str(zero_file)], tmp_path / "out", *SEASON)
    assert str(err.value) == (
        "All 500 samples in the season have quality scores 0 (quality_score_lc, quality_score_ct), and the training "
        "filters drop them; choose to keep such samples if you trust these labels.")
    assert time.monotonic() - started < 10


def test_keeping_zero_quality_is_said(zero_file, tmp_path):
    check = check_training_inputs([str(zero_file)], tmp_path / "out", *SEASON, keep_zero_quality=True)
    assert check.usable == 500
    assert ("500 samples have quality scores 0 (quality_score_lc, quality_score_ct): kept at your request "
            "(the metrics will warn).") in check.lines()


def test_mixed_files_count_what_the_filter_removes(extractions, zero_file, tmp_path):
    other = tmp_path / "other.parquet"
    pq.write_table(_zero_quality(pq.read_table(extractions), prefix="z_"), other)
    check = check_training_inputs([str(extractions), str(other)], tmp_path / "out", *SEASON)
    assert (check.samples, check.in_season, check.usable) == (1000, 1000, 500)
    assert "500 samples have quality scores 0 (quality_score_lc, quality_score_ct): the training filters drop them." \
        in check.lines()


def test_dekadal_file_is_reported_and_normalised(extractions, tmp_path):
    dek = tmp_path / "dekadal.parquet"
    pq.write_table(_dekadal(pq.read_table(extractions)), dek)
    job = make_job(dek, extractions, extractions.parent, tmp_path / "out")
    lines: list = []
    checked = custom_models.check_inputs(job, lines.append)
    assert lines[0] == ("dekadal.parquet: long format, dekadal, 51 rows per sample -> 17 monthly composites "
                        "(500 samples).")
    assert lines[1] == "500 of 500 samples have their valid_time inside the season."
    assert checked["original_samples"] == [str(dek)]
    assert pq.read_table(checked["samples"][0]).num_rows == 8500


def test_out_of_season_is_refused_before_the_build(extractions, tmp_path):
    with pytest.raises(InputError, match=r"None of the 500 samples has a valid_time inside the season Sep 2022"):
        check_training_inputs([str(extractions)], tmp_path, date(2022, 9, 1), date(2022, 12, 31))


def test_validation_says_what_the_quality_filters_remove(wc_dir):
    from worldcereal_qgis.core import reference_data as rd

    raw = rd.read_reference_file(wc_dir / "reference_data" / "2022_FRA_LPIS_POLY_110_samples.geoparquet")
    assert rd.validate(raw).summary() == "500 of 500 samples are valid."
    raw.frame.loc[:99, ["quality_score_lc", "quality_score_ct"]] = 0
    assert rd.validate(raw).summary() == (
        "500 of 500 samples are valid. 100 samples have quality scores 0 (quality_score_lc, quality_score_ct): "
        "the training filters drop them.")


def test_processing_refuses_before_building_the_environment(qgis_processing, plugin_settings, zero_file,
                                                            wc_dir, tmp_path):
    """An empty environment folder stays empty: the refusal comes before any build (seconds, not minutes)."""
    import processing
    from qgis.core import QgsApplication, QgsProcessingException

    from worldcereal_qgis.processing.provider import WorldCerealProvider

    from .test_alg_train import params

    registry = QgsApplication.processingRegistry()
    if registry.providerById("worldcereal") is None:
        provider = WorldCerealProvider()
        registry.addProvider(provider)
        pytest.wc_check_first_provider_ref = provider
    env = tmp_path / "no-env-yet"
    env.mkdir()
    custom_models.ENV_FOLDER.write(str(env))
    started = time.monotonic()
    with pytest.raises(QgsProcessingException) as err:
        processing.run("worldcereal:train_croptype_model", params(zero_file, None, wc_dir, tmp_path / "out"))
    assert "All 500 samples in the season have quality scores 0" in str(err.value)
    assert time.monotonic() - started < 15 and not any(env.iterdir())
