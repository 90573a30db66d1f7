"""Issue #16 items 5–7: one sentence instead of a traceback, a vague message or a silent choice, before any job.

Each case runs through Processing (and the dock where it applies) against the local backend and asserts the
sentence the user reads and that the backend received no job.
"""

from __future__ import annotations

import ssl
import subprocess
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from qgis.core import QgsProcessingException

from tests.qgis.test_background_work import _Log
from tests.qgis.test_dock import BURGUNDY, make_dock, set_extent  # noqa: F401 (fixture)
from worldcereal_qgis.adapters import connections
from worldcereal_qgis.controllers.dock_state import SeasonWindow
from worldcereal_qgis.core.backends import CUSTOM
from worldcereal_qgis.core.errors import BackendError

EXTENT = "5.11,5.14,47.13,47.15 [EPSG:4326]"


@pytest.fixture
def jobs_sent(local_backend, local_profile):
    """How many jobs the local backend received since the test started."""
    conn = connections.client(local_profile).connection
    before = {j["id"] for j in conn.list_jobs()}
    return lambda: len([j for j in conn.list_jobs() if j["id"] not in before])


def _refusal(alg: str, params: dict, backend_url: str, tmp_path) -> str:
    import processing

    with pytest.raises(QgsProcessingException) as refused:
        processing.run(alg, {"EXTENT": EXTENT, "ORBIT": 1, "BACKEND": 3, "BACKEND_URL": backend_url,
                             "LOAD_LAYERS": False, "OUTPUT_FOLDER": str(tmp_path / "out"), **params})
    text = str(refused.value)
    assert "Traceback" not in text and "Error:" not in text
    return text


@pytest.mark.parametrize("params, sentence", [
    ({"YEAR": "abc"}, "Year (YEAR) must be a whole number from 2017 to 2100, not 'abc'."),
    ({"YEAR": 2016}, "Year (YEAR) must be a whole number from 2017 to 2100, not 2016."),
    ({"YEAR": 2021, "POSTPROCESS_KERNEL": 40},
     "Majority-vote kernel (POSTPROCESS_KERNEL) must be a whole number from 1 to 25, not 40."),
    ({"YEAR": 2021, "ORBIT": 7}, "Sentinel-1 orbit (ORBIT) must be one of 0 = auto, 1 = ASCENDING, 2 = DESCENDING; "
                                 "not '7'."),
    ({"YEAR": 2021, "TILE_SIZE_KM": 0.5}, "Tile size for larger areas (TILE_SIZE_KM) must be a number from 1 to 50, "
                                          "not 0.5."),
    ({"YEAR": 2021, "EXTENT": "1,2,3"},
     "Area of interest as an extent (EXTENT) must be an extent as xmin,xmax,ymin,ymax [EPSG:code] "
     "(e.g. 5.11,5.14,47.13,47.15 [EPSG:4326]) or a layer, not '1,2,3'."),
    ({"YEAR": 2021, "LOAD_LAYERS": "maybe"}, "Load the result as styled layers (LOAD_LAYERS) must be true or false, "
                                             "not 'maybe'."),
    ({"YEAR": 2021, "START_DATE": "2020-10-01"},
     "Give YEAR or START_DATE, not both: YEAR 2021 means the 12 months ending with that year's last season, "
     "START_DATE 2020-10-01 the 12 months from that day."),
])
def test_cropland_inputs_are_refused_with_the_allowed_values(wc_provider, local_backend, jobs_sent, tmp_path,
                                                            params, sentence):
    assert sentence in _refusal("worldcereal:cropland", params, local_backend.url, tmp_path)
    assert jobs_sent() == 0


def test_two_seasons_with_one_id_are_refused_in_processing(wc_provider, local_backend, jobs_sent, tmp_path):
    text = _refusal("worldcereal:croptype", {
        "SEASON1_ID": "main", "SEASON1_START": "2021-03-01", "SEASON1_END": "2021-08-31",
        "SEASON2_ID": "main", "SEASON2_START": "2020-11-01", "SEASON2_END": "2021-06-30"}, local_backend.url, tmp_path)
    assert "Two seasons have the id 'main'; give each season its own id" in text
    assert jobs_sent() == 0


def test_two_seasons_with_one_id_block_the_dock(make_dock, qgis_iface):  # noqa: F811
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(product="croptype", orbit_mode="ASCENDING", seasons=[
        SeasonWindow("main", date(2021, 3, 1), date(2021, 8, 31)),
        SeasonWindow("main", date(2020, 11, 1), date(2021, 6, 30))])
    dock.refresh()
    assert "Two seasons have the id 'main'" in dock.problemsLabel.text()
    assert not dock.runButton.isEnabled()


class _WebSite(BaseHTTPRequestHandler):
    """A web server that is not an openEO backend: an HTML page for every path (404 except at the root)."""

    def do_GET(self) -> None:  # noqa: N802
        body = b"<!DOCTYPE html><html><head><title>Welcome</title></head><body>" + b"lorem " * 200 + b"</body></html>"
        self.send_response(200 if self.path == "/" else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def serve():
    """Start ``handler`` on a free loopback port (https with ``context``); shut down after the test."""
    servers = []

    def start(handler, context: ssl.SSLContext | None = None) -> int:
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        if context is not None:
            server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server.server_port

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_web_site_is_called_not_an_openeo_backend(wc_provider, serve, tmp_path):
    port = serve(_WebSite)
    log = _Log()
    try:
        text = _refusal("worldcereal:cropland", {"YEAR": 2021}, f"http://127.0.0.1:{port}", tmp_path)
    finally:
        log.close()
    assert f"http://127.0.0.1:{port} answered, but it is not an openEO backend" in text
    assert "<html" not in text.lower()
    assert not [m for m, _level in log.messages if "<!doctype" in m.lower()]  # the log panel gets no raw page


def test_a_certificate_problem_is_named(serve, tmp_path):
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    port = serve(_WebSite, context)
    client = connections.OpenEOClient(CUSTOM.with_url(f"https://127.0.0.1:{port}"))
    with pytest.raises(BackendError) as failed:
        _ = client.connection
    assert f"the TLS certificate of https://127.0.0.1:{port} cannot be verified" in str(failed.value)
    assert "cannot be reached" not in str(failed.value)


def test_class_mappings_that_are_not_json_are_one_sentence(wc_provider, wc_dir, tmp_path):
    import processing

    from tests.qgis.test_one_home import two_samples

    broken = tmp_path / "class_mappings.json"  # the real file, cut short as by a failed download
    broken.write_text((wc_dir / "classes" / "class_mappings.json").read_text(encoding="utf-8")[:200], encoding="utf-8")
    samples = two_samples(tmp_path / "two.gpkg", wc_dir)
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("worldcereal:validate_reference_data", {
            "INPUT": str(samples), "CLASS_MAPPINGS": str(broken), "REPORT": "memory:", "OUTPUT": "memory:"})
    assert f"The class mappings file {broken} is not JSON (line " in str(refused.value)
    assert "Traceback" not in str(refused.value)


def test_a_locked_auth_database_without_a_window_names_the_password_file_variable(monkeypatch):
    from qgis.core import QgsApplication

    from worldcereal_qgis.adapters import auth_store

    monkeypatch.setattr(QgsApplication, "platform", staticmethod(lambda: "desktop"))
    assert "enter the master password" in auth_store.locked_message()  # the desktop asks the user
    monkeypatch.setattr(QgsApplication, "platform", staticmethod(lambda: "qgis_process"))
    assert "set QGIS_AUTH_PASSWORD_FILE to that file's path" in auth_store.locked_message()
