"""IR types → Python type hints and literals (shared by the Python targets)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from .. import ir

_FORMATS = {
    "date-time": "datetime.datetime",
    "date": "datetime.date",
    "uuid": "uuid.UUID",
    "binary": "bytes",
}
_KINDS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}


class TypeNamer:
    """Renders IR types as Python annotations, with model names qualified by ``prefix``."""

    def __init__(self, api: ir.Api, prefix: str = "", *, open_literals: bool = False) -> None:
        self.names = {m.key: m.name for m in api.models}
        self.kinds = {m.key: m.kind for m in api.models}
        self.aliases = {m.key: m.alias for m in api.models if m.kind == "alias" and m.alias is not None}
        self.prefix = prefix
        # What a server sends is read forward-compatibly: an enum value the spec does not list
        # yet is kept (``Literal['a', 'b'] | str``) instead of failing the call.
        self.open_literals = open_literals

    def unalias(self, t: ir.Type) -> ir.Type:
        """The type a chain of alias models stands for (``Colors`` → ``list[str]``); a nullable use
        of one stays nullable (``Note | None`` → ``str | None``, the constraints of ``Note`` kept)."""
        if isinstance(t, ir.Union_) and t.discriminator is None and ir.NULL in t.variants:
            rest = [v for v in t.variants if v != ir.NULL]
            if len(rest) != 1 or not isinstance(rest[0], ir.Named) or rest[0].key not in self.aliases:
                return t
            inner = self.unalias(rest[0])
            variants = inner.variants if isinstance(inner, ir.Union_) and inner.discriminator is None else (inner,)
            return ir.Union_(variants=(*[v for v in variants if v != ir.NULL], ir.NULL))
        seen: set[str] = set()
        while isinstance(t, ir.Named) and t.key in self.aliases and t.key not in seen:
            seen.add(t.key)
            t = self.aliases[t.key]
        return t

    def hint(self, t: ir.Type) -> str:
        """The annotation text of a type."""
        if isinstance(t, ir.Primitive):
            if t.kind == "string" and t.format in _FORMATS:
                return _FORMATS[t.format]
            return _KINDS[t.kind]
        if isinstance(t, ir.Array):
            return f"list[{self.hint(t.items)}]"
        if isinstance(t, ir.Map):
            return f"dict[str, {self.hint(t.values)}]"
        if isinstance(t, ir.Named):
            return self.prefix + self.names[t.key]
        if isinstance(t, ir.Union_):
            parts = list(dict.fromkeys(self.hint(v) for v in t.variants))
            if "Any" in parts:
                return "Any"
            nones = [p for p in parts if p == "None"]
            return " | ".join([p for p in parts if p != "None"] + nones)
        if isinstance(t, ir.Literal):
            text = _literal_hint(t)
            return text + _open_suffix(t) if self.open_literals else text
        return "Any"

    def optional(self, t: ir.Type) -> str:
        """The annotation of a value that may also be ``None``."""
        text = self.hint(t)
        if text in ("Any", "None") or text.endswith("| None"):
            return text
        return f"{text} | None"


def _open_suffix(t: ir.Literal) -> str:
    """`` | str`` (or ``| int``) that opens a multi-valued literal to values added later."""
    if len(t.values) < 2:
        return ""
    if all(isinstance(v, str) for v in t.values):
        return " | str"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in t.values):
        return " | int"
    return ""


def literal(value: ir.JSONValue) -> str:
    """A Python literal of a frozen JSON value (the ``pyrepr`` filter: always inert)."""
    return _pyrepr()(value)


@functools.cache
def _pyrepr() -> Callable[[Any], str]:
    from ..render import pyrepr  # render imports jinja2: only when a run renders

    return pyrepr


def is_nullable(t: ir.Type) -> bool:
    """True when ``None`` is a valid value of the type."""
    return t == ir.NULL or isinstance(t, ir.Any_) or (isinstance(t, ir.Union_) and ir.NULL in t.variants)


def model_refs(t: ir.Type | None) -> list[str]:
    """Keys of the models a type refers to, in order, without repeats."""
    found: dict[str, None] = {}
    stack = [t]
    while stack:
        cur = stack.pop()
        if isinstance(cur, ir.Named):
            found[cur.key] = None
        elif isinstance(cur, ir.Array):
            stack.append(cur.items)
        elif isinstance(cur, ir.Map):
            stack.append(cur.values)
        elif isinstance(cur, ir.Union_):
            stack.extend(reversed(cur.variants))
    return list(found)


def operation_types(operations: Iterable[ir.Operation], responses: bool = True) -> list[ir.Type]:
    """The types of the operations' parameters and bodies (and, with ``responses``, answers)."""
    ops = list(operations)
    types = [p.type for op in ops for p in op.parameters]
    types += [c.type for op in ops if op.body for c in op.body.contents]
    if responses:
        types += [c.type for op in ops for r in op.responses for c in r.contents]
    return types


def uses(t: ir.Type, module: str) -> bool:
    """True when the type's hint needs ``module`` imported (datetime, uuid)."""
    if isinstance(t, ir.Primitive):
        return t.kind == "string" and _FORMATS.get(t.format or "", "").startswith(module + ".")
    if isinstance(t, ir.Array):
        return uses(t.items, module)
    if isinstance(t, ir.Map):
        return uses(t.values, module)
    if isinstance(t, ir.Union_):
        return any(uses(v, module) for v in t.variants)
    return False


def required_arg(p: ir.Parameter) -> bool:
    """True when callers must pass the parameter: required without a default (path: always)."""
    return p.location == "path" or (p.required and not p.has_default)


def _literal_hint(t: ir.Literal) -> str:
    """``Literal[...]``; values a Literal cannot hold (floats, objects) widen to their type."""
    allowed = [v for v in t.values if v is None or isinstance(v, bool | int | str)]
    parts = ["Literal[" + ", ".join(literal(v) for v in allowed) + "]"] if allowed else []
    if any(isinstance(v, float) for v in t.values):
        parts.append("float")
    if any(isinstance(v, tuple | ir.JSONObject) for v in t.values):
        parts.append("Any")
    return "Any" if "Any" in parts else " | ".join(parts) or "Any"


def python_default(t: ir.Type, value: ir.JSONValue) -> str | None:
    """A default as a Python literal of the annotated type, or ``None`` when the literal would not
    be one (a date or UUID given as text: the spec keeps it, for mock answers and docs)."""
    if isinstance(t, ir.Primitive) and t.kind == "string" and t.format in _FORMATS:
        return None
    return literal(value)
