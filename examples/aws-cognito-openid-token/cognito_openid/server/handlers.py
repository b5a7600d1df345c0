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

    # async def get_open_id_token(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     logins: str | None = None,
    # ) -> Any:
    #     """Get Open Id Token — GET /?Action=GetOpenIdToken"""
    #     return {}

    # async def get_open_id_token_for_developer_identity(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    #     logins: str | None = None,
    #     token_duration: str | None = None,
    # ) -> Any:
    #     """Get Open Id Token For Developer Identity — GET /?Action=GetOpenIdTokenForDeveloperIdentity"""
    #     return {}
