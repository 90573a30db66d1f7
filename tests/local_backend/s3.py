"""Object storage for the local backend: S3 + STS on 127.0.0.1 (moto's server mode), like CDSE's artifact store.

``python -m tests.local_backend.s3 --port N [--bucket B ...]`` (in .venv-backend, needs ``moto[server]``) serves
S3 and STS (AssumeRoleWithWebIdentity, as the openeo client's artifact helper calls it), creates the
buckets, and prints one line ``READY <endpoint>`` when it accepts requests. The backend started with
``--artifacts-s3-port N`` runs the same in its own process and advertises it in its capabilities
(``artifacts_capability``), as CDSE advertises its artifact bucket. Tests also use a standalone one as
WorldCereal's public extraction store (bucket ``geoparquet``, anonymous reads of public-read objects).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

BUCKET = "openeo-artifacts-local"
ROLE = "arn:openeo:iam:::role/openeo-artifacts-local"


def artifacts_capability(endpoint: str, bucket: str = BUCKET) -> dict:
    """The ``artifacts`` entry of GET / (openeo.extra.artifacts reads providers[0])."""
    return {"providers": [{"id": "local-s3", "type": "S3STSConfig", "config": {
        "s3_endpoint": endpoint, "sts_endpoint": endpoint, "role": ROLE, "bucket": bucket}}]}


def _patch_sts_subject() -> None:
    """Real STS answers AssumeRoleWithWebIdentity with SubjectFromWebIdentityToken (the token's ``sub``);
    moto 5.2 leaves it out and the openeo artifact helper needs it for its per-user key prefix."""
    import hashlib

    from moto.sts.responses import TokenResponse

    original = TokenResponse.assume_role_with_web_identity

    def with_subject(self):
        result = original(self)
        token = self._get_param("WebIdentityToken") or ""
        result.result["SubjectFromWebIdentityToken"] = hashlib.sha256(token.encode()).hexdigest()[:32]
        return result

    TokenResponse.assume_role_with_web_identity = with_subject


def start(port: int, buckets: tuple = (BUCKET,)):
    """Serve S3 + STS on 127.0.0.1:port in this process (a thread) with the buckets created; the server."""
    import boto3
    from moto.server import ThreadedMotoServer

    _patch_sts_subject()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    client = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                          aws_access_key_id="local", aws_secret_access_key="local")
    for bucket in buckets:
        client.create_bucket(Bucket=bucket)
    return server


def serve(port: int, buckets: tuple) -> None:
    server = start(port, buckets)
    print(f"READY http://127.0.0.1:{port}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    server.stop()


def main(argv: list) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--bucket", action="append", help=f"bucket to create (repeatable; default {BUCKET})")
    args = parser.parse_args(argv)
    serve(args.port, tuple(args.bucket or (BUCKET,)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
