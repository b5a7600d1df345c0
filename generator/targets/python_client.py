"""The Python client target: IR → view models → file plans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import ir
from ..naming import Namespace
from .package import FilePlan, Options, server_views
from .pyview import TypeNamer, literal, uses

# Names errors.py defines or imports itself.
ERRORS_RESERVED = frozenset({"ApiError", "ResponseValidationError", "Any", "httpx", "m", "annotations"})


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
class ResultView:
    status: str
    kind: str | None
    type: str | None
    error: str | None


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
    values: tuple[str, ...]
    constants: tuple[tuple[str, str, str], ...]
    bodies: tuple[tuple[str, str], ...]
    responses: tuple[ResultView, ...]
    security: tuple[tuple[str, ...], ...]
    returns: str
    raises: tuple[tuple[str, str], ...]
    accept: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorView:
    """A typed error: raised for a declared error answer whose body is the model ``model``."""

    name: str
    model: str
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SchemeView:
    name: str
    wire_name: str
    kind: str
    location: str
    param_name: str
    hint: str
    kind_text: str
    description: str


def http_line(op: ir.Operation) -> str:
    """``GET /?Action=X`` — how the operation looks on the wire."""
    extra = "&".join(f"{c.wire_name}={c.value}" for c in op.constants if c.location == "query")
    headers = ", ".join(f"{c.wire_name}: {c.value}" for c in op.constants if c.location == "header")
    line = f"{op.method} {op.path}" + (f"?{extra}" if extra else "")
    return line + (f" ({headers})" if headers else "")


def _is_error(status: str) -> bool:
    return status[:1] in ("4", "5") or status == "default"


def _success_type(op: ir.Operation, namer: TypeNamer) -> str:
    hints: list[str] = []
    for r in op.responses:
        if not r.status.startswith("2"):
            continue
        if not r.contents:
            # 204 and 205 cannot have a body; any other bodiless declaration is read as what comes.
            if r.status not in ("204", "205"):
                return "Any"
            if "None" not in hints:
                hints.append("None")
            continue
        content = _preferred(r.contents)
        hint = {"binary": "bytes", "text": "str"}.get(content.kind) or namer.hint(content.type)
        if hint not in hints:
            hints.append(hint)
    if not hints or "Any" in hints:
        return "Any"
    return " | ".join([h for h in hints if h != "None"] + [h for h in hints if h == "None"])


def _preferred(contents: tuple[ir.Content, ...]) -> ir.Content:
    """The content a response is read as: JSON when the spec offers it."""
    return next((c for c in contents if c.kind == "json"), contents[0])


def error_views(api: ir.Api) -> tuple[ErrorView, ...]:
    """One ``ApiError`` subclass per model that a declared error answer carries, in spec order."""
    used = {c.type.key for op in api.operations for r in op.responses if _is_error(r.status) and r.contents
            for c in (_preferred(r.contents),) if c.kind == "json" and isinstance(c.type, ir.Named)}
    ns = Namespace(ERRORS_RESERVED)
    views = []
    for m in api.models:
        if m.key in used:
            base = m.name if m.name.endswith(("Error", "Exception", "Fault")) else m.name + "Error"
            views.append(ErrorView(name=ns.take(base, "ModelError", "Error"), model=m.name,
                                   description=m.description))
    return tuple(views)


def _error_names(api: ir.Api) -> dict[str, str]:
    names = {v.model: v.name for v in error_views(api)}
    return {m.key: names[m.name] for m in api.models if m.name in names}


def _response_views(op: ir.Operation, namer: TypeNamer, errors: dict[str, str]) -> tuple[ResultView, ...]:
    views = []
    for r in op.responses:
        if not r.contents:
            views.append(ResultView(status=r.status, kind=None, type=None, error=None))
            continue
        content = _preferred(r.contents)
        hint = namer.hint(content.type)
        typed = content.kind == "json" and hint != "Any"
        error = errors.get(content.type.key) if _is_error(r.status) and isinstance(content.type, ir.Named) \
            and content.kind == "json" else None
        views.append(ResultView(status=r.status, kind=content.kind, type=hint if typed else None, error=error))
    return tuple(views)


def _raises(views: tuple[ResultView, ...]) -> tuple[tuple[str, str], ...]:
    found: dict[str, list[str]] = {}
    for v in views:
        if v.error is not None:
            found.setdefault(v.error, []).append(v.status)
    return tuple((name, ", ".join(statuses)) for name, statuses in found.items())


def op_view(op: ir.Operation, api: ir.Api, namer: TypeNamer, reader: TypeNamer,
            errors: dict[str, str]) -> ClientOpView:
    """The client's view of one operation (``reader`` types what servers send: open literals)."""
    required, optional = [], []
    for p in op.parameters:
        if p.required and not p.has_default:
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
    responses = _response_views(op, reader, errors)
    return ClientOpView(
        name=op.name, const="_" + op.name.upper(), method=op.method, path=op.path, summary=op.summary,
        description=op.description, http_line=http_line(op), deprecated=op.deprecated,
        required=tuple(required), optional=tuple(optional), body=body,
        params=tuple(ParamSpecView(wire_name=p.wire_name, location=p.location, style=p.style, explode=p.explode,
                                   allow_reserved=p.allow_reserved) for p in op.parameters),
        values=tuple(p.name for p in op.parameters),
        constants=tuple((c.location, c.wire_name, c.value) for c in op.constants),
        bodies=tuple((c.media_type, c.kind) for c in op.body.contents) if op.body else (),
        responses=responses,
        security=tuple(req.schemes for req in security),
        returns=_success_type(op, reader),
        raises=_raises(responses),
        accept=_accept(op),
    )


