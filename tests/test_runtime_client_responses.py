"""The client runtime's answers (generator/runtime/client/responses.py, errors.py and the
declarations of spec.py), imported directly: typed and untyped bodies, error answers, bodies that
are not what the spec says."""

from __future__ import annotations

from typing import Any

import httpx
import pydantic
import pytest

from generator.runtime.client import responses
from generator.runtime.client.errors import ApiError, ResponseParseError, ResponseValidationError, excerpt
from generator.runtime.client.spec import Operation, Result


class Pet(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow")

    id: int
    name: str


class Problem(pydantic.BaseModel):
    code: int
    message: str


class ProblemError(ApiError):
    parsed: Problem


OP = Operation("get_pet", "GET", "/pets/{id}", responses={
    "200": Result("json", lambda: Pet),
    "201": Result("json"),
    "202": Result("text"),
    "203": Result("binary"),
    "204": Result(None),
    "404": Result("json", lambda: Problem, ProblemError),
    "4XX": Result("json", lambda: Problem),
    "5XX": Result("text"),
    "default": Result("json"),
})


def reply(status: int, body: Any = None, ctype: str | None = None) -> httpx.Response:
    if isinstance(body, bytes | str):
        headers = {"content-type": ctype} if ctype else {}
        return httpx.Response(status, content=body, headers=headers)
    return httpx.Response(status, json=body) if body is not None else httpx.Response(status)


def parsed(response: httpx.Response, op: Operation = OP) -> Any:
    return responses.parse(op, response).parsed


def test_the_declared_response_by_code_range_then_default() -> None:
    assert OP.result(404) is OP.responses["404"]
    assert OP.result(409) is OP.responses["4XX"]
    assert OP.result(503) is OP.responses["5XX"]
    assert OP.result(302) is OP.responses["default"]
    assert Operation("x", "GET", "/").result(200) is None


def test_typed_success_keeps_unknown_fields() -> None:
    pet = parsed(reply(200, {"id": 1, "name": "Rex", "new": True}))
    assert isinstance(pet, Pet) and pet.id == 1 and pet.model_extra == {"new": True}


def test_a_whole_answer() -> None:
    response = reply(200, {"id": 1, "name": "Rex"})
    answer = responses.parse(OP, response)
    assert (answer.status_code, answer.headers, answer.raw) == (200, response.headers, response)


def test_a_typed_success_that_does_not_fit() -> None:
    with pytest.raises(ResponseValidationError) as info:
        parsed(reply(200, {"id": "x", "name": "Rex"}))
    error = info.value
    assert str(error).startswith("get_pet: HTTP 200 id: Input should be a valid integer")
    assert error.parsed == {"id": "x", "name": "Rex"} and isinstance(error, ApiError)
    with pytest.raises(ResponseValidationError, match="get_pet: HTTP 200 the body is not JSON: oops") as info:
        parsed(reply(200, b"oops", "application/json"))
    assert info.value.parsed == "oops"
    with pytest.raises(ResponseValidationError, match="HTTP 200 body: Input should be a valid"):
        parsed(reply(200, [1]))  # the whole body is wrong: "body"


def test_untyped_text_binary_and_empty() -> None:
    assert parsed(reply(201, {"any": ["thing"]})) == {"any": ["thing"]}
    with pytest.raises(ResponseParseError, match="HTTP 201 the body is not JSON: not json"):
        parsed(reply(201, b"not json", "application/json"))  # says JSON, is not: never silently text
    assert parsed(reply(201, b"not json", "text/plain")) == "not json"  # untyped: what came
    assert parsed(reply(201, b'{"a": 1}')) == {"a": 1}  # JSON declared, no content type: read as JSON
    assert parsed(reply(202, b"hello", "text/plain")) == "hello"
    assert parsed(reply(203, b"\x00\x01", "application/octet-stream")) == b"\x00\x01"
    assert parsed(reply(204)) is None
    assert parsed(reply(200)) is None  # an empty body is None whatever was declared


def test_an_undeclared_success_is_read_as_sent() -> None:
    bare = Operation("op", "GET", "/")
    assert parsed(reply(200, {"a": 1}), bare) == {"a": 1}
    assert parsed(reply(299, b"<a/>", "application/xml"), bare) == "<a/>"
    assert parsed(reply(200, b"\x00", "image/png"), bare) == b"\x00"
    assert parsed(reply(204, b"hi", "text/plain"), OP) == "hi"  # declared bodiless, sent anyway


def test_a_declared_error_raises_its_type_with_the_parsed_body() -> None:
    with pytest.raises(ProblemError) as info:
        parsed(reply(404, {"code": 7, "message": "no such pet"}))
    error = info.value
    assert error.parsed == Problem(code=7, message="no such pet")
    assert error.status_code == 404 and error.operation == "get_pet"
    assert str(error) == 'get_pet: HTTP 404 Not Found: {"code":7,"message":"no such pet"}'


def test_a_typed_error_without_its_own_class_is_an_api_error_with_the_model() -> None:
    with pytest.raises(ApiError) as info:
        parsed(reply(409, {"code": 1, "message": "m"}))
    assert type(info.value) is ApiError and info.value.parsed == Problem(code=1, message="m")


def test_an_error_body_that_does_not_fit_is_kept_as_sent() -> None:
    with pytest.raises(ApiError) as info:
        parsed(reply(404, {"unexpected": True}))
    assert type(info.value) is ApiError and info.value.parsed == {"unexpected": True}
    with pytest.raises(ApiError) as info:
        parsed(reply(404, b"<html>gone</html>", "text/html"))
    assert type(info.value) is ApiError and info.value.parsed == "<html>gone</html>"
    with pytest.raises(ApiError) as info:
        parsed(reply(500, b"down", "text/plain"))
    assert info.value.parsed == "down" and info.value.text == "down"
    with pytest.raises(ApiError) as info:
        parsed(reply(404))
    assert info.value.parsed is None and str(info.value) == "get_pet: HTTP 404 Not Found"


def test_an_undeclared_redirect_is_an_error() -> None:
    with pytest.raises(ApiError, match="op: HTTP 302 Found"):
        parsed(reply(302), Operation("op", "GET", "/"))
    with_default = Operation("op", "GET", "/", responses={"200": Result("json"), "default": Result("json")})
    with pytest.raises(ApiError, match="op: HTTP 302 Found"):  # default does not declare it
        parsed(reply(302), with_default)
    declared = Operation("op", "GET", "/", responses={"304": Result(None), "default": Result("json")})
    assert parsed(reply(304), declared) is None


def test_raw() -> None:
    assert responses.raw(reply(200, b'{"a":1}', "application/problem+json; charset=utf-8")) == {"a": 1}
    assert responses.raw(reply(200, b"{", "application/json")) == "{"
    assert responses.raw(reply(200, b"<x/>", "application/atom+xml")) == "<x/>"
    assert responses.raw(reply(200, b"plain", "text/csv")) == "plain"
    assert responses.raw(reply(200, b'{"a":1}')) == b'{"a":1}'
    assert responses.raw(reply(200, b'{"a":1}'), json_expected=True) == {"a": 1}
    assert responses.raw(reply(200)) is None


def test_api_error_message_repr_and_excerpt() -> None:
    long = "x " * 300
    error = ApiError.from_response("op", reply(500, long.encode(), "text/plain"))
    assert str(error).startswith("op: HTTP 500 Internal Server Error: x x") and str(error).endswith("...")
    assert len(excerpt(reply(500, long.encode(), "text/plain"))) == 203
    assert repr(error) == "ApiError(operation='op', status_code=500)"
    assert excerpt(reply(500, b"\x00\x01", "application/octet-stream")) == ""
    assert excerpt(reply(500, b"a\n  b", "application/json")) == "a b"
    custom = ResponseValidationError.from_response("op", reply(200, b"x", "text/plain"), "x", reason="why")
    assert str(custom) == "op: HTTP 200 why: x" and custom.response is not None and custom.content == b"x"
    assert isinstance(ProblemError.from_response("op", reply(404)), ProblemError)


def test_result_validates_lazily() -> None:
    calls: list[int] = []

    def pet_type() -> type[Pet]:
        calls.append(1)
        return Pet

    result = Result("json", pet_type)
    assert result.typed and not calls  # nothing imported before an answer needs it
    assert result.validate({"id": 1, "name": "a"}) == Pet(id=1, name="a")
    result.validate({"id": 2, "name": "b"})
    assert calls == [1]
    untyped = Result("json")
    assert not untyped.typed and untyped.validate({"x": 1}) == {"x": 1}
