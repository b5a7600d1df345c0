"""The transport loop shared by ``Client`` and ``AsyncClient``: a call is built into one request
(parameters, credentials, body), sent and retried as the policy allows, and its answer read.

Each step is one method: ``Core._build`` (parameters, credentials and body into one ``Request``),
``Core._authorize``, ``_send`` (sending and retrying: ``SyncCore`` and ``AsyncCore`` mirror each
other line for line) and ``Core._parse``; a feature of one step changes that method.
"""

from __future__ import annotations

import contextvars
import logging
import time
import warnings
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

import httpx

from . import auth, bodies, params, responses, streaming
from .responses import ApiResponse
from .retries import RetryPolicy
from .spec import Operation, Scheme

T = TypeVar("T")
P = ParamSpec("P")
# One logger for the whole runtime, named after it (``NAME._http``).
_log = logging.getLogger(__package__ or __name__)
# The answers of the calls made inside ``with_response``.
_CAPTURE: contextvars.ContextVar[list[ApiResponse[Any]] | None] = contextvars.ContextVar(
    "oagen_capture", default=None
)


async def _sleep(seconds: float) -> None:
    # asyncio is imported by the first retry of an async client: importing it costs more than
    # the rest of the client (about 10 ms), and sync clients never need it.
    import asyncio

    await asyncio.sleep(seconds)


@dataclass(slots=True)
class Request:
    """A request ready for httpx."""

    method: str
    url: str
    headers: dict[str, str]
    kwargs: dict[str, Any]


class Core:
    """What both clients share: building requests and reading answers."""

    _schemes: Mapping[str, Scheme] = {}
    # Async clients stream file bodies with async iterators (``uploads.AsyncUpload``).
    _asynchronous = False

    def __init__(
        self, base_url: str, credentials: Mapping[str, Any], retries: int | RetryPolicy
    ) -> None:
        self.base_url = base_url.rstrip("/")
        given = {k: v for k, v in credentials.items() if v is not None}
        # OAuth2 client credentials and SigV4 become httpx.Auth flows, kept for the client's life.
        self._credentials = auth.prepare(self._schemes, given, self.base_url)
        self._retry = retries if isinstance(retries, RetryPolicy) else RetryPolicy(attempts=retries)
        self._secret_query = auth.secret_query_names(self._schemes)
        auth.hide_in_logs(self._secret_query)

    def __repr__(self) -> str:
        url = auth.redact_url(self.base_url, ())
        return f"{type(self).__name__}(base_url={url!r}, credentials={sorted(self._credentials)!r})"

    def _build(self, op: Operation, values: Sequence[Any], body: Any) -> Request:
        """The request for one call of ``op`` (``values``: its parameters' values, in order)."""
        if op.deprecated:
            # The caller of the operation method: _build, _call, the method, its caller.
            warnings.warn(f"{op.name} is deprecated", DeprecationWarning, stacklevel=4)
        path = op.path
        query: list[str] = []
        headers: dict[str, str] = {"Accept": op.accept} if op.accept else {}
        cookies: list[tuple[str, str]] = []
        for location, name, constant in op.constants:
            if location == "query":
                query.append(params.query_constant(name, constant))
            else:
                params.put_header(headers, name, constant)
        for p, value in zip(op.params, values, strict=True):
            if value is None:
                continue
            if p.location == "path":
                path = path.replace("{" + p.wire + "}", params.serialize_path(p, value))
            elif p.location == "query":
                query.extend(params.serialize_query(p, value))
            elif p.location == "header":
                # An Accept or Content-Type argument replaces the client's own.
                params.put_header(headers, p.wire, params.serialize_header(p, value))
            else:
                cookies.extend(params.serialize_cookie(p, value))
        flow = self._authorize(op, query, headers, cookies)
        kwargs = bodies.encode_body(op, body, headers, asynchronous=self._asynchronous)
        if flow is not None:
            kwargs["auth"] = flow
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies)
        url = self.base_url + path + ("?" + "&".join(query) if query else "")
        return Request(op.method, url, headers, kwargs)

    def _authorize(
        self,
        op: Operation,
        query: list[str],
        headers: dict[str, str],
        cookies: list[tuple[str, str]],
    ) -> httpx.Auth | None:
        """Add the credentials ``op`` needs (those of the client's schemes it accepts); a flow
        (OAuth2 client credentials, SigV4) is returned, for httpx to run when sending."""
        return auth.authorize(
            op.security, self._schemes, self._credentials, query, headers, cookies
        )

    def _parse(self, op: Operation, response: httpx.Response) -> ApiResponse[Any]:
        """The final answer read (``with_response`` gets it whole)."""
        answer = responses.parse(op, response)
        capture = _CAPTURE.get()
        if capture is not None:
            capture.append(answer)
        return answer

    def _log(self, request: Request, outcome: object) -> None:
        if _log.isEnabledFor(logging.DEBUG):
            url = auth.redact_url(request.url, self._secret_query)
            _log.debug("%s %s -> %s", request.method, url, outcome)


