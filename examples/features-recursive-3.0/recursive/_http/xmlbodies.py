"""XML bodies (``application/xml``, ``text/xml``, ``+xml``) read into and written from the declared
models, following the OpenAPI ``xml`` object: element names (``name``), ``namespace`` and
``prefix``, properties sent as ``attribute``s, and arrays ``wrapped`` in an element of their own
or not. Standard library only; a document with a DTD (and so with entities) is refused.

The generated package's ``_xml`` module holds the shapes (``XmlModel`` per object model, by
class name); the server runtime uses this module too. Reading is lenient as the client's JSON
reading is: names match by local name (namespaces ignored), a wrapped array takes every child of
its wrapper (AWS's ``member``), and an AWS query answer's ``<XResult>`` element is looked into
when the model's fields are inside it.
"""

from __future__ import annotations

import importlib
import types
import typing
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.parsers import expat

from .values import pydantic, scalar, to_json


@dataclass(frozen=True, slots=True)
class XmlField:
    """One property: its JSON name (``key``), XML name, and how it is laid out."""

    key: str
    name: str
    attribute: bool = False
    many: bool = False
    wrapped: bool = False
    item: str = ""
    model: str = ""
    namespace: str = ""
    prefix: str = ""


@dataclass(frozen=True, slots=True)
class XmlModel:
    """An object model: its element name (and namespace) and its properties."""

    name: str
    fields: tuple[XmlField, ...] = ()
    namespace: str = ""
    prefix: str = ""


class XmlError(ValueError):
    """A body that is not XML, or XML this reader refuses (a DTD)."""


# --------------------------------------------------------------------------- parsing


def _refuse(*_: Any) -> None:
    raise XmlError("XML with a DTD (or entity declarations) is refused")


def parse(data: bytes | str) -> ET.Element:
    """The root element of a document; a DTD, entity declarations or malformed XML raise
    ``XmlError`` (no entity is ever expanded)."""
    parser = expat.ParserCreate(namespace_separator="}")
    builder = ET.TreeBuilder()

    def start(tag: str, attrs: dict[str, str]) -> None:
        builder.start(_clark(tag), {_clark(k): v for k, v in attrs.items()})

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: builder.end(_clark(tag))
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data.encode("utf-8") if isinstance(data, str) else data, True)
        root = builder.close()
    except expat.ExpatError as exc:
        raise XmlError(f"the body is not XML: {exc}") from None
    return root


def _clark(name: str) -> str:
    # expat gives "namespace}local" for a namespaced name: ElementTree's "{namespace}local".
    return "{" + name if "}" in name else name


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# --------------------------------------------------------------------------- shapes


@cache
def shapes(package: str) -> Mapping[str, XmlModel]:
    """The XML shapes of a generated package (its ``_xml`` module), by model class name."""
    try:
        module = importlib.import_module(f"{package}._xml")
    except ImportError:
        return {}
    found: Mapping[str, XmlModel] = module.SHAPES
    return found


def _top_package() -> str:
    # NAME._http (client) or NAME._http imported by NAME.server._runtime: the package is NAME.
    return (__package__ or __name__).split(".")[0]


def _root_model(tp: Any) -> tuple[str, bool]:
    """(model class name, a list of them) of a declared body type."""
    origin = typing.get_origin(tp)
    if origin in (list, tuple):
        args = typing.get_args(tp)
        return (_root_model(args[0])[0] if args else ""), True
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is not type(None):
                return _root_model(arg)
    return (tp.__name__ if isinstance(tp, type) else ""), False


# --------------------------------------------------------------------------- reading


def read(data: bytes | str, tp: Any) -> Any:
    """An XML document as JSON-shaped data for the declared type ``tp`` (then validated by
    pydantic, which reads the texts as numbers, booleans, dates)."""
    root = parse(data)
    table = shapes(_top_package())
    name, many = _root_model(tp)
    shape = table.get(name)
    if many:
        return [_value(child, shape, table) for child in root]
    if shape is None:
        return _plain(root)
    return _object(root, shape, table)


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _object(element: ET.Element, shape: XmlModel, table: Mapping[str, XmlModel]) -> dict[str, Any]:
    names = {f.name for f in shape.fields if not f.attribute}
    if names and not any(_local(c.tag) in names for c in element):
        # AWS query answers: <OpResponse><OpResult>...fields...</OpResult><ResponseMetadata/>
        inner = [c for c in element if _local(c.tag).endswith("Result")]
        if len(inner) == 1:
            element = inner[0]
    result: dict[str, Any] = {}
    for f in shape.fields:
        inner_shape = table.get(f.model)
        if f.attribute:
            value = next((v for k, v in element.attrib.items() if _local(k) == f.name), None)
            if value is not None:
                result[f.key] = value
        elif f.many:
            if f.wrapped:
                wrapper = _children(element, f.name)
                if wrapper:
                    result[f.key] = [_value(c, inner_shape, table) for c in wrapper[0]]
            else:
                found = _children(element, f.item or f.name)
                if found:
                    result[f.key] = [_value(c, inner_shape, table) for c in found]
        else:
            found = _children(element, f.name)
            if found:
                result[f.key] = _value(found[0], inner_shape, table)
    return result


