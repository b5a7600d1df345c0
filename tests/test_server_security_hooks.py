"""Security hooks of the generated server, over a real socket (uvicorn on 127.0.0.1).

specs/features/security-3.0.yaml has an operation per kind of scheme (API key in a header, the
query and a cookie; HTTP basic; bearer; OAuth2 with scopes), alternatives and a pair. The
handlers below override each scheme's hook (``authenticate_<scheme>``): a known credential is a
principal, any other is refused. Each outcome is checked: 401 with ``WWW-Authenticate`` when the
credential is missing, 401 when refused, 403 when the principal lacks a declared scope, and the
principal reaching the handler. Without overrides the app keeps "present or 401".
"""

from __future__ import annotations

import base64
from pathlib import Path

import httpx
import pytest

from helpers import SPECS, generate_package, mypy_strict, uvicorn_server

SPEC = SPECS / "features" / "security-3.0.yaml"
PACKAGE = "hooked"

HANDLERS = f'''
from __future__ import annotations

from fastapi import Request, Response

from {PACKAGE}.models import Whoami
from {PACKAGE}.server.app import create_app
from {PACKAGE}.server.base import BaseHandlers, Credentials, NoContent, Principal, Unauthorized, Forbidden
from {PACKAGE}.models import Problem

KEYS = {{"header_key": "h-key", "query_key": "q-key", "cookie_key": "c-key"}}
TOKENS = {{"reader": ("read",), "admin": ("read", "admin")}}


class Handlers(BaseHandlers):
    async def _key(self, scheme: str, credential: str) -> Principal | None:
        return Principal(subject=scheme + "-user") if credential == KEYS[scheme] else None

    async def authenticate_header_key(
        self, credential: str, scopes: tuple[str, ...], request: Request
    ) -> Principal | None:
        return await self._key("header_key", credential)

    async def authenticate_query_key(
        self, credential: str, scopes: tuple[str, ...], request: Request
    ) -> Principal | None:
        return await self._key("query_key", credential)

    async def authenticate_cookie_key(
        self, credential: str, scopes: tuple[str, ...], request: Request
    ) -> Principal | None:
        return await self._key("cookie_key", credential)

    async def authenticate_basic_auth(
        self, credential: tuple[str, str], scopes: tuple[str, ...], request: Request
    ) -> Principal | None:
        user, password = credential
        return Principal(subject=user) if password == "s3cret" else None

    async def authenticate_bearer_auth(
        self, credential: str, scopes: tuple[str, ...], request: Request
    ) -> Principal | None:
        return Principal(subject="bearer-user", claims={{"token": credential}}) if credential == "tok" else None

    async def authenticate_oauth(
        self, credential: str, scopes: tuple[str, ...], request: Request
    ) -> Principal | None:
        granted = TOKENS.get(credential)
        return None if granted is None else Principal(subject=credential, scopes=granted)

    async def _who(self, credentials: Credentials) -> Whoami:
        principal = credentials.principal
        user = principal.subject if principal is not None else "anonymous"
        return Whoami(scheme=",".join(sorted(credentials.principals)) or "none", user=user)

    async def with_header_key(self, *, credentials: Credentials = Credentials()) -> Whoami | Response:
        return await self._who(credentials)

    async def with_query_key(self, *, credentials: Credentials = Credentials()) -> Whoami | Response:
        return await self._who(credentials)

    async def with_cookie_key(self, *, credentials: Credentials = Credentials()) -> Whoami | Response:
        return await self._who(credentials)

    async def with_basic(self, *, credentials: Credentials = Credentials()) -> Whoami | Response:
        return await self._who(credentials)

    async def with_bearer(self, *, credentials: Credentials = Credentials()) -> Whoami | Response:
        return await self._who(credentials)

    async def with_oauth2(self, *, credentials: Credentials = Credentials()) -> Whoami | Response:
        return await self._who(credentials)

    async def with_oauth2_scopes(
        self, *, credentials: Credentials = Credentials()
    ) -> None | NoContent[None] | Unauthorized[Problem] | Forbidden[Problem] | Response:
        return None

    async def with_either(self, *, credentials: Credentials = Credentials()) -> Whoami | Response:
        return await self._who(credentials)

    async def with_both(self, *, credentials: Credentials = Credentials()) -> Whoami | Response:
        return await self._who(credentials)

    async def with_optional_key(self, *, credentials: Credentials = Credentials()) -> Whoami | Response:
        return await self._who(credentials)


hooked = create_app(Handlers(), validate_responses=True)
default = create_app(BaseHandlers(), mock=True)
'''


def _basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@pytest.fixture(scope="module")
def urls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("hooks")
    generate_package(SPEC, out, PACKAGE, client=False)
    (out / "served.py").write_text(HANDLERS, "utf-8")
    with uvicorn_server("served:hooked", out) as hooked, uvicorn_server("served:default", out) as default:
        yield {"hooked": hooked, "default": default}


