"""Streaming operations as the Python targets see them (view models only, no templates here).

- An **event stream** operation: a success answer declares ``text/event-stream`` and no JSON.
  Its client method returns ``EventStream[T]`` (``AsyncEventStream[T]``), its handler an async
  iterator of ``T``; ``T`` is the declared schema of the media type, or its ``items`` when the
  schema is an array (the stream is a sequence of them), ``str`` when it declares no structure.
- An answer that may be JSON **or** an event stream (the ``Accept`` header chooses): the method
  reads the JSON; a variant ``<name>_stream`` asks for the events.
- A **binary download**: a success answer is read as bytes. The method stays (bytes in memory)
  and a variant ``<name>_stream`` returns a ``ByteStream`` (``AsyncByteStream``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir
from ..naming import CLIENT_RESERVED, Namespace
from .pyview import TypeNamer

EVENT_STREAM = "text/event-stream"


@dataclass(frozen=True, slots=True, kw_only=True)
class StreamView:
    """How an operation (or its variant) streams its answer in the client."""

    kind: str  # "events" or "bytes"
    runtime: str  # the runtime class, sync side: EventStream or ByteStream
    sync_returns: str
    async_returns: str
    data: str  # events: the data's type hint ("str" when untyped); bytes: "bytes"
    typed: bool  # events: the data is JSON read into ``data``


def media_base(media_type: str) -> str:
    """``text/event-stream; charset=utf-8`` → ``text/event-stream``."""
    return media_type.split(";", 1)[0].strip().lower()


def _successes(op: ir.Operation) -> list[ir.Response]:
    return [r for r in op.responses if r.status.startswith("2") and r.contents]


def event_content(op: ir.Operation, *, beside_json: bool = False) -> ir.Content | None:
    """The ``text/event-stream`` content of an event stream operation (None for any other); with
    ``beside_json`` also of one whose answer may be JSON instead (the method reads that JSON)."""
    found = None
    for r in _successes(op):
        if any(c.kind == "json" for c in r.contents) and not beside_json:
            return None  # the answer can be JSON: the method reads it as such
        found = found or next((c for c in r.contents if media_base(c.media_type) == EVENT_STREAM), None)
    return found


def events_beside_json(op: ir.Operation) -> bool:
    """True when an answer may be JSON or an event stream (``Accept`` chooses): the method reads
    the JSON and the variant ``<name>_stream`` asks for the events."""
    return event_content(op) is None and event_content(op, beside_json=True) is not None


def event_type(content: ir.Content) -> ir.Type | None:
    """The type of one event's data: the schema, or its items for an array; None for text."""
    t = content.type
    if isinstance(t, ir.Array):
        t = t.items
    if (isinstance(t, ir.Primitive) and t.kind == "string") or isinstance(t, ir.Any_):
        return None
    return t


def is_download(op: ir.Operation) -> bool:
    """True when every success answer with a body is read as bytes (a file)."""
    successes = _successes(op)
    return bool(successes) and all(
        next((c for c in r.contents if c.kind == "json"), r.contents[0]).kind == "binary" for r in successes
    )


def event_view(op: ir.Operation, namer: TypeNamer, *, beside_json: bool = False) -> StreamView | None:
    """The client view of an event stream operation's answer (``beside_json``: see
    ``event_content``)."""
    content = event_content(op, beside_json=beside_json)
    if content is None:
        return None
    t = event_type(content)
    data = "str" if t is None else namer.hint(t)
    return StreamView(kind="events", runtime="EventStream", sync_returns=f"EventStream[{data}]",
                      async_returns=f"AsyncEventStream[{data}]", data=data, typed=t is not None and data != "Any")


BYTES = StreamView(kind="bytes", runtime="ByteStream", sync_returns="ByteStream",
                   async_returns="AsyncByteStream", data="bytes", typed=False)


def variant_names(api: ir.Api) -> dict[str, str]:
    """``<name>_stream`` for each binary download and each operation whose events come beside
    JSON, settled against every operation's name and the client's own (in spec order: a clash
    gets a numbered suffix)."""
    ns = Namespace(CLIENT_RESERVED | {op.name for op in api.operations})
    return {op.name: ns.take(f"{op.name}_stream", "stream", "op_") for op in api.operations
            if is_download(op) or events_beside_json(op)}


def has_streams(api: ir.Api) -> bool:
    """True when some operation streams (an event stream, a download or an upload)."""
    return any(event_content(op) is not None or is_download(op) or is_upload(op) for op in api.operations)


def is_upload(op: ir.Operation) -> bool:
    """True when the request body can be binary (a path or a file object, streamed)."""
    return op.body is not None and any(c.kind == "binary" for c in op.body.contents)
