"""Arrow -> numpy conversions for worker threads that never hold Python's GIL for long (#21).

While one C call of a worker thread holds the GIL, QGIS's GUI thread cannot run a single Python slot: the map
and dialogs freeze though the work runs in a QgsTask. Two kinds of calls did so for more than a 60 Hz frame:

* ``to_numpy`` of a text column (one Python string per row) and numpy's casts of text or dates
  (``astype("datetime64[D]")``): 80 ms each on the 1.8 million rows of 100,000 samples. ``by_rows`` does them by
  slices of about 1 ms; between two slices the interpreter hands the GIL to a waiting thread (at its 5 ms switch
  interval). The results are the same arrays: the same conversion of consecutive rows, concatenated.
* pyarrow's own ``to_numpy`` imports pandas on first use: 0.3 s of imports whose C-extension set-ups (10-30 ms)
  and the full garbage collection the new modules set off each hold the GIL. ``plain_numbers`` reads a numeric
  column from its buffers instead (the crop calendar is read in the dock's first task of a session).
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


def plain_numbers(column) -> np.ndarray:
    """A numeric Arrow (chunked) array as numpy, read from its buffers; with nulls or of another type,
    ``to_numpy`` as before (the values are the same bytes either way)."""
    import pyarrow as pa

    kind = column.type
    plain = pa.types.is_integer(kind) or (pa.types.is_floating(kind) and not pa.types.is_float16(kind))
    if column.null_count or not plain:
        return column.to_numpy() if isinstance(column, pa.ChunkedArray) else column.to_numpy(zero_copy_only=False)
    code = "f" if pa.types.is_floating(kind) else "u" if pa.types.is_unsigned_integer(kind) else "i"
    dtype = np.dtype(f"<{code}{kind.bit_width // 8}")
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    return np.concatenate([np.frombuffer(c.buffers()[1], dtype=dtype, count=len(c), offset=c.offset * dtype.itemsize)
                           for c in chunks if len(c)] or [np.empty(0, dtype)])
