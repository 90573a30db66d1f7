"""Start the local openEO backend: ``python -m tests.local_backend --port 8765 --data-dir DIR``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from tests.local_backend.settings import DEFAULT_UDP_DIR, Settings, load_users


def parse_args(argv: list[str]) -> Settings:
    p = argparse.ArgumentParser(prog="python -m tests.local_backend", description=__doc__)
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--data-dir", type=Path, default=Path("local-backend-data"), help="SQLite DB + job results")
    p.add_argument("--users", type=Path, help='JSON {"users": {"name": "password"}} (default demo/demo)')
    p.add_argument("--job-duration", type=float, default=3.0, help="simulated run time of a job (s)")
    p.add_argument("--udp-dir", type=Path, default=DEFAULT_UDP_DIR, help="WorldCereal v3.0.1 UDP JSON files")
    p.add_argument("--log-file", type=Path, help="log file (default: <data-dir>/backend.log)")
    p.add_argument("--device-pending-polls", type=int, default=1,
                   help="'authorization_pending' answers before a device code is auto-approved (-1: never)")
    p.add_argument("--token-ttl", type=int, default=3600, help="access token lifetime (s)")
    p.add_argument("--faults", type=json.loads, default={}, help="initial fault switches (JSON)")
    p.add_argument("--artifacts-s3-port", type=int, help="also serve S3+STS artifact storage on this port (moto)")
    a = p.parse_args(argv)
    data_dir = a.data_dir.resolve()
    return Settings(
        port=a.port, data_dir=data_dir, users=load_users(a.users), job_duration=a.job_duration,
        udp_dir=a.udp_dir.resolve(), log_file=(a.log_file or data_dir / "backend.log").resolve(),
        device_pending_polls=a.device_pending_polls, token_ttl=a.token_ttl, faults=a.faults,
        artifacts_s3_port=a.artifacts_s3_port,
    )


def main(argv: list[str]) -> int:
    settings = parse_args(argv)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    settings.log_file.parent.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=str(settings.log_file), level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from werkzeug.serving import make_server

    from tests.local_backend.app import create_app

    local = create_app(settings)
    if settings.artifacts_s3_port:
        from tests.local_backend.s3 import start

        start(settings.artifacts_s3_port)
        print(f"Artifact storage (S3 + STS) on http://127.0.0.1:{settings.artifacts_s3_port}, advertised in the "
              "backend's capabilities for custom-model uploads", flush=True)
    server = make_server("127.0.0.1", settings.port, local.wsgi, threaded=True)
    print(f"WorldCereal local openEO backend on {settings.base_url}/openeo/1.2 "
          f"(data {settings.data_dir}, log {settings.log_file})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
