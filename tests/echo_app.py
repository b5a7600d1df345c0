"""An app for end-to-end tests: every handler answers with its operation, arguments and request line.

Loaded by uvicorn as ``echo_app:app`` with ``OAGEN_TEST_PACKAGE`` naming the generated package.
"""

from __future__ import annotations

import contextvars
import importlib
import inspect
import os
from typing import Any

request_line: contextvars.ContextVar[str] = contextvars.ContextVar("request_line", default="")



def _positional(method: Any) -> list[str]:
    """The parameters a method takes by position (an operation takes none but ``self``)."""
    return [p.name for p in inspect.signature(method).parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD]

def _jsonable(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return getattr(value, "value", value)


def echo_handlers(base: type) -> Any:
    """An instance of a BaseHandlers subclass whose every operation echoes what it received."""

    def make(name: str) -> Any:
        async def handler(self: Any, **kwargs: Any) -> Any:
            return {"operation": name, "arguments": _jsonable(kwargs), "request_line": request_line.get()}

        handler.__name__ = name
        return handler

    # dir(), not vars(): in the split layout the operations are inherited from group mixins.
    # Not the security hooks (authenticate_<scheme>, which take the credential positionally).
    names = [n for n in dir(base) if not n.startswith("_") and callable(getattr(base, n))
             and "credential" not in _positional(getattr(base, n))]
    return type("EchoHandlers", (base,), {n: make(n) for n in names})()


class RecordRequestLine:
    """ASGI middleware keeping the raw request line for the handler to echo."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            query = scope.get("query_string", b"").decode("latin-1")
            path = scope.get("raw_path", scope["path"].encode()).decode("latin-1")
            request_line.set(f"{scope['method']} {path}" + (f"?{query}" if query else ""))
        await self.app(scope, receive, send)


def build(package: str) -> Any:
    """The generated app with echo handlers, recording request lines."""
    app_module = importlib.import_module(f"{package}.server.app")
    base = importlib.import_module(f"{package}.server.base").BaseHandlers
    app = app_module.create_app(echo_handlers(base))
    app.add_middleware(RecordRequestLine)
    return app


app = build(os.environ["OAGEN_TEST_PACKAGE"]) if "OAGEN_TEST_PACKAGE" in os.environ else None
