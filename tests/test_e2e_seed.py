"""The seed spec end to end: generate → import → serve (uvicorn on 127.0.0.1 and in process) → call."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest

from helpers import ROOT, generate_package, import_fresh, uvicorn_server

PACKAGE = "seed_e2e"
CALLS: list[tuple[str, dict[str, str], str]] = [
    (
        "get_open_id_token",
        {"identity_id": "us-east-1:1234/5?6#7 8", "logins": "graph.facebook.com=tok&x"},
        "GET /?Action=GetOpenIdToken&IdentityId=us-east-1%3A1234%2F5%3F6%237%208"
        "&Logins=graph.facebook.com%3Dtok%26x",
    ),
    (
        "get_open_id_token_for_developer_identity",
        {"identity_id": "us-east-1:abc", "identity_pool_id": "us-east-1:pool", "logins": "dev=user",
         "token_duration": "900"},
        "GET /?Action=GetOpenIdTokenForDeveloperIdentity&IdentityId=us-east-1%3Aabc"
        "&IdentityPoolId=us-east-1%3Apool&Logins=dev%3Duser&TokenDuration=900",
    ),
]
WIRE = {"identity_id": "identity_id", "logins": "logins", "identity_pool_id": "identity_pool_id",
        "token_duration": "token_duration"}


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory, seed_spec: Path) -> Path:
    out = tmp_path_factory.mktemp("seed")
    generate_package(seed_spec, out, PACKAGE)
    shutil.copy(ROOT / "tests" / "echo_app.py", out / "echo_app.py")
    return out


def _check(name: str, sent: dict[str, str], line: str, answer: Any) -> None:
    assert answer["operation"] == name
    assert answer["arguments"] == {**{k: None for k in answer["arguments"]}, **sent}
    assert answer["request_line"] == line


def test_client_calls_every_operation_over_uvicorn(seed_out: Path) -> None:
    client_mod = import_fresh(seed_out, f"{PACKAGE}.client")
    with uvicorn_server("echo_app:app", seed_out, env={"OAGEN_TEST_PACKAGE": PACKAGE}) as url:
        with client_mod.Client(url) as client:
            for name, sent, line in CALLS:
                _check(name, sent, line, getattr(client, name)(**sent))

        async def run_async() -> None:
            async with client_mod.AsyncClient(url) as client:
                for name, sent, line in CALLS:
                    _check(name, sent, line, await getattr(client, name)(**sent))

        asyncio.run(run_async())
        for query in ("?Action=Nope", ""):
            response = httpx.get(url + "/" + query)
            assert response.status_code == 400
            assert response.json()["valid"] == ["GetOpenIdToken", "GetOpenIdTokenForDeveloperIdentity"]


def test_async_client_in_process_through_asgi_transport(seed_out: Path) -> None:
    client_mod = import_fresh(seed_out, f"{PACKAGE}.client")
    echo = import_fresh(seed_out, "echo_app")
    app = echo.build(PACKAGE)

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        async with client_mod.AsyncClient("http://testserver", transport=transport) as client:
            for name, sent, line in CALLS:
                _check(name, sent, line, await getattr(client, name)(**sent))

    asyncio.run(run())


def test_unimplemented_operation_is_501_api_error(seed_out: Path) -> None:
    pkg = import_fresh(seed_out, PACKAGE)
    app = import_fresh(seed_out, f"{PACKAGE}.server.app").create_app()

    async def run() -> None:
        async with pkg.AsyncClient("http://testserver", transport=httpx.ASGITransport(app=app)) as client:
            with pytest.raises(pkg.ApiError) as info:
                await client.get_open_id_token(identity_id="x")
            assert info.value.status_code == 501
            assert "get_open_id_token" in info.value.text

    asyncio.run(run())
