"""Reading an answer's body off the wire, bounded: a compressed body may expand to at most
``max_expansion`` times the bytes that came over the wire (any body up to ``floor`` bytes is
fine), so that a zip bomb (a small gzip body of gigabytes of zeros) is refused after a bounded
amount of work and memory instead of filling it. gzip and deflate are inflated here in bounded
steps; other encodings (br, zstd when installed) go through httpx's decoders, checked chunk by
chunk."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import httpx

# One inflate step at most (bytes): the most reading can overshoot the limit by.
STEP = 1 << 16


class TooLarge(Exception):
    """The body expanded past the limit (``size``: decoded bytes when reading stopped)."""

    def __init__(self, size: int, wire: int) -> None:
        super().__init__(f"the body expands past {size} bytes from {wire} bytes on the wire")
        self.size = size
        self.wire = wire


class Inflater:
    """gzip or deflate, inflated in bounded steps (deflate: zlib-wrapped or raw, as httpx)."""

    def __init__(self, encoding: str) -> None:
        self.gzip = encoding in ("gzip", "x-gzip")
        self.raw_deflate = False
        self.zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if self.gzip else zlib.MAX_WBITS)
        self.started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded bytes of ``data``, in steps of at most ``STEP`` bytes (the caller stops
        whenever the total is too much: the rest of ``data`` is never inflated)."""
        while data:
            try:
                chunk = self.zlib.decompress(data, STEP)
            except zlib.error as exc:
                if self.gzip or self.started or self.raw_deflate:
                    raise httpx.DecodingError(str(exc)) from exc
                # Deflate sent without its zlib wrapper (as many servers do).
                self.raw_deflate = True
                self.zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self.started = True
            data = self.zlib.unconsumed_tail
            yield chunk

    def end(self) -> bytes:
        """What the inflater still holds once the input has ended (little: every step's input
        beyond its output waited in ``unconsumed_tail``)."""
        return self.zlib.flush()


def _encoding(response: httpx.Response) -> str:
    return str(response.headers.get("content-encoding", "")).strip().lower()


def _limit(response: httpx.Response, max_expansion: float, floor: int) -> int:
    return max(floor, int(max_expansion * response.num_bytes_downloaded))


def read(response: httpx.Response, max_expansion: float, floor: int) -> None:
    """Read a streamed response's body (``response.content`` afterwards), bounded; raises
    ``TooLarge`` past the limit (the caller closes the response)."""
    encoding = _encoding(response)
    parts: list[bytes] = []
    size = 0
    if encoding in ("gzip", "x-gzip", "deflate"):
        inflater = Inflater(encoding)
        for raw in response.iter_raw():
            limit = _limit(response, max_expansion, floor)
            for chunk in inflater.feed(raw):
                parts.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise TooLarge(size, response.num_bytes_downloaded)
        parts.append(inflater.end())
    else:
        for chunk in response.iter_bytes():
            parts.append(chunk)
            size += len(chunk)
            if size > _limit(response, max_expansion, floor):
                raise TooLarge(size, response.num_bytes_downloaded)
    # What httpx's own read() does; the decoded body is kept where ``content`` finds it.
    response._content = b"".join(parts)


async def aread(response: httpx.Response, max_expansion: float, floor: int) -> None:
    """``read`` for an async response."""
    encoding = _encoding(response)
    parts: list[bytes] = []
    size = 0
    if encoding in ("gzip", "x-gzip", "deflate"):
        inflater = Inflater(encoding)
        async for raw in response.aiter_raw():
            limit = _limit(response, max_expansion, floor)
            for chunk in inflater.feed(raw):
                parts.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise TooLarge(size, response.num_bytes_downloaded)
        parts.append(inflater.end())
    else:
        async for chunk in response.aiter_bytes():
            parts.append(chunk)
            size += len(chunk)
            if size > _limit(response, max_expansion, floor):
                raise TooLarge(size, response.num_bytes_downloaded)
    response._content = b"".join(parts)
