"""JSON Schema checks compiled once per schema into Python functions: is a value valid, yes or no.

The ``jsonschema`` package walks a schema anew for every value (and resolves each ``$ref`` on the
way): most of the time of a request with a JSON body. A compiled check answers the common case,
a valid value, in a few microseconds; ``jsonschema`` still decides the rest and words the errors.
A check is never more lenient than ``jsonschema`` (Draft 2020-12, the same format checker): it
says True only when ``jsonschema`` would. Inside, each part answers as jsonschema would, or raises
``Unsure`` (a value of a type JSON does not make, a float ``multipleOf``): the check then says
False and ``jsonschema`` looks (an unsure part is never turned around by a ``not``). A schema
with a keyword it does not compile has no check at all (:func:`compile_check` gives None).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .checkparts import (
    BOUNDS,
    SCOPE_KEYWORDS,
    TYPES,
    Check,
    Unsupported,
    Unsure,
    all_of,
    bound,
    deferred,
    equal,
    number,
    plain,
    properties_of,
    regex,
    safe,
    schemas,
    unique,
)

# The bounds on lengths (strings, arrays, objects), which do not apply to numbers.
_SIZES = frozenset(k for k, (kinds, _, sized) in BOUNDS.items() if sized)


def compile_check(
    schema: Any, defs: Mapping[str, Any], keywords: Any, format_checker: Any = None
) -> Check | None:
    """The check of ``schema`` (references ``#/$defs/Name`` into ``defs``), or None when a part of
    it is not compiled. ``keywords`` are the validation keywords of the draft (jsonschema's
    ``VALIDATORS``): any other key is an annotation, as jsonschema ignores it."""
    try:
        return Compiler(defs, frozenset(keywords), format_checker).compile(schema)
    except Unsupported:
        return None


class Compiler:
    """Compiles schemas against one set of ``$defs`` (each definition compiled once)."""

    def __init__(self, defs: Mapping[str, Any], keywords: frozenset[str], formats: Any) -> None:
        self.defs = defs
        self.keywords = keywords
        self.formats = formats
        self.refs: dict[str, Check] = {}

    def compile(self, schema: Any) -> Check:
        """The check of a schema (raises :class:`Unsupported`)."""
        return safe(self.node(schema))

    def node(self, schema: Any) -> Check:
        if schema is True:
            return plain
        if schema is False:
            return lambda value: False
        if not isinstance(schema, dict):
            raise Unsupported(f"not a schema: {schema!r}")
        typed = self.typed(schema)
        if typed is not None:
            return typed
        checks: list[Check] = []
        for key, arg in schema.items():
            if key in SCOPE_KEYWORDS:
                raise Unsupported(key)
            if key not in self.keywords:
                continue  # an annotation (title, example, x-...): jsonschema ignores it too
            if key in BOUNDS:
                checks.append(bound(*BOUNDS[key], number(arg)))
                continue
            make = getattr(self, "k_" + key.lstrip("$"), None)
            if make is None:
                raise Unsupported(key)
            made = make(arg, schema)
            if made is not None:
                checks.append(made)
        return all_of(checks)

    def typed(self, schema: dict[str, Any]) -> Check | None:
        """One function for the most common schemas (one type; a string's length, pattern and
        enum of strings, a number's bounds, an object's properties): fewer calls than one a
        keyword. None for any other schema."""
        kind = schema.get("type")
        used = {k for k in schema if k in self.keywords or k in SCOPE_KEYWORDS}
        fails = tuple((BOUNDS[k][1], number(schema[k])) for k in used if k in BOUNDS)
        if kind == "string" and used <= {"type", "minLength", "maxLength", "pattern", "enum"}:
            search = regex(schema["pattern"]).search if "pattern" in schema else None
            texts = schemas(schema.get("enum", []))
            if not all(type(t) is str for t in texts):
                return None
            allowed = frozenset(texts) if "enum" in schema else None

            def string(v: Any) -> bool:
                if type(v) is not str:
                    return plain(v) and False
                n = len(v)
                for fail, limit in fails:
                    if fail(n, limit):
                        return False
                if allowed is not None and v not in allowed:
                    return False
                return search is None or search(v) is not None

            return string
        if kind in ("integer", "number") and used <= {"type", *BOUNDS} - _SIZES:
            floats = kind == "number"

            def numeric(v: Any) -> bool:
                t = type(v)
                if t is not int and (t is not float or not (floats or v.is_integer())):
                    return plain(v) and False
                for fail, limit in fails:  # noqa: SIM110 - a loop: faster than all()
                    if fail(v, limit):
                        return False
                return True

            return numeric
        if kind == "object" and used <= {"type", "properties", "required", "additionalProperties"}:
            names = tuple(schemas(schema.get("required", [])))
            parts = tuple((name, self.node(s)) for name, s in properties_of(schema).items())
            extra = self.k_additionalProperties(schema.get("additionalProperties", True), schema)

            def object_(v: Any) -> bool:
                if type(v) is not dict:
                    return plain(v) and False
                for name in names:
                    if name not in v:
                        return False
                for name, part in parts:
                    if name in v and not part(v[name]):
                        return False
                return extra is None or extra(v)

            return object_
        return None

    # --- any type ------------------------------------------------------------------------------

    def k_type(self, arg: Any, schema: Any) -> Check:
        names = [arg] if isinstance(arg, str) else arg
        if not isinstance(names, list) or not all(n in TYPES for n in names):
            raise Unsupported(f"type {arg!r}")
        exact = frozenset(t for n in names for t in TYPES[n])
        integral = "integer" in names and "number" not in names

        def check(value: Any) -> bool:
            kind = type(value)
            if kind in exact:
                return True
            return integral and kind is float and value.is_integer()

        return check

    def k_enum(self, arg: Any, schema: Any) -> Check:
        if not isinstance(arg, list):
            raise Unsupported("enum")
        if all(type(v) is str for v in arg):
            texts = frozenset(arg)
            return lambda value: type(value) is str and value in texts
        return lambda value: any(equal(v, value) for v in arg)

    def k_const(self, arg: Any, schema: Any) -> Check:
        return lambda value: equal(arg, value)

    def k_format(self, arg: Any, schema: Any) -> Check | None:
        formats = self.formats
        if formats is None or arg not in getattr(formats, "checkers", {}):
            return None  # jsonschema checks no format it has no checker for
        conforms = formats.conforms
        return lambda value: bool(conforms(value, arg))

    def k_allOf(self, arg: Any, schema: Any) -> Check:
        parts = [self.node(s) for s in schemas(arg)]
        return lambda value: all(p(value) for p in parts)

    def k_anyOf(self, arg: Any, schema: Any) -> Check:
        parts = [self.node(s) for s in schemas(arg)]
        return lambda value: any(p(value) for p in parts)

    def k_oneOf(self, arg: Any, schema: Any) -> Check:
        parts = [self.node(s) for s in schemas(arg)]
        return lambda value: sum(1 for p in parts if p(value)) == 1

    def k_not(self, arg: Any, schema: Any) -> Check:
        part = self.node(arg)  # (a part that is unsure raises: it is never turned around)
        return lambda value: not part(value)

    def k_if(self, arg: Any, schema: Any) -> Check | None:
        if "then" not in schema and "else" not in schema:
            return None
        test = self.node(arg)
        then = self.node(schema.get("then", True))
        other = self.node(schema.get("else", True))
        return lambda value: then(value) if test(value) else other(value)

    def k_ref(self, arg: Any, schema: Any) -> Check:
        if not isinstance(arg, str) or not arg.startswith("#/$defs/"):
            raise Unsupported(f"$ref {arg!r}")
        name = arg[len("#/$defs/") :]
        if "/" in name or "~" in name or "%" in name or name not in self.defs:
            raise Unsupported(f"$ref {arg!r}")
        if name not in self.refs:
            self.refs[name] = deferred(self.refs, name)  # a cycle reaches itself through refs
            self.refs[name] = self.node(self.defs[name])
        return deferred(self.refs, name)

    # --- numbers and strings -------------------------------------------------------------------

    def k_multipleOf(self, arg: Any, schema: Any) -> Check:
        n = number(arg)
        if n <= 0:
            raise Unsupported("multipleOf")

        def check(v: Any) -> bool:
            kind = type(v)
            if kind is int and type(n) is int:
                return bool(v % n == 0)
            if kind is int or kind is float:
                raise Unsure  # jsonschema's own float arithmetic decides
            return True

        return check

    def k_pattern(self, arg: Any, schema: Any) -> Check:
        search = regex(arg).search
        return lambda v: type(v) is not str or search(v) is not None

    # --- arrays ----------------------------------------------------------------------------------

    def k_uniqueItems(self, arg: Any, schema: Any) -> Check | None:
        if not arg:
            return None
        return lambda v: type(v) is not list or unique(v)

    def k_prefixItems(self, arg: Any, schema: Any) -> Check:
        parts = [self.node(s) for s in schemas(arg)]
        return lambda v: type(v) is not list or all(p(i) for p, i in zip(parts, v, strict=False))

    def k_items(self, arg: Any, schema: Any) -> Check | None:
        start = len(schema.get("prefixItems", []))
        if arg is True:
            return None
        if arg is False:
            return lambda v: type(v) is not list or len(v) <= start
        part = self.node(arg)
        if start:
            return lambda v: type(v) is not list or all(part(i) for i in v[start:])
        return lambda v: type(v) is not list or all(part(i) for i in v)

    # --- objects ---------------------------------------------------------------------------------

    def k_required(self, arg: Any, schema: Any) -> Check:
        if not isinstance(arg, list):
            raise Unsupported("required")
        names = tuple(arg)
        return lambda v: type(v) is not dict or all(n in v for n in names)

    def k_properties(self, arg: Any, schema: Any) -> Check:
        if not isinstance(arg, dict):
            raise Unsupported("properties")
        parts = tuple((name, self.node(s)) for name, s in arg.items())

        def check(v: Any) -> bool:
            if type(v) is dict:
                for name, part in parts:
                    if name in v and not part(v[name]):
                        return False
            return True

        return check

    def k_patternProperties(self, arg: Any, schema: Any) -> Check:
        if not isinstance(arg, dict):
            raise Unsupported("patternProperties")
        parts = [(regex(p).search, self.node(s)) for p, s in arg.items()]
        return lambda v: type(v) is not dict or all(
            part(item) for search, part in parts for k, item in v.items() if search(k)
        )

    def k_additionalProperties(self, arg: Any, schema: Any) -> Check | None:
        if arg is True:
            return None
        declared = frozenset(schema.get("properties", {}))
        patterns = schema.get("patternProperties", {})
        search = regex("|".join(patterns)).search if patterns else None
        part = None if arg is False else self.node(arg)

        def check(v: Any) -> bool:
            if type(v) is not dict:
                return True
            for key, item in v.items():
                if key in declared or (search is not None and search(key)):
                    continue
                if part is None or not part(item):
                    return False
            return True

        return check

    def k_propertyNames(self, arg: Any, schema: Any) -> Check:
        part = self.node(arg)
        return lambda v: type(v) is not dict or all(part(k) for k in v)

    def k_dependentRequired(self, arg: Any, schema: Any) -> Check:
        if not isinstance(arg, dict):
            raise Unsupported("dependentRequired")
        pairs = [(k, tuple(names)) for k, names in arg.items()]
        return lambda v: type(v) is not dict or all(
            all(n in v for n in names) for k, names in pairs if k in v
        )

    def k_dependentSchemas(self, arg: Any, schema: Any) -> Check:
        if not isinstance(arg, dict):
            raise Unsupported("dependentSchemas")
        pairs = [(k, self.node(s)) for k, s in arg.items()]
        return lambda v: type(v) is not dict or all(part(v) for k, part in pairs if k in v)
