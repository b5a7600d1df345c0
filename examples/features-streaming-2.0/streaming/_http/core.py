"""The transport loop shared by ``Client`` and ``AsyncClient``: a call is built into one request,
sent and retried as the policy allows, its body read (bounded), and its answer parsed.

Each step is one method: ``Core._build`` (parameters, credentials, body and options into one
``Request``), ``Core._authorize``, ``_send`` (sending and retrying: ``SyncCore`` and
``AsyncCore`` mirror each other line for line; ``faults`` says what an httpx exception becomes)
and ``Core._parse``; a feature of one step changes that method.
"""

from __future__ import annotations

import contextvars
import copy
import logging
import time
import warnings
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import httpx

from . import auth, bodies, faults, logs, options, params, reading, responses, streaming
from .options import UNSET, RequestOptions, TimeoutValue, Unset
from .responses import ApiResponse
from .retries import RetryPolicy
from .spec import Operation, Scheme

if TYPE_CHECKING:
    from typing_extensions import Self  # typing.Self from Python 3.11

T = TypeVar("T")
P = ParamSpec("P")
# The package's logger (``NAME``), switched on by ``NAME_LOG=debug|info``.
_log = logs.logger
logs.configure()
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
    """A request ready for httpx, with how it may be retried."""

    method: str
    url: str
    headers: dict[str, str]
    kwargs: dict[str, Any]
    retry: RetryPolicy | None = None  # the call's own policy (else the client's)
    keyed: bool = False  # it carries an idempotency key: retried like an idempotent method
    operation: str = ""


