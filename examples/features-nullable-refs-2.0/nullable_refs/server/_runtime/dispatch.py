"""Which route takes a request: operations told apart by a constant (``?Action=X``, a header),
the 400 answer when no constant fits, and encoded delimiters that stay inside a path segment."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import parse_qsl, quote, unquote

from fastapi import Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from starlette.routing import Match
from starlette.types import Scope

from .fastroute import OperationRoute
from .problems import error_answer


def constant_of(scope: Scope, location: str, name: str) -> str | None:
    """The value the request carries for a constant (``query`` or ``header`` ``name``), or None."""
    if location == "query":
        query: bytes = scope.get("query_string", b"")
        for key, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
            if key == name:
                return str(value)
        return None
    wanted = name.lower().encode("latin-1")
    for key, value in scope.get("headers", ()):
        if key.lower() == wanted:
            return str(value.decode("latin-1"))
    return None


def constant_route(constants: Sequence[tuple[str, str, str]]) -> type[APIRoute]:
    """A route class that matches only when every constant (query or header) has its value."""

    class ConstantRoute(OperationRoute):
        def matches(self, scope: Scope) -> tuple[Match, Scope]:
            match, child = super().matches(scope)
            if match is Match.NONE:
                return match, child
            for location, name, value in constants:
                if constant_of(scope, location, name) != value:
                    return Match.NONE, {}
            return match, child

    return ConstantRoute


def dispatch_fallback(location: str, name: str, valid: Sequence[str]) -> Callable[..., Any]:
    """The endpoint for a missing or unknown constant: 400 naming the valid values."""

    async def fallback(request: Request) -> Response:
        got = constant_of(request.scope, location, name)
        what = "missing" if got is None else f"unknown value {got!r} for"
        return error_answer(
            request,
            400,
            "Bad Request",
            detail=f"{what} {location} parameter {name!r}",
            parameter=name,
            location=location,
            valid=list(valid),
        )

    return fallback


# Encoded delimiters inside a path parameter must not split it (nor the route): the path is
# matched with them kept as private-use characters, which are turned back before the value is
# checked. ':' too: '/v1/{name}:cancel' must not take a name that merely ends in ':cancel'.
_ENCODED = {
    "2f": "\ue000",
    "2c": "\ue001",
    "3b": "\ue002",
    "3d": "\ue003",
    "2e": "\ue004",
    "3a": "\ue005",
}
_KEPT = {v: chr(int(k, 16)) for k, v in _ENCODED.items()}
_ENCODED_RE = re.compile(r"%(2[cefCEF]|3[abdABD])")


class EncodedSlashes:
    """ASGI middleware: '%2F' (and '%2C', '%3B', '%3D', '%2E', '%3A') in the request path stay
    what they are, inside their path segment, instead of acting as delimiters."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        raw: bytes = scope.get("raw_path") or b""
        if scope["type"] == "http" and b"%" in raw:
            text = raw.decode("latin-1").split("?", 1)[0]
            if _ENCODED_RE.search(text):
                kept = _ENCODED_RE.sub(lambda m: quote(_ENCODED[m.group(1).lower()]), text)
                scope = {**scope, "path": unquote(kept)}
        await self.app(scope, receive, send)


def unslash(value: Any) -> Any:
    """A path value with its encoded delimiters restored."""
    if not isinstance(value, str):
        return value
    for kept, char in _KEPT.items():
        value = value.replace(kept, char)
    return value
