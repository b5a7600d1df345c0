"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement; the others answer 501 Not Implemented.
"""

from __future__ import annotations

from typing import Any

from .base import BaseHandlers


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def get_open_id_token(self, **kwargs: Any) -> Any:
    #     """Get Open Id Token — GET /?Action=GetOpenIdToken"""
    #     return {}

    # async def get_open_id_token_for_developer_identity(self, **kwargs: Any) -> Any:
    #     """Get Open Id Token For Developer Identity — GET /?Action=GetOpenIdTokenForDeveloperIdentity"""
    #     return {}
