"""WorldCereal's public extractions around the AOI (``query_public_extractions`` rule), cached on disk.

The AOI's bounding box is buffered (default 250 km, square, in Web Mercator) and turned back into a lon/lat
box; the extent index names the datasets (``ref_id``) whose extent intersects it; the store's listing gives
their files; each file is read over S3 (anonymous, row groups pruned by the filter) keeping samples inside the
box, temporary crops only (``1100000000 < ewoc_code < 1115000000``) and collateral samples (``extract >= 0``).
A finished query is remembered under a key of its parameters, so a repeated query (and an offline one) reads
the cache. Unreachable store: a warning, and training goes on with the private samples.
"""

from __future__ import annotations

import hashlib
import json
import re
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .protocol import TrainingInputError, emit, warn

EXTENT_INDEX = "worldcereal_public_extractions_extent.parquet"
FILE_PREFIX = "worldcereal_public_extractions"
CROPLAND_CODES = (1100000000, 1115000000)  # exclusive bounds: EWOC 11-..., without fallow 11-15-...


@dataclass(frozen=True)
class PublicQuery:
    bbox: tuple  # AOI (west, south, east, north), EPSG:4326
    cache_dir: str
    buffer_m: float = 250_000.0
    endpoint: str = "https://s3.waw3-1.cloudferro.com"
    bucket: str = "geoparquet"
    listing_url: str = "https://s3.waw3-1.cloudferro.com/swift/v1/geoparquet/"
    filter_cropland: bool = True
    collateral: bool = True

    @classmethod
    def from_job(cls, spec: dict) -> PublicQuery:
        known = {k: v for k, v in spec.items() if k in cls.__dataclass_fields__}
        known["bbox"] = tuple(float(v) for v in spec["bbox"])
        return cls(**known)

    def key(self) -> str:
        text = json.dumps([self.search_box(), self.bucket, self.filter_cropland, self.collateral])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def search_box(self) -> tuple:
        """The AOI box buffered in EPSG:3857 with square caps, as a lon/lat box (rounded to ~1 m)."""
        import geopandas as gpd
        from shapely.geometry import box

        buffered = (gpd.GeoSeries([box(*self.bbox)], crs="EPSG:4326").to_crs(epsg=3857)
                    .buffer(self.buffer_m, cap_style="square", join_style="mitre").to_crs(epsg=4326)[0])
        return tuple(round(v, 5) for v in buffered.bounds)


def fetch(query: PublicQuery) -> list[str]:
    """Local Parquet files with the public samples of the query; [] (with a warning) when unreachable."""
    cache = Path(query.cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    done = cache / f"query-{query.key()}.json"
    if done.is_file():
        files = json.loads(done.read_text(encoding="utf-8"))["files"]
        if all(Path(f).is_file() for f in files):
            emit("public", files=len(files), cached=True)
            return files
    try:
        files = _download(query, cache)
    except OSError as exc:  # urllib and pyarrow report network failures as OSError subclasses
        warn(f"WorldCereal's public extractions could not be reached ({_short(exc)}); "
             "training uses your own samples only.")
        return []
    done.write_text(json.dumps({"files": files, "box": query.search_box()}), encoding="utf-8")
    emit("public", files=len(files), cached=False)
    return files


def _download(query: PublicQuery, cache: Path) -> list[str]:
    box = query.search_box()
    fs = _filesystem(query.endpoint)
    ref_ids = _intersecting_datasets(fs, query.bucket, box)
    if not ref_ids:
        warn("No public WorldCereal extractions lie within the search distance of this area.")
        return []
    names = [n for n in _listing(query.listing_url) if n.endswith(".parquet") and n.startswith(FILE_PREFIX)
             and any(ref in n for ref in ref_ids)]
    files = []
    for name in names:
        target = cache / f"{Path(name).stem}-{query.key()}.parquet"
        if not target.is_file():
            _extract(fs, f"{query.bucket}/{name}", box, query, target)
        if _rows(target):
            files.append(str(target))
    return files


def _rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


def _filesystem(endpoint: str):
    from pyarrow import fs

    parsed = urllib.parse.urlparse(endpoint)
    return fs.S3FileSystem(endpoint_override=parsed.netloc, scheme=parsed.scheme or "https", anonymous=True,
                           region="us-east-1", connect_timeout=20, request_timeout=120)


def _intersecting_datasets(fs, bucket: str, box: tuple) -> list[str]:
    import pyarrow.parquet as pq
    import shapely
    from shapely.geometry import box as make_box

    index = pq.read_table(f"{bucket}/{EXTENT_INDEX}", filesystem=fs, columns=["ref_id", "geometry"]).to_pandas()
    shapes = shapely.from_wkb(index["geometry"].to_numpy())
    hits = shapely.intersects(shapes, make_box(*box))
    return sorted({str(r) for r in index.loc[hits, "ref_id"]})


def _listing(url: str) -> list[str]:
    """File names of the store: Swift's plain listing (one per line) or an S3 ListBucketResult."""
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (a configured https URL)
        text = response.read().decode("utf-8", errors="replace")
    if text.lstrip().startswith("<?xml") or "<ListBucketResult" in text:
        return re.findall(r"<Key>([^<]+)</Key>", text)
    return [line.strip() for line in text.splitlines() if line.strip()]


def _extract(fs, path: str, box: tuple, query: PublicQuery, target: Path) -> None:
    """Only the rows the query keeps are read (row groups pruned by the filter), then cached atomically."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    west, south, east, north = box
    keep = ((pc.field("lon") >= west) & (pc.field("lon") <= east)
            & (pc.field("lat") >= south) & (pc.field("lat") <= north)
            & (pc.field("extract") >= (0 if query.collateral else 1)))
    if query.filter_cropland:
        keep &= (pc.field("ewoc_code") > CROPLAND_CODES[0]) & (pc.field("ewoc_code") < CROPLAND_CODES[1])
    table = ds.dataset(path, filesystem=fs, format="parquet").to_table(filter=keep)
    partial = target.with_suffix(".partial")
    pq.write_table(table, partial)
    partial.replace(target)


def combine(private: list, query: Optional[PublicQuery]) -> list:
    """The sample files of a run: the user's own, then the public ones; none at all is an input error."""
    public = fetch(query) if query is not None else []
    if not private and not public:
        raise TrainingInputError("No samples to train on: give your own extractions, or reach the public ones.")
    return [*private, *public]


def _short(exc: BaseException) -> str:
    """A short reason: pyarrow's S3 error code, urllib's reason, or the first words of the message."""
    text = str(getattr(exc, "reason", None) or exc).strip() or type(exc).__name__
    code = re.search(r"AWS Error (\w+)", text)
    if code:
        return f"S3 error {code.group(1)}"
    first = text.splitlines()[0]
    return first if len(first) <= 120 else first[:120].rsplit(" ", 1)[0] + " …"
