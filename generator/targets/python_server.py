"""The Python stub-server target (FastAPI): IR → view models → file plans."""

from __future__ import annotations

import json
import math
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import ir
from . import groups as grouping
from . import streaming
from .json_schema import SchemaBuilder, usable_pattern, with_format_range
from .package import FilePlan, Options
from .python_client import http_line
from .pyview import TypeNamer, literal, operation_types, python_default, required_arg, uses
from .runtime_files import runtime_plans
from .server_answers import answers_schema, hook_names, returns

_PARAM_FUNCS = {"path": "Path", "query": "Query", "header": "Header", "cookie": "Cookie"}
_FIELD_KWARGS = (
    ("minimum", "ge"), ("maximum", "le"), ("exclusive_minimum", "gt"), ("exclusive_maximum", "lt"),
    ("multiple_of", "multiple_of"), ("min_length", "min_length"), ("max_length", "max_length"),
)
_CREDENTIAL_HINTS = {"basic": "tuple[str, str] | None", "bearer": "str | None", "apiKey": "str | None"}


@dataclass(frozen=True, slots=True, kw_only=True)
class DecodeView:
    """A parameter the runtime reads from the raw request (styles FastAPI cannot parse)."""

    key: str
    wire_name: str
    location: str
    style: str
    explode: bool
    shape: str
    hint: str
    required: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class EndpointArg:
    name: str
    annotation: str
    default: str | None
    decode: DecodeView | None
    handler_hint: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BodyContentView:
    media_type: str
    kind: str
    hint: str


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
    fastapi_args: tuple[EndpointArg, ...]
    body_kind: str | None
    body_hint: str
    body_required: bool
    bodies: tuple[BodyContentView, ...]
    constants: tuple[tuple[str, str, str], ...]
    auth: str | None
    kind: str = "operation"
    answer: str = "answer"  # the runtime function that runs the handler (``answer_events`` ...)
    events: str = ""  # an event stream's data type: the handler yields these
    returns: str = "Any"  # the handler's return annotation (server_answers.returns)
    answer_classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ServerGroupView:
    """One operation group of the split layout: its endpoints (``_routes/<module>.py``) and its
    501 handlers (``_handlers/<module>.py``, a mixin of ``BaseHandlers``)."""

    module: str
    tags: tuple[str, ...]
    operations: tuple[ServerOpView, ...]  # spec order
    routes: tuple[tuple[int, ServerOpView], ...]  # (place in the app's route order, operation)
    auths: tuple[str, ...]
    needs_datetime: bool
    needs_uuid: bool
    needs_field: bool
    needs_credentials: bool
    needs_events: bool = False
    handlers_need_datetime: bool = False
    handlers_need_uuid: bool = False
    answer_classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class FallbackView:
    """The 400 answer of a method and path whose operations are all told apart by a constant."""

    name: str
    method: str
    route: str
    location: str
    wire_name: str
    valid: tuple[str, ...]
    kind: str = "fallback"


@dataclass(frozen=True, slots=True, kw_only=True)
class CredentialView:
    name: str
    wire_name: str
    kind: str
    location: str
    param_name: str
    hint: str
    hook: str = ""  # its security hook on BaseHandlers
    credential: str = "str"  # the credential's type as the hook receives it


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthView:
    name: str
    alternatives: tuple[tuple[str, ...], ...]
    scopes: tuple[tuple[tuple[str, tuple[str, ...]], ...], ...] = ()  # per alternative: (scheme, scopes)


def _route(op: ir.Operation, base_path: str) -> str:
    names = {p.wire_name: p.name for p in op.parameters if p.location == "path"}
    path = re.sub(r"\{([^}]*)\}", lambda m: "{" + names.get(m.group(1), m.group(1)) + "}", op.path)
    # Routes match the decoded request path; the base path is kept as sent (percent-encoded).
    return (urllib.parse.unquote(base_path) + path) if base_path else path


