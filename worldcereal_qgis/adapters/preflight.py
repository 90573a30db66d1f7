"""The checks before paying (core/preflight.py), with what QGIS knows: the crop calendar's land grid on disk and
QGIS's proxy for downloading a model to check. Every front end's submit path calls these."""

from __future__ import annotations

from pathlib import Path


def check_map(request, out_dir: str | Path) -> None:
    """Before a map job or tiled run: area worth a job (not tiny, not open sea), folder writable, disk room."""
    from ..core.preflight import map_preflight
    from .reference_source import land_grid

    map_preflight(request, out_dir, land=land_grid())


def check_model_url(url: str):
    """Download a user's head zip through QGIS's proxy and check it before any job points at it."""
    from ..core.preflight import check_head_zip_url
    from .connections import http_session

    with http_session() as session:
        return check_head_zip_url(url, session)
