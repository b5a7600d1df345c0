"""JSON Schema (OAS 2/3.0/3.1 dialects) → IR types and models.

Every ``$ref`` target becomes a named model (so cycles are forward references, never
expansions); inline objects and enums are hoisted into models named from their context.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from .. import ir
from ..diagnostics import Diagnostics, SourceRef
from ..refs import Loc, RefError, Resolver
from .swagger2 import Origins, canonical_ref

_TYPE_ALIASES = {"int": "integer", "str": "string", "bool": "boolean", "float": "number",
                 "double": "number", "long": "integer", "array": "array", "object": "object"}
_PRIMITIVES = ("string", "integer", "number", "boolean", "null")
_MAX_DEPTH = 200
# The OpenAPI format registry (https://spec.openapis.org/registry/format/) and JSON Schema's.
KNOWN_FORMATS = frozenset({
    "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float", "double", "decimal",
    "byte", "binary", "base64", "base64url", "char", "date", "date-time", "time", "duration", "password", "email",
    "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference",
    "uri-template", "url", "uuid", "json-pointer", "relative-json-pointer", "regex", "html", "commonmark",
    "media-range", "sf-boolean", "sf-decimal", "sf-integer", "sf-string", "sf-token", "sf-binary", "int",
    "integer", "string", "number", "boolean", "date-time-local", "time-local", "http-date", "unixtime",
})


@dataclass(slots=True)
class Context:
    """What the normalizer stages share: the resolver, diagnostics and the models found."""

    resolver: Resolver
    diags: Diagnostics
    origins: Origins
    models: dict[str, ir.Model] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    swagger2: bool = False

    def src(self, loc: Loc) -> SourceRef:
        """The source reference of a location, in the original document's pointers."""
        if loc.file == self.resolver.root.file:
            return SourceRef(pointer=self.origins.original(loc.pointer), file=loc.file)
        return SourceRef(pointer=loc.pointer, file=loc.file)

    def model_key(self, loc: Loc) -> str:
        """A stable key for the model defined at a location."""
        pointer = "#" + loc.pointer
        if loc.file == self.resolver.root.file:
            return canonical_ref(pointer)
        return _relative_name(self.resolver, loc.file) + pointer


def _relative_name(resolver: Resolver, file: str) -> str:
    root = resolver.root.path
    if root is not None:
        try:
            import os

            return os.path.relpath(file, root.parent).replace("\\", "/")
        except ValueError:
            pass
    return file


def hint_from_pointer(loc: Loc) -> str:
    """A name hint for a component: its last pointer token, or the file's stem."""
    token = loc.pointer.rsplit("/", 1)[-1] if loc.pointer else ""
    if not token:
        token = re.sub(r"\.(ya?ml|json)$", "", loc.file.rsplit("/", 1)[-1])
    return token.replace("~1", "/").replace("~0", "~")


