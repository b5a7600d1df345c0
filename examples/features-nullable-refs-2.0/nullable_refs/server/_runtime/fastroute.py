"""The app's routes: FastAPI's, reading their parameters without FastAPI's analysis per request.

FastAPI inspects an endpoint's signature once, when the route is made, and then again, piece by
piece, on every request (is this annotation a sequence, a parameter model, which aliases apply):
most of a small request's time. An :class:`OperationRoute` keeps what FastAPI found when the route
was made (the same ``ModelField`` per parameter, validated by the same pydantic adapter) and per
request only reads each value and validates it: the same values, the same errors in the same
order, the same answers. What it does not cover is left to FastAPI's own handler: a route with a
body parameter, a dependency with ``yield``, security scopes, a ``Response`` or ``BackgroundTasks``
parameter, a response model or class, a streaming endpoint; a request while dependency overrides
are set or FastAPI's telemetry watches it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine, Mapping
from copy import deepcopy
from enum import Enum
from typing import Any

from fastapi import Request
from fastapi.datastructures import DefaultPlaceholder
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from starlette.datastructures import Headers, ImmutableMultiDict
from starlette.types import ASGIApp, Receive, Scope, Send

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
_ABSENT: Any = object()
# Defaults used as they are (FastAPI copies each default; a copy of these is the same value).
_IMMUTABLE = (type(None), bool, int, float, str, bytes, Enum)


class Unsupported(Exception):
    """A route this module leaves to FastAPI's own request handler."""


def _fastapi_helpers() -> tuple[Any, Any, Any]:
    """FastAPI's own answers to "is it a sequence", "which aliases", "the missing error" (their
    places differ between FastAPI versions: without them, FastAPI's handler does the work)."""
    try:
        from fastapi._compat import field_annotation_is_sequence
        from fastapi.dependencies.utils import _get_param_aliases, _get_param_model
    except ImportError as exc:  # pragma: no cover - another FastAPI version
        raise Unsupported(f"FastAPI's helpers: {exc}") from None
    return field_annotation_is_sequence, _get_param_aliases, _get_param_model


def _missing(loc: tuple[str, ...]) -> dict[str, Any]:
    try:
        from fastapi._compat import get_missing_field_error
    except ImportError:  # pragma: no cover - another FastAPI version
        return {"type": "missing", "loc": loc, "msg": "Field required", "input": None}
    error: dict[str, Any] = get_missing_field_error(loc)
    return error


class Param:
    """One parameter as FastAPI analysed it: where it is read, under which name, how it is typed."""

    __slots__ = (
        "alias",
        "default",
        "factory",
        "field",
        "loc",
        "name",
        "required",
        "sequence",
        "validated",
    )

    def __init__(self, field: Any, location: str) -> None:
        is_sequence, aliases_of, model_of = _fastapi_helpers()
        info = field.field_info
        if model_of(field) is not None or not isinstance(info.validation_alias, str | None):
            raise Unsupported(f"parameter {field.name!r}: a parameter model or validation alias")
        if any(type(item).__name__ == "Json" for item in info.metadata):
            raise Unsupported(f"parameter {field.name!r}: JSON text")
        aliases = aliases_of(field)
        if len(aliases) != 1:
            raise Unsupported(f"parameter {field.name!r}: several aliases")
        self.field = field
        self.name: str = field.name
        self.alias: str = aliases[0][1]
        self.loc = (location, self.alias)
        self.sequence = bool(is_sequence(info.annotation))
        self.required = bool(info.is_required())
        self.validated = bool(info.validate_default)
        self.factory = info.default_factory is not None
        self.default: Any = _ABSENT if self.required or self.factory else field.default

    def value(self, received: Mapping[str, Any]) -> Any:
        """The wire value, as FastAPI reads it (``_ABSENT`` when there is none)."""
        if self.sequence and isinstance(received, ImmutableMultiDict | Headers):
            found: Any = received.getlist(self.alias)
        else:
            found = received.get(self.alias)
        if found is None or (self.sequence and len(found) == 0):
            return _ABSENT
        return found

    def read(self, received: Mapping[str, Any], values: dict[str, Any], errors: list[Any]) -> None:
        """Validate the parameter into ``values``, or its errors into ``errors``."""
        found = self.value(received)
        if found is _ABSENT:
            if self.required:
                errors.append(_missing(self.loc))
                return
            found = self.field.default if self.factory else self.default
            if not isinstance(found, _IMMUTABLE):
                found = deepcopy(found)
            if not self.validated:
                values[self.name] = found
                return
        value, problems = self.field.validate(found, values, loc=self.loc)
        if problems:
            errors.extend(problems)
        else:
            values[self.name] = value


