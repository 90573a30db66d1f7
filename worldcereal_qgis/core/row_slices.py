"""Long numpy / pyarrow-to-numpy steps of worker threads, done by row slices so QGIS's GUI thread keeps the GIL.

Some single C calls hold Python's GIL for their whole run: ``to_numpy`` of a text column (one Python string per
row) and numpy's casts of text or dates (``astype("datetime64[D]")``) took 80 ms each on the 1.8 million rows of
100,000 samples. Meanwhile the GUI thread cannot run one Python slot, so the map and dialogs froze for five 60 Hz
frames though the work ran in a QgsTask (#21). Between two slices the interpreter hands the GIL to a waiting thread
(at its 5 ms switch interval), so a slice of about 1 ms bounds that stall. The results are the same arrays: the
same conversion applied to consecutive rows, concatenated.
"""

from __future__ import annotations

from typing import Callable, Union

import numpy as np

SLICE_ROWS = 32_768  # ~1-3 ms per GIL-holding C call over the slice on a 2-core laptop


def by_rows(rows: int, convert: Callable[[int, int], Union[np.ndarray, tuple]]) -> Union[np.ndarray, tuple]:
    """``convert(start, length)`` over consecutive slices of ``rows``, concatenated (tuples element-wise).

    Zero rows still make one (empty) call, so the result has the dtype ``convert`` gives."""
    size = SLICE_ROWS
    parts = [convert(start, min(size, rows - start)) for start in range(0, max(rows, 1), size)]
    if isinstance(parts[0], tuple):
        return tuple(np.concatenate(column) for column in zip(*parts))
    return np.concatenate(parts)
