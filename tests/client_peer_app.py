"""The peer of the client's live tests, served by uvicorn as ``client_peer_app:app``.

- ``/v1/...``: the generated server of specs/features/bodies-3.0.yaml (package named by
  ``OAGEN_TEST_PACKAGE``) with working handlers: an in-memory store of things, blobs and notes.
  A thing id ``flaky-<key>-<n>`` (a thing named ``Flaky-...``: once, on create) fails ``n`` times (503 with ``Retry-After: 1``, then 429 with a
  ``Retry-After`` date) before it answers; ``slow`` takes three seconds.
- ``/api/...``: echoes the credentials that arrived (for specs/features/security-3.0.yaml).
"""

from __future__ import annotations

import asyncio
import email.utils
import importlib
import json
import os
import time
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route

ATTEMPTS: dict[str, int] = {}


def bodies_handlers(package: str) -> Any:
    """Handlers for the bodies spec: a small in-memory service."""
    base = importlib.import_module(f"{package}.server.base").BaseHandlers
    models = importlib.import_module(f"{package}.models")

    class Handlers(base):  # type: ignore[misc, valid-type]
        def __init__(self) -> None:
            self.things: dict[str, Any] = {}
            self.blobs: dict[str, bytes] = {}

        async def list_things(self, kind: Any = None) -> Any:
            return [t for t in self.things.values() if kind is None or t.kind == kind]

        async def create_thing(self, body: Any) -> Any:
            if body.display_name.startswith("Flaky-"):
                key = body.display_name
                ATTEMPTS[key] = ATTEMPTS.get(key, 0) + 1
                if ATTEMPTS[key] == 1:
                    return Response(status_code=503, headers={"Retry-After": "1"})
            if body.display_name in {t.display_name for t in self.things.values()}:
                return JSONResponse({"title": "exists", "status": 409}, status_code=409,
                                    media_type="application/problem+json")
            thing = body.model_copy(update={"id_": len(self.things) + 1})
            self.things[str(thing.id_)] = thing
            return JSONResponse(thing.model_dump(mode="json", by_alias=True, exclude_none=True), status_code=201)

        async def get_thing(self, thing_id: str) -> Any:
            if thing_id == "slow":
                await asyncio.sleep(3)
            if thing_id.startswith("flaky-"):
                failures = int(thing_id.rsplit("-", 1)[1])
                ATTEMPTS[thing_id] = ATTEMPTS.get(thing_id, 0) + 1
                attempt = ATTEMPTS[thing_id]
                if attempt <= failures:
                    if attempt % 2:
                        return Response(status_code=503, headers={"Retry-After": "1"})
                    when = email.utils.formatdate(time.time() + 1, usegmt=True)
                    return Response(status_code=429, headers={"Retry-After": when})
                return models.Thing(id=attempt, display_name=thing_id, kind="gadget")
            if thing_id.startswith("patience-"):
                return Response(status_code=503, headers={"Retry-After": "60"})
            if thing_id not in self.things:
                return JSONResponse({"message": f"no thing {thing_id}", "id": thing_id}, status_code=404)
            return self.things[thing_id]

        async def delete_thing(self, thing_id: str) -> Any:
            if self.things.pop(thing_id, None) is None:
                return JSONResponse({"message": f"no thing {thing_id}"}, status_code=404)
            return Response(status_code=204)

        async def submit_form(self, body: Any) -> Any:
            return {"form": body.model_dump(mode="json", exclude_unset=True)}

        async def upload_files(self, body: Any) -> Any:
            files = [{"field": "file", "size": len(body.file)}]
            files += [{"field": "attachments", "size": len(a)} for a in body.attachments or []]
            return {"form": {"note": body.note}, "files": files}

        async def put_blob(self, name: str, body: bytes) -> Any:
            self.blobs[name] = body
            return Response(status_code=204)

        async def get_blob(self, name: str) -> Any:
            return Response(self.blobs.get(name, b""), media_type="application/octet-stream")

        async def add_note(self, body: str | None = None) -> Any:
            return Response((body or "").upper(), media_type="text/plain")

        async def get_report(self) -> Any:
            kinds: dict[str, int] = {}
            for t in self.things.values():
                kinds[str(t.kind.value)] = kinds.get(str(t.kind.value), 0) + 1
            return {"total": len(self.things), "kinds": kinds}

    return Handlers()


async def whoami(request: Request) -> Response:
    """Which credentials arrived, as a Whoami (401 with a Problem when none did)."""
    seen = {
        "authorization": request.headers.get("authorization"),
        "x-api-key": request.headers.get("x-api-key"),
        "api_key": request.query_params.get("api_key"),
        "session": request.cookies.get("session"),
    }
    seen = {k: v for k, v in seen.items() if v is not None}
    if not seen and request.url.path.rstrip("/").split("/")[-1] not in ("public", "optional"):
        return JSONResponse({"title": "Unauthorized", "status": 401}, status_code=401)
    return JSONResponse({"scheme": request.url.path.split("/")[-1], "user": json.dumps(seen, sort_keys=True)})


def build(package: str) -> Starlette:
    """The whole peer."""
    server = importlib.import_module(f"{package}.server.app")
    return Starlette(routes=[
        Mount("/api", routes=[Route("/{name}", whoami)]),
        Mount("/", app=server.create_app(bodies_handlers(package))),
    ])


app = build(os.environ["OAGEN_TEST_PACKAGE"]) if "OAGEN_TEST_PACKAGE" in os.environ else None
