"""The Python client target: IR → view models → file plans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import ir
from .package import FilePlan, Options, server_views
from .pyview import TypeNamer, literal, required_arg, uses


@dataclass(frozen=True, slots=True, kw_only=True)
class ArgView:
    name: str
    wire_name: str
    hint: str
    default: str | None
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ParamSpecView:
    wire_name: str
    location: str
    style: str
    explode: bool
    allow_reserved: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ClientOpView:
    name: str
    const: str
    method: str
    path: str
    summary: str
    description: str
    http_line: str
    deprecated: bool
    required: tuple[ArgView, ...]
    optional: tuple[ArgView, ...]
    body: ArgView | None
    params: tuple[ParamSpecView, ...]
    constants: tuple[tuple[str, str, str], ...]
    bodies: tuple[tuple[str, str], ...]
    responses: tuple[tuple[str, str | None, str], ...]
    security: tuple[tuple[str, ...], ...]
    returns: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SchemeView:
    name: str
    wire_name: str
    kind: str
    location: str
    param_name: str
    hint: str
    description: str


def http_line(op: ir.Operation) -> str:
    """``GET /?Action=X`` — how the operation looks on the wire."""
    extra = "&".join(f"{c.wire_name}={c.value}" for c in op.constants if c.location == "query")
    headers = ", ".join(f"{c.wire_name}: {c.value}" for c in op.constants if c.location == "header")
    line = f"{op.method} {op.path}" + (f"?{extra}" if extra else "")
    return line + (f" ({headers})" if headers else "")


def _success_type(op: ir.Operation, namer: TypeNamer) -> str:
    hints: list[str] = []
    for r in op.responses:
        if not r.status.startswith("2"):
            continue
        if not r.contents:
            return "Any"
        for c in r.contents:
            hint = "bytes" if c.kind == "binary" else "str" if c.kind == "text" else namer.hint(c.type)
            if hint not in hints:
                hints.append(hint)
    if not hints or "Any" in hints:
        return "Any"
    return " | ".join(hints)


def _response_views(op: ir.Operation, namer: TypeNamer) -> tuple[tuple[str, str | None, str], ...]:
    views = []
    for r in op.responses:
        content = r.contents[0] if r.contents else None
        if content is None:
            views.append((r.status, None, "None"))
            continue
        hint = namer.hint(content.type)
        views.append((r.status, content.kind, "None" if hint == "Any" or content.kind != "json" else hint))
    return tuple(views)


def op_view(op: ir.Operation, api: ir.Api, namer: TypeNamer) -> ClientOpView:
    """The client's view of one operation."""
    required, optional = [], []
    for p in op.parameters:
        if required_arg(p):
            required.append(ArgView(name=p.name, wire_name=p.wire_name, hint=namer.hint(p.type), default=None,
                                    description=p.description))
        else:
            optional.append(ArgView(name=p.name, wire_name=p.wire_name, hint=namer.optional(p.type),
                                    default="None", description=p.description))
    body = None
    if op.body is not None and op.body.contents:
        content = op.body.contents[0]
        hint = _body_hint(content, namer)
        body = ArgView(name="body", wire_name="body", hint=hint if op.body.required else f"{hint} | None",
                       default=None if op.body.required else "None", description=op.body.description)
    security = op.security if op.security is not None else api.security
    return ClientOpView(
        name=op.name, const="_" + op.name.upper(), method=op.method, path=op.path, summary=op.summary,
        description=op.description, http_line=http_line(op), deprecated=op.deprecated,
        required=tuple(required), optional=tuple(optional), body=body,
        params=tuple(ParamSpecView(wire_name=p.wire_name, location=p.location, style=p.style, explode=p.explode,
                                   allow_reserved=p.allow_reserved) for p in op.parameters),
        constants=tuple((c.location, c.wire_name, c.value) for c in op.constants),
        bodies=tuple((c.media_type, c.kind) for c in op.body.contents) if op.body else (),
        responses=_response_views(op, namer),
        security=tuple(req.schemes for req in security),
        returns=_success_type(op, namer),
    )


def _body_hint(content: ir.Content, namer: TypeNamer) -> str:
    if content.kind == "binary":
        return "bytes | IO[bytes] | Path"
    if content.kind == "text":
        return "str"
    if content.kind == "multipart":
        return "Mapping[str, Any]" if not isinstance(content.type, ir.Named) else namer.hint(content.type) + \
            " | Mapping[str, Any]"
    return namer.hint(content.type)


def scheme_views(api: ir.Api) -> tuple[SchemeView, ...]:
    """One constructor keyword per security scheme."""
    hints = {"basic": "tuple[str, str] | None", "bearer": "str | None", "apiKey": "str | None"}
    return tuple(SchemeView(name=s.name, wire_name=s.wire_name, kind=s.kind, location=s.location,
                            param_name=s.param_name, hint=hints.get(s.kind, "str | None"),
                            description=s.description) for s in api.security_schemes)


def plan(api: ir.Api, options: Options) -> list[FilePlan]:
    """The client's files."""
    namer = TypeNamer(api, prefix="m.")
    ops = [op_view(op, api, namer) for op in api.operations]
    types = [p.type for op in api.operations for p in op.parameters]
    types += [c.type for op in api.operations if op.body for c in op.body.contents]
    types += [c.type for op in api.operations for r in op.responses for c in r.contents]
    context: dict[str, Any] = {
        "api": api,
        "package": options.package,
        "operations": ops,
        "schemes": scheme_views(api),
        "server": server_views(api),
        "default_security": tuple(req.schemes for req in api.security),
        "needs_datetime": any(uses(t, "datetime") for t in types),
        "needs_uuid": any(uses(t, "uuid") for t in types),
        "literal": literal,
    }
    pkg = options.package
    return [
        FilePlan(path=f"{pkg}/_http.py", template="client/_http.py.jinja", context=context),
        FilePlan(path=f"{pkg}/client.py", template="client/client.py.jinja", context=context),
    ]
