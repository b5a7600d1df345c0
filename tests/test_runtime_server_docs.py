"""The server runtime's docs, called directly: ``/openapi.json`` as shipped, the Swagger UI page
(under the app's root path, the title escaped) and its assets, served offline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from generator.runtime.server import docs

DOCUMENT = b'{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}\n'


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A package shipping ``openapi.json``, as a generated server package does."""
    folder = tmp_path / "docs_pkg"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "openapi.json").write_bytes(DOCUMENT)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "docs_pkg"
    sys.modules.pop("docs_pkg", None)


def _client(package: str, root_path: str = "") -> TestClient:
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    docs.install_docs(app, package, 'Pets <"&">')
    return TestClient(app, root_path=root_path)


def test_openapi_document_is_served_as_shipped(package: str) -> None:
    response = _client(package).get("/openapi.json")
    assert response.content == DOCUMENT
    assert response.headers["content-type"] == "application/json"


def test_docs_page_and_assets(package: str) -> None:
    page = _client(package, "/api").get("/docs")
    assert page.status_code == 200
    assert "<title>Pets &lt;&quot;&amp;&quot;&gt;</title>" in page.text
    assert 'url: "/api/openapi.json"' in page.text
    assert 'href="/api/docs/assets/swagger-ui.css"' in page.text
    client = _client(package)
    css = client.get("/docs/assets/swagger-ui.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css") and css.content
    missing = client.get("/docs/assets/secrets.txt")
    assert missing.status_code == 404 and missing.json()["detail"] == "no asset 'secrets.txt'"


def test_docs_without_swagger_ui(package: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docs, "_swagger_ui_dir", lambda: None)
    client = _client(package)
    assert client.get("/docs").status_code == 404
    assert "swagger-ui-bundle" in client.get("/docs").json()["detail"]
    assert client.get("/docs/assets/swagger-ui.css").status_code == 404
