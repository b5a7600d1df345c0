"""OAuth2 client credentials (RFC 6749 §4.4) as an ``httpx.Auth``: the token is fetched from the
token endpoint, kept until shortly before it expires, fetched again once after a 401, and fetched
once for many concurrent calls (a lock for threads, an asyncio lock for tasks).

A token provider (a function returning a token, or an awaitable of one for the async client)
replaces the fetching: it is asked for a token per request, and once more after a 401.
"""

from __future__ import annotations

import base64
import inspect
import threading
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

import httpx

if TYPE_CHECKING:
    import asyncio

# A function giving a token: a str, or for the async client an awaitable of one.
TokenProvider = Callable[[], str | Awaitable[str]]


class TokenError(Exception):
    """The token endpoint refused the client's credentials or answered something unusable."""

    def __init__(self, message: str, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.response = response


@dataclass(frozen=True, slots=True)
class ClientCredentials:
    """The client's id and secret, and how they are sent: ``auth_method="basic"`` (HTTP basic,
    ``client_secret_basic``, the default RFC 6749 §2.3.1 asks servers to support) or ``"post"``
    (in the form, ``client_secret_post``). ``token_url`` and ``scopes`` default to the spec's;
    ``skew`` is how many seconds before its expiry a token is fetched anew."""

    client_id: str
    client_secret: str = field(repr=False)
    token_url: str | None = None
    scopes: tuple[str, ...] | None = None
    auth_method: str = "basic"
    skew: float = 30.0
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class _Token:
    value: str
    expires_at: float  # time.monotonic(); inf when the server gave no expiry


def _form_encode(text: str) -> str:
    # RFC 6749 §2.3.1: the id and secret are form-encoded before they go into HTTP basic.
    return quote(text, safe="").replace("%20", "+")


class OAuth2ClientCredentials(httpx.Auth):
    """Sends ``Authorization: Bearer <token>``, the token got with the client credentials grant
    (or from ``provider``)."""

    def __init__(
        self,
        credentials: ClientCredentials | None = None,
        *,
        token_url: str = "",
        scopes: tuple[str, ...] = (),
        provider: TokenProvider | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.credentials = credentials
        self.token_url = (credentials.token_url if credentials else None) or token_url
        chosen = credentials.scopes if credentials else None
        self.scopes = tuple(chosen) if chosen is not None else tuple(scopes)
        self.provider = provider
        self.fetches = 0  # how many times the token endpoint was asked (for tests and logs)
        self._clock = clock
        self._token: _Token | None = None
        self._lock = threading.Lock()
        self._alock: asyncio.Lock | None = None
        if provider is None and (credentials is None or not self.token_url):
            raise ValueError("client credentials need a token URL (the spec declares none)")

    def __repr__(self) -> str:
        who = self.credentials.client_id if self.credentials else "provider"
        return f"OAuth2ClientCredentials({who!r}, token_url={self.token_url!r})"

    # ------------------------------------------------------------------ the token request

    def token_request(self) -> httpx.Request:
        """The token request (RFC 6749 §4.4.2): ``grant_type=client_credentials`` and the scopes,
        the client authenticated as ``auth_method`` says."""
        creds = self.credentials
        assert creds is not None
        form: list[tuple[str, str]] = [("grant_type", "client_credentials")]
        if self.scopes:
            form.append(("scope", " ".join(self.scopes)))
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        }
        if creds.auth_method == "post":
            form += [("client_id", creds.client_id), ("client_secret", creds.client_secret)]
        else:
            pair = f"{_form_encode(creds.client_id)}:{_form_encode(creds.client_secret)}"
            headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
        form += list(creds.extra)
        return httpx.Request("POST", self.token_url, headers=headers, content=urlencode(form))

    def _store(self, response: httpx.Response) -> str:
        """The token of a token response (RFC 6749 §5.1), kept until ``expires_in`` less the skew."""
        self.fetches += 1
        try:
            data: Any = response.json()
        except ValueError:
            data = None
        if response.status_code != 200 or not isinstance(data, dict):
            detail = data.get("error") if isinstance(data, dict) else response.text[:200]
            raise TokenError(
                f"the token endpoint answered {response.status_code}: {detail}", response
            )
        token = data.get("access_token")
        if not isinstance(token, str) or not token:
            raise TokenError("the token endpoint's answer has no access_token", response)
        expires = data.get("expires_in")
        skew = self.credentials.skew if self.credentials else 0.0
        lifetime = float(expires) - skew if isinstance(expires, int | float) else float("inf")
        self._token = _Token(token, self._clock() + max(lifetime, 0.0))
        return token

    def _cached(self, stale: str | None) -> str | None:
        """The kept token when it is still good (and not the one just refused)."""
        token = self._token
        if token is None or token.value == stale or self._clock() >= token.expires_at:
            return None
        return token.value

    def invalidate(self) -> None:
        """Forget the kept token (the next request fetches one)."""
        self._token = None

    # ------------------------------------------------------------------ httpx flows

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        stale: str | None = None
        for attempt in (0, 1):
            if self.provider is not None:
                given = self.provider()
                if not isinstance(given, str):
                    raise TypeError("the token provider of a sync client must return a str")
                token = given
            else:
                with self._lock:
                    cached = self._cached(stale)
                    if cached is None:
                        answer = yield self.token_request()
                        answer.read()
                        cached = self._store(answer)
                    token = cached
            request.headers["Authorization"] = f"Bearer {token}"
            response = yield request
            if response.status_code != 401 or attempt:
                return
            # Refused: the token was revoked or expired early; one fresh one, one more try (httpx
            # reads the refused answer, freeing its connection).
            stale = token

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        import asyncio

        if self._alock is None:
            self._alock = asyncio.Lock()
        stale: str | None = None
        for attempt in (0, 1):
            if self.provider is not None:
                value = self.provider()
                token = str(await value) if inspect.isawaitable(value) else str(value)
            else:
                # The lock is held while the token request is out: the other tasks wait for
                # its answer instead of asking too.
                async with self._alock:
                    cached = self._cached(stale)
                    if cached is None:
                        answer = yield self.token_request()
                        await answer.aread()
                        cached = self._store(answer)
                    token = cached
            request.headers["Authorization"] = f"Bearer {token}"
            response = yield request
            if response.status_code != 401 or attempt:
                return
            stale = token
