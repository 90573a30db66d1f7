"""Converting a 100,000-sample dekadal extraction to monthly (issue #17: target < 20 s).

The file is built from the real Corsica extraction: its 500 samples repeated 200 times under new ids, each
monthly row split into its three dekads (5.1 million rows). Timed: reading it, compositing every band to
months and writing the normalised file, exactly what the training dialog and Processing do before the
environment build (``core.extraction_formats.normalise_files``).
"""

from __future__ import annotations

import time

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from tests.training.test_extraction_formats import _dekadal
from worldcereal_qgis.core import extraction_formats as ef

COPIES = 200
TARGET_S = 20.0


def _big_dekadal(source, folder):
    monthly = pq.read_table(source).sort_by([("sample_id", "ascending"), ("timestamp", "ascending")])
    dekadal = _dekadal(monthly)
    ids = np.asarray(dekadal.column("sample_id").to_pylist(), dtype=object)
    parts = []
    for k in range(COPIES):
        parts.append(dekadal.set_column(dekadal.column_names.index("sample_id"), "sample_id",
                                        pa.array(ids + f"_{k}")))
    path = folder / "dekadal_100000.parquet"
    pq.write_table(pa.concat_tables(parts), path)
    return path


def test_dekadal_100000_samples_to_monthly(wc_dir, tmp_path):
    path = _big_dekadal(wc_dir / "extractions" / "2022_FRA_LPIS_POLY_110_monthly.geoparquet", tmp_path)
    started = time.perf_counter()
    merged, reports = ef.normalise_files([str(path)], tmp_path / "out" / "samples.parquet")
    seconds = time.perf_counter() - started
    print(f"\nDEKADAL -> MONTHLY: {reports[0].rows_read} rows, {reports[0].samples} samples -> {merged.num_rows} "
          f"monthly rows in {seconds:.1f} s (target {TARGET_S:.0f} s, ratio {seconds / TARGET_S:.2f})")
    assert reports[0].samples == 100_000 and merged.num_rows == 100_000 * 17
    assert seconds < TARGET_S
