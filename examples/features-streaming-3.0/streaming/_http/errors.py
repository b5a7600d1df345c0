"""The errors a call raises: ``ApiError`` for every answer that is not a success, and its family.

The generated ``errors.py`` re-exports these and adds one subclass per error model the spec
declares (``exc.parsed`` is then that model).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from typing_extensions import Self  # typing.Self from Python 3.11

__all__ = ["ApiError", "ResponseValidationError"]


def excerpt(response: httpx.Response, limit: int = 200) -> str:
    """The start of a text or JSON body on one line (empty for any other body)."""
    ctype = response.headers.get("content-type", "")
    if not response.content or not ("json" in ctype or ctype.startswith("text/")):
        return ""
    text = " ".join(response.content.decode("utf-8", "replace").split())
    return text if len(text) <= limit else text[:limit] + "..."


class ApiError(Exception):
    """An answer that is not a success: status, headers, raw body and the parsed body.

    ``parsed`` is the body read as the spec declares it (a model) when it declares one, else the
    JSON data, text or bytes the server sent. ``response`` is the httpx response.
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
        super().__init__(f"{operation}: HTTP {status_code}" + (f" {reason}" if reason else ""))
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
            response.content,
            parsed,
            response,
            reason=f"{reason}: {start}" if start else reason,
        )

    @property
    def text(self) -> str:
        """The body as text."""
        return self.content.decode("utf-8", "replace")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(operation={self.operation!r}, status_code={self.status_code})"
        )


class ResponseValidationError(ApiError):
    """A success answer whose body is not what the spec declares (not JSON, a missing required
    field, a wrong type). Unknown fields, new enum values and broken constraints are accepted and
    never raise this; ``parsed`` holds the body as the server sent it."""
