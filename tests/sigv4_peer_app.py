"""An API that checks AWS Signature Version 4 the way AWS does, written independently of the
client runtime's signer (its own canonical request, from what arrived on the socket), for the
SigV4 wire tests. Run by uvicorn (``sigv4_peer_app:app``); a wrong signature is a 403 naming
the canonical request the server computed."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import re
from urllib.parse import parse_qsl, quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

SECRETS = {"AKIDEXAMPLE": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "ASIATEMP": "temp/secret+key"}
TOKENS = {"ASIATEMP": "FQoGZXIvYXdzEXAMPLE//token=="}
AUTH = re.compile(r"AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request, "
                  r"SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$")


def _enc(text: str) -> str:
    return quote(text, safe="~")  # quote keeps A-Za-z0-9_.- already


def expected_signature(request: Request, key_id: str, day: str, region: str, service: str,
                       signed: list[str], body: bytes) -> tuple[str, str]:
    """(signature, canonical request) of what arrived."""
    raw_path = request.scope.get("raw_path") or request.url.path.encode()
    segments = raw_path.decode("ascii").split("?")[0].split("/")
    path = "/".join(_enc(s) for s in segments)  # each segment encoded again (not S3)
    pairs = sorted((_enc(k), _enc(v)) for k, v in parse_qsl(request.scope["query_string"].decode(),
                                                            keep_blank_values=True))
    query = "&".join(f"{k}={v}" for k, v in pairs)
    lines = []
    for name in signed:
        values = [v for k, v in request.headers.items() if k == name]
        lines.append(name + ":" + ",".join(" ".join(v.split()) for v in values))
    canonical = "\n".join([request.method, path, query, "\n".join(lines) + "\n", ";".join(signed),
                           hashlib.sha256(body).hexdigest()])
    amz_date = request.headers["x-amz-date"]
    scope = f"{day}/{region}/{service}/aws4_request"
    to_sign = f"AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{hashlib.sha256(canonical.encode()).hexdigest()}"
    key = b"AWS4" + SECRETS[key_id].encode()
    for part in (day, region, service, "aws4_request"):
        key = hmac.digest(key, part.encode(), "sha256")
    return hmac.new(key, to_sign.encode(), "sha256").hexdigest(), canonical


def refuse(reason: str) -> Response:
    return JSONResponse({"message": reason}, status_code=403)


async def endpoint(request: Request) -> Response:
    body = await request.body()
    found = AUTH.match(request.headers.get("authorization", ""))
    if found is None:
        return refuse("no SigV4 Authorization header")
    key_id, day, region, service, signed_text, signature = found.groups()
    signed = signed_text.split(";")
    if key_id not in SECRETS or "host" not in signed or "x-amz-date" not in signed:
        return refuse("unknown key, or host / x-amz-date not signed")
    when = datetime.datetime.strptime(request.headers["x-amz-date"], "%Y%m%dT%H%M%SZ").replace(
        tzinfo=datetime.timezone.utc)
    if abs((datetime.datetime.now(datetime.timezone.utc) - when).total_seconds()) > 300 or day != when.strftime("%Y%m%d"):
        return refuse("the signature's date is not now")
    if key_id in TOKENS and (request.headers.get("x-amz-security-token") != TOKENS[key_id]
                             or "x-amz-security-token" not in signed):
        return refuse("temporary credentials without their signed session token")
    wanted, canonical = expected_signature(request, key_id, day, region, service, signed, body)
    if not hmac.compare_digest(wanted, signature):
        return refuse("signature mismatch; canonical request:\n" + canonical)
    answer = {"name": f"{region}/{service}/{key_id}", "path": request.url.path, "query": str(request.query_params),
              "signed": signed_text}
    if body:
        answer["count"] = len(body)
    return JSONResponse(answer)


async def ready(request: Request) -> Response:
    return JSONResponse({})


app = Starlette(routes=[Route("/__oagen_ready__", ready), Route("/{path:path}", endpoint, methods=["GET", "PUT", "POST"])])
