"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement; the others answer 501 Not Implemented.
"""

from __future__ import annotations

from typing import Any

from .base import BaseHandlers


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def with_header_key(self, **kwargs: Any) -> Any:
    #     """with_header_key — GET /header-key"""
    #     return {}

    # async def with_query_key(self, **kwargs: Any) -> Any:
    #     """with_query_key — GET /query-key"""
    #     return {}

    # async def with_cookie_key(self, **kwargs: Any) -> Any:
    #     """with_cookie_key — GET /cookie-key"""
    #     return {}

    # async def with_basic(self, **kwargs: Any) -> Any:
    #     """with_basic — GET /basic"""
    #     return {}

    # async def with_bearer(self, **kwargs: Any) -> Any:
    #     """with_bearer — GET /bearer"""
    #     return {}

    # async def with_oauth2(self, **kwargs: Any) -> Any:
    #     """with_oauth2 — GET /oauth2"""
    #     return {}

    # async def with_open_id_connect(self, **kwargs: Any) -> Any:
    #     """with_open_id_connect — GET /openid"""
    #     return {}

    # async def with_either(self, **kwargs: Any) -> Any:
    #     """with_either — GET /either"""
    #     return {}

    # async def with_both(self, **kwargs: Any) -> Any:
    #     """with_both — GET /both"""
    #     return {}

    # async def with_optional_key(self, **kwargs: Any) -> Any:
    #     """with_optional_key — GET /optional"""
    #     return {}

    # async def without_auth(self, **kwargs: Any) -> Any:
    #     """without_auth — GET /public"""
    #     return {}
