"""IR types → JSON Schema (draft 2020-12), for the stub server's validation and mock answers.

Built from the IR, not copied from the document: the IR is the one normalized truth for
Swagger 2.0, OAS 3.0 and 3.1 (``nullable``, ``x-nullable``, boolean ``exclusiveMinimum``, type
aliases and broken ``$ref`` s are already sorted out), so every schema emitted here is valid,
self-contained (models under ``$defs``) and agrees with the types the handlers receive.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .. import ir

Schema = dict[str, Any]


def ref(model: ir.Model) -> Schema:
    """A reference to a model's definition."""
    return {"$ref": "#/$defs/" + model.name}


class SchemaBuilder:
    """Renders IR types as JSON Schema, collecting the models they reach in ``defs``."""

    def __init__(self, api: ir.Api) -> None:
        self.models = {m.key: m for m in api.models}
        self.defs: dict[str, Schema] = {}

    def of(self, t: ir.Type) -> Schema:
        """The JSON Schema of an IR type."""
        if isinstance(t, ir.Primitive):
            return _primitive(t)
        if isinstance(t, ir.Array):
            schema: Schema = {"type": "array"}
            items = self.of(t.items)
            if items:
                schema["items"] = items
            return schema | _constraints(t.constraints)
        if isinstance(t, ir.Map):
            values = self.of(t.values)
            return {"type": "object", "additionalProperties": values} if values else {"type": "object"}
        if isinstance(t, ir.Named):
            model = self.models[t.key]
            self._define(model)
            return ref(model)
        if isinstance(t, ir.Union_):
            return {"anyOf": [self.of(v) for v in t.variants]}
        if isinstance(t, ir.Literal):
            return {"enum": [ir.thaw(v) for v in t.values]}
        return {}

    def _define(self, model: ir.Model) -> None:
        if model.name in self.defs:
            return
        self.defs[model.name] = {}  # placeholder: recursive models refer to themselves
        self.defs[model.name] = self._model(model)

    def _model(self, model: ir.Model) -> Schema:
        if model.kind == "enum":
            schema: Schema = {"enum": [ir.thaw(m.value) for m in model.members]}
        elif model.kind == "alias":
            schema = self.of(model.alias or ir.ANY)
        else:
            schema = self._object(model)
        return schema | _examples(model.examples)

    def _object(self, model: ir.Model) -> Schema:
        schema: Schema = {"type": "object"}
        bases = [self.of(ir.Named(key=b)) for b in model.bases if b in self.models]
        if bases:
            schema["allOf"] = bases
        properties: Schema = {}
        for f in model.fields:
            prop = self.of(f.type)
            if f.has_default:
                prop = _merge(prop, {"default": ir.thaw(f.default)})
            prop = _merge(prop, _examples(f.examples))
            if f.read_only:
                prop = _merge(prop, {"readOnly": True})
            if f.write_only:
                prop = _merge(prop, {"writeOnly": True})
            properties[f.wire_name] = prop
        if properties:
            schema["properties"] = properties
        # Like the models: a read-only or write-only property is required in one direction only.
        required = [f.wire_name for f in model.fields if f.required and not f.read_only and not f.write_only]
        if required:
            schema["required"] = required
        if model.additional is not None:
            extra = self.of(model.additional)
            if extra:
                schema["additionalProperties"] = extra
        elif model.closed:
            schema["additionalProperties"] = False
        return schema


def _merge(schema: Schema, extra: Schema) -> Schema:
    """Annotations beside a ``$ref`` go into an ``allOf`` wrapper (clearer for older tools)."""
    if not extra:
        return schema
    if "$ref" in schema:
        return {"allOf": [schema], **extra}
    return schema | extra


def _examples(values: tuple[ir.JSONValue, ...]) -> Schema:
    return {"examples": [ir.thaw(v) for v in values]} if values else {}


# OpenAPI's integer formats are ranges (OAS 3.1 §4.4); Schemathesis, for one, sends values beyond.
INTEGER_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def with_format_range(t: ir.Primitive) -> ir.Constraints:
    """The constraints, with the range of an ``int32``/``int64`` format when none is tighter."""
    bounds = INTEGER_RANGES.get(t.format or "") if t.kind == "integer" else None
    if bounds is None:
        return t.constraints
    c = t.constraints
    low = c.minimum if c.minimum is not None or c.exclusive_minimum is not None else bounds[0]
    high = c.maximum if c.maximum is not None or c.exclusive_maximum is not None else bounds[1]
    return replace(c, minimum=low, maximum=high)


def _primitive(t: ir.Primitive) -> Schema:
    schema: Schema = {"type": t.kind}
    if t.format:
        schema["format"] = t.format
    return schema | _constraints(with_format_range(t))


_KEYWORDS = (
    ("minimum", "minimum"), ("maximum", "maximum"), ("exclusive_minimum", "exclusiveMinimum"),
    ("exclusive_maximum", "exclusiveMaximum"), ("multiple_of", "multipleOf"), ("min_length", "minLength"),
    ("max_length", "maxLength"), ("min_items", "minItems"), ("max_items", "maxItems"),
)


def _constraints(c: ir.Constraints) -> Schema:
    schema: Schema = {}
    for attr, keyword in _KEYWORDS:
        value = getattr(c, attr)
        if value is not None and not (keyword == "multipleOf" and value <= 0):
            schema[keyword] = value
    if c.pattern is not None and usable_pattern(c.pattern):
        schema["pattern"] = c.pattern
    if c.unique_items:
        schema["uniqueItems"] = True
    return schema


def usable_pattern(pattern: str) -> bool:
    """True when Python's ``re`` compiles the pattern (ECMA-only syntax is dropped, not enforced)."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "possible nested set": a spec's pattern, not ours
            re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return False
    return True
