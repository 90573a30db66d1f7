"""Point-extraction jobs: the library's job split, temporal extents and inputs graph
(docs/worldcereal-facts.md, "Reference data and extractions").

Why a copy of the library's rules instead of the library: it needs geopandas, openeo-gfmap and a grid download;
the plugin plans offline with core/mgrs.py and builds the same graph with the official openeo client.
Running the jobs is the batch engine's work (``core/extraction_run.py``).
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


# -- stored form of a job (the batch engine keeps it in the job record) ---------------------------------------


def job_to_dict(job: ExtractionJob) -> dict:
    return {"ref_id": job.ref_id, "year": job.year, "tile": job.tile, "chunk": job.chunk,
            "start": job.start.isoformat(), "end": job.end.isoformat(), "sample_ids": list(job.sample_ids)}


def job_from_dict(data: dict) -> ExtractionJob:
    return ExtractionJob(data["ref_id"], int(data["year"]), data["tile"], int(data["chunk"]),
                         date.fromisoformat(data["start"]), date.fromisoformat(data["end"]),
                         tuple(data["sample_ids"]))