class SchemaLowerer:
    """Turns schemas into IR types, registering models in the context as it goes."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # -- entry points -----------------------------------------------------------------------

    def component(self, schema: Any, loc: Loc) -> ir.Named:
        """Register the schema at ``loc`` as a named model (once) and refer to it."""
        key = self.ctx.model_key(loc)
        if key not in self.ctx.models and key not in self.ctx.pending:
            self.ctx.pending.add(key)
            try:
                model = self._model(schema, loc, key, hint_from_pointer(loc))
            finally:
                self.ctx.pending.discard(key)
            self.ctx.models[key] = model
        return ir.Named(key=key)

    def type_of(self, schema: Any, loc: Loc, hint: str, depth: int = 0) -> ir.Type:
        """The IR type of a schema used inline; ``hint`` names hoisted inline models."""
        if depth > _MAX_DEPTH:
            self.ctx.diags.warning("OAG210", "schema nests too deeply; typed as any", self.ctx.src(loc))
            return ir.ANY
        if schema is True or schema == {}:
            return ir.ANY
        if not isinstance(schema, dict):
            self.ctx.diags.warning("OAG201", f"schema is a {type(schema).__name__}, not an object; typed as any",
                                   self.ctx.src(loc), "write a schema object")
            return ir.ANY
        if "$ref" in schema:
            return self._nullable(schema, self._ref(schema["$ref"], loc))
        base = self._inline(schema, loc, hint, depth)
        return self._nullable(schema, base)

    def check_default(self, t: ir.Type, value: Any, loc: Loc) -> bool:
        """A default that is not a value of its type is dropped (pydantic never validates it)."""
        fits = default_fits(t, value)
        typed_string = isinstance(t, ir.Primitive) and t.kind == "string" and isinstance(value, str)
        if fits is False and value is not None and not typed_string:
            self.ctx.diags.warning("OAG211", f"default {value!r} does not match the schema's type; ignored",
                                   self.ctx.src(loc.child("default")), "make the default a value of the type")
        return fits is not False or typed_string

    # -- internals --------------------------------------------------------------------------

    def _ref(self, ref: Any, loc: Loc) -> ir.Type:
        try:
            target, tloc = self.ctx.resolver.resolve(ref, loc)
        except RefError as exc:
            self.ctx.diags.warning("OAG020", f"{exc}; typed as any", self.ctx.src(loc.child("$ref")), exc.hint)
            return ir.ANY
        return self.component(target, tloc)

    def _nullable(self, schema: dict[str, Any], base: ir.Type) -> ir.Type:
        if schema.get("nullable") is True or schema.get("x-nullable") is True:
            return _with_null(base)
        return base

    def _inline(self, schema: dict[str, Any], loc: Loc, hint: str, depth: int) -> ir.Type:
        if "const" in schema:
            return ir.Literal(values=(ir.freeze(schema["const"]),))
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            others = {k for k in schema if k not in ("allOf", "description", "title", "nullable", "example",
                                                     "x-nullable", "readOnly", "writeOnly", "default")}
            if len(all_of) == 1 and not others:
                return self.type_of(all_of[0], loc.child("allOf", 0), hint, depth + 1)
            return self._hoist(schema, loc, hint)
        for word in ("oneOf", "anyOf"):
            variants = schema.get(word)
            if isinstance(variants, list) and variants:
                return self._union(schema, word, variants, loc, hint, depth)
        types = self._types(schema, loc)
        if len(types) > 1:
            parts = [self._single(t, schema, loc, hint, depth) for t in types]
            return _union_of(parts)
        return self._single(types[0] if types else None, schema, loc, hint, depth)

    def _types(self, schema: dict[str, Any], loc: Loc) -> list[str]:
        raw = schema.get("type")
        listed = raw if isinstance(raw, list) else [raw] if raw is not None else []
        result: list[str] = []
        for t in listed:
            name = _TYPE_ALIASES.get(t, t) if isinstance(t, str) else t
            if name == "file":
                name = "file"
            elif name not in _PRIMITIVES and name not in ("array", "object"):
                self.ctx.diags.warning("OAG202", f"unknown type {t!r}; typed as any", self.ctx.src(loc.child("type")),
                                       "use one of string, integer, number, boolean, array, object, null")
                return []
            result.append(name)
        return result

    def _single(self, kind: str | None, schema: dict[str, Any], loc: Loc, hint: str, depth: int) -> ir.Type:
        if kind is None:
            if "properties" in schema or "additionalProperties" in schema:
                kind = "object"
            elif "items" in schema:
                kind = "array"
            elif "enum" in schema:
                return _enum_literal(schema["enum"])
            else:
                return ir.ANY
        if kind == "null":
            return ir.NULL
        if kind == "file":
            return ir.Primitive(kind="string", format="binary")
        if "enum" in schema and isinstance(schema["enum"], list) and kind in ("string", "integer", "number", "boolean"):
            values = [v for v in schema["enum"] if v is not None]
            literal = _enum_literal(values) if values else ir.Primitive(kind=kind)  # type: ignore[arg-type]
            return _with_null(literal) if None in schema["enum"] else literal
        if kind == "array":
            items = schema.get("items")
            item_type = ir.ANY if items is None else self.type_of(items, loc.child("items"), hint + "Item", depth + 1)
            return ir.Array(items=item_type, constraints=_constraints(schema))
        if kind == "object":
            if isinstance(schema.get("properties"), dict) and schema["properties"]:
                return self._hoist(schema, loc, hint)
            return ir.Map(values=self._additional(schema, loc, hint, depth) or ir.ANY)
        fmt = schema.get("format")
        if isinstance(fmt, str) and fmt not in KNOWN_FORMATS:
            self.ctx.diags.warning("OAG203", f"unknown format {fmt!r} for type {kind}; treated as plain {kind}",
                                   self.ctx.src(loc.child("format")), "use a format from the OpenAPI format registry")
        return ir.Primitive(kind=kind, format=fmt if isinstance(fmt, str) else None,  # type: ignore[arg-type]
                            constraints=_constraints(schema))

    def _additional(self, schema: dict[str, Any], loc: Loc, hint: str, depth: int) -> ir.Type | None:
        extra = schema.get("additionalProperties")
        if extra is None or extra is True:
            return None if "properties" in schema else ir.ANY
        if extra is False:
            return None
        return self.type_of(extra, loc.child("additionalProperties"), hint + "Value", depth + 1)

    def _union(self, schema: dict[str, Any], word: str, variants: list[Any], loc: Loc, hint: str,
               depth: int) -> ir.Type:
        parts = [self.type_of(v, loc.child(word, i), f"{hint}{i + 1}", depth + 1) for i, v in enumerate(variants)]
        disc = schema.get("discriminator")
        discriminator = None
        if isinstance(disc, dict) and isinstance(disc.get("propertyName"), str):
            mapping = disc.get("mapping") if isinstance(disc.get("mapping"), dict) else {}
            pairs = []
            for value, ref in mapping.items():
                target = self._ref(ref, loc.child("discriminator", "mapping", value))
                if isinstance(target, ir.Named):
                    pairs.append((str(value), target.key))
            discriminator = ir.Discriminator(property=disc["propertyName"], mapping=tuple(pairs))
        if len(parts) == 1 and discriminator is None:
            return parts[0]
        return _union_of(parts, discriminator)

    def _hoist(self, schema: dict[str, Any], loc: Loc, hint: str) -> ir.Named:
        key = self.ctx.model_key(loc)
        if key not in self.ctx.models and key not in self.ctx.pending:
            self.ctx.pending.add(key)
            try:
                self.ctx.models[key] = self._object(schema, loc, key, hint)
            finally:
                self.ctx.pending.discard(key)
        return ir.Named(key=key)

    def _model(self, schema: Any, loc: Loc, key: str, hint: str) -> ir.Model:
        description = _text(schema.get("description")) if isinstance(schema, dict) else ""
        if isinstance(schema, dict) and "$ref" not in schema:
            types = self._types(schema, loc)
            kind = types[0] if len(types) == 1 else None
            enum = schema.get("enum")
            if isinstance(enum, list) and enum and kind in ("string", "integer", "number", None) \
                    and not isinstance(schema.get("properties"), dict):
                return self._enum(schema, loc, key, hint)
            is_object = (kind == "object" or kind is None and "properties" in schema) \
                and isinstance(schema.get("properties"), dict)
            if is_object or isinstance(schema.get("allOf"), list) and len(schema["allOf"]) > 1:
                return self._object(schema, loc, key, hint)
            if isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1 \
                    and isinstance(schema.get("properties"), dict):
                return self._object(schema, loc, key, hint)
        alias = self.type_of(schema, loc, hint)
        if isinstance(alias, ir.Named) and (alias.key == key or alias.key in self.ctx.pending):
            self.ctx.diags.warning("OAG022", f"$ref loop: {key} refers back to itself through {alias.key}; "
                                   "typed as any", self.ctx.src(loc), "make one of the schemas a real schema")
            alias = ir.ANY
        return ir.Model(key=key, name_hint=hint, kind="alias", alias=alias, description=description,
                        examples=schema_examples(schema), src=self.ctx.src(loc))

    def _enum(self, schema: dict[str, Any], loc: Loc, key: str, hint: str) -> ir.Model:
        seen: list[Any] = []
        for value in schema["enum"]:
            if value is None or isinstance(value, dict | list):
                continue
            if value not in seen or any(type(value) is not type(s) for s in seen if s == value):
                seen.append(value)
        kinds = {type(v) for v in seen}
        enum_type = "string" if kinds <= {str} else "integer" if kinds <= {int} else \
            "number" if kinds <= {int, float} else "mixed"
        if enum_type == "mixed" or bool in kinds or not seen:
            return ir.Model(key=key, name_hint=hint, kind="alias", alias=_enum_literal(schema["enum"]),
                            description=_text(schema.get("description")), examples=schema_examples(schema),
                            src=self.ctx.src(loc))
        members = tuple(ir.EnumMember(value=ir.freeze(v)) for v in seen)
        return ir.Model(key=key, name_hint=hint, kind="enum", members=members, enum_type=enum_type,  # type: ignore[arg-type]
                        description=_text(schema.get("description")), examples=schema_examples(schema),
                        src=self.ctx.src(loc))

    def _object(self, schema: dict[str, Any], loc: Loc, key: str, hint: str) -> ir.Model:
        bases: list[str] = []
        fields: dict[str, ir.Field] = {}
        required: set[str] = set()
        extra: ir.Type | None = None
        parts: list[tuple[dict[str, Any], Loc]] = []
        for i, part in enumerate(schema.get("allOf") or []):
            ploc = loc.child("allOf", i)
            if isinstance(part, dict) and "$ref" in part:
                target = self._ref(part["$ref"], ploc)
                if isinstance(target, ir.Named) and target.key != key and target.key not in bases:
                    base_model = self.ctx.models.get(target.key)
                    if base_model is not None and base_model.kind == "object":
                        bases.append(target.key)
                        continue
                    resolved, rloc = self.ctx.resolver.deref(part, ploc, self.ctx.diags)
                    if isinstance(resolved, dict):
                        parts.append((resolved, rloc))
                continue
            if isinstance(part, dict):
                parts.append((part, ploc))
        parts.append((schema, loc))
        for part, _ in parts:  # a property is required when any part says so
            if isinstance(part.get("required"), list):
                required.update(str(r) for r in part["required"])
        for part, ploc in parts:
            props = part.get("properties")
            if isinstance(props, dict):
                for wire, prop in props.items():
                    name = str(wire)
                    fields[name] = self._field(name, prop, ploc.child("properties", wire), hint, name in required)
            more = self._additional(part, ploc, hint, 0) if "additionalProperties" in part else None
            extra = more if more is not None else extra
        return ir.Model(key=key, name_hint=hint, kind="object", fields=tuple(fields.values()), bases=tuple(bases),
                        additional=extra, closed=schema.get("additionalProperties") is False and not bases,
                        description=_text(schema.get("description")),
                        examples=schema_examples(schema), src=self.ctx.src(loc))

    def _field(self, wire: str, prop: Any, loc: Loc, hint: str, required: bool) -> ir.Field:
        ftype = self.type_of(prop, loc, hint + _pascal_hint(wire))
        p = prop if isinstance(prop, dict) else {}
        default, has_default = code_default(p, self.ctx, loc)
        if has_default and not self.check_default(ftype, p["default"], loc):
            default, has_default = None, False
        return ir.Field(wire_name=wire, type=ftype, required=required, default=default, has_default=has_default,
                        description=_text(p.get("description") or p.get("title")),
                        read_only=p.get("readOnly") is True, write_only=p.get("writeOnly") is True,
                        deprecated=p.get("deprecated") is True, examples=schema_examples(p), src=self.ctx.src(loc))


def default_fits(t: ir.Type, value: Any) -> bool | None:
    """Whether a default is a value of the type: True, False, or None (a model; checked later)."""
    if isinstance(t, ir.Any_):
        return True
    if isinstance(t, ir.Named):
        return None
    if isinstance(t, ir.Primitive):
        if t.kind == "string":
            return isinstance(value, str) and t.format not in ("date", "date-time", "uuid", "binary")
        if t.kind == "integer":
            return isinstance(value, int) and not isinstance(value, bool)
        if t.kind == "number":
            return isinstance(value, int | float) and not isinstance(value, bool)
        if t.kind == "boolean":
            return isinstance(value, bool)
        return value is None
    if isinstance(t, ir.Literal):
        return any(value == v and type(value) is type(v) for v in t.values)
    if isinstance(t, ir.Array):
        return isinstance(value, list) and all(default_fits(t.items, v) is not False for v in value)
    if isinstance(t, ir.Map):
        return isinstance(value, dict) and all(default_fits(t.values, v) is not False for v in value.values())
    results = [default_fits(v, value) for v in t.variants]
    return True if True in results else None if None in results else False


MAX_DEFAULT_VALUES = 1_000
MAX_DEFAULT_TEXT = 64 * 1024


def code_default(schema: Any, ctx: Context, loc: Loc) -> tuple[ir.JSONValue, bool]:
    """A schema's ``default`` for generated code, unless it is too large to be one (a YAML
    alias can make a few bytes of spec a million values): then a warning, and no default."""
    if not isinstance(schema, dict) or "default" not in schema:
        return None, False
    value = schema["default"]
    count = size = 0
    stack = [value]
    while stack and count <= MAX_DEFAULT_VALUES and size <= MAX_DEFAULT_TEXT:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            size += sum(len(str(k)) for k in item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            size += len(item)
    if count > MAX_DEFAULT_VALUES or size > MAX_DEFAULT_TEXT:
        ctx.diags.warning("OAG204", f"default is too large to write into code (over {MAX_DEFAULT_VALUES} values "
                          f"or {MAX_DEFAULT_TEXT // 1024} KB); ignored", ctx.src(loc.child("default")),
                          "document large defaults in the description instead")
        return None, False
    return ir.freeze(value), True


@functools.lru_cache(maxsize=4096)
def _pascal_hint(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text)
    return "".join(w[:1].upper() + w[1:] for w in words) or "Field"


def schema_examples(schema: Any) -> tuple[ir.JSONValue, ...]:
    """A schema's ``example`` (OAS 2/3.0) and ``examples`` (JSON Schema list, OAS 3.1), in that order."""
    if not isinstance(schema, dict):
        return ()
    found = [schema["example"]] if "example" in schema else []
    if isinstance(schema.get("examples"), list):
        found.extend(schema["examples"])
    return tuple(ir.freeze(v) for v in found)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


