"""The server runtime's body reading, called directly: each kind (JSON, form, multipart, text,
binary), the Content-Type's choice (415), required and empty bodies, schema and type checks."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from runtime_server_support import errors, request, runtime

from generator.runtime.server import bodies
from generator.runtime.server.problems import ProblemError

PET = {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0},
                                        "tags": {"type": "array", "items": {"type": "string"}},
                                        "meta": {"type": "object"}},
       "required": ["name"]}
_COUNT = itertools.count()


class Pet(BaseModel):
    name: str
    age: int | None = None
    tags: list[str] | None = None
    meta: dict[str, Any] | None = None


def _read(contents: list[tuple[str, str, Any, Any]], body: bytes, content_type: str | None, *,
          required: bool = True) -> Any:
    """``read_body`` over declared (media type, kind, Python type, schema) contents."""
    op = f"op{next(_COUNT)}"  # the runtime makes a body's pydantic adapter once per operation
    state = runtime({op: {"body": {c[0]: c[3] for c in contents}}})
    headers = [("Content-Type", content_type)] if content_type is not None else []
    req = request(state, method="POST", headers=headers, body=body)
    return asyncio.run(bodies.read_body(req, op, required, [c[:3] for c in contents]))


JSON = ("application/json", "json", Pet, PET)


def test_json_body_checked_then_typed() -> None:
    assert _read([JSON], b'{"name": "Rex", "age": 3}', "application/json; charset=utf-8") == Pet(name="Rex", age=3)
    with pytest.raises(RequestValidationError) as caught:
        _read([JSON], b'{"age": -1}', "application/json")
    assert sorted(errors(caught.value)) == [(("body",), "required"), (("body", "age"), "minimum")]
    with pytest.raises(RequestValidationError) as caught:
        _read([JSON], b"{", "application/json")
    assert errors(caught.value) == [(("body",), "json_invalid")]


def test_form_body_shaped_and_coerced() -> None:
    form = ("application/x-www-form-urlencoded", "form", dict[str, Any], PET)
    found = _read([form], b"name=Rex&age=3&tags=a&meta=%7B%22k%22%3A1%7D", "application/x-www-form-urlencoded")
    # The schema check reads '3' as a number, and so does the type.
    assert found == {"name": "Rex", "age": 3, "tags": ["a"], "meta": {"k": 1}}
    assert _read([form], b"name=a&tags=x&tags=y", None)["tags"] == ["x", "y"]  # no Content-Type: the first
    with pytest.raises(RequestValidationError) as caught:
        _read([form], b"name=a&age=-2", "application/x-www-form-urlencoded")
    assert errors(caught.value) == [(("body", "age"), "minimum")]


def test_multipart_body_with_a_file() -> None:
    schema = {"type": "object", "properties": {"name": {"type": "string"}, "file": {"type": "string"},
                                               "meta": {"type": "object"}}}
    content = ("multipart/form-data", "multipart", dict[str, Any], schema)
    body = (b'--XX\r\nContent-Disposition: form-data; name="name"\r\n\r\nRex\r\n'
            b'--XX\r\nContent-Disposition: form-data; name="meta"\r\n\r\n{"a": [1]}\r\n'
            b'--XX\r\nContent-Disposition: form-data; name="file"; filename="f.bin"\r\n'
            b"Content-Type: application/octet-stream\r\n\r\n\x00\x01\r\n--XX--\r\n")
    found = _read([content], body, "multipart/form-data; boundary=XX")
    assert found == {"name": "Rex", "meta": {"a": [1]}, "file": b"\x00\x01"}
    with pytest.raises(RequestValidationError) as caught:
        _read([content], b"--XX\r\n", "multipart/form-data")  # no boundary
    assert errors(caught.value) == [(("body",), "multipart_invalid")]


def test_text_and_binary_bodies() -> None:
    text = ("text/plain", "text", str, {"type": "string", "maxLength": 3})
    binary = ("application/octet-stream", "binary", bytes, {"type": "string", "format": "binary"})
    assert _read([text], "é".encode(), "text/plain") == "é"
    assert _read([text], b"", "text/plain") == ""  # zero bytes with a Content-Type: an empty text
    with pytest.raises(RequestValidationError) as caught:
        _read([text], b"abcd", "text/plain")
    assert errors(caught.value) == [(("body",), "maxLength")]
    with pytest.raises(RequestValidationError) as caught:
        _read([text], b"\xff", "text/plain")
    assert errors(caught.value) == [(("body",), "unicode_decode")]
    assert _read([binary], b"\xff\x00", "application/octet-stream") == b"\xff\x00"
    assert _read([JSON, ("image/*", "binary", bytes, {})], b"\x89PNG", "image/png") == b"\x89PNG"


def test_unsupported_media_type_is_415_naming_the_accepted() -> None:
    with pytest.raises(ProblemError) as caught:
        _read([JSON], b"<a/>", "application/xml")
    assert caught.value.status_code == 415
    assert caught.value.extra["accepted"] == ["application/json"]


def test_required_and_optional_empty_bodies() -> None:
    assert _read([JSON], b"", None, required=False) is None
    assert _read([JSON], b"", "application/json", required=False) is None
    for content_type in (None, "application/json"):
        with pytest.raises(RequestValidationError) as caught:
            _read([JSON], b"", content_type)
        assert errors(caught.value) == [(("body",), "missing")]


def test_media_matches() -> None:
    assert bodies.media_matches("application/json; charset=utf-8", "application/json")
    assert bodies.media_matches("*/*", "text/csv")
    assert bodies.media_matches("image/*", "image/png")
    assert not bodies.media_matches("image/*", "text/png")
    assert not bodies.media_matches("application/json", "application/xml")


def test_form_helpers() -> None:
    assert bodies.form_fields([("a", "1"), ("a", "2"), ("a", "3"), ("b", "x")]) == {"a": ["1", "2", "3"], "b": "x"}
    schema = {"type": "object", "properties": {"n": {"type": "integer"}, "f": {"type": "boolean"},
                                               "xs": {"type": "array", "items": {"type": "number"}}}}
    assert bodies.coerce_form({"n": "2", "f": "TRUE", "xs": ["1.5", "x"], "file": b"..."}, schema, {}) == {
        "n": 2, "f": True, "xs": [1.5, "x"], "file": ""}
    assert bodies.shape_form({"xs": "1", "o": "{bad"}, {"properties": {"xs": {"type": "array"}, "o": {
        "type": "object"}}}, {}) == {"xs": ["1"], "o": "{bad"}


def test_form_text_of_an_untyped_enum_is_its_value() -> None:
    """A form field's schema with an enum but no type (gov.bc.ca/geomark: ``allowOverlap: {enum:
    [false, true]}``, ``srid: {enum: [4326, 3005]}``) reads its text as the value it spells."""
    from generator.runtime.server.schemas import coerce_text

    assert coerce_text("true", {"enum": [False, True]}) is True
    assert coerce_text("4326", {"enum": [4326, 3005]}) == 4326
    assert coerce_text("x", {"enum": ["x", 1]}) == "x"
    assert coerce_text("7", {"enum": [4326]}) == "7"  # (not a value: left for the schema check)


def test_form_text_reaches_a_literal_type_as_its_value() -> None:
    """A boolean or number enum is a ``Literal`` in the model, which takes no text: the form's
    ``false`` reaches it as False (gov.bc.ca/geomark's ``allowOverlap``, ``srid``)."""
    from typing import Literal

    class Geo(BaseModel):
        allowOverlap: Literal[False, True] = False
        srid: Literal[4326, 3005] | None = None

    schema = {"type": "object", "properties": {"allowOverlap": {"type": "boolean", "enum": [False, True]},
                                               "srid": {"enum": [4326, 3005]}}}
    form = ("application/x-www-form-urlencoded", "form", Geo, schema)
    found = _read([form], b"allowOverlap=true&srid=3005", "application/x-www-form-urlencoded")
    assert found == Geo(allowOverlap=True, srid=3005)
