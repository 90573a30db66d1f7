"""The local backend's simulated outputs have the layout of the real CDSE files (reference_output/,
extractions/) and values that obey the product rules.

tests/local_backend/simulate.py runs in .venv-backend (rasterio, pyarrow); these tests run it as a subprocess
and inspect its files with osgeo.gdal, and Parquet schemas through the same CLI.
"""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import threading
import zipfile
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, osr

REPO_ROOT = Path(__file__).resolve().parents[2]
BACKEND_PYTHON = REPO_ROOT / ".venv-backend" / "bin" / "python"
NOTE = "Simulated by the worldcereal_qgis local openEO backend: not a real WorldCereal map."
# The reference job's area (Belgium, UTM 31N) and seasons
REF_BBOX = {"west": 5.3189, "south": 50.6287, "east": 5.3334, "north": 50.6380, "crs": "EPSG:4326"}
SEASONS = {"tc-s1": ["2021-03-01", "2021-07-31"], "tc-s2": ["2021-06-01", "2021-10-31"]}
CROP_TYPE_ARGS = {
    "spatial_extent": REF_BBOX,
    "temporal_extent": ["2020-11-01", "2021-10-31"],
    "orbit_state": "DESCENDING",
    "season_ids": ["tc-s1", "tc-s2"],
    "season_windows": SEASONS,
}
# 3 x 3 km in the same zone, big enough for many parcels
FIELD_BBOX = {"west": 664000, "south": 5609000, "east": 667000, "north": 5612000, "crs": 32631}


def simulate(*args: str, expect_ok: bool = True) -> subprocess.CompletedProcess:
    if not BACKEND_PYTHON.exists():
        pytest.fail(f"The local backend venv is missing: {BACKEND_PYTHON}.")
    cmd = [str(BACKEND_PYTHON), "-m", "tests.local_backend.simulate", *args]
    proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=180)
    if expect_ok:
        assert proc.returncode == 0, proc.stderr
    return proc


def simulate_json(*args: str):
    return json.loads(simulate(*args).stdout)


def run_map(process_id: str, arguments: dict, out_dir: Path, job_id: str = "j-test") -> dict:
    return simulate_json("map", process_id, json.dumps(arguments), str(out_dir), "--job-id", job_id)


def read_bands(path: Path) -> tuple[list[str], np.ndarray]:
    ds = gdal.Open(str(path))
    names = [ds.GetRasterBand(i).GetDescription() for i in range(1, ds.RasterCount + 1)]
    return names, ds.ReadAsArray()


@pytest.fixture(scope="module")
def croptype(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("croptype")
    return out / "worldcereal_crop_type.tif", run_map("worldcereal_crop_type", CROP_TYPE_ARGS, out)


@pytest.fixture(scope="module")
def croptype_fields(tmp_path_factory) -> tuple[list[str], np.ndarray]:
    out = tmp_path_factory.mktemp("fields")
    run_map("worldcereal_crop_type", {**CROP_TYPE_ARGS, "spatial_extent": FIELD_BBOX}, out)
    return read_bands(out / "worldcereal_crop_type.tif")


@pytest.fixture(scope="module")
def reference_asset(wc_dir: Path) -> dict:
    doc = json.loads((wc_dir / "reference_output" / "job-results.json").read_text())
    return next(iter(doc["assets"].values()))


# --- GeoTIFF layout ----------------------------------------------------------------------------------


def test_croptype_band_list_equals_real_file(croptype, reference_tif):
    path, _ = croptype
    ref_names, _ = read_bands(reference_tif)
    names, _ = read_bands(path)
    assert names == ref_names
    assert len(names) == 3 + 2 + 2 + 2 * 23


def test_croptype_file_format_equals_real_file(croptype, reference_tif):
    path, _ = croptype
    ds, ref = gdal.Open(str(path)), gdal.Open(str(reference_tif))
    # DEFLATE, BAND. Not LAYOUT: GDAL 3.13 (Debian sid) reports LAYOUT=COG for the real file from its byte order
    # on disk (no COG ghost header), which the simulator's plain GTiff does not reproduce; GDAL 3.6/3.10 report none.
    structure = {k: v for k, v in ref.GetMetadata("IMAGE_STRUCTURE").items() if k != "LAYOUT"}
    assert {k: v for k, v in ds.GetMetadata("IMAGE_STRUCTURE").items() if k != "LAYOUT"} == structure
    for i in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(i)
        assert gdal.GetDataTypeName(band.DataType) == "Byte"
        assert band.GetNoDataValue() == 255
        assert band.GetBlockSize() == ref.GetRasterBand(1).GetBlockSize()
    meta, ref_meta = ds.GetMetadata(), ref.GetMetadata()
    assert set(ref_meta) <= set(meta)
    assert meta["AREA_OR_POINT"] == "Area"
    assert meta["WORLDCEREAL_SIMULATED"] == NOTE


def test_croptype_grid_is_utm_of_bbox_at_10m(croptype, reference_tif):
    path, _ = croptype
    ds, ref = gdal.Open(str(path)), gdal.Open(str(reference_tif))
    srs, ref_srs = ds.GetSpatialRef(), ref.GetSpatialRef()
    assert srs.GetAuthorityCode(None) == ref_srs.GetAuthorityCode(None) == "32631"
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    assert (dx, dy) == ref.GetGeoTransform()[1::4] == (10.0, -10.0)
    assert x0 % 10 == 0 and y0 % 10 == 0
    west, south, east, north = utm_bounds(REF_BBOX, 32631)
    x1, y1 = x0 + dx * ds.RasterXSize, y0 + dy * ds.RasterYSize
    assert x0 <= west < x0 + 10 and x1 - 10 < east <= x1
    assert y1 <= south < y1 + 10 and y0 - 10 < north <= y0


def utm_bounds(bbox: dict, epsg: int) -> tuple[float, float, float, float]:
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(4326)
    dst.ImportFromEPSG(epsg)
    for srs in (src, dst):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, dst)
    return ct.TransformBounds(bbox["west"], bbox["south"], bbox["east"], bbox["north"], 21)


