"""The server runtime's problem answers and handler answers, called directly: problem bodies, bodies
fitted to a declared error schema, the app's error handlers (422, 405, crashes), running handlers."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field, ValidationError
from runtime_server_support import request, runtime
from starlette.exceptions import HTTPException

from generator.runtime.server import answers, problems
from generator.runtime.server.problems import ProblemError

CODE_MESSAGE = {"type": "object", "properties": {"code": {"type": "integer"}, "message": {"type": "string"}},
                "required": ["code", "message"], "additionalProperties": False}


def _body(response: Any) -> Any:
    return json.loads(response.body)


def test_problem_and_problem_error() -> None:
    answer = problems.problem(404, "Not Found", {"X-A": "1"}, detail="no pet 7", pet=7)
    assert answer.status_code == 404 and answer.headers["x-a"] == "1"
    assert answer.media_type == "application/json"
    assert _body(answer) == {"title": "Not Found", "status": 404, "detail": "no pet 7", "pet": 7}
    error = ProblemError(409, "Conflict", pet=7)
    assert (error.status_code, error.detail, error.title, error.extra) == (409, "Conflict", "Conflict", {"pet": 7})


def _error_answer(errors: dict[str, Any], status: int, **extra: Any) -> Any:
    state = runtime({"op": {"errors": errors}})
    req = request(state, route=SimpleNamespace(name="op"))
    return problems.error_answer(req, status, problems.TITLES.get(status, "Error"), **extra)


def test_error_answer_without_a_declared_schema_is_a_problem() -> None:
    answer = _error_answer({}, 404, detail="gone")
    assert answer.media_type == "application/json"
    assert _body(answer) == {"title": "Not Found", "status": 404, "detail": "gone"}


def test_error_answer_keeps_a_problem_that_fits() -> None:
    answer = _error_answer({"404": {"media_type": "application/problem+json", "schema": {"type": "object"}}}, 404,
                           detail="gone")
    assert answer.media_type == "application/problem+json"
    assert _body(answer) == {"title": "Not Found", "status": 404, "detail": "gone"}


@pytest.mark.parametrize("key", ["400", "4XX", "default"])
def test_error_answer_fits_the_declared_schema(key: str) -> None:
    answer = _error_answer({key: {"media_type": "application/json", "schema": CODE_MESSAGE}}, 400, detail="bad id")
    assert answer.status_code == 400
    assert _body(answer) == {"code": 400, "message": "bad id"}


def test_fitting_body_adds_what_the_schema_takes_and_mocks_the_rest() -> None:
    state = runtime()
    open_schema = {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
    body = {"title": "Bad Request", "status": 400, "detail": "x"}
    assert problems.fitting_body(state, open_schema, body) == {"error": "x", "title": "Bad Request", "status": 400,
                                                                "detail": "x"}
    assert isinstance(problems.fitting_body(state, {"type": "string"}, body), str)
    assert problems.fitting_body(state, {"type": "array", "items": {"type": "integer"}}, body) == [0]


def test_request_and_validation_errors() -> None:
    error = problems.request_error(("query", "id"), "nope", "value_error")
    assert error.errors() == [{"loc": ("query", "id"), "msg": "nope", "type": "value_error"}]

    class Model(BaseModel):
        n: int = Field(ge=0)

    with pytest.raises(ValidationError) as caught:
        Model(n=-1)
    located = problems.validation_error(("body",), caught.value)
    assert [e["loc"] for e in located.errors()] == [("body", "n")]


def _app() -> FastAPI:
    app = FastAPI()
    app.state.oagen = runtime({"typed": {"errors": {"422": {"media_type": "application/json",
                                                             "schema": CODE_MESSAGE}}}})
    problems.install_error_handlers(app)

    @app.get("/items")
    async def listing(limit: int = 10) -> dict[str, int]:
        return {"limit": limit}

    @app.post("/items")
    async def create() -> None:
        raise ProblemError(409, "Conflict", {"X-Why": "dup"}, detail="exists", item=1)

    @app.put("/items")
    async def crash() -> None:
        raise RuntimeError("boom")

    @app.get("/typed", name="typed")
    async def typed(n: int) -> dict[str, int]:
        return {"n": n}

    @app.get("/teapot")
    async def teapot() -> None:
        raise HTTPException(418, "short and stout")

    return app


def test_installed_error_handlers() -> None:
    client = TestClient(_app(), raise_server_exceptions=False)
    invalid = client.get("/items?limit=x")
    assert invalid.status_code == 422
    assert invalid.json()["errors"] == [{"location": ["query", "limit"], "message": invalid.json()["errors"][0][
        "message"], "type": "int_parsing"}]
    assert invalid.json()["detail"] == "invalid request: query.limit"
    assert client.get("/typed?n=x").json() == {"code": 422, "message": "invalid request: query.n"}
    conflict = client.post("/items")
    assert (conflict.status_code, conflict.headers["x-why"]) == (409, "dup")
    assert conflict.json() == {"title": "Conflict", "status": 409, "detail": "exists", "item": 1}
    not_allowed = client.delete("/items")
    assert not_allowed.status_code == 405
    assert not_allowed.headers["allow"] == not_allowed.json()["allow"] == "GET, POST, PUT"
    crash = client.put("/items")
    assert crash.status_code == 500 and crash.json()["detail"] == "the server failed; see its log"
    assert client.get("/teapot").json() == {"title": "Error", "status": 418, "detail": "short and stout"}
    assert client.get("/nowhere").json() == {"title": "Not Found", "status": 404, "detail": "Not Found"}


class Pet(BaseModel):
    name: str
    kind: str | None = Field(default=None, alias="petKind")


def test_respond() -> None:
    plain = PlainTextResponse("hi")
    assert answers.respond(plain, 200) is plain
    empty = answers.respond(None, 204)
    assert (empty.status_code, empty.body) == (204, b"")
    assert _body(answers.respond(Pet(name="a", petKind="cat"), 201)) == {"name": "a", "petKind": "cat"}
    assert _body(answers.respond(Pet(name="a"), 200)) == {"name": "a"}  # unset fields stay out
    assert _body(answers.respond([{"a": 1}], 200)) == [{"a": 1}]
    assert answers.not_implemented("op").status_code == 501
    assert _body(answers.not_implemented("op"))["operation"] == "op"


def _answer(state: Any, call: Any) -> Any:
    return asyncio.run(answers.answer(request(state), "op", 200, call))


def test_answer_runs_the_handler_or_the_mock() -> None:
    async def handler() -> Any:
        return {"ok": True}

    async def failing() -> Any:
        raise ValueError("boom")

    async def refusing() -> Any:
        raise ProblemError(403, "Forbidden")

    state = runtime({"op": {}})
    assert _body(_answer(state, handler)) == {"ok": True}
    failed = _answer(state, failing)
    assert failed.status_code == 500 and _body(failed)["operation"] == "op"
    with pytest.raises(ProblemError):
        _answer(state, refusing)
    mocked = runtime({"op": {"response": {"status": 201, "headers": [], "contents": [
        {"media_type": "application/json", "kind": "json", "schema": {"type": "integer"}, "examples": [5]}]}}},
        mocked=frozenset({"op"}))
    answer = _answer(mocked, handler)
    assert (answer.status_code, answer.body) == (201, b"5")


def test_error_answer_uses_the_runtime_of_the_app() -> None:
    app = FastAPI()

    @app.get("/x", name="x")
    async def endpoint(request: Request) -> Any:
        return problems.error_answer(request, 400, "Bad Request", detail="d")

    app.state.oagen = runtime({"x": {"errors": {"default": {"media_type": "application/json",
                                                              "schema": CODE_MESSAGE}}}})
    assert TestClient(app).get("/x").json() == {"code": 400, "message": "d"}
