"""The server runtime's mock data, called directly: values that fit their schemas (types, formats,
bounds, enums, patterns, composition, recursion), strings from patterns, whole mock answers."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from runtime_server_support import runtime

from generator.runtime.server.mock import Mocker, mock_response
from generator.runtime.server.patterns import from_pattern

DEFS = {
    "Node": {"type": "object", "properties": {"name": {"type": "string"}, "children": {
        "type": "array", "items": {"$ref": "#/$defs/Node"}}, "parent": {"anyOf": [
            {"$ref": "#/$defs/Node"}, {"type": "null"}]}}, "required": ["name", "children"]},
    "Base": {"type": "object", "properties": {"id": {"type": "integer", "minimum": 1}}, "required": ["id"]},
}

SCHEMAS = [
    {"type": "string"},
    {"type": "string", "minLength": 12, "maxLength": 12},
    {"type": "string", "maxLength": 3},
    *({"type": "string", "format": f} for f in ("date-time", "date", "time", "email", "uuid", "ipv4", "ipv6", "uri",
                                                 "uri-reference", "hostname", "duration", "regex", "json-pointer")),
    {"type": "string", "pattern": "^[A-Z]{3}-\\d{4}$"},
    {"type": "string", "pattern": "^(foo|bar)+x?$", "minLength": 7},
    {"type": "integer", "minimum": 10, "maximum": 12},
    {"type": "integer", "exclusiveMinimum": 0, "multipleOf": 7},
    {"type": "integer", "exclusiveMaximum": -5},
    {"type": "number", "exclusiveMaximum": 1.5, "multipleOf": 0.5, "minimum": -3},
    {"type": "number", "minimum": 0.5, "maximum": 0.75},
    {"type": "number", "multipleOf": 0.25, "minimum": 1.1},
    {"type": "boolean"},
    {"type": "null"},
    {"enum": ["a", "b"]},
    {"type": "array", "items": {"type": "integer"}, "minItems": 3, "uniqueItems": True},
    {"type": "array", "items": {"enum": [1, 2]}, "minItems": 2, "maxItems": 2, "uniqueItems": True},
    {"type": "array", "maxItems": 0},
    {"type": "object", "properties": {"a": {"type": "string", "writeOnly": True}, "b": {"type": "integer"}},
     "required": ["b"]},
    {"allOf": [{"$ref": "#/$defs/Base"}, {"type": "object", "properties": {"x": {"type": "boolean"}}}]},
    {"anyOf": [{"type": "integer", "minimum": 5}, {"type": "string"}]},
    {"$ref": "#/$defs/Node"},
    {"type": "string", "examples": ["not-this", "ex"], "maxLength": 2},
    {"type": "integer", "default": 42},
]


@pytest.mark.parametrize("schema", SCHEMAS, ids=[json.dumps(s)[:60] for s in SCHEMAS])
def test_mock_values_fit_their_schemas(schema: dict[str, Any]) -> None:
    state = runtime(defs=DEFS)
    value = Mocker(state).value(schema)
    assert state.is_valid(schema, value), value


def test_mock_values_prefer_examples_then_defaults() -> None:
    mocker = Mocker(runtime())
    assert mocker.value({"type": "string", "examples": ["no", "ex"], "maxLength": 2}) == "no"
    assert mocker.value({"type": "integer", "default": 42}) == 42
    assert mocker.value({"type": "integer", "examples": ["bad"], "default": 7}) == 7


def test_index_varies_values_for_unique_items() -> None:
    mocker = Mocker(runtime())
    assert len({mocker.value({"type": "string"}, index=i) for i in range(3)}) == 3
    assert len({mocker.value({"type": "integer", "minimum": 3}, index=i) for i in range(3)}) == 3


def test_recursion_is_bounded() -> None:
    value = Mocker(runtime(defs=DEFS)).value({"$ref": "#/$defs/Node"})
    depth = 0
    while value and value.get("children"):
        value, depth = value["children"][0], depth + 1
    assert 1 <= depth <= 8


@pytest.mark.parametrize(("regex", "low", "high"), [
    ("^[a-z]+$", 0, None),
    ("^\\d{3}-\\d{2}$", 0, None),
    ("^[^0-9]{2,4}$", 3, None),
    ("^(?:ab|cd)*$", 4, 6),
    ("[A-F0-9]{8}", 0, 8),
    ("^\\w+@\\w+\\.com$", 0, None),
    ("^\\S+\\s\\S+$", 0, None),
    ("^(?P<x>a)(?P=x)?b$", 0, None),
    ("^.{5}$", 0, None),
])
def test_strings_from_patterns(regex: str, low: int, high: int | None) -> None:
    text = from_pattern(regex, low, high)
    assert text is not None and re.search(regex, text), text
    assert len(text) >= low and (high is None or len(text) <= high)


def test_patterns_that_cannot_be_met() -> None:
    assert from_pattern("(", 0, None) is None  # not a regex
    assert from_pattern("^a{5}$", 0, 3) is None  # longer than allowed
    assert from_pattern("^[^\\s\\S]$", 0, None) is None  # no character fits


def _response(status: int, contents: list[dict[str, Any]], headers: list[dict[str, Any]] | None = None) -> Any:
    state = runtime({"op": {"response": {"status": status, "contents": contents, "headers": headers or []}}})
    return mock_response(state, "op")


def test_mock_response_uses_a_fitting_example() -> None:
    content = {"media_type": "application/json", "kind": "json", "schema": {"type": "object", "required": ["id"]},
               "examples": [{"name": "no id"}, {"id": 1}]}
    answer = _response(201, [content], [{"name": "X-Rate", "required": True, "schema": {"type": "integer"}},
                                        {"name": "X-Flag", "required": False, "schema": {"type": "boolean"}},
                                        {"name": "X-Gone", "required": False, "schema": {"type": "null"}}])
    assert answer.status_code == 201 and json.loads(answer.body) == {"id": 1}
    assert answer.headers["x-rate"] == "0" and answer.headers["x-flag"] == "true" and "x-gone" not in answer.headers
    assert answer.media_type == "application/json"


def test_mock_response_kinds() -> None:
    no_body = _response(204, [{"media_type": "application/json", "kind": "json", "schema": {}, "examples": []}])
    assert (no_body.status_code, no_body.body) == (204, b"")
    wild = _response(200, [{"media_type": "*/*", "kind": "json", "schema": {"type": "integer"}, "examples": []}])
    assert (wild.media_type, wild.body) == ("application/json", b"0")
    binary = _response(200, [{"media_type": "*/*", "kind": "binary", "schema": {"type": "string"}, "examples": []}])
    assert (binary.media_type, binary.body) == ("application/octet-stream", b"string")
    text = _response(200, [{"media_type": "text/plain", "kind": "text", "schema": {"type": "string", "enum": ["ok"]},
                            "examples": []}])
    assert (text.media_type, text.body) == ("text/plain", b"ok")
    assert mock_response(runtime({"op": {}}), "op").status_code == 200


def test_runtime_mock_answer_is_built_once() -> None:
    state = runtime({"op": {"response": {"status": 200, "headers": [], "contents": [
        {"media_type": "application/json", "kind": "json", "schema": {"type": "string"}, "examples": []}]}}})
    first, second = state.mock_answer("op"), state.mock_answer("op")
    assert first is not second and first.body == second.body == b'"string"'
    assert list(state._mocks) == [("op", None, None)]