def success_response(op: ir.Operation) -> ir.Response | None:
    """The response a mock answers with: the first 2xx, else ``2XX``, else ``default``."""
    tests: tuple[Callable[[str], bool], ...] = (
        lambda s: s[:1] == "2" and s[1:].isdigit(), lambda s: s == "2XX", lambda s: s == "default",
    )
    for wanted in tests:
        for r in op.responses:
            if wanted(r.status):
                return r
    return None


def _status(op: ir.Operation) -> int:
    response = success_response(op)
    if response is not None and response.status[1:].isdigit():
        return int(response.status)
    return 200


# --------------------------------------------------------------------------- parameters


def constrained_hint(t: ir.Type, namer: TypeNamer) -> str:
    """A type hint carrying the schema's constraints (server side only: the models stay lenient)."""
    if isinstance(t, ir.Primitive):
        base = namer.hint(t)
        meta = _field_meta(with_format_range(t), number=t.kind == "number" and base == "float")
        if t.kind == "string" and t.format in ("date-time", "date"):
            # pydantic also reads numbers as timestamps; the spec wants RFC 3339 text.
            meta.insert(0, f"_rt.rfc3339({literal(t.format)})")
        return f"Annotated[{base}, {', '.join(meta)}]" if meta else base
    if isinstance(t, ir.Array):
        base = f"list[{constrained_hint(t.items, namer)}]"
        meta = _field_meta(ir.Constraints(min_length=t.constraints.min_items, max_length=t.constraints.max_items))
        if t.constraints.unique_items:
            meta.append("_rt.unique_items()")
        return f"Annotated[{base}, {', '.join(meta)}]" if meta else base
    if isinstance(t, ir.Union_):
        parts = list(dict.fromkeys(constrained_hint(v, namer) for v in t.variants))
        if "Any" in parts:
            return "Any"
        return " | ".join([p for p in parts if p != "None"] + [p for p in parts if p == "None"])
    if isinstance(t, ir.Named) and namer.kinds.get(t.key) == "enum":
        # The models' enums accept unknown values (forward compatible reading); a server checks.
        return f"Annotated[{namer.hint(t)}, _rt.known_member()]"
    literal_type = namer.unalias(t)
    if isinstance(literal_type, ir.Literal) and any(not isinstance(v, str) for v in literal_type.values):
        # A parameter arrives as text; pydantic never reads the text '2' as the literal 2.
        values = ", ".join(literal(v) for v in literal_type.values)
        return f"Annotated[{namer.hint(t)}, _rt.literal_text({values})]"
    return namer.hint(t)


def _field_meta(c: ir.Constraints, *, number: bool = False) -> list[str]:
    kwargs = [f"{kw}={_number(getattr(c, attr))}" for attr, kw in _FIELD_KWARGS
              if getattr(c, attr) is not None and not (kw == "multiple_of" and getattr(c, attr) <= 0)]
    if number:
        kwargs.append("allow_inf_nan=False")
    meta = [f"Field({', '.join(kwargs)})"] if kwargs else []
    if c.pattern is not None and usable_pattern(c.pattern):
        meta.append(f"_rt.pattern({literal(c.pattern)})")
    return meta


def _number(value: float) -> str:
    return repr(value) if not (isinstance(value, float) and not math.isfinite(value)) else "None"


