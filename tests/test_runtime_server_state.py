"""The server runtime's state and schema reading, called directly: wire text typed by a schema,
validation errors located, error schemas looked up, what ``load_runtime`` notes of the handlers."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.exceptions import RequestValidationError
from runtime_server_support import errors, runtime

from generator.runtime.server import schemas, state

DEFS = {
    "Pet": {"type": "object", "properties": {"id": {"type": "integer"}, "tags": {"type": "array", "items": {
        "$ref": "#/$defs/Tag"}}}, "required": ["id"]},
    "Tag": {"type": "object", "properties": {"n": {"type": "number"}, "on": {"type": "boolean"}}},
    "Loop": {"$ref": "#/$defs/Loop"},
}


@pytest.mark.parametrize(("value", "schema", "expected"), [
    ("5", {"type": "integer"}, 5),
    ("5.5", {"type": "number"}, 5.5),
    ("inf", {"type": "number"}, "inf"),  # not a JSON number: left for the check to refuse
    ("true", {"type": "boolean"}, True),
    ("", {"type": ["null", "string"]}, None),
    ("x", {"type": ["integer", "string"]}, "x"),
    ('{"a": 1}', {"type": "object"}, {"a": 1}),
    ("[1]", {"type": "array"}, [1]),
    ("2", {"enum": [1, 2, "3"]}, 2),
    ("7", {"anyOf": [{"type": "boolean"}, {"type": "integer"}]}, 7),
    ({"id": "1", "tags": {"1": {"n": "2"}, "0": {"on": "false"}}}, {"$ref": "#/$defs/Pet"},
     {"id": 1, "tags": [{"on": False}, {"n": 2}]}),
    ({"k": "1"}, {"type": "object", "additionalProperties": {"type": "integer"}}, {"k": 1}),
    (["1", "x"], {"type": "array", "items": {"type": "integer"}}, [1, "x"]),
    ("1", {"allOf": [{"type": "integer"}]}, 1),
])
def test_typed(value: Any, schema: Any, expected: Any) -> None:
    assert runtime(defs=DEFS).typed(value, schema) == expected


def test_validate_locates_each_error() -> None:
    rt = runtime(defs=DEFS)
    rt.validate({"$ref": "#/$defs/Pet"}, {"id": 1}, ("body",))
    with pytest.raises(RequestValidationError) as caught:
        rt.validate({"$ref": "#/$defs/Pet"}, {"tags": [{"n": "x"}]}, ("body",))
    assert errors(caught.value) == [(("body",), "required"), (("body", "tags", 0, "n"), "type")]
    rt.validate({"type": "integer"}, "text", ("body",), text_only=True)  # only string schemas apply to text
    with pytest.raises(RequestValidationError):
        rt.validate({"type": "string", "format": "uri"}, "no scheme", ("body",), text_only=True)
    # RFC 3339 times (draft 2020-12's check, not draft 3's "%H:%M:%S").
    assert rt.is_valid({"type": "string", "format": "time"}, "12:00:00Z")
    assert not rt.is_valid({"type": "string", "format": "time"}, "12:00:00")
    assert rt.is_valid({"type": "string", "format": "uri-reference"}, "/a?b#c")
    assert not rt.is_valid({"type": "string", "format": "uri-reference"}, "a b")
    assert rt.validator({"type": "integer"}) is not rt.validator({"type": "integer"})  # by identity
    schema = {"type": "integer"}
    assert rt.validator(schema) is rt.validator(schema)


def test_long_messages_are_cut() -> None:
    with pytest.raises(RequestValidationError) as caught:
        runtime().validate({"enum": ["x" * 400]}, "y", ("q",))
    assert len(caught.value.errors()[0]["msg"]) == 300


def test_lookups() -> None:
    rt = runtime({"op": {"body": {"application/json": {"type": "object"}},
                         "errors": {"404": {"schema": 1}, "4XX": {"schema": 2}, "default": {"schema": 3}}},
                  "bare": {}}, DEFS)
    assert rt.body_schema("op", "application/json") == {"type": "object"}
    assert rt.body_schema("op", "text/plain") == {}
    assert [rt.error_schema("op", s)["schema"] for s in (404, 400, 500)] == [1, 2, 3]  # type: ignore[index]
    assert rt.error_schema("bare", 404) is None
    assert rt.operation("nope") == {}
    assert rt.defs is DEFS


def test_load_runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "state_pkg"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "schemas.json").write_text(json.dumps({"operations": {"a": {}, "b": {}, "c": {}}, "$defs": {}}))
    monkeypatch.syspath_prepend(str(tmp_path))

    class Base:
        async def a(self, *, credentials: Any = None) -> Any: ...
        async def b(self) -> Any: ...
        async def c(self, **kwargs: Any) -> Any: ...

    class Handlers(Base):
        async def b(self) -> Any: ...

    try:
        loaded = state.load_runtime("state_pkg", Handlers(), Base, True)
        assert loaded.mocked == {"a", "c"}
        assert {n for n in ("a", "b", "c") if n in loaded.takes_credentials} == {"a", "c"}
        assert state.load_runtime("state_pkg", Handlers(), Base, False).mocked == frozenset()
    finally:
        sys.modules.pop("state_pkg", None)


def test_schema_helpers() -> None:
    assert schemas.resolve({"$ref": "#/$defs/Loop"}, DEFS) == {"$ref": "#/$defs/Loop"}  # a cycle ends
    assert schemas.resolve({"$ref": "#/$defs/Nope"}, DEFS) == {}
    assert schemas.resolve(None, DEFS) == {}
    assert set(schemas.properties({"allOf": [{"$ref": "#/$defs/Tag"}], "properties": {"x": {}}}, DEFS)) == {
        "n", "on", "x"}
    assert schemas.object_keys({"anyOf": [{"$ref": "#/$defs/Tag"}, {"type": "object"}]}, DEFS) == ({"n", "on"}, True)
    assert schemas.object_keys({"type": "object", "properties": {"a": {}}, "additionalProperties": False}, {}) == (
        {"a"}, False)
    assert schemas.kinds({"allOf": [{"$ref": "#/$defs/Tag"}]}, DEFS) == ["object"]
    assert schemas.kinds({}, DEFS) == []
    assert schemas.coerce_text("FALSE", {"type": "boolean"}) is False
    assert schemas.coerce_text("1.0", {"type": "integer"}) == "1.0"
    assert schemas.typed_text("[1", ["array", "string"]) == "[1"
    assert schemas.numbered({"1": "b", "0": "a", "10": "c"}) == ["a", "b", "c"]
    assert schemas.numbered({"a": 1}) == {"a": 1}
    assert schemas.is_object({"properties": {}}) and not schemas.is_object({"type": "array"})