# (path, what the right credential is, a wrong one, the challenge of a missing one, the principal)
CASES = {
    "header": ("/api/header-key", {"headers": {"X-API-Key": "h-key"}}, {"headers": {"X-API-Key": "nope"}},
               'ApiKey realm="api", in="header", name="X-API-Key"', ("header_key", "header_key-user")),
    "query": ("/api/query-key", {"params": {"api_key": "q-key"}}, {"params": {"api_key": "nope"}},
              'ApiKey realm="api", in="query", name="api_key"', ("query_key", "query_key-user")),
    "cookie": ("/api/cookie-key", {"cookies": {"session": "c-key"}}, {"cookies": {"session": "nope"}},
               'ApiKey realm="api", in="cookie", name="session"', ("cookie_key", "cookie_key-user")),
    "basic": ("/api/basic", {"headers": _basic("ann", "s3cret")}, {"headers": _basic("ann", "guess")},
              'Basic realm="api", charset="UTF-8"', ("basic_auth", "ann")),
    "bearer": ("/api/bearer", {"headers": {"Authorization": "Bearer tok"}},
               {"headers": {"Authorization": "Bearer forged"}}, 'Bearer realm="api"', ("bearer_auth", "bearer-user")),
    "oauth2": ("/api/oauth2", {"headers": {"Authorization": "Bearer reader"}},
               {"headers": {"Authorization": "Bearer forged"}}, 'Bearer realm="api"', ("oauth", "reader")),
}


def _get(url: str, path: str, given: dict[str, dict[str, str]]) -> httpx.Response:
    with httpx.Client(base_url=url, cookies=given.get("cookies")) as client:
        return client.get(path, headers=given.get("headers"), params=given.get("params"))


@pytest.mark.parametrize("kind", list(CASES))
def test_missing_credential_is_401_with_a_challenge(urls: dict[str, str], kind: str) -> None:
    path, _, _, challenge, _ = CASES[kind]
    got = _get(urls["hooked"], path, {})
    assert (got.status_code, got.headers["www-authenticate"]) == (401, challenge)
    assert got.json()["detail"].startswith("missing credentials")


@pytest.mark.parametrize("kind", list(CASES))
def test_refused_credential_is_401(urls: dict[str, str], kind: str) -> None:
    path, _, wrong, challenge, (scheme, _) = CASES[kind]
    got = _get(urls["hooked"], path, wrong)
    assert got.status_code == 401
    assert got.json()["detail"] == f"credentials refused: {scheme}"
    expected = challenge + ', error="invalid_token"' if challenge.startswith("Bearer") else challenge
    assert got.headers["www-authenticate"] == expected


@pytest.mark.parametrize("kind", list(CASES))
def test_the_principal_reaches_the_handler(urls: dict[str, str], kind: str) -> None:
    path, right, _, _, (scheme, user) = CASES[kind]
    got = _get(urls["hooked"], path, right)
    assert (got.status_code, got.json()) == (200, {"scheme": scheme, "user": user})


def test_insufficient_scope_is_403(urls: dict[str, str]) -> None:
    url = urls["hooked"]
    got = httpx.delete(f"{url}/api/oauth2-admin", headers={"Authorization": "Bearer reader"})
    assert got.status_code == 403
    assert got.headers["www-authenticate"] == 'Bearer realm="api", error="insufficient_scope", scope="read admin"'
    assert got.json()["detail"] == "the oauth credential lacks the scopes: read admin"
    assert httpx.delete(f"{url}/api/oauth2-admin", headers={"Authorization": "Bearer admin"}).status_code == 204
    assert httpx.delete(f"{url}/api/oauth2-admin", headers={"Authorization": "Bearer forged"}).status_code == 401
    assert httpx.delete(f"{url}/api/oauth2-admin").status_code == 401


def test_alternatives_and_pairs(urls: dict[str, str]) -> None:
    url = urls["hooked"]
    # Either a header key or basic: the first accepted alternative gives the principal.
    assert httpx.get(f"{url}/api/either", headers=_basic("bo", "s3cret")).json() == {"scheme": "basic_auth",
                                                                                    "user": "bo"}
    got = httpx.get(f"{url}/api/either", headers={"X-API-Key": "nope", **_basic("bo", "s3cret")})
    assert got.json() == {"scheme": "basic_auth", "user": "bo"}  # the refused key does not stop basic
    assert httpx.get(f"{url}/api/either", headers={"X-API-Key": "nope"}).status_code == 401
    # Both keys together: each is checked, both principals reach the handler.
    both = httpx.get(f"{url}/api/both", headers={"X-API-Key": "h-key"}, params={"api_key": "q-key"})
    assert both.json() == {"scheme": "header_key,query_key", "user": "query_key-user"}
    assert httpx.get(f"{url}/api/both", headers={"X-API-Key": "h-key"}, params={"api_key": "no"}).status_code == 401
    assert httpx.get(f"{url}/api/both", headers={"X-API-Key": "h-key"}).status_code == 401
    # Anonymous allowed: no credential is anonymous access, a good one is recognized, a bad one refused.
    assert httpx.get(f"{url}/api/optional").json() == {"scheme": "none", "user": "anonymous"}
    assert httpx.get(f"{url}/api/optional", headers={"X-API-Key": "h-key"}).json()["user"] == "header_key-user"
    assert httpx.get(f"{url}/api/optional", headers={"X-API-Key": "nope"}).status_code == 401


def test_without_hooks_a_present_credential_is_enough(urls: dict[str, str]) -> None:
    url = urls["default"]
    for kind, (path, _, wrong, challenge, _) in CASES.items():
        assert _get(url, path, {}).status_code == 401, kind
        assert _get(url, path, wrong).status_code == 200, kind  # the mock's answer
    got = httpx.delete(f"{url}/api/oauth2-admin", headers={"Authorization": "Bearer anything"})
    assert got.status_code == 204  # the default hook grants the scopes asked


@pytest.mark.slow
def test_the_hooks_and_handlers_pass_mypy_strict(tmp_path: Path) -> None:
    generate_package(SPEC, tmp_path, PACKAGE, client=False)
    (tmp_path / "served.py").write_text(HANDLERS, "utf-8")
    run = mypy_strict(tmp_path, "served.py", PACKAGE)
    assert run.returncode == 0, run.stdout