def _arg(p: ir.Parameter, namer: TypeNamer) -> EndpointArg:
    func = _PARAM_FUNCS[p.location]
    alias = "" if p.location == "path" else f"alias={literal(p.wire_name)}"
    t = namer.unalias(p.type)
    shape = _shape(t, namer)
    required = required_arg(p)
    default = None if required else "None"
    if not required and p.has_default and p.default is not None:
        default = python_default(p.type, p.default) or "None"
    handler_hint = namer.hint(t) if required else namer.optional(t)
    if _decoded(p, shape, _nested(p, namer)):
        hint = namer.hint(_bare(t)) if shape == "object" else constrained_hint(_bare(t), namer)
        decode = DecodeView(key=p.name, wire_name=p.wire_name, location=p.location, style=p.style,
                            explode=p.explode, shape=shape, hint=hint, required=required)
        return EndpointArg(name=p.name, annotation="", default=default,
                           decode=decode, handler_hint=handler_hint, value=p.name)
    raw = constrained_hint(t, namer)
    annotation_type = raw if required else (raw if raw.endswith("| None") or raw == "Any" else f"{raw} | None")
    # A path value is routed with its encoded delimiters kept (see EncodedSlashes); it is checked
    # as the client sent it.
    restore = "_rt.restored(), " if p.location == "path" else ""
    annotation = f"Annotated[{annotation_type}, {restore}{func}({alias})]"
    return EndpointArg(name=p.name, annotation=annotation, default=default, decode=None, handler_hint=handler_hint,
                       value=p.name)


def _bare(t: ir.Type) -> ir.Type:
    """A nullable type without its ``None`` (an absent parameter is ``None`` anyway)."""
    if isinstance(t, ir.Union_):
        rest = [v for v in t.variants if not (isinstance(v, ir.Primitive) and v.kind == "null")]
        if len(rest) == 1:
            return rest[0]
    return t


def _shape(t: ir.Type, namer: TypeNamer, depth: int = 0) -> str:
    """How a parameter's value travels: ``scalar``, ``array``, ``object``, or ``union`` (one of
    several types, an array or object among them: the wire form tells which)."""
    t = namer.unalias(_bare(t))
    if isinstance(t, ir.Array):
        return "array"
    if isinstance(t, ir.Map) or _is_object(t, namer):
        return "object"
    if isinstance(t, ir.Union_) and depth < 8 and any(_shape(v, namer, depth + 1) != "scalar" for v in t.variants):
        return "union"
    return "scalar"


def _nested(p: ir.Parameter, namer: TypeNamer) -> bool:
    """True when the parameter's value holds objects or arrays inside (sent as JSON text)."""
    t = namer.unalias(_bare(p.type))
    return isinstance(t, ir.Array) and _shape(t.items, namer) != "scalar"


def _decoded(p: ir.Parameter, shape: str, nested: bool = False) -> bool:
    """True when the runtime reads the parameter itself: every style but plain values and
    exploded form arrays of plain values in the query, and cookies (their values are
    percent-encoded). FastAPI reads none of the others (it refuses them at import)."""
    if p.location == "cookie" or nested:
        return True
    if shape == "array":
        return not (p.location == "query" and p.style == "form" and p.explode)
    if shape in ("object", "union"):
        return True
    return p.location == "path" and p.style in ("label", "matrix")


def _with_schema(p: ir.Parameter, namer: TypeNamer) -> bool:
    """True when the runtime reads the parameter with its JSON Schema (objects, unions, arrays of
    objects or arrays): the schema says which text is a number, which is JSON, which key is whose."""
    return _shape(p.type, namer) in ("object", "union") or _nested(p, namer)


def _is_object(t: ir.Type, namer: TypeNamer) -> bool:
    return isinstance(t, ir.Named) and namer.kinds.get(t.key) == "object"


# --------------------------------------------------------------------------- bodies


def _content_hint(c: ir.Content, namer: TypeNamer) -> str:
    if c.kind == "binary":
        return "bytes"
    if c.kind == "text":
        return "str"
    if c.kind in ("form", "multipart") and not isinstance(c.type, ir.Named):
        return "dict[str, Any]"
    return namer.hint(c.type)


def _body_hint(bodies: tuple[BodyContentView, ...]) -> str:
    hints = list(dict.fromkeys(b.hint for b in bodies))
    return "Any" if "Any" in hints else " | ".join(hints)


# --------------------------------------------------------------------------- security


def requirements(op: ir.Operation, api: ir.Api) -> tuple[tuple[str, ...], ...]:
    """The operation's security alternatives as scheme names (``()`` in the list: anonymous allowed)."""
    declared = {s.wire_name: s.name for s in api.security_schemes}
    effective = op.security if op.security is not None else api.security
    return tuple(tuple(declared[s] for s in req.schemes if s in declared) for req in effective)