def test_southern_hemisphere_uses_south_utm_zone(tmp_path):
    bbox = {"west": -47.95, "south": -15.82, "east": -47.94, "north": -15.81, "crs": "EPSG:4326"}
    run_map("worldcereal_crop_extent", {**CROP_TYPE_ARGS, "spatial_extent": bbox}, tmp_path)
    ds = gdal.Open(str(tmp_path / "worldcereal_crop_extent.tif"))
    assert ds.GetSpatialRef().GetAuthorityCode(None) == "32723"


# --- STAC asset ----------------------------------------------------------------------------------------


def test_asset_is_shaped_like_real_job_results(croptype, reference_asset):
    path, assets = croptype
    assert list(assets) == ["worldcereal_crop_type.tif"]
    asset = assets["worldcereal_crop_type.tif"]
    assert set(reference_asset) <= set(asset)
    assert asset["href"] == asset["title"] == "worldcereal_crop_type.tif"
    assert asset["type"] == reference_asset["type"]
    assert asset["roles"] == ["data"]
    assert asset["description"] == NOTE
    assert asset["file:size"] == path.stat().st_size
    names, _ = read_bands(path)
    assert [b["name"] for b in asset["eo:bands"]] == [b["name"] for b in asset["raster:bands"]] == names
    ds = gdal.Open(str(path))
    x0, _, _, y0, _, _ = ds.GetGeoTransform()
    assert asset["proj:shape"] == [ds.RasterYSize, ds.RasterXSize]
    assert asset["proj:bbox"] == [x0, y0 - 10 * ds.RasterYSize, x0 + 10 * ds.RasterXSize, y0]
    assert asset["proj:epsg"] == 32631 and asset["proj:code"] == "EPSG:32631"


def test_asset_statistics_match_pixels(croptype, reference_asset):
    path, assets = croptype
    _, data = read_bands(path)
    bands = assets["worldcereal_crop_type.tif"]["raster:bands"]
    assert set(bands[0]["statistics"]) == set(reference_asset["raster:bands"][0]["statistics"])
    for band, pixels in zip(bands, data):
        stats, valid = band["statistics"], pixels[pixels != 255].astype(float)
        assert stats["minimum"] == valid.min() and stats["maximum"] == valid.max()
        assert stats["mean"] == pytest.approx(valid.mean())
        assert stats["stddev"] == pytest.approx(valid.std())
        assert stats["valid_percent"] == pytest.approx(100.0 * valid.size / pixels.size)


# --- values ----------------------------------------------------------------------------------------------


