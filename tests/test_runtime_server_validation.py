"""The server runtime's response validation (generator/runtime/server/validation.py), called directly:
an answer held to what its operation declares (status, required headers and their types, media
type, the JSON body against its schema), each departure one line naming the place, and the 500
problem that names the operation and the field."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import pytest
from fastapi.responses import JSONResponse, Response, StreamingResponse
from runtime_server_support import request, runtime

from generator.runtime.server.answers import answer
from generator.runtime.server.validation import declared, invalid_answer, media_match, problems

DEFS = {"Pet": {"type": "object", "properties": {
    "id": {"type": "integer"}, "name": {"type": "string"},
    "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}},
    "owner": {"type": "object", "properties": {"age": {"type": "integer", "minimum": 0}}}},
    "required": ["id", "name"]}}

OPERATIONS = {
    "get_pet": {"answers": {
        "200": {"contents": {"application/json": {"kind": "json", "schema": {"$ref": "#/$defs/Pet"}},
                             "text/plain": {"kind": "text", "schema": {"type": "string"}}},
                "headers": [{"name": "X-Rate", "required": True, "schema": {"type": "integer", "maximum": 100}},
                            {"name": "X-Tag", "required": False, "schema": {"type": "string", "enum": ["a"]}},
                            {"name": "Content-Type", "required": True, "schema": {"type": "string"}}]},
        "204": {"contents": {}, "headers": []},
        "4XX": {"contents": {"application/problem+json": {"kind": "json", "schema": {
            "type": "object", "required": ["title"]}}}, "headers": []},
        "default": {"contents": {"*/*": {"kind": "binary", "schema": {}}}, "headers": []},
    }},
    "no_default": {"answers": {"200": {"contents": {"image/*": {"kind": "binary", "schema": {}}}, "headers": []},
                               "201": {"contents": {}, "headers": []}}},
    "undeclared": {},
}

PET = {"id": 1, "name": "Rex"}


def check(operation: str, response: Response) -> list[str]:
    return problems(runtime(OPERATIONS, DEFS), operation, response)


def ok(body: Any = PET, **headers: str) -> JSONResponse:
    return JSONResponse(body, headers={"X-Rate": "5", **headers})


# --------------------------------------------------------------------------- declared, media_match


def test_declared_takes_the_exact_status_then_its_range_then_default() -> None:
    answers = OPERATIONS["get_pet"]["answers"]
    assert declared(answers, 200) is answers["200"]
    assert declared(answers, 404) is answers["4XX"]
    assert declared(answers, 500) is answers["default"]
    assert declared({"5xx": {"x": 1}}, 503) == {"x": 1}
    assert declared(OPERATIONS["no_default"]["answers"], 404) is None


def test_media_match_with_parameters_case_and_wildcards() -> None:
    declared_types = {"application/json": {}, "text/*": {}, "application/XML; charset=utf-8": {}}
    assert media_match(declared_types, "application/json; charset=utf-8") == "application/json"
    assert media_match(declared_types, "Application/JSON") == "application/json"
    assert media_match(declared_types, "text/csv") == "text/*"
    assert media_match(declared_types, "application/xml") == "application/XML; charset=utf-8"
    assert media_match(declared_types, "image/png") is None
    assert media_match({"*/*": {}}, "image/png") == "*/*"


# --------------------------------------------------------------------------- problems


def test_an_answer_that_fits_has_no_problems() -> None:
    assert check("get_pet", ok()) == []
    assert check("get_pet", ok({**PET, "tags": ["a"], "extra": True}, **{"X-Tag": "a"})) == []
    assert check("get_pet", Response("hello", media_type="text/plain", headers={"X-Rate": "1"})) == []
    assert check("get_pet", Response(status_code=204)) == []
    assert check("get_pet", JSONResponse({"title": "Not Found"}, 404, media_type="application/problem+json")) == []
    assert check("get_pet", Response(b"\x00", 500, media_type="application/octet-stream")) == []
    assert check("no_default", Response(b"\x89PNG", media_type="image/png")) == []
    assert check("undeclared", JSONResponse({"anything": 1}, 418)) == []  # nothing declared: nothing held


def test_body_problems_name_the_field() -> None:
    found = check("get_pet", ok({"id": "one", "tags": ["abcd"], "owner": {"age": -1}}))
    assert found == [
        "body: 'name' is a required property",
        "body.id: 'one' is not of type 'integer'",
        "body.owner.age: -1 is less than the minimum of 0",
        "body.tags.0: 'abcd' is too long",
    ]
    problem = check("get_pet", JSONResponse({"detail": "x"}, 404, media_type="application/problem+json"))
    assert problem == ["body: 'title' is a required property"]


def test_status_problems_list_the_declared_statuses() -> None:
    assert check("no_default", JSONResponse(PET, 404)) == ["status: 404 is not declared (declared: 200, 201)"]
    assert check("no_default", Response(b"x", 201)) == ["body: none is declared for 201"]
    assert check("no_default", Response(b"", 201)) == []


def test_header_problems() -> None:
    assert check("get_pet", JSONResponse(PET)) == ["header X-Rate: required, missing"]
    assert check("get_pet", ok(**{"X-Rate": "many"})) == ["header X-Rate: 'many' is not of type 'integer'"]
    assert check("get_pet", ok(**{"X-Rate": "101"})) == ["header X-Rate: 101 is greater than the maximum of 100"]
    assert check("get_pet", ok(**{"X-Tag": "b"})) == ["header X-Tag: 'b' is not one of ['a']"]
    # Header problems come first, then the body's.
    assert check("get_pet", JSONResponse({"id": 1}, headers={"X-Tag": "b"})) == [
        "header X-Rate: required, missing", "header X-Tag: 'b' is not one of ['a']",
        "body: 'name' is a required property"]


def test_media_type_problems() -> None:
    assert check("get_pet", Response(b"<pet/>", media_type="application/xml", headers={"X-Rate": "1"})) == [
        "content-type: application/xml is not declared (application/json, text/plain)"]
    assert check("get_pet", Response(b"{}", headers={"X-Rate": "1"})) == [
        "content-type: none is not declared (application/json, text/plain)"]
    assert check("get_pet", Response(b"{not json", media_type="application/json", headers={"X-Rate": "1"})) == [
        "body: not JSON"]


def test_a_streaming_answer_has_no_body_to_check() -> None:
    async def chunks() -> Any:
        yield b"{}"

    streamed = StreamingResponse(chunks(), media_type="application/json")
    assert check("get_pet", streamed) == ["header X-Rate: required, missing"]


def test_at_most_ten_body_problems_and_long_messages_cut() -> None:
    found = check("get_pet", ok({**PET, "tags": ["toolong"] * 30}))
    assert len(found) == 10 and all(line.startswith("body.tags.") for line in found)
    long = check("get_pet", ok({"id": "x" * 500, "name": "n"}))
    assert len(long) == 1 and long[0].endswith("...") and len(long[0]) == len("body.id: ") + 200


# --------------------------------------------------------------------------- the 500 problem


def test_invalid_answer_names_the_operation_and_the_field(caplog: pytest.LogCaptureFixture) -> None:
    found = ["body.id: 'one' is not of type 'integer'", "body: 'name' is a required property"]
    with caplog.at_level(logging.ERROR, logger="generator.runtime.server.validation"):
        response = invalid_answer("get_pet", "GET", "/pets/1", found)
    assert response.status_code == 500 and response.media_type == "application/problem+json"
    assert json.loads(response.body) == {
        "title": "Internal Server Error",
        "status": 500,
        "detail": "the answer of operation 'get_pet' does not fit the spec: body.id: 'one' is not of type 'integer'",
        "operation": "get_pet",
        "field": "body.id",
        "errors": found,
    }
    assert [r.getMessage() for r in caplog.records] == [
        "the answer of 'get_pet' (GET /pets/1) does not fit the spec: " + "; ".join(found)]
    header = json.loads(invalid_answer("op", "GET", "/", ["header X-Rate: required, missing"]).body)
    assert header["field"] == "header X-Rate"


def test_a_handler_answer_is_validated_only_when_asked() -> None:
    async def handler() -> Any:
        return {"id": "one", "name": "Rex"}

    def run(validating: bool) -> Response:
        state = runtime(OPERATIONS, DEFS, validate_responses=validating)
        response: Response = asyncio.run(answer(request(state, path="/pets/1"), "get_pet", 200, handler))
        return response

    assert run(False).status_code == 200
    refused = run(True)
    assert refused.status_code == 500
    body = json.loads(refused.body)
    assert body["operation"] == "get_pet" and body["field"] == "header X-Rate"
    assert body["errors"] == ["header X-Rate: required, missing", "body.id: 'one' is not of type 'integer'"]
