"""Server-sent events read as the WHATWG HTML standard says ("Server-sent events", 9.2.6
"Interpreting an event stream"): UTF-8 with an optional leading BOM; lines end with CRLF, LF or
CR; ``:`` starts a comment; fields ``event``, ``data`` (several lines joined with LF), ``id`` and
``retry``; a blank line dispatches the event; an event left unfinished at the end is dropped.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

__all__ = ["SSEDecoder", "ServerSentEvent"]


@dataclass(frozen=True, slots=True)
class ServerSentEvent(Generic[T]):
    """One event: its type (``message`` unless the stream names one), its data (read into the
    declared type when the spec declares one, else the text), the last event id, and the
    reconnection time in milliseconds the event's block carried (``None`` when it set none)."""

    data: T
    event: str = "message"
    id: str = ""
    retry: int | None = None


class SSEDecoder:
    """Bytes in, events out, chunk by chunk (a chunk may end anywhere, even inside a character
    or between the CR and LF of one line end)."""

    def __init__(self) -> None:
        self._bytes = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._text = ""  # what is left of the last chunk: an unfinished line
        self._started = False  # the BOM is stripped once, from the start of the stream
        self._after_cr = False  # the last chunk ended with CR: a following LF is the same end
        self._data: list[str] = []
        self._event = ""
        self._retry: int | None = None
        self.last_id = ""
        self.retry: int | None = None  # the stream's reconnection time (ms), when it set one

    def feed(self, chunk: bytes) -> list[ServerSentEvent[str]]:
        """The events ``chunk`` completes."""
        return self._lines(self._bytes.decode(chunk))

    def close(self) -> list[ServerSentEvent[str]]:
        """The end of the stream: an unfinished event is dropped (nothing is dispatched)."""
        self._lines(self._bytes.decode(b"", final=True))
        return []

    def _lines(self, text: str) -> list[ServerSentEvent[str]]:
        if not self._started and text:
            self._started = True
            text = text.removeprefix("\ufeff")
        if self._after_cr and text.startswith("\n"):
            text = text[1:]
        if text:
            self._after_cr = text.endswith("\r")
        events: list[ServerSentEvent[str]] = []
        buffer = self._text + text
        start = 0
        size = len(buffer)
        while start < size:
            cr, lf = buffer.find("\r", start), buffer.find("\n", start)
            if cr < 0 and lf < 0:
                break
            end = lf if cr < 0 or (0 <= lf < cr) else cr
            line = buffer[start:end]
            start = end + 2 if buffer.startswith("\r\n", end) else end + 1
            event = self._line(line)
            if event is not None:
                events.append(event)
        self._text = buffer[start:]
        return events

    def _line(self, line: str) -> ServerSentEvent[str] | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None  # a comment (often a keep-alive)
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id":
            if "\0" not in value:
                self.last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self._retry = self.retry = int(value)
        # Any other field is ignored.
        return None

    def _dispatch(self) -> ServerSentEvent[str] | None:
        data, event, retry = self._data, self._event, self._retry
        self._data, self._event, self._retry = [], "", None
        if not data:
            return None  # no data: nothing to dispatch (the type buffer is reset all the same)
        return ServerSentEvent("\n".join(data), event or "message", self.last_id, retry)
