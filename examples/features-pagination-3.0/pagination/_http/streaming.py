"""Answers read as they arrive, never whole in memory: ``EventStream`` / ``AsyncEventStream``
(a ``text/event-stream`` answer event by event, ``sse``, each event's data read into the declared
type) and ``ByteStream`` / ``AsyncByteStream`` (a binary answer chunk by chunk).

Each stream is an iterator and a context manager: leaving the ``with`` block, or the loop ending
early inside it, closes the connection (the server sees the client go). A stream left without
``with`` is closed when its loop ends or when it is garbage collected (sync streams).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from . import auth, responses
from .errors import ResponseValidationError
from .responses import ApiResponse
from .spec import Operation
from .sse import ServerSentEvent, SSEDecoder
from .values import pydantic

if TYPE_CHECKING:
    from typing_extensions import Self  # typing.Self from Python 3.11

    from .core import Request
    from .retries import RetryPolicy

T = TypeVar("T")

__all__ = ["AsyncByteStream", "AsyncEventStream", "ByteStream", "EventStream", "ServerSentEvent"]
__all__ += ["open_async", "open_sync", "whole"]

CHUNK_SIZE = 64 * 1024
# The data of an event that ends a stream of JSON events (OpenAI's convention, widely copied).
DONE = "[DONE]"


# --------------------------------------------------------------------------- opening


def _http_request(
    http: httpx.Client | httpx.AsyncClient, request: Request
) -> tuple[httpx.Request, dict[str, Any]]:
    """The httpx request, and ``send``'s arguments (an OAuth2 or SigV4 flow runs there)."""
    build, send = auth.send_args(request.kwargs)
    built = http.build_request(request.method, request.url, headers=request.headers, **build)
    return built, send


def open_sync(
    http: httpx.Client,
    op: Operation,
    request: Request,
    retry: RetryPolicy,
    log: Callable[[Request, object], None],
) -> httpx.Response:
    """The answer to ``request`` with its body still unread (retried like ``SyncCore._send``);
    an error answer is read and raised as ``ApiError``."""
    attempt = 0
    while True:
        try:
            built, send = _http_request(http, request)
            response = http.send(built, stream=True, **send)
        except httpx.TransportError as exc:
            log(request, type(exc).__name__)
            delay = retry.next_delay(request.method, attempt, None)
            if delay is None:
                raise
        else:
            log(request, response.status_code)
            delay = retry.next_delay(request.method, attempt, response)
            if delay is None:
                if _failed(op, response):
                    try:
                        response.read()
                    finally:
                        response.close()
                    raise responses.error(op, op.result(response.status_code), response)
                return response
            response.close()
        attempt += 1
        time.sleep(delay)


async def open_async(
    http: httpx.AsyncClient,
    op: Operation,
    request: Request,
    retry: RetryPolicy,
    log: Callable[[Request, object], None],
) -> httpx.Response:
    """The answer to ``request`` with its body still unread (see ``open_sync``)."""
    import asyncio

    attempt = 0
    while True:
        try:
            built, send = _http_request(http, request)
            response = await http.send(built, stream=True, **send)
        except httpx.TransportError as exc:
            log(request, type(exc).__name__)
            delay = retry.next_delay(request.method, attempt, None)
            if delay is None:
                raise
        else:
            log(request, response.status_code)
            delay = retry.next_delay(request.method, attempt, response)
            if delay is None:
                if _failed(op, response):
                    try:
                        await response.aread()
                    finally:
                        await response.aclose()
                    raise responses.error(op, op.result(response.status_code), response)
                return response
            await response.aclose()
        attempt += 1
        await asyncio.sleep(delay)


def whole(stream: Any) -> ApiResponse[Any]:
    """``with_response`` of a streamed operation: the stream is the parsed value (its status and
    headers are known before its body is read)."""
    response: httpx.Response = stream.response
    return ApiResponse(response.status_code, response.headers, stream, response)


def _failed(op: Operation, response: httpx.Response) -> bool:
    status = response.status_code
    return status >= 400 or (op.result(status) is None and not 200 <= status < 300)


# --------------------------------------------------------------------------- events


def _decoder(op: Operation, response: httpx.Response) -> Callable[[str], Any]:
    """How an event's data is read: JSON into the declared type, else the text as it is."""
    result = op.result(response.status_code)
    if result is None or not result.typed:
        return str

    def decode(data: str) -> Any:
        try:
            value = json.loads(data)
        except ValueError:
            raise ResponseValidationError.from_response(
                op.name, response, data, reason="an event's data is not JSON"
            ) from None
        try:
            return result.validate(value)
        except pydantic.ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "data"
            raise ResponseValidationError.from_response(
                op.name, response, value, reason=f"event data {where}: {first['msg']}"
            ) from None

    return decode


class _Events(Generic[T]):
    """What both event streams share: the answer, the decoder and the event's typed data."""

    def __init__(self, response: httpx.Response, op: Operation) -> None:
        self.response = response
        self._decode = _decoder(op, response)
        self._typed = self._decode is not str
        self._sse = SSEDecoder()
        self._pending: list[ServerSentEvent[str]] = []
        self._done = False

    @property
    def last_event_id(self) -> str:
        """The id of the last event that set one (send it as ``Last-Event-ID`` to resume)."""
        return self._sse.last_id

    @property
    def retry(self) -> int | None:
        """The reconnection time (ms) the server asked for, if it did."""
        return self._sse.retry

    def _typed_event(self, raw: ServerSentEvent[str]) -> ServerSentEvent[T] | None:
        if self._typed and raw.data == DONE:
            return None
        return ServerSentEvent(self._decode(raw.data), raw.event, raw.id, raw.retry)


