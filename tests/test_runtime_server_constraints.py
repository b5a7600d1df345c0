"""The server runtime's annotation checks, called directly (through pydantic, as the endpoints use
them): patterns, literals spelled as text, unique items, known enum members, RFC 3339 text,
restored path values; and the cached typed reading."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Literal

import pytest
from fastapi.exceptions import RequestValidationError
from pydantic import TypeAdapter, ValidationError
from runtime_server_support import errors

from generator.runtime.server import constraints as c


def _check(tp: Any, value: Any) -> Any:
    return TypeAdapter(tp).validate_python(value)


def test_pattern_searches_like_json_schema() -> None:
    tp = Annotated[str, c.pattern("[0-9]{2}")]
    assert _check(tp, "ab12cd") == "ab12cd"  # search, not match
    with pytest.raises(ValidationError, match="does not match the pattern"):
        _check(tp, "a1")


def test_literal_text() -> None:
    tp = Annotated[Literal[2, True, "x"], c.literal_text(2, True, "x")]
    assert _check(tp, "2") == 2
    assert _check(tp, "true") is True
    assert _check(tp, "x") == "x"
    with pytest.raises(ValidationError):
        _check(tp, "3")


def test_unique_items() -> None:
    tp = Annotated[list[Any], c.unique_items()]
    assert _check(tp, [1, "1", [1]]) == [1, "1", [1]]
    with pytest.raises(ValidationError, match="items are not unique"):
        _check(tp, [{"a": 1}, {"a": 1}])


class Open(str, Enum):
    """An enum that takes unknown values, as the models' do."""

    A = "a"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        member = str.__new__(cls, str(value))
        member._name_ = str(value).upper()
        member._value_ = value
        return member


def test_known_member() -> None:
    tp = Annotated[Open, c.known_member()]
    assert _check(tp, "a") is Open.A
    with pytest.raises(ValidationError, match="not one of the allowed values: 'a'"):
        _check(tp, "b")


@pytest.mark.parametrize(("kind", "text", "ok"), [
    ("date-time", "2024-01-02T03:04:05Z", True),
    ("date-time", "2024-01-02 03:04:05.123+01:00", True),
    ("date-time", "2024-01-02T03:04:05", False),  # no offset
    ("date-time", "1700000000", False),  # pydantic would read a timestamp
    ("date", "2024-01-02", True),
    ("date", "20240102", False),
])
def test_rfc3339(kind: str, text: str, ok: bool) -> None:
    tp = Annotated[str, c.rfc3339(kind)]
    if ok:
        assert _check(tp, text) == text
    else:
        with pytest.raises(ValidationError, match="not an RFC 3339"):
            _check(tp, text)


def test_restored_path_value_is_checked_as_sent() -> None:
    tp = Annotated[str, c.restored(), c.pattern("^[a-z]+/[a-z]+$")]
    assert _check(tp, "stage\ue000abc") == "stage/abc"


def test_checked_locates_errors_and_reuses_its_adapter() -> None:
    key = ("test", "checked", "n")
    assert c.checked(key, list[int], ["1", 2], ("query", "n")) == [1, 2]
    with pytest.raises(RequestValidationError) as caught:
        c.checked(key, str, ["x"], ("query", "n"))  # the adapter of the key, made once: list[int]
    assert errors(caught.value) == [(("query", "n", 0), "int_parsing")]


def test_a_body_is_read_by_wire_names_only() -> None:
    """A key equal to a field's Python name but not its wire name is no value of that field
    (pydantic 2.11 and later can be told so): it stays an unknown key, as it came."""
    from pydantic import BaseModel, ConfigDict, Field

    class Thing(BaseModel):
        model_config = ConfigDict(populate_by_name=True, extra="allow")
        name: str | None = Field(default=None, alias="Name")

    read = c.checked(("test", "wire-names"), Thing, {"name": "x", "Name": "y"}, ("body",))
    assert read.name == "y" and read.model_extra == {"name": "x"}
    only_python = c.checked(("test", "wire-names"), Thing, {"name": "x"}, ("body",))
    assert only_python.name is None and only_python.model_extra == {"name": "x"}
