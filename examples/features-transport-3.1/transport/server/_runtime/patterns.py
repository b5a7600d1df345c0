"""Short strings that match a regular expression (for mock values of a ``pattern``): a walk over
the parse tree of Python's ``re``, the first choice of each branch, class and repeat."""

from __future__ import annotations

import importlib
import re
from typing import Any


def from_pattern(regex: str, low: int, high: Any) -> str | None:
    """A short string matching ``regex`` (and the length bounds), or None."""
    try:
        parser = importlib.import_module("re._parser")
    except ImportError:  # Python 3.10
        parser = importlib.import_module("sre_parse")
    try:
        compiled = re.compile(regex)
        tree = parser.parse(regex)
    except (re.error, RecursionError, OverflowError):
        return None
    for extra in range(max(low, 1) + 1):
        try:
            text = _generate(tree, extra)
        except (ValueError, IndexError, RecursionError):
            return None
        fits = len(text) >= low and (high is None or len(text) <= int(high))
        if fits and compiled.search(text) is not None:
            return text
        if high is not None and len(text) > int(high):
            break
    return None


_CATEGORIES = {
    "CATEGORY_DIGIT": "0",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "a",
    "CATEGORY_WORD": "a",
    "CATEGORY_NOT_WORD": "-",
}
_CANDIDATES = "a0A_-. zZ9"


def _generate(items: Any, extra: int) -> str:
    out: list[str] = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "NOT_LITERAL":
            out.append("a" if chr(arg) != "a" else "b")
        elif name == "ANY":
            out.append("a")
        elif name == "IN":
            out.append(_in_set(arg))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = arg
            count = low + extra if str(high) == "MAXREPEAT" else min(high, low + extra)
            out.append("".join(_generate(sub, extra) for _ in range(count)))
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            out.append(_generate(arg[-1], extra))
        elif name == "BRANCH":
            out.append(_generate(arg[1][0], extra))
        elif name == "CATEGORY":
            out.append(_CATEGORIES.get(str(arg), "a"))
    return "".join(out)


def _in_set(items: Any) -> str:
    if not any(str(op) == "NEGATE" for op, _ in items):
        for op, arg in items:
            name = str(op)
            if name == "LITERAL":
                return chr(arg)
            if name == "RANGE":
                return chr(arg[0])
            if name == "CATEGORY":
                return _CATEGORIES.get(str(arg), "a")
        raise ValueError("empty character set")
    for char in _CANDIDATES:
        if not any(_in_item(str(op), arg, char) for op, arg in items):
            return char
    raise ValueError("no character fits the set")


def _in_item(name: str, arg: Any, char: str) -> bool:
    if name == "LITERAL":
        return chr(arg) == char
    if name == "RANGE":
        return bool(arg[0] <= ord(char) <= arg[1])
    if name == "CATEGORY":
        return re.fullmatch(_CATEGORY_RE.get(str(arg), "(?!)"), char) is not None
    return False


_CATEGORY_RE = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
