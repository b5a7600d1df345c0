"""Reading the JSON Schemas of ``schemas.json``: references, properties, types, wire text as values.

Plain functions over plain data (no request, no app): what the parameter, body and validation
code ask of a schema.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any


def resolve(schema: Any, defs: Mapping[str, Any]) -> dict[str, Any]:
    """The schema a ``{"$ref": "#/$defs/Name"}`` stands for (references followed up to 50 times:
    a cycle ends); ``{}`` for anything that is not a schema object, or an unknown name."""
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 50:
        schema = defs.get(str(schema["$ref"]).rsplit("/", 1)[-1], {})
        seen += 1
    return schema if isinstance(schema, dict) else {}


def properties(schema: Any, defs: Mapping[str, Any]) -> dict[str, Any]:
    """The declared properties of an object schema, those of its ``allOf`` parts included."""
    schema = resolve(schema, defs)
    found: dict[str, Any] = {}
    for part in schema.get("allOf", ()):
        found.update(properties(part, defs))
    found.update(schema.get("properties", {}))
    return found


def object_keys(schema: Any, defs: Mapping[str, Any], depth: int = 0) -> tuple[set[str], bool]:
    """The property names an object schema (or any of its variants) declares, and whether it
    takes other names too: a map (``additionalProperties`` with a schema) or a free-form object."""
    schema = resolve(schema, defs)
    names: set[str] = set()
    takes_others = False
    for key in ("anyOf", "oneOf"):
        for variant in schema.get(key, ()) if depth < 8 else ():
            found, others = object_keys(variant, defs, depth + 1)
            names |= found
            takes_others = takes_others or others
    declared = properties(schema, defs)
    names |= set(declared)
    if schema.get("type") == "object":
        extra = schema.get("additionalProperties")
        takes_others = takes_others or bool(extra) or (not declared and extra is None)
    return names, takes_others


def coerce_text(value: Any, schema: Mapping[str, Any]) -> Any:
    """Text read as the schema's ``integer``, ``number`` or ``boolean`` (else left as it is). A
    schema without ``type`` but with an ``enum`` reads text as the enum value it spells."""
    if not isinstance(value, str):
        return value
    kind = schema.get("type")
    if kind is None and isinstance(schema.get("enum"), list):
        return _enum_value(value, schema["enum"])
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            number = float(value)
            return number if math.isfinite(number) else value
    except ValueError:
        return value
    if kind == "boolean" and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def _enum_value(text: str, values: list[Any]) -> Any:
    """The enum value whose text (JSON spelling for non-strings) is ``text``, else the text."""
    if text in values:
        return text
    for value in values:
        if not isinstance(value, str) and json.dumps(value) == text:
            return value
    return text


def kinds(schema: dict[str, Any], defs: Mapping[str, Any]) -> list[str]:
    """The JSON types a schema allows (its ``type``, else the first of its ``allOf`` parts')."""
    found = schema.get("type")
    if isinstance(found, list):
        return [str(k) for k in found]
    if isinstance(found, str):
        return [found]
    for part in schema.get("allOf", ()):
        inner = kinds(resolve(part, defs), defs)
        if inner:
            return inner
    return []


def typed_text(text: str, allowed: Sequence[str]) -> Any:
    """One wire text as the first of the JSON types ``allowed`` that reads it (the text itself
    when none does, for the schema check to refuse)."""
    for kind in allowed:
        if kind == "string":
            return text
        if kind in ("object", "array"):
            try:
                value = json.loads(text)
            except ValueError:
                continue
            if isinstance(value, dict if kind == "object" else list):
                return value
        elif kind == "null" and text in ("", "null"):
            return None
        elif kind in ("integer", "number", "boolean"):
            value = coerce_text(text, {"type": kind})
            if not isinstance(value, str):
                return value
    return text


def is_object(schema: dict[str, Any]) -> bool:
    """True for an object schema (by its type or its properties)."""
    return schema.get("type") == "object" or "properties" in schema


def numbered(value: Any) -> Any:
    """An object whose keys are all indexes (``{"0": a, "1": b}``) as the list it stands for."""
    if isinstance(value, dict) and value and all(k.isdigit() for k in value):
        return [value[k] for k in sorted(value, key=int)]
    return value
