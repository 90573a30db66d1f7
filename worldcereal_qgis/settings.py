"""Typed, non-secret plugin settings over QgsSettings (kept apart from widgets, as DataPlotly does).

Secrets never come here: tokens and passwords live in QGIS's auth database (see auth_store.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from qgis.core import QgsApplication, QgsSettings

if TYPE_CHECKING:
    from .core.credits import CreditRates

PREFIX = "worldcereal_qgis/"


class Setting:
    """One typed value under ``worldcereal_qgis/``: the only way the plugin persists anything (the dock's form
    state included, see controllers/dock_state.py). ``kind`` list/dict values are stored as JSON text.
    A plain class, not a dataclass: building a dataclass compiles its methods (~1 ms), and this module is imported
    at QGIS start-up (#21). For the same reason a default that core owns is wrapped in ``_CoreDefault``
    and read on first use: importing core/orbit and core/credits here would import datetime and dataclasses at
    start-up (~3 ms of a bare start)."""

    __slots__ = ("_default", "key", "kind")

    def __init__(self, key: str, default: Any, kind: type) -> None:
        self.key, self._default, self.kind = key, default, kind

    @property
    def default(self) -> Any:
        if isinstance(self._default, _CoreDefault):
            self._default = self._default.resolve()
        return self._default

    def __repr__(self) -> str:
        return f"Setting({self.key!r}, {self.default!r}, {self.kind.__name__})"

    def read(self, settings: QgsSettings | None = None) -> Any:
        """The stored value, or ``default`` when it is missing or unreadable (a bad INI never breaks the plugin)."""
        s = settings or QgsSettings()
        if not s.contains(PREFIX + self.key):
            return self.default
        return _coerce(s.value(PREFIX + self.key), self.kind, self.default)

    def write(self, value: Any, settings: QgsSettings | None = None) -> None:
        import json  # here, not at start-up (#21)

        stored = json.dumps(value) if self.kind in (list, dict) else value
        (settings or QgsSettings()).setValue(PREFIX + self.key, stored)


def _coerce(value: Any, kind: type, default: Any) -> Any:
    """QSettings returns strings for values read back from INI files."""
    if value is None:
        return default
    try:
        if kind is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if kind in (list, dict):
            import json

            decoded = json.loads(value) if isinstance(value, str) else value
            return decoded if isinstance(decoded, kind) else default
        return kind(value)
    except (TypeError, ValueError):
        return default


class _CoreDefault:
    """A default that core owns (one source): ``core.<module>.<name>[.<attribute>]``, looked up the first time a
    Setting's default is read."""

    __slots__ = ("module", "names")

    def __init__(self, module: str, *names: str) -> None:
        self.module, self.names = module, names

    def resolve(self) -> Any:
        from importlib import import_module

        value: Any = import_module(f"{__package__}.core.{self.module}")
        for name in self.names:
            value = getattr(value, name)
        return value


ACTIVE_BACKEND = Setting("backend/active", "cdse", str)
CUSTOM_BACKEND_URL = Setting("backend/custom_url", "", str)
LOCAL_BACKEND_URL = Setting("backend/local_url", "http://127.0.0.1:8765/openeo/1.2", str)
# Developers: always offer the local simulated backend (else only when a server answers at its URL).
SHOW_SIMULATED_BACKEND = Setting("developer/show_simulated_backend", False, bool)
# The backend profiles whose URL the user sets (adapters/connections.profile resolves every profile name).
BACKEND_URL_SETTINGS = {"local": LOCAL_BACKEND_URL, "custom": CUSTOM_BACKEND_URL}
MAX_JOB_AREA_KM2 = Setting("jobs/max_area_km2", 2500.0, float)
CREDIT_BUDGET = Setting("jobs/credit_budget", 1000.0, float)
POLL_INTERVAL_S = Setting("jobs/poll_interval_s", 15.0, float)
OUTPUT_DIR = Setting("jobs/output_dir", "", str)
CATALOGUE_URL = Setting("orbit/catalogue_url", _CoreDefault("orbit", "CATALOGUE_URL"), str)
# Tiled runs (areas above MAX_JOB_AREA_KM2): tile size, the largest area one run may cover, the estimate above
# which the dock asks before starting, and the run folders the dock resumes after a restart (JSON list).
TILE_SIZE_KM = Setting("runs/tile_size_km", 20.0, float)
MAX_RUN_AREA_KM2 = Setting("runs/max_area_km2", 1_000_000.0, float)
RUN_CONFIRM_CREDITS = Setting("runs/confirm_above_credits", 100.0, float)
ACTIVE_RUNS = Setting("runs/active", "[]", str)
LOAD_CLASS_PROBABILITIES = Setting("layers/load_class_probabilities", False, bool)
# Crop calendar: a custom file (or folder holding seasonality_lookup.geoparquet); empty = the profile cache.
CALENDAR_PATH = Setting("seasons/calendar_path", "", str)
CALENDAR_URL = Setting("seasons/calendar_url", "", str)  # empty = the pinned WorldCereal URL (SHA-256 checked)
# Credit rates (docs/worldcereal-facts.md, "Credits and duration"); one place to change them when CDSE's prices move.
# The defaults are core's published figures (one source: core/credits.DEFAULT_RATES).
_RATES = ("credits", "DEFAULT_RATES")
MAP_CREDITS_PER_KM2_LOW = Setting("credits/map_per_km2_low", _CoreDefault(*_RATES, "map_credits_per_km2_low"), float)
MAP_CREDITS_PER_KM2_HIGH = Setting("credits/map_per_km2_high", _CoreDefault(*_RATES, "map_credits_per_km2_high"), float)
JOB_OVERHEAD_CREDITS = Setting("credits/job_overhead", _CoreDefault(*_RATES, "job_overhead_credits"), float)
EXTRACTION_CREDITS_PER_JOB = Setting("credits/extraction_per_job", _CoreDefault(*_RATES, "extraction_credits_per_job"),
                                     float)
FREE_MONTHLY_CREDITS = Setting("credits/free_monthly", _CoreDefault(*_RATES, "free_monthly_credits"), float)
# Custom crop-type training: where the training environment comes from and lives (empty = the default), the
# seasonal model whose encoder_only checkpoint heads are trained on (empty = the v3.0.1 UDP default), and
# WorldCereal's public extraction store.
# The two defaults repeat core/training_env.py's DEFAULT_PROMETHEO_SOURCE / DEFAULT_TORCH_INDEX (a test keeps them
# equal): importing that module here would cost QGIS start-up ~5 ms.
TRAINING_PROMETHEO_SOURCE = Setting("training/prometheo_source",
                                    "prometheo @ git+https://github.com/WorldCereal/prometheo.git@v0.1.5", str)
TRAINING_TORCH_INDEX_URL = Setting("training/torch_index_url", "https://download.pytorch.org/whl/cpu", str)
TRAINING_ENV_FOLDER = Setting("training/env_folder", "", str)
TRAINING_SEASONAL_MODEL = Setting("training/seasonal_model_zip", "", str)
TRAINING_PUBLIC_ENDPOINT = Setting("training/public_extractions_s3", "https://s3.waw3-1.cloudferro.com", str)
TRAINING_PUBLIC_LISTING = Setting("training/public_extractions_listing",
                                  "https://s3.waw3-1.cloudferro.com/swift/v1/geoparquet/", str)
# The class picker's last inputs: extraction files (one per line), class mappings file and mapping name.
TRAINING_SAMPLES = Setting("training/picker_samples", "", str)
TRAINING_CLASS_MAPPINGS = Setting("training/picker_class_mappings", "", str)
TRAINING_CLASS_MAPPING = Setting("training/picker_class_mapping", "CROPTYPE24", str)


def profile_data_dir() -> Path:
    """Plugin data (job store, caches, private Python packages) inside the QGIS profile folder."""
    path = Path(QgsApplication.qgisSettingsDirPath()) / "worldcereal_qgis"
    path.mkdir(parents=True, exist_ok=True)
    return path


def deps_dir() -> Path:
    return profile_data_dir() / "python"


def default_output_dir() -> Path:
    configured = OUTPUT_DIR.read()
    return Path(configured) if configured else profile_data_dir() / "results"


def credit_rates() -> CreditRates:
    """The user's credit rates as a core ``CreditRates`` (estimates in the dock and Processing agree)."""
    from .core.credits import CreditRates

    return CreditRates(
        map_credits_per_km2_low=MAP_CREDITS_PER_KM2_LOW.read(),
        map_credits_per_km2_high=MAP_CREDITS_PER_KM2_HIGH.read(),
        job_overhead_credits=JOB_OVERHEAD_CREDITS.read(),
        extraction_credits_per_job=EXTRACTION_CREDITS_PER_JOB.read(),
        free_monthly_credits=FREE_MONTHLY_CREDITS.read(),
    )

# The first-run panel of the dock, once dismissed, never shows again.
FIRST_RUN_DISMISSED = Setting("dock/first_run_dismissed", False, bool)
