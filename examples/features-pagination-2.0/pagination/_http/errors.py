"""The errors a call raises: ``ApiError`` and its family. Every failure of a call is an
``ApiError``; its subclasses say what went wrong:

- ``ApiError`` itself: an answer that is not a success (``status_code``, ``headers``, ``parsed``);
- ``ResponseValidationError``: a success answer whose body does not fit the declared type;
- ``ResponseParseError`` (a ``ResponseValidationError``): a body that cannot be read at all (not
  JSON, cut short, a media type that is not the declared one);
- ``ResponseTooLargeError``: a compressed body that expands past the client's limit (a zip bomb);
- ``TooManyRedirectsError``: a redirect loop (with ``follow_redirects``);
- ``ApiConnectionError``: no complete answer (refused, reset, closed mid-body); ``status_code``
  is 0 unless the status line had arrived;
- ``ApiTimeoutError`` (an ``ApiConnectionError``): connecting, sending or reading took too long.

The generated ``errors.py`` re-exports these and adds one subclass per error model the spec
declares (``exc.parsed`` is then that model).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from typing_extensions import Self  # typing.Self from Python 3.11

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "TooManyRedirectsError",
]

# The headers servers and gateways put their request id in, most specific first.
REQUEST_ID_HEADERS = (
    "x-request-id",
    "request-id",
    "x-amzn-requestid",
    "x-amzn-request-id",
    "x-amz-request-id",
    "x-ms-request-id",
    "x-goog-request-id",
    "x-github-request-id",
    "x-correlation-id",
    "x-trace-id",
    "cf-ray",
)


def request_id(headers: httpx.Headers) -> str | None:
    """The request id an answer carries in one of the usual headers, or ``None``."""
    for name in REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return str(value)
    return None


def body_of(response: httpx.Response) -> bytes:
    """The body already read (empty when it was not: an error never reads one)."""
    try:
        return response.content
    except httpx.ResponseNotRead:
        return b""


def excerpt(response: httpx.Response, limit: int = 200) -> str:
    """The start of a text or JSON body on one line (an HTML page: its title; empty for any
    other body)."""
    ctype = response.headers.get("content-type", "")
    content = body_of(response)
    if not content or not ("json" in ctype or ctype.startswith("text/")):
        return ""
    text = content[: limit * 8].decode("utf-8", "replace")
    if "html" in ctype:
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
        text = f"an HTML page: {title.group(1)}" if title else "an HTML page"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


class ApiError(Exception):
    """A call that failed; raised as such for an answer that is not a success: status, headers,
    raw body and the parsed body.

    ``parsed`` is the body read as the spec declares it (a model) when it declares one, else the
    JSON data, text or bytes the server sent. ``response`` is the httpx response (``None`` when
    no answer arrived), ``request_id`` the server's id of the request (``x-request-id``,
    ``x-amzn-requestid``, ``cf-ray``... headers) when the answer has one.
    """

    parsed: Any

    def __init__(
        self,
        operation: str,
        status_code: int,
        headers: httpx.Headers,
        content: bytes,
        parsed: Any = None,
        response: httpx.Response | None = None,
        *,
        reason: str = "",
    ) -> None:
        self.request_id = request_id(headers)
        rid = f" (request id {self.request_id})" if self.request_id else ""
        head = f"HTTP {status_code}" if status_code else "no answer"
        super().__init__(f"{operation}: {head}" + (f" {reason}" if reason else "") + rid)
        self.operation = operation
        self.status_code = status_code
        self.headers = headers
        self.content = content
        self.parsed = parsed
        self.response = response

    @classmethod
    def from_response(
        cls,
        operation: str,
        response: httpx.Response,
        parsed: Any = None,
        *,
        reason: str = "",
    ) -> Self:
        """The error for an answer (its message ends with the start of a text or JSON body)."""
        reason = reason or response.reason_phrase
        start = excerpt(response)
        return cls(
            operation,
            response.status_code,
            response.headers,
            body_of(response),
            parsed,
            response,
            reason=f"{reason}: {start}" if start else reason,
        )

    @property
    def text(self) -> str:
        """The body as text."""
        return self.content.decode("utf-8", "replace")

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait before trying again (``Retry-After``), or ``None``."""
        from .retries import retry_after

        return retry_after(self.headers.get("retry-after"))

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(operation={self.operation!r}, status_code={self.status_code})"
        )


class ResponseValidationError(ApiError):
    """A success answer whose body is not what the spec declares (not JSON, a missing required
    field, a wrong type). Unknown fields, new enum values and broken constraints are accepted and
    never raise this; ``parsed`` holds the body as the server sent it."""


class ResponseParseError(ResponseValidationError):
    """A success answer whose body cannot be read as declared at all: not JSON (invalid, cut
    short, an HTML page), or sent with a media type that is not the declared one and not JSON
    either. ``parsed`` holds the body as text."""


class ResponseTooLargeError(ApiError):
    """An answer whose compressed body expands past the client's limit (``Core.max_expansion``
    times its size on the wire, beyond ``Core.expansion_floor`` bytes): reading stopped there,
    ``content`` is empty."""


class TooManyRedirectsError(ApiError):
    """Redirects that do not end (``follow_redirects``): ``status_code`` is the last 3xx."""


class ApiConnectionError(ApiError):
    """No complete answer: the connection was refused, reset or closed before the whole body
    arrived, or the answer broke HTTP. ``status_code`` is the answer's when its status line
    arrived, else 0; ``__cause__`` is the httpx exception."""

    @classmethod
    def from_exception(
        cls, operation: str, exc: httpx.HTTPError, response: httpx.Response | None = None
    ) -> Self:
        """The error for an httpx exception (``response``: the answer whose body broke off)."""
        detail = str(exc) or type(exc).__name__
        if response is None:
            return cls(
                operation, 0, httpx.Headers(), b"", reason=f"({type(exc).__name__}: {detail})"
            )
        return cls(
            operation,
            response.status_code,
            response.headers,
            b"",
            None,
            response,
            reason=f"the body broke off ({type(exc).__name__}: {detail})",
        )


class ApiTimeoutError(ApiConnectionError):
    """Connecting, sending or reading took longer than the timeout (the client's or the call's
    ``request_options={"timeout": ...}``)."""
