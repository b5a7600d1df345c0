"""Mock answers: an operation's first declared success response, its example when one fits the
schema, else a value built from the schema (``Mocker``), with its declared headers.

A request directs the mock with ``Prefer`` (RFC 7240; Prism's conventions): ``code=404`` answers
that declared response (``4XX`` or ``default`` cover the codes they stand for; an undeclared code
is a 400 problem naming the declared ones), ``example=<name>`` the named example of the spec's
``examples`` map (400 naming the known ones otherwise), ``dynamic=true`` data generated at random
(``dynamic.DynamicMocker``) instead of the examples; repeatable with the app's ``seed``.
"""

from __future__ import annotations

import copy
import json
import logging
import math
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi.responses import Response

from .patterns import from_pattern
from .problems import ProblemError

if TYPE_CHECKING:
    from .state import Runtime

_log = logging.getLogger(__name__)

_MAX_DEPTH = 6
_FORMATS = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "12:00:00Z",
    "duration": "P1D",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "iri": "https://example.com/",
    "uri-reference": "/",
    "iri-reference": "/",
    "uri-template": "/{id}",
    "json-pointer": "/a",
    "relative-json-pointer": "0",
    "regex": "^a$",
    "byte": "AAAA",
    "binary": "",
    "password": "secret",
    "int32": "1",
    "int64": "1",
}


@dataclass(frozen=True, slots=True)
class Directions:
    """What a request's ``Prefer`` header asks of the mock."""

    code: int | None = None
    example: str | None = None
    dynamic: bool = False

    @property
    def applied(self) -> str:
        """The ``Preference-Applied`` text of these directions ("" for none)."""
        parts = [f"code={self.code}"] if self.code is not None else []
        if self.example is not None:
            parts.append(f"example={self.example}")
        if self.dynamic:
            parts.append("dynamic=true")
        return ", ".join(parts)


NO_DIRECTIONS = Directions()


def directions(prefer: str | None) -> Directions:
    """The mock directions of a ``Prefer`` header (preferences it does not know are ignored)."""
    if not prefer:
        return NO_DIRECTIONS
    found: dict[str, str] = {}
    for token in prefer.replace(";", ",").split(","):
        key, sep, value = token.strip().partition("=")
        if sep:
            found.setdefault(key.strip().lower(), value.strip().strip('"'))
    code = found.get("code")
    if code is not None and not (code.isdigit() and len(code) == 3):
        raise ProblemError(
            400, "Bad Request", detail=f"Prefer: code={code} is not a status code", prefer=prefer
        )
    dynamic = found.get("dynamic", "false").lower() == "true"
    example = found.get("example")
    if code is None and example is None and not dynamic:
        return NO_DIRECTIONS
    return Directions(int(code) if code is not None else None, example, dynamic)


def declared_response(state: Runtime, operation: str, code: int | None) -> dict[str, Any] | None:
    """The declared response to answer with: the success one, or the one ``code`` names (exact,
    then ``NXX``, then ``default``); None when the operation declares no response at all."""
    entry = state.operation(operation)
    success: dict[str, Any] | None = entry.get("response")
    if code is None or (success is not None and success["status"] == code):
        return success
    others: dict[str, Any] = entry.get("others", {})
    for key in (str(code), f"{code // 100}XX", "default"):
        if key in others:
            return {**others[key], "status": code}
    declared = sorted([*others, *([str(success["status"])] if success is not None else [])])
    raise ProblemError(
        400,
        "Bad Request",
        detail=f"Prefer: code={code}: operation {operation!r} declares no such response "
        f"(declared: {', '.join(declared) or 'none'})",
        operation=operation,
        declared=declared,
    )


