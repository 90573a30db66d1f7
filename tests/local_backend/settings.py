"""Run-time settings of the local backend, set once by ``__main__`` before openeo-driver is imported.

openeo-driver reads its config from a Python file (``driver_config.py``) at first use; that file and the
other modules read the values from here, so the CLI is the single source of truth.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_UDP_DIR = REPO_ROOT.parent / "shared" / "worldcereal" / "udp"
DEFAULT_USERS = {"demo": "demo"}


@dataclass
class Settings:
    port: int = 8765
    data_dir: Path = Path("local-backend-data")
    users: dict = field(default_factory=lambda: dict(DEFAULT_USERS))
    job_duration: float = 3.0
    udp_dir: Path = DEFAULT_UDP_DIR
    log_file: Optional[Path] = None
    device_pending_polls: int = 1
    token_ttl: int = 3600
    faults: dict = field(default_factory=dict)
    artifacts_s3_port: Optional[int] = None  # S3+STS emulation advertised as artifact storage (see s3.py)

    @property
    def artifacts_endpoint(self) -> Optional[str]:
        return f"http://127.0.0.1:{self.artifacts_s3_port}" if self.artifacts_s3_port else None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/oidc"

    @property
    def default_user(self) -> str:
        return next(iter(self.users))


_current: Optional[Settings] = None


def configure(settings: Settings) -> Settings:
    global _current
    _current = settings
    return settings


def get() -> Settings:
    if _current is None:
        raise RuntimeError("Local backend settings used before configure().")
    return _current


def load_users(path: Optional[Path]) -> dict:
    """Users file: ``{"users": {"name": "password"}}``; none given means the demo user."""
    if path is None:
        return dict(DEFAULT_USERS)
    users = json.loads(Path(path).read_text(encoding="utf-8")).get("users") or {}
    if not users:
        raise ValueError(f"No users in {path}.")
    return {str(k): str(v) for k, v in users.items()}
