"""The server runtime's security, called directly: the credential per scheme kind and location,
challenges, the 401 answer when no alternative is satisfied, credentials passed to handlers."""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass
from typing import Any

import pytest
from runtime_server_support import request, runtime

from generator.runtime.server import security
from generator.runtime.server.problems import ProblemError
from generator.runtime.server.security import Scheme

BEARER = Scheme("bearer_auth", "bearer")
BASIC = Scheme("basic_auth", "basic")
HEADER_KEY = Scheme("header_key", "apiKey", "header", "X-Api-Key")
QUERY_KEY = Scheme("query_key", "apiKey", "query", "api_key")
COOKIE_KEY = Scheme("cookie_key", "apiKey", "cookie", "session")


def _basic(text: str) -> str:
    return "Basic " + base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(("scheme", "headers", "query", "expected"), [
    (BEARER, [("Authorization", "Bearer tok")], "", "tok"),
    (BEARER, [("Authorization", "bearer  tok ")], "", "tok"),
    (BEARER, [("Authorization", "Bearer ")], "", None),
    (BEARER, [("Authorization", _basic("a:b"))], "", None),
    (BEARER, [], "", None),
    (BASIC, [("Authorization", _basic("user:pa:ss"))], "", ("user", "pa:ss")),
    (BASIC, [("Authorization", _basic("no-colon"))], "", None),
    (BASIC, [("Authorization", "Basic %%%")], "", None),
    (BASIC, [("Authorization", "Bearer tok")], "", None),
    (HEADER_KEY, [("X-API-KEY", "k1")], "", "k1"),
    (HEADER_KEY, [("X-Api-Key", "")], "", None),
    (QUERY_KEY, [], "api_key=k2&x=1", "k2"),
    (QUERY_KEY, [("X-Api-Key", "k1")], "", None),
    (COOKIE_KEY, [("Cookie", "a=1; session=k3")], "", "k3"),
])
def test_credential_per_scheme(scheme: Scheme, headers: list[tuple[str, str]], query: str, expected: Any) -> None:
    assert scheme.credential(request(headers=headers, query=query)) == expected


def test_challenges_and_descriptions() -> None:
    assert BEARER.challenge() == 'Bearer realm="api"'
    assert BASIC.challenge() == 'Basic realm="api", charset="UTF-8"'
    assert QUERY_KEY.challenge() == 'ApiKey realm="api", in="query", name="api_key"'
    assert BASIC.describe() == "Authorization: Basic ..."
    assert COOKIE_KEY.describe() == "cookie 'session'"
    assert security.basic_pair("!!") is None


@dataclass(frozen=True)
class Credentials:
    bearer_auth: str | None = None
    header_key: str | None = None
    query_key: str | None = None


SCHEMES = {s.name: s for s in (BEARER, HEADER_KEY, QUERY_KEY)}


def _authenticate(alternatives: list[tuple[str, ...]], **req: Any) -> Any:
    dependency = security.authenticate(Credentials, alternatives, SCHEMES)
    return asyncio.run(dependency(request(**req)))


def test_authenticate_takes_the_first_satisfied_alternative() -> None:
    both = [("header_key", "query_key"), ("bearer_auth",)]
    assert _authenticate(both, headers=[("Authorization", "Bearer t")]) == Credentials(bearer_auth="t")
    found = _authenticate(both, headers=[("X-Api-Key", "h")], query="api_key=q")
    assert found == Credentials(header_key="h", query_key="q")
    # Anonymous allowed (an empty alternative): whatever is present is passed on.
    assert _authenticate([("bearer_auth",), ()]) == Credentials()


def test_authenticate_refuses_with_401_and_challenges() -> None:
    with pytest.raises(ProblemError) as caught:
        _authenticate([("header_key", "query_key"), ("bearer_auth",)], headers=[("X-Api-Key", "h")])
    error = caught.value
    assert error.status_code == 401
    assert error.headers == {"WWW-Authenticate": 'ApiKey realm="api", in="header", name="X-Api-Key", '
                                                 'ApiKey realm="api", in="query", name="api_key", Bearer realm="api"'}
    assert error.extra["schemes"] == ["header_key", "query_key", "bearer_auth"]
    assert error.extra["detail"].startswith("missing credentials: send header 'X-Api-Key' or query 'api_key'")


def test_pass_credentials_only_to_handlers_that_take_them() -> None:
    state = runtime(takes_credentials=frozenset({"secured"}))
    assert security.pass_credentials(request(state), "secured", "c") == {"credentials": "c"}
    assert security.pass_credentials(request(state), "legacy", "c") == {}
