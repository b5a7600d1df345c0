"""Streamed answers: a ``text/event-stream`` operation's handler yields its events (sent as
server-sent events as they come), and a binary answer may be a file path or an iterator of bytes
(sent in chunks, never whole in memory).

A handler's stream is started before the answer is: what it raises before its first event is
answered like any handler failure (a problem, a 500), and after that the stream just ends. When
the client goes away the handler's iterator is cancelled and closed (its ``finally`` runs).
"""

from __future__ import annotations

import inspect
import json
import logging
import mimetypes
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import FileResponse, Response, StreamingResponse
from pydantic import BaseModel
from starlette.types import Receive, Scope, Send

from .answers import answer, not_implemented
from .state import runtime

T = TypeVar("T")
_log = logging.getLogger(__name__)

__all__ = [
    "EventStreamResponse",
    "ServerSentEvent",
    "answer_bytes",
    "answer_events",
    "encode_event",
    "not_implemented_events",
]


@dataclass(frozen=True, slots=True)
class ServerSentEvent(Generic[T]):
    """One event with its fields: yield it instead of the bare data to name the event, give it
    an id (clients resume with ``Last-Event-ID``), ask for a reconnection time (ms), or send a
    comment (``data=None`` and a ``comment``: a keep-alive)."""

    data: T | None = None
    event: str | None = None
    id: str | None = None
    retry: int | None = None
    comment: str | None = None


def _lines(field: str, text: str) -> str:
    # CR, LF and CRLF all end a line in an event stream: each line of the text is a field line.
    return "".join(
        f"{field}: {line}\n" for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    )


def _single(name: str, value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError(f"an event's {name} cannot hold a line break: {value!r}")
    return f"{name}: {value}\n"


def encode_event(item: Any) -> bytes:
    """One event on the wire: text as it is, anything else (a model, data) as JSON; a
    ``ServerSentEvent`` with its fields; multi-line data as several ``data`` lines."""
    sse = item if isinstance(item, ServerSentEvent) else ServerSentEvent(item)
    out = ""
    if sse.comment is not None:
        out += _lines("", sse.comment)  # ": text": a comment line
    if sse.event is not None:
        out += _single("event", sse.event)
    if sse.id is not None:
        if "\0" in sse.id:
            raise ValueError("an event id cannot hold NUL")
        out += _single("id", sse.id)
    if sse.retry is not None:
        out += f"retry: {int(sse.retry)}\n"
    if sse.data is not None:
        out += _lines("data", _text(sse.data))
    return (out + "\n").encode("utf-8")


def _text(data: Any) -> str:
    if isinstance(data, str):
        return data
    if isinstance(data, BaseModel):
        return data.model_dump_json(by_alias=True, exclude_unset=True)
    return json.dumps(
        jsonable_encoder(data, by_alias=True), ensure_ascii=False, separators=(",", ":")
    )


class _NotImplemented(AsyncIterator[Any]):
    """The events of an operation nobody implemented: its answer is 501."""

    def __init__(self, operation: str) -> None:
        self.operation = operation

    def __aiter__(self) -> AsyncIterator[Any]:
        return self

    async def __anext__(self) -> Any:
        raise StopAsyncIteration


def not_implemented_events(operation: str) -> AsyncIterator[Any]:
    """What ``BaseHandlers`` returns for an event stream nobody implemented (answered 501)."""
    return _NotImplemented(operation)


class EventStreamResponse(StreamingResponse):
    """A streamed answer that stops (cancelling its iterator) as soon as the client disconnects,
    even while the iterator waits for its next item."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Starlette listens for the disconnect beside the stream for ASGI servers before 2.4;
        # from 2.4 it waits for a write to fail, which an idle stream never attempts.
        scope = {**scope, "asgi": {**scope.get("asgi", {}), "spec_version": "2.3"}}
        try:
            await super().__call__(scope, receive, send)
        except OSError:
            pass  # the client went away while we wrote


async def _result(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


async def _aclose(iterator: Any) -> None:
    close = getattr(iterator, "aclose", None)
    if close is not None:
        await close()


async def _started(items: AsyncIterator[Any]) -> tuple[Any, bool]:
    """The first item (raising what the handler raises before it), and whether there is one."""
    try:
        return await items.__anext__(), True
    except StopAsyncIteration:
        return None, False
    except BaseException:
        await _aclose(items)
        raise


async def _chunks(
    items: AsyncIterator[Any], first: Any, encode: Callable[[Any], bytes]
) -> AsyncIterator[bytes]:
    try:
        yield encode(first)
        async for item in items:
            yield encode(item)
    except Exception:  # noqa: BLE001 - the answer has begun: log, end the stream
        _log.exception("a streamed answer failed after it began")
    finally:
        await _aclose(items)


async def answer_events(
    request: Request, operation: str, status_code: int, call: Callable[[], Any]
) -> Response:
    """Run an event stream handler: its events as ``text/event-stream`` (see ``answer``)."""

    async def events() -> Any:
        result = await _result(call())
        if isinstance(result, _NotImplemented):
            return not_implemented(operation)
        if not isinstance(result, AsyncIterable):
            return result  # a Response (or data) as any handler's
        items = aiter(result)
        first, found = await _started(items)
        body = _chunks(items, first, encode_event) if found else _empty()
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return EventStreamResponse(body, status_code, headers, media_type="text/event-stream")

    return await answer(request, operation, status_code, events)


async def _empty() -> AsyncIterator[bytes]:
    return
    yield b""  # an async generator


def _media_type(request: Request, operation: str) -> str:
    spec = runtime(request).operation(operation).get("response") or {}
    contents = spec.get("contents") or [{}]
    media: str = next((c for c in contents if c.get("kind") == "binary"), contents[0]).get(
        "media_type", ""
    )
    return media if media and "*" not in media else "application/octet-stream"


async def answer_bytes(
    request: Request, operation: str, status_code: int, call: Callable[[], Awaitable[Any]]
) -> Response:
    """Run a binary answer's handler: bytes as they are, a ``Path`` as a file, an (async)
    iterator of bytes in chunks as it yields them (see ``answer``)."""

    async def streamed() -> Any:
        result = await call()
        media_type = _media_type(request, operation)
        if isinstance(result, Path):
            guessed = mimetypes.guess_type(result.name)[0]
            return FileResponse(
                result,
                status_code,
                media_type=(
                    guessed if media_type.endswith("octet-stream") and guessed else media_type
                ),
            )
        if isinstance(result, AsyncIterable):
            items = aiter(result)
            first, found = await _started(items)
            body = _chunks(items, first, bytes) if found else _empty()
            return EventStreamResponse(body, status_code, media_type=media_type)
        if isinstance(result, Iterable) and not isinstance(
            result, bytes | bytearray | str | dict | list
        ):
            return StreamingResponse(result, status_code, media_type=media_type)
        if isinstance(result, bytes | bytearray):
            return Response(bytes(result), status_code, media_type=media_type)
        return result

    return await answer(request, operation, status_code, streamed)


def mock_events(mocker: Any, schema: Any, status_code: int, headers: dict[str, str]) -> Response:
    """A mock event stream: three events whose data fit the schema of the stream (or of its
    items, when the schema is an array), with ids, and a comment first."""
    schema = schema if isinstance(schema, dict) else {}
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        schema = schema["items"]
    body = encode_event(ServerSentEvent(comment="mock event stream"))
    for index in range(3):
        data = mocker.value(schema, index=index)
        body += encode_event(ServerSentEvent("" if data is None else data, id=str(index + 1)))
    headers = {**headers, "Cache-Control": "no-cache"}
    return Response(body, status_code, headers, media_type="text/event-stream")
