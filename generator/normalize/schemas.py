"""JSON Schema (OAS 2/3.0/3.1 dialects) → IR types and models.

Every ``$ref`` target becomes a named model (so cycles are forward references, never
expansions); inline objects and enums are hoisted into models named from their context.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from typing import Any
from typing import Literal as TLiteral

from .. import ir
from ..refs import Loc, RefError
from . import xmlinfo
from .context import Context, spec_text

# A schema's ``type`` as read: JSON Schema's seven, Swagger 2's ``file``, and the aliases specs
# write by mistake (``int``, ``double``...).
SchemaType = TLiteral["string", "integer", "number", "boolean", "null", "array", "object", "file"]
_SCHEMA_TYPES: dict[str, SchemaType] = {
    "string": "string", "integer": "integer", "number": "number", "boolean": "boolean", "null": "null",
    "array": "array", "object": "object", "file": "file",
    "int": "integer", "str": "string", "bool": "boolean", "float": "number", "double": "number", "long": "integer",
}
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

    def component(self, schema: object, loc: Loc) -> ir.Named:
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

    def type_of(self, schema: object, loc: Loc, hint: str, depth: int = 0) -> ir.Type:
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
            return self._nullable(schema, self._ref_use(schema["$ref"], loc))
        base = self._inline(schema, loc, hint, depth)
        return self._nullable(schema, base)

    def annotated(self, schema: object, loc: Loc) -> tuple[Any, Loc] | None:
        """When ``schema`` is an ``allOf`` that only annotates one schema (``allOf: [{$ref: X},
        {description: ...}]``): that schema and where it is; ``({}, loc)`` when every part is
        annotations. None for any other schema."""
        if not isinstance(schema, dict):
            return None
        all_of = schema.get("allOf")
        if not isinstance(all_of, list) or not all_of:
            return None
        real = [i for i, part in enumerate(all_of) if not is_annotation(part)]
        if len(real) > 1:
            main = self._main_part(all_of, real, loc)
            if main is None:
                return None
            real = [main]
        part, ploc = (all_of[real[0]], loc.child("allOf", real[0])) if real else ({}, loc)
        for key in schema:
            if key != "allOf" and not _annotation_key(key) and key not in _NARROWING \
                    and not (key == "type" and self._same_type(schema["type"], part, ploc)):
                return None
        return part, ploc

    def _main_part(self, all_of: list[Any], real: list[int], loc: Loc) -> int | None:
        """Of an ``allOf`` 's parts with content, the one the others only narrow (a repeated
        ``type``, validation keywords: ``allOf: [{$ref: String}, {pattern: ...}]``), or None when
        two or more have content of their own (an object merged from parts)."""
        full = [i for i in real if not _narrows(all_of[i])]
        if len(full) > 1:
            return None
        main = full[0] if full else next((i for i in real if "type" in all_of[i]), real[0])
        mloc = loc.child("allOf", main)
        for i in real:
            kind = all_of[i].get("type")
            if i != main and kind is not None and not self._same_type(kind, all_of[main], mloc):
                return None
        return main

    def narrowed(self, t: ir.Type, schema: dict[str, Any], main: object) -> ir.Type:
        """``t`` (the type of ``main``, the part of ``schema`` 's ``allOf`` the others narrow) with
        the validation keywords of ``schema`` and of those other parts. A named type keeps its own."""
        if not isinstance(t, ir.Primitive | ir.Array):
            return t
        extra: dict[str, Any] = {}
        for part in [schema, *(p for p in schema.get("allOf") or [] if p is not main and isinstance(p, dict))]:
            for key in _CONSTRAINT_KEYS.intersection(part):
                extra.setdefault(key, part[key])
        more = _constraints(extra)
        if more.is_empty():
            return t
        own = t.constraints
        merged = {name: getattr(own, name) if getattr(own, name) not in (None, False) else getattr(more, name)
                  for name in _CONSTRAINT_FIELDS}
        return ir.evolve(t, constraints=ir.Constraints(**merged))

    def check_default(self, t: ir.Type, value: object, loc: Loc) -> bool:
        """A default that is not a value of its type is dropped (pydantic never validates it)."""
        fits = default_fits(t, value, self.ctx.models.get)
        seen: set[str] = set()
        while isinstance(t, ir.Named) and t.key not in seen and (model := self.ctx.models.get(t.key)) is not None \
                and model.alias is not None:
            seen.add(t.key)
            t = model.alias
        typed_string = isinstance(t, ir.Primitive) and t.kind == "string" and isinstance(value, str)
        if fits is False and value is not None and not typed_string:
            self.ctx.diags.warning("OAG211", f"default {value!r} does not match the schema's type; ignored",
                                   self.ctx.src(loc.child("default")), "make the default a value of the type")
        return fits is not False or typed_string

    # -- internals --------------------------------------------------------------------------

    def _ref(self, ref: object, loc: Loc) -> ir.Type:
        try:
            target, tloc = self.ctx.resolver.resolve(ref, loc)
        except RefError as exc:
            self.ctx.diags.warning("OAG020", f"{exc}; typed as any", self.ctx.src(loc.child("$ref")), exc.hint)
            return ir.ANY
        return self.component(target, tloc)

    def _ref_use(self, ref: object, loc: Loc) -> ir.Type:
        """A use of a referenced schema: its model, ``| None`` when null is one of its values
        (an object or enum model cannot say so itself: every use of it does)."""
        named = self._ref(ref, loc)
        if isinstance(named, ir.Named) and self._null_target(named.key, ref, loc):
            return _with_null(named)
        return named

    def _null_target(self, key: str, ref: object, loc: Loc) -> bool:
        found = self.ctx.nullable.get(key)
        if found is None:
            found = self.ctx.nullable[key] = self._may_be_null({"$ref": ref}, loc, {})
        return found

    def _may_be_null(self, schema: object, loc: Loc, seen: dict[tuple[str, str], bool]) -> bool:
        """True when null is a value of the schema, in any version's spelling (``nullable``,
        ``x-nullable``, ``type: [..., "null"]``, a null variant of a oneOf/anyOf, a null enum value),
        through references and annotated ``allOf`` s. Reads the schemas only (a model that refers
        to it may still be pending); a reference met again on the way counts as not null."""
        if not isinstance(schema, dict):
            return False
        if schema.get("nullable") is True or schema.get("x-nullable") is True:
            return True
        kind = schema.get("type")
        if kind == "null" or (isinstance(kind, list) and "null" in kind):
            return True
        if "const" in schema:
            return schema["const"] is None
        if isinstance(schema.get("enum"), list) and None in schema["enum"]:
            return True
        if "$ref" in schema:
            try:
                target, tloc = self.ctx.resolver.resolve(schema["$ref"], loc)
            except RefError:
                return False
            ident = (tloc.file, tloc.pointer)
            if ident not in seen:
                seen[ident] = False  # a cycle back here adds nothing
                cached = self.ctx.nullable.get(self.ctx.model_key(tloc))
                seen[ident] = cached if cached is not None else self._may_be_null(target, tloc, seen)
            return seen[ident]
        for word in ("oneOf", "anyOf"):
            variants = schema.get(word)
            if isinstance(variants, list) and any(self._may_be_null(v, loc.child(word, i), seen)
                                                  for i, v in enumerate(variants)):
                return True
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            if any(is_annotation(p) and (p.get("nullable") is True or p.get("x-nullable") is True) for p in all_of):
                return True
            real = [(i, p) for i, p in enumerate(all_of) if not is_annotation(p)]
            return bool(real) and all(self._may_be_null(p, loc.child("allOf", i), seen) for i, p in real)
        return False

    def _same_type(self, kind: object, part: object, loc: Loc, depth: int = 0) -> bool:
        """True when a ``type`` beside an annotated ``allOf`` only repeats the type of its schema."""
        target = part
        if isinstance(part, dict) and "$ref" in part:
            try:
                target, loc = self.ctx.resolver.resolve(part["$ref"], loc)
            except RefError:
                return False
        if not isinstance(target, dict) or not isinstance(kind, str):
            return False
        if "type" not in target and "allOf" in target and depth < _MAX_DEPTH:
            found = self.annotated(target, loc)  # through an alias written as an annotated allOf
            return found is not None and self._same_type(kind, found[0], found[1], depth + 1)
        if "type" not in target:
            return kind == "object" and ("properties" in target or "additionalProperties" in target)
        return bool(target["type"] == kind)

    def _nullable(self, schema: dict[str, Any], base: ir.Type) -> ir.Type:
        if schema.get("nullable") is True or schema.get("x-nullable") is True:
            return _with_null(base)
        if "allOf" in schema:
            notes = annotations_of(schema)
            if notes.get("nullable") is True or notes.get("x-nullable") is True:
                return _with_null(base)
        return base

    def _inline(self, schema: dict[str, Any], loc: Loc, hint: str, depth: int) -> ir.Type:
        if "const" in schema:
            return ir.Literal(values=(ir.freeze(schema["const"]),))
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            # An allOf that only annotates one schema is that schema (the annotations go to the
            # field or parameter); any other allOf merges objects into a model.
            found = self.annotated(schema, loc)
            if found is not None:
                return self.narrowed(self.type_of(found[0], found[1], hint, depth + 1), schema, found[0])
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

    def _types(self, schema: dict[str, Any], loc: Loc) -> list[SchemaType]:
        raw = schema.get("type")
        listed = raw if isinstance(raw, list) else [raw] if raw is not None else []
        result: list[SchemaType] = []
        for t in listed:
            name = _SCHEMA_TYPES.get(t) if isinstance(t, str) else None
            if name is None:
                self.ctx.diags.warning("OAG202", f"unknown type {t!r}; typed as any", self.ctx.src(loc.child("type")),
                                       "use one of string, integer, number, boolean, array, object, null")
                return []
            result.append(name)
        return result

    def _single(self, kind: SchemaType | None, schema: dict[str, Any], loc: Loc, hint: str, depth: int) -> ir.Type:
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
            literal = _enum_literal(values) if values else ir.Primitive(kind=kind)
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
        if fmt == "uuid" and isinstance(schema.get("pattern"), str):
            # The pattern is the contract then: loket.nl's admits braces and dashes in other places
            # (``05C6C88BC237-FB49-...``), which no UUID parser reads; the value stays text.
            fmt = None
        return ir.Primitive(kind=kind, format=fmt if isinstance(fmt, str) else None,
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
            mapping: dict[Any, Any] = disc["mapping"] if isinstance(disc.get("mapping"), dict) else {}
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

    def _model(self, schema: object, loc: Loc, key: str, hint: str) -> ir.Model:
        notes = annotations_of(schema)
        found = self.annotated(schema, loc)
        while found is not None and isinstance(found[0], dict) and found[0] and "$ref" not in found[0]:
            schema, loc = found  # annotations around a schema written in place: that schema is the model
            found = self.annotated(schema, loc)
        if isinstance(schema, dict) and "$ref" not in schema and found is None:
            types = self._types(schema, loc)
            kind = types[0] if len(types) == 1 else None
            enum = schema.get("enum")
            if isinstance(enum, list) and enum and kind in ("string", "integer", "number", None) \
                    and not isinstance(schema.get("properties"), dict):
                return _described(self._enum(schema, loc, key, hint), notes)
            is_object = (kind == "object" or (kind is None and "properties" in schema)) \
                and isinstance(schema.get("properties"), dict)
            if is_object or (isinstance(schema.get("allOf"), list) and len(schema["allOf"]) > 1):
                return _described(self._object(schema, loc, key, hint), notes)
            if isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1 \
                    and isinstance(schema.get("properties"), dict):
                return _described(self._object(schema, loc, key, hint), notes)
        # Anything else names another type: a reference, an annotated one, a scalar, an array...
        self.ctx.aliasing.add(key)
        try:
            alias = self.type_of(schema, loc, hint)
        finally:
            self.ctx.aliasing.discard(key)
        if isinstance(alias, ir.Named) and (alias.key == key or alias.key in self.ctx.aliasing):
            self.ctx.diags.warning("OAG022", f"$ref loop: {key} refers back to itself through {alias.key}; "
                                   "typed as any", self.ctx.src(loc), "make one of the schemas a real schema")
            alias = ir.ANY
        return ir.Model(key=key, name_hint=hint, kind="alias", alias=alias,
                        description=spec_text(notes.get("description")), examples=schema_examples(notes),
                        src=self.ctx.src(loc))

    def _enum(self, schema: dict[str, Any], loc: Loc, key: str, hint: str) -> ir.Model:
        seen: list[Any] = []
        for value in schema["enum"]:
            if value is None or isinstance(value, dict | list):
                continue
            if value not in seen or any(type(value) is not type(s) for s in seen if s == value):
                seen.append(value)
        kinds = {type(v) for v in seen}
        enum_type: TLiteral["string", "integer", "number", "mixed"] = (
            "string" if kinds <= {str} else "integer" if kinds <= {int} else
            "number" if kinds <= {int, float} else "mixed")
        if enum_type == "mixed" or bool in kinds or not seen:
            return ir.Model(key=key, name_hint=hint, kind="alias", alias=_enum_literal(schema["enum"]),
                            description=spec_text(schema.get("description")), examples=schema_examples(schema),
                            src=self.ctx.src(loc))
        members = tuple(ir.EnumMember(value=ir.freeze(v)) for v in seen)
        return ir.Model(key=key, name_hint=hint, kind="enum", members=members, enum_type=enum_type,
                        description=spec_text(schema.get("description")), examples=schema_examples(schema),
                        src=self.ctx.src(loc))

    def _object(self, schema: dict[str, Any], loc: Loc, key: str, hint: str) -> ir.Model:
        bases: list[str] = []
        fields: dict[str, ir.Field] = {}
        required: set[str] = set()
        extra: ir.Type | None = None
        parts: list[tuple[dict[str, Any], Loc]] = []
        for i, part in enumerate(schema.get("allOf") or []):
            self._merge_part(part, loc.child("allOf", i), key, bases, parts)
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
                        undeclared=tuple(sorted(required - fields.keys())),
                        description=spec_text(schema.get("description")),
                        examples=schema_examples(schema), xml=xmlinfo.xml_of(schema), src=self.ctx.src(loc))

    def _merge_part(self, part: object, loc: Loc, key: str, bases: list[str], parts: list[tuple[dict[str, Any], Loc]],
                    depth: int = 0) -> None:
        """One part of an object's ``allOf``: a base class (a reference to an object model, directly
        or through aliases) or a schema whose properties the object takes over."""
        found = self.annotated(part, loc)
        if found is not None:  # a part that only annotates a schema is that schema
            part, loc = found
        if not isinstance(part, dict):
            return
        if "$ref" not in part:
            parts.append((part, loc))
            return
        target = self._ref(part["$ref"], loc)
        if not isinstance(target, ir.Named) or target.key == key or target.key in bases:
            return
        base = self._object_key(target.key)
        if base is not None:
            if base != key and base not in bases:
                bases.append(base)
            return
        resolved, rloc = self.ctx.resolver.deref(part, loc, self.ctx.diags)
        if isinstance(resolved, dict):
            if depth < _MAX_DEPTH and self.annotated(resolved, rloc) is not None:
                self._merge_part(resolved, rloc, key, bases, parts, depth + 1)
            else:
                parts.append((resolved, rloc))

    def _object_key(self, key: str) -> str | None:
        """The object model a model is, directly or as an alias of one (None: not one, or pending)."""
        seen: set[str] = set()
        while key not in seen:
            seen.add(key)
            model = self.ctx.models.get(key)
            if model is None or model.kind == "enum":
                return None
            if model.kind == "object":
                return key
            if not isinstance(model.alias, ir.Named):
                return None
            key = model.alias.key
        return None

    def _field(self, wire: str, prop: object, loc: Loc, hint: str, required: bool) -> ir.Field:
        ftype = self.type_of(prop, loc, hint + pascal_hint(wire))
        p = annotations_of(prop)  # the property's own, and those an annotated allOf adds
        default, has_default = code_default(p, self.ctx, loc)
        if has_default and not self.check_default(ftype, p["default"], loc):
            default, has_default = None, False
        return ir.Field(wire_name=wire, type=ftype, required=required, default=default, has_default=has_default,
                        description=spec_text(p.get("description") or p.get("title")),
                        read_only=p.get("readOnly") is True, write_only=p.get("writeOnly") is True,
                        deprecated=p.get("deprecated") is True, examples=schema_examples(p),
                        xml=self._field_xml(prop, p, loc), src=self.ctx.src(loc))

    def _field_xml(self, prop: object, p: dict[str, Any], loc: Loc) -> ir.Xml | None:
        """A property's ``xml`` object, with the name its array items declare."""
        items = prop.get("items") if isinstance(prop, dict) else None
        if isinstance(items, dict) and "$ref" in items:
            items, _ = self.ctx.resolver.deref(items, loc.child("items"), self.ctx.diags)
        return xmlinfo.xml_of(p if "xml" in p else prop, xmlinfo.items_name(items))


