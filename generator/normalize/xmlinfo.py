"""The OpenAPI ``xml`` object of schemas and properties (name, namespace, prefix, attribute,
wrapped), kept in the IR for the targets that read and write XML bodies."""

from __future__ import annotations

from typing import Any

from .. import ir


def xml_of(schema: object, items_name: str = "") -> ir.Xml | None:
    """A schema's ``xml`` object (``None`` when it has none and its items name nothing)."""
    raw = schema.get("xml") if isinstance(schema, dict) else None
    if not isinstance(raw, dict):
        return ir.Xml(items_name=items_name) if items_name else None

    def text(key: str) -> str:
        value = raw.get(key)
        return value if isinstance(value, str) else ""

    return ir.Xml(name=text("name"), namespace=text("namespace"), prefix=text("prefix"),
                  attribute=raw.get("attribute") is True, wrapped=raw.get("wrapped") is True,
                  items_name=items_name)


def items_name(items: Any) -> str:
    """The element name an array's items declare (``items.xml.name``; ``items`` dereferenced)."""
    raw = items.get("xml") if isinstance(items, dict) else None
    name = raw.get("name") if isinstance(raw, dict) else None
    return name if isinstance(name, str) else ""