def _accept(op: ir.Operation) -> str:
    """The ``Accept`` header: the media type each declared answer is read as (JSON first)."""
    media = [_preferred(r.contents).media_type for r in op.responses if r.contents]
    media = [t for t in dict.fromkeys(media) if "*" not in t]
    return ", ".join(sorted(media, key=lambda t: not t.startswith("application/json")))


def _body_hint(content: ir.Content, namer: TypeNamer) -> str:
    if content.kind == "binary":
        return "bytes | IO[bytes] | Path"
    if content.kind == "text":
        return "str"
    if content.kind in ("multipart", "form"):
        if isinstance(content.type, ir.Named):
            return namer.hint(content.type) + " | Mapping[str, Any]"
        return "Mapping[str, Any]"
    return namer.hint(content.type)


def scheme_views(api: ir.Api) -> tuple[SchemeView, ...]:
    """One constructor keyword per security scheme."""
    hints = {"basic": "tuple[str, str] | None", "bearer": "str | None", "apiKey": "str | None"}
    return tuple(SchemeView(name=s.name, wire_name=s.wire_name, kind=s.kind, location=s.location,
                            param_name=s.param_name, hint=hints.get(s.kind, "str | None"),
                            kind_text=_kind_text(s), description=s.description) for s in api.security_schemes)


def _kind_text(s: ir.SecurityScheme) -> str:
    if s.kind == "basic":
        return "HTTP basic: a ``(user, password)`` tuple"
    if s.kind == "bearer":
        return "a bearer token, sent as ``Authorization: Bearer ...``"
    return f"an API key, sent in the {s.location} ``{s.param_name}``"


def plan(api: ir.Api, options: Options) -> list[FilePlan]:
    """The client's files."""
    namer = TypeNamer(api, prefix="m.")
    reader = TypeNamer(api, prefix="m.", open_literals=True)
    errors = _error_names(api)
    ops = [op_view(op, api, namer, reader, errors) for op in api.operations]
    types = [p.type for op in api.operations for p in op.parameters]
    types += [c.type for op in api.operations if op.body for c in op.body.contents]
    types += [c.type for op in api.operations for r in op.responses for c in r.contents]
    hints = " ".join([a.hint for op in ops for a in (*op.required, *op.optional, *((op.body,) if op.body else ()))]
                     + [op.returns for op in ops])
    context: dict[str, Any] = {
        "api": api,
        "package": options.package,
        "operations": ops,
        "schemes": scheme_views(api),
        "server": server_views(api),
        "needs_datetime": any(uses(t, "datetime") for t in types),
        "needs_uuid": any(uses(t, "uuid") for t in types),
        "typing": [n for n in ("IO", "Any", "Literal") if re.search(rf"\b{n}\b", hints)],
        "needs_mapping": "Mapping[" in hints,
        "needs_path": re.search(r"\bPath\b", hints) is not None,
        "needs_errors": any(r.error for op in ops for r in op.responses),
        "literal": literal,
    }
    pkg = options.package
    return [
        FilePlan(path=f"{pkg}/_http.py", template="client/_http.py.jinja", context=context),
        FilePlan(path=f"{pkg}/client.py", template="client/client.py.jinja", context=context),
    ]
