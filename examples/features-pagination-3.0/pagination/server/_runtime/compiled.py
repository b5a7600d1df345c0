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

import operator
import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]

# The Python types JSON values come as; a value of another type is left to jsonschema.
_PLAIN = frozenset({str, int, float, bool, type(None), dict, list})
_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "object": (dict,),
    "array": (list,),
    "boolean": (bool,),
    "null": (type(None),),
    "number": (int, float),
    "integer": (int,),
}
# Bounds on numbers, and on the lengths of strings, arrays and objects: (the values they bound,
# the comparison by which jsonschema finds a value failing: "instance < minimum"; NaN fails none).
_NUMBERS = (int, float)
_BOUNDS: dict[str, tuple[tuple[type, ...], Callable[[Any, Any], Any], bool]] = {
    "minimum": (_NUMBERS, operator.lt, False),
    "maximum": (_NUMBERS, operator.gt, False),
    "exclusiveMinimum": (_NUMBERS, operator.le, False),
    "exclusiveMaximum": (_NUMBERS, operator.ge, False),
    "minLength": ((str,), operator.lt, True),
    "maxLength": ((str,), operator.gt, True),
    "minItems": ((list,), operator.lt, True),
    "maxItems": ((list,), operator.gt, True),
    "minProperties": ((dict,), operator.lt, True),
    "maxProperties": ((dict,), operator.gt, True),
}
# Keywords that change how references resolve or which dialect applies: not compiled.
_SCOPE_KEYWORDS = frozenset(
    {"$id", "$anchor", "$dynamicAnchor", "$schema", "$recursiveRef", "$recursiveAnchor"}
)


class Unsupported(Exception):
    """A schema (or a part of it) the compiler leaves to jsonschema."""


class Unsure(Exception):
    """A value a compiled check leaves to jsonschema."""


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


def _safe(check: Check) -> Check:
    """A check that says False (jsonschema decides) instead of failing."""

    def safe(value: Any) -> bool:
        try:
            return check(value)
        except (Unsure, RecursionError, TypeError, ValueError, OverflowError):
            return False

    return safe


def _number(arg: Any) -> float | int:
    if type(arg) not in (int, float):
        raise Unsupported(f"not a number: {arg!r}")
    number: float | int = arg
    return number


def _regex(text: Any) -> re.Pattern[str]:
    if not isinstance(text, str):
        raise Unsupported(f"not a pattern: {text!r}")
    try:
        return re.compile(text)
    except re.error:
        raise Unsupported(f"a pattern Python does not read: {text!r}") from None


def equal(one: Any, two: Any) -> bool:
    """jsonschema's equality of plain JSON values: True and 1 differ, 1 and 1.0 do not."""
    if one is two:
        return True
    t1, t2 = type(one), type(two)
    if t1 not in _PLAIN or t2 not in _PLAIN:
        raise Unsure
    if t1 is str or t2 is str:
        return bool(one == two)
    if t1 is bool or t2 is bool:
        return False
    if t1 is list and t2 is list:
        return len(one) == len(two) and all(equal(a, b) for a, b in zip(one, two, strict=True))
    if t1 is dict and t2 is dict:
        return len(one) == len(two) and all(k in two and equal(v, two[k]) for k, v in one.items())
    if t1 in (list, dict) or t2 in (list, dict):
        return False
    return bool(one == two)


def unique(items: list[Any]) -> bool:
    """jsonschema's ``uniqueItems``: no two items equal (by :func:`equal`)."""
    kinds = {type(i) for i in items}
    if kinds <= {str} or kinds <= {int}:
        return len(set(items)) == len(items)
    return not any(equal(a, b) for n, a in enumerate(items) for b in items[n + 1 :])


