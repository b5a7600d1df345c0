"""Python values as the wire sees them: plain JSON data, and the text of one scalar.

pydantic is imported on first use (``pydantic`` here is a stand-in until then): importing the
client costs httpx alone, pydantic comes with the first model or typed answer.
"""

from __future__ import annotations

import base64
import enum
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

__all__ = ["is_object", "pairs", "pydantic", "scalar", "to_json"]

if TYPE_CHECKING:
    import pydantic
else:

    class _Pydantic:
        """pydantic, imported on first use."""

        def __getattr__(self, name: str) -> Any:
            import pydantic

            value = getattr(pydantic, name)
            setattr(self, name, value)  # found directly from now on
            return value

    pydantic = _Pydantic()


def to_json(value: Any) -> Any:
    """Plain JSON data: models by alias without unset fields, enums by value."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def scalar(value: Any) -> str:
    """One value as text: booleans as ``true``/``false``, enums by value, dates in ISO 8601,
    ``None`` as nothing, and a model, mapping or sequence as compact JSON."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, pydantic.BaseModel | Mapping | list | tuple):
        return json.dumps(to_json(value), separators=(",", ":"))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def is_object(value: Any) -> bool:
    """True for a value sent as an object: a mapping or a model."""
    return isinstance(value, Mapping | pydantic.BaseModel)


def pairs(value: Any) -> list[tuple[str, str]]:
    """An object's fields as ``(name, text)`` pairs, in order; unset and ``None`` fields left out."""
    data = to_json(value)
    return [(str(k), scalar(v)) for k, v in data.items() if v is not None]