def default_fits(t: ir.Type, value: object, model: Callable[[str], ir.Model | None] = lambda key: None,
                 depth: int = 0) -> bool | None:
    """Whether a default is a value of the type: True, False, or None (not known: an object model,
    or a model ``model(key)`` does not know yet)."""
    if isinstance(t, ir.Any_):
        return True
    if isinstance(t, ir.Named):
        found = model(t.key) if depth < _MAX_DEPTH else None
        if found is None or found.kind == "object":
            return None
        if found.kind == "enum":
            return any(value == m.value and type(value) is type(m.value) for m in found.members)
        return default_fits(found.alias or ir.ANY, value, model, depth + 1)
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
        return isinstance(value, list) and all(default_fits(t.items, v, model, depth + 1) is not False
                                               for v in value)
    if isinstance(t, ir.Map):
        return isinstance(value, dict) and all(default_fits(t.values, v, model, depth + 1) is not False
                                               for v in value.values())
    results = [default_fits(v, value, model, depth + 1) for v in t.variants]
    return True if True in results else None if None in results else False


MAX_DEFAULT_VALUES = 1_000
MAX_DEFAULT_TEXT = 64 * 1024


def code_default(schema: object, ctx: Context, loc: Loc) -> tuple[ir.JSONValue, bool]:
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
def pascal_hint(text: str) -> str:
    """A model name hint from spec text (``pet id`` → ``PetId``; ``Field`` when it has no word)."""
    words = re.findall(r"[A-Za-z0-9]+", text)
    return "".join(w[:1].upper() + w[1:] for w in words) or "Field"