def required_scopes(op: ir.Operation, api: ir.Api) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], ...]:
    """The scopes each alternative of the operation's security requires, per scheme (none: ``()``)."""
    declared = {s.wire_name: s.name for s in api.security_schemes}
    effective = op.security if op.security is not None else api.security
    found = tuple(tuple((declared[s], scopes) for s, scopes in zip(req.schemes, req.scopes, strict=False)
                        if s in declared and scopes) for req in effective)
    return found if any(found) else ()


def _auth_views(api: ir.Api) -> tuple[dict[str, str], list[AuthView]]:
    """One dependency per distinct requirement; operations that name no scheme get none."""
    by_requirement: dict[tuple[Any, ...], AuthView] = {}
    per_op: dict[str, str] = {}
    for op in api.operations:
        alternatives = requirements(op, api)
        if not any(alternatives):
            continue
        key = (alternatives, required_scopes(op, api))
        if key not in by_requirement:
            by_requirement[key] = AuthView(name=f"_auth_{len(by_requirement) + 1}", alternatives=alternatives,
                                           scopes=key[1])
        per_op[op.name] = by_requirement[key].name
    return per_op, list(by_requirement.values())


def credential_views(api: ir.Api) -> tuple[CredentialView, ...]:
    """One ``Credentials`` attribute per security scheme, named like the client's keyword."""
    hooks = hook_names(api)
    return tuple(CredentialView(name=s.name, wire_name=s.wire_name, kind=s.kind, location=s.location,
                                param_name=s.param_name, hint=_CREDENTIAL_HINTS.get(s.kind, "str | None"),
                                hook=hooks[s.name], credential="tuple[str, str]" if s.kind == "basic" else "str")
                 for s in api.security_schemes)


# --------------------------------------------------------------------------- operations


def op_view(op: ir.Operation, base_path: str, namer: TypeNamer, auth: str | None = None) -> ServerOpView:
    """The server's view of one operation."""
    args = sorted((_arg(p, namer) for p in op.parameters), key=lambda a: a.default is not None)
    bodies: tuple[BodyContentView, ...] = ()
    body_required = False
    if op.body is not None and op.body.contents:
        bodies = tuple(BodyContentView(media_type=c.media_type, kind=c.kind, hint=_content_hint(c, namer))
                       for c in op.body.contents)
        body_required = op.body.required
    answer = returns(op, success_response(op), namer)
    return ServerOpView(
        name=op.name, endpoint="_op_" + op.name, method=op.method, route=_route(op, base_path), status=_status(op),
        summary=op.summary, description=op.description, http_line=http_line(op), args=tuple(args),
        fastapi_args=tuple(a for a in args if a.decode is None),
        body_kind=bodies[0].kind if bodies else None, body_hint=_body_hint(bodies) if bodies else "Any",
        body_required=body_required, bodies=bodies,
        constants=tuple((c.location, c.wire_name, c.value) for c in op.constants), auth=auth,
        **_streamed(op, namer),
        returns=answer.hint, answer_classes=answer.classes,
    )


def _streamed(op: ir.Operation, namer: TypeNamer) -> dict[str, str]:
    """How a streaming operation's handler answers: an event stream's handler yields its events,
    a binary answer may be a path or an iterator of bytes (``_runtime/streaming.py``)."""
    content = streaming.event_content(op)
    if content is not None:
        t = streaming.event_type(content)
        return {"answer": "answer_events", "events": "str" if t is None else namer.hint(t)}
    if streaming.events_beside_json(op):
        return {"answer": "answer_events"}  # JSON, or events when the handler yields them
    return {"answer": "answer_bytes"} if streaming.is_download(op) else {}


_TEMPLATE_PARAM = re.compile(r"\{[^}]*\}")


