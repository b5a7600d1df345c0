"""The server runtime's streamed answers (generator/runtime/server/streaming.py), called directly
and through a small FastAPI app: events on the wire, errors before the first event, 501, binary
answers from a path or iterators, the disconnect that cancels a handler's stream, mock events."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import Response
from runtime_server_support import runtime
from starlette.exceptions import HTTPException

from generator.runtime.server.mock import mock_response
from generator.runtime.server.problems import install_error_handlers
from generator.runtime.server.streaming import (
    EventStreamResponse,
    ServerSentEvent,
    answer_bytes,
    answer_events,
    encode_event,
    not_implemented_events,
)


class Tick(pydantic.BaseModel):
    n: int
    note: str | None = None


def test_encode_event() -> None:
    assert encode_event(Tick(n=1)) == b'data: {"n":1}\n\n'
    assert encode_event({"a": [1, "é"]}) == 'data: {"a":[1,"é"]}\n\n'.encode()
    assert encode_event("two\nlines\r\nthree\rfour") == b"data: two\ndata: lines\ndata: three\ndata: four\n\n"
    assert encode_event(ServerSentEvent("x", event="e", id="7", retry=1000)) == \
        b"event: e\nid: 7\nretry: 1000\ndata: x\n\n"
    assert encode_event(ServerSentEvent(comment="ping")) == b": ping\n\n"
    assert encode_event("") == b"data: \n\n"
    with pytest.raises(ValueError, match="line break"):
        encode_event(ServerSentEvent("x", event="a\nb"))


def app_with(handler: Any, *, kind: str = "events", contents: list[dict[str, Any]] | None = None) -> FastAPI:
    app = FastAPI()
    app.state.oagen = runtime({"op": {"response": {"status": 200, "headers": [], "contents": contents or [
        {"media_type": "application/pdf", "kind": "binary", "schema": {}, "examples": []}]}}})
    install_error_handlers(app)
    run = answer_events if kind == "events" else answer_bytes

    async def endpoint(request: Request) -> Response:
        return await run(request, "op", 200, handler)

    app.add_api_route("/op", endpoint, methods=["GET"])
    return app


def get(app: FastAPI) -> httpx.Response:
    async def main() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            return await client.get("/op")

    return asyncio.run(main())


def test_events_are_sent_as_server_sent_events() -> None:
    async def ticks() -> AsyncIterator[Any]:
        yield Tick(n=1)
        yield ServerSentEvent(comment="keep-alive")
        yield ServerSentEvent(Tick(n=2, note="a\nb"), id="2")

    answer = get(app_with(ticks))
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/event-stream")
    assert answer.text == 'data: {"n":1}\n\n: keep-alive\n\nid: 2\ndata: {"n":2,"note":"a\\nb"}\n\n'


def test_errors_before_the_first_event_are_answered_as_usual() -> None:
    async def refused() -> AsyncIterator[Any]:
        raise HTTPException(403, "no")
        yield  # an async generator

    async def broken() -> AsyncIterator[Any]:
        raise RuntimeError("boom")
        yield

    assert get(app_with(refused)).status_code == 403
    failed = get(app_with(broken))
    assert failed.status_code == 500 and "boom" not in failed.text


def test_an_error_after_the_first_event_ends_the_stream() -> None:
    async def partial() -> AsyncIterator[Any]:
        yield "one"
        raise RuntimeError("boom")

    answer = get(app_with(partial))
    assert answer.status_code == 200 and answer.text == "data: one\n\n"


def test_not_implemented_empty_and_plain_answers() -> None:
    assert get(app_with(lambda: not_implemented_events("op"))).status_code == 501

    async def empty() -> AsyncIterator[Any]:
        return
        yield

    assert get(app_with(empty)).text == ""

    async def coroutine() -> Any:  # a handler that answers JSON after all
        return {"a": 1}

    assert get(app_with(coroutine)).json() == {"a": 1}


def test_binary_answers(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7 ...")

    async def from_path() -> Any:
        return path

    answer = get(app_with(from_path, kind="bytes"))
    assert answer.content == b"%PDF-1.7 ..." and answer.headers["content-type"] == "application/pdf"

    async def chunks() -> AsyncIterator[bytes]:
        yield b"ab"
        yield b"cd"

    async def async_iterator() -> Any:
        return chunks()

    async def sync_iterator() -> Any:
        return iter([b"x", b"y"])

    async def raw() -> Any:
        return b"raw"

    assert get(app_with(async_iterator, kind="bytes")).content == b"abcd"
    assert get(app_with(sync_iterator, kind="bytes")).content == b"xy"
    assert get(app_with(raw, kind="bytes")).content == b"raw"
    star = [{"media_type": "*/*", "kind": "binary", "schema": {}, "examples": []}]
    assert get(app_with(raw, kind="bytes", contents=star)).headers["content-type"] == "application/octet-stream"


def test_a_disconnect_cancels_the_stream_while_it_waits() -> None:
    closed: list[str] = []

    async def endless() -> AsyncIterator[bytes]:
        try:
            while True:
                yield b"data: x\n\n"
                await asyncio.sleep(3600)  # idle: only the disconnect can stop it
        finally:
            closed.append("closed")

    async def main() -> list[dict[str, Any]]:
        sent: list[dict[str, Any]] = []
        disconnected = asyncio.Event()

        async def receive() -> dict[str, Any]:
            await disconnected.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)
            if message.get("body"):
                disconnected.set()  # the client goes after the first event

        scope = {"type": "http", "asgi": {"spec_version": "2.4"}}
        await asyncio.wait_for(EventStreamResponse(endless())(scope, receive, send), 5)
        return sent

    sent = asyncio.run(main())
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    assert closed == ["closed"]


def test_mock_event_stream() -> None:
    state = runtime({"op": {"response": {"status": 200, "headers": [], "contents": [
        {"media_type": "text/event-stream", "kind": "text", "examples": [],
         "schema": {"type": "array", "items": {"type": "object", "required": ["n"],
                                               "properties": {"n": {"type": "integer"}}}}}]}}})
    answer = mock_response(state, "op")
    assert answer.media_type == "text/event-stream"
    blocks = bytes(answer.body).decode().split("\n\n")
    assert blocks[0] == ": mock event stream" and blocks[-1] == "" and len(blocks) == 5
    for index, block in enumerate(blocks[1:4], start=1):
        id_line, data_line = block.split("\n")
        assert id_line == f"id: {index}" and data_line.startswith('data: {"n":')

