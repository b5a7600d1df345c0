"""Running a handler: its return value as the answer, a mock answer in mock mode, 501 for an
operation nobody implemented yet, a 500 problem (traceback logged) when it fails."""

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

from .problems import error_answer, problem
from .state import runtime

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
    if isinstance(result, BaseModel):
        data = result.model_dump(mode="json", by_alias=True, exclude_unset=True)
    else:
        data = jsonable_encoder(result, by_alias=True)
    return JSONResponse(data, status_code=status_code)


async def answer(
    request: Request, operation: str, status_code: int, call: Callable[[], Awaitable[Any]]
) -> Response:
    """Run a handler: a mock answer in mock mode, a 500 problem (traceback logged) if it fails."""
    state = runtime(request)
    if operation in state.mocked:
        return state.mock_answer(operation)
    try:
        return respond(await call(), status_code)
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