def specificity(route: str) -> tuple[tuple[int, int], ...]:
    """The route's place in matching order: OpenAPI matches concrete paths before templated ones
    (OpenAPI, Paths Object: "Path Templating Matching"). Segment by segment from the left: a literal
    segment first, then one mixing literal text and parameters (more literal characters first:
    ``{name}:getIamPolicy`` before ``{name}``), then a bare parameter."""
    key = []
    for segment in route.strip("/").split("/"):
        literal_text = _TEMPLATE_PARAM.sub("", segment)
        if literal_text == segment:
            key.append((0, 0))
        elif literal_text:
            key.append((1, -len(literal_text)))
        else:
            key.append((2, 0))
    return tuple(key)


def route_shape(route: str) -> str:
    """The route with its parameters unnamed: routes of one shape match the same requests."""
    return _TEMPLATE_PARAM.sub("{}", route)


def routes(views: list[ServerOpView]) -> list[ServerOpView | FallbackView]:
    """The app's routes in matching order: the most specific template first, among routes of one
    shape those with constants before those without (spec order otherwise), and after the routes
    of a shape whose every operation is told apart by a constant, the 400 fallback of the shape
    (right after the last of them)."""
    # Among routes of one shape, more constants first: '/?analytics&id=X' is not the listing '/?analytics'.
    ordered = sorted(views, key=lambda v: (specificity(v.route), -len(v.constants)))
    groups: dict[tuple[str, str], list[ServerOpView]] = {}
    for v in ordered:
        groups.setdefault((v.method, route_shape(v.route)), []).append(v)
    fallbacks: dict[str, FallbackView] = {}
    for members in groups.values():
        if all(m.constants for m in members):
            location, name, _ = members[0].constants[0]
            valid = tuple(dict.fromkeys(c[2] for m in members for c in m.constants if c[1] == name))
            fallbacks[members[-1].name] = FallbackView(
                name=f"_fallback_{len(fallbacks) + 1}", method=members[0].method, route=members[0].route,
                location=location, wire_name=name, valid=valid)
    result: list[ServerOpView | FallbackView] = []
    for v in ordered:
        result.append(v)
        if v.name in fallbacks:
            result.append(fallbacks[v.name])
    return result


# --------------------------------------------------------------------------- data files


def server_schemas(api: ir.Api) -> dict[str, Any]:
    """What the app validates bodies against and mocks answers from, as JSON Schema per operation."""
    builder = SchemaBuilder(api)
    namer = TypeNamer(api)
    operations: dict[str, Any] = {}
    for op in api.operations:
        entry: dict[str, Any] = {}
        objects = {p.name: builder.of(_bare(namer.unalias(p.type))) for p in op.parameters if _with_schema(p, namer)}
        if objects:
            entry["params"] = objects
        claimed = _claimed_query_names(op, api, namer)
        if claimed is not None:
            entry["claimed"] = claimed
        if op.body is not None and op.body.contents:
            entry["body"] = {c.media_type: builder.of(c.type) for c in op.body.contents}
        response = success_response(op)
        if response is not None:
            entry["response"] = {
                "status": int(response.status) if response.status[1:].isdigit() else 200,
                **_mock_response(response, builder),
            }
        others = {r.status: _mock_response(r, builder) for r in op.responses if r is not response}
        if others:
            entry["others"] = others
        entry["answers"] = answers_schema(op, builder)
        errors = {r.status: {"media_type": c.media_type, "schema": builder.of(c.type)}
                  for r in op.responses if r is not response
                  for c in r.contents[:1] if c.kind == "json"}
        if errors:
            entry["errors"] = errors
        operations[op.name] = entry
    return {"operations": operations, "$defs": builder.defs}


