"""The client runtime's request bodies (generator/runtime/client/bodies.py), imported directly:
each body kind, the declared media type a value goes as, and its one Content-Type."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest

from generator.runtime.client import bodies
from generator.runtime.client.spec import Body, Operation

JSON = Body("application/json", "json")
FORM = Body("application/x-www-form-urlencoded", "form")
MULTIPART = Body("multipart/form-data", "multipart")
BINARY = Body("application/octet-stream", "binary")
TEXT = Body("text/plain", "text")


class Item(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(populate_by_name=True)

    name: str
    size_cm: int | None = pydantic.Field(default=None, alias="sizeCm")
    tags: list[str] = []


def op(*declared: Body, content_type: str = "") -> Operation:
    return Operation("op", "POST", "/", bodies=declared, content_type=content_type)


def encode(operation: Operation, body: Any, headers: dict[str, str] | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    headers = {} if headers is None else headers
    return bodies.encode_body(operation, body, headers), headers


def test_json_by_alias_without_unset_fields() -> None:
    kwargs, headers = encode(op(JSON), Item(name="a", size_cm=3))
    assert kwargs == {"content": b'{"name":"a","sizeCm":3}'}
    assert headers == {"Content-Type": "application/json"}
    kwargs, _ = encode(op(JSON), {"a": [1, None], "b": "é"})
    assert kwargs == {"content": b'{"a":[1,null],"b":"\\u00e9"}'}  # ASCII on the wire


def test_json_media_type_as_declared_unless_a_wildcard() -> None:
    _, headers = encode(op(Body("application/vnd.example+json", "json")), {})
    assert headers == {"Content-Type": "application/vnd.example+json"}
    _, headers = encode(op(Body("*/*", "json")), {})
    assert headers == {"Content-Type": "application/json"}


def test_form_repeats_lists_and_skips_none() -> None:
    kwargs, headers = encode(op(FORM), {"a": "x y", "b": [1, 2], "c": None, "d": True})
    assert kwargs == {"content": b"a=x+y&b=1&b=2&d=true"}
    assert headers == {"Content-Type": "application/x-www-form-urlencoded"}
    kwargs, _ = encode(op(FORM), Item(name="n", tags=["p", "q"]))
    assert kwargs == {"content": b"name=n&tags=p&tags=q"}


def test_multipart_files_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"png")
    handle = io.BytesIO(b"doc")
    handle.name = "/somewhere/report.pdf"
    body = {"file": path, "raw": b"\x00", "handle": handle, "named": ("a.txt", "hi"),
            "typed": ("b.bin", b"1", "application/x-thing"), "note": "hello", "n": 2, "skip": None,
            "many": [b"1", b"2"]}
    kwargs, headers = encode(op(MULTIPART), body)
    assert headers == {}  # httpx writes it, with the boundary of the parts
    assert kwargs == {"files": [
        ("file", ("photo.png", b"png", "image/png")),
        ("raw", ("raw", b"\x00", "application/octet-stream")),
        ("handle", ("report.pdf", b"doc", "application/pdf")),
        ("named", ("a.txt", b"hi", "text/plain")),
        ("typed", ("b.bin", b"1", "application/x-thing")),
        ("note", (None, b"hello")),
        ("n", (None, b"2")),
        ("many", ("many", b"1", "application/octet-stream")),
        ("many", ("many", b"2", "application/octet-stream")),
    ]}
    # What httpx makes of it: one part each, the file names and types as given.
    request = httpx.Request("POST", "http://h/", files=kwargs["files"])
    content = request.read()
    assert b'name="handle"; filename="report.pdf"' in content and b"Content-Type: application/pdf" in content
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")


def test_a_caller_content_type_for_multipart_is_dropped() -> None:
    headers = {"Content-Type": "multipart/form-data"}
    kwargs, _ = encode(op(MULTIPART), {"a": "1"}, headers)
    assert "files" in kwargs and headers == {}


def test_binary_and_text(tmp_path: Path) -> None:
    kwargs, headers = encode(op(BINARY), b"\x01\x02")
    assert kwargs == {"content": b"\x01\x02"} and headers == {"Content-Type": "application/octet-stream"}
    path = tmp_path / "f.bin"
    path.write_bytes(b"file")
    # Paths and file objects are streamed (read while sent, from the start each time), with
    # their length when it is known.
    kwargs, headers = encode(op(BINARY), path)
    assert b"".join(kwargs["content"]) == b"file" == b"".join(kwargs["content"])
    assert headers == {"Content-Length": "4", "Content-Type": "application/octet-stream"}
    kwargs, headers = encode(op(BINARY), io.BytesIO(b"stream"))
    assert b"".join(kwargs["content"]) == b"stream" and headers["Content-Length"] == "6"
    assert b"".join(encode(op(BINARY), io.StringIO("text io"))[0]["content"]) == b"text io"
    _, headers = encode(op(Body("image/png", "binary")), b"x")
    assert headers == {"Content-Type": "image/png"}
    _, headers = encode(op(Body("*/*", "binary")), b"x")
    assert headers == {"Content-Type": "application/octet-stream"}
    kwargs, headers = encode(op(TEXT), "héllo")
    assert kwargs == {"content": "héllo".encode()} and headers == {"Content-Type": "text/plain"}
    _, headers = encode(op(Body("text/*", "text")), "x")
    assert headers == {"Content-Type": "text/plain"}


def test_the_value_picks_the_kind_among_declared_ones() -> None:
    several = op(JSON, BINARY, TEXT)
    assert encode(several, b"raw")[1] == {"Content-Type": "application/octet-stream"}
    assert encode(several, io.BytesIO(b"raw"))[1] == {"Content-Length": "3", "Content-Type": "application/octet-stream"}
    assert encode(several, "words")[1] == {"Content-Type": "text/plain"}
    assert encode(several, {"a": 1})[1] == {"Content-Type": "application/json"}
    assert bodies.pick(op(JSON, Body("application/xml", "json")), {}, "") is JSON  # first of its kind


def test_a_caller_content_type_picks_the_declared_media_type() -> None:
    both = op(JSON, FORM)
    kwargs, headers = encode(both, {"a": 1}, {"content-type": "application/x-www-form-urlencoded; charset=utf-8"})
    assert kwargs == {"content": b"a=1"}
    assert headers == {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}  # sent as given
    # Not declared: sent as given, the body as the first declared media type.
    kwargs, headers = encode(both, {"a": 1}, {"Content-Type": "application/vnd.x+json"})
    assert kwargs == {"content": b'{"a":1}'} and headers == {"Content-Type": "application/vnd.x+json"}
    with pytest.raises(ValueError, match="op: a 'text/csv' body cannot be sent; it takes "
                                         "application/x-www-form-urlencoded, application/json"):
        bodies.encode_body(op(FORM, JSON), {"a": 1}, {"content-type": "text/csv"})


def test_the_operations_default_content_type() -> None:
    operation = op(JSON, FORM, content_type="application/x-www-form-urlencoded")
    kwargs, headers = encode(operation, {"a": 1})
    assert kwargs == {"content": b"a=1"} and headers == {"Content-Type": "application/x-www-form-urlencoded"}


def test_no_body() -> None:
    assert encode(op(JSON), None) == ({}, {})
    assert encode(op(), {"a": 1}) == ({}, {})
    headers = {"content-type": "text/plain"}
    assert bodies.encode_body(op(JSON), None, headers) == {}
    assert headers == {"Content-Type": "text/plain"}  # a caller's header still goes, once


def test_file_part_and_read_bytes(tmp_path: Path) -> None:
    assert bodies.file_part("f", ("x.json", io.BytesIO(b"{}"))) == ("x.json", b"{}", "application/json")
    assert bodies.file_part("f", ("noext", b"1")) == ("noext", b"1", "application/octet-stream")
    assert bodies.file_part("f", bytearray(b"ab")) == ("f", b"ab", "application/octet-stream")
    nameless = io.BytesIO(b"z")
    assert bodies.file_part("upload", nameless) == ("upload", b"z", "application/octet-stream")
    assert bodies.read_bytes("é") == "é".encode() and bodies.read_bytes(bytearray(b"1")) == b"1"
    assert bodies.is_file(b"") and bodies.is_file(tmp_path) and bodies.is_file(io.BytesIO())
    assert not bodies.is_file("text") and not bodies.is_file({"a": 1})
