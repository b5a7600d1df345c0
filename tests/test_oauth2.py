"""OAuth2 client credentials end to end: a generated client against a token endpoint and an API
on 127.0.0.1 (tests/oauth2_peer_app.py) — one token fetch for many concurrent calls (async tasks
and sync threads), a new token after expiry and after a 401, both ways of sending the secret."""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from client_support import FEATURES, load, module
from helpers import uvicorn_server

HERE = Path(__file__).resolve().parent
CREDS = ("my client", "s3cr:t&")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("oauth2_peer_app")
    shutil.copy(HERE / "oauth2_peer_app.py", folder)  # uvicorn's log goes there too
    with uvicorn_server("oauth2_peer_app:app", folder) as url:
        yield url


@pytest.fixture()
def peer(server: str) -> str:
    httpx.post(server + "/__control__", json={"reset": True, "expires_in": 3600})
    return server


def stats(url: str) -> dict[str, Any]:
    data: dict[str, Any] = httpx.get(url + "/__stats__").json()
    return data


@pytest.fixture(scope="module")
def pkg() -> Any:
    return load(FEATURES / "oauth2-3.0.yaml", "oauth2_e2e")


def test_fifty_concurrent_async_calls_fetch_one_token(pkg: Any, peer: str) -> None:
    async def main() -> list[Any]:
        async with pkg.AsyncClient(peer + "/api", oauth=CREDS) as client:
            return await asyncio.gather(*(client.list_things() for _ in range(50)))

    answers = asyncio.run(main())
    assert len(answers) == 50 and all(a[0].name == "tok-1" for a in answers)
    seen = stats(peer)
    assert seen["tokens"] == 1 and seen["api"] == 50
    # RFC 6749 §4.4.2: the grant and the spec's scopes; the secret in HTTP basic by default.
    assert seen["forms"] == [{"grant_type": "client_credentials", "scope": "read write"}]
    assert seen["methods"] == ["basic"]


def test_sync_threads_fetch_one_token(pkg: Any, peer: str) -> None:
    results: list[str] = []
    with pkg.Client(peer + "/api", oauth=CREDS) as client:
        def call() -> None:
            results.append(client.list_things()[0].name)

        threads = [threading.Thread(target=call) for _ in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert results == ["tok-1"] * 20
    assert stats(peer)["tokens"] == 1


def test_a_token_is_fetched_again_after_it_expires(pkg: Any, peer: str) -> None:
    httpx.post(peer + "/__control__", json={"expires_in": 1})
    creds = module(pkg, "_http").ClientCredentials(*CREDS, skew=0)
    with pkg.Client(peer + "/api", oauth=creds) as client:
        assert client.list_things()[0].name == "tok-1"
        assert client.list_things()[0].name == "tok-1"  # kept
        time.sleep(1.1)
        assert client.list_things()[0].name == "tok-2"
    assert stats(peer)["tokens"] == 2


def test_the_skew_renews_a_token_before_it_expires(pkg: Any, peer: str) -> None:
    httpx.post(peer + "/__control__", json={"expires_in": 30})
    with pkg.Client(peer + "/api", oauth=CREDS) as client:  # default skew: 30 s
        assert [client.list_things()[0].name for _ in range(2)] == ["tok-1", "tok-2"]


def test_a_401_fetches_a_new_token_once_and_retries(pkg: Any, peer: str) -> None:
    async def main() -> tuple[str, str]:
        async with pkg.AsyncClient(peer + "/api", oauth=CREDS) as client:
            first = (await client.list_things())[0].name
            httpx.post(peer + "/__control__", json={"revoke": True})
            again = await asyncio.gather(*(client.list_things() for _ in range(10)))
            assert {a[0].name for a in again} == {"tok-2"}
            return first, again[0][0].name

    assert asyncio.run(main()) == ("tok-1", "tok-2")
    assert stats(peer)["tokens"] == 2

    with pkg.Client(peer + "/api", oauth=CREDS) as client:
        assert client.create_thing(pkg.models.Thing(name="x")).name == "x"
        httpx.post(peer + "/__control__", json={"revoke": True})
        assert client.create_thing(pkg.models.Thing(name="y")).name == "y"  # POST body sent again
    assert stats(peer)["tokens"] == 4


def test_a_refused_token_is_an_api_error_after_one_retry(pkg: Any, peer: str) -> None:
    calls: list[int] = []

    def provider() -> str:
        calls.append(1)
        return "not-a-token"

    with pkg.Client(peer + "/api", oauth=provider) as client, pytest.raises(pkg.ApiError) as err:
        client.list_things()
    assert err.value.status_code == 401 and len(calls) == 2


def test_form_authentication_and_a_token_provider(pkg: Any, peer: str) -> None:
    http = module(pkg, "_http")
    creds = http.ClientCredentials(*CREDS, auth_method="post", scopes=("read",))
    with pkg.Client(peer + "/api", oauth=creds) as client:
        client.list_things()
    seen = stats(peer)
    assert seen["methods"] == ["post"]
    assert seen["forms"] == [{"grant_type": "client_credentials", "scope": "read",
                              "client_id": CREDS[0], "client_secret": CREDS[1]}]

    async def provider() -> str:
        return "tok-1"  # issued above

    async def main() -> str:
        async with pkg.AsyncClient(peer + "/api", oauth=provider) as client:
            return str((await client.list_things())[0].name)

    assert asyncio.run(main()) == "tok-1"
    assert stats(peer)["tokens"] == 1


def test_wrong_credentials_raise_a_token_error(pkg: Any, peer: str) -> None:
    http = module(pkg, "_http")
    with pkg.Client(peer + "/api", oauth=("my client", "wrong")) as client, pytest.raises(http.TokenError) as err:
        client.list_things()
    assert "401" in str(err.value) and "invalid_client" in str(err.value)


def test_a_plain_token_is_still_a_bearer_token(pkg: Any, peer: str) -> None:
    with pkg.Client(peer + "/api", oauth=CREDS) as client:
        client.list_things()
    with pkg.Client(peer + "/api", oauth="tok-1") as client:
        assert client.list_things()[0].name == "tok-1"
    assert stats(peer)["tokens"] == 1
