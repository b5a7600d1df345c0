"""The generated server reads parameter text and bodies as the schema means them (found by
Schemathesis on specs/features/scalars-*.yaml): an integer or boolean enum parameter from its
text, ``date``/``date-time`` parameters only as RFC 3339 text, ``format: uri`` checked in JSON
bodies, and an empty body with a Content-Type as an empty binary or text body."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from helpers import generate_package, import_package

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SPEC = """
openapi: 3.0.3
info: {title: Values, version: "1"}
paths:
  /levels/{level}:
    get:
      operationId: getLevel
      parameters:
        - {name: level, in: path, required: true, schema: {type: integer, enum: [1, 2, 3]}}
        - {name: flag, in: query, schema: {enum: [true, 0.5, "x"]}}
        - {name: X-Tier, in: header, schema: {type: integer, enum: [7, 8]}}
        - {name: since, in: query, schema: {type: string, format: date}}
        - {name: at, in: query, schema: {type: string, format: date-time}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {}}}}
  /links:
    post:
      operationId: addLink
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                href: {type: string, format: uri}
                ref: {type: string, format: uri-reference}
      responses:
        "200": {description: ok, content: {application/json: {schema: {}}}}
  /blobs:
    put:
      operationId: putBlob
      requestBody:
        required: true
        content:
          application/octet-stream: {schema: {type: string, format: binary}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {}}}}
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    folder = tmp_path_factory.mktemp("values")
    (folder / "values.yaml").write_text(SPEC, "utf-8")
    out = generate_package(folder / "values.yaml", folder / "out", "values_srv", client=False)
    _, app, base = import_package(out, "values_srv", "server.app", "server.base")

    class Handlers(base.BaseHandlers):  # type: ignore[name-defined,misc]
        async def get_level(self, **kwargs: Any) -> Any:
            return {k: [type(v).__name__, str(v)] for k, v in kwargs.items() if v is not None}

        async def add_link(self, *, body: Any) -> Any:
            return body

        async def put_blob(self, *, body: bytes) -> Any:
            return {"size": len(body)}

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return TestClient(app.create_app(Handlers()), raise_server_exceptions=False)


def test_number_and_boolean_enum_parameters_are_read_from_their_text(client: TestClient) -> None:
    answer = client.get("/levels/2", params={"flag": "true"}, headers={"X-Tier": "8"})
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"level": ["int", "2"], "flag": ["bool", "True"], "x_tier": ["int", "8"]}
    assert client.get("/levels/3", params={"flag": "0.5"}).json()["flag"] == ["float", "0.5"]
    assert client.get("/levels/3", params={"flag": "x"}).json()["flag"] == ["str", "x"]
    for path, params, headers in [("/levels/4", {}, {}), ("/levels/true", {}, {}), ("/levels/2.0", {}, {}),
                                  ("/levels/1", {"flag": "false"}, {}), ("/levels/1", {}, {"X-Tier": "true"})]:
        assert client.get(path, params=params, headers=headers).status_code == 422, (path, params, headers)


def test_date_parameters_take_only_rfc3339_text(client: TestClient) -> None:
    good = client.get("/levels/1", params={"since": "2024-06-01", "at": "2024-06-01T12:00:00.5+02:00"})
    assert good.status_code == 200 and good.json()["since"] == ["date", "2024-06-01"]
    for params in ({"since": "0"}, {"since": "2024-06-01T00:00:00"}, {"at": "0"}, {"at": "2024-06-01"},
                   {"at": "2024-06-01T12:00:00"}):
        assert client.get("/levels/1", params=params).status_code == 422, params


def test_uri_formats_are_checked_in_json_bodies(client: TestClient) -> None:
    assert client.post("/links", json={"href": "https://example.com/a?b=c#d", "ref": "../x"}).status_code == 200
    for body in ({"href": ""}, {"href": "no scheme"}, {"href": "https://exa mple.com"}, {"ref": "a b"},
                 {"ref": "%zz"}, {"href": "https://a/#b#c"}):
        assert client.post("/links", json=body).status_code == 422, body


def test_an_empty_body_with_a_content_type_is_an_empty_binary_body(client: TestClient) -> None:
    answer = client.put("/blobs", content=b"", headers={"Content-Type": "application/octet-stream"})
    assert answer.status_code == 200 and answer.json() == {"size": 0}
    assert client.put("/blobs", content=b"abc", headers={"Content-Type": "application/octet-stream"}).json() == \
        {"size": 3}
    assert client.put("/blobs").status_code == 422  # no body at all
