"""The spec's own schemas as self-contained JSON Schema: the oracle of every wire check.

The checks never trust oagen's IR: what a value must look like comes from the document as oagen
read it. A schema at a location is converted from its OpenAPI dialect (Swagger 2.0, OpenAPI 3.0,
OpenAPI 3.1) to JSON Schema and bundled with the closure of the schemas it references
(``definitions``, references rewritten), so that a data generator and a validator each get one
small document.

The conversion follows the specifications:

- 2.0/3.0: ``nullable: true`` (3.0) and ``x-nullable: true`` (2.0) admit ``null``; boolean
  ``exclusiveMinimum``/``exclusiveMaximum`` become the numeric form; the siblings of a ``$ref``
  are ignored (3.0.3 "Reference Object": "any sibling elements of a $ref SHALL be ignored");
  ``type: file`` is a string.
- 3.1: the schema is JSON Schema 2020-12 already; a ``$ref`` with siblings is ``allOf`` of both.
- All versions: the OpenAPI format registry's ``int32``/``int64`` carry their ranges; a schema
  with ``properties``, ``additionalProperties`` or ``required`` but no ``type`` is an object, one
  with ``items`` an array (the reading of every OpenAPI tool: JSON Schema alone would admit any
  value there); annotations (``description``, ``example``, ``discriminator``, ``xml``,
  ``readOnly``, ``x-*``...) are dropped.
- A ``pattern`` that Python's ``re`` cannot compile (Java or ECMA-only syntax such as
  ``\\p{all}``) cannot be checked by a Python validator nor the generated server: it is dropped,
  and counted in :attr:`Bundler.dropped_patterns`.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from generator.refs import Loc, RefError, Resolver

# int64 as far as JSON interoperates: RFC 8259 section 6 (beyond 2**53 numbers lose precision in
# IEEE 754 doubles, which Prism and most JSON readers use).
INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**53 - 1), 2**53 - 1)}
_ANNOTATIONS = frozenset({
    "description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly",
    "discriminator", "xml", "externalDocs", "nullable", "$comment", "$schema", "$id", "$anchor",
    "$dynamicAnchor", "contentMediaType", "contentEncoding", "$defs", "definitions",
})
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas")
_SCHEMA_ONE = ("not", "additionalProperties", "propertyNames", "contains", "if", "then", "else",
               "unevaluatedProperties", "unevaluatedItems", "additionalItems")
_OBJECT_WORDS = ("properties", "additionalProperties", "required", "minProperties", "maxProperties",
                 "patternProperties")


def usable_regex(pattern: str) -> bool:
    """True when Python's ``re`` compiles the pattern."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            re.compile(pattern)
    except (re.error, RecursionError, OverflowError, TypeError):
        return False
    return True


