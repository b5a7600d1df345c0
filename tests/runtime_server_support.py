"""Requests built from ASGI scopes for the server runtime's unit tests (no app, no socket)."""

from __future__ import annotations

from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

from fastapi import Request

from generator.runtime.server.state import Runtime


def runtime(operations: dict[str, Any] | None = None, defs: dict[str, Any] | None = None, **kw: Any) -> Runtime:
    """A runtime state over these schemas (``schemas.json``'s shape)."""
    return Runtime(schemas={"operations": operations or {}, "$defs": defs or {}}, **kw)


def request(state: Runtime | None = None, *, method: str = "GET", path: str = "/",
            path_params: dict[str, str] | None = None, query: str = "",
            headers: Iterable[tuple[str, str]] = (), body: bytes = b"", route: Any = None) -> Request:
    """A request as the app would hand it over (``query``: the raw query string, as sent)."""
    scope: dict[str, Any] = {
        "type": "http", "method": method, "path": path, "raw_path": quote(path).encode(),
        "root_path": "", "scheme": "http", "server": ("test", 80), "http_version": "1.1",
        "query_string": query.encode("latin-1"),
        "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers],
        "path_params": path_params or {},
        "app": SimpleNamespace(state=SimpleNamespace(oagen=state or runtime())),
    }
    if route is not None:
        scope["route"] = route
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(scope, receive)


def errors(exc: Any) -> list[tuple[tuple[Any, ...], str]]:
    """A RequestValidationError's (location, type) pairs."""
    return [(tuple(e["loc"]), e["type"]) for e in exc.errors()]