def schema_examples(schema: object) -> tuple[ir.JSONValue, ...]:
    """A schema's ``example`` (OAS 2/3.0) and ``examples`` (JSON Schema list, OAS 3.1), in that order."""
    if not isinstance(schema, dict):
        return ()
    found = [schema["example"]] if "example" in schema else []
    if isinstance(schema.get("examples"), list):
        found.extend(schema["examples"])
    return tuple(ir.freeze(v) for v in found)


# Keywords that describe a value without constraining it: JSON Schema's meta-data vocabulary,
# OpenAPI's ``nullable``/``xml``/``externalDocs`` and extensions. A schema of these alone adds no
# type: ``allOf: [{$ref: X}, {description: ...}]`` is X, described.
ANNOTATIONS = frozenset({"description", "title", "example", "examples", "default", "readOnly", "writeOnly",
                         "deprecated", "nullable", "x-nullable", "xml", "externalDocs", "$comment"})


def _annotation_key(key: object) -> bool:
    return key in ANNOTATIONS or (isinstance(key, str) and key.startswith("x-"))


def is_annotation(schema: object) -> bool:
    """True for a schema object holding annotations only (``{}`` too: it allows everything)."""
    return isinstance(schema, dict) and all(_annotation_key(k) for k in schema)


def annotations_of(schema: object) -> dict[str, Any]:
    """A schema's annotations merged with those of the annotation-only parts of its ``allOf``; the
    schema's own come first. The schema itself (no copy) when it has no ``allOf``."""
    if not isinstance(schema, dict):
        return {}
    all_of = schema.get("allOf")
    if not isinstance(all_of, list):
        return schema
    merged = {k: v for k, v in schema.items() if _annotation_key(k)}
    for part in all_of:
        if is_annotation(part) or _narrows(part):
            for k, v in part.items():
                if _annotation_key(k):
                    merged.setdefault(k, v)
    return merged


def _described(model: ir.Model, notes: dict[str, Any]) -> ir.Model:
    """A model with the description and examples of the annotations written around it."""
    description = spec_text(notes.get("description")) or model.description
    examples = schema_examples(notes) or model.examples
    if description == model.description and examples == model.examples:
        return model
    return ir.evolve(model, description=description, examples=examples)


_CONSTRAINT_KEYS = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
                              "maxLength", "pattern", "minItems", "maxItems", "uniqueItems"})


_CONSTRAINT_FIELDS = tuple(f.name for f in dataclasses.fields(ir.Constraints))

# Keywords that only narrow a scalar or an array (beside a ``type`` that repeats another part's).
_NARROWING = _CONSTRAINT_KEYS | {"format"}


def _narrows(schema: object) -> bool:
    """True for an ``allOf`` part that only narrows another: annotations, validation keywords of
    scalars and arrays, ``format``, a ``type`` other than object (checked against the other part)."""
    return isinstance(schema, dict) and isinstance(schema.get("type", "string"), str) \
        and schema.get("type") != "object" \
        and all(_annotation_key(k) or k in _NARROWING or k == "type" for k in schema)


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


def _enum_literal(values: object) -> ir.Type:
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
