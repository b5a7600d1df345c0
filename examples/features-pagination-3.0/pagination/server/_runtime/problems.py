"""Problem answers: RFC 9457 bodies, shaped to fit the error responses the spec declares, and the
app's handlers for validation errors, HTTP errors and crashes."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException
from starlette.routing import Match

from .state import Runtime

_log = logging.getLogger(__name__)

# The title of a problem answer by status (``Error`` for the others).
TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Entity",
}

_MESSAGE_KEYS = ("message", "detail", "details", "error", "description", "title", "msg", "reason")


def problem(
    status: int, title: str, headers: Mapping[str, str] | None = None, **extra: Any
) -> JSONResponse:
    """A problem answer: RFC 9457 members, sent as ``application/json``.

    Plain JSON rather than ``application/problem+json``: a Swagger 2 ``produces`` list covers
    every answer of an operation, error answers included, and names ``application/json``.
    """
    return JSONResponse(
        jsonable_encoder({"title": title, "status": status, **extra}),
        status_code=status,
        headers=dict(headers or {}),
    )


class ProblemError(HTTPException):
    """Raise it anywhere (handlers too) to answer with a problem body."""

    def __init__(
        self, status: int, title: str, headers: Mapping[str, str] | None = None, **extra: Any
    ) -> None:
        super().__init__(
            status, detail=str(extra.get("detail", title)), headers=dict(headers or {})
        )
        self.title = title
        self.extra = extra


def request_error(location: Sequence[str | int], message: str, kind: str) -> RequestValidationError:
    """A 422 naming one place of the request (``("query", "limit")``, ``("body",)``)."""
    return RequestValidationError([{"loc": tuple(location), "msg": message, "type": kind}])


def validation_error(location: Sequence[str | int], exc: ValidationError) -> RequestValidationError:
    """pydantic's errors as a 422, each located under ``location``."""
    return RequestValidationError(
        [{**e, "loc": (*location, *e.get("loc", ()))} for e in exc.errors()]
    )


def error_answer(
    request: Request,
    status: int,
    title: str,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> Response:
    """A problem answer, shaped to fit the error response the spec declares for the operation.

    When the operation declares a JSON body for this status (or ``4XX``, or ``default``), the
    answer uses that media type and, when the problem body does not fit the schema, a value that
    does, with the problem's detail in its message-like fields.
    """
    state: Runtime | None = getattr(request.app.state, "oagen", None)
    operation = getattr(request.scope.get("route"), "name", None)
    declared = state.error_schema(str(operation), status) if state and operation else None
    if state is None or declared is None:
        return problem(status, title, headers, **extra)
    body = jsonable_encoder({"title": title, "status": status, **extra})
    return JSONResponse(
        fitting_body(state, declared["schema"], body),
        status_code=status,
        headers=dict(headers or {}),
        media_type=declared["media_type"],
    )


def fitting_body(state: Runtime, schema: Any, body: dict[str, Any]) -> Any:
    """The problem body if it fits ``schema``, else a fitting value carrying its detail (in the
    message-like fields, its status in a ``code`` or ``status`` field, its other members where
    the schema takes them)."""
    if state.is_valid(schema, body):
        return body
    from .mock import Mocker  # loaded on first use: most error schemas take a problem body

    value = Mocker(state).value(schema)
    if not isinstance(value, dict):
        return value
    detail = str(body.get("detail", body["title"]))
    for key, item in list(value.items()):
        word = key.lower().replace("_", "")
        if isinstance(item, str) and word in _MESSAGE_KEYS:
            value = _try(state, schema, value, key, detail)
        elif isinstance(item, int) and word in ("code", "status", "statuscode"):
            value = _try(state, schema, value, key, body["status"])
    for key, item in body.items():
        if key not in value:
            value = _try(state, schema, value, key, item)
    return value


def _try(state: Runtime, schema: Any, value: dict[str, Any], key: str, item: Any) -> dict[str, Any]:
    trial = {**value, key: item}
    return trial if state.is_valid(schema, trial) else value


def install_error_handlers(app: FastAPI) -> None:
    """Validation errors as 422 problems naming the field; HTTP errors and crashes as problems."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {
                "location": [str(p) for p in e.get("loc", ())],
                "message": e.get("msg", ""),
                "type": e.get("type", ""),
            }
            for e in exc.errors()
        ]
        fields = ", ".join(".".join(e["location"]) for e in errors)
        return error_answer(
            request, 422, "Unprocessable Entity", detail=f"invalid request: {fields}", errors=errors
        )

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 405:
            # Starlette names the methods of the first route on the path; RFC 9110 wants all.
            allow = ", ".join(_allowed_methods(request))
            return error_answer(request, 405, "Method Not Allowed", {"Allow": allow}, allow=allow)
        if isinstance(exc, ProblemError):
            return error_answer(request, exc.status_code, exc.title, exc.headers, **exc.extra)
        title = TITLES.get(exc.status_code, "Error")
        return error_answer(request, exc.status_code, title, exc.headers, detail=str(exc.detail))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        _log.error("request failed: %s %s", request.method, request.url.path, exc_info=exc)
        return error_answer(
            request, 500, "Internal Server Error", detail="the server failed; see its log"
        )


def _allowed_methods(request: Request) -> list[str]:
    methods: list[str] = []
    for route in request.app.router.routes:
        # APIRoutes and the split layout's lazy routes (which have not been built perhaps).
        allowed = getattr(route, "methods", None)
        if allowed and route.matches(request.scope)[0] is not Match.NONE:
            methods += [m for m in sorted(allowed) if m not in methods]
    return methods
