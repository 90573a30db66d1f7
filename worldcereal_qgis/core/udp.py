"""The v3.0.1 WorldCereal UDP contract, written out by hand.

Hand-written (not read from the JSON at run time) so the plugin needs no download to build a request;
tests compare every constant with the published JSON files in ../shared/worldcereal/udp/.
"""

from __future__ import annotations

CROPLAND = "cropland"
CROPTYPE = "croptype"
PRODUCTS = (CROPLAND, CROPTYPE)
PRODUCT_LABELS = {CROPLAND: "Cropland", CROPTYPE: "Crop type"}

UDP_VERSION = "3.0.1"
PROCESS_IDS = {CROPLAND: "worldcereal_crop_extent", CROPTYPE: "worldcereal_crop_type"}

_REPO_RAW = "https://raw.githubusercontent.com/WorldCereal/worldcereal-classification/refs/tags"
NAMESPACES = {
    CROPLAND: f"{_REPO_RAW}/worldcereal_crop_extent_v{UDP_VERSION}/scripts/udp/worldcereal_crop_extent.json",
    CROPTYPE: f"{_REPO_RAW}/worldcereal_crop_type_v{UDP_VERSION}/scripts/udp/worldcereal_crop_type.json",
}

ORBIT_STATES = ("ASCENDING", "DESCENDING")
# The plugin's orbit choices (not part of the UDP): "auto" applies the library's orbit rule (core/orbit.py), per
# extraction job in worldcereal:extract_reference_data. The dock, worldcereal:cropland/croptype and the extraction
# offer ORBIT_MODES: one order everywhere, so ORBIT=1 means ASCENDING in every algorithm.
ORBIT_AUTO = "auto"
ORBIT_MODES = (ORBIT_AUTO, *ORBIT_STATES)
DEFAULT_ORBIT_STATE = "DESCENDING"
POSTPROCESS_METHODS = ("majority_vote", "smooth_probabilities")
DEFAULT_POSTPROCESS_METHOD = "majority_vote"
DEFAULT_KERNEL_CROPLAND = 3
DEFAULT_KERNEL_CROPTYPE = 5
MAX_KERNEL = 25
MAX_SEASONS = 2
MAX_PERIOD_MONTHS = 12
CROPLAND_PERIOD_MONTHS = 12
ANNUAL_SEASON_ID = "tc-annual"
SEASON_ID_PATTERN = r"^[A-Za-z0-9_-]+$"

DEFAULT_SEASONAL_MODEL_ZIP = (
    "https://s3.waw3-1.cloudferro.com/project_dependencies/worldcereal/"
    "WorldCerealPresto-NoSpatialGlobalMLP-month-augment=True-balance=TruePerBin-SpatialBin5.0deg-"
    "timeexplicit=True-masking=enabled-ema0.2-clamp=0.2-8.0-run=202605192112.zip"
)

# Value order of the default model's crop-type classes (docs/worldcereal-facts.md, "Map outputs");
# value 254 = masked, 255 = nodata.
DEFAULT_CROPTYPE_CLASSES: tuple[str, ...] = (
    "wheat", "barley", "rye", "oats", "maize", "sorghum", "rice", "millet", "vegetables", "beet",
    "dry_pulses_legumes", "sunflower", "soy_soybeans", "rapeseed_rape", "other_oilseed", "groundnuts",
    "fibre_crops", "potatoes", "cassava", "tobacco", "grass_fodder_crops", "sugar_cane", "no_crop",
)  # fmt: skip

OUTPUT_ASSET_NAMES = {CROPLAND: "worldcereal_crop_extent.tif", CROPTYPE: "worldcereal_crop_type.tif"}

_COMMON_REQUIRED = ("spatial_extent", "temporal_extent", "orbit_state", "season_ids", "season_windows")
REQUIRED_PARAMETERS = {CROPLAND: _COMMON_REQUIRED, CROPTYPE: _COMMON_REQUIRED}
OPTIONAL_PARAMETERS = {
    CROPLAND: ("postprocess_method", "postprocess_kernel_size", "seasonal_model_zip", "landcover_head_zip"),
    CROPTYPE: (
        "postprocess_method_cropland", "postprocess_kernel_size_cropland", "postprocess_method_croptype",
        "postprocess_kernel_size_croptype", "seasonal_model_zip", "landcover_head_zip", "croptype_head_zip",
        "enable_cropland_head", "mask_cropland",
    ),
}  # fmt: skip

PARAMETER_DEFAULTS = {
    CROPLAND: {
        "postprocess_method": DEFAULT_POSTPROCESS_METHOD,
        "postprocess_kernel_size": DEFAULT_KERNEL_CROPLAND,
        "seasonal_model_zip": DEFAULT_SEASONAL_MODEL_ZIP,
        "landcover_head_zip": None,
    },
    CROPTYPE: {
        "postprocess_method_cropland": DEFAULT_POSTPROCESS_METHOD,
        "postprocess_kernel_size_cropland": DEFAULT_KERNEL_CROPLAND,
        "postprocess_method_croptype": DEFAULT_POSTPROCESS_METHOD,
        "postprocess_kernel_size_croptype": DEFAULT_KERNEL_CROPTYPE,
        "seasonal_model_zip": DEFAULT_SEASONAL_MODEL_ZIP,
        "landcover_head_zip": None,
        "croptype_head_zip": None,
        "enable_cropland_head": True,
        "mask_cropland": True,
    },
}