_CONSTRAINT_KEYS = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
                              "maxLength", "pattern", "minItems", "maxItems", "uniqueItems"})


def _constraints(schema: dict[str, Any]) -> ir.Constraints:
    if _CONSTRAINT_KEYS.isdisjoint(schema):  # the common case
        return ir.NO_CONSTRAINTS
    def num(key: str) -> float | None:
        v = schema.get(key)
        return v if isinstance(v, int | float) and not isinstance(v, bool) else None

    def count(key: str) -> int | None:
        v = schema.get(key)
        return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else None

    ex_min, ex_max = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    minimum, maximum = num("minimum"), num("maximum")
    exclusive_minimum = exclusive_maximum = None
    if ex_min is True:
        exclusive_minimum, minimum = minimum, None
    elif isinstance(ex_min, int | float) and not isinstance(ex_min, bool):
        exclusive_minimum = ex_min
    if ex_max is True:
        exclusive_maximum, maximum = maximum, None
    elif isinstance(ex_max, int | float) and not isinstance(ex_max, bool):
        exclusive_maximum = ex_max
    pattern = schema.get("pattern")
    return ir.Constraints(
        minimum=minimum, maximum=maximum, exclusive_minimum=exclusive_minimum,
        exclusive_maximum=exclusive_maximum, multiple_of=num("multipleOf"),
        min_length=count("minLength"), max_length=count("maxLength"),
        pattern=pattern if isinstance(pattern, str) else None,
        min_items=count("minItems"), max_items=count("maxItems"), unique_items=schema.get("uniqueItems") is True,
    )