class Solver:
    """An endpoint's (or a dependency's) arguments from a request, as FastAPI's
    ``solve_dependencies`` makes them: dependencies first, then the path, query, header and
    cookie parameters (each location in the signature's order), errors collected, not raised."""

    def __init__(self, dependant: Any) -> None:
        if dependant.body_params:
            raise Unsupported("a body parameter")
        for special in (
            "websocket_param_name",
            "http_connection_param_name",
            "response_param_name",
            "background_tasks_param_name",
            "security_scopes_param_name",
        ):
            if getattr(dependant, special, None) is not None:
                raise Unsupported(f"a {special.removesuffix('_param_name')} parameter")
        if getattr(dependant, "own_oauth_scopes", None) or getattr(
            dependant, "parent_oauth_scopes", None
        ):
            raise Unsupported("security scopes")
        self.request_name: str | None = dependant.request_param_name
        self.dependencies: list[tuple[str | None, Callable[..., Any], bool, Solver]] = []
        for sub in dependant.dependencies:
            if not _is_plain_coroutine(sub.call) or getattr(sub, "concurrency", None) is not None:
                raise Unsupported(f"dependency {sub.call!r}: not a plain async function")
            self.dependencies.append((sub.name, sub.call, bool(sub.use_cache), Solver(sub)))
        self.params: list[tuple[str, list[Param]]] = [
            (location, [Param(f, location) for f in fields])
            for location, fields in (
                ("path", dependant.path_params),
                ("query", dependant.query_params),
                ("header", dependant.header_params),
                ("cookie", dependant.cookie_params),
            )
            if fields
        ]

    async def solve(
        self, request: Request, cache: dict[Any, Any]
    ) -> tuple[dict[str, Any], list[Any]]:
        """The arguments (and their errors) for this request."""
        values: dict[str, Any] = {}
        errors: list[Any] = []
        for name, call, use_cache, solver in self.dependencies:
            sub_values, sub_errors = await solver.solve(request, cache)
            if sub_errors:
                errors.extend(sub_errors)
                continue
            if use_cache and call in cache:
                solved = cache[call]
            else:
                solved = await call(**sub_values)
            if name is not None:
                values[name] = solved
            cache.setdefault(call, solved)
        for location, params in self.params:
            received = _received(request, location)
            # Each location validates on its own (FastAPI's ``values`` per location).
            found: dict[str, Any] = {}
            for param in params:
                param.read(received, found, errors)
            values.update(found)
        if self.request_name is not None:
            values[self.request_name] = request
        return values, errors


def _received(request: Request, location: str) -> Mapping[str, Any]:
    if location == "query":
        return request.query_params
    if location == "header":
        return request.headers
    if location == "path":
        return request.path_params
    return request.cookies


def _included() -> bool:
    """True while FastAPI makes the handler of a route it includes from another router (the
    handler then answers for that router's settings, which FastAPI's own handler reads)."""
    import fastapi.routing

    context = getattr(fastapi.routing, "_effective_route_context_var", None)
    return context is not None and context.get() is not None


def _is_plain_coroutine(call: Any) -> bool:
    return inspect.iscoroutinefunction(call) and not inspect.isasyncgenfunction(call)


def fast_handler(route: APIRoute, fallback: Handler) -> Handler:
    """The request handler of ``route`` (FastAPI's ``fallback`` for what it leaves to FastAPI)."""
    endpoint = route.dependant.call
    if not _is_plain_coroutine(endpoint):
        raise Unsupported("the endpoint is not a plain async function")
    if route.body_field is not None or route.response_field is not None:
        raise Unsupported("a body or response model")
    if getattr(route, "stream_item_field", None) is not None or getattr(
        route, "is_json_stream", False
    ):
        raise Unsupported("a streaming endpoint")
    if not isinstance(route.response_class, DefaultPlaceholder):
        raise Unsupported("a response class")
    solver = Solver(route.dependant)
    status_code = route.status_code
    overrides = route.dependency_overrides_provider
    assert endpoint is not None

    async def handle(request: Request) -> Response:
        if (overrides is not None and getattr(overrides, "dependency_overrides", None)) or (
            request.scope.get("fastapi.telemetry") is not None
        ):
            return await fallback(request)
        values, errors = await solver.solve(request, {})
        if errors:
            raise RequestValidationError(errors, body=None)
        result = await endpoint(**values)
        if isinstance(result, Response):
            return result
        return plain_answer(result, status_code)

    return handle


def plain_answer(result: Any, status_code: int | None) -> Response:
    """An endpoint's return value that is not a Response, as FastAPI's handler answers it without
    a response model: its JSON encoding, no body for a status that has none."""
    response = JSONResponse(jsonable_encoder(result), status_code=status_code or 200)
    if status_code is not None and (status_code < 200 or status_code in (204, 205, 304)):
        response.body = b""
    return response


class OperationRoute(APIRoute):
    """A FastAPI route whose requests are read by :func:`fast_handler` when it covers the
    endpoint (the generated endpoints: parameters, the request, security dependencies), by
    FastAPI's handler otherwise."""

    fast: bool = False
    """True when :func:`fast_handler` reads this route's requests."""
    _handler: Handler | None = None

    def __init__(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        super().__init__(path, endpoint, **options)
        if self._handler is not None and getattr(self, "max_body_size", None) is None:
            self.app = lean_app(self._handler, self.app, self.dependency_overrides_provider)

    def get_route_handler(self) -> Handler:
        fallback = super().get_route_handler()
        try:
            if _included():
                raise Unsupported("a route of an included router")
            handler = fast_handler(self, fallback)
        except Unsupported:
            self.fast, self._handler = False, None
            return fallback
        self.fast, self._handler = True, handler
        return handler


def lean_app(handler: Handler, full: ASGIApp, overrides: Any) -> ASGIApp:
    """The route's ASGI app: FastAPI's (``full``) wraps each request in two exit stacks, for
    dependencies with ``yield``; the fast handler has none, so it answers without them (still
    with the app's exception handlers), unless FastAPI's handler has to answer."""
    try:
        from starlette._exception_handler import wrap_app_handling_exceptions
    except ImportError:  # pragma: no cover - another Starlette version
        return full

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if (overrides is not None and getattr(overrides, "dependency_overrides", None)) or (
            scope.get("fastapi.telemetry") is not None
        ):
            await full(scope, receive, send)
            return
        request = Request(scope, receive, send)

        async def answer(scope: Scope, receive: Receive, send: Send) -> None:
            response = await handler(request)
            await response(scope, receive, send)

        await wrap_app_handling_exceptions(answer, request)(scope, receive, send)

    return app
