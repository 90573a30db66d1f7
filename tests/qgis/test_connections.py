"""QGIS settings that reach the openEO client: proxy, backend URLs."""

from __future__ import annotations

import pytest
from qgis.core import QgsSettings

from tests.qgis.conftest import restore_settings
from worldcereal_qgis import settings
from worldcereal_qgis.adapters import connections
from worldcereal_qgis.core.errors import InputError


@pytest.fixture
def proxy_settings():
    keys = ("proxy/proxyEnabled", "proxy/proxyHost", "proxy/proxyPort", "proxy/proxyUser", "proxy/proxyPassword")
    s = QgsSettings()
    saved = {k: s.value(k) for k in keys}
    yield s
    restore_settings(s, saved)


def test_qgis_proxy_is_passed_to_the_client(proxy_settings):
    proxy_settings.setValue("proxy/proxyEnabled", "true")
    proxy_settings.setValue("proxy/proxyHost", "proxy.example.org")
    proxy_settings.setValue("proxy/proxyPort", "3128")
    proxy_settings.setValue("proxy/proxyUser", "")
    assert connections.qgis_proxies() == {"http": "http://proxy.example.org:3128", "https": "http://proxy.example.org:3128"}
    client = connections.OpenEOClient(connections.profile("cdse"), proxies=connections.qgis_proxies())
    assert client.proxies["https"] == "http://proxy.example.org:3128"


def test_no_proxy_when_disabled(proxy_settings):
    proxy_settings.setValue("proxy/proxyEnabled", "false")
    proxy_settings.setValue("proxy/proxyHost", "proxy.example.org")
    assert connections.qgis_proxies() == {}


def test_backend_urls_come_from_settings_and_are_checked():
    settings.CUSTOM_BACKEND_URL.write("https://openeo.example.org/openeo/1.2")
    try:
        assert connections.profile("custom").url == "https://openeo.example.org/openeo/1.2"
        with pytest.raises(InputError, match="https"):
            connections.profile("custom", "http://openeo.example.org")
        with pytest.raises(InputError, match="not a valid openEO backend URL"):
            connections.profile("custom", "openeo.example.org")
    finally:
        settings.CUSTOM_BACKEND_URL.write("")
    assert connections.profile("cdse").url == "https://openeo.dataspace.copernicus.eu"
