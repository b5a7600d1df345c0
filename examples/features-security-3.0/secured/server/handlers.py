"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``.
"""

from __future__ import annotations

from typing import Any, Literal

from .. import models as m
from .base import BaseHandlers, Credentials


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def with_header_key(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """with_header_key — GET /header-key"""
    #     return {}

    # async def with_query_key(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """with_query_key — GET /query-key"""
    #     return {}

    # async def with_cookie_key(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """with_cookie_key — GET /cookie-key"""
    #     return {}

    # async def with_basic(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """with_basic — GET /basic"""
    #     return {}

    # async def with_bearer(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """with_bearer — GET /bearer"""
    #     return {}

    # async def with_oauth2(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """with_oauth2 — GET /oauth2"""
    #     return {}

    # async def with_open_id_connect(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """with_open_id_connect — GET /openid"""
    #     return {}

    # async def with_either(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """with_either — GET /either"""
    #     return {}

    # async def with_both(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """with_both — GET /both"""
    #     return {}

    # async def with_optional_key(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """with_optional_key — GET /optional"""
    #     return {}

    # async def without_auth(
    #     self,
    # ) -> Any:
    #     """without_auth — GET /public"""
    #     return {}
