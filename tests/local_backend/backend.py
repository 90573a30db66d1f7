"""The openeo-driver backend implementation: catalog, processing, batch jobs, auth checks, capabilities."""

from __future__ import annotations

from typing import Union

import flask
from openeo_driver.backend import CollectionCatalog, OpenEoBackendImplementation
from openeo_driver.errors import FeatureUnsupportedException, OpenEOApiException
from openeo_driver.ProcessGraphDeserializer import ConcreteProcessing
from openeo_driver.users import User
from openeo_driver.users.auth import AUTHENTICATION_METHOD, HttpAuthHandler

from tests.local_backend import settings
from tests.local_backend.faults import Faults
from tests.local_backend.jobs import LocalBatchJobs
from tests.local_backend.planning import plan_job
from tests.local_backend.tokens import ACCESS, BASIC, TokenInvalid, Tokens

_S2_BANDS = ["B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12", "SCL"]
_COLLECTIONS = [
    ("SENTINEL2_L2A", "Sentinel-2 L2A (inputs are not served: outputs are simulated)", _S2_BANDS),
    ("SENTINEL1_GRD", "Sentinel-1 GRD (inputs are not served: outputs are simulated)", ["VH", "VV"]),
    ("COPERNICUS_30", "Copernicus 30 m DEM (inputs are not served: outputs are simulated)", ["DEM"]),
]


def _collection(cid: str, title: str, bands: list[str]) -> dict:
    """Enough STAC metadata for the openeo client to build cubes (dimensions + band names)."""
    return {
        "id": cid, "title": title, "description": title, "license": "proprietary", "stac_version": "1.0.0",
        "type": "Collection", "links": [],
        "extent": {"spatial": {"bbox": [[-180, -90, 180, 90]]}, "temporal": {"interval": [[None, None]]}},
        "cube:dimensions": {
            "x": {"type": "spatial", "axis": "x"}, "y": {"type": "spatial", "axis": "y"},
            "t": {"type": "temporal"}, "bands": {"type": "bands", "values": bands},
        },
        "summaries": {"eo:bands": [{"name": b} for b in bands]},
    }


class LocalProcessing(ConcreteProcessing):
    """Real openEO process listing; synchronous processing is refused (only batch jobs are simulated)."""

    def __init__(self, udps: dict[str, dict]) -> None:
        super().__init__()
        self.udps = udps

    def validate(self, process_graph: dict, env=None) -> list[dict]:
        """Same checks as job creation, so ``POST /validation`` agrees with ``POST /jobs``."""
        try:
            plan_job(process_graph, self.udps)
        except OpenEOApiException as exc:
            return [{"code": exc.code, "message": exc.message}]
        return []

    def evaluate(self, process_graph: dict, env=None):
        raise FeatureUnsupportedException(
            message="Synchronous processing is not supported by the local backend; create a batch job."
        )


class LocalBackend(OpenEoBackendImplementation):
    def __init__(self, batch_jobs: LocalBatchJobs, tokens: Tokens, faults: Faults) -> None:
        super().__init__(
            catalog=CollectionCatalog([_collection(*c) for c in _COLLECTIONS]),
            batch_jobs=batch_jobs,
            processing=LocalProcessing(batch_jobs.udps),
        )
        self.tokens, self.faults = tokens, faults

    def file_formats(self) -> dict:
        raster = {"gis_data_types": ["raster"], "parameters": {}}
        vector = {"gis_data_types": ["vector"], "parameters": {}}
        return {
            "input": {"GeoJSON": vector, "Parquet": {**vector, "title": "(Geo)Parquet"}},
            "output": {"GTiff": {**raster, "title": "GeoTiff"}, "Parquet": {**vector, "title": "(Geo)Parquet"},
                       "JSON": {"gis_data_types": ["raster", "vector"], "parameters": {}}},
        }

    def capabilities_billing(self) -> dict:
        return {"currency": "credits", "default_plan": "free",
                "plans": [{"name": "free", "description": "Simulated credits.", "paid": False}]}

    def postprocess_capabilities(self, capabilities: dict) -> dict:
        """Drop openeo-driver's third-party links (openeo.cloud, terrascope.be) for local ones."""
        base = settings.get().base_url
        local = {"terms-of-service": f"{base}/terms", "privacy-policy": f"{base}/terms"}
        for link in capabilities.get("links", []):
            if link.get("rel") in local:
                link["href"] = local[link["rel"]]
        if settings.get().artifacts_endpoint:  # read by openeo.extra.artifacts.build_artifact_helper
            from tests.local_backend.s3 import artifacts_capability

            capabilities["artifacts"] = artifacts_capability(settings.get().artifacts_endpoint)
        return capabilities

    def user_access_validation(self, user: User, request: flask.Request) -> User:
        """Runs on every authenticated request (the driver caches users): reject expired/revoked tokens."""
        method = (user.internal_auth_data or {}).get("authentication_method")
        token = request.headers.get("Authorization", "").rpartition("/")[2]
        kind = BASIC if method == AUTHENTICATION_METHOD.BASIC else ACCESS
        if self.tokens.require(token, kind) not in settings.get().users:
            raise TokenInvalid()
        self.faults.count_authenticated_request()
        return user

    def health_check(self, options=None) -> Union[str, dict]:
        return {"health": "OK", "simulated": True}


def patch_auth_handler(auth: HttpAuthHandler, tokens: Tokens) -> None:
    """Replace the driver's base64(user) basic tokens with random, revocable ones."""

    def build_basic_access_token(user_id: str) -> str:
        return tokens.issue(BASIC, user_id)

    def resolve_basic_access_token(access_token: str) -> User:
        user_id = tokens.require(access_token, BASIC)
        return User(user_id=user_id, internal_auth_data={"authentication_method": AUTHENTICATION_METHOD.BASIC})

    resolve_oidc = auth.resolve_oidc_access_token

    def resolve_oidc_access_token(oidc_provider, access_token: str) -> User:
        tokens.require(access_token, ACCESS)  # 401 TokenInvalid like CDSE, before the userinfo round trip
        return resolve_oidc(oidc_provider=oidc_provider, access_token=access_token)

    auth.build_basic_access_token = build_basic_access_token
    auth.resolve_basic_access_token = resolve_basic_access_token
    auth.resolve_oidc_access_token = resolve_oidc_access_token
