"""The IR as JSON (for ``oagen inspect --json`` and the IR golden tests)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from . import ir


def to_data(value: Any) -> Any:
    """Plain JSON data of an IR node (type nodes tagged with their class)."""
    if isinstance(value, ir.JSONObject):
        return {k: to_data(v) for k, v in value.items}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data: dict[str, Any] = {}
        if isinstance(value, ir.Primitive | ir.Array | ir.Map | ir.Named | ir.Union_ | ir.Literal | ir.Any_):
            data["is"] = type(value).__name__.rstrip("_").lower()
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name == "src" or (isinstance(item, ir.Constraints) and item.is_empty()):
                continue
            if item in (None, (), "", False) and f.name not in ("required",):
                continue
            data[f.name] = to_data(item)
        return data
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    return value


def dumps(api: ir.Api) -> str:
    """Deterministic JSON text of the IR."""
    return json.dumps(to_data(api), indent=1, ensure_ascii=False, sort_keys=False) + "\n"
