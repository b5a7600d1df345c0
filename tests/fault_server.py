"""A server that misbehaves on purpose (issue 18): plain asyncio sockets on 127.0.0.1, so that it
can break HTTP in ways a framework would not let it. Run as ``python tests/fault_server.py``; it
prints its port, then serves until killed.

The fault is chosen per request by the ``X-Fault`` header (``ok`` when none); ``GET /_stats``
answers the requests seen per fault and the idempotency keys they carried, ``POST /_reset``
forgets them. Each fault:

- ``ok``: 200 JSON: a list of things, or (``Accept`` naming ``star+json``) starred things, or one
  thing (``/things/ID``, ``POST /things``);
- ``truncated``: 200 JSON whose Content-Length promises more than is sent, then the close;
- ``badjson``: 200 ``application/json`` that is not JSON;
- ``notype`` / ``notype-json``: 200 without a Content-Type, text / valid JSON;
- ``wrongtype``: 200 ``text/html``, a login page;
- ``html502``: a gateway's 502 HTML page;
- ``loop``: 302 to the same URL, for ever;
- ``stall``: 200 headers and half a body, then nothing for 30 s;
- ``reset``: 200 headers and half a body, then a TCP reset;
- ``storm``: 503 with ``Retry-After: 0`` (``storm-long``: 429 with ``Retry-After: 3600``);
- ``bomb``: 200 JSON of 100 MB of spaces, gzip-encoded (about 100 KB on the wire).
"""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
import struct
import sys
from collections import Counter

STATS: Counter[str] = Counter()
KEYS: list[str] = []
BOMB = gzip.compress(b"[" + b" " * (100 << 20) + b"]", compresslevel=9)
THING = {"id": 1, "name": "one"}
HTML = (b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway"
        b"</h1><p>nginx</p></body></html>")


def head(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def answer(status: str, body: bytes, ctype: str | None = "application/json", **extra: str) -> bytes:
    headers = {"Content-Length": str(len(body)), "X-Request-Id": "req-42", **extra}
    if ctype:
        headers["Content-Type"] = ctype
    return head(status, headers) + body


def ok(method: str, path: str, accept: str) -> bytes:
    if method == "POST" or path.rstrip("/").split("/")[-1] != "things":
        return answer("201 Created" if method == "POST" else "200 OK", json.dumps(THING).encode())
    if "star+json" in accept:
        body = [{"starred_at": "2024-01-02T03:04:05Z", "thing": THING}]
        return answer("200 OK", json.dumps(body).encode(), "application/vnd.example.star+json; charset=utf-8")
    return answer("200 OK", json.dumps([THING]).encode())


async def read_request(reader: asyncio.StreamReader) -> tuple[str, str, dict[str, str]] | None:
    try:
        raw = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, ConnectionError):
        return None
    first, *lines = raw.decode("latin-1").split("\r\n")
    method, target, _ = first.split(" ", 2)
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines if line)}
    length = int(headers.get("content-length", "0"))
    if length:
        await reader.readexactly(length)
    return method, target, headers


async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while (request := await read_request(reader)) is not None:
            if not await respond(*request, writer):
                break
    finally:
        writer.close()


async def respond(method: str, target: str, headers: dict[str, str], writer: asyncio.StreamWriter) -> bool:
    """Answer one request; False when the connection is to be closed."""
    path = target.split("?")[0]
    if path == "/_stats":
        writer.write(answer("200 OK", json.dumps({"counts": STATS, "keys": KEYS}).encode()))
        return True
    if path == "/_reset":
        STATS.clear()
        KEYS.clear()
        writer.write(answer("200 OK", b"{}"))
        return True
    fault = headers.get("x-fault", "ok")
    STATS[fault] += 1
    if "idempotency-key" in headers:
        KEYS.append(headers["idempotency-key"])
    if fault == "ok":
        writer.write(ok(method, path, headers.get("accept", "")))
    elif fault == "truncated":
        writer.write(head("200 OK", {"Content-Type": "application/json", "Content-Length": "100"}) + b'{"id": 1,')
        await writer.drain()
        return False
    elif fault == "badjson":
        writer.write(answer("200 OK", b'{"id": 1,, "name": }'))
    elif fault == "notype":
        writer.write(answer("200 OK", b"id=1&name=one", None))
    elif fault == "notype-json":
        writer.write(answer("200 OK", json.dumps(THING).encode(), None))
    elif fault == "wrongtype":
        writer.write(answer("200 OK", b"<html><head><title>Sign in</title></head></html>", "text/html"))
    elif fault == "html502":
        writer.write(answer("502 Bad Gateway", HTML, "text/html"))
    elif fault == "loop":
        writer.write(answer("302 Found", b"", None, Location=target))
    elif fault in ("stall", "reset"):
        writer.write(head("200 OK", {"Content-Type": "application/json", "Content-Length": "100"}) + b'{"id": 1, ')
        await writer.drain()
        if fault == "stall":
            await asyncio.sleep(30)
        else:
            sock = writer.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return False
    elif fault == "storm":
        writer.write(answer("503 Service Unavailable", b'{"title": "busy"}', **{"Retry-After": "0"}))
    elif fault == "storm-long":
        writer.write(answer("429 Too Many Requests", b'{"title": "slow down"}', **{"Retry-After": "3600"}))
    elif fault == "bomb":
        writer.write(head("200 OK", {"Content-Type": "application/json", "Content-Encoding": "gzip",
                                     "Content-Length": str(len(BOMB))}) + BOMB)
    await writer.drain()
    return True


async def main() -> None:
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
