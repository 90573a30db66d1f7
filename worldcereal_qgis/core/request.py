"""MapRequest: one cropland or crop-type map job, checked before any credit is spent.

The request is the single source for the UDP arguments, the job title/description and the job store's
JSON, so the dock, Processing and the job store cannot disagree about what was asked. The rules behind
``problems()`` live in request_checks.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from . import udp
from .aoi import DEFAULT_MAX_AREA_KM2, Aoi
from .dates import (
    last_complete_month_end,
    months_between,
    parse_date,
    period_ending_with,
)
from .errors import InputError
from .request_checks import (
    ZIP_URL_LABELS,
    aoi_problems,
    kernel_problems,
    method_problems,
    period_problems,
    seasons_problems,
    url_scheme_problems,
    zip_url_problems,
)

Window = tuple[date, date]
_FORMAT_VERSION = 1

_DESCRIPTION_LABELS = {
    "croptype_head_zip": "Crop-type head",
    "landcover_head_zip": "Land-cover head",
    "seasonal_model_zip": "Seasonal model",
}


@dataclass
class MapRequest:
    """Everything one WorldCereal map job needs; ``seasons`` keeps the user's order (it is the band order)."""

    product: str
    aoi: Aoi
    temporal_extent: tuple[date, date]
    seasons: dict[str, tuple[date, date]] = field(default_factory=dict)
    orbit_state: str = udp.DEFAULT_ORBIT_STATE
    postprocess_method_cropland: str = udp.DEFAULT_POSTPROCESS_METHOD
    postprocess_kernel_cropland: int = udp.DEFAULT_KERNEL_CROPLAND
    postprocess_method_croptype: str = udp.DEFAULT_POSTPROCESS_METHOD
    postprocess_kernel_croptype: int = udp.DEFAULT_KERNEL_CROPTYPE
    enable_cropland_head: bool = True
    mask_cropland: bool = True
    croptype_head_zip: str | None = None
    landcover_head_zip: str | None = None
    seasonal_model_zip: str | None = None
    namespace: str | None = None

    # ----------------------------------------------------------------- validation
    def validate(self, *, today: date | None = None, max_area_km2: float = DEFAULT_MAX_AREA_KM2) -> None:
        """Raise the first problem as InputError(field=...); nothing is sent before this passes."""
        found = self.problems(today=today, max_area_km2=max_area_km2)
        if found:
            raise found[0]

    def problems(self, *, today: date | None = None, max_area_km2: float = DEFAULT_MAX_AREA_KM2) -> list[InputError]:
        """All problems at once, so a form can mark every bad field."""
        checks: list[Callable[[], list[InputError]]] = [
            self._product_problems,
            lambda: aoi_problems(self.aoi, max_area_km2),
            lambda: period_problems(self.temporal_extent, self.product, today),
            self._season_problems,
            self._orbit_problems,
            self._postprocess_problems,
            self._head_problems,
            self._namespace_problems,
        ]
        return [problem for check in checks for problem in check()]

    def _product_problems(self) -> list[InputError]:
        if self.product in udp.PRODUCTS:
            return []
        return [InputError(f"Unknown product '{self.product}': choose cropland or croptype.", field="product")]

    def _orbit_problems(self) -> list[InputError]:
        if self.orbit_state in udp.ORBIT_STATES:
            return []
        return [
            InputError(
                f"Unknown Sentinel-1 orbit state '{self.orbit_state}': choose ASCENDING or DESCENDING.",
                field="orbit_state",
            )
        ]

    def _season_problems(self) -> list[InputError]:
        return seasons_problems(self.seasons, self.temporal_extent)

    def _postprocess_problems(self) -> list[InputError]:
        names = ["cropland"] if self.product == udp.CROPLAND else ["cropland", "croptype"]
        found: list[InputError] = []
        for name in names:
            found += method_problems(f"postprocess_method_{name}", getattr(self, f"postprocess_method_{name}"))
            found += kernel_problems(f"postprocess_kernel_{name}", getattr(self, f"postprocess_kernel_{name}"))
        return found

    def _head_problems(self) -> list[InputError]:
        found: list[InputError] = []
        for name in ZIP_URL_LABELS:
            found += zip_url_problems(name, getattr(self, name))
        if self.product == udp.CROPLAND and self.croptype_head_zip:
            found.append(
                InputError(
                    "A crop-type head is only used by crop-type maps; clear it or choose the croptype product.",
                    field="croptype_head_zip",
                )
            )
        if self.product == udp.CROPTYPE:
            for name in ("enable_cropland_head", "mask_cropland"):
                if not isinstance(getattr(self, name), bool):
                    found.append(InputError(f"The option {name} must be true or false.", field=name))
        return found

    def _namespace_problems(self) -> list[InputError]:
        value = self.namespace
        if value is None:
            return []
        if not isinstance(value, str) or not value.strip():
            return [
                InputError(
                    "The UDP namespace override is empty; clear it to use the pinned v3.0.1 URL.", field="namespace"
                )
            ]
        if "://" in value:
            return url_scheme_problems("namespace", "UDP namespace URL", value)
        return []

    # ----------------------------------------------------------------- openEO side
    @property
    def process_id(self) -> str:
        self._require_known_product()
        return udp.PROCESS_IDS[self.product]

    @property
    def namespace_url(self) -> str:
        self._require_known_product()
        return self.namespace or udp.NAMESPACES[self.product]

    def _require_known_product(self) -> None:
        problems = self._product_problems()
        if problems:
            raise problems[0]

    def udp_arguments(self) -> dict[str, Any]:
        """JSON-ready keyword arguments for ``datacube_from_process``; call ``validate()`` first."""
        start, end = self.temporal_extent
        args: dict[str, Any] = {
            "spatial_extent": self.aoi.spatial_extent(),
            "temporal_extent": [start.isoformat(), end.isoformat()],
            "orbit_state": self.orbit_state,
            "season_ids": list(self.seasons),
            "season_windows": {sid: [s.isoformat(), e.isoformat()] for sid, (s, e) in self.seasons.items()},
        }
        if self.product == udp.CROPLAND:
            args["postprocess_method"] = self.postprocess_method_cropland
            args["postprocess_kernel_size"] = int(self.postprocess_kernel_cropland)
        else:
            for name in ("cropland", "croptype"):
                args[f"postprocess_method_{name}"] = getattr(self, f"postprocess_method_{name}")
                args[f"postprocess_kernel_size_{name}"] = int(getattr(self, f"postprocess_kernel_{name}"))
            args["enable_cropland_head"] = bool(self.enable_cropland_head)
            args["mask_cropland"] = bool(self.mask_cropland)
        for name in ("seasonal_model_zip", "landcover_head_zip", "croptype_head_zip"):
            value = getattr(self, name)
            if value and name in udp.OPTIONAL_PARAMETERS[self.product]:
                args[name] = value
        return args

    def title(self) -> str:
        """Job title; keeps "WorldCereal" first because the WorldCereal team tracks CDSE usage by it."""
        label = udp.PRODUCT_LABELS.get(self.product, self.product)
        start, end = self.temporal_extent
        return f"WorldCereal {label} – {self.aoi.name} – {start.isoformat()}…{end.isoformat()}"

    def description(self) -> str:
        """Human-readable job description listing every parameter (shown in the CDSE job list)."""
        return "\n".join(_describe(self))

    # ----------------------------------------------------------------- persistence
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for the job store; seasons as a list to keep their order in any JSON tool."""
        start, end = self.temporal_extent
        data: dict[str, Any] = {
            "format": _FORMAT_VERSION,
            "product": self.product,
            "aoi": {"wkt": self.aoi.to_wkt(), "name": self.aoi.name},
            "temporal_extent": [start.isoformat(), end.isoformat()],
            "seasons": [
                {"id": sid, "start": s.isoformat(), "end": e.isoformat()} for sid, (s, e) in self.seasons.items()
            ],
        }
        for name in _OPTION_NAMES:
            data[name] = getattr(self, name)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MapRequest:
        """Inverse of ``to_dict``; also accepts seasons as ``{id: [start, end]}``."""
        try:
            aoi = Aoi.from_wkt(data["aoi"]["wkt"], name=data["aoi"].get("name", "aoi"))
            period = _parse_window(data["temporal_extent"], "temporal_extent")
            seasons = _parse_seasons(data.get("seasons", {}))
            product = data["product"]
        except (KeyError, TypeError) as err:
            raise InputError(f"The stored request is incomplete or malformed ({err}).", field="request") from err
        options = {name: data[name] for name in _OPTION_NAMES if name in data}
        return cls(product=product, aoi=aoi, temporal_extent=period, seasons=seasons, **options)


_OPTION_NAMES = (
    "orbit_state",
    "postprocess_method_cropland",
    "postprocess_kernel_cropland",
    "postprocess_method_croptype",
    "postprocess_kernel_croptype",
    "enable_cropland_head",
    "mask_cropland",
    "croptype_head_zip",
    "landcover_head_zip",
    "seasonal_model_zip",
    "namespace",
)


# --------------------------------------------------------------------- builders
def cropland_request(
    aoi: Aoi,
    *,
    year: int | None = None,
    temporal_extent: tuple[date | str, date | str] | None = None,
    season_id: str | None = None,
    **options: Any,
) -> MapRequest:
    """A cropland request over exactly 12 months with one season covering the whole period.

    Period: ``temporal_extent`` when given (the notebook advice is 12 months ending after the last growing
    season, e.g. 2020-10-01…2021-09-30 in Western Europe); else, with ``year``, the calendar year Jan–Dec
    (the library's reading of a bare year); else the 12 months ending with the last complete month.
    The season is ``season_id`` (default ``tc-annual``, what the job manager synthesises) spanning the period,
    since the cropland head pools all timesteps anyway. Dates are not snapped: ``validate()`` reports them.
    """
    if year is not None and temporal_extent is not None:
        raise InputError(
            "Give either a year or a processing period for the cropland map, not both.", field="temporal_extent"
        )
    if temporal_extent is not None:
        period = _parse_window(temporal_extent, "temporal_extent")
    elif year is not None:
        period = (date(int(year), 1, 1), date(int(year), 12, 31))
    else:
        period = period_ending_with(last_complete_month_end(), udp.CROPLAND_PERIOD_MONTHS)
    sid = udp.ANNUAL_SEASON_ID if season_id is None else season_id
    return MapRequest(product=udp.CROPLAND, aoi=aoi, temporal_extent=period, seasons={sid: period}, **options)


def croptype_request(aoi: Aoi, seasons: dict[str, tuple[date | str, date | str]], **options: Any) -> MapRequest:
    """A crop-type request; the period is the 12 months ending with the month in which the latest season ends.

    That is the notebook / Gisat rule (``_update_summary``, ``getBoundaryDates``); pass
    ``temporal_extent=(start, end)`` in ``options`` to override it.
    """
    parsed = _parse_seasons(seasons)
    period = options.pop("temporal_extent", None)
    if period is not None:
        period = _parse_window(period, "temporal_extent")
    elif parsed:
        period = period_ending_with(max(end for _, end in parsed.values()), udp.MAX_PERIOD_MONTHS)
    else:
        raise InputError("Give at least one season window for the crop-type map.", field="seasons")
    return MapRequest(product=udp.CROPTYPE, aoi=aoi, temporal_extent=period, seasons=parsed, **options)


def _parse_window(value: Any, field_name: str) -> Window:
    try:
        start, end = value
    except (TypeError, ValueError) as err:
        raise InputError(
            f"The {field_name.replace('_', ' ')} must be a pair of dates (start, end).", field=field_name
        ) from err
    return parse_date(start, field=field_name), parse_date(end, field=field_name)


def _parse_seasons(value: Any) -> dict[str, Window]:
    items = list(value.items()) if isinstance(value, dict) else [(s["id"], (s["start"], s["end"])) for s in value]
    return {sid: _parse_window(window, "seasons") for sid, window in items}


# --------------------------------------------------------------------- description
def _describe(req: MapRequest) -> list[str]:
    west, south, east, north = req.aoi.bbox
    start, end = req.temporal_extent
    lines = [
        f"WorldCereal {udp.PRODUCT_LABELS.get(req.product, req.product)} map (WorldCereal QGIS plugin).",
        f"Process: {req.process_id} (namespace {req.namespace_url})",
        f"Area of interest: {req.aoi.name}, bbox W {west:.5f} S {south:.5f} E {east:.5f} N {north:.5f} "
        f"(EPSG:4326), {req.aoi.area_km2:,.1f} km²",
        f"Processing period: {start} … {end} ({months_between(start, end)} months)",
        "Seasons: " + "; ".join(f"{sid} {s} … {e}" for sid, (s, e) in req.seasons.items()),
        f"Sentinel-1 orbit: {req.orbit_state}",
    ]
    names = ["cropland"] if req.product == udp.CROPLAND else ["cropland", "croptype"]
    for name in names:
        method = getattr(req, f"postprocess_method_{name}")
        kernel = f", kernel {getattr(req, f'postprocess_kernel_{name}')}" if method == "majority_vote" else ""
        lines.append(f"Post-processing {name}: {method}{kernel}")
    if req.product == udp.CROPTYPE:
        lines.append(
            f"Cropland head: {_on_off(req.enable_cropland_head)}; mask non-cropland: {_on_off(req.mask_cropland)}"
        )
    for name, label in _DESCRIPTION_LABELS.items():
        if name in udp.OPTIONAL_PARAMETERS[req.product]:
            lines.append(f"{label}: {getattr(req, name) or 'default'}")
    return lines


def _on_off(value: Any) -> str:
    return "on" if value else "off"
