"""JSON read with a depth limit: a document nested deeper than the request's ``max_json_depth`` is a
400 problem, never a ``RecursionError`` (shipped verbatim by oagen; do not edit)."""

from __future__ import annotations

import json
import re
from typing import Any

from .limits import LimitExceeded, current

__all__ = ["json_depth", "loads"]

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def json_depth(data: str | bytes, stop: int | None = None) -> int:
    """How deep a JSON document nests arrays and objects (``[]`` is 1, ``[{}]`` 2); text inside
    strings is not structure. With ``stop``, counting ends at ``stop + 1``."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if b'"' in raw:
        raw = _STRING.sub(b"", raw)
    depth = deepest = 0
    for byte in raw.translate(None, _NOT_BRACKETS):
        if byte in (91, 123):  # [ {
            depth += 1
            if depth > deepest:
                deepest = depth
                if stop is not None and deepest > stop:
                    break
        else:
            depth -= 1
    return deepest


def loads(data: str | bytes) -> Any:
    """``json.loads``, refusing (400) a document nested deeper than the request's
    ``max_json_depth``; never a ``RecursionError``. Other bad JSON raises ``ValueError``."""
    limit = current().max_json_depth
    if limit is not None:
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        # Fewer brackets than the limit cannot nest deeper: most documents stop here.
        if raw.count(b"[") + raw.count(b"{") > limit and json_depth(raw, limit) > limit:
            raise LimitExceeded(
                400,
                f"the JSON document nests deeper than {limit} levels (arrays and objects)",
                "max_json_depth",
            )
    try:
        return json.loads(data)
    except RecursionError:
        raise LimitExceeded(
            400, "the JSON document nests too deep to be read", "max_json_depth"
        ) from None
