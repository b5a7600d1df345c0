"""An app for wire tests: every handler answers with its operation, its arguments, the raw request
line and every request header as received (duplicates kept, in order).

Loaded by uvicorn as ``wire_app:app`` with ``OAGEN_TEST_PACKAGE`` naming the generated package.
"""

from __future__ import annotations

import contextvars
import enum
import importlib
import inspect
import os
from typing import Any

_seen: contextvars.ContextVar[dict[str, Any]] = contextvars.ContextVar("seen", default={})



def _positional(method: Any) -> list[str]:
    """The parameters a method takes by position (an operation takes none but ``self``)."""
    return [p.name for p in inspect.signature(method).parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD]

def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return {"bytes": value.decode("latin-1")}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def handlers(base: type) -> Any:
    """A BaseHandlers subclass whose every operation answers what it received."""

    def make(name: str) -> Any:
        async def handler(self: Any, **kwargs: Any) -> Any:
            kwargs.pop("credentials", None)
            return {"operation": name, "arguments": _plain(kwargs), **_seen.get()}

        handler.__name__ = name
        return handler

    # Not the security hooks (authenticate_<scheme>, which take the credential positionally).
    names = [n for n in dir(base) if not n.startswith("_") and callable(getattr(base, n))
             and "credential" not in _positional(getattr(base, n))]
    return type("WireHandlers", (base,), {n: make(n) for n in names})()


class Record:
    """ASGI middleware keeping the raw request line and headers for the handler to answer."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            query = scope.get("query_string", b"").decode("latin-1")
            path = scope.get("raw_path", scope["path"].encode()).decode("latin-1")
            _seen.set({
                "request_line": f"{scope['method']} {path}" + (f"?{query}" if query else ""),
                "headers": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in scope["headers"]],
            })
        await self.app(scope, receive, send)


def build(package: str) -> Any:
    """The generated app with the answering handlers."""
    app_module = importlib.import_module(f"{package}.server.app")
    base = importlib.import_module(f"{package}.server.base").BaseHandlers
    app = app_module.create_app(handlers(base))
    app.add_middleware(Record)
    return app


app = build(os.environ["OAGEN_TEST_PACKAGE"]) if "OAGEN_TEST_PACKAGE" in os.environ else None