def test_cropland_only_product(tmp_path):
    args = {k: v for k, v in CROP_TYPE_ARGS.items() if k != "orbit_state"}
    assets = run_map("worldcereal_crop_extent", {**args, "spatial_extent": FIELD_BBOX}, tmp_path)
    assert list(assets) == ["worldcereal_crop_extent.tif"]
    names, (cls, crop, other) = read_bands(tmp_path / "worldcereal_crop_extent.tif")
    assert names == ["cropland_classification", "probability_cropland", "probability_other"]
    assert set(np.unique(cls)) == {0, 1}
    assert crop.max() <= 100 and other.max() <= 100
    assert np.all(crop.astype(int) + other == 100)
    assert np.array_equal(cls == 1, crop >= 50)


def test_croptype_masking_and_probabilities(croptype_fields):
    names, data = croptype_fields
    band = {name: data[i] for i, name in enumerate(names)}
    for sid in ("tc-s1", "tc-s2"):
        cls = band[f"croptype_classification:{sid}"]
        win = band[f"croptype_probability:{sid}"]
        probs = np.stack([band[n] for n in names if n.startswith(f"croptype_probability:{sid}:")])
        not_crop = band["cropland_classification"] == 0
        assert 0.05 < not_crop.mean() < 0.95
        assert np.all(cls[not_crop] == 254) and np.all(win[not_crop] == 254)
        assert np.all(probs[:, not_crop] == 254)
        crop = ~not_crop
        assert cls[crop].max() < 23
        assert np.all(probs[:, crop].argmax(axis=0) == cls[crop])
        assert np.all(probs[:, crop].max(axis=0) == win[crop])
        sums = probs[:, crop].astype(int).sum(axis=0)
        assert sums.min() >= 98 and sums.max() <= 102


def test_croptype_maps_are_fields(croptype_fields):
    names, data = croptype_fields
    cls = data[names.index("croptype_classification:tc-s1")]
    same_as_right = (cls[:, 1:] == cls[:, :-1]).mean()
    same_as_below = (cls[1:, :] == cls[:-1, :]).mean()
    assert same_as_right > 0.85 and same_as_below > 0.85  # parcels, not salt-and-pepper
    assert len(np.unique(cls[cls != 254])) >= 5  # several crops over 9 km2
    prob = data[names.index("probability_cropland")]
    assert prob.std() > 15  # crop and non-crop parcels


def test_no_cropland_head_has_no_cropland_bands_and_no_mask(tmp_path):
    args = {**CROP_TYPE_ARGS, "season_ids": ["tc-s1"], "season_windows": {"tc-s1": SEASONS["tc-s1"]},
            "enable_cropland_head": False, "mask_cropland": False}
    run_map("worldcereal_crop_type", args, tmp_path)
    names, data = read_bands(tmp_path / "worldcereal_crop_type.tif")
    assert names[:2] == ["croptype_classification:tc-s1", "croptype_probability:tc-s1"]
    assert len(names) == 2 + 23
    assert not np.any(data == 254)


def test_cropland_head_without_mask_keeps_crop_types_everywhere(tmp_path):
    args = {**CROP_TYPE_ARGS, "enable_cropland_head": True, "mask_cropland": False}
    run_map("worldcereal_crop_type", args, tmp_path)
    names, data = read_bands(tmp_path / "worldcereal_crop_type.tif")
    assert names[:3] == ["cropland_classification", "probability_cropland", "probability_other"]
    assert not np.any(data[3:] == 254)


def test_mask_cropland_alone_reenables_cropland_head(tmp_path):
    args = {**CROP_TYPE_ARGS, "enable_cropland_head": False, "mask_cropland": True}
    run_map("worldcereal_crop_type", args, tmp_path)
    names, data = read_bands(tmp_path / "worldcereal_crop_type.tif")
    assert names[0] == "cropland_classification"
    assert np.array_equal(data[3] == 254, data[0] == 0)


# --- determinism ----------------------------------------------------------------------------------------------


def test_same_request_gives_same_map_different_request_differs(tmp_path):
    args = {**CROP_TYPE_ARGS, "spatial_extent": FIELD_BBOX}
    run_map("worldcereal_crop_type", args, tmp_path / "a", job_id="j-a")
    run_map("worldcereal_crop_type", args, tmp_path / "b", job_id="j-b")
    other = {**args, "season_windows": {**SEASONS, "tc-s2": ["2021-05-01", "2021-10-31"]}}
    run_map("worldcereal_crop_type", other, tmp_path / "c")
    _, a = read_bands(tmp_path / "a" / "worldcereal_crop_type.tif")
    _, b = read_bands(tmp_path / "b" / "worldcereal_crop_type.tif")
    _, c = read_bands(tmp_path / "c" / "worldcereal_crop_type.tif")
    assert a.tobytes() == b.tobytes()
    assert a.shape == c.shape and (a != c).mean() > 0.2


