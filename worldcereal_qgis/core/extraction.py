"""Point-extraction jobs: the library's job split, temporal extents and inputs graph
(docs/worldcereal-facts.md, "Reference data and extractions").

Why a copy of the library's rules instead of the library: it needs geopandas, openeo-gfmap and a grid download;
the plugin plans offline with core/mgrs.py and builds the same graph with the official openeo client.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .credits import CreditRates, estimate_extraction_credits
from .dates import EARLIEST_DATE, last_complete_month_end, month_end, month_start
from .errors import InputError
from .reference_data import LABEL_COLUMNS

MAX_POINTS_PER_JOB = 500        # max_locations_per_job
EXTENT_DAYS = 275               # ~9 months either side of valid_time
WARN_SAMPLES = 1000             # the extraction app warns above these (credits / duration)
WARN_TILES = 50
TITLE_PREFIX = "WorldCereal point extraction"
OUT_FORMAT = "Parquet"
JOB_OPTIONS = {                 # DEFAULT_JOB_OPTIONS_POINT_WORLDCEREAL
    "driver-memory": "2G", "driver-memoryOverhead": "2G", "driver-cores": "1", "executor-memory": "1800m",
    "python-memory": "3000m", "executor-cores": "1", "max-executors": 22, "soft-errors": 0.1,
}

S2_BANDS = ("B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12")
S1_BANDS = ("VH", "VV")
SCL_MASK = {"kernel1_size": 17, "kernel2_size": 77, "mask1_values": [2, 4, 5, 6, 7],
            "mask2_values": [3, 8, 9, 10, 11], "erosion_kernel_size": 3}
MAX_CLOUD_COVER = 95.0
SLOPE_STAC = "https://stac.openeo.vito.be/collections/COPERNICUS30_DEM_SLOPE"
AGERA5_STAC = "https://stac.openeo.vito.be/collections/agera5_monthly_composite"
UINT16_MAX_VALID = 65534
AUTOMATIC_ORBIT = "AUTOMATIC"   # choose per job with the library's rule (core/orbit.py) when the job is sent


# -- plan ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtractionJob:
    """One batch job: the samples of one valid_time year and one Sentinel-2 tile (≤ 500)."""

    ref_id: str
    year: int
    tile: str
    chunk: int
    start: date
    end: date
    sample_ids: tuple[str, ...]

    @property
    def title(self) -> str:
        return f"{TITLE_PREFIX} {self.tile}"

    @property
    def key(self) -> str:
        return f"{self.ref_id}_{self.year}_{self.tile}_{self.chunk}"

    @property
    def n_samples(self) -> int:
        return len(self.sample_ids)

    def description(self) -> str:
        return (f"WorldCereal point extraction of {self.n_samples} samples of {self.ref_id} in tile {self.tile}, "
                f"{self.start.isoformat()} to {self.end.isoformat()} (QGIS plugin).")


@dataclass
class ExtractionPlan:
    jobs: list[ExtractionJob]
    samples: Any  # pandas.DataFrame of the selected samples with a ``tile`` column
    credits: float
    warnings: list[str] = field(default_factory=list)

    @property
    def n_samples(self) -> int:
        return sum(j.n_samples for j in self.jobs)

    @property
    def tiles(self) -> list[str]:
        return sorted({j.tile for j in self.jobs})

    def points_per_tile(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for job in self.jobs:
            counts[job.tile] = counts.get(job.tile, 0) + job.n_samples
        return counts

    def summary(self) -> str:
        return (f"{self.n_samples} samples in {len(self.jobs)} jobs over {len(self.tiles)} Sentinel-2 tiles; "
                f"about {self.credits:.0f} credits.")


def temporal_extent(first_valid: date, last_valid: date, *, today: date | None = None) -> tuple[date, date]:
    """min − 275 d to max + 275 d, snapped to whole months, within 2017-01-01 .. the last complete month."""
    start = month_start(first_valid - timedelta(days=EXTENT_DAYS))
    end = month_end(last_valid + timedelta(days=EXTENT_DAYS))
    start = max(start, EARLIEST_DATE)
    end = min(end, last_complete_month_end(today))
    if start > end:
        raise InputError(f"No complete month of satellite data covers valid_time {first_valid.isoformat()}.",
                         field="valid_time")
    return start, end


def assign_tiles(samples) -> Any:
    """Add the Sentinel-2 tile of every sample (core/mgrs.py: the official grid, the tiling's nearest-centre rule)."""
    from .mgrs import tile_ids_for_points

    out = samples.copy()
    out["tile"] = tile_ids_for_points(out["lon"].to_numpy(), out["lat"].to_numpy())
    return out


def plan_jobs(samples, *, today: date | None = None, max_points: int = MAX_POINTS_PER_JOB,
              rates: CreditRates) -> ExtractionPlan:
    """Split as ``prepare_job_dataframe`` does: by valid_time year, then S2 tile, then chunks of ``max_points``.

    The library runs one data set (ref_id) at a time; several are split by ref_id first.
    """
    import pandas as pd

    if len(samples) == 0:
        raise InputError("No samples are selected for extraction.", field="selection")
    tiled = assign_tiles(samples)
    times = pd.to_datetime(tiled["valid_time"])
    tiled["_year"] = times.dt.year
    tiled["_time"] = times
    jobs: list[ExtractionJob] = []
    for (ref_id, year, tile), group in tiled.groupby(["ref_id", "_year", "tile"], sort=True):
        for chunk, offset in enumerate(range(0, len(group), max_points)):
            part = group.iloc[offset:offset + max_points]
            start, end = temporal_extent(part["_time"].min().date(), part["_time"].max().date(), today=today)
            jobs.append(ExtractionJob(str(ref_id), int(year), str(tile), chunk, start, end,
                                      tuple(part["sample_id"].tolist())))
    plan = ExtractionPlan(jobs, tiled.drop(columns=["_year", "_time"]), estimate_extraction_credits(len(jobs), rates))
    plan.warnings = plan_warnings(plan)
    return plan


def plan_warnings(plan: ExtractionPlan) -> list[str]:
    warnings = []
    if plan.n_samples > WARN_SAMPLES:
        warnings.append(f"{plan.n_samples} samples is more than {WARN_SAMPLES}: the extraction will use many "
                        f"credits (about {plan.credits:.0f}, single jobs vary up to 10 times that).")
    if len(plan.tiles) > WARN_TILES:
        warnings.append(f"The samples cover {len(plan.tiles)} Sentinel-2 tiles (more than {WARN_TILES}): "
                        "the extraction will take long.")
    refs = sorted({j.ref_id for j in plan.jobs})
    if len(refs) > 1:
        warnings.append(f"The samples belong to {len(refs)} data sets ({', '.join(refs[:3])}…); "
                        "each job keeps one ref_id.")
    return warnings


def job_samples(plan: ExtractionPlan, job: ExtractionJob) -> Any:
    frame = plan.samples
    part = frame[frame["sample_id"].isin(set(job.sample_ids))]
    return part[(part["tile"] == job.tile)]


def feature_collection(samples, job: ExtractionJob) -> dict:
    """The job's points as GeoJSON with the label columns the output must carry (the library's job.to_json())."""
    features = []
    for rec in samples.to_dict("records"):
        props = {c: _jsonable(rec[c]) for c in LABEL_COLUMNS}
        props.update(tile=job.tile, start_date=job.start.isoformat(), end_date=job.end.isoformat(),
                     lat=float(rec["lat"]), lon=float(rec["lon"]))
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Point", "coordinates": [float(rec["lon"]), float(rec["lat"])]}})
    return {"type": "FeatureCollection", "features": features}


def _jsonable(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


# -- graph (openeo client) ----------------------------------------------------------------------------------------


def build_point_cube(conn, job: ExtractionJob, geometries: dict, *, orbit_state: str = "DESCENDING"):
    """``worldcereal_preprocessed_inputs`` in POINT mode + ``aggregate_spatial(mean)`` -> a VectorCube."""
    extent = [job.start.isoformat(), job.end.isoformat()]
    s2 = _sentinel2(conn, extent, job.tile)
    s1 = _sentinel1(conn, extent, orbit_state)
    cube = s2.merge_cubes(s1)
    cube = cube.merge_cubes(_dem(conn, s2))
    cube = cube.merge_cubes(_meteo(conn, extent, s2))
    return cube.aggregate_spatial(geometries=geometries, reducer="mean")


def _with_bands(cube, bands: list[str], temporal: bool = True):
    """Metadata the client would fetch from /collections (offline here): x, y, t and the band names."""
    from openeo.metadata import Band, BandDimension, CubeMetadata, SpatialDimension, TemporalDimension

    dims = [SpatialDimension("x", [None, None]), SpatialDimension("y", [None, None])]
    if temporal:
        dims.append(TemporalDimension("t", [None, None]))
    cube.metadata = CubeMetadata(dimensions=[*dims, BandDimension("bands", [Band(b) for b in bands])])
    return cube


def _load(conn, collection_id: str, bands: list[str], **kwargs):
    cube = conn.load_collection(collection_id, bands=bands, fetch_metadata=False, **kwargs)
    return _with_bands(cube, bands)


def _load_stac(conn, url: str, bands: list[str], **kwargs):
    return _with_bands(conn.datacube_from_process("load_stac", url=url, **kwargs, bands=bands), bands)


def _s2_properties(tile: str) -> dict:
    return {"eo:cloud_cover": lambda v: v <= MAX_CLOUD_COVER, "tileId": lambda v: v == tile}


def _scale_uint16(cube, low: int = 0):
    return cube.apply(lambda x: x.linear_scale_range(low, UINT16_MAX_VALID, low, UINT16_MAX_VALID))


def _sentinel2(conn, extent: list[str], tile: str):
    """S2 L2A: 10 m, renamed, uint16, SCL dilation mask, monthly median."""
    from openeo.rest.datacube import THIS

    bands = _load(conn, "SENTINEL2_L2A", list(S2_BANDS), temporal_extent=extent, properties=_s2_properties(tile))
    bands = bands.resample_spatial(resolution=10, method="near")
    bands = bands.rename_labels("bands", target=[f"S2-L2A-{b}" for b in S2_BANDS], source=list(S2_BANDS))
    bands = _scale_uint16(bands)
    scl = _load(conn, "SENTINEL2_L2A", ["SCL"], temporal_extent=extent, properties=_s2_properties(tile))
    scl = scl.resample_spatial(resolution=10, method="near")
    mask = scl.process("to_scl_dilation_mask", data=THIS, scl_band_name="SCL", **SCL_MASK)
    mask = mask.rename_labels("bands", target=["S2-L2A-SCL_DILATED_MASK"])
    monthly = bands.mask(mask).aggregate_temporal_period(period="month", reducer="median", dimension="t")
    return _scale_uint16(monthly)


def _sentinel1(conn, extent: list[str], orbit_state: str):
    """S1 GRD sigma0, 20 m, monthly mean, compressed to uint16 as DN = 10^((dB + 83) / 20)."""
    props = {"sat:orbit_state": lambda v: v == orbit_state, "polarisation": lambda v: v == "VV&VH"}
    s1 = _load(conn, "SENTINEL1_GRD", list(S1_BANDS), temporal_extent=extent, properties=props)
    s1 = s1.sar_backscatter(coefficient="sigma0-ellipsoid", elevation_model="COPERNICUS_30", mask=False,
                            contributing_area=False, local_incidence_angle=False, ellipsoid_incidence_angle=False,
                            noise_removal=True)
    s1 = s1.resample_spatial(resolution=20.0, method="near")
    s1 = s1.rename_labels("bands", target=[f"S1-SIGMA0-{b}" for b in S1_BANDS], source=list(S1_BANDS))
    s1 = s1.aggregate_temporal_period(period="month", reducer="mean", dimension="t")
    s1 = s1.apply_dimension(dimension="bands", process=_sigma0_to_dn)
    return _scale_uint16(s1, low=1)


def _sigma0_to_dn(data):
    from openeo.processes import add, array_create, array_element, divide, log, multiply, power

    def dn(index: int):
        db_plus = add(multiply(10.0, log(array_element(data, index=index), 10)), 83.0)
        return power(10, divide(db_plus, 20.0))

    return array_create([dn(0), dn(1)])


def _dem(conn, s2_monthly):
    """Slope (VITO STAC) and Copernicus DEM, on the S2 grid, uint16."""
    slope = _load_stac(conn, SLOPE_STAC, ["Slope"])
    slope = slope.rename_labels("bands", target=["slope"]).reduce_dimension(dimension="t", reducer="min")
    dem = _load(conn, "COPERNICUS_30", ["DEM"], properties={})
    dem = dem.reduce_dimension(dimension="t", reducer="min")
    dem = dem.rename_labels("bands", target=["COP-DEM"], source=["DEM"])
    dem = dem.rename_labels("bands", target=["elevation"])
    merged = slope.merge_cubes(dem).resample_cube_spatial(target=s2_monthly, method="bilinear")
    return _scale_uint16(merged)


def _meteo(conn, extent: list[str], s2_monthly):
    meteo = _load_stac(conn, AGERA5_STAC, ["precipitation-flux", "temperature-mean"], temporal_extent=extent)
    meteo = meteo.rename_labels("bands", target=["AGERA5-PRECIP", "AGERA5-TMEAN"])
    return meteo.resample_cube_spatial(target=s2_monthly, method="bilinear")


def cube_builder(job: ExtractionJob, geometries: dict, *, orbit_state: str = "DESCENDING"):
    """For ``OpenEOClient.create_job_from_cube``: the connection is only known there."""
    return lambda conn: build_point_cube(conn, job, geometries, orbit_state=orbit_state)


# -- running (composes core.job_runner.JobRunner) ----------------------------------------------------------------

PRODUCT = "point_extraction"
PARALLEL_JOBS = 2       # CDSE's default limit of parallel batch jobs per user
MAX_ATTEMPTS = 3        # a failed job is resubmitted this many times in all


def job_to_dict(job: ExtractionJob) -> dict:
    return {"ref_id": job.ref_id, "year": job.year, "tile": job.tile, "chunk": job.chunk,
            "start": job.start.isoformat(), "end": job.end.isoformat(), "sample_ids": list(job.sample_ids)}


def job_from_dict(data: dict) -> ExtractionJob:
    return ExtractionJob(data["ref_id"], int(data["year"]), data["tile"], int(data["chunk"]),
                         date.fromisoformat(data["start"]), date.fromisoformat(data["end"]),
                         tuple(data["sample_ids"]))


def run_id_for(ref_id: str, root: Any) -> str:
    """One run per data set and output folder: re-running the same folder resumes it (the app's job_tracking)."""
    import hashlib

    return f"extract:{ref_id}:{hashlib.sha1(str(root).encode()).hexdigest()[:10]}"


@dataclass
class RunState:
    """Counts for progress bars and the final message."""

    total: int
    done: int = 0
    failed: int = 0
    active: int = 0
    credits: float = 0.0
    outputs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.done + self.failed >= self.total

    @property
    def percent(self) -> float:
        return 100.0 * (self.done + self.failed) / self.total if self.total else 100.0


class ExtractionRunner:
    """Extraction jobs through the job store: at most 2 running, failed jobs retried, resumable by run id.

    ``step()`` never waits (the dock calls it from a timer); ``run()`` loops over it for Processing.
    """

    def __init__(self, runner, profile, root, *, parallel: int = PARALLEL_JOBS, max_attempts: int = MAX_ATTEMPTS,
                 orbit_state: str = "DESCENDING", orbit_chooser=None) -> None:
        """``orbit_state`` AUTOMATIC_ORBIT: ``orbit_chooser(bbox, (start, end))`` -> OrbitChoice per job (the
        library picks the orbit per extraction job; the map jobs use the same chooser)."""
        from pathlib import Path

        self.runner = runner
        self.profile = profile
        self.root = Path(root)
        self.parallel = parallel
        self.max_attempts = max_attempts
        self.orbit_state = orbit_state
        self.orbit_chooser = orbit_chooser

    @property
    def store(self):
        return self.runner.store

    def prepare(self, plan: ExtractionPlan) -> str:
        """Store one draft per job not stored yet for this run; returns the run id."""
        from .jobstore import JobRecord

        ref_id = plan.jobs[0].ref_id
        run_id = run_id_for(ref_id, self.root)
        known = {r.tile_name for r in self.store.list(run_id=run_id)}
        for job in plan.jobs:
            if job.key in known:
                continue
            features = feature_collection(job_samples(plan, job), job)
            self.store.add(JobRecord(
                local_id="", backend=self.profile.name, backend_url=self.profile.url, product=PRODUCT,
                title=job.title, request={"job": job_to_dict(job), "features": features,
                                          "orbit_state": self.orbit_state},
                run_id=run_id, tile_name=job.key, output_dir=str(self.root / "jobs" / job.key),
                extra={"attempts": 0},
            ))
        return run_id

    def submit(self, local_id: str, log=lambda _m: None):
        """Create the job from the client-built graph and start it (idempotent like JobRunner.submit)."""
        from .job_runner import utc_now
        from .jobstore import JobStatus

        record = self._with_orbit(self.store.get(local_id), log)
        client = self.runner.client_for(record.backend)
        if not record.remote_id:
            job = job_from_dict(record.request["job"])
            builder = cube_builder(job, record.request["features"], orbit_state=record.request["orbit_state"])
            remote_id = client.create_job_from_cube(builder, title=job.title, description=job.description(),
                                                    out_format=OUT_FORMAT, job_options=dict(JOB_OPTIONS))
            attempts = int(record.extra.get("attempts", 0)) + 1
            record = self.store.update(local_id, remote_id=remote_id, status=JobStatus.CREATED,
                                       extra={**record.extra, "attempts": attempts})
        if record.status in (JobStatus.DRAFT, JobStatus.CREATED):
            client.start(record.remote_id)
            record = self.store.update(local_id, status=JobStatus.QUEUED, started_at=utc_now())
        return record

    def _with_orbit(self, record, log):
        """An automatic orbit is chosen once per job, from its points and period, and kept in its request."""
        if record.request.get("orbit_state") != AUTOMATIC_ORBIT:
            return record
        from .orbit import FALLBACK_ORBIT

        job = job_from_dict(record.request["job"])
        coords = [f["geometry"]["coordinates"] for f in record.request["features"]["features"]]
        bbox = (min(c[0] for c in coords), min(c[1] for c in coords), max(c[0] for c in coords),
                max(c[1] for c in coords))
        if self.orbit_chooser is None:
            orbit, reason = FALLBACK_ORBIT, f"No orbit catalogue is configured, so {FALLBACK_ORBIT} is used."
        else:
            choice = self.orbit_chooser(bbox, (job.start, job.end))
            orbit, reason = choice.orbit_state, choice.reason
        log(f"{record.title} ({job.key}): Sentinel-1 orbit {orbit}. {reason}")
        return self.store.update(record.local_id, request={**record.request, "orbit_state": orbit},
                                 extra={**record.extra, "orbit_reason": reason})

    def step(self, run_id: str, log=lambda _m: None) -> RunState:
        """One round: poll running jobs, download finished ones, retry failed ones, start queued drafts."""
        from .errors import BackendError, DownloadError
        from .job_runner import is_transient
        from .jobstore import DownloadState, JobStatus

        records = self.store.list(run_id=run_id)
        for record in [r for r in records if r.is_active and r.remote_id]:
            try:
                record = self.runner.poll(record.local_id)
            except BackendError as err:
                if not is_transient(err):
                    raise
                log(f"Checking job {record.remote_id} failed for now ({err}); trying again later.")
                continue
            if record.status == JobStatus.ERROR:
                self._retry_or_fail(record, log)
        for record in self.store.list(run_id=run_id):
            if record.status == JobStatus.FINISHED and record.download_state in (DownloadState.NONE,
                                                                                  DownloadState.DOWNLOADING):
                log(f"Job {record.remote_id} ({record.title}) finished; downloading.")
                try:
                    self.runner.download(record.local_id)
                except (DownloadError, BackendError) as err:
                    log(f"Downloading the results of job {record.remote_id} failed: {err}")
        records = self.store.list(run_id=run_id)
        free = self.parallel - sum(1 for r in records if r.is_active)
        for record in sorted((r for r in records if r.status == JobStatus.DRAFT), key=lambda r: r.tile_name or ""):
            if free <= 0:
                break
            record = self.submit(record.local_id, log)
            log(f"Submitted {record.title} ({len(record.request['job']['sample_ids'])} samples) as job "
                f"{record.remote_id}.")
            free -= 1
        return self.state(run_id)

    def _retry_or_fail(self, record, log) -> None:
        from .jobstore import JobStatus

        if int(record.extra.get("attempts", 1)) < self.max_attempts:
            log(f"Job {record.remote_id} failed ({record.error_message}); submitting it again.")
            self.store.update(record.local_id, status=JobStatus.DRAFT, remote_id=None, error_message=None,
                              error_code=None, finished_at=None)
        else:
            log(f"Job {record.remote_id} failed after {self.max_attempts} attempts: {record.error_message}")

    def state(self, run_id: str) -> RunState:
        from .jobstore import DownloadState, JobStatus

        records = self.store.list(run_id=run_id)
        state = RunState(total=len(records))
        for r in records:
            if r.status == JobStatus.FINISHED and r.download_state == DownloadState.DONE:
                state.done += 1
                state.outputs.extend(r.outputs)
            elif r.status in (JobStatus.ERROR, JobStatus.CANCELED) or r.download_state == DownloadState.FAILED:
                state.failed += 1
                state.errors.append(r.error_message or f"{r.title} ended as {r.status}")
            elif r.is_active:
                state.active += 1
            state.credits += r.credits or 0.0
        return state

    def cancel(self, run_id: str) -> None:
        """Stop every remote job of the run (no more credits spent)."""
        for record in self.store.list(run_id=run_id):
            if record.is_active or record.status == "draft":
                self.runner.cancel_remote(record.local_id)

    def run(self, plan: ExtractionPlan, *, progress=lambda _p: None, is_cancelled=lambda: False,
            log=lambda _m: None, sleep=None) -> RunState:
        """Submit, wait, download every job (Processing thread); then post-process and merge."""
        import time

        from .errors import CancelledError

        run_id = self.prepare(plan)
        interval = max(self.profile.min_poll_interval_s, 0.2)
        while True:
            if is_cancelled():
                self.cancel(run_id)
                raise CancelledError("The extraction was cancelled; its remote jobs were stopped.")
            state = self.step(run_id, log)
            progress(0.9 * state.percent)
            if state.finished:
                return state
            (sleep or time.sleep)(interval)

    def merge(self, run_id: str, log=lambda _m: None) -> dict:
        """Post-process every downloaded job file and merge them: {ref_id: (partition file, samples written)}."""
        from .extraction_post import merge_results, post_process

        by_ref: dict[str, list] = {}
        for record in self.store.list(run_id=run_id):
            if record.download_state != "done":
                continue
            results = by_ref.setdefault(record.request["job"]["ref_id"], [])
            for path in record.outputs:
                if path.endswith((".parquet", ".geoparquet")):
                    result = post_process(path, record.request["features"],
                                          orbit_state=record.request.get("orbit_state"))
                    if result.dropped:
                        log(f"{len(result.dropped)} samples of {record.title} have no Sentinel-1 or Sentinel-2 "
                            "data and were dropped.")
                    results.append(result)
        return {ref_id: merge_results(results, self.root, ref_id) for ref_id, results in sorted(by_ref.items())}
