"""The ``_xml`` module of a package whose spec has XML bodies: one shape per object model (element
name, namespace, which properties are attributes, how arrays are laid out), read by the runtime's
``xmlbodies`` on the client and the server (the OpenAPI ``xml`` object)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import ir
from .package import FilePlan, Options
from .pyview import TypeNamer


@dataclass(frozen=True, slots=True, kw_only=True)
class XmlFieldView:
    key: str
    name: str
    attribute: bool
    many: bool
    wrapped: bool
    item: str
    model: str
    namespace: str
    prefix: str


@dataclass(frozen=True, slots=True, kw_only=True)
class XmlModelView:
    cls: str
    name: str
    namespace: str
    prefix: str
    fields: tuple[XmlFieldView, ...]


def uses_xml(api: ir.Api) -> bool:
    """True when an operation reads or writes an XML body into a declared type."""
    return any(c.kind == "xml" for op in api.operations
               for c in (*(op.body.contents if op.body else ()), *(c for r in op.responses for c in r.contents)))


def _bare(t: ir.Type, namer: TypeNamer) -> ir.Type:
    t = namer.unalias(t)
    if isinstance(t, ir.Union_):
        rest = [v for v in t.variants if v != ir.NULL]
        if len(rest) == 1:
            return namer.unalias(rest[0])
    return t


def _model_name(t: ir.Type, api: ir.Api, namer: TypeNamer) -> str:
    t = _bare(t, namer)
    if isinstance(t, ir.Named) and namer.kinds.get(t.key) == "object":
        return api.model(t.key).name
    return ""


def _field(f: ir.Field, api: ir.Api, namer: TypeNamer) -> XmlFieldView:
    x = f.xml or ir.Xml()
    t = _bare(f.type, namer)
    many = isinstance(t, ir.Array)
    inner = t.items if isinstance(t, ir.Array) else t
    model = _model_name(inner, api, namer)
    name = x.name or f.wire_name
    item = x.items_name
    if many and not item:
        # Items named by their model's own xml name, else (OpenAPI) by the property's name.
        target = _bare(inner, namer)
        declared = api.model(target.key).xml if isinstance(target, ir.Named) else None
        item = (declared.name if declared else "") or name
    return XmlFieldView(key=f.wire_name, name=name, attribute=x.attribute and not many, many=many,
                        wrapped=x.wrapped, item=item if many else "", model=model, namespace=x.namespace,
                        prefix=x.prefix)


def views(api: ir.Api) -> tuple[XmlModelView, ...]:
    """One shape per object model, in spec order."""
    namer = TypeNamer(api)
    result = []
    for m in api.models:
        if m.kind != "object":
            continue
        x = m.xml or ir.Xml()
        result.append(XmlModelView(cls=m.name, name=x.name or m.name_hint, namespace=x.namespace, prefix=x.prefix,
                                   fields=tuple(_field(f, api, namer) for f in m.fields)))
    return tuple(result)


def plan(api: ir.Api, options: Options) -> list[FilePlan]:
    """``NAME/_xml.py`` when the spec has XML bodies."""
    if not uses_xml(api):
        return []
    shapes = views(api)
    context: dict[str, Any] = {"api": api, "shapes": shapes}
    return [FilePlan(path=f"{options.package}/_xml.py", template="package/_xml.py.jinja", context=context,
                     weight=1 + 4 * sum(len(s.fields) for s in shapes))]