def _mock_response(response: ir.Response, builder: SchemaBuilder) -> dict[str, Any]:
    """What the mock answers for a declared response: its contents (schema, examples, the named
    ones for ``Prefer: example=``) and headers."""
    contents = []
    for c in response.contents:
        content = {"media_type": c.media_type, "kind": c.kind, "schema": builder.of(c.type),
                   "examples": [ir.thaw(v) for v in c.examples]}
        if c.named_examples:
            content["named"] = {name: ir.thaw(v) for name, v in c.named_examples}
        contents.append(content)
    headers = [{"name": h.wire_name, "required": h.required, "schema": builder.of(h.type)} for h in response.headers]
    return {"contents": contents, "headers": headers}


def _claimed_query_names(op: ir.Operation, api: ir.Api, namer: TypeNamer) -> list[str] | None:
    """For an operation with an exploded form-style object in the query (its properties are
    query keys of their own), the query keys something declares: every query parameter's name
    (``name[...]`` keys too), the declared properties of such objects, the constants, API keys.
    A map or free-form object takes the other keys."""
    exploded = [p for p in op.parameters if p.location == "query" and p.style == "form" and p.explode
                and _shape(p.type, namer) in ("object", "union")]
    if not exploded:
        return None
    names = [p.wire_name for p in op.parameters if p.location == "query"]
    names += [f.wire_name for p in exploded for f in _object_fields(p.type, api, namer)]
    names += [c.wire_name for c in op.constants if c.location == "query"]
    names += [s.param_name for s in api.security_schemes if s.kind == "apiKey" and s.location == "query"]
    return sorted(set(names))


def _object_fields(t: ir.Type, api: ir.Api, namer: TypeNamer, depth: int = 0) -> list[ir.Field]:
    """The declared properties of an object type (of each object variant of a union)."""
    t = namer.unalias(_bare(t))
    if isinstance(t, ir.Union_) and depth < 8:
        return [f for v in t.variants for f in _object_fields(v, api, namer, depth + 1)]
    if depth >= 8 or not (isinstance(t, ir.Named) and _is_object(t, namer)):
        return []
    model = api.model(t.key)
    return [*model.fields, *(f for base in model.bases for f in _object_fields(ir.Named(key=base), api, namer,
                                                                           depth + 1))]


def json_text(data: Any) -> str:
    """Deterministic, compact JSON text (non-finite numbers, which JSON cannot hold, become
    strings). Compact, so that json's C encoder writes it: a big spec's copy in seconds less."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=str)
    except (ValueError, TypeError):  # NaN or infinity, or a key JSON cannot hold
        text = json.dumps(_finite(data), ensure_ascii=False, separators=(",", ":"))
    return text + "\n"


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _imports(ops: list[ir.Operation], views: list[ServerOpView]) -> dict[str, bool]:
    """What the modules holding ``ops`` (and their ``views``) import beside the fixed imports."""
    types = operation_types(ops, responses=False)
    answers = operation_types(ops)  # the handlers' return types name the responses' types too
    return {
        "needs_datetime": any(uses(t, "datetime") for t in types),
        "needs_uuid": any(uses(t, "uuid") for t in types),
        "handlers_need_datetime": any(uses(t, "datetime") for t in answers),
        "handlers_need_uuid": any(uses(t, "uuid") for t in answers),
        "needs_field": any("Field(" in a.annotation or (a.decode is not None and "Field(" in a.decode.hint)
                           for v in views for a in v.args),
        "needs_events": any(v.events for v in views),
    }


def group_views(api: ir.Api, views: list[ServerOpView],
                ordered: list[ServerOpView | FallbackView]) -> list[ServerGroupView]:
    """The operation groups of the split layout, each with its routes' places in ``ordered``."""
    place = {v.name: i for i, v in enumerate(ordered) if v.kind == "operation"}
    by_name = {v.name: v for v in views}
    found = []
    for g in grouping.groups(api):
        members = [by_name[op.name] for op in g.operations]
        found.append(ServerGroupView(
            module=g.module, tags=g.tags, operations=tuple(members),
            routes=tuple(sorted(((place[v.name], v) for v in members), key=lambda r: r[0])),
            auths=tuple(dict.fromkeys(v.auth for v in members if v.auth)),
            needs_credentials=any(v.auth for v in members),
            answer_classes=_answer_classes(members),
            **_imports(list(g.operations), members),
        ))
    return found


