"""The Python stub-server target (FastAPI): IR → view models → file plans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import ir
from .package import FilePlan, Options
from .pyview import TypeNamer, literal, required_arg, uses
from .python_client import http_line

_PARAM_FUNCS = {"path": "Path", "query": "Query", "header": "Header", "cookie": "Cookie"}
_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|", "tabDelimited": "\t"}


@dataclass(frozen=True, slots=True, kw_only=True)
class EndpointArg:
    name: str
    annotation: str
    default: str | None
    split: tuple[str, str, str] | None
    handler_hint: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ServerOpView:
    name: str
    endpoint: str
    method: str
    route: str
    status: int
    summary: str
    description: str
    http_line: str
    args: tuple[EndpointArg, ...]
    body_kind: str | None
    body_hint: str
    body_required: bool
    constants: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class FallbackView:
    method: str
    route: str
    location: str
    wire_name: str
    valid: tuple[str, ...]


def _route(op: ir.Operation, base_path: str) -> str:
    names = {p.wire_name: p.name for p in op.parameters if p.location == "path"}
    path = re.sub(r"\{([^}]*)\}", lambda m: "{" + names.get(m.group(1), m.group(1)) + "}", op.path)
    return (base_path + path) if base_path else path


def _status(op: ir.Operation) -> int:
    for r in op.responses:
        if r.status[:1] == "2" and r.status[1:].isdigit():
            return int(r.status)
    return 200


def _arg(p: ir.Parameter, namer: TypeNamer) -> EndpointArg:
    func = _PARAM_FUNCS[p.location]
    alias = "" if p.location == "path" else f"alias={literal(p.wire_name)}"
    split = None
    t = p.type
    if isinstance(t, ir.Array) and not (p.location in ("query", "cookie") and p.style == "form" and p.explode):
        sep = _DELIMITERS.get(p.style, ",")
        split = (p.wire_name, sep, namer.hint(t))
        raw = "str"
    elif isinstance(t, ir.Map) or _is_object(t, namer):
        raw = "str"
    else:
        raw = namer.hint(t)
    required = required_arg(p)
    annotation_type = raw if required else (raw if raw.endswith("| None") or raw == "Any" else f"{raw} | None")
    annotation = f"Annotated[{annotation_type}, {func}({alias})]"
    if required:
        default = None
    elif p.has_default and split is None and p.default is not None:
        default = literal(p.default)
    else:
        default = "None"
    handler_hint = namer.hint(t) if required else namer.optional(t)
    if raw == "str" and split is None:
        handler_hint = "str" if required else "str | None"
    # Parameter names never start with "_" (naming.py), so "_<name>" cannot collide with one.
    value = f"_{p.name}" if split is not None else p.name
    return EndpointArg(name=p.name, annotation=annotation, default=default, split=split, handler_hint=handler_hint,
                       value=value)


def _is_object(t: ir.Type, namer: TypeNamer) -> bool:
    return isinstance(t, ir.Named) and namer.kinds.get(t.key) == "object"


def op_view(op: ir.Operation, base_path: str, namer: TypeNamer) -> ServerOpView:
    """The server's view of one operation."""
    args = sorted((_arg(p, namer) for p in op.parameters), key=lambda a: a.default is not None)
    body_kind = body_hint = None
    body_required = False
    if op.body is not None and op.body.contents:
        content = op.body.contents[0]
        body_kind = content.kind
        body_required = op.body.required
        body_hint = {"binary": "bytes", "text": "str"}.get(content.kind) or namer.hint(content.type)
        if content.kind in ("form", "multipart") and not isinstance(content.type, ir.Named):
            body_hint = "dict[str, Any]"
    return ServerOpView(
        name=op.name, endpoint="_op_" + op.name, method=op.method, route=_route(op, base_path), status=_status(op),
        summary=op.summary, description=op.description, http_line=http_line(op), args=tuple(args),
        body_kind=body_kind, body_hint=body_hint or "Any", body_required=body_required,
        constants=tuple((c.location, c.wire_name, c.value) for c in op.constants),
    )


def _route_key(view: ServerOpView) -> tuple[Any, ...]:
    # Literal segments before templated ones, so '/users/me' wins over '/users/{id}'.
    segments = view.route.strip("/").split("/")
    return tuple((1 if "{" in s else 0) for s in segments), len(segments)


def routes(views: list[ServerOpView]) -> tuple[list[ServerOpView], list[FallbackView]]:
    """Operations in route order, and the 400 fallbacks of dispatched method+path groups."""
    ordered = sorted(views, key=lambda v: (_route_key(v), not v.constants))
    groups: dict[tuple[str, str], list[ServerOpView]] = {}
    for v in ordered:
        groups.setdefault((v.method, v.route), []).append(v)
    fallbacks = []
    for (method, route), members in groups.items():
        if all(m.constants for m in members):
            location, name, _ = members[0].constants[0]
            valid = tuple(dict.fromkeys(c[2] for m in members for c in m.constants if c[1] == name))
            fallbacks.append(FallbackView(method=method, route=route, location=location, wire_name=name, valid=valid))
    return ordered, fallbacks


def plan(api: ir.Api, options: Options) -> list[FilePlan]:
    """The server's files."""
    namer = TypeNamer(api, prefix="m.")
    views = [op_view(op, api.base_path, namer) for op in api.operations]
    ordered, fallbacks = routes(views)
    types = [p.type for op in api.operations for p in op.parameters]
    types += [c.type for op in api.operations if op.body for c in op.body.contents]
    context: dict[str, Any] = {
        "api": api,
        "package": options.package,
        "operations": views,
        "routes": ordered,
        "fallbacks": fallbacks,
        "needs_datetime": any(uses(t, "datetime") for t in types),
        "needs_uuid": any(uses(t, "uuid") for t in types),
    }
    pkg = options.package
    return [
        FilePlan(path=f"{pkg}/server/__init__.py", template="server/__init__.py.jinja", context=context),
        FilePlan(path=f"{pkg}/server/_runtime.py", template="server/_runtime.py.jinja", context=context),
        FilePlan(path=f"{pkg}/server/base.py", template="server/base.py.jinja", context=context),
        FilePlan(path=f"{pkg}/server/app.py", template="server/app.py.jinja", context=context),
        FilePlan(path=f"{pkg}/server/handlers.py", template="server/handlers.py.jinja", context=context,
                 user_owned=True),
    ]
