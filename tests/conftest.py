"""Shared fixtures. Real WorldCereal files are read from ../shared (override: WORLDCEREAL_SHARED)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("WORLDCEREAL_SHARED", REPO_ROOT.parent / "shared")).resolve()
WC_DIR = SHARED_DIR / "worldcereal"

pytest_plugins = [
    "tests.fixtures.backend",
]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not WC_DIR.is_dir():
        pytest.fail(f"Real WorldCereal test data not found at {WC_DIR}; set WORLDCEREAL_SHARED.")
    return SHARED_DIR


@pytest.fixture(scope="session")
def wc_dir(shared_dir: Path) -> Path:
    return shared_dir / "worldcereal"


@pytest.fixture(scope="session")
def reference_tif(wc_dir: Path) -> Path:
    return wc_dir / "reference_output" / "cropland-croptype_2020-11-01_2021-10-31.tif"


@pytest.fixture(scope="session")
def udp_dir(wc_dir: Path) -> Path:
    return wc_dir / "udp"
