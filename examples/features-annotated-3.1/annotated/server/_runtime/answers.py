"""Running a handler: its return value as the answer (a typed ``Answer`` of statuses.py with its
status, body and headers), a mock answer in mock mode, 501 for an operation nobody implemented
yet, a 500 problem (traceback logged) when it fails or, with response validation, when its answer
does not fit the spec."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from . import xml
from .problems import error_answer, problem
from .state import Runtime, runtime
from .statuses import Answer
from .validation import declared, invalid_answer, problems

_log = logging.getLogger(__name__)


def not_implemented(operation: str) -> JSONResponse:
    """The answer of an operation nobody implemented yet."""
    return problem(
        501,
        "Not Implemented",
        detail=f"operation {operation!r} is not implemented",
        operation=operation,
    )


def respond(result: Any, status_code: int) -> Response:
    """A handler's return value as an answer: a Response as is, models and data as JSON."""
    if isinstance(result, Response):
        return result
    if result is None:
        return Response(status_code=status_code)
    return JSONResponse(plain(result), status_code=status_code)


def plain(result: Any) -> Any:
    """A handler's data as JSON values: a model (or a list of models: pydantic dumps each, in
    C) without the fields it was not given, anything else by FastAPI's ``jsonable_encoder``."""
    if isinstance(result, BaseModel):
        return result.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if type(result) is list and all(isinstance(item, BaseModel) for item in result):
        return [i.model_dump(mode="json", by_alias=True, exclude_unset=True) for i in result]
    return jsonable_encoder(result, by_alias=True)


async def answer(
    request: Request, operation: str, status_code: int, call: Callable[[], Awaitable[Any]]
) -> Response:
    """Run a handler: a mock answer in mock mode, a 500 problem (traceback logged) if it fails."""
    state = runtime(request)
    if operation in state.mocked:
        return state.mock_answer(operation, ", ".join(request.headers.getlist("prefer")))
    try:
        result = await call()
        if xml.enabled() and not isinstance(result, Response | Answer):
            contents = state.operation(operation).get("response", {}).get("contents", [])
            media = xml.answer_media(request, contents)
            if media is not None:
                return xml.respond(result, status_code, media)
        if isinstance(result, Answer):
            response = typed_answer(state, operation, result)
        elif isinstance(result, str | bytes):  # text and binary bodies in their declared media type
            response = typed_answer(state, operation, Answer(status_code, result))
        else:
            response = respond(result, status_code)
        if state.validate_responses:
            found = problems(state, operation, response)
            if found:
                return invalid_answer(operation, request.method, request.url.path, found)
        return response
    except (HTTPException, RequestValidationError):
        raise
    except Exception:  # noqa: BLE001 - a failing handler is a 500 answer (logged)
        _log.exception("handler %r failed on %s %s", operation, request.method, request.url.path)
        return error_answer(
            request,
            500,
            "Internal Server Error",
            detail="the handler failed; see the server log",
            operation=operation,
        )


def typed_answer(state: Runtime, operation: str, result: Answer[Any]) -> Response:
    """An ``Answer`` as the response: no body for None, ``bytes`` and text as they are, anything
    else as JSON, each in the media type the spec declares for the status."""
    entry = declared(state.operation(operation).get("answers", {}), result.status)
    contents: dict[str, Any] = entry["contents"] if entry else {}
    body = result.body
    if body is None:
        return Response(status_code=result.status, headers=result.headers)
    if isinstance(body, bytes | str):
        wanted = ("binary",) if isinstance(body, bytes) else ("text",)
        media_type = next((m for m, c in contents.items() if c["kind"] in wanted), None)
        if media_type is not None or isinstance(body, bytes):
            return Response(
                body,
                status_code=result.status,
                headers=result.headers,
                media_type=media_type or "application/octet-stream",
            )
    media_type = next((m for m, c in contents.items() if c["kind"] == "json"), "application/json")
    return JSONResponse(
        plain(body),
        status_code=result.status,
        headers=result.headers,
        media_type="application/json" if "*" in media_type else media_type,
    )
