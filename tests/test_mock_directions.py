"""The mock takes directions (issue 17; Prism's conventions), over real sockets: ``Prefer: code=``,
``example=``, ``dynamic=true``, examples first by default, and ``--seed`` / ``OAGEN_MOCK_SEED``
for the same generated bodies in two processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from helpers import ROOT, free_port, generate_package, uvicorn_server

PACKAGE = "directed"

PET = {
    "type": "object",
    "required": ["id", "name"],
    "properties": {
        "id": {"type": "integer", "minimum": 1, "maximum": 1000},
        "name": {"type": "string", "minLength": 1, "maxLength": 20},
        "status": {"type": "string", "enum": ["available", "pending", "sold"]},
        "born": {"type": "string", "format": "date-time"},
        "uid": {"type": "string", "format": "uuid"},
        "weight": {"type": "number", "minimum": 0.5, "maximum": 80},
        "tags": {"type": "array", "maxItems": 4, "items": {"type": "string", "maxLength": 8}},
    },
}
ERROR = {"type": "object", "required": ["code", "message"],
         "properties": {"code": {"type": "integer"}, "message": {"type": "string"}}}
REX = {"id": 1, "name": "Rex", "status": "available"}
TOM = {"id": 2, "name": "Tom", "status": "sold", "tags": ["cat"]}

SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Directed", "version": "1"},
    "paths": {
        "/pets/{petId}": {
            "parameters": [{"name": "petId", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "get": {
                "operationId": "showPet",
                "responses": {
                    "200": {"description": "a pet", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Pet"},
                        "examples": {"rex": {"value": REX}, "tom": {"value": TOM}}}}},
                    "404": {"description": "none", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Error"},
                        "examples": {"gone": {"value": {"code": 404, "message": "no such pet"}}}}}},
                    "5XX": {"description": "trouble", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Error"}}}},
                },
            },
            "delete": {"operationId": "deletePet", "responses": {"204": {"description": "gone"}}},
        },
        "/pets": {
            "get": {"operationId": "listPets", "responses": {"200": {"description": "pets", "content": {
                "application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}}}}},
        },
    },
    "components": {"schemas": {"Pet": PET, "Error": ERROR}},
}
RESOLVED = {"$defs": {"Pet": PET, "Error": ERROR}}


def _fits(schema: dict[str, Any], value: Any) -> bool:
    text = json.dumps({**schema, **RESOLVED}).replace("#/components/schemas/", "#/$defs/")
    return jsonschema.Draft202012Validator(json.loads(text),
                                           format_checker=jsonschema.FormatChecker()).is_valid(value)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("directed")
    spec = folder / "directed.json"
    spec.write_text(json.dumps(SPEC))
    return generate_package(spec, folder / "out", PACKAGE)


def _mock(out: Path, seed: int | None = None) -> Any:
    env = {"OAGEN_MOCK_SEED": str(seed)} if seed is not None else {"OAGEN_MOCK_SEED": ""}
    return uvicorn_server(f"{PACKAGE}.server.app:create_mock_app", out, env=env, args=("--factory",))


@pytest.fixture(scope="module")
def url(out: Path) -> Iterator[str]:
    with _mock(out) as found:
        yield found


def test_examples_first_by_default(url: str) -> None:
    r = httpx.get(url + "/pets/1")
    assert (r.status_code, r.json()) == (200, REX)
    assert "preference-applied" not in r.headers


def test_prefer_example_names_one(url: str) -> None:
    r = httpx.get(url + "/pets/1", headers={"Prefer": "example=tom"})
    assert (r.status_code, r.json(), r.headers["preference-applied"]) == (200, TOM, "example=tom")
    unknown = httpx.get(url + "/pets/1", headers={"Prefer": "example=felix"})
    assert unknown.status_code == 400
    assert unknown.json()["examples"] == ["rex", "tom"] and "felix" in unknown.json()["detail"]


def test_prefer_code_answers_that_declared_response(url: str) -> None:
    r = httpx.get(url + "/pets/1", headers={"Prefer": "code=404"})
    assert (r.status_code, r.json()) == (404, {"code": 404, "message": "no such pet"})
    both = httpx.get(url + "/pets/1", headers={"Prefer": "code=404, example=gone"})
    assert (both.status_code, both.json()["message"]) == (404, "no such pet")
    ranged = httpx.get(url + "/pets/1", headers={"Prefer": "code=503"})  # covered by 5XX
    assert ranged.status_code == 503 and _fits({"$ref": "#/components/schemas/Error"}, ranged.json())
    assert httpx.get(url + "/pets/1", headers={"Prefer": "code=200"}).json() == REX
    assert httpx.delete(url + "/pets/1", headers={"Prefer": "code=204"}).status_code == 204


def test_prefer_code_not_declared_is_a_400_problem(url: str) -> None:
    r = httpx.get(url + "/pets/1", headers={"Prefer": "code=418"})
    assert r.status_code == 400
    assert r.json()["declared"] == ["200", "404", "5XX"] and "418" in r.json()["detail"]
    assert httpx.delete(url + "/pets/1", headers={"Prefer": "code=404"}).json()["declared"] == ["204"]
    assert httpx.get(url + "/pets/1", headers={"Prefer": "code=abc"}).status_code == 400


def test_prefer_dynamic_generates_fitting_data(url: str) -> None:
    bodies = []
    for _ in range(6):
        r = httpx.get(url + "/pets/1", headers={"Prefer": "dynamic=true"})
        assert r.status_code == 200 and r.headers["preference-applied"] == "dynamic=true"
        assert _fits(PET, r.json()), r.json()
        bodies.append(r.json())
    assert REX not in bodies and len({json.dumps(b) for b in bodies}) > 1
    listed = httpx.get(url + "/pets", headers={"Prefer": "dynamic=true"}).json()
    assert _fits({"type": "array", "items": PET}, listed)
    error = httpx.get(url + "/pets/1", headers={"Prefer": "code=404, dynamic=true"})
    assert error.status_code == 404 and _fits(ERROR, error.json())


def _bodies(base: str) -> list[str]:
    found = []
    for path in ("/pets/1", "/pets", "/pets/1", "/pets/7"):
        r = httpx.get(base + path, headers={"Prefer": "dynamic=true"})
        assert r.status_code == 200
        found.append(r.text)
    return found


def _oagen_serve(out: Path, seed: int) -> subprocess.Popen[bytes]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", str(out), "--mock", "--seed", str(seed),
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    proc.url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
    return proc


def test_seed_gives_the_same_bodies_in_two_processes(out: Path) -> None:
    cli = _oagen_serve(out, 7)
    try:
        with _mock(out, seed=7) as first:
            one = _bodies(first)
        deadline = time.monotonic() + 30
        while True:
            try:
                two = _bodies(cli.url)  # type: ignore[attr-defined]
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and cli.poll() is None, "oagen serve did not start"
                time.sleep(0.2)
    finally:
        cli.terminate()
        cli.wait(timeout=10)
    assert one == two
    assert one[0] != one[2]  # the n-th draw of an operation, not one body for ever
    with _mock(out, seed=8) as other:
        assert _bodies(other) != one