# --- custom crop-type head -------------------------------------------------------------------------------------


def make_head_zip(path: Path, classes: list[str]) -> Path:
    manifest = {"schema_version": 1, "backbone": {"fingerprint": "abc"},
                "heads": [{"task": "croptype", "class_names": classes, "head_type": "linear"}]}
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("config.json", json.dumps(manifest))
        archive.writestr("PrestoDownstreamTorchHead_linear_croptype_tc-s1.pt", b"weights")
    return path


CUSTOM = ["barley", "maize", "potatoes", "wheat"]  # alphabetical, as the trainer sorts them


def test_custom_head_zip_file_sets_classes(tmp_path):
    head = make_head_zip(tmp_path / "head.zip", CUSTOM)
    assert simulate_json("classes", str(head)) == CUSTOM
    args = {**CROP_TYPE_ARGS, "spatial_extent": FIELD_BBOX, "croptype_head_zip": str(head)}
    run_map("worldcereal_crop_type", args, tmp_path / "out")
    names, data = read_bands(tmp_path / "out" / "worldcereal_crop_type.tif")
    assert names[-4:] == [f"croptype_probability:tc-s2:{c}" for c in CUSTOM]
    assert len(names) == 3 + 2 + 2 + 2 * len(CUSTOM)
    cls = data[3]
    assert set(np.unique(cls)) <= {0, 1, 2, 3, 254}


def test_custom_head_zip_on_loopback_url_sets_classes(tmp_path):
    make_head_zip(tmp_path / "head.zip", ["rice", "sorghum"])
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/head.zip"
        run_map("worldcereal_crop_type", {**CROP_TYPE_ARGS, "croptype_head_zip": url}, tmp_path / "out")
    finally:
        server.shutdown()
    names, _ = read_bands(tmp_path / "out" / "worldcereal_crop_type.tif")
    assert names[-2:] == ["croptype_probability:tc-s2:rice", "croptype_probability:tc-s2:sorghum"]


def test_remote_head_url_keeps_default_classes(tmp_path):
    args = {**CROP_TYPE_ARGS, "croptype_head_zip": "https://example.org/models/head.zip"}
    run_map("worldcereal_crop_type", args, tmp_path)
    names, _ = read_bands(tmp_path / "worldcereal_crop_type.tif")
    assert names[-1] == "croptype_probability:tc-s2:no_crop"


