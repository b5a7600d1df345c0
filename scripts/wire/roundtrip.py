"""Round trip: the generated client calls the generated server over a socket, every operation.

The server runs with handlers that record what they receive and answer with an independent
instance of the operation's declared success response (from the spec's schema). For each
planned call (:mod:`wire.calls`): the handler of the operation's own name is the one that ran
(dispatch), it received exactly the values sent (compared as JSON data), and the client read
the answer into the declared type, whose dump fits the response schema.
"""

from __future__ import annotations

import importlib
import socket
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .calls import Call
from .instances import Target, first_error
from .package import Generated
from .spec import SpecSchemas


@dataclass
class CallResult:
    """The outcome of one call."""

    operation: str
    variant: str
    status: str  # "pass", "fail" or "excluded"
    reason: str = ""


def canon(value: Any) -> Any:
    """JSON data of a value as the wire carries it (models by alias, unset fields left out)."""
    import enum

    import pydantic
    import pydantic_core

    if isinstance(value, pydantic.BaseModel):
        return canon(value.model_dump(mode="json", by_alias=True, exclude_unset=True))
    if isinstance(value, dict):
        return {str(k): canon(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canon(v) for v in value]
    if isinstance(value, enum.Enum):
        return canon(value.value)
    if isinstance(value, bytes | bytearray):
        return bytes(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return pydantic_core.to_jsonable_python(value)


@dataclass
class Raw:
    """One request as it reached the server: method, path (percent-encoded as sent), query string
    and headers."""

    method: str
    path: str
    query: str
    headers: list[tuple[str, str]]


@dataclass
class Later:
    """An answer made when its request arrives, from the request as it arrived."""

    make: Callable[[Raw], Any]


class Recorder:
    """What the handlers received, and the answer each one gives: the next of ``queue`` (a
    response, or a :class:`Later`), else ``reply``."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.raw: list[Raw] = []
        self.reply: Any = None
        self.queue: list[Any] = []

    def clear(self) -> None:
        """Forget what was received (before a call)."""
        self.calls.clear()
        self.raw.clear()

    def answer(self) -> Any:
        """The answer to the request being handled."""
        reply = self.queue.pop(0) if self.queue else self.reply
        return reply.make(self.raw[-1]) if isinstance(reply, Later) else reply


class RawLog:
    """ASGI middleware: records each HTTP request as it arrived (before the app reads it)."""

    def __init__(self, app: Any, recorder: Recorder) -> None:
        self.app = app
        self.recorder = recorder

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope.get("type") == "http":
            raw_path = scope.get("raw_path") or scope.get("path", "").encode("utf-8")
            self.recorder.raw.append(Raw(
                scope.get("method", ""), raw_path.decode("latin-1"), scope.get("query_string", b"").decode("latin-1"),
                [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope.get("headers", [])]))
        await self.app(scope, receive, send)


def echo_handlers(gen: Generated, recorder: Recorder) -> Any:
    """A ``BaseHandlers`` subclass whose every operation records its arguments and replies."""
    base = gen.module("server.base").BaseHandlers

    def make(name: str) -> Any:
        async def handler(self: Any, **kwargs: Any) -> Any:
            recorder.calls.append((name, kwargs))
            return recorder.answer()

        handler.__name__ = name
        return handler

    names = [op.name for op in gen.api.operations]
    return type("WireHandlers", (base,), {n: make(n) for n in names})()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


URL_LIMIT = 1 << 20


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Run an ASGI app with uvicorn on 127.0.0.1 in a thread; yields its URL."""
    import uvicorn

    port = _free_port()
    # Requests of up to a megabyte before the body: the round trip checks what arrives, and specs
    # that put whole objects in the query (Kaltura) make URLs past the server's default limits.
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="off",
                            access_log=False, h11_max_incomplete_event_size=URL_LIMIT)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


Replies = dict[str, tuple[int, str, "Target | None"]]


def reply_targets(gen: Generated, ss: SpecSchemas) -> Replies:
    """Per operation: the success answer the handler gives (status, media type, its target)."""
    targets: list[Target] = []
    plan: dict[str, tuple[int, str, Target | None]] = {}
    for op in gen.api.operations:
        response = next((r for r in op.responses if r.status.startswith("2")), None)
        if response is None:
            response = next((r for r in op.responses if r.status == "default"), None)
        if response is None:
            continue
        status = int(response.status) if response.status.isdigit() else 200
        content = next((c for c in response.contents if c.kind == "json"), None)
        if content is None or status in (204, 205, 304):
            # (HTTP forbids a body in 204, 205 and 304 answers, whatever the spec declares for them:
            # RFC 9110 15.3.5, 15.3.6, 15.4.5.)
            plan[op.name] = (status, "", None)
            continue
        schema = ss.response(op, response.status, content.media_type)
        t = Target(f"reply:{op.name}", schema if schema is not None else {})
        targets.append(t)
        plan[op.name] = (status, content.media_type, t)
    return plan


@dataclass
class Session:
    """The generated server with echoing handlers, served, and a client of it."""

    client: Any
    recorder: Recorder
    origin: str  # scheme://host:port


@contextmanager
def session(gen: Generated) -> Iterator[Session]:
    """Serve the generated app with echoing handlers; yields a session with a client of it."""
    recorder = Recorder()
    app = gen.module("server.app").create_app(echo_handlers(gen, recorder), max_url_bytes=URL_LIMIT,
                                                  max_header_bytes=URL_LIMIT)
    credentials = _credentials(gen)
    with serve(RawLog(app, recorder)) as served:
        client_module = importlib.import_module(f"{gen.name}.client")
        with client_module.Client(served + gen.api.base_path, retries=0, timeout=30, **credentials) as client, \
                warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            yield Session(client, recorder, served)


def answer(status: int, media: str, target: Target | None, value: Any, headers: dict[str, str] | None = None) -> Any:
    """The response a handler gives: ``value`` as JSON (with ``target``), else an empty body."""
    from fastapi.responses import JSONResponse, Response

    if target is not None and value is not None:
        return JSONResponse(value, status_code=status, media_type=_json_media(media), headers=headers)
    return Response(status_code=status, headers=headers)


def run_calls(s: Session, calls: list[Call], replies: Replies) -> list[CallResult]:
    """Every planned call, client → generated server → client, in a session (``wire.walks``
    walks the pages of the paginated operations in the same one)."""
    results: list[CallResult] = []
    recorder = s.recorder
    for call in calls:
        name = call.op.name
        if call.excluded:
            results.append(CallResult(name, call.variant, "excluded", call.excluded))
            continue
        if call.problem:
            results.append(CallResult(name, call.variant, "fail", call.problem))
            continue
        status, media, target = replies.get(name, (200, "", None))
        reply_value = target.instances[0] if target is not None and target.instances else None
        recorder.reply = answer(status, media, target, reply_value)
        recorder.queue.clear()
        note = f" (no answer instance: {target.problem})" if target is not None and reply_value is None else ""
        recorder.clear()
        results.append(_check(s.client, call, recorder, target, reply_value, note))
    return results


def _json_media(media: str) -> str:
    return media if media and "*" not in media else "application/json"


def _credentials(gen: Generated) -> dict[str, Any]:
    values = {"basic": ("user", "password"), "bearer": "token"}
    return {s.name: values.get(s.kind, "key") for s in gen.api.security_schemes}


def _check(client: Any, call: Call, recorder: Recorder, target: Target | None, reply: Any, note: str) -> CallResult:
    name = call.op.name
    try:
        parsed = getattr(client, name)(**call.kwargs)
    except Exception as exc:  # noqa: BLE001 - every failure is a finding
        detail = getattr(exc, "text", "") or str(exc)
        return CallResult(name, call.variant, "fail", f"call failed: {type(exc).__name__}: {detail}"[:500])
    if not recorder.calls:
        return CallResult(name, call.variant, "fail", "no handler ran")
    ran, received = recorder.calls[-1]
    if ran != name:
        return CallResult(name, call.variant, "fail", f"dispatched to {ran!r}")
    received = {k: v for k, v in received.items() if k != "credentials"}
    sent = {k: canon(v) for k, v in call.kwargs.items()}
    got = {k: canon(v) for k, v in received.items() if k in sent}
    for key, value in sent.items():
        if key not in got:
            return CallResult(name, call.variant, "fail", f"handler did not receive {key!r} (sent {_short(value)})")
        if got[key] != value and not _same_text(call, key, got[key], value):
            return CallResult(name, call.variant, "fail",
                              f"handler received {key}={_short(got[key])}, sent {_short(value)}")
    if target is not None and reply is not None:
        error = first_error(target.schema, canon(parsed))
        if error:
            return CallResult(name, call.variant, "fail", f"answer read into a value that breaks its schema: {error}")
    return CallResult(name, call.variant, "pass", note)


def _same_text(call: Call, key: str, got: Any, sent: Any) -> bool:
    """A parameter whose schema admits both a number (or boolean) and text travels as text that
    cannot tell them apart (``5`` and ``"5"`` are ``5`` on the wire): equal when their text is."""
    param = next((p for p in call.op.parameters if p.name == key), None)
    if param is None or not _admits_text_and_scalar(param.type):
        return False
    return _text(got) == _text(sent)


def _admits_text_and_scalar(t: Any) -> bool:
    from generator import ir

    if isinstance(t, ir.Union_):
        kinds = {v.kind for v in t.variants if isinstance(v, ir.Primitive)}
        return "string" in kinds and bool(kinds & {"integer", "number", "boolean"})
    return False


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 160 else text[:157] + "..."