def route_table(groups: list[ServerGroupView]) -> list[Any]:
    """``routes.json`` of the split layout: per group module, its routes (place in the route
    order, path, method, operation, constants), which the app registers without importing it."""
    return [[g.module, [[place, op.route, op.method, op.name, [list(c) for c in op.constants]]
                        for place, op in g.routes]] for g in groups]

def _answer_classes(views: list[ServerOpView]) -> tuple[str, ...]:
    """The answer classes (runtime statuses.py) the handlers of ``views`` name, sorted."""
    return tuple(sorted({c for v in views for c in v.answer_classes}))


def plan(api: ir.Api, options: Options) -> list[FilePlan]:
    """The server's files (in the split layout also its group modules: see targets/groups.py)."""
    namer = TypeNamer(api, prefix="m.")
    auth_of, auths = _auth_views(api)
    views = [op_view(op, api.base_path, namer, auth_of.get(op.name)) for op in api.operations]
    ordered = routes(views)
    split = grouping.split(api)
    groups = group_views(api, views, ordered) if split else []
    context: dict[str, Any] = {
        "api": api,
        "package": options.package,
        "operations": views,
        "routes": ordered,
        "fallbacks": [(place, r) for place, r in enumerate(ordered) if isinstance(r, FallbackView)],
        "credentials": credential_views(api),
        "auths": auths,
        "answer_classes": _answer_classes(views),
        **_imports(list(api.operations), views),
        "split": split,
        "groups": groups,
    }
    document = options.document if options.document is not None else {}
    pkg = options.package
    parts = []
    if split:
        parts = [
            FilePlan(path=f"{pkg}/server/_handlers/__init__.py", template="server/_handlers/__init__.py.jinja",
                     context=context),
            *(FilePlan(path=f"{pkg}/server/_handlers/{g.module}.py", template="server/_handlers/group.py.jinja",
                       context={**context, "group": g}, weight=15 * len(g.operations)) for g in groups),
            FilePlan(path=f"{pkg}/server/_routes/__init__.py", template="server/_routes/__init__.py.jinja",
                     context=context),
            *(FilePlan(path=f"{pkg}/server/_routes/{g.module}.py", template="server/_routes/group.py.jinja",
                       context={**context, "group": g}, weight=50 * len(g.operations)) for g in groups),
            FilePlan(path=f"{pkg}/server/routes.json", template="server/routes.json.jinja", context=context,
                     python=False, late=lambda: {"routes_json": json_text(route_table(groups))},
                     weight=len(api.operations)),
        ]
    return [
        FilePlan(path=f"{pkg}/server/__init__.py", template="server/__init__.py.jinja", context=context),
        *runtime_plans("server", f"{pkg}/server/_runtime"),
        FilePlan(path=f"{pkg}/server/base.py", template="server/base.py.jinja", context=context,
                 weight=len(api.operations) * (2 if split else 15)),
        FilePlan(path=f"{pkg}/server/app.py", template="server/app.py.jinja", context=context,
                 weight=len(api.operations) * (2 if split else 50)),
        *parts,
        # The two JSON files are made by whichever process renders them (a tenth of a second each
        # on a big spec: weighed as the lines that take as long).
        FilePlan(path=f"{pkg}/server/schemas.json", template="server/schemas.json.jinja", context=context,
                 python=False, late=lambda: {"schemas_json": json_text(server_schemas(api))},
                 weight=10 * len(api.operations)),
        FilePlan(path=f"{pkg}/server/openapi.json", template="server/openapi.json.jinja", context=context,
                 python=False, late=lambda: {"document_json": json_text(document)}, weight=len(api.operations)),
        FilePlan(path=f"{pkg}/server/handlers.py", template="server/handlers.py.jinja", context=context,
                 user_owned=True, weight=10 * len(api.operations)),
    ]
