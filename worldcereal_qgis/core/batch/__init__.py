"""One batch engine for every run of many jobs (tiled maps, point extractions).

``engine.BatchRun`` is the state machine (a job database per run, P jobs at a time, retries with backoff,
resume, cancel, CDSE's concurrency cap as a wait); ``drive.drive`` is its blocking loop for Processing. A kind
of run subclasses ``BatchRun`` and says only how one item becomes a job (``core/tile_runs.py``,
``core/extraction_run.py``).
"""
