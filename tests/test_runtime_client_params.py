"""The client runtime's parameter serialization (generator/runtime/client/params.py and values.py),
imported directly: every row of the OpenAPI style table, and the encodings around it."""

from __future__ import annotations

import datetime
import enum
import uuid
from typing import Any

import pydantic
import pytest
from test_serialization import ARRAY, OBJECT, STRING, TABLE

from generator.runtime.client import params, values
from generator.runtime.client.spec import Param


class Rgb(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(populate_by_name=True)

    r: int = pydantic.Field(alias="R")
    g: int = pydantic.Field(alias="G")
    b: int = pydantic.Field(alias="B")


class Color(enum.Enum):
    BLUE = "blue"


def wire(style: str, explode: bool, location: str, value: Any, name: str = "color") -> str:
    p = Param(name, location, style, explode)
    if location == "path":
        return params.serialize_path(p, value)
    if location == "query":
        return "&".join(params.serialize_query(p, value))
    if location == "header":
        return params.serialize_header(p, value)
    return "; ".join(f"{k}={v}" for k, v in params.serialize_cookie(p, value))


@pytest.mark.parametrize("row", TABLE, ids=[f"{r[2]}-{r[0]}-{'explode' if r[1] else 'no-explode'}" for r in TABLE])
def test_style_table(row: tuple[str, bool, str, str | None, str | None, str | None]) -> None:
    style, explode, location, *expected = row
    for value, want in zip((STRING, ARRAY, OBJECT), expected, strict=True):
        if want is not None:
            assert wire(style, explode, location, value) == want, (style, explode, location, value)
    if expected[2] is not None:  # a model goes as the mapping of its wire names
        assert wire(style, explode, location, Rgb(r=100, g=200, b=150)) == expected[2]
    if expected[1] is not None:  # a tuple as a list
        assert wire(style, explode, location, tuple(ARRAY)) == expected[1]


def test_tab_delimited_and_swagger_collection_formats() -> None:
    assert wire("tabDelimited", False, "query", ARRAY) == "color=blue%09black%09brown"
    assert wire("form", True, "query", ARRAY) == "color=blue&color=black&color=brown"  # multi


def test_path_values_never_change_the_route() -> None:
    assert wire("simple", False, "path", "a/b?c#d e") == "a%2Fb%3Fc%23d%20e"
    # Dot segments would be removed by URL normalization (RFC 3986 section 5.2.4).
    assert wire("simple", False, "path", ".") == "%2E"
    assert wire("simple", False, "path", "..") == "%2E%2E"
    assert wire("simple", False, "path", "a.b") == "a.b"
    # In label style '.' separates the items of an array or object: one inside an item is encoded
    # (a single value has no items to tell apart).
    assert wire("label", True, "path", ["a.b", "c"]) == ".a%2Eb.c"
    assert wire("label", False, "path", {"k.1": "v.2"}) == ".k%2E1,v%2E2"
    assert wire("label", False, "path", "a.b") == ".a.b"
    assert wire("matrix", False, "path", "") == ";color"
    assert wire("matrix", False, "path", "x", name="a b") == ";a%20b=x"


def test_query_encoding_and_allow_reserved() -> None:
    text = "a/b?c&d=e#f g+h"
    assert wire("form", True, "query", text, name="q") == "q=a%2Fb%3Fc%26d%3De%23f%20g%2Bh"
    reserved = params.serialize_query(Param("raw", "query", "form", True, allow_reserved=True), text)
    assert reserved == ["raw=a/b?c&d=e%23f%20g+h"]  # '#' would end the query: always encoded
    assert wire("form", True, "query", "x", name="a[b]") == "a%5Bb%5D=x"
    assert wire("deepObject", True, "query", {"a b": "c&d"}) == "color%5Ba%20b%5D=c%26d"


def test_object_fields_left_out_when_none_or_unset() -> None:
    assert wire("form", True, "query", {"a": 1, "b": None}) == "a=1"

    class Partial(pydantic.BaseModel):
        a: int | None = None
        b: int | None = None

    assert wire("form", True, "query", Partial(b=2)) == "b=2"


def test_scalars() -> None:
    when = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc)
    assert wire("form", True, "query", when, name="since") == "since=2024-05-06T07%3A08%3A09%2B00%3A00"
    assert wire("form", True, "query", datetime.date(2024, 5, 6), name="d") == "d=2024-05-06"
    assert wire("form", True, "query", True, name="f") == "f=true"
    assert wire("form", False, "query", [True, False], name="f") == "f=true,false"
    assert wire("form", True, "query", Color.BLUE) == "color=blue"
    assert wire("form", True, "query", 1.5, name="n") == "n=1.5"
    ident = uuid.UUID(int=1)
    assert wire("simple", False, "header", ident, name="X-Id") == str(ident)


def test_header_values_are_not_percent_encoded() -> None:
    assert wire("simple", False, "header", "a b/c") == "a b/c"
    assert wire("simple", True, "header", {"a": "x y"}) == "a=x y"


def test_cookie_values_are_cookie_octets() -> None:
    assert wire("form", True, "cookie", "a b;c%d,e") == "color=a%20b%3Bc%25d%2Ce"
    assert wire("form", True, "cookie", "a!#$&'()*+-./:<=>?@[]^_`{|}~") == "color=a!#$&'()*+-./:<=>?@[]^_`{|}~"
    assert params.serialize_cookie(Param("c", "cookie", "form", True), {"k 1": "v;1"}) == [("k 1", "v%3B1")]


def test_query_constants_and_flags() -> None:
    assert params.query_constant("Action", "Get Thing") == "Action=Get%20Thing"
    assert params.query_constant("uploads", "") == "uploads"


def test_put_and_pop_header_in_any_case() -> None:
    headers = {"Accept": "a", "X": "1"}
    params.put_header(headers, "accept", "b")
    assert headers == {"X": "1", "accept": "b"}
    assert params.pop_header(headers, "ACCEPT") == "b" and headers == {"X": "1"}
    assert params.pop_header(headers, "missing") == ""


def test_to_json_and_scalar() -> None:
    assert values.to_json(Rgb(r=1, g=2, b=3)) == {"R": 1, "G": 2, "B": 3}
    assert values.to_json({1: (Color.BLUE, b"\x00\xff")}) == {"1": ["blue", "AP8="]}
    assert values.to_json(datetime.date(2024, 1, 2)) == "2024-01-02"
    assert values.to_json(None) is None
    assert values.scalar(None) == ""
    assert values.scalar({"a": [1, "x"]}) == '{"a":[1,"x"]}'
    assert values.scalar(Rgb(r=1, g=2, b=3)) == '{"R":1,"G":2,"B":3}'
    assert values.is_object({}) and values.is_object(Rgb(r=1, g=2, b=3)) and not values.is_object([])
    assert values.pairs({"a": True, "b": None, "c": [1, 2]}) == [("a", "true"), ("c", "[1,2]")]