class SyncCore(Core):
    """The synchronous transport loop."""

    _http: httpx.Client

    def _call(self, op: Operation, values: Sequence[Any], body: Any = None) -> ApiResponse[Any]:
        request = self._build(op, values, body)
        return self._parse(op, self._send(request))

    def _send(self, request: Request) -> httpx.Response:
        """The final answer to ``request``: sent again after a connection error or a retried
        status while the retry policy allows (a connection error it does not allow is raised)."""
        attempt = 0
        while True:
            try:
                response = self._http.request(
                    request.method, request.url, headers=request.headers, **request.kwargs
                )
            except httpx.TransportError as exc:
                self._log(request, type(exc).__name__)
                delay = self._retry.next_delay(request.method, attempt, None)
                if delay is None:
                    raise
            else:
                self._log(request, response.status_code)
                delay = self._retry.next_delay(request.method, attempt, response)
                if delay is None:
                    return response
                response.close()
            attempt += 1
            time.sleep(delay)

    def with_response(self, method: Callable[P, T]) -> Callable[P, ApiResponse[T]]:
        """Call an operation and get the whole answer: ``client.with_response(client.op)(...)``.

        The ``ApiResponse`` has ``status_code``, ``headers``, ``parsed`` (what ``client.op(...)``
        returns) and ``raw`` (the httpx response).
        """

        def call(*args: P.args, **kwargs: P.kwargs) -> ApiResponse[T]:
            captured: list[ApiResponse[Any]] = []
            token = _CAPTURE.set(captured)
            try:
                result = method(*args, **kwargs)
            finally:
                _CAPTURE.reset(token)
            # A streamed answer (an event or byte stream) is its own parsed value.
            answer: ApiResponse[T] = captured[-1] if captured else streaming.whole(result)
            return answer

        return call

    def _stream(self, op: Operation, values: Sequence[Any], body: Any = None) -> httpx.Response:
        """The answer to a call of ``op`` with its body unread (``streaming``: event streams,
        binary downloads); an error answer is raised as ``ApiError``."""
        request = self._build(op, values, body)
        return streaming.open_sync(self._http, op, request, self._retry, self._log)


class AsyncCore(Core):
    """The asynchronous transport loop."""

    _http: httpx.AsyncClient
    _asynchronous = True

    async def _call(
        self, op: Operation, values: Sequence[Any], body: Any = None
    ) -> ApiResponse[Any]:
        request = self._build(op, values, body)
        return self._parse(op, await self._send(request))

    async def _send(self, request: Request) -> httpx.Response:
        """The final answer to ``request`` (see ``SyncCore._send``)."""
        attempt = 0
        while True:
            try:
                response = await self._http.request(
                    request.method, request.url, headers=request.headers, **request.kwargs
                )
            except httpx.TransportError as exc:
                self._log(request, type(exc).__name__)
                delay = self._retry.next_delay(request.method, attempt, None)
                if delay is None:
                    raise
            else:
                self._log(request, response.status_code)
                delay = self._retry.next_delay(request.method, attempt, response)
                if delay is None:
                    return response
                await response.aclose()
            attempt += 1
            await _sleep(delay)

    def with_response(
        self, method: Callable[P, Awaitable[T]]
    ) -> Callable[P, Awaitable[ApiResponse[T]]]:
        """Call an operation and get the whole answer: ``await client.with_response(client.op)(...)``.

        The ``ApiResponse`` has ``status_code``, ``headers``, ``parsed`` (what ``client.op(...)``
        returns) and ``raw`` (the httpx response).
        """

        async def call(*args: P.args, **kwargs: P.kwargs) -> ApiResponse[T]:
            captured: list[ApiResponse[Any]] = []
            token = _CAPTURE.set(captured)
            try:
                result = await method(*args, **kwargs)
            finally:
                _CAPTURE.reset(token)
            answer: ApiResponse[T] = captured[-1] if captured else streaming.whole(result)
            return answer

        return call

    async def _stream(
        self, op: Operation, values: Sequence[Any], body: Any = None
    ) -> httpx.Response:
        """The answer to a call of ``op`` with its body unread (see ``SyncCore._stream``)."""
        request = self._build(op, values, body)
        return await streaming.open_async(self._http, op, request, self._retry, self._log)
