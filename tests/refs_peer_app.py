"""The peer of the reference wire tests (tests/test_refs_wire.py), served by uvicorn as
``refs_peer_app:app``: several generated servers in one process, each under its own prefix.

``OAGEN_PEER_APPS`` (a JSON file) lists ``{"prefix", "out", "package", "canned"}``: the generated
package in folder ``out`` is mounted at ``/<prefix>``. Its handlers record what they receive
(``GET /<prefix>/__received__`` answers the last call: operation and arguments as JSON) and answer
the request body back as the server writes a model (by alias, unset fields left out); an operation
without a body answers its canned JSON exactly as written (a raw answer, like a real server's). A
canned ``{"by": ARG, "values": {...}}`` answers the value for that argument's value.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import sys
from pathlib import Path
from typing import Any

from echo_app import _jsonable
from starlette.applications import Starlette
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route



def _positional(method: Any) -> list[str]:
    """The parameters a method takes by position (an operation takes none but ``self``)."""
    return [p.name for p in inspect.signature(method).parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD]

def _handlers(base: type, canned: dict[str, Any], received: list[dict[str, Any]]) -> Any:
    def make(name: str) -> Any:
        async def handler(self: Any, **kwargs: Any) -> Any:
            received.append({"operation": name, "arguments": _jsonable(kwargs)})
            if "body" in kwargs:
                return kwargs["body"]
            answer = canned.get(name)
            if isinstance(answer, dict) and set(answer) == {"by", "values"}:
                answer = answer["values"][str(_jsonable(kwargs[answer["by"]]))]
            return Response(json.dumps(answer), media_type="application/json")

        handler.__name__ = name
        return handler

    # Not the security hooks (authenticate_<scheme>, which take the credential positionally).
    names = [n for n in dir(base) if not n.startswith("_") and callable(getattr(base, n))
             and "credential" not in _positional(getattr(base, n))]
    return type("PeerHandlers", (base,), {n: make(n) for n in names})()


def build(apps: list[dict[str, Any]]) -> Starlette:
    """One Starlette app mounting every generated server listed."""
    routes: list[Any] = []
    for entry in apps:
        sys.path.insert(0, entry["out"])
        package = entry["package"]
        base = importlib.import_module(f"{package}.server.base").BaseHandlers
        received: list[dict[str, Any]] = []
        app = importlib.import_module(f"{package}.server.app").create_app(_handlers(base, entry["canned"], received))

        async def last(request: Any, received: list[dict[str, Any]] = received) -> Response:
            return JSONResponse(received[-1] if received else None)

        routes.append(Route(f"/{entry['prefix']}/__received__", last))
        routes.append(Mount(f"/{entry['prefix']}", app=app))
    return Starlette(routes=routes)


_APPS = os.environ.get("OAGEN_PEER_APPS")
app = build(json.loads(Path(_APPS).read_text("utf-8"))) if _APPS else None
