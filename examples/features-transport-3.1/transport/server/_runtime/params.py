"""Parameters FastAPI cannot read itself, read from the raw request as their style says (OpenAPI
``style`` and ``explode`` per location: path ``simple``/``label``/``matrix``, query ``form``,
``spaceDelimited``, ``pipeDelimited``, ``deepObject``, headers, cookies), then checked and typed."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import unquote, unquote_plus

from fastapi import Request
from fastapi.exceptions import RequestValidationError

from .constraints import checked
from .dispatch import unslash
from .problems import request_error
from .schemas import numbered, object_keys, properties, resolve
from .state import runtime


@dataclass(frozen=True, slots=True)
class Param:
    """How a parameter the runtime reads itself travels: location, style, explode, shape."""

    operation: str
    key: str
    wire: str
    location: str
    style: str
    explode: bool
    shape: str
    required: bool

    @property
    def where(self) -> tuple[str, str]:
        """The error location naming the parameter."""
        return (self.location, self.wire)


_QUERY_DELIMITERS = {
    "form": re.compile(","),
    "spaceDelimited": re.compile(r"%20|\+| "),
    "pipeDelimited": re.compile(r"%7[cC]|\|"),
    "tabDelimited": re.compile(r"%09|\t"),
}
# The wire value of an absent parameter.
MISSING: Any = object()


def decode(request: Request, param: Param, tp: Any, default: Any = None) -> Any:
    """A parameter read from the raw request as its style says, checked and typed (422 if not).

    Objects, unions and arrays of objects or arrays are read with their JSON Schema: it says which
    text is a number, which nested value came as JSON text, which query key is whose.
    """
    schema = _param_schema(request, param)
    union = param.shape == "union"
    found = _union_value(request, param, schema) if union else wire_value(request, param)
    if found is MISSING:
        if param.required:
            raise request_error(param.where, "Field required", "missing")
        return default
    if schema is not None and not union:
        state = runtime(request)
        if param.shape == "object" and not isinstance(found, dict):
            required = resolve(schema, state.defs).get("required", ())
            found = pairs_object(param, found, properties(schema, state.defs), required)
        found = state.typed(found, schema)
        state.validate(schema, found, param.where)
    return checked(("param", param.operation, param.key), tp, found, param.where)


def _param_schema(request: Request, param: Param) -> Any:
    params: dict[str, Any] = runtime(request).operation(param.operation).get("params", {})
    return params.get(param.key)


def _union_value(request: Request, param: Param, schema: Any) -> Any:
    """The value of a parameter of several types: each way the wire can be read (as an object,
    an array, a plain value), the structured ones first when the wire shows structure, typed by
    the schema; the first that fits it wins (else the first is refused with the schema's errors).
    """
    state = runtime(request)
    plain: list[Any] = []
    structured: list[Any] = []
    for shape in ("object", "array", "scalar"):
        try:
            value = wire_value(request, replace(param, shape=shape))
        except RequestValidationError:
            continue
        if value is MISSING:
            continue
        if shape == "object" and isinstance(value, list):
            if len(value) % 2:  # (none: an empty object)
                continue
            value = dict(zip(value[::2], value[1::2], strict=True))
        if isinstance(value, dict) or (isinstance(value, list) and len(value) != 1):
            structured.append(value)
        else:
            plain.append(value)
    plain.sort(key=lambda v: not isinstance(v, str))  # 'a' before ['a']
    readings = [state.typed(v, schema) for v in structured + plain]
    if not readings:
        return MISSING
    for value in readings:
        if state.is_valid(schema, value):
            return value
    state.validate(schema, readings[0], param.where)
    return readings[0]


def pairs_object(
    param: Param, items: list[str], declared: Mapping[str, Any], required: Sequence[str]
) -> dict[str, str]:
    """``R,100,G,200`` (items already split) as an object.

    When the items do not pair up into the required properties (a sender that left a ','
    inside a name or value unencoded), the ``declared`` properties are looked up by name instead.
    """
    if len(items) % 2 == 0:
        found = dict(zip(items[::2], items[1::2], strict=True))
        if all(name in found for name in required):
            return found
    found = {}
    for name in declared:
        at = [i for i, item in enumerate(items[:-1]) if item == name]
        if at:
            found[name] = items[at[-1] + 1]
    if not found and len(items) % 2:
        raise request_error(param.where, "expected name,value pairs", "value_error")
    return found


def wire_value(request: Request, param: Param) -> Any:
    """The parameter's raw value(s): a string (scalar), a list of strings, a dict, or ``MISSING``."""
    if param.location == "path":
        return path_value(param, str(request.path_params.get(param.key, "")))
    if param.location == "query":
        return _query_value(request, param)
    if param.location == "header":
        values = request.headers.getlist(param.wire)
        if not values:
            return MISSING
        return _simple(param, ",".join(values), str)
    return _cookie_value(request, param)


def _simple(param: Param, text: str, restore: Callable[[str], str]) -> Any:
    """A simple-style value: ``a,b`` (array), ``R,1,G,2`` or exploded ``R=1,G=2`` (object)."""
    if param.shape == "scalar":
        return restore(text)
    items = text.split(",") if text != "" else []
    if param.shape == "array":
        return [restore(i) for i in items]
    if param.explode:
        return _exploded(param, items, ",", restore)
    return [restore(i) for i in items]


def _exploded(
    param: Param, tokens: list[str], glue: str, restore: Callable[[str], str]
) -> dict[str, str]:
    """``name=value`` tokens as an object; a token without '=' belongs to the previous value
    (a '.' inside a number, in label style)."""
    pairs: list[list[str]] = []
    for token in tokens:
        name, sep, value = token.partition("=")
        if sep:
            pairs.append([name, value])
        elif pairs:
            pairs[-1][1] += glue + token
        else:
            raise request_error(
                param.where, f"expected name=value, got {restore(token)!r}", "value_error"
            )
    return {restore(k): restore(v) for k, v in pairs}


def path_value(param: Param, text: str) -> Any:
    """A path parameter's value from its routed text (``simple``, ``label`` or ``matrix``)."""
    if param.style == "label":
        if not text.startswith("."):
            raise request_error(param.where, "a label-style value starts with '.'", "value_error")
        text = text[1:]
        if param.shape == "scalar":
            return unslash(text)
        if param.shape == "object" and param.explode:
            return _exploded(param, text.split(".") if text else [], ".", unslash)
        separator = "." if param.explode and param.shape == "array" else ","
        return [unslash(i) for i in (text.split(separator) if text else [])]
    if param.style == "matrix":
        if not text.startswith(";"):
            raise request_error(param.where, "a matrix-style value starts with ';'", "value_error")
        tokens = text[1:].split(";")
        if param.shape == "object" and param.explode:
            return _exploded(param, tokens, ";", unslash)
        values = []
        for token in tokens:
            name, sep, value = token.partition("=")
            if unslash(name) != param.wire or (param.shape != "scalar" and not sep):
                raise request_error(param.where, f"expected ;{param.wire}=...", "value_error")
            values.append(value)
        if param.shape == "scalar":
            if len(values) != 1:
                raise request_error(param.where, "expected a single value", "value_error")
            return unslash(values[0])
        if param.shape == "array" and param.explode:
            return [unslash(v) for v in values]
        if len(values) != 1:
            raise request_error(param.where, f"expected a single ;{param.wire}=...", "value_error")
        return [unslash(v) for v in (values[0].split(",") if values[0] else [])]
    return _simple(param, text, unslash)


def query_pairs(request: Request) -> list[tuple[str, str]]:
    """The query as (decoded name, raw value) pairs: a value's delimiters are still told apart
    from the same characters percent-encoded inside an item."""
    query: bytes = request.scope.get("query_string", b"")
    pairs = []
    for piece in query.decode("latin-1").split("&"):
        if piece:
            name, _, value = piece.partition("=")
            pairs.append((_unquote_query(name), value))
    return pairs


def _unquote_query(text: str) -> str:
    return unquote_plus(text, encoding="utf-8", errors="replace")


def deep_object(pairs: list[tuple[str, str]], wire: str) -> Any:
    """``name[key]=value`` pairs as an object; nested keys (``name[a][b]``, ``name[a][0]``,
    ``name[a][]``), the form Rails, qs and Stripe use, as nested objects (numbered ones become
    lists where the schema wants an array)."""
    prefix = wire + "["
    found: dict[str, Any] = {}
    for name, value in pairs:
        if not (name.startswith(prefix) and name.endswith("]")):
            continue
        path = name[len(prefix) : -1].split("][")
        node = found
        for key in path[:-1]:
            child = node.get(key)
            if not isinstance(child, dict):
                child = node[key] = {}
            node = child
        node[path[-1] or str(len(node))] = _unquote_query(value)
    return found or MISSING


def _query_value(request: Request, param: Param) -> Any:
    pairs = query_pairs(request)
    if param.style == "deepObject" and param.shape in ("object", "array"):
        nested = deep_object(pairs, param.wire)
        if param.shape == "object":
            return nested
        if nested is not MISSING and all(n != param.wire for n, _ in pairs):
            return numbered(nested)  # lines[0][price]=...: an array of objects
    if param.shape == "object" and param.style == "form" and param.explode:
        # The properties are query keys of their own: the declared ones, and for a map or a
        # free-form object every key no other parameter claims.
        state = runtime(request)
        entry = state.operation(param.operation)
        names, takes_others = object_keys(entry.get("params", {}).get(param.key, {}), state.defs)
        claimed = set(entry.get("claimed", ()))
        found = {
            n: _unquote_query(v)
            for n, v in pairs
            if n in names
            or (takes_others and n not in claimed and n.split("[", 1)[0] not in claimed)
        }
        return found or MISSING
    raw = [v for n, v in pairs if n == param.wire]
    if not raw:
        return MISSING
    if param.shape == "scalar":
        return _unquote_query(raw[-1])
    delimiter = _QUERY_DELIMITERS.get(param.style, _QUERY_DELIMITERS["form"])
    if param.shape == "object" and len(raw) == 1 and raw[0] and delimiter.search(raw[0]) is None:
        # An object has at least one delimiter: a sender that encoded them all (``%2C``) is
        # understood too (an array item may hold an encoded delimiter, an object never lacks one).
        return delimiter.split(_unquote_query(raw[0]))
    items = [_unquote_query(i) for v in raw for i in (delimiter.split(v) if v != "" else [])]
    return items


def cookie_pairs(request: Request) -> list[tuple[str, str]]:
    """The ``Cookie`` header's pairs, in order, repeated names kept (values still encoded)."""
    pairs = []
    for header in request.headers.getlist("cookie"):
        for piece in header.split(";"):
            name, sep, value = piece.strip().partition("=")
            if sep:
                value = value.strip()
                if len(value) >= 2 and value[0] == value[-1] == '"':
                    value = value[1:-1]
                pairs.append((name.strip(), value))
    return pairs


def _unquote_cookie(text: str) -> str:
    return unquote(text, encoding="utf-8", errors="replace")


def _cookie_value(request: Request, param: Param) -> Any:
    pairs = cookie_pairs(request)
    if param.shape == "object" and param.explode:
        state = runtime(request)
        schema = state.operation(param.operation).get("params", {}).get(param.key, {})
        names, _ = object_keys(schema, state.defs)
        found = {n: _unquote_cookie(v) for n, v in pairs if n in names}
        return found or MISSING
    raw = [v for n, v in pairs if n == param.wire]
    if not raw:
        return MISSING
    if param.shape == "array" and param.explode:
        return [_unquote_cookie(v) for v in raw]
    return _simple(param, raw[-1], _unquote_cookie)
