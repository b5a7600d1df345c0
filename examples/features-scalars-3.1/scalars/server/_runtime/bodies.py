"""Request bodies: the declared content the Content-Type picks (415 when none fits), read as JSON,
a form, multipart, text or bytes, checked against its schema, then typed."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl

from fastapi import Request
from starlette.datastructures import UploadFile

from . import xml
from .constraints import checked
from .jsondepth import loads
from .problems import ProblemError, request_error
from .schemas import coerce_text, is_object, properties, resolve
from .state import runtime


def media_matches(declared: str, received: str) -> bool:
    """True when a received media type (lower case, no parameters) fits a declared one (``*/*``,
    ``image/*``)."""
    declared = declared.split(";", 1)[0].strip().lower()
    if declared in ("*/*", received):
        return True
    major, _, minor = declared.partition("/")
    return minor == "*" and received.partition("/")[0] == major


async def read_body(
    request: Request, operation: str, required: bool, contents: Sequence[tuple[str, str, Any]]
) -> Any:
    """The request body, checked against the spec's schema, then parsed into the declared type.

    ``contents`` are the declared (media type, kind, Python type); the request's Content-Type
    picks one (415 when none fits).
    """
    raw = await request.body()
    received = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    # Zero bytes with a Content-Type is an empty body, which a binary or text schema may allow.
    if not raw and (not required or not received):
        if required:
            raise request_error(("body",), "a request body is required", "missing")
        return None
    chosen = next((c for c in contents if received and media_matches(c[0], received)), None)
    if chosen is None and not received:
        chosen = contents[0]
    if chosen is None:
        accepted = [c[0] for c in contents]
        raise ProblemError(
            415,
            "Unsupported Media Type",
            detail=f"send the body as one of: {', '.join(accepted)}",
            accepted=accepted,
        )
    media_type, kind, tp = chosen
    if not raw and kind not in ("binary", "text"):
        raise request_error(("body",), "a request body is required", "missing")
    state = runtime(request)
    schema = state.body_schema(operation, media_type)
    if kind == "binary":
        return raw
    if kind == "text":
        text = _text(raw)
        state.validate(schema, text, ("body",), text_only=True)
        return text
    if kind == "xml":
        # XML is text all the way down: the declared type reads it (numbers, booleans, dates).
        return checked(("body", operation, media_type), tp, xml.read(raw, tp), ("body",))
    if kind == "json":
        try:
            data = loads(raw)
        except ValueError as exc:
            raise request_error(
                ("body",), f"the body is not valid JSON: {exc}", "json_invalid"
            ) from None
        state.validate(schema, data, ("body",))
    else:
        if kind == "form":
            fields = form_fields(parse_qsl(_text(raw), keep_blank_values=True))
        else:
            fields = await _multipart(request)
        data = shape_form(fields, schema, state.defs)
        coerced = coerce_form(data, schema, state.defs)
        state.validate(schema, coerced, ("body",))
        # The model reads the values as the schema check did (an enum of booleans or numbers is a
        # Literal, which takes no text); files stay bytes.
        data = {k: v if _keep(v, coerced.get(k)) else coerced[k] for k, v in data.items()}
    return checked(("body", operation, media_type), tp, data, ("body",))


def _keep(value: Any, coerced: Any) -> bool:
    """True when the form's own value goes to the model: files (bytes), and a repeated field
    the schema does not make an array (the model refuses the list; the check read its first)."""
    if isinstance(value, list):
        return not isinstance(coerced, list) or any(isinstance(v, bytes) for v in value)
    return isinstance(value, bytes) or coerced is None


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise request_error(("body",), "the body is not UTF-8 text", "unicode_decode") from None


def form_fields(pairs: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    """Form pairs as fields: a name sent more than once holds the list of its values."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            previous = data[key]
            data[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            data[key] = value
    return data


async def _multipart(request: Request) -> dict[str, Any]:
    try:
        form = await request.form()
    except (AssertionError, ImportError):
        raise ProblemError(
            415, "Unsupported Media Type", detail="install python-multipart"
        ) from None
    except Exception as exc:  # noqa: BLE001 - a malformed multipart body is the client's error
        raise request_error(
            ("body",), f"malformed multipart body: {exc}", "multipart_invalid"
        ) from None
    pairs: list[tuple[str, Any]] = []
    for key, value in form.multi_items():
        pairs.append((key, await value.read() if isinstance(value, UploadFile) else value))
    return form_fields(pairs)


def shape_form(data: dict[str, Any], schema: Any, defs: Mapping[str, Any]) -> dict[str, Any]:
    """Form fields as the schema's shape: an array property is a list even when sent once, an
    object property (sent as JSON, multipart's default encoding) is read as JSON."""
    declared = properties(schema, defs)
    result: dict[str, Any] = {}
    for key, sent in data.items():
        prop = resolve(declared.get(key, {}), defs)
        value = sent
        if prop.get("type") == "array" and not isinstance(sent, list):
            value = [sent]
        elif is_object(prop) and isinstance(sent, str | bytes):
            with contextlib.suppress(ValueError):
                value = loads(sent)
        result[key] = value
    return result


def coerce_form(data: dict[str, Any], schema: Any, defs: Mapping[str, Any]) -> dict[str, Any]:
    """Form values are text: read them as the property's type before the schema check (a file,
    bytes, as the empty string)."""
    declared = properties(schema, defs)
    result: dict[str, Any] = {}
    for key, value in data.items():
        prop = resolve(declared.get(key, {}), defs)
        if isinstance(value, bytes):
            result[key] = ""
            continue
        if prop.get("type") == "array":
            items = resolve(prop.get("items", {}), defs)
            values = value if isinstance(value, list) else [value]
            result[key] = ["" if isinstance(v, bytes) else coerce_text(v, items) for v in values]
        else:
            result[key] = coerce_text(value[0] if isinstance(value, list) else value, prop)
    return result
