"""What goes wrong on the way: an httpx exception (or a body too large) as one of the
``ApiError`` family, and which of them may be retried."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from .errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    ResponseParseError,
    ResponseTooLargeError,
    TooManyRedirectsError,
)
from .logs import logger
from .reading import TooLarge

if TYPE_CHECKING:
    from .core import Request
    from .retries import RetryPolicy

# What the transport loop catches while sending and reading.
CAUGHT = (httpx.HTTPError, TooLarge)


def failure(operation: str, exc: Exception, response: httpx.Response | None) -> ApiError:
    """The error for ``exc`` (``response``: the answer whose body was being read, if any)."""
    if isinstance(exc, TooLarge) and response is not None:
        return ResponseTooLargeError(
            operation, response.status_code, response.headers, b"", None, response, reason=str(exc)
        )
    if isinstance(exc, httpx.TimeoutException):
        return ApiTimeoutError.from_exception(operation, exc, response)
    if isinstance(exc, httpx.TooManyRedirects):
        return TooManyRedirectsError(operation, 0, httpx.Headers(), b"", reason=f"({exc})")
    if isinstance(exc, httpx.DecodingError) and response is not None:
        return ResponseParseError(
            operation,
            response.status_code,
            response.headers,
            b"",
            None,
            response,
            reason=f"the body cannot be decoded ({exc})",
        )
    if isinstance(exc, httpx.HTTPError):
        return ApiConnectionError.from_exception(operation, exc, response)
    raise exc


def retryable(error: ApiError) -> bool:
    """True for the errors a retry may cure: no complete answer (connection, timeout)."""
    return isinstance(error, ApiConnectionError)


def retry_delay(
    policy: RetryPolicy,
    request: Request,
    attempt: int,
    response: httpx.Response | None,
    error: ApiError | None,
) -> float | None:
    """Seconds before sending ``request`` again after try ``attempt`` ended in ``response``
    or ``error`` (only a connection error or a timeout is retried), or ``None``. The call's own
    policy (``request.retry``) comes before the client's (``policy``)."""
    if error is not None and not retryable(error):
        return None
    policy = request.retry or policy
    delay = policy.next_delay(request.method, attempt, response, request.keyed)
    if delay is not None:
        logger.info(
            "retrying %s in %.2f s (try %d of %d)",
            request.operation or request.method,
            delay,
            attempt + 2,
            policy.attempts + 1,
        )
    return delay