class Compiler:
    """Compiles schemas against one set of ``$defs`` (each definition compiled once)."""

    def __init__(self, defs: Mapping[str, Any], keywords: frozenset[str], formats: Any) -> None:
        self.defs = defs
        self.keywords = keywords
        self.formats = formats
        self.refs: dict[str, Check] = {}

    def compile(self, schema: Any) -> Check:
        """The check of a schema (raises :class:`Unsupported`)."""
        return _safe(self.node(schema))

    def node(self, schema: Any) -> Check:
        if schema is True:
            return _plain
        if schema is False:
            return lambda value: False
        if not isinstance(schema, dict):
            raise Unsupported(f"not a schema: {schema!r}")
        checks: list[Check] = []
        for key, arg in schema.items():
            if key in _SCOPE_KEYWORDS:
                raise Unsupported(key)
            if key not in self.keywords:
                continue  # an annotation (title, example, x-...): jsonschema ignores it too
            if key in _BOUNDS:
                checks.append(_bound(*_BOUNDS[key], _number(arg)))
                continue
            make = getattr(self, "k_" + key.lstrip("$"), None)
            if make is None:
                raise Unsupported(key)
            made = make(arg, schema)
            if made is not None:
                checks.append(made)
        return _all(checks)

    # --- any type ------------------------------------------------------------------------------

    def k_type(self, arg: Any, schema: Any) -> Check:
        names = [arg] if isinstance(arg, str) else arg
        if not isinstance(names, list) or not all(n in _TYPES for n in names):
            raise Unsupported(f"type {arg!r}")
        exact = frozenset(t for n in names for t in _TYPES[n])
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
        parts = [self.node(s) for s in _schemas(arg)]
        return lambda value: all(p(value) for p in parts)

    def k_anyOf(self, arg: Any, schema: Any) -> Check:
        parts = [self.node(s) for s in _schemas(arg)]
        return lambda value: any(p(value) for p in parts)

    def k_oneOf(self, arg: Any, schema: Any) -> Check:
        parts = [self.node(s) for s in _schemas(arg)]
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
            self.refs[name] = _deferred(self.refs, name)  # a cycle reaches itself through refs
            self.refs[name] = self.node(self.defs[name])
        return _deferred(self.refs, name)

    # --- numbers and strings -------------------------------------------------------------------

    def k_multipleOf(self, arg: Any, schema: Any) -> Check:
        n = _number(arg)
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
        search = _regex(arg).search
        return lambda v: type(v) is not str or search(v) is not None

    # --- arrays ----------------------------------------------------------------------------------

    def k_uniqueItems(self, arg: Any, schema: Any) -> Check | None:
        if not arg:
            return None
        return lambda v: type(v) is not list or unique(v)

    def k_prefixItems(self, arg: Any, schema: Any) -> Check:
        parts = [self.node(s) for s in _schemas(arg)]
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
        parts = [(_regex(p).search, self.node(s)) for p, s in arg.items()]
        return lambda v: type(v) is not dict or all(
            part(item) for search, part in parts for k, item in v.items() if search(k)
        )

    def k_additionalProperties(self, arg: Any, schema: Any) -> Check | None:
        if arg is True:
            return None
        declared = frozenset(schema.get("properties", {}))
        patterns = schema.get("patternProperties", {})
        search = _regex("|".join(patterns)).search if patterns else None
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


def _bound(
    kinds: tuple[type, ...], fails: Callable[[Any, Any], Any], sized: bool, n: float
) -> Check:
    if sized:
        return lambda v: type(v) not in kinds or not fails(len(v), n)
    return lambda v: type(v) not in kinds or not fails(v, n)


def _schemas(arg: Any) -> list[Any]:
    if not isinstance(arg, list):
        raise Unsupported("not a list of schemas")
    return arg


def _deferred(refs: dict[str, Check], name: str) -> Check:
    """The check of definition ``name``, looked up when called (it may not be compiled yet)."""

    def check(value: Any) -> bool:
        return refs[name](value)

    return check


def _plain(value: Any) -> bool:
    if type(value) not in _PLAIN:
        raise Unsure
    return True


def _all(checks: list[Check]) -> Check:
    """One node's check: a plain JSON value that passes each keyword's check."""
    if not checks:
        return _plain
    if len(checks) == 1:
        only = checks[0]
        return lambda value: _plain(value) and only(value)
    parts = tuple(checks)

    def check(value: Any) -> bool:
        if type(value) not in _PLAIN:
            raise Unsure
        for part in parts:  # noqa: SIM110 - a loop: faster than all() over a generator
            if not part(value):
                return False
        return True

    return check
