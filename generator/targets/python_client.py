"""The Python client target: IR → view models → file plans."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .. import ir
from ..naming import Namespace
from . import groups, streaming
from .package import FilePlan, Options, server_views
from .paging import PagerView, pager_view
from .pyview import TypeNamer, literal, operation_types, required_arg, uses
from .runtime_files import runtime_plans

# Names errors.py defines or imports itself.
ERRORS_RESERVED = frozenset({"ApiError", "ResponseValidationError", "ResponseParseError", "ResponseTooLargeError",
                             "TooManyRedirectsError", "ApiConnectionError", "ApiTimeoutError", "m", "annotations",
                             "_family"})


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
class MediaView:
    """Another JSON body a response declares, of another type: read when the answer's
    ``Content-Type`` names ``media_type``."""

    media_type: str
    type: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultView:
    status: str
    kind: str | None
    type: str | None
    error: str | None
    media: tuple[MediaView, ...] = ()


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
    content_type: str
    pager: PagerView | None = None
    stream: streaming.StreamView | None = None  # the answer is streamed (see ``streaming``)
    variant: ClientOpView | None = None  # ``<name>_stream``: the same call, its answer streamed


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
    # OAuth2 client credentials; AWS SigV4 (``signing="aws-sigv4"``).
    token_url: str = ""
    scopes: tuple[str, ...] = ()
    signing: str = ""
    region: str = ""
    service: str = ""


def http_line(op: ir.Operation) -> str:
    """``GET /?Action=X`` — how the operation looks on the wire (``?uploads``: a flag)."""
    extra = "&".join(f"{c.wire_name}={c.value}" if c.value else c.wire_name
                     for c in op.constants if c.location == "query")
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
        for h in [hint, *(m.type for m in _other_media(r, namer))]:
            if h not in hints:
                hints.append(h)
    if not hints or "Any" in hints:
        return "Any"
    return " | ".join([h for h in hints if h != "None"] + [h for h in hints if h == "None"])


def _preferred(contents: tuple[ir.Content, ...]) -> ir.Content:
    """The content a response is read as: JSON when the spec offers it."""
    return next((c for c in contents if c.kind == "json"), contents[0])


def _other_media(r: ir.Response, namer: TypeNamer) -> tuple[MediaView, ...]:
    """The JSON bodies a response declares beside the one it is read as, when their types
    differ (each picked at run time by the answer's ``Content-Type``). A body without a schema
    counts: ``application/json`` declared without one beside ``*/*`` with an array (osf.io) is
    read as whatever comes, not as the array."""
    if not r.contents:
        return ()
    first = _preferred(r.contents)
    if first.kind != "json" or namer.hint(first.type) == "Any":
        return ()
    preferred = namer.hint(first.type)
    views: dict[str, MediaView] = {}
    for c in r.contents:
        hint = namer.hint(c.type)
        media = c.media_type.split(";", 1)[0].strip().lower()
        if c is first or c.kind != "json" or hint == preferred or "*" in media:
            continue
        views.setdefault(media, MediaView(media_type=media, type=hint))
    return tuple(views.values())


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
        typed = content.kind in ("json", "xml") and hint != "Any"
        error = errors.get(content.type.key) if _is_error(r.status) and isinstance(content.type, ir.Named) \
            and content.kind == "json" else None
        views.append(ResultView(status=r.status, kind=content.kind, type=hint if typed else None, error=error,
                                media=_other_media(r, namer) if typed else ()))
    return tuple(views)


def _raises(views: tuple[ResultView, ...]) -> tuple[tuple[str, str], ...]:
    found: dict[str, list[str]] = {}
    for v in views:
        if v.error is not None:
            found.setdefault(v.error, []).append(v.status)
    return tuple((name, ", ".join(statuses)) for name, statuses in found.items())


def op_view(op: ir.Operation, api: ir.Api, namer: TypeNamer, reader: TypeNamer,
            errors: dict[str, str], variants: Mapping[str, str] | None = None) -> ClientOpView:
    """The client's view of one operation (``reader`` types what servers send: open literals;
    ``variants``: the names of the streaming variants, ``streaming.variant_names``)."""
    required, optional = [], []
    accept = _accept(op, api)
    for p in op.parameters:
        description = _arg_description(p, accept)
        if required_arg(p):
            required.append(ArgView(name=p.name, wire_name=p.wire_name, hint=namer.hint(p.type), default=None,
                                    description=description))
        else:
            optional.append(ArgView(name=p.name, wire_name=p.wire_name, hint=namer.optional(p.type),
                                    default="None", description=description))
    body = None
    if op.body is not None and op.body.contents:
        content = op.body.contents[0]
        hint = _body_hint(content, namer)
        body = ArgView(name="body", wire_name="body", hint=hint if op.body.required else f"{hint} | None",
                       default=None if op.body.required else "None", description=op.body.description)
    security = op.security if op.security is not None else api.security
    responses = _response_views(op, reader, errors)
    returns = _success_type(op, reader)
    view = ClientOpView(
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
        returns=returns,
        raises=_raises(responses),
        accept=accept,
        content_type=_content_type(op),
        pager=pager_view(op, api, reader, returns),
    )
    return _streamed(op, view, reader, variants)


def _streamed(op: ir.Operation, view: ClientOpView, reader: TypeNamer,
              variants: Mapping[str, str] | None) -> ClientOpView:
    """An event stream's view returns its events; a download, or an operation whose events come
    beside JSON, gains its ``<name>_stream`` variant."""
    events = streaming.event_view(op, reader)
    if events is not None:
        return replace(view, responses=_event_results(op, view, reader), returns=events.sync_returns, stream=events,
                       pager=None)
    name = (variants or {}).get(op.name)
    if name is None:
        return view
    events = streaming.event_view(op, reader, beside_json=True)
    if events is not None:
        # Its own constant, which asks for the events only.
        variant = replace(view, name=name, const="_" + name.upper(), accept=streaming.EVENT_STREAM, pager=None,
                          responses=_event_results(op, view, reader), returns=events.sync_returns, stream=events,
                          summary=f"{view.summary or view.name} (as events)",
                          description=f"Like ``{op.name}``, asking for the answer as a stream of events.")
        return replace(view, variant=variant)
    doc = (f"Like ``{op.name}``, with the answer read as it arrives instead of into memory: use the\n"
           "stream as a context manager (``iter_bytes()``, ``save(path)``; leaving the block closes\n"
           "the connection).")
    variant = replace(view, name=name, summary=f"{view.summary or view.name} (streamed)", description=doc, pager=None,
                      returns=streaming.BYTES.sync_returns, stream=streaming.BYTES)
    return replace(view, variant=variant)


def _event_results(op: ir.Operation, view: ClientOpView, reader: TypeNamer) -> tuple[ResultView, ...]:
    """The declared results, those with an event stream read as events of their data type."""
    results = []
    for r, result in zip(op.responses, view.responses, strict=True):
        content = next((c for c in r.contents if streaming.media_base(c.media_type) == streaming.EVENT_STREAM),
                       None)
        if content is not None and r.status.startswith("2"):
            t = streaming.event_type(content)
            hint = None if t is None else reader.hint(t)
            results.append(replace(result, kind="events", type=None if hint == "Any" else hint))
        else:
            results.append(result)
    return tuple(results)


def _arg_description(p: ir.Parameter, accept: str) -> str:
    """A parameter's description; for ``Accept`` and ``Content-Type`` also what the argument does."""
    lower = p.wire_name.lower() if p.location == "header" else ""
    if lower == "accept":
        note = "Replaces the ``Accept`` header the client sends" + (f"\n(by default ``{accept}``)." if accept else ".")
    elif lower == "content-type":
        note = ("The ``Content-Type`` the body is sent with; the declared media type it\n"
                "names picks how the body is encoded (by default the first one).")
    else:
        return p.description
    return f"{p.description.rstrip()}\n{note}" if p.description.strip() else note


def _header_param(op: ir.Operation, name: str) -> ir.Parameter | None:
    return next((p for p in op.parameters if p.location == "header" and p.wire_name.lower() == name), None)


def _accept(op: ir.Operation, api: ir.Api) -> str:
    """The ``Accept`` header: an ``Accept`` parameter's default or first allowed value (GitHub's
    preview media types), else the media type each declared answer is read as (JSON first)."""
    param = _header_param(op, "accept")
    if param is not None:
        if param.has_default and isinstance(param.default, str) and param.default:
            return param.default
        allowed = _allowed(param.type, api)
        if allowed:
            return allowed[0]
    media = [_preferred(r.contents).media_type for r in op.responses if r.contents]
    media = [t for t in dict.fromkeys(media) if "*" not in t]
    return ", ".join(sorted(media, key=lambda t: not t.startswith("application/json")))


def _allowed(t: ir.Type, api: ir.Api) -> list[str]:
    """The string values an enum type allows (none for any other type)."""
    if isinstance(t, ir.Named):
        model = api.model(t.key)
        if model.kind == "alias" and model.alias is not None:
            return _allowed(model.alias, api)
        return [m.value for m in model.members if isinstance(m.value, str)] if model.kind == "enum" else []
    if isinstance(t, ir.Literal):
        return [v for v in t.values if isinstance(v, str)]
    return []


def _content_type(op: ir.Operation) -> str:
    """A ``Content-Type`` parameter's default when it names one of the body's media types: the
    Content-Type a body is sent with when the caller chooses none."""
    param = _header_param(op, "content-type")
    if param is None or op.body is None or not isinstance(param.default, str) or not param.has_default:
        return ""
    base = param.default.split(";", 1)[0].strip().lower()
    declared = {c.media_type.split(";", 1)[0].strip().lower() for c in op.body.contents}
    return param.default if base in declared else ""


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


_OAUTH2_HINT = "str | tuple[str, str] | ClientCredentials | TokenProvider | None"
_SIGV4_HINT = "str | tuple[str, str] | tuple[str, str, str] | AwsCredentials | None"


def scheme_views(api: ir.Api) -> tuple[SchemeView, ...]:
    """One constructor keyword per security scheme."""
    hints = {"basic": "tuple[str, str] | None", "bearer": "str | None", "apiKey": "str | None"}
    return tuple(SchemeView(name=s.name, wire_name=s.wire_name, kind=s.kind, location=s.location,
                            param_name=s.param_name, hint=_scheme_hint(s, hints), kind_text=_kind_text(s),
                            description=s.description, **_scheme_options(s))
                 for s in api.security_schemes)


def _scheme_hint(s: ir.SecurityScheme, hints: dict[str, str]) -> str:
    if s.client_credentials is not None:
        return _OAUTH2_HINT
    if s.aws_sigv4 is not None:
        return _SIGV4_HINT
    return hints.get(s.kind, "str | None")


def _scheme_options(s: ir.SecurityScheme) -> dict[str, Any]:
    flow, aws = s.client_credentials, s.aws_sigv4
    options: dict[str, Any] = {}
    if flow is not None:
        options.update(token_url=flow.token_url, scopes=flow.scopes)
    if aws is not None:
        options.update(signing="aws-sigv4", region=aws.region, service=aws.service)
    return options


def auth_imports(api: ir.Api) -> tuple[str, ...]:
    """What the client module imports from the runtime for its schemes' keyword types."""
    names: list[str] = []
    if any(s.client_credentials is not None for s in api.security_schemes):
        names += ["ClientCredentials", "TokenProvider"]
    if any(s.aws_sigv4 is not None for s in api.security_schemes):
        names.append("AwsCredentials")
    return tuple(sorted(names))


def _kind_text(s: ir.SecurityScheme, code: str = "``") -> str:
    if s.client_credentials is not None:
        return (f"OAuth2 client credentials: {code}(client_id, secret){code}, {code}ClientCredentials{code}, "
                "a token provider, or a token")
    if s.aws_sigv4 is not None:
        return f"AWS SigV4: {code}(access_key, secret[, session_token]){code} or {code}AwsCredentials{code}"
    if s.kind == "basic":
        return f"HTTP basic: a {code}(user, password){code} tuple"
    if s.kind == "bearer":
        return f"a bearer token, sent as {code}Authorization: Bearer ...{code}"
    return f"an API key, sent in the {s.location} {code}{s.param_name}{code}"


def plan(api: ir.Api, options: Options) -> list[FilePlan]:
    """The client's files: ``client.py`` with every operation, or, for a big API (the split layout
    of :mod:`.groups`), ``client.py`` and one module of operations per group, loaded on first use."""
    namer = TypeNamer(api, prefix="m.")
    reader = TypeNamer(api, prefix="m.", open_literals=True)
    errors = _error_names(api)
    variants = streaming.variant_names(api)
    ops = [op_view(op, api, namer, reader, errors, variants) for op in api.operations]
    context: dict[str, Any] = {
        "api": api,
        "package": options.package,
        "operations": ops,
        "schemes": scheme_views(api),
        "auth_imports": auth_imports(api),
        "server": server_views(api),
        "literal": literal,
        "split": False,
        **_imports(api.operations, ops),
    }
    pkg = options.package
    if not groups.split(api):
        return [FilePlan(path=f"{pkg}/client.py", template="client/client.py.jinja", context=context,
                         weight=120 * len(ops))]
    parts = groups.groups(api)
    view = {op.name: v for op, v in zip(api.operations, ops, strict=True)}
    module = {op.name: g.module for g in parts for op in g.operations}
    files = [FilePlan(path=f"{pkg}/client.py", template="client/client.py.jinja", context={
        **context, "split": True, "operations": [], "groups": [g.module for g in parts],
        "modules": [(op.name, module[op.name]) for op in api.operations] + _pager_modules(api, module)},
        weight=2 * len(ops))]
    files.append(FilePlan(path=f"{pkg}/_operations/__init__.py", template="client/operations/__init__.py.jinja",
                          context=context))
    for g in parts:
        views = [view[op.name] for op in g.operations]
        files.append(FilePlan(path=f"{pkg}/_operations/{g.module}.py", template="client/operations/module.py.jinja",
                              context={**context, "module": g.module, "tags": [t for t in g.tags if t],
                                       "operations": views, **_imports(g.operations, views)},
                              weight=120 * len(views)))
    return files


def _pager_modules(api: ir.Api, module: dict[str, str]) -> list[tuple[str, str]]:
    """The pager methods of the split layout, each in its operation's module."""
    return [(name, module[op.name]) for op in api.operations for name in (op.iter_name, op.pages_name) if name]


def runtime(options: Options) -> list[FilePlan]:
    """The client's runtime (``generator/runtime/client``) as the package ``NAME/_http``, copied
    verbatim. It ships with ``errors.py``, which re-exports its error family, so a package has it
    whether or not it has the client."""
    return runtime_plans("client", f"{options.package}/_http")


def _imports(operations: Sequence[ir.Operation], ops: Sequence[ClientOpView]) -> dict[str, Any]:
    """What a module holding ``operations`` (``ops``: their views) imports."""
    types = operation_types(operations)
    hints = " ".join([a.hint for op in ops for a in (*op.required, *op.optional, *((op.body,) if op.body else ()))]
                     + [op.returns for op in ops] + [r.type or "" for op in ops for r in op.responses]
                     + [op.pager.item_hint for op in ops if op.pager is not None]
                     + [m.type for op in ops for r in op.responses for m in r.media])
    streams = sorted({n for op in ops for v in (op, op.variant) if v is not None and v.stream is not None
                      for n in (v.stream.runtime, "Async" + v.stream.runtime)})
    return {
        "needs_datetime": any(uses(t, "datetime") for t in types),
        "needs_uuid": any(uses(t, "uuid") for t in types),
        "typing": [n for n in ("IO", "Any", "Literal") if re.search(rf"\b{n}\b", hints)],
        "needs_mapping": "Mapping[" in hints,
        "needs_path": re.search(r"\bPath\b", hints) is not None,
        "needs_errors": any(r.error for op in ops for r in op.responses),
        "paginated": any(op.pager is not None for op in ops),
        "abc": ["AsyncIterator", "Iterator"] if any(op.pager is not None for op in ops) else [],
        "streams": streams,
    }


def _example(t: ir.Type, api: ir.Api) -> str:
    """Python source of a plausible argument of type ``t``, for the README."""
    if isinstance(t, ir.Primitive):
        return {"integer": "1", "number": "1.5", "boolean": "True"}.get(t.kind, '"..."')
    if isinstance(t, ir.Literal):
        return literal(t.values[0])
    if isinstance(t, ir.Array):
        return f"[{_example(t.items, api)}]"
    if isinstance(t, ir.Named):
        m = api.model(t.key)
        if m.kind == "enum" and m.members:
            return f"models.{m.name}.{m.members[0].name}"
        if m.kind == "object":
            required = [f for f in m.fields if f.required and not f.read_only]
            args = ", ".join(f"{f.name}={_example(f.type, api)}" for f in required[:3])
            return f"models.{m.name}({args})"
    return "..."


def _readme_score(op: ir.Operation, view: ClientOpView) -> tuple[int, ...]:
    """Prefer a current GET returning a model and declaring an error model, with few arguments."""
    typed = view.returns.startswith("m.") or view.returns.startswith("list[m.")
    return (op.deprecated, op.method != "GET", not typed, not view.raises,
            len(view.required) + (view.body is not None and view.body.default is None))


def readme_view(api: ir.Api) -> dict[str, Any]:
    """The client examples of the package README, built from the spec."""
    namer = TypeNamer(api, prefix="m.")
    reader = TypeNamer(api, prefix="m.", open_literals=True)
    errors = _error_names(api)
    views = [(op, op_view(op, api, namer, reader, errors)) for op in api.operations]
    if not views:
        return {"call": "", "op": "", "args": "", "client_args": "", "error": None, "auth": (), "base_url": "",
                "http_line": "", **auth_readme_view(api)}
    op, view = min(views, key=lambda pair: _readme_score(*pair))
    params = {p.name: p for p in op.parameters}
    args = [_example(params[a.name].type, api) for a in view.required]
    if view.body is not None and view.body.default is None and op.body is not None:
        args.append(_example(op.body.contents[0].type, api) if op.body.contents[0].kind == "json" else '...')
    security = {name for alt in view.security for name in alt}
    auth_values = {"basic": '("user", "password")', "bearer": '"token"', "apiKey": '"key"'}
    auth = tuple((s.name, auth_values.get(s.kind, '"..."'), f"{s.wire_name}: {_kind_text(s, code='')}")
                 for s in api.security_schemes)
    used = [a for a in auth if any(s.name == a[0] and s.wire_name in security for s in api.security_schemes)]
    base_url = "" if server_views(api)["default_url"] else json.dumps("http://127.0.0.1:8000" + api.base_path)
    return {
        **auth_readme_view(api),
        "call": f"{op.name}({', '.join(args)})",
        "op": op.name,
        "args": ", ".join(args),
        "client_args": ", ".join([base_url] * bool(base_url) + [f"{name}={value}" for name, value, _ in used[:1]]),
        "error": view.raises[0][0] if view.raises else None,
        "auth": auth,
        "base_url": base_url,
        "http_line": view.http_line,
    }


def auth_readme_view(api: ir.Api) -> dict[str, Any]:
    """The README's sections on OAuth2 client credentials, SigV4 and XML bodies (when the spec has
    them), with the spec's own scheme and operation names."""
    oauth2 = [(s.name, s.client_credentials.token_url, " ".join(s.client_credentials.scopes))
              for s in api.security_schemes if s.client_credentials is not None]
    sigv4 = [(s.name, s.aws_sigv4.region or "us-east-1", s.aws_sigv4.service or "execute-api")
             for s in api.security_schemes if s.aws_sigv4 is not None]
    xml = [op.name for op in api.operations
           if any(c.kind == "xml" for c in (*(op.body.contents if op.body else ()),
                                            *(c for r in op.responses for c in r.contents)))]
    return {"oauth2": oauth2, "sigv4": sigv4, "xml_ops": xml[:3], "xml_more": len(xml) > 3}


def _call_example(op: ir.Operation, view: ClientOpView, api: ir.Api, body: str | None = None) -> str:
    """``name(args)`` with plausible required arguments (``body``: the body's example)."""
    params = {p.name: p for p in op.parameters}
    args = [_example(params[a.name].type, api) for a in view.required]
    if view.body is not None and view.body.default is None and op.body is not None:
        args.append(body or (_example(op.body.contents[0].type, api) if op.body.contents[0].kind == "json" else "..."))
    return f"{view.name}({', '.join(args)})"


def readme_streams(api: ir.Api) -> dict[str, Any]:
    """The streaming section of the package README: the spec's event streams, streamed
    downloads and uploads, each with a call of the first."""
    namer = TypeNamer(api, prefix="m.")
    reader = TypeNamer(api, prefix="m.", open_literals=True)
    errors = _error_names(api)
    variants = streaming.variant_names(api)
    events: list[tuple[str, str]] = []  # (call, data type)
    downloads: list[str] = []
    uploads: list[str] = []
    for op in api.operations:
        view = op_view(op, api, namer, reader, errors, variants)
        for v in (view, view.variant):
            if v is not None and v.stream is not None:
                data = v.stream.data.replace("m.", "models.")
                if v.stream.kind == "events":
                    events.append((_call_example(op, v, api), data))
                else:
                    downloads.append(_call_example(op, v, api))
        if streaming.is_upload(op):
            uploads.append(_call_example(op, view, api, body='Path("big.bin")'))
    return {"any": bool(events or downloads or uploads), "events": events, "downloads": downloads,
            "uploads": uploads, "event_names": [c.split("(")[0] for c, _ in events],
            "download_names": [c.split("(")[0] for c in downloads], "upload_names": [c.split("(")[0] for c in uploads],
            "server_events": [op.name for op in api.operations if streaming.event_content(op) is not None
                              or streaming.events_beside_json(op)],
            "server_downloads": [op.name for op in api.operations if streaming.is_download(op)]}