class Bundler:
    """Converts and bundles the schemas of one loaded document (each referenced schema once)."""

    def __init__(self, resolver: Resolver, version: str) -> None:
        self.resolver = resolver
        self.version = version
        self.names: dict[tuple[str, str], str] = {}
        self.converted: dict[str, Any] = {}
        self.edges: dict[str, set[str]] = {}
        self.dropped_patterns = 0
        self._current: set[str] | None = None

    # -- public -------------------------------------------------------------------------------

    def bundle(self, schema: Any, loc: Loc) -> Any:
        """The schema at ``loc`` as one self-contained JSON Schema document."""
        refs: set[str] = set()
        root = self._convert_with(schema, loc, refs)
        closure = self._closure(refs)
        if not closure:
            return root
        if not isinstance(root, dict):
            root = {"allOf": [root]} if root is not True else {}
        return {**root, "definitions": {name: self.converted[name] for name in sorted(closure)}}

    def at(self, loc: Loc) -> Any:
        """The node at a location of a loaded document."""
        node, _ = self.resolver.resolve("#" + loc.pointer, Loc(loc.file, ""))
        return node

    # -- conversion -----------------------------------------------------------------------------

    def _closure(self, refs: set[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(refs)
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            stack.extend(self.edges.get(name, ()))
        return seen

    def _convert_with(self, schema: Any, loc: Loc, refs: set[str]) -> Any:
        outer = self._current
        self._current = refs
        try:
            return self._convert(schema, loc)
        finally:
            self._current = outer

    def _ref(self, ref: Any, loc: Loc) -> dict[str, Any]:
        try:
            target, tloc = self.resolver.resolve(ref, loc)
        except RefError:
            return {}  # a dangling reference constrains nothing (oagen reports it, types it Any)
        key = (tloc.file, tloc.pointer)
        name = self.names.get(key)
        if name is None:
            base = re.sub(r"[^A-Za-z0-9_.-]+", "_", tloc.pointer.rsplit("/", 1)[-1] or "root")[:60]
            name = base
            n = 2
            while name in self.converted:
                name = f"{base}_{n}"
                n += 1
            self.names[key] = name
            self.converted[name] = {}  # placeholder: a cycle refers to it by name
            edges: set[str] = set()
            self.converted[name] = self._convert_with(target, tloc, edges)
            self.edges[name] = edges
        assert self._current is not None
        self._current.add(name)
        return {"$ref": f"#/definitions/{name}"}

    def _convert(self, schema: Any, loc: Loc) -> Any:
        if isinstance(schema, bool):
            return schema
        if not isinstance(schema, dict):
            return {}
        if "$ref" in schema:
            ref = self._ref(schema["$ref"], loc)
            if self.version != "3.1":
                return ref
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            converted = self._convert(rest, loc)
            return ref if converted in ({}, True) else {"allOf": [ref, converted]}
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if not isinstance(key, str) or key.startswith("x-") or key in _ANNOTATIONS:
                continue
            if key in _SCHEMA_LISTS and isinstance(value, list):
                out[key] = [self._convert(v, loc.child(key, i)) for i, v in enumerate(value)]
            elif key in _SCHEMA_MAPS and isinstance(value, dict):
                out[key] = {str(k): self._convert(v, loc.child(key, k)) for k, v in value.items()
                            if key != "patternProperties" or usable_regex(str(k))}
            elif key in _SCHEMA_ONE:
                out[key] = self._convert(value, loc.child(key))
            elif key == "items":
                out[key] = ([self._convert(v, loc.child(key, i)) for i, v in enumerate(value)]
                            if isinstance(value, list) else self._convert(value, loc.child(key)))
            elif key == "pattern":
                if isinstance(value, str) and usable_regex(value):
                    out[key] = value
                else:
                    self.dropped_patterns += 1
            elif key == "required":
                if isinstance(value, list) and all(isinstance(v, str) for v in value) and value:
                    out[key] = list(dict.fromkeys(value))
            elif key == "type":
                out[key] = _type(value)
            elif key in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(value, bool):
                continue  # handled with minimum/maximum below
            else:
                out[key] = value
        self._legacy_bounds(schema, out)
        self._format_range(out)
        if "type" not in out:
            if any(k in out for k in _OBJECT_WORDS):
                out["type"] = "object"
            elif "items" in out:
                out["type"] = "array"
        if self.version != "3.1" and (schema.get("nullable") is True or schema.get("x-nullable") is True):
            out = _nullable(out)
        return out

    @staticmethod
    def _legacy_bounds(schema: dict[str, Any], out: dict[str, Any]) -> None:
        for flag, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if schema.get(flag) is True and isinstance(schema.get(bound), int | float):
                out[flag] = schema[bound]
                out.pop(bound, None)

    @staticmethod
    def _format_range(out: dict[str, Any]) -> None:
        limits = INT_RANGES.get(str(out.get("format")))
        kinds = out.get("type") if isinstance(out.get("type"), list) else [out.get("type")]
        if limits is None or not ({"integer", "number"} & set(map(str, kinds))):
            return
        low, high = limits
        if not isinstance(out.get("minimum"), int | float) and not isinstance(out.get("exclusiveMinimum"),
                                                                              int | float):
            out["minimum"] = low
        if not isinstance(out.get("maximum"), int | float) and not isinstance(out.get("exclusiveMaximum"),
                                                                              int | float):
            out["maximum"] = high


def _type(value: Any) -> Any:
    if value == "file":
        return "string"
    if isinstance(value, list):
        return ["string" if v == "file" else v for v in value]
    return value


def _nullable(out: dict[str, Any]) -> dict[str, Any]:
    kind = out.get("type")
    if isinstance(kind, str) and len(out) == 1 or isinstance(kind, str) and "enum" not in out \
            and not any(k in out for k in ("allOf", "anyOf", "oneOf", "not")):
        return {**out, "type": [kind, "null"]}
    if isinstance(kind, list) and "enum" not in out and not any(k in out for k in ("allOf", "anyOf", "oneOf", "not")):
        return {**out, "type": [*kind, "null"] if "null" not in kind else kind}
    return {"anyOf": [out, {"type": "null"}]}
