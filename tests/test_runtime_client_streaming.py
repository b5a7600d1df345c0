"""The client runtime's streaming (generator/runtime/client/sse.py, streaming.py), imported
directly: the SSE parser against the WHATWG rules, event and byte streams over
httpx.MockTransport, streamed uploads."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest

from generator.runtime.client import core
from generator.runtime.client.errors import ApiError, ResponseValidationError
from generator.runtime.client.retries import RetryPolicy
from generator.runtime.client.spec import Body, Operation, Result
from generator.runtime.client.sse import SSEDecoder, ServerSentEvent
from generator.runtime.client.streaming import (
    AsyncByteStream,
    AsyncEventStream,
    ByteStream,
    EventStream,
)
from generator.runtime.client.uploads import AsyncUpload, Upload, upload


class Tick(pydantic.BaseModel):
    n: int
    note: str = ""


TICKS = Operation("ticks", "GET", "/ticks", responses={"200": Result("events", lambda: Tick),
                                                        "404": Result("json")},
                  accept="text/event-stream")
LINES = Operation("lines", "GET", "/lines", responses={"200": Result("events")}, accept="text/event-stream")
DOWNLOAD = Operation("download", "GET", "/file", responses={"200": Result("binary")})
PUT_FILE = Operation("put_file", "PUT", "/file", bodies=(Body("application/octet-stream", "binary"),),
                     responses={"204": Result(None)})


def parse(*chunks: bytes) -> list[ServerSentEvent[str]]:
    decoder = SSEDecoder()
    events = [e for c in chunks for e in decoder.feed(c)]
    return events + decoder.close()


# --------------------------------------------------------------------------- the parser


def test_fields_multiline_data_comments_and_ids() -> None:
    stream = (b": a comment\n"
              b"event: tick\nid: 7\ndata: first line\ndata:second line\ndata\n\n"
              b"data: {\"n\": 1}\n\n"
              b"retry: 1500\ndata: x\n\n")
    events = parse(stream)
    assert events == [
        ServerSentEvent("first line\nsecond line\n", "tick", "7", None),
        ServerSentEvent('{"n": 1}', "message", "7", None),  # the last id stays
        ServerSentEvent("x", "message", "7", 1500),
    ]


@pytest.mark.parametrize("end", [b"\n", b"\r\n", b"\r"])
def test_every_line_end_and_a_leading_bom(end: bytes) -> None:
    stream = b"\xef\xbb\xbf" + end.join([b"data: a", b"data: b", b"", b"event: e", b"data: c", b"", b""])
    assert parse(stream) == [ServerSentEvent("a\nb"), ServerSentEvent("c", "e")]


def test_chunks_split_anywhere() -> None:
    stream = "data: héllo\r\ndata: wörld\r\nid: 1\r\n\r\ndata: 2\r\n\r\n".encode()
    whole = parse(stream)
    for size in (1, 2, 3, 5):
        assert parse(*[stream[i:i + size] for i in range(0, len(stream), size)]) == whole
    assert whole == [ServerSentEvent("héllo\nwörld", id="1"), ServerSentEvent("2", id="1")]


def test_what_the_standard_ignores() -> None:
    # A block without data dispatches nothing (and resets the type); an unknown field, a retry
    # that is not digits and an id with NUL are ignored; the unfinished last event is dropped.
    stream = b"event: lost\n\nfoo: bar\nretry: 1x\nid: a\x00b\ndata\n\ndata: tail"
    assert parse(stream) == [ServerSentEvent("", "message", "", None)]
    assert parse(b"data:  two spaces\n\n") == [ServerSentEvent(" two spaces")]
    assert parse(b"id: 3\n\n")[0:] == [] and parse(b"") == []


# --------------------------------------------------------------------------- event streams


class Sync(core.SyncCore):
    pass


class Async(core.AsyncCore):
    pass


def sync_client(handler: Any) -> Sync:
    client = Sync("http://h", {}, RetryPolicy(backoff=0.0))
    client._http = httpx.Client(transport=httpx.MockTransport(handler))
    return client


def async_client(handler: Any) -> Async:
    client = Async("http://h", {}, RetryPolicy(backoff=0.0))
    client._http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return client


TICK_CHUNKS = [b'data: {"n": 1}\n\n', b'id: 2\ndata: {"n": 2,\ndata:  "note": "two"}\n\n',
               b": keep-alive\n\n", b'data: {"n": 3}\n\n', b"data: [DONE]\n\n", b'data: {"n": 9}\n\n']


def test_events_read_into_the_declared_type() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["accept"] == "text/event-stream"
        return httpx.Response(200, headers={"content-type": "text/event-stream"},
                              stream=httpx.ByteStream(b"".join(TICK_CHUNKS)))

    client = sync_client(handler)
    with EventStream[Tick](client._stream(TICKS, ()), TICKS) as events:
        got = list(events)
    assert [e.data for e in got] == [Tick(n=1), Tick(n=2, note="two"), Tick(n=3)]  # [DONE] ends it
    assert [e.id for e in got] == ["", "2", "2"] and events.last_event_id == "2"
    assert events.response.is_closed


def test_untyped_events_are_text_and_a_break_closes() -> None:
    class Body(httpx.SyncByteStream):
        closed = False

        def __iter__(self) -> Iterator[bytes]:
            yield b"data: a\n\n"
            yield b"data: b\n\n"
            raise AssertionError("read past the break")

        def close(self) -> None:
            Body.closed = True

    client = sync_client(lambda request: httpx.Response(200, stream=Body()))
    with EventStream[str](client._stream(LINES, ()), LINES) as events:
        for event in events:
            assert event.data == "a"
            break
    assert Body.closed


def test_an_error_answer_is_raised_before_any_event() -> None:
    client = sync_client(lambda request: httpx.Response(404, json={"detail": "no"}))
    with pytest.raises(ApiError, match="HTTP 404") as caught:
        client._stream(TICKS, ())
    assert caught.value.parsed == {"detail": "no"}


def test_an_event_that_does_not_fit_raises() -> None:
    client = sync_client(lambda request: httpx.Response(200, content=b'data: {"n": "x"}\n\ndata: nope\n\n'))
    events = EventStream[Tick](client._stream(TICKS, ()), TICKS)
    with pytest.raises(ResponseValidationError, match="event data n"):
        next(events)
    with pytest.raises(ResponseValidationError, match="not JSON"):
        next(events)


def test_async_events() -> None:
    async def main() -> list[Any]:
        class Body(httpx.AsyncByteStream):
            async def __aiter__(self) -> AsyncIterator[bytes]:
                for chunk in TICK_CHUNKS:
                    yield chunk

        client = async_client(lambda request: httpx.Response(200, stream=Body()))
        async with AsyncEventStream[Tick](await client._stream(TICKS, ()), TICKS) as events:
            got = [e.data async for e in events]
        assert events.response.is_closed
        return got

    assert asyncio.run(main()) == [Tick(n=1), Tick(n=2, note="two"), Tick(n=3)]


# --------------------------------------------------------------------------- bytes


def test_byte_streams(tmp_path: Path) -> None:
    data = bytes(range(256)) * 1000
    client = sync_client(lambda request: httpx.Response(200, content=data))
    with ByteStream(client._stream(DOWNLOAD, ())) as stream:
        chunks = list(stream.iter_bytes(10_000))
    assert b"".join(chunks) == data and max(map(len, chunks)) == 10_000
    assert ByteStream(client._stream(DOWNLOAD, ())).save(tmp_path / "f") == len(data)
    assert (tmp_path / "f").read_bytes() == data

    async def main() -> bytes:
        aclient = async_client(lambda request: httpx.Response(200, content=data))
        async with AsyncByteStream(await aclient._stream(DOWNLOAD, ())) as astream:
            return b"".join([c async for c in astream])

    assert asyncio.run(main()) == data


# --------------------------------------------------------------------------- uploads


def test_uploads_stream_and_are_sent_again_on_retry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(core.time, "sleep", lambda seconds: None)
    path = tmp_path / "big"
    path.write_bytes(b"x" * 200_000)
    seen: list[tuple[bytes, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.read(), request.headers.get("content-length")))
        return httpx.Response(503 if len(seen) % 2 else 204)

    client = sync_client(handler)
    client._call(PUT_FILE, (), path)
    assert seen == [(b"x" * 200_000, "200000")] * 2
    seen.clear()
    f = io.BytesIO(b"..abc")
    f.read(2)  # sent from where the file stands
    client._call(PUT_FILE, (), f)
    assert seen == [(b"abc", "3")] * 2

    async def main() -> None:
        seen.clear()
        aclient = async_client(handler)
        await aclient._call(PUT_FILE, (), path)
        await aclient._call(PUT_FILE, (), io.BytesIO(b"bytes"))

    asyncio.run(main())
    assert seen == [(b"x" * 200_000, "200000")] * 2 + [(b"bytes", "5")] * 2


def test_upload_values() -> None:
    headers: dict[str, str] = {}
    assert upload(b"a", headers, False) == b"a" and upload("é", headers, True) == "é".encode()
    assert headers == {}

    class Pipe(io.RawIOBase):  # readable, not seekable: sent once, chunked
        def __init__(self) -> None:
            self.left = [b"ab", b"c"]

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            return self.left.pop(0) if self.left else b""

    body = upload(Pipe(), headers, False)
    assert isinstance(body, Upload) and headers == {} and b"".join(body) == b"abc"
    with pytest.raises(RuntimeError, match="cannot be sent again"):
        list(body)
    assert isinstance(upload(io.BytesIO(b"x"), {}, True), AsyncUpload)


def test_with_response_of_a_stream() -> None:
    client = sync_client(lambda request: httpx.Response(200, headers={"x-id": "1"}, content=b"data: a\n\n"))

    def lines() -> EventStream[str]:
        return EventStream[str](client._stream(LINES, ()), LINES)

    answer = client.with_response(lines)()
    assert answer.status_code == 200 and answer.headers["x-id"] == "1"
    with answer.parsed as events:
        assert [e.data for e in events] == ["a"]
