"""Assemble the WSGI app: openeo-driver's Flask API + local OIDC provider + admin + fault middleware.

``OPENEO_BACKEND_CONFIG`` must be set before openeo-driver is first imported (its config is a global),
which is why the driver imports live inside ``create_app``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from tests.local_backend import settings as settings_mod
from tests.local_backend.faults import FaultMiddleware, Faults
from tests.local_backend.settings import Settings

_RESULTS_RE = re.compile(r"/jobs/(?P<job_id>[^/]+)/results$")


@dataclass
class LocalApp:
    wsgi: Callable
    flask_app: Any
    faults: Faults
    jobs: Any


def create_app(settings: Settings) -> LocalApp:
    settings_mod.configure(settings)
    os.environ["OPENEO_BACKEND_CONFIG"] = str(Path(__file__).with_name("driver_config.py"))
    from openeo_driver.views import build_app

    from tests.local_backend import admin, oidc
    from tests.local_backend.backend import LocalBackend, patch_auth_handler
    from tests.local_backend.jobs import LocalBatchJobs
    from tests.local_backend.store import Store
    from tests.local_backend.tokens import Tokens
    from tests.local_backend.udp import install_namespace_resolver, load_udps

    udps = load_udps(settings.udp_dir)
    install_namespace_resolver(udps)
    store = Store(settings.data_dir / "backend.sqlite")
    faults, tokens = Faults(), Tokens(store, settings.token_ttl)
    faults.on_expire = tokens.revoke_access_tokens
    jobs = LocalBatchJobs(store, udps, faults, settings.data_dir)
    app = build_app(backend_implementation=LocalBackend(jobs, tokens, faults))
    patch_auth_handler(app.extensions["auth_handler"], tokens)
    app.register_blueprint(oidc.build_blueprint(store, tokens))
    app.register_blueprint(admin.build_blueprint(faults, jobs, store))
    app.add_url_rule("/terms", "local_terms", _terms)
    app.after_request(lambda resp: _enrich_results(resp, store, faults))
    if settings.faults:
        faults.set(settings.faults)
    jobs.start_ticker()
    app.wsgi_app = FaultMiddleware(app.wsgi_app, faults)
    return LocalApp(wsgi=app, flask_app=app, faults=faults, jobs=jobs)


def _terms() -> tuple[str, int, dict]:
    text = "Local WorldCereal test backend: no terms, no privacy concerns; every output is SIMULATED.\n"
    return text, 200, {"Content-Type": "text/plain; charset=utf-8"}


def _enrich_results(response: Any, store: Any, faults: Faults) -> Any:
    """Add what openeo-driver drops from job results: asset description/proj:code, usage, costs; with the
    ``signed_urls`` switch, asset links carry a temporary token in their query as CDSE's do."""
    import flask

    match = _RESULTS_RE.search(flask.request.path)
    if not (match and flask.request.method == "GET" and response.status_code == 200 and response.is_json):
        return response
    row = store.get_job(match.group("job_id"))
    if row is None:
        return response
    doc = json.loads(response.get_data())
    for name, asset in (row["assets"] or {}).items():
        target = doc.get("assets", {}).get(name)
        if target is not None:
            for key, value in asset.items():
                target.setdefault(key, value) if key != "href" else None
    ttl = faults.signed_urls()
    if ttl is not None:
        for asset in doc.get("assets", {}).values():
            asset["href"] = f"{asset['href']}?{_signed_query(ttl)}"
    doc["links"] = [link for link in doc.get("links", []) if link.get("rel") != "card4l-document"]
    if row["usage"]:
        doc["usage"] = row["usage"]
    if row["costs"] is not None:
        doc["costs"] = row["costs"]
    response.set_data(json.dumps(doc))
    return response


def _signed_query(ttl_s: int) -> str:
    """What a presigned object-storage link carries: a temporary credential, its lifetime and a signature."""
    import secrets

    return (f"X-Amz-Security-Token={secrets.token_urlsafe(24)}&X-Amz-Expires={ttl_s}"
            f"&X-Amz-Signature={secrets.token_hex(16)}")
