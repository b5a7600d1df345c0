"""The client runtime's OAuth2 client credentials (generator/runtime/client/oauth2.py), imported
directly and driven through httpx's ``MockTransport`` with a fake clock: the token request, one
fetch kept until shortly before expiry, a new token after a 401, one fetch for many threads and
tasks, token providers, and the token endpoint's refusals. (tests/test_oauth2.py runs a generated
client against a real token endpoint.)"""

from __future__ import annotations

import asyncio
import base64
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from generator.runtime.client.oauth2 import ClientCredentials, OAuth2ClientCredentials, TokenError

TOKEN_URL = "https://auth.test/token"
API = "https://api.test/pets"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Peer:
    """A token endpoint handing out tok-1, tok-2... and an API that accepts the tokens in ``good``
    (all of them unless set)."""

    def __init__(self, expires_in: Any = 3600, delay: float = 0.0) -> None:
        self.expires_in = expires_in
        self.delay = delay
        self.issued: list[str] = []
        self.token_requests: list[httpx.Request] = []
        self.seen: list[str] = []
        self.good: set[str] | None = None
        self.lock = threading.Lock()

    def token(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.token_requests.append(request)
            value = f"tok-{len(self.token_requests)}"
            self.issued.append(value)
        body: dict[str, Any] = {"access_token": value, "token_type": "Bearer"}
        if self.expires_in is not None:
            body["expires_in"] = self.expires_in
        return httpx.Response(200, json=body)

    def api(self, request: httpx.Request) -> httpx.Response:
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        with self.lock:
            self.seen.append(token)
        if self.good is not None and token not in self.good:
            return httpx.Response(401, json={"error": "invalid_token"})
        return httpx.Response(200, json={"token": token})

    def handler(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            if self.delay:
                time.sleep(self.delay)  # the window in which other threads would ask too
            return self.token(request)
        return self.api(request)

    async def async_handler(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            await asyncio.sleep(self.delay)
            return self.token(request)
        return self.api(request)


def creds(**kw: Any) -> ClientCredentials:
    return ClientCredentials("my client", "s3cr:t&", token_url=TOKEN_URL, **kw)


def client(auth: httpx.Auth, peer: Peer) -> httpx.Client:
    return httpx.Client(auth=auth, transport=httpx.MockTransport(peer.handler))


# --------------------------------------------------------------------------- the token request


def test_the_token_request_with_http_basic() -> None:
    auth = OAuth2ClientCredentials(creds(scopes=("read", "write"), extra=(("audience", "pets"),)))
    request = auth.token_request()
    assert (request.method, str(request.url)) == ("POST", TOKEN_URL)
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.headers["accept"] == "application/json"
    assert parse_qsl(request.content.decode()) == [
        ("grant_type", "client_credentials"), ("scope", "read write"), ("audience", "pets")]
    # RFC 6749 2.3.1: id and secret form-encoded, then basic ("my client" -> "my+client").
    scheme, _, encoded = request.headers["authorization"].partition(" ")
    assert scheme == "Basic" and base64.b64decode(encoded).decode() == "my+client:s3cr%3At%26"


def test_the_token_request_with_the_secret_in_the_form() -> None:
    request = OAuth2ClientCredentials(creds(auth_method="post")).token_request()
    assert "authorization" not in request.headers
    assert parse_qsl(request.content.decode()) == [
        ("grant_type", "client_credentials"), ("client_id", "my client"), ("client_secret", "s3cr:t&")]


def test_token_url_and_scopes_default_to_the_specs() -> None:
    spec = OAuth2ClientCredentials(ClientCredentials("id", "secret"), token_url=TOKEN_URL, scopes=("a",))
    assert (spec.token_url, spec.scopes) == (TOKEN_URL, ("a",))
    own = OAuth2ClientCredentials(ClientCredentials("id", "s", token_url="https://other/t", scopes=()),
                                  token_url=TOKEN_URL, scopes=("a",))
    assert (own.token_url, own.scopes) == ("https://other/t", ())  # the caller's empty scopes win
    with pytest.raises(ValueError, match="token URL"):
        OAuth2ClientCredentials(ClientCredentials("id", "secret"))
    with pytest.raises(ValueError, match="token URL"):
        OAuth2ClientCredentials()
    OAuth2ClientCredentials(provider=lambda: "t")  # a provider needs no token URL


def test_the_secret_stays_out_of_reprs() -> None:
    auth = OAuth2ClientCredentials(creds())
    assert "s3cr" not in repr(auth) and "s3cr" not in repr(auth.credentials)
    assert repr(auth) == f"OAuth2ClientCredentials('my client', token_url={TOKEN_URL!r})"


# --------------------------------------------------------------------------- fetching and keeping


def test_the_token_is_fetched_once_and_sent_as_bearer() -> None:
    peer = Peer()
    auth = OAuth2ClientCredentials(creds(), clock=Clock())
    with client(auth, peer) as http:
        answers = [http.get(API).json()["token"] for _ in range(5)]
    assert answers == ["tok-1"] * 5 and auth.fetches == 1 and len(peer.token_requests) == 1


def test_the_token_is_kept_until_skew_seconds_before_it_expires() -> None:
    peer, clock = Peer(expires_in=100), Clock()
    auth = OAuth2ClientCredentials(creds(skew=30.0), clock=clock)
    with client(auth, peer) as http:
        assert http.get(API).json()["token"] == "tok-1"
        clock.now += 69.9
        assert http.get(API).json()["token"] == "tok-1"
        clock.now += 0.1  # 70 s: 100 s less the skew
        assert http.get(API).json()["token"] == "tok-2"
        clock.now += 69.9
        assert http.get(API).json()["token"] == "tok-2"
    assert auth.fetches == 2


def test_a_token_without_expiry_is_kept_and_a_short_one_is_not() -> None:
    clock = Clock()
    forever = OAuth2ClientCredentials(creds(), clock=clock)
    with client(forever, Peer(expires_in=None)) as http:
        http.get(API)
        clock.now += 10**9
        assert http.get(API).json()["token"] == "tok-1"
    short = OAuth2ClientCredentials(creds(skew=30.0), clock=clock)
    with client(short, Peer(expires_in=10)) as http:  # shorter than the skew: used once each
        assert [http.get(API).json()["token"] for _ in range(3)] == ["tok-1", "tok-2", "tok-3"]


def test_invalidate_forgets_the_token() -> None:
    peer = Peer()
    auth = OAuth2ClientCredentials(creds(), clock=Clock())
    with client(auth, peer) as http:
        http.get(API)
        auth.invalidate()
        assert http.get(API).json()["token"] == "tok-2"


# --------------------------------------------------------------------------- 401


def test_a_401_fetches_a_new_token_once_and_sends_again() -> None:
    peer = Peer()
    auth = OAuth2ClientCredentials(creds(), clock=Clock())
    with client(auth, peer) as http:
        http.get(API)
        peer.good = {"tok-2"}  # tok-1 revoked
        answer = http.get(API)
        assert answer.status_code == 200 and answer.json()["token"] == "tok-2"
        assert peer.seen == ["tok-1", "tok-1", "tok-2"] and auth.fetches == 2
        assert http.get(API).json()["token"] == "tok-2"  # the new one is kept
    assert auth.fetches == 2


def test_a_second_401_is_the_answer() -> None:
    peer = Peer()
    peer.good = set()  # every token refused
    auth = OAuth2ClientCredentials(creds(), clock=Clock())
    with client(auth, peer) as http:
        answer = http.get(API)
    assert answer.status_code == 401
    assert peer.seen == ["tok-1", "tok-2"] and auth.fetches == 2  # one new token, one more try


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(("response", "message"), [
    (httpx.Response(401, json={"error": "invalid_client"}), "answered 401: invalid_client"),
    (httpx.Response(500, text="<html>down</html>"), "answered 500: <html>down</html>"),
    (httpx.Response(200, text="not json"), "answered 200: not json"),
    (httpx.Response(200, json=["a list"]), "answered 200"),
    (httpx.Response(200, json={"token_type": "Bearer"}), "has no access_token"),
    (httpx.Response(200, json={"access_token": ""}), "has no access_token"),
    (httpx.Response(200, json={"access_token": 7}), "has no access_token"),
])
def test_what_the_token_endpoint_refuses_is_a_token_error(response: httpx.Response, message: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert str(request.url) == TOKEN_URL, "the API is never called without a token"
        return response

    auth = OAuth2ClientCredentials(creds(), clock=Clock())
    with httpx.Client(auth=auth, transport=httpx.MockTransport(handler)) as http, \
            pytest.raises(TokenError, match=message) as caught:
        http.get(API)
    assert caught.value.response is response


# --------------------------------------------------------------------------- concurrency


def test_threads_fetch_one_token() -> None:
    peer = Peer(delay=0.05)
    auth = OAuth2ClientCredentials(creds(), clock=Clock())
    tokens: list[str] = []
    with client(auth, peer) as http:
        def call() -> None:
            tokens.append(http.get(API).json()["token"])

        threads = [threading.Thread(target=call) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert tokens == ["tok-1"] * 8 and len(peer.token_requests) == 1


def test_tasks_fetch_one_token_and_a_401_one_more() -> None:
    peer = Peer(delay=0.05)
    auth = OAuth2ClientCredentials(creds(), clock=Clock())

    async def main() -> list[str]:
        async with httpx.AsyncClient(auth=auth, transport=httpx.MockTransport(peer.async_handler)) as http:
            first = await asyncio.gather(*(http.get(API) for _ in range(20)))
            peer.good = {"tok-2"}
            again = await http.get(API)
            return [a.json()["token"] for a in [*first, again]]

    assert asyncio.run(main()) == ["tok-1"] * 20 + ["tok-2"]
    assert len(peer.token_requests) == 2 and auth.fetches == 2


# --------------------------------------------------------------------------- providers


def counting(tokens: list[str]) -> tuple[Callable[[], str], list[int]]:
    """A provider giving ``tokens`` in turn, and how often it was asked."""
    calls = [0]
    given = iter(tokens)

    def provide() -> str:
        calls[0] += 1
        return next(given)

    return provide, calls


def test_a_provider_is_asked_per_request_and_again_after_a_401() -> None:
    peer = Peer()
    provide, calls = counting(["p-1", "p-1", "p-2"])
    auth = OAuth2ClientCredentials(provider=provide)
    with client(auth, peer) as http:
        assert http.get(API).json()["token"] == "p-1"
        peer.good = {"p-2"}
        assert http.get(API).json()["token"] == "p-2"
    assert calls[0] == 3 and peer.seen == ["p-1", "p-1", "p-2"]
    assert auth.fetches == 0 and peer.token_requests == []


def test_a_sync_provider_must_give_a_str() -> None:
    async def token() -> str:
        return "t"

    made: list[Any] = []
    auth = OAuth2ClientCredentials(provider=lambda: made.append(token()) or made[-1])
    with client(auth, Peer()) as http, pytest.raises(TypeError, match="must return a str"):
        http.get(API)
    made[0].close()  # never awaited: a sync client cannot


def test_an_async_provider_may_be_awaitable_or_plain() -> None:
    peer = Peer()

    async def provide() -> str:
        return "async-token"

    async def main() -> list[str]:
        found = []
        for given in (provide, lambda: "plain-token"):
            auth = OAuth2ClientCredentials(provider=given)
            async with httpx.AsyncClient(auth=auth, transport=httpx.MockTransport(peer.async_handler)) as http:
                found.append((await http.get(API)).json()["token"])
        return found

    assert asyncio.run(main()) == ["async-token", "plain-token"]