def mock_response(
    state: Runtime,
    operation: str,
    wanted: Directions = NO_DIRECTIONS,
    rng: random.Random | None = None,
) -> Response:
    """The mock answer of ``operation`` as ``wanted`` directs (see the module's docstring);
    ``rng`` draws the values of ``dynamic=true``."""
    spec = declared_response(state, operation, wanted.code)
    if spec is None:
        if wanted.example is not None:
            _no_example(operation, wanted.example, [])
        return Response(status_code=200)
    status: int = spec["status"]
    headers = {}
    mocker = Mocker(state)
    if wanted.dynamic and rng is not None:
        from .dynamic import DynamicMocker

        mocker = DynamicMocker(state, rng)
    for header in spec["headers"]:
        text = _header_text(mocker.value(header["schema"]))
        if text is not None:
            headers[header["name"]] = text
    contents = spec["contents"]
    if status in (204, 205, 304) or status < 200 or not contents:
        if wanted.example is not None:
            _no_example(operation, wanted.example, [])
        # No body; the media type still names JSON, which a Swagger 2 'produces' may promise.
        return Response(status_code=status, headers=headers, media_type="application/json")
    content = next((c for c in contents if c["kind"] == "json"), contents[0])
    value = _value(state, operation, content, wanted, mocker)
    media_type = content["media_type"]
    if media_type.split(";", 1)[0].strip().lower() == "text/event-stream":
        from .streaming import mock_events

        return mock_events(mocker, content["schema"], status, headers)
    if content["kind"] == "json":
        if "*" in media_type:
            media_type = "application/json"
        body = json.dumps(value, ensure_ascii=False).encode("utf-8")
    elif content["kind"] == "binary":
        body = value.encode("utf-8") if isinstance(value, str) else b""
    else:
        body = (value if isinstance(value, str) else json.dumps(value)).encode("utf-8")
    if "*" in media_type:
        media_type = "application/octet-stream" if content["kind"] == "binary" else "text/plain"
    return Response(body, status_code=status, headers=headers, media_type=media_type)


def _value(
    state: Runtime, operation: str, content: dict[str, Any], wanted: Directions, mocker: Mocker
) -> Any:
    """The body's value: the named example, else (unless dynamic) the first example that fits,
    else one made by ``mocker`` (the static one when a dynamic value does not fit)."""
    schema = content["schema"]
    if wanted.example is not None:
        named: dict[str, Any] = content.get("named", {})
        if wanted.example not in named:
            _no_example(operation, wanted.example, list(named))
        return copy.deepcopy(named[wanted.example])
    if not wanted.dynamic:
        for example in content["examples"]:
            if state.is_valid(schema, example):
                return copy.deepcopy(example)
    value = mocker.value(schema)
    if type(mocker) is not Mocker and not state.is_valid(schema, value):
        value = Mocker(state).value(schema)
    if not state.is_valid(schema, value):
        _log.warning("mock answer of %r does not fit its schema", operation)
    return value


def _no_example(operation: str, name: str, known: list[str]) -> None:
    raise ProblemError(
        400,
        "Bad Request",
        detail=f"Prefer: example={name}: the response of {operation!r} has no example of that name"
        f" (named examples: {', '.join(known) or 'none'})",
        operation=operation,
        examples=known,
    )


def _header_text(value: Any) -> str | None:
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list):
        text = ",".join(str(_header_text(v)) for v in value)
    elif isinstance(value, dict):
        text = ",".join(f"{k},{_header_text(v)}" for k, v in value.items())
    elif value is None:
        return None
    else:
        text = str(value)
    return text if text.isascii() and text.isprintable() else None


