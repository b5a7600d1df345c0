"""Several generated servers with echo handlers behind one uvicorn (one socket, one process):
a request goes to the package its ``X-Oagen-Package`` header names.

Loaded by uvicorn as ``multi_echo_app:app`` with ``OAGEN_TEST_PACKAGES`` naming the generated
packages (comma-separated; their folder on ``--app-dir`` or ``PYTHONPATH``). Starting one server
per spec costs a second or two each; the server-URL tests need a dozen specs.
"""

from __future__ import annotations

import os
from typing import Any

from echo_app import build


class ByPackage:
    """ASGI app: the echo app of the package named by the request's ``X-Oagen-Package`` header."""

    def __init__(self, packages: list[str]) -> None:
        self.apps = {p: build(p) for p in packages}

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            message = await receive()
            await send({"type": f"{message['type']}.complete"})
            message = await receive()
            await send({"type": f"{message['type']}.complete"})
            return
        headers = dict(scope.get("headers", ()))
        name = headers.get(b"x-oagen-package", b"").decode("latin-1")
        app = self.apps.get(name)
        if app is None:
            await send({"type": "http.response.start", "status": 421, "headers": []})
            await send({"type": "http.response.body", "body": b"no such package: " + name.encode()})
            return
        await app(scope, receive, send)


app = ByPackage(os.environ["OAGEN_TEST_PACKAGES"].split(",")) if "OAGEN_TEST_PACKAGES" in os.environ else None
