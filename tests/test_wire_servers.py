"""Server URLs of every shape (issue 14, class 7): the client's default ``base_url`` and the
generated server's mount path agree, and a request through the client reaches the operation, at
the base path itself (``GET /``) and below it, over a real socket (uvicorn on 127.0.0.1).

Protocol-relative, relative (``/base``, ``v2``, ``./v1``, empty), with variables (in the scheme,
the host, the path, a whole URL or a ``/``-path as a default), trailing slashes, an encoded
space, no servers; Swagger 2 ``host``/``basePath``/``schemes`` combinations.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from wire_support import Served, serve_specs

from generator.api import load_api

pytestmark = pytest.mark.e2e

# (case, version, server fields, the client's default base_url (None: it must be given), mount path)
CASES: list[tuple[str, str, dict[str, Any], str | None, str]] = [
    ("protocol_relative", "3.0", {"servers": [{"url": "//www.example.org/base"}]}, "https://www.example.org/base",
     "/base"),
    ("protocol_relative_root", "3.1", {"servers": [{"url": "//api.example.org/"}]}, "https://api.example.org", ""),
    ("absolute_path", "3.0", {"servers": [{"url": "/base"}]}, None, "/base"),
    ("relative_path", "3.0", {"servers": [{"url": "v2"}]}, None, "/v2"),
    ("dot_relative_path", "3.1", {"servers": [{"url": "./v1/"}]}, None, "/v1"),
    ("empty", "3.0", {"servers": [{"url": ""}]}, None, ""),
    ("no_servers", "3.1", {}, None, ""),
    ("trailing_slash", "3.0", {"servers": [{"url": "https://api.example.com/"}]}, "https://api.example.com", ""),
    ("encoded_space", "3.0", {"servers": [{"url": "https://api.example.com/a%20b/"}]},
     "https://api.example.com/a%20b", "/a%20b"),
    ("variables_everywhere", "3.0", {"servers": [{"url": "{scheme}://{host}/v{version}", "variables": {
        "scheme": {"default": "http", "enum": ["http", "https"]}, "host": {"default": "localhost:8080"},
        "version": {"default": "2"}}}]}, "http://localhost:8080/v2", "/v2"),
    ("host_and_path_variables", "3.1", {"servers": [{"url": "https://{region}.example.com/{basePath}", "variables": {
        "region": {"default": "eu", "enum": ["eu", "us"]}, "basePath": {"default": "v2"}}}]},
     "https://eu.example.com/v2", "/v2"),
    ("path_variable_with_slash", "3.0", {"servers": [{"url": "https://cloud.example.com/{basePath}", "variables": {
        "basePath": {"default": "/api/catalog/v1.0"}}}]}, "https://cloud.example.com/api/catalog/v1.0",
     "/api/catalog/v1.0"),
    ("url_variable", "3.0", {"servers": [{"url": "{Endpoint}/bing/v7.0", "variables": {
        "Endpoint": {"default": "https://api.cognitive.example.com"}}}]}, "https://api.cognitive.example.com/bing/v7.0",
     "/bing/v7.0"),
    ("swagger_host_base_path", "2.0", {"host": "api.example.com", "basePath": "api/v1/"},
     "https://api.example.com/api/v1", "/api/v1"),
    ("swagger_base_path_only", "2.0", {"basePath": "/v2"}, None, "/v2"),
    ("swagger_nothing", "2.0", {}, None, ""),
    ("swagger_http_port", "2.0", {"host": "api.example.com:8443", "schemes": ["http"], "basePath": "/"},
     "http://api.example.com:8443", ""),
    ("swagger_both_schemes", "2.0", {"host": "api.example.com", "schemes": ["http", "https"], "basePath": "/x"},
     "https://api.example.com/x", "/x"),
]


def _spec(version: str, fields: dict[str, Any]) -> dict[str, Any]:
    item = {"name": "itemId", "in": "path", "required": True}
    if version == "2.0":
        ok: dict[str, Any] = {"200": {"description": "ok", "schema": {"type": "object"}}}
        return {"swagger": "2.0", "info": {"title": "Servers", "version": "1"}, "produces": ["application/json"],
                **fields, "paths": {
                    "/": {"get": {"operationId": "root", "responses": ok}},
                    "/items/{itemId}": {"get": {"operationId": "getItem", "parameters": [{**item, "type": "string"}],
                                                "responses": ok}}}}
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}
    return {"openapi": "3.0.3" if version == "3.0" else "3.1.0", "info": {"title": "Servers", "version": "1"},
            **fields, "paths": {
                "/": {"get": {"operationId": "root", "responses": ok}},
                "/items/{itemId}": {"get": {"operationId": "getItem", "responses": ok,
                                            "parameters": [{**item, "schema": {"type": "string"}}]}}}}


def _write(folder: Path, case: str, version: str, fields: dict[str, Any]) -> Path:
    path = folder / f"{case}.json"
    path.write_text(json.dumps(_spec(version, fields)), "utf-8")
    return path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("wire-servers")
    specs: dict[str, Path | str] = {case: _write(root, case, version, fields) for case, version, fields, *_ in CASES}
    with serve_specs(root, specs) as found:
        yield found


@pytest.mark.parametrize(("case", "version", "fields", "default", "mount"), CASES, ids=[c[0] for c in CASES])
def test_the_ir_resolves_the_server(tmp_path: Path, case: str, version: str, fields: dict[str, Any],
                                    default: str | None, mount: str) -> None:
    api = load_api(str(_write(tmp_path, case, version, fields))).api
    assert api.base_path == mount
    assert (api.servers[0].default_url if api.servers else "") == (default or "")


@pytest.mark.parametrize(("case", "version", "fields", "default", "mount"), CASES, ids=[c[0] for c in CASES])
def test_client_default_and_server_mount_agree(served: Served, case: str, version: str, fields: dict[str, Any],
                                               default: str | None, mount: str) -> None:
    package = served.packages[case]
    if default is None:
        with pytest.raises(TypeError):
            package.Client()  # no host to default to: base_url is required
        path = mount
    else:
        with package.Client() as client:
            assert client.base_url == default
        path = urllib.parse.urlsplit(default).path
        assert path.rstrip("/") == mount
    with served.client(case, served.url + path) as client:
        root = client.root()
        item = client.get_item("a/b:c")
    assert (root["operation"], root["request_line"]) == ("root", f"GET {mount}/")
    assert (item["operation"], item["arguments"]) == ("get_item", {"item_id": "a/b:c"})
    # Outside the base path there is nothing.
    if mount:
        assert httpx.get(served.url + "/items/x", headers=served.headers(case)).status_code == 404


def test_server_variables_are_client_keywords(served: Served) -> None:
    with served.packages["variables_everywhere"].Client(scheme="https", host="api.example.net", version="3") as client:
        assert client.base_url == "https://api.example.net/v3"
