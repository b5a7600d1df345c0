"""A token endpoint and an API on one app, for the OAuth2 client-credentials tests: it counts the
token requests, issues numbered tokens that expire as told, and can revoke every token it gave.

Run by uvicorn (``oauth2_peer_app:app``); ``/__control__`` sets the next tokens' ``expires_in``
and revokes, ``/__stats__`` tells what happened.
"""

from __future__ import annotations

import asyncio
import base64
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

CLIENT_ID, CLIENT_SECRET = "my client", "s3cr:t&"
STATE: dict[str, Any] = {"tokens": 0, "api": 0, "valid": set(), "expires_in": 3600, "forms": [],
                         "methods": []}


def _client(request: Request, form: dict[str, str]) -> tuple[str, str] | None:
    header = request.headers.get("authorization", "")
    if header.startswith("Basic "):
        user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        STATE["methods"].append("basic")
        # RFC 6749 §2.3.1: form-encoded before basic.
        return dict(parse_qsl(f"u={user}&p={password}"))["u"], dict(parse_qsl(f"u={user}&p={password}"))["p"]
    if "client_id" in form:
        STATE["methods"].append("post")
        return form["client_id"], form.get("client_secret", "")
    return None


async def token(request: Request) -> Response:
    form = dict(parse_qsl((await request.body()).decode()))
    STATE["forms"].append(form)
    await asyncio.sleep(0.05)  # a slow token endpoint: concurrent callers overlap
    if form.get("grant_type") != "client_credentials" or _client(request, form) != (CLIENT_ID, CLIENT_SECRET):
        return JSONResponse({"error": "invalid_client"}, status_code=401)
    STATE["tokens"] += 1
    value = f"tok-{STATE['tokens']}"
    STATE["valid"].add(value)
    return JSONResponse({"access_token": value, "token_type": "Bearer", "expires_in": STATE["expires_in"]},
                        headers={"Cache-Control": "no-store"})


async def things(request: Request) -> Response:
    STATE["api"] += 1
    header = request.headers.get("authorization", "")
    if not header.startswith("Bearer ") or header[7:] not in STATE["valid"]:
        return JSONResponse({"error": "invalid_token"}, status_code=401)
    if request.method == "POST":
        return JSONResponse({"id": 1, **(await request.json())}, status_code=201)
    return JSONResponse([{"id": 1, "name": header[7:]}])


async def control(request: Request) -> Response:
    data = await request.json()
    if "expires_in" in data:
        STATE["expires_in"] = data["expires_in"]
    if data.get("revoke"):
        STATE["valid"].clear()
    if data.get("reset"):
        STATE.update(tokens=0, api=0, forms=[], methods=[])
        STATE["valid"].clear()
    return JSONResponse({})


async def stats(request: Request) -> Response:
    return JSONResponse({k: v for k, v in STATE.items() if k != "valid"})


app = Starlette(routes=[
    Route("/api/oauth/token", token, methods=["POST"]),
    Route("/api/things", things, methods=["GET", "POST"]),
    Route("/__control__", control, methods=["POST"]),
    Route("/__stats__", stats),
    Route("/__oagen_ready__", stats),
])
