"""The pieces compiled checks (``compiled.py``) are made of: the Python types of JSON values, the
bounds keywords, jsonschema's equality, and the combinators of keyword checks."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# The Python types JSON values come as; a value of another type is left to jsonschema.
PLAIN = frozenset({str, int, float, bool, type(None), dict, list})
TYPES: dict[str, tuple[type, ...]] = {
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
NUMBERS = (int, float)
BOUNDS: dict[str, tuple[tuple[type, ...], Callable[[Any, Any], Any], bool]] = {
    "minimum": (NUMBERS, operator.lt, False),
    "maximum": (NUMBERS, operator.gt, False),
    "exclusiveMinimum": (NUMBERS, operator.le, False),
    "exclusiveMaximum": (NUMBERS, operator.ge, False),
    "minLength": ((str,), operator.lt, True),
    "maxLength": ((str,), operator.gt, True),
    "minItems": ((list,), operator.lt, True),
    "maxItems": ((list,), operator.gt, True),
    "minProperties": ((dict,), operator.lt, True),
    "maxProperties": ((dict,), operator.gt, True),
}
# Keywords that change how references resolve or which dialect applies: not compiled.
SCOPE_KEYWORDS = frozenset(
    {"$id", "$anchor", "$dynamicAnchor", "$schema", "$recursiveRef", "$recursiveAnchor"}
)


class Unsupported(Exception):
    """A schema (or a part of it) the compiler leaves to jsonschema."""


class Unsure(Exception):
    """A value a compiled check leaves to jsonschema."""


def safe(check: Check) -> Check:
    """A check that says False (jsonschema decides) instead of failing."""

    def safe(value: Any) -> bool:
        try:
            return check(value)
        except (Unsure, RecursionError, TypeError, ValueError, OverflowError):
            return False

    return safe


def number(arg: Any) -> float | int:
    if type(arg) not in (int, float):
        raise Unsupported(f"not a number: {arg!r}")
    number: float | int = arg
    return number


def regex(text: Any) -> re.Pattern[str]:
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
    if t1 not in PLAIN or t2 not in PLAIN:
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


def bound(
    kinds: tuple[type, ...], fails: Callable[[Any, Any], Any], sized: bool, n: float
) -> Check:
    if sized:
        return lambda v: type(v) not in kinds or not fails(len(v), n)
    return lambda v: type(v) not in kinds or not fails(v, n)


def properties_of(schema: dict[str, Any]) -> dict[str, Any]:
    found = schema.get("properties", {})
    if not isinstance(found, dict):
        raise Unsupported("properties")
    return found


def schemas(arg: Any) -> list[Any]:
    if not isinstance(arg, list):
        raise Unsupported("not a list of schemas")
    return arg


def deferred(refs: dict[str, Check], name: str) -> Check:
    """The check of definition ``name``, looked up when called (it may not be compiled yet)."""

    def check(value: Any) -> bool:
        return refs[name](value)

    return check


def plain(value: Any) -> bool:
    if type(value) not in PLAIN:
        raise Unsure
    return True


def all_of(checks: list[Check]) -> Check:
    """One node's check: a plain JSON value that passes each keyword's check."""
    if not checks:
        return plain
    if len(checks) == 1:
        only = checks[0]
        return lambda value: plain(value) and only(value)
    parts = tuple(checks)

    def check(value: Any) -> bool:
        if type(value) not in PLAIN:
            raise Unsure
        for part in parts:  # noqa: SIM110 - a loop: faster than all() over a generator
            if not part(value):
                return False
        return True

    return check
