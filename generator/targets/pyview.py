"""IR types → Python type hints and literals (shared by the Python targets)."""

from __future__ import annotations

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

    def __init__(self, api: ir.Api, prefix: str = "") -> None:
        self.names = {m.key: m.name for m in api.models}
        self.kinds = {m.key: m.kind for m in api.models}
        self.prefix = prefix

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
            return _literal_hint(t)
        return "Any"

    def optional(self, t: ir.Type) -> str:
        """The annotation of a value that may also be ``None``."""
        text = self.hint(t)
        if text == "Any" or text == "None" or text.endswith("| None"):
            return text
        return f"{text} | None"


def literal(value: ir.JSONValue) -> str:
    """A Python literal of a frozen JSON value (the ``pyrepr`` filter: always inert)."""
    from ..render import pyrepr

    return pyrepr(value)


def is_nullable(t: ir.Type) -> bool:
    """True when ``None`` is a valid value of the type."""
    return t == ir.NULL or isinstance(t, ir.Any_) or isinstance(t, ir.Union_) and ir.NULL in t.variants


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
    return p.location == "path" or p.required and not p.has_default


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