class Core:
    """What both clients share: building requests, failures and reading answers.

    A compressed answer may expand to ``max_expansion`` times its size on the wire, beyond
    ``expansion_floor`` bytes (any smaller body is fine); past that ``ResponseTooLargeError``.
    """

    _schemes: Mapping[str, Scheme] = {}
    # Async clients stream file bodies with async iterators (``uploads.AsyncUpload``).
    _asynchronous = False
    max_expansion: float = 200.0
    expansion_floor: int = 8 << 20

    def __init__(
        self, base_url: str, credentials: Mapping[str, Any], retries: int | RetryPolicy
    ) -> None:
        self.base_url = base_url.rstrip("/")
        given = {k: v for k, v in credentials.items() if v is not None}
        # OAuth2 client credentials and SigV4 become httpx.Auth flows, kept for the client's life.
        self._credentials = auth.prepare(self._schemes, given, self.base_url)
        self._retry = options.policy(retries)
        self._secret_query = auth.secret_query_names(self._schemes)
        self._secret_headers = {
            s.name for s in self._schemes.values() if s.kind == "apiKey" and s.location == "header"
        }
        self._headers: dict[str, str] = {}
        self._timeout: TimeoutValue | Unset = UNSET
        self._follow_redirects: bool | None = None
        self._owns_http = True
        auth.hide_in_logs(self._secret_query)

    def __repr__(self) -> str:
        url = auth.redact_url(self.base_url, ())
        return f"{type(self).__name__}(base_url={url!r}, credentials={sorted(self._credentials)!r})"

    def with_options(
        self,
        *,
        base_url: str | None = None,
        timeout: TimeoutValue | Unset = UNSET,
        headers: Mapping[str, str] | None = None,
        retries: int | RetryPolicy | None = None,
        follow_redirects: bool | None = None,
    ) -> Self:
        """A client like this one with some options changed, sharing its connections (closing
        it leaves them open; closing this client closes them for both).

        Args:
            base_url: Another server (its URL with the base path).
            timeout: Seconds (or an ``httpx.Timeout``) before a request fails; ``None`` waits forever.
            headers: Headers added to every request (beside the client's own).
            retries: A number of retries (0: none) or a ``RetryPolicy``.
            follow_redirects: Follow 3xx answers.
        """
        clone = copy.copy(self)
        clone._owns_http = False
        if base_url is not None:
            clone.base_url = base_url.rstrip("/")
        if not isinstance(timeout, Unset):
            clone._timeout = timeout
        if headers:
            clone._headers = {**self._headers, **headers}
        if retries is not None:
            clone._retry = options.policy(retries)
        if follow_redirects is not None:
            clone._follow_redirects = follow_redirects
        return clone

    def _build(
        self,
        op: Operation,
        values: Sequence[Any],
        body: Any,
        call: RequestOptions | None = None,
    ) -> Request:
        """The request for one call of ``op`` (``values``: its parameters' values, in order;
        ``call``: the call's ``request_options``)."""
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
        for name, value in self._headers.items():
            params.put_header(headers, name, value)
        if not isinstance(self._timeout, Unset):
            kwargs["timeout"] = self._timeout
        call = call or {}
        options.apply(call, headers, query, kwargs)
        url = self.base_url + path + ("?" + "&".join(query) if query else "")
        retry = options.policy(call["retries"]) if "retries" in call else None
        return Request(
            op.method, url, headers, kwargs, retry, bool(call.get("idempotency_key")), op.name
        )

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

    def _redirects(self) -> dict[str, Any]:
        """httpx's ``send`` arguments for redirects (``with_options`` may change them)."""
        follow = self._follow_redirects
        return {} if follow is None else {"follow_redirects": follow}

    def _log(
        self,
        request: Request,
        outcome: object,
        started: float | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        """One exchange in the package's log (a stream's: when its answer starts)."""
        if _log.isEnabledFor(logging.INFO):
            url = auth.redact_url(request.url, self._secret_query)
            hidden = self._secret_headers
            logs.exchange(request.method, url, outcome, started, request.headers, response, hidden)


class SyncCore(Core):
    """The synchronous transport loop."""

    _http: httpx.Client

    def _call(
        self,
        op: Operation,
        values: Sequence[Any],
        body: Any = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[Any]:
        request = self._build(op, values, body, request_options)
        return self._parse(op, self._send(request))

    def _send(self, request: Request) -> httpx.Response:
        """The final answer to ``request``, its body read: sent again after a connection error,
        a timeout or a retried status while the retry policy allows; an error it does not allow
        is raised as an ``ApiError``."""
        attempt = 0
        while True:
            started = time.perf_counter()
            response: httpx.Response | None = None
            try:
                build, send = auth.send_args(request.kwargs)
                sent = self._http.build_request(
                    request.method, request.url, headers=request.headers, **build
                )
                response = self._http.send(sent, stream=True, **send, **self._redirects())
                reading.read(response, self.max_expansion, self.expansion_floor)
            except faults.CAUGHT as exc:
                if response is not None:
                    response.close()
                error = faults.failure(request.operation or request.method, exc, response)
                self._log(request, type(exc).__name__, started, response)
                delay = faults.retry_delay(self._retry, request, attempt, None, error)
                if delay is None:
                    raise error from exc
            else:
                self._log(request, response.status_code, started, response)
                delay = faults.retry_delay(self._retry, request, attempt, response, None)
                if delay is None:
                    return response
                response.close()
            attempt += 1
            time.sleep(delay)

    def close(self) -> None:
        """Close the connections (a client from ``with_options`` leaves them to its origin)."""
        if self._owns_http:
            self._http.close()

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

    def _stream(
        self,
        op: Operation,
        values: Sequence[Any],
        body: Any = None,
        request_options: RequestOptions | None = None,
    ) -> httpx.Response:
        """The answer to a call of ``op`` with its body unread (``streaming``: event streams,
        binary downloads); an error answer is raised as ``ApiError``."""
        request = self._build(op, values, body, request_options)
        return streaming.open_sync(self._http, op, request, request.retry or self._retry, self._log)


class AsyncCore(Core):
    """The asynchronous transport loop."""

    _http: httpx.AsyncClient
    _asynchronous = True

    async def _call(
        self,
        op: Operation,
        values: Sequence[Any],
        body: Any = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[Any]:
        request = self._build(op, values, body, request_options)
        return self._parse(op, await self._send(request))

    async def _send(self, request: Request) -> httpx.Response:
        """The final answer to ``request`` (see ``SyncCore._send``)."""
        attempt = 0
        while True:
            started = time.perf_counter()
            response: httpx.Response | None = None
            try:
                build, send = auth.send_args(request.kwargs)
                sent = self._http.build_request(
                    request.method, request.url, headers=request.headers, **build
                )
                response = await self._http.send(sent, stream=True, **send, **self._redirects())
                await reading.aread(response, self.max_expansion, self.expansion_floor)
            except faults.CAUGHT as exc:
                if response is not None:
                    await response.aclose()
                error = faults.failure(request.operation or request.method, exc, response)
                self._log(request, type(exc).__name__, started, response)
                delay = faults.retry_delay(self._retry, request, attempt, None, error)
                if delay is None:
                    raise error from exc
            else:
                self._log(request, response.status_code, started, response)
                delay = faults.retry_delay(self._retry, request, attempt, response, None)
                if delay is None:
                    return response
                await response.aclose()
            attempt += 1
            await _sleep(delay)

    async def aclose(self) -> None:
        """Close the connections (a client from ``with_options`` leaves them to its origin)."""
        if self._owns_http:
            await self._http.aclose()

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
        self,
        op: Operation,
        values: Sequence[Any],
        body: Any = None,
        request_options: RequestOptions | None = None,
    ) -> httpx.Response:
        """The answer to a call of ``op`` with its body unread (see ``SyncCore._stream``)."""
        request = self._build(op, values, body, request_options)
        return await streaming.open_async(
            self._http, op, request, request.retry or self._retry, self._log
        )
