"""Valid arguments for every operation of a spec, built from the IR: what a careful user would
pass (constraints, formats and patterns respected, read-only fields left out)."""

from __future__ import annotations

import base64
import re
import typing
import warnings
from typing import Any

from generator import ir

FORMATS = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "time": "03:04:05",
    "uuid": "6f1c2a52-8f3e-4b9a-9d8e-2c1f0a7b3e4d",
    "email": "user@example.com",
    "uri": "https://example.com/a",
    "url": "https://example.com/a",
    "hostname": "example.com",
    "ipv4": "127.0.0.1",
    "ipv6": "::1",
    "byte": base64.b64encode(b"oagen").decode(),
    "password": "pa55word",
}
CANDIDATES = ["Abc", "abc", "A", "a", "1", "abc123", "ABC", "a-b", "x@y.z", "2024-01-02"]


def _string(p: ir.Primitive) -> Any:
    c = p.constraints
    if p.format == "binary":
        return b"oagen"
    text = FORMATS.get(p.format or "", "abc")
    if c.pattern:
        options = [text, *CANDIDATES]
        fitting = [o for o in options if re.search(c.pattern, o)]
        text = fitting[0] if fitting else _from_regex(c.pattern)
    if c.min_length is not None and len(text) < c.min_length:
        text = text + "x" * (c.min_length - len(text))
    if c.max_length is not None and len(text) > c.max_length:
        text = text[: c.max_length]
    return text


def _from_regex(pattern: str) -> str:
    from hypothesis import strategies as st
    from hypothesis.errors import NonInteractiveExampleWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NonInteractiveExampleWarning)
        return str(st.from_regex(pattern, fullmatch=True).example())


def _number(p: ir.Primitive) -> Any:
    c = p.constraints
    low = c.minimum if c.minimum is not None else c.exclusive_minimum
    high = c.maximum if c.maximum is not None else c.exclusive_maximum
    step = c.multiple_of or 1
    value: float = 1 if p.kind == "integer" else 1.5
    if low is not None and value <= low:
        value = low + (step if c.exclusive_minimum is not None and c.minimum is None else 0)
    if high is not None and value >= high:
        value = high - (step if c.exclusive_maximum is not None and c.maximum is None else 0)
    if c.multiple_of:
        value = (value // c.multiple_of) * c.multiple_of or c.multiple_of
    return int(value) if p.kind == "integer" else float(value)


class Values:
    """JSON data valid for IR types of one API."""

    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.models = {m.key: m for m in api.models}

    def data(self, t: ir.Type, depth: int = 0) -> Any:
        """Valid JSON data for a type (binary strings as bytes)."""
        if isinstance(t, ir.Primitive):
            if t.kind == "string":
                return _string(t)
            if t.kind in ("integer", "number"):
                return _number(t)
            return True if t.kind == "boolean" else None
        if isinstance(t, ir.Literal):
            return ir.thaw(t.values[0])
        if isinstance(t, ir.Array):
            # Two items where allowed: one item of an exploded form array reads like a plain value.
            c = t.constraints
            count = max(1 if c.unique_items or c.max_items == 1 else 2, c.min_items or 0)
            item = self.data(t.items, depth + 1)
            return [item] * count
        if isinstance(t, ir.Map):
            return {"key": self.data(t.values, depth + 1)}
        if isinstance(t, ir.Union_):
            variants = [v for v in t.variants if v != ir.NULL] or list(t.variants)
            return self.data(variants[0], depth)
        if isinstance(t, ir.Named):
            return self.model(self.models[t.key], depth)
        return "abc"

    def model(self, m: ir.Model, depth: int) -> Any:
        if m.kind == "enum":
            return ir.thaw(m.members[0].value)
        if m.kind == "alias":
            return self.data(m.alias or ir.ANY, depth)
        out: dict[str, Any] = {}
        for base in m.bases:
            base_data = self.model(self.models[base], depth)
            if isinstance(base_data, dict):
                out.update(base_data)
        for f in m.fields:
            if f.read_only or (not f.required and depth > 1):
                continue
            out[f.wire_name] = self.data(f.type, depth + 1)
        return out


def arguments(api: ir.Api, op: ir.Operation, method: Any) -> dict[str, Any]:
    """Keyword arguments for a client method: every parameter (optional ones too) and the body."""
    import pydantic

    values = Values(api)
    hints = typing.get_type_hints(method)
    args: dict[str, Any] = {}
    for p in op.parameters:
        args[p.name] = pydantic.TypeAdapter(hints[p.name]).validate_python(values.data(p.type))
    if op.body is not None and op.body.contents:
        content = op.body.contents[0]
        if content.kind == "binary":
            args["body"] = b"oagen"
        elif content.kind == "text":
            args["body"] = "oagen"
        else:
            data = values.data(content.type)
            if content.kind == "json":
                data = pydantic.TypeAdapter(hints["body"]).validate_python(data)
            args["body"] = data
    return args