class Mocker:
    """Values that fit a schema: its examples, then its default, then synthesized (bounded depth)."""

    def __init__(self, state: Runtime) -> None:
        self.state = state

    def value(self, schema: Any, depth: int = 0, index: int = 0) -> Any:
        """A value fitting ``schema`` (``index`` varies it, for unique items)."""
        if not isinstance(schema, dict) or depth > 4 * _MAX_DEPTH:
            return None
        for candidate in self._given(schema):
            if self.state.is_valid(schema, candidate):
                return copy.deepcopy(candidate)
        if "$ref" in schema:
            target = self.state.defs.get(str(schema["$ref"]).rsplit("/", 1)[-1], {})
            return self.value(target, depth + 1, index)
        if "enum" in schema:
            values = schema["enum"]
            return copy.deepcopy(self._choice(values, index)) if values else None
        if "anyOf" in schema:
            return self._any_of(schema["anyOf"], depth, index)
        kind = schema.get("type")
        if kind == "object" or "allOf" in schema or "properties" in schema:
            return self._object(schema, depth, index)
        if kind == "array":
            return self._array(schema, depth, index)
        if kind == "string":
            return self._string(schema, index)
        if kind in ("integer", "number"):
            return self._number(schema, index, integer=kind == "integer")
        if kind == "boolean":
            return self._boolean(index)
        if kind == "null":
            return None
        return f"value{index}" if index else "value"

    def _given(self, schema: dict[str, Any]) -> list[Any]:
        """The values the schema offers itself: its examples, then its default."""
        return [*schema.get("examples", ()), *([schema["default"]] if "default" in schema else [])]

    def _choice(self, values: list[Any], index: int) -> Any:
        return values[index % len(values)]

    def _boolean(self, index: int) -> bool:
        return index % 2 == 0

    def _any_of(self, variants: list[Any], depth: int, index: int) -> Any:
        # Deep down, prefer the variant that ends the recursion (null, then anything but a ref).
        order = sorted(
            variants,
            key=lambda v: (
                depth < _MAX_DEPTH or v.get("type") != "null",
                depth >= _MAX_DEPTH and "$ref" in v,
            ),
        )
        first = None
        for variant in order:
            value = self.value(variant, depth + 1, index)
            if self.state.is_valid(variant, value):
                return value
            first = value if first is None else first
        return first

    def _object(self, schema: dict[str, Any], depth: int, index: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for part in schema.get("allOf", ()):
            value = self.value(part, depth + 1, index)
            if isinstance(value, dict):
                result.update(value)
        required = set(schema.get("required", ()))
        for name, prop in schema.get("properties", {}).items():
            if name in result and name not in required:
                continue
            wanted = name in required or depth < 4 or (depth < _MAX_DEPTH and not _recursive(prop))
            if wanted and not (isinstance(prop, dict) and prop.get("writeOnly")):
                result[name] = self.value(prop, depth + 1, index)
        return result

    def _array(self, schema: dict[str, Any], depth: int, index: int) -> list[Any]:
        low = int(schema.get("minItems", 0))
        high = schema.get("maxItems")
        count = max(low, 1 if depth < _MAX_DEPTH else 0)
        if high is not None:
            count = min(count, int(high))
        items = schema.get("items", {})
        return [self.value(items, depth + 1, index + i) for i in range(count)]

    def _string(self, schema: dict[str, Any], index: int) -> str:
        low = int(schema.get("minLength", 0))
        high = schema.get("maxLength")
        regex = schema.get("pattern")
        if isinstance(regex, str):
            found = from_pattern(regex, low, high)
            if found is not None:
                return found
        text = _FORMATS.get(str(schema.get("format")), "string")
        if index and "format" not in schema:
            text += str(index)
        if len(text) < low:
            text += "x" * (low - len(text))
        return text[: int(high)] if high is not None else text

    def _number(self, schema: dict[str, Any], index: int, *, integer: bool) -> int | float:
        low, high = schema.get("minimum"), schema.get("maximum")
        ex_low, ex_high = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
        step = schema.get("multipleOf") or 1
        bounds = [b for b in (low, high, ex_low, ex_high) if b is not None]
        candidates: list[float] = [index, 0]
        for b in bounds:
            candidates += [b, b + 1, b - 1, math.ceil(b / step) * step, math.floor(b / step) * step]
        if len(bounds) >= 2:
            candidates.append((min(bounds) + max(bounds)) / 2)
        for b in bounds:  # the next multiples beyond an exclusive bound that is one itself
            candidates += [math.ceil(b / step) * step + step, math.floor(b / step) * step - step]
        valid = [
            value
            for value in (int(c) if integer and float(c).is_integer() else c for c in candidates)
            if (not integer or isinstance(value, int)) and self.state.is_valid(schema, value)
        ]
        if not valid:
            return int(candidates[-1]) if integer else float(candidates[-1])
        # 'index' asks for the index-th distinct value (unique items).
        for shifted in (valid[0] + index * step, valid[0] - index * step):
            if index and self.state.is_valid(schema, shifted):
                return shifted
        return valid[0]


def _recursive(prop: Any) -> bool:
    return isinstance(prop, dict) and ("$ref" in prop or "allOf" in prop or "anyOf" in prop)
