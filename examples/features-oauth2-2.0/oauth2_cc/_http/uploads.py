"""Binary request bodies read from a path or a file object while they are sent, never whole in
memory, and read again from their start when a request is retried."""

from __future__ import annotations

import io
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["AsyncUpload", "Upload", "upload"]

CHUNK_SIZE = 64 * 1024


class _Source:
    """A path or a file object, read from its start (a file object: from where it stood when
    the body was made) every time the body is sent."""

    def __init__(self, source: Path | IO[bytes]) -> None:
        self.source = source
        self.start: int | None = None
        self.length: int | None = None
        self.sent = False
        if isinstance(source, Path):
            self.length = source.stat().st_size
            return
        try:
            self.start = source.tell()
            end = source.seek(0, os.SEEK_END)
            source.seek(self.start)
        except (AttributeError, OSError, ValueError):
            self.start = None  # not seekable: it can be sent once
            return
        if not isinstance(source, io.TextIOBase):  # text: characters are not bytes
            self.length = end - self.start

    def open(self) -> IO[bytes]:
        if isinstance(self.source, Path):
            return self.source.open("rb")
        if self.start is not None:
            self.source.seek(self.start)
        elif self.sent:
            raise RuntimeError("a body read from an unseekable file cannot be sent again")
        self.sent = True
        return self.source

    def done(self, f: IO[bytes]) -> None:
        if f is not self.source:
            f.close()


class Upload(_Source):
    """A binary body read in chunks while it is sent (httpx's sync transports)."""

    def __iter__(self) -> Iterator[bytes]:
        f = self.open()
        try:
            while chunk := _chunk(f.read(CHUNK_SIZE)):
                yield chunk
        finally:
            self.done(f)


class AsyncUpload(_Source):
    """A binary body read in chunks while it is sent (httpx's async transports); each chunk
    is read in a worker thread, so the event loop never waits for the disk."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        import asyncio

        f = await asyncio.to_thread(self.open)
        try:
            while chunk := _chunk(await asyncio.to_thread(f.read, CHUNK_SIZE)):
                yield chunk
        finally:
            await asyncio.to_thread(self.done, f)


def _chunk(data: Any) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else bytes(data or b"")


def upload(value: Any, headers: dict[str, str], asynchronous: bool) -> Any:
    """httpx ``content`` for a binary body: bytes as they are, text as UTF-8, a path or a file
    object streamed (``Content-Length`` set when its size is known, else sent chunked)."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8")
    if not isinstance(value, Path) and not hasattr(value, "read"):
        return value  # an iterable of bytes: httpx sends it as it is
    body = AsyncUpload(value) if asynchronous else Upload(value)
    if body.length is not None:
        headers["Content-Length"] = str(body.length)
    return body
