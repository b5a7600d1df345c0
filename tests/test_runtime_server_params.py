"""The server runtime's parameter reading, called directly: every style and explode per location
and shape, the schema-led reading of objects and unions, required and default values."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from fastapi.exceptions import RequestValidationError
from runtime_server_support import errors, request, runtime

from generator.runtime.server import params
from generator.runtime.server.params import MISSING, Param, decode

RGB = {"type": "object", "properties": {"R": {"type": "integer"}, "G": {"type": "integer"}}, "required": ["R"]}


def _param(location: str, style: str, explode: bool, shape: str, *, wire: str = "id", required: bool = True) -> Param:
    # Each its own operation: the runtime makes the pydantic adapter of a parameter once.
    return Param(f"op{next(_COUNT)}", "key", wire, location, style, explode, shape, required)


_COUNT = itertools.count()


def _decode(param: Param, tp: Any, *, schema: Any = None, default: Any = None, **req: Any) -> Any:
    op = param.operation
    state = runtime({op: {"params": {"key": schema}}} if schema is not None else {op: {}})
    return decode(request(state, **req), param, tp, default)


@pytest.mark.parametrize(("style", "explode", "shape", "text", "expected"), [
    ("simple", False, "scalar", "5", 5),
    ("simple", False, "array", "1,2,3", [1, 2, 3]),
    ("simple", True, "array", "1,2,3", [1, 2, 3]),
    ("simple", False, "array", "", []),
    ("label", False, "scalar", ".5", 5),
    ("label", False, "array", ".1,2,3", [1, 2, 3]),
    ("label", True, "array", ".1.2.3", [1, 2, 3]),
    ("matrix", False, "scalar", ";id=5", 5),
    ("matrix", False, "array", ";id=1,2", [1, 2]),
    ("matrix", True, "array", ";id=1;id=2", [1, 2]),
])
def test_path_styles(style: str, explode: bool, shape: str, text: str, expected: Any) -> None:
    tp = int if shape == "scalar" else list[int]
    assert _decode(_param("path", style, explode, shape), tp, path_params={"key": text}) == expected


@pytest.mark.parametrize(("style", "explode", "text"), [
    ("simple", False, "R,100,G,200"),
    ("simple", True, "R=100,G=200"),
    ("label", False, ".R,100,G,200"),
    ("label", True, ".R=100.G=200"),
    ("matrix", True, ";R=100;G=200"),
])
def test_path_objects_read_with_their_schema(style: str, explode: bool, text: str) -> None:
    found = _decode(_param("path", style, explode, "object"), dict[str, Any], schema=RGB, path_params={"key": text})
    assert found == {"R": 100, "G": 200}


@pytest.mark.parametrize(("style", "text", "kind"), [
    ("label", "5", "value_error"),  # no leading '.'
    ("matrix", "5", "value_error"),  # no leading ';'
    ("matrix", ";other=5", "value_error"),  # another parameter's name
    ("matrix", ";id=1;id=2", "value_error"),  # two values for a scalar
])
def test_path_style_refusals(style: str, text: str, kind: str) -> None:
    with pytest.raises(RequestValidationError) as caught:
        _decode(_param("path", style, False, "scalar"), str, path_params={"key": text})
    assert errors(caught.value) == [(("path", "id"), kind)]


def test_encoded_delimiters_in_path_values_are_restored() -> None:
    assert _decode(_param("path", "label", False, "scalar"), str, path_params={"key": ".a\ue000b"}) == "a/b"
    assert _decode(_param("path", "simple", False, "array"), list[str],
                   path_params={"key": "a\ue001b,c"}) == ["a,b", "c"]


@pytest.mark.parametrize(("style", "query", "expected"), [
    ("form", "id=1,2,3", ["1", "2", "3"]),
    ("form", "id=a%2Cb,c", ["a,b", "c"]),  # an encoded delimiter stays inside its item
    ("form", "id=", []),
    ("form", "id=1,2&id=3", ["1", "2", "3"]),
    ("spaceDelimited", "id=1%202", ["1", "2"]),
    ("spaceDelimited", "id=1+2", ["1", "2"]),
    ("pipeDelimited", "id=1|2", ["1", "2"]),
    ("pipeDelimited", "id=1%7C2", ["1", "2"]),
    ("tabDelimited", "id=1%092", ["1", "2"]),
])
def test_query_arrays(style: str, query: str, expected: list[str]) -> None:
    assert _decode(_param("query", style, False, "array"), list[str], query=query) == expected


def test_query_scalar_takes_the_last_value_decoded() -> None:
    assert _decode(_param("query", "form", True, "scalar"), str, query="id=a&id=b%20c+d") == "b c d"


def test_query_deep_object_nested_and_typed() -> None:
    schema = {"type": "object", "properties": {
        "color": {"type": "string"},
        "size": {"type": "object", "properties": {"min": {"type": "integer"}}},
        "tags": {"type": "array", "items": {"type": "string"}},
    }}
    query = "f[color]=red&f[size][min]=1&f[tags][]=a&f[tags][]=b&other=x"
    found = _decode(_param("query", "deepObject", True, "object", wire="f"), dict[str, Any], schema=schema, query=query)
    assert found == {"color": "red", "size": {"min": 1}, "tags": ["a", "b"]}


def test_query_deep_object_array_of_objects() -> None:
    schema = {"type": "array", "items": {"type": "object", "properties": {"price": {"type": "number"}}}}
    query = "lines[1][price]=6&lines[0][price]=5.5"
    found = _decode(_param("query", "deepObject", True, "array", wire="lines"), list[dict[str, float]],
                    schema=schema, query=query)
    assert found == [{"price": 5.5}, {"price": 6}]


def test_query_exploded_form_object_takes_unclaimed_keys() -> None:
    schema = {"type": "object", "additionalProperties": {"type": "integer"}}
    param = _param("query", "form", True, "object", wire="attributes")
    state = runtime({param.operation: {"params": {"key": schema}, "claimed": ["limit"]}})
    found = decode(request(state, query="a=1&b=2&limit=3&limit[x]=4"), param, dict[str, int])
    assert found == {"a": 1, "b": 2}


def test_query_object_with_every_delimiter_encoded() -> None:
    found = _decode(_param("query", "form", False, "object"), dict[str, Any], schema=RGB, query="id=R%2C1%2CG%2C2")
    assert found == {"R": 1, "G": 2}


def test_query_object_pairs_looked_up_by_name_when_they_do_not_pair() -> None:
    # A ',' left unencoded inside a value: the declared properties are found by name.
    declared = {"a": {"type": "string"}, "b": {"type": "string"}}
    param = _param("query", "form", False, "object")
    assert params.pairs_object(param, ["a", "x", "y", "b", "z"], declared, ["a", "b"]) == {"a": "x", "b": "z"}
    assert params.pairs_object(param, ["a", "1", "b", "2"], declared, ["a", "b"]) == {"a": "1", "b": "2"}
    with pytest.raises(RequestValidationError):
        params.pairs_object(param, ["c", "x", "y"], declared, ["a"])


def test_headers() -> None:
    assert _decode(_param("header", "simple", False, "array", wire="X-Ids"), list[int],
                   headers=[("X-Ids", "1,2"), ("X-Ids", "3")]) == [1, 2, 3]
    found = _decode(_param("header", "simple", True, "object", wire="X-Color"), dict[str, Any], schema=RGB,
                    headers=[("X-Color", "R=1,G=2")])
    assert found == {"R": 1, "G": 2}


def test_cookies() -> None:
    cookie = [("Cookie", 'id="a%20b"; other=1; ids=1,2; many=1; many=2')]
    assert _decode(_param("cookie", "form", True, "scalar"), str, headers=cookie) == "a b"
    assert _decode(_param("cookie", "form", False, "array", wire="ids"), list[int], headers=cookie) == [1, 2]
    assert _decode(_param("cookie", "form", True, "array", wire="many"), list[int], headers=cookie) == [1, 2]
    found = _decode(_param("cookie", "form", True, "object"), dict[str, Any], schema=RGB,
                    headers=[("Cookie", "R=1; G=2; B=3")])
    assert found == {"R": 1, "G": 2}
    assert params.cookie_pairs(request(headers=cookie))[0] == ("id", "a%20b")


@pytest.mark.parametrize(("query", "expected"), [("v=1", 1), ("v=1,2", [1, 2]), ("v[a]=1", {"a": 1})])
def test_union_parameter_reads_the_form_the_wire_shows(query: str, expected: Any) -> None:
    schema = {"anyOf": [{"type": "integer"}, {"type": "array", "items": {"type": "integer"}},
                        {"type": "object", "additionalProperties": {"type": "integer"}}]}
    param = _param("query", "deepObject", True, "union", wire="v")
    assert _decode(param, int | list[int] | dict[str, int], schema=schema, query=query) == expected


def test_required_missing_and_defaults() -> None:
    with pytest.raises(RequestValidationError) as caught:
        _decode(_param("query", "form", False, "array"), list[int], query="other=1")
    assert errors(caught.value) == [(("query", "id"), "missing")]
    optional = _param("query", "form", False, "array", required=False)
    assert _decode(optional, list[int], default=[7], query="") == [7]
    assert params.wire_value(request(), _param("header", "simple", False, "scalar")) is MISSING


def test_typed_refusals_name_the_parameter() -> None:
    with pytest.raises(RequestValidationError) as caught:
        _decode(_param("query", "form", False, "array"), list[int], query="id=1,x")
    assert errors(caught.value) == [(("query", "id", 1), "int_parsing")]
    with pytest.raises(RequestValidationError) as caught:  # the JSON Schema check of an object
        _decode(_param("query", "form", False, "object"), dict[str, Any], schema=RGB, query="id=G,1")
    assert errors(caught.value)[0][0] == ("query", "id")


def test_deep_object_and_query_pairs_helpers() -> None:
    pairs = params.query_pairs(request(query="a%5Bb%5D=1%2C2&c+d=e&&f"))
    assert pairs == [("a[b]", "1%2C2"), ("c d", "e"), ("f", "")]
    assert params.deep_object(pairs, "a") == {"b": "1,2"}
    assert params.deep_object(pairs, "z") is MISSING