class EventStream(_Events[T]):
    """The events of a ``text/event-stream`` answer, as they arrive: ``ServerSentEvent`` with
    ``data`` read into the declared type (``event``, ``id``, ``retry`` as sent).

    ``with client.op(...) as events: for event in events: ...`` — leaving the block (a ``break``
    too) closes the connection.
    """

    def __init__(self, response: httpx.Response, op: Operation) -> None:
        super().__init__(response, op)
        self._chunks = response.iter_bytes()

    def __iter__(self) -> Iterator[ServerSentEvent[T]]:
        return self

    def __next__(self) -> ServerSentEvent[T]:
        while not self._done:
            while self._pending:
                event = self._typed_event(self._pending.pop(0))
                if event is not None:
                    return event
                self.close()  # [DONE]
            try:
                chunk = next(self._chunks)
            except StopIteration:
                self._sse.close()
                self.close()
            except BaseException:
                self.close()
                raise
            else:
                self._pending = self._sse.feed(chunk)
        raise StopIteration

    def close(self) -> None:
        """Close the connection (what is left of the stream is not read)."""
        self._done = True
        self._pending = []
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __del__(self) -> None:
        if not getattr(self, "_done", True):
            self.close()


class AsyncEventStream(_Events[T]):
    """The events of a ``text/event-stream`` answer (see ``EventStream``):
    ``async with await client.op(...) as events: async for event in events: ...``."""

    def __init__(self, response: httpx.Response, op: Operation) -> None:
        super().__init__(response, op)
        self._chunks = response.aiter_bytes()

    def __aiter__(self) -> AsyncIterator[ServerSentEvent[T]]:
        return self

    async def __anext__(self) -> ServerSentEvent[T]:
        while not self._done:
            while self._pending:
                event = self._typed_event(self._pending.pop(0))
                if event is not None:
                    return event
                await self.aclose()  # [DONE]
            try:
                chunk = await self._chunks.__anext__()
            except StopAsyncIteration:
                self._sse.close()
                await self.aclose()
            except BaseException:
                await self.aclose()
                raise
            else:
                self._pending = self._sse.feed(chunk)
        raise StopAsyncIteration

    async def aclose(self) -> None:
        """Close the connection (what is left of the stream is not read)."""
        self._done = True
        self._pending = []
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


# --------------------------------------------------------------------------- bytes


class ByteStream:
    """A binary answer read chunk by chunk, never whole: ``for chunk in stream``,
    ``stream.iter_bytes(size)``, ``stream.save(path)``; a context manager that closes the
    connection when left."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self._closed = False

    @property
    def headers(self) -> httpx.Headers:
        """The answer's headers (``Content-Length``, ``Content-Type`` ...)."""
        return self.response.headers

    def iter_bytes(self, chunk_size: int | None = CHUNK_SIZE) -> Iterator[bytes]:
        """The body's bytes in chunks of ``chunk_size`` (the last one shorter); the connection
        is closed after the last."""
        try:
            yield from self.response.iter_bytes(chunk_size)
        finally:
            self.close()

    def __iter__(self) -> Iterator[bytes]:
        return self.iter_bytes()

    def read(self) -> bytes:
        """The whole body (in memory: prefer ``iter_bytes`` or ``save`` for big answers)."""
        return b"".join(self.iter_bytes())

    def save(self, path: str | os.PathLike[str]) -> int:
        """Write the body to a file; the number of bytes written."""
        written = 0
        with Path(path).open("wb") as f:
            for chunk in self.iter_bytes():
                f.write(chunk)
                written += len(chunk)
        return written

    def close(self) -> None:
        """Close the connection."""
        self._closed = True
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __del__(self) -> None:
        if not getattr(self, "_closed", True):
            self.close()


class AsyncByteStream:
    """A binary answer read chunk by chunk (see ``ByteStream``): ``async for chunk in stream``,
    ``stream.aiter_bytes(size)``, ``await stream.save(path)``."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def headers(self) -> httpx.Headers:
        """The answer's headers (``Content-Length``, ``Content-Type`` ...)."""
        return self.response.headers

    async def aiter_bytes(self, chunk_size: int | None = CHUNK_SIZE) -> AsyncIterator[bytes]:
        """The body's bytes in chunks of ``chunk_size``; the connection is closed after the last."""
        try:
            async for chunk in self.response.aiter_bytes(chunk_size):
                yield chunk
        finally:
            await self.aclose()

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self.aiter_bytes()

    async def read(self) -> bytes:
        """The whole body (in memory: prefer ``aiter_bytes`` or ``save`` for big answers)."""
        return b"".join([chunk async for chunk in self.aiter_bytes()])

    async def save(self, path: str | os.PathLike[str]) -> int:
        """Write the body to a file; the number of bytes written."""
        written = 0
        with Path(path).open("wb") as f:
            async for chunk in self.aiter_bytes():
                f.write(chunk)
                written += len(chunk)
        return written

    async def aclose(self) -> None:
        """Close the connection."""
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
