"""Checks the endpoints' annotations carry beside pydantic's own (``Annotated[str, _rt.pattern(...)]``),
and the typed reading of a decoded parameter or body (one cached ``TypeAdapter`` per place)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from enum import Enum
from typing import Any

from pydantic import VERSION as PYDANTIC_VERSION
from pydantic import AfterValidator, BeforeValidator, TypeAdapter, ValidationError

from .dispatch import unslash
from .problems import validation_error


def pattern(regex: str) -> AfterValidator:
    """A ``pattern`` check with Python's ``re`` (JSON Schema semantics: search, not match)."""
    compiled = re.compile(regex)

    def check(value: str) -> str:
        if compiled.search(value) is None:
            raise ValueError(f"does not match the pattern {regex!r}")
        return value

    return AfterValidator(check)


def literal_text(*values: Any) -> BeforeValidator:
    """Read a parameter's text as the value of a ``Literal`` of numbers or booleans that it spells
    in JSON ('2' is 2, 'true' is True): pydantic compares literals strictly, so the text '2' would
    never be the value 2. Any other text is left for the ``Literal`` to refuse."""
    spelled = {json.dumps(v): v for v in values if not isinstance(v, str)}

    def parse(value: Any) -> Any:
        return spelled.get(value, value) if isinstance(value, str) else value

    return BeforeValidator(parse)


def unique_items() -> AfterValidator:
    """A ``uniqueItems: true`` check."""

    def check(value: list[Any]) -> list[Any]:
        seen: list[Any] = []
        for item in value:
            if item in seen:
                raise ValueError("items are not unique")
            seen.append(item)
        return value

    return AfterValidator(check)


def known_member() -> AfterValidator:
    """The models' enums take unknown values (forward compatible reading); a server does not."""

    def check(value: Any) -> Any:
        if isinstance(value, Enum) and value not in list(type(value)):
            allowed = ", ".join(repr(m.value) for m in type(value))
            raise ValueError(f"not one of the allowed values: {allowed}")
        return value

    return AfterValidator(check)


_RFC3339 = {
    "date-time": re.compile(
        r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)", re.ASCII
    ),
    "date": re.compile(r"\d{4}-\d\d-\d\d", re.ASCII),
}


def rfc3339(kind: str) -> BeforeValidator:
    """A ``date-time`` or ``date`` parameter must be RFC 3339 text (pydantic alone also reads
    numbers as timestamps)."""
    compiled = _RFC3339[kind]

    def check(value: Any) -> Any:
        if isinstance(value, str) and compiled.fullmatch(value) is None:
            raise ValueError(f"not an RFC 3339 {kind}")
        return value

    return BeforeValidator(check)


def restored() -> BeforeValidator:
    """A path parameter's text with its encoded delimiters restored before it is checked: a
    pattern, a length or an enum applies to the value the client sent (``stage/abc``), not to
    the form it was routed in."""
    return BeforeValidator(unslash)


_ADAPTERS: dict[tuple[str, ...], TypeAdapter[Any]] = {}

# A request's keys are read by alias only where pydantic can say so (2.11 and later): a key that
# equals a field's Python name but not its wire name stays an unknown key, as it came.
_WIRE_KEYS: dict[str, Any] = (
    {"by_alias": True, "by_name": False}
    if tuple(int(part) for part in PYDANTIC_VERSION.split(".")[:2]) >= (2, 11)
    else {}
)


def checked(key: tuple[str, ...], tp: Any, value: Any, where: Sequence[str | int]) -> Any:
    """``value`` validated as the Python type ``tp`` (a 422 located at ``where`` if it is not);
    ``key`` names the place, whose adapter is made once."""
    adapter = _ADAPTERS.get(key)
    if adapter is None:
        adapter = _ADAPTERS[key] = TypeAdapter(tp)
    try:
        return adapter.validate_python(value, **_WIRE_KEYS)
    except ValidationError as exc:
        raise validation_error(where, exc) from None
