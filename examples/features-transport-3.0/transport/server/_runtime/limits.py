"""Request limits: oversized or abusive requests get a clear 4xx answer (shipped verbatim by oagen; do not edit).

``RequestLimits`` is an ASGI middleware. Before the app sees a request it answers 414 for a
URL longer than ``max_url_bytes``, 431 for more than ``max_headers`` header fields or more than
``max_header_bytes`` of them, and 413 for a declared ``Content-Length`` over ``max_body_bytes``.
While the app reads the body it counts the bytes (a chunked body has no length to check first)
and, in a multipart body, the parts and their sizes (``max_parts``, ``max_part_bytes``; a form's
fields count as parts too): the first byte over a limit ends the request with 413. ``loads``
reads JSON refusing (400) a document nested deeper than ``max_json_depth``, so a deep document
never reaches a recursive parser or validator. A limit set to ``None`` is off.

On the way out, a response header whose name or value holds CR, LF or NUL is dropped (and
logged): request text a handler copied into a header can never split the response.
"""

from __future__ import annotations

import json
import logging
import re
from contextvars import ContextVar
from dataclasses import dataclass, fields
from typing import Any

from starlette.exceptions import HTTPException

__all__ = ["LimitExceeded", "Limits", "RequestLimits", "current"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """The limits of one app: ``create_app(max_body_bytes=..., ...)`` sets them."""

    max_body_bytes: int | None = 1_048_576
    """Request body bytes (413)."""
    max_json_depth: int | None = 64
    """Nesting of arrays and objects in a JSON body or JSON-encoded form field (400)."""
    max_url_bytes: int | None = 16_384
    """Path plus query string, as sent (414)."""
    max_header_bytes: int | None = 8_192
    """All header names and values together (431)."""
    max_headers: int | None = 100
    """Header fields (431)."""
    max_parts: int | None = 1_000
    """Parts of a multipart body, fields of a urlencoded form (413)."""
    max_part_bytes: int | None = None
    """One part of a multipart body, its part headers included (413); None: up to the body's limit."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{f.name} must be a positive int or None, not {value!r}")


class LimitExceeded(HTTPException):
    """A request over one of the limits; ``limit`` names it."""

    def __init__(self, status: int, detail: str, limit: str) -> None:
        super().__init__(status, detail=detail)
        self.limit = limit


_TITLES = {
    400: "Bad Request",
    413: "Content Too Large",
    414: "URI Too Long",
    431: "Request Header Fields Too Large",
}

# The limits of the request being served (read by ``loads`` anywhere in the app).
_DEFAULT = Limits()  # (frozen: one shared default is safe)
_CURRENT: ContextVar[Limits] = ContextVar("oagen_limits", default=_DEFAULT)


def current() -> Limits:
    """The limits of the request being served (the defaults outside one)."""
    return _CURRENT.get()


class RequestLimits:
    """ASGI middleware enforcing ``Limits`` (see the module's docstring)."""

    def __init__(self, app: Any, limits: Limits | None = None) -> None:
        self.app = app
        self.limits = limits = limits if limits is not None else Limits()
        # The head's limits as numbers (off: never reached), checked on every request.
        self._head = tuple(
            _OFF if value is None else value
            for value in (limits.max_url_bytes, limits.max_headers, limits.max_header_bytes)
        )
        self._body = _OFF if limits.max_body_bytes is None else limits.max_body_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope["headers"]
        size = 0
        length = media = None
        chunked = False
        for name, value in headers:
            size += len(name) + len(value)
            if name == b"content-length":
                length = value
            elif name == b"content-type":
                media = value
            elif name == b"transfer-encoding":
                chunked = True
        max_url, max_headers, max_header_bytes = self._head
        path: bytes = scope.get("raw_path") or scope["path"].encode("utf-8")
        url = len(path) + len(scope.get("query_string") or b"")
        if (
            url > max_url
            or len(headers) > max_headers
            or size > max_header_bytes
            or (length is not None and length.isdigit() and int(length) > self._body)
        ):
            refused = _check_head(self.limits, scope, len(headers), size, length)
            if refused is not None:
                await _refuse(send, refused)
                return
        guard = _Guard(self.limits, receive, send)
        if length is not None or chunked:
            guard.expect_body(media or b"")
        token = _CURRENT.set(self.limits)
        try:
            await self.app(scope, guard.receive if guard.counting else receive, guard.send)
        except Exception:
            if guard.refused is None or guard.started:
                raise
            # The app failed reading a body over a limit (a parser may wrap the error): the
            # limit is the answer.
            await _refuse(send, guard.refused)
        finally:
            _CURRENT.reset(token)


_OFF = 1 << 62


def _check_head(
    limits: Limits, scope: Any, count: int, size: int, length: bytes | None
) -> LimitExceeded | None:
    """The request line and the headers against the limits: the refusal, or None."""
    if limits.max_url_bytes is not None:
        path: bytes = scope.get("raw_path") or scope["path"].encode("utf-8")
        url = len(path) + len(scope.get("query_string", b""))
        if url > limits.max_url_bytes:
            return LimitExceeded(
                414,
                f"the URL is {url} bytes long; at most {limits.max_url_bytes} are accepted",
                "max_url_bytes",
            )
    if limits.max_headers is not None and count > limits.max_headers:
        return LimitExceeded(
            431,
            f"the request has {count} header fields; at most {limits.max_headers} are accepted",
            "max_headers",
        )
    if limits.max_header_bytes is not None and size > limits.max_header_bytes:
        return LimitExceeded(
            431,
            f"the request's headers are {size} bytes long; at most {limits.max_header_bytes}"
            " are accepted",
            "max_header_bytes",
        )
    body = int(length) if length is not None and length.isdigit() else 0
    if limits.max_body_bytes is not None and body > limits.max_body_bytes:
        return _too_large(limits.max_body_bytes, body)
    return None


def _too_large(limit: int, size: int | None = None) -> LimitExceeded:
    what = "the body is larger" if size is None else f"the body is {size} bytes"
    return LimitExceeded(413, f"{what}; at most {limit} bytes are accepted", "max_body_bytes")


_UNSAFE = re.compile(rb"[\r\n\x00]")


class _Guard:
    """One request's body counters, and its send with the outgoing headers checked."""

    __slots__ = (
        "_receive",
        "_replaced",
        "_send",
        "counting",
        "delimiter",
        "delimiters",
        "fields",
        "form",
        "limits",
        "part_start",
        "refused",
        "seen",
        "started",
        "tail",
    )

    def __init__(self, limits: Limits, receive: Any, send: Any) -> None:
        self.limits = limits
        self._receive = receive
        self._send = send
        self.refused: LimitExceeded | None = None
        self.started = False
        self._replaced = False
        #: Whether the body is read through ``receive`` (a request with a body and a limit on it).
        self.counting = False

    def expect_body(self, media: bytes) -> None:
        """The request has a body of this Content-Type (b"" when none): count what matters."""
        limits = self.limits
        self.seen = self.fields = self.delimiters = 0
        self.delimiter = self.tail = b""
        self.part_start: int | None = None
        kind, _, parameters = media.partition(b";")
        kind = kind.strip().lower()
        self.form = kind == b"application/x-www-form-urlencoded" and limits.max_parts is not None
        if kind.startswith(b"multipart/") and (
            limits.max_parts is not None or limits.max_part_bytes is not None
        ):
            boundary = _boundary(parameters)
            if boundary:
                self.delimiter = b"--" + boundary
        self.counting = limits.max_body_bytes is not None or self.form or bool(self.delimiter)

    async def receive(self) -> Any:
        if self.refused is not None:
            raise self.refused
        message = await self._receive()
        if message["type"] == "http.request":
            body: bytes = message.get("body", b"")
            if body:
                self._count(body)
        return message

    def _count(self, body: bytes) -> None:
        limits = self.limits
        before = self.seen
        self.seen += len(body)
        if limits.max_body_bytes is not None and self.seen > limits.max_body_bytes:
            self._refuse(_too_large(limits.max_body_bytes))
        if self.form:
            self.fields += body.count(b"&")
            if limits.max_parts is not None and self.fields + 1 > limits.max_parts:
                self._refuse(
                    LimitExceeded(
                        413,
                        f"the form has more than {limits.max_parts} fields",
                        "max_parts",
                    )
                )
        if self.delimiter:
            self._parts(before, body)

    def _parts(self, before: int, body: bytes) -> None:
        """Count the multipart delimiters (a body of N parts has N + 1) and the bytes between."""
        limits = self.limits
        delimiter = self.delimiter
        buffer = self.tail + body
        base = before - len(self.tail)  # where buffer[0] is in the body
        start = 0
        while True:
            at = buffer.find(delimiter, start)
            if at < 0:
                break
            self.delimiters += 1
            if limits.max_parts is not None and self.delimiters > limits.max_parts + 1:
                self._refuse(
                    LimitExceeded(
                        413,
                        f"the multipart body has more than {limits.max_parts} parts",
                        "max_parts",
                    )
                )
            self._part_size(base + at)
            start = at + len(delimiter)
            self.part_start = base + start
        keep = max(start, len(buffer) - len(delimiter) + 1)
        self.tail = buffer[keep:]
        self._part_size(base + keep)  # the tail may begin the next delimiter: not counted yet

    def _part_size(self, end: int) -> None:
        limit = self.limits.max_part_bytes
        if limit is not None and self.part_start is not None and end - self.part_start > limit:
            self._refuse(
                LimitExceeded(
                    413,
                    f"a part of the multipart body is larger than {limit} bytes",
                    "max_part_bytes",
                )
            )

    def _refuse(self, exc: LimitExceeded) -> None:
        self.refused = exc
        raise exc

    async def send(self, message: Any) -> None:
        kind = message["type"]
        if kind == "http.response.start":
            if self.refused is not None and not self.started:
                # Whatever the app made of the failed read, the answer is the limit's.
                self.started = self._replaced = True
                await _refuse(self._send, self.refused)
                return
            self.started = True
            headers = message.get("headers") or ()
            if _UNSAFE.search(b" ".join([b" ".join(pair) for pair in headers])):
                message = {**message, "headers": _safe_headers(headers)}
        elif self._replaced:
            return
        await self._send(message)


def _safe_headers(headers: Any) -> list[tuple[bytes, bytes]]:
    kept = []
    for name, value in headers:
        if _UNSAFE.search(name) or _UNSAFE.search(value):
            _log.warning(
                "response header %r dropped: its name or value holds CR, LF or NUL",
                name.decode("latin-1"),
            )
        else:
            kept.append((name, value))
    return kept


def _boundary(parameters: bytes) -> bytes:
    for parameter in parameters.split(b";"):
        name, _, value = parameter.strip().partition(b"=")
        if name.strip().lower() == b"boundary":
            value = value.strip()
            if len(value) >= 2 and value[:1] == value[-1:] == b'"':
                value = value[1:-1]
            return value
    return b""


async def _refuse(send: Any, exc: LimitExceeded) -> None:
    """The problem answer of a request over a limit (RFC 9457 members, as the app's errors)."""
    body = json.dumps(
        {
            "title": _TITLES.get(exc.status_code, "Bad Request"),
            "status": exc.status_code,
            "detail": exc.detail,
            "limit": exc.limit,
        },
        separators=(",", ":"),
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": exc.status_code,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