def _value(element: ET.Element, shape: XmlModel | None, table: Mapping[str, XmlModel]) -> Any:
    if shape is not None and (len(element) or element.attrib or not (element.text or "").strip()):
        return _object(element, shape, table)
    # Text where an object is declared stays text: the declared type refuses it.
    return _plain(element)


def _plain(element: ET.Element) -> Any:
    """An element without a shape: its text, or its children by name (repeated: a list)."""
    if len(element) == 0:
        return element.text or ""
    data: dict[str, Any] = {}
    for child in element:
        key, value = _local(child.tag), _plain(child)
        if key in data:
            before = data[key]
            data[key] = [*before, value] if isinstance(before, list) else [before, value]
        else:
            data[key] = value
    return data


# --------------------------------------------------------------------------- writing


def write(value: Any, tp: Any = None) -> bytes:
    """A value (a model, a list of models, JSON data) as an XML document."""
    table = shapes(_top_package())
    name = type(value).__name__ if isinstance(value, pydantic.BaseModel) else _root_model(tp)[0]
    if not name and isinstance(value, list | tuple) and value:
        # A list of models written without its type (a request body, a server's answer): the
        # items' model gives the shape.
        name = type(value[0]).__name__ if isinstance(value[0], pydantic.BaseModel) else ""
    shape = table.get(name)
    data = to_json(value)
    if isinstance(data, list):
        root = ET.Element(name + "s" if name else "items")
        for item in data:
            root.append(_element(shape.name if shape else "item", item, shape, table))
    else:
        root = _element(shape.name if shape else (name or "root"), data, shape, table)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body


def _tag(name: str, namespace: str, prefix: str, attrs: dict[str, str]) -> str:
    if namespace:
        attrs["xmlns:" + prefix if prefix else "xmlns"] = namespace
    return f"{prefix}:{name}" if prefix else name


def _element(
    name: str, data: Any, shape: XmlModel | None, table: Mapping[str, XmlModel]
) -> ET.Element:
    attrs: dict[str, str] = {}
    tag = _tag(name, shape.namespace, shape.prefix, attrs) if shape else name
    element = ET.Element(tag, attrs)
    if not isinstance(data, dict):
        element.text = scalar(data)
        return element
    known = {f.key for f in shape.fields} if shape else set()
    for f in shape.fields if shape else ():
        if f.key not in data or data[f.key] is None:
            continue
        _put(element, f, data[f.key], table)
    for key, value in data.items():
        if key not in known and value is not None:
            for item in value if isinstance(value, list) else [value]:
                element.append(_element(key, item, None, table))
    return element


def _put(element: ET.Element, f: XmlField, value: Any, table: Mapping[str, XmlModel]) -> None:
    inner = table.get(f.model)
    if f.attribute:
        attr = f"{f.prefix}:{f.name}" if f.prefix else f.name
        element.set(attr, scalar(value))
        if f.namespace and f.prefix:
            element.set("xmlns:" + f.prefix, f.namespace)
        return
    if not f.many:
        child = _element(f.name, value, inner, table)
        _qualify(child, f)
        element.append(child)
        return
    parent = element
    if f.wrapped:
        attrs: dict[str, str] = {}
        parent = ET.SubElement(element, _tag(f.name, f.namespace, f.prefix, attrs), attrs)
    for item in value if isinstance(value, list) else [value]:
        parent.append(_element(f.item or f.name, item, inner, table))


def _qualify(child: ET.Element, f: XmlField) -> None:
    # The property's own namespace and prefix (they replace those of the model it refers to).
    if f.namespace or f.prefix:
        attrs: dict[str, str] = {}
        child.tag = _tag(f.name, f.namespace, f.prefix, attrs)
        child.attrib.update(attrs)