def _enum_literal(values: Any) -> ir.Type:
    if not isinstance(values, list):
        return ir.ANY
    plain: list[ir.JSONValue] = []
    for v in values:
        frozen = ir.freeze(v)
        # ``True == 1`` in Python: compare the type too, or ``[1, true]`` loses a value.
        if not any(frozen == p and type(frozen) is type(p) for p in plain) \
                and not isinstance(frozen, tuple | ir.JSONObject):
            plain.append(frozen)
    return ir.Literal(values=tuple(plain)) if plain else ir.ANY


def _with_null(base: ir.Type) -> ir.Type:
    if base == ir.NULL or isinstance(base, ir.Any_):
        return base
    if isinstance(base, ir.Union_):
        if ir.NULL in base.variants:
            return base
        return ir.Union_(variants=(*base.variants, ir.NULL), discriminator=base.discriminator)
    return ir.Union_(variants=(base, ir.NULL))


def _union_of(parts: list[ir.Type], discriminator: ir.Discriminator | None = None) -> ir.Type:
    flat: list[ir.Type] = []
    for p in parts:
        for v in p.variants if isinstance(p, ir.Union_) and p.discriminator is None else (p,):
            if v not in flat:
                flat.append(v)
    if any(isinstance(v, ir.Any_) for v in flat):
        return ir.ANY
    if len(flat) == 1:
        return flat[0]
    return ir.Union_(variants=tuple(flat), discriminator=discriminator)
