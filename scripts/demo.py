"""make demo: generate the seed spec's client and server, serve it with uvicorn, call it, stop it.

Shows the generation gap too: the demo writes its own ``handlers.py`` (the file oagen gives to
the user and never overwrites), then regenerates to show that it is kept.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "aws-cognito-openid-token.yaml"
OUT = ROOT / "build" / "demo"
PACKAGE = "cognito_demo"

HANDLERS = '''\
"""The demo's handlers: each answers with the operation and the arguments it received."""

from __future__ import annotations

from typing import Any

from .base import BaseHandlers


class Handlers(BaseHandlers):
    async def get_open_id_token(self, **kwargs: Any) -> Any:
        return {"operation": "GetOpenIdToken", "received": kwargs, "Token": "eyJraWQiOi...demo"}

    async def get_open_id_token_for_developer_identity(self, **kwargs: Any) -> Any:
        return {"operation": "GetOpenIdTokenForDeveloperIdentity", "received": kwargs,
                "IdentityId": kwargs["identity_id"], "Token": "eyJraWQiOi...demo"}
'''


def run(*args: str) -> None:
    print("$ " + " ".join(args), flush=True)
    subprocess.run(args, check=True, cwd=ROOT)


class PrintingTransport(httpx.HTTPTransport):
    """Shows each request line and answer as it crosses the wire."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        target = request.url.raw_path.decode()
        print(f"  --> {request.method} {target}")
        response = super().handle_request(request)
        response.read()
        print(f"  <-- {response.status_code} {response.text}")
        return response


def main() -> int:
    oagen = [sys.executable, "-m", "generator"]
    run(*oagen, "generate", str(SPEC.relative_to(ROOT)), "-o", str(OUT.relative_to(ROOT)), "--package", PACKAGE,
        "--force")
    handlers = OUT / PACKAGE / "server" / "handlers.py"
    handlers.write_text(HANDLERS)
    print(f"wrote {handlers.relative_to(ROOT)} (yours: oagen never overwrites it)")
    run(*oagen, "generate", str(SPEC.relative_to(ROOT)), "-o", str(OUT.relative_to(ROOT)), "--package", PACKAGE)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", f"{PACKAGE}.server.app:app", "--host", "127.0.0.1",
                               "--port", str(port), "--app-dir", str(OUT), "--log-level", "warning"])
    try:
        for _ in range(300):
            try:
                httpx.get(url + "/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        print(f"\nserver: uvicorn {PACKAGE}.server.app:app on {url}\n")
        sys.path.insert(0, str(OUT))
        from cognito_demo import ApiError, Client  # type: ignore[import-not-found]

        with Client(url, transport=PrintingTransport()) as client:
            print("client.get_open_id_token(identity_id='us-east-1:1234', logins='graph.facebook.com=tok')")
            answer = client.get_open_id_token(identity_id="us-east-1:1234", logins="graph.facebook.com=tok")
            print(f"  = {answer}\n")
            print("client.get_open_id_token_for_developer_identity(identity_pool_id='us-east-1:pool', "
                  "identity_id='us-east-1:1234', token_duration='900')")
            answer = client.get_open_id_token_for_developer_identity(
                identity_pool_id="us-east-1:pool", identity_id="us-east-1:1234", token_duration="900")
            print(f"  = {answer}\n")
        print("and a request no operation matches (the server names the valid Action values):")
        response = httpx.get(url + "/?Action=DeleteEverything")
        print(f"  GET /?Action=DeleteEverything --> {response.status_code} {response.text}")
        _ = ApiError
    finally:
        server.terminate()
        server.wait(timeout=10)
        print("\nserver stopped")
    print(textwrap.dedent(f"""
        The generated package is in {OUT.relative_to(ROOT)}/ (client: {PACKAGE}/client.py, server:
        {PACKAGE}/server/app.py). Run it yourself: .venv/bin/oagen serve {OUT.relative_to(ROOT)}
    """))
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    raise SystemExit(main())