def test_broken_head_zip_fails_with_one_sentence(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    args = {**CROP_TYPE_ARGS, "croptype_head_zip": str(bad)}
    proc = simulate("map", "worldcereal_crop_type", json.dumps(args), str(tmp_path), expect_ok=False)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "The croptype_head_zip is not a model zip with a readable config.json."
    assert not list(tmp_path.glob("*.tif"))


# --- point extraction --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def samples(wc_dir: Path) -> dict:
    """The first 40 real RDM samples as a GeoJSON FeatureCollection (read by the backend venv's geopandas)."""
    path = wc_dir / "reference_data" / "2022_FRA_LPIS_POLY_110_samples.geoparquet"
    code = f"import geopandas; print(geopandas.read_parquet({str(path)!r}).head(40).to_json())"
    proc = subprocess.run([str(BACKEND_PYTHON), "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def extraction(samples, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("extraction")
    geojson = out / "samples.geojson"
    geojson.write_text(json.dumps(samples))
    assets = simulate_json("extract", str(geojson), "2021-09-01", "2023-01-31", str(out / "result"),
                           "--job-id", "j-extract", "--title", "Worldcereal_Point_Extraction_32TNL")
    (name, asset), = assets.items()
    return out / "result" / name, asset


def test_extraction_schema_equals_real_file(extraction, wc_dir):
    path, asset = extraction
    real = wc_dir / "extractions" / "2022_FRA_LPIS_POLY_110_monthly.geoparquet"
    ours, theirs = simulate_json("parquet-schema", str(path)), simulate_json("parquet-schema", str(real))
    assert ours["columns"] == theirs["columns"]
    assert asset["title"] == "Worldcereal_Point_Extraction_32TNL"
    assert asset["description"] == NOTE
    assert asset["file:size"] == path.stat().st_size
    assert path.name.startswith("WORLDCEREAL_2022_FRA_LPIS_POLY_110_2021-09-01_2023-01-31_")
    assert path.name.endswith("_j-extract.geoparquet")


@pytest.fixture(scope="module")
def extraction_rows(extraction) -> list[dict]:
    return simulate_json("parquet-rows", str(extraction[0]))


def test_extraction_rows_are_samples_times_months(extraction_rows, samples):
    months = sorted({row["timestamp"][:10] for row in extraction_rows})
    assert months[0] == "2021-09-01" and months[-1] == "2023-01-01" and len(months) == 17
    assert len(extraction_rows) == 17 * len(samples["features"])
    assert [row["timestamp"][:10] for row in extraction_rows[:40]] == ["2021-09-01"] * 40  # month-major


def test_extraction_copies_labels(extraction_rows, samples):
    by_id = {f["properties"]["sample_id"]: f for f in samples["features"]}
    for row in extraction_rows:
        feature = by_id[row["sample_id"]]
        props = feature["properties"]
        for column in ("ewoc_code", "valid_time", "h3_l3_cell", "ref_id", "quality_score_ct", "extract"):
            assert row[column] == props[column], column
        assert row["year"] == 2022
        assert (row["start_date"], row["end_date"]) == ("2021-09-01", "2023-01-31")
        point = [float(v) for v in row["geometry"].removeprefix("POINT (").rstrip(")").split()]
        assert point == pytest.approx([row["lon"], row["lat"]], abs=1e-12)
        assert point == pytest.approx(feature["geometry"]["coordinates"], abs=1e-12)


def test_extraction_tiles_match_real_extraction(extraction_rows):
    real_tiles = {"32TNL", "32TNM", "32TNN", "32TMM", "32TMN"}  # the real file's tiles for this data set
    assert {row["tile"] for row in extraction_rows} <= real_tiles


def test_extraction_values_are_plausible(extraction_rows):
    b8a = {row["S2-L2A-B8A"] for row in extraction_rows}
    assert b8a == {65535}  # masked, as in the real file
    valid = [r for r in extraction_rows if r["S2-L2A-B04"] != 65535 and r["S1-SIGMA0-VV"] != 65535]
    assert len(valid) > 0.95 * len(extraction_rows)
    ndvi = np.array([(r["S2-L2A-B08"] - r["S2-L2A-B04"]) / (r["S2-L2A-B08"] + r["S2-L2A-B04"]) for r in valid])
    assert 0.3 < np.median(ndvi) < 0.8
    crop = [r for r in valid if str(r["ewoc_code"]).startswith("11")]
    seasonal = {}
    for r in crop:
        seasonal.setdefault(r["sample_id"], []).append((r["S2-L2A-B08"] - r["S2-L2A-B04"]) /
                                                         (r["S2-L2A-B08"] + r["S2-L2A-B04"]))
    assert np.median([max(v) - min(v) for v in seasonal.values()]) > 0.25  # a growing season
    vv_db = 20 * np.log10([r["S1-SIGMA0-VV"] for r in valid]) - 83
    assert -20 < np.median(vv_db) < -5
    t_celsius = np.array([r["AGERA5-TMEAN"] for r in valid]) / 100 - 273.15
    assert t_celsius.min() > 0 and t_celsius.max() < 35  # Corsica
    assert all(r["elevation"] < 3000 and r["slope"] < 90 for r in valid)


# --- credits ------------------------------------------------------------------------------------------------------


def credits(process_id: str, arguments: dict, duration_s: float = 0.0) -> float:
    return simulate_json("credits", process_id, json.dumps(arguments), str(duration_s))


def test_map_credits_follow_area():
    big = {**CROP_TYPE_ARGS, "spatial_extent": {"west": 660000, "south": 5600000, "east": 680000,
                                                "north": 5620000, "crs": 32631}}
    assert credits("worldcereal_crop_type", big) == pytest.approx(0.13 * 400, rel=0.01)
    assert credits("worldcereal_crop_extent", CROP_TYPE_ARGS) == 2.0  # minimum for ~1 km2
    assert credits("worldcereal_crop_type", big, 600) > credits("worldcereal_crop_type", big, 0)


def test_extraction_credits_follow_points(samples):
    forty = credits("point_extraction", {"geometries": samples})
    features = samples["features"] * 7
    many = credits("point_extraction", {"geometries": {**samples, "features": features}})
    assert 2 <= forty < 10 and 20 < many < 40
