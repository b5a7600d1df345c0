"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``. A handler returns what
its operation declares: the success body (a model), an answer class for another declared status
(``return NotFound(m.Error(...))``), or a ``fastapi.Response``; mypy checks it against the spec.
Override a security hook (``authenticate_<scheme>``, see ``base.py``) to check credentials.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import Request, Response

from .. import models as m
from .base import (
    Forbidden,
    NoContent,
    Ok,
    Unauthorized,
    BaseHandlers,
    Credentials,
    Principal,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def authenticate_header_key(
    #     self, credential: str, scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme headerKey: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def authenticate_query_key(
    #     self, credential: str, scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme queryKey: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def authenticate_cookie_key(
    #     self, credential: str, scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme cookieKey: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def authenticate_basic_auth(
    #     self, credential: tuple[str, str], scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme basicAuth: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def authenticate_bearer_auth(
    #     self, credential: str, scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme bearerAuth: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def authenticate_oauth(
    #     self, credential: str, scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme oauth: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def authenticate_open_id(
    #     self, credential: str, scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme openId: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def with_header_key(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Whoami | Ok[m.Whoami] | Unauthorized[m.Problem] | Response:
    #     """with_header_key — GET /header-key"""
    #     raise NotImplementedError

    # async def with_query_key(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Whoami | Ok[m.Whoami] | Unauthorized[m.Problem] | Response:
    #     """with_query_key — GET /query-key"""
    #     raise NotImplementedError

    # async def with_cookie_key(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Whoami | Ok[m.Whoami] | Unauthorized[m.Problem] | Response:
    #     """with_cookie_key — GET /cookie-key"""
    #     raise NotImplementedError

    # async def with_basic(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Whoami | Ok[m.Whoami] | Unauthorized[m.Problem] | Response:
    #     """with_basic — GET /basic"""
    #     raise NotImplementedError

    # async def with_bearer(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Whoami | Ok[m.Whoami] | Unauthorized[m.Problem] | Response:
    #     """with_bearer — GET /bearer"""
    #     raise NotImplementedError

    # async def with_oauth2(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Whoami | Ok[m.Whoami] | Unauthorized[m.Problem] | Response:
    #     """with_oauth2 — GET /oauth2"""
    #     raise NotImplementedError

    # async def with_oauth2_scopes(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> None | NoContent[None] | Unauthorized[m.Problem] | Forbidden[m.Problem] | Response:
    #     """with_oauth2_scopes — DELETE /oauth2-admin"""
    #     raise NotImplementedError

    # async def with_open_id_connect(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Whoami | Ok[m.Whoami] | Unauthorized[m.Problem] | Response:
    #     """with_open_id_connect — GET /openid"""
    #     raise NotImplementedError

    # async def with_either(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Whoami | Ok[m.Whoami] | Unauthorized[m.Problem] | Response:
    #     """with_either — GET /either"""
    #     raise NotImplementedError

    # async def with_both(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Whoami | Ok[m.Whoami] | Unauthorized[m.Problem] | Response:
    #     """with_both — GET /both"""
    #     raise NotImplementedError

    # async def with_optional_key(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Whoami | Ok[m.Whoami] | Response:
    #     """with_optional_key — GET /optional"""
    #     raise NotImplementedError

    # async def without_auth(
    #     self,
    # ) -> m.Whoami | Ok[m.Whoami] | Response:
    #     """without_auth — GET /public"""
    #     raise NotImplementedError
