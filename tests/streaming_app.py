"""The generated server of specs/features/streaming-*.yaml with working handlers, for the
streaming tests and ``benchmarks/bench_streaming.py`` (served by uvicorn as
``streaming_app:app``; ``OAGEN_TEST_PACKAGE`` names the generated package).

- ``stream_ticks(count)``: ``count`` ticks (ids from 1, a comment after the first; over 1000:
  a 404 before any event), or with ``count=0``
  a tick every 20 ms until the client goes; ``/__stream_state`` tells how many tick streams began
  and how many ended because the client went (their iterator was cancelled or closed);
- ``chat``: one chunk per word of the prompt, the last one ``done``;
- ``tail_logs``: records of several lines, a named event with id and retry, comments;
- ``download_file(name)``: ``zeros-<n>``: n zero bytes in 1 MiB chunks (an async iterator);
  ``file``: a file on disk (a ``Path``); anything else: 404;
- ``upload_file``: the size it received (the body is read whole: the server's limit is lifted).
"""

from __future__ import annotations

import asyncio
import importlib
import os
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi.responses import JSONResponse

STATE = {"started": 0, "disconnected": 0, "finished": 0}
FILE = Path(tempfile.gettempdir()) / f"oagen-streaming-{os.getpid()}.bin"


def handlers(package: str) -> Any:
    base = importlib.import_module(f"{package}.server.base").BaseHandlers
    m = importlib.import_module(f"{package}.models")
    rt = importlib.import_module(f"{package}.server._runtime")

    class Handlers(base):  # type: ignore[misc, valid-type]
        async def stream_ticks(self, *, count: int | None = 3) -> AsyncIterator[Any]:
            if count is not None and count > 1000:
                raise rt.ProblemError(404, "Not Found", detail="no such clock")
            STATE["started"] += 1
            try:
                n = 0
                while count == 0 or n < (count or 0):
                    n += 1
                    yield rt.ServerSentEvent(m.Tick(n=n, note=f"tick {n}"), id=str(n))
                    if n == 1:
                        yield rt.ServerSentEvent(comment="keep-alive")
                    if count == 0:
                        await asyncio.sleep(0.02)
                STATE["finished"] += 1
            except (asyncio.CancelledError, GeneratorExit):
                STATE["disconnected"] += 1
                raise

        async def chat(self, *, body: Any) -> AsyncIterator[Any]:
            words = body.text.split()
            for i, word in enumerate(words):
                yield m.Chunk(index=i, text=word, done=i == len(words) - 1)

        async def tail_logs(self) -> AsyncIterator[Any]:
            yield "first record\nsecond line\n\nafter a blank line"
            yield rt.ServerSentEvent(comment="a comment\non two lines")
            yield rt.ServerSentEvent("warn\r\nline", event="warning", id="w-1", retry=2500)
            yield "last"

        async def download_file(self, *, name: str) -> Any:
            if name.startswith("zeros-"):
                return _zeros(int(name.removeprefix("zeros-")))
            if name == "file":
                FILE.write_bytes(bytes(range(256)) * 4096)
                return FILE
            return JSONResponse({"title": "Not Found", "status": 404}, status_code=404)

        async def upload_file(self, *, name: str, body: bytes) -> Any:
            return m.FileInfo(name=name, size=len(body))

    return Handlers()


async def _zeros(size: int) -> AsyncIterator[bytes]:
    chunk = bytes(1 << 20)
    while size > 0:
        yield chunk[: min(size, len(chunk))]
        size -= len(chunk)


def build(package: str) -> Any:
    app = importlib.import_module(f"{package}.server.app").create_app(handlers(package), max_body_bytes=None)

    async def state() -> dict[str, int]:
        return STATE

    app.add_api_route("/__stream_state", state, methods=["GET"])
    return app


app = build(os.environ["OAGEN_TEST_PACKAGE"]) if "OAGEN_TEST_PACKAGE" in os.environ else None
