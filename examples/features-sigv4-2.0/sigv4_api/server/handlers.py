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

    # async def get_caller_identity(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """get_caller_identity — GET /?Action=GetCallerIdentity&Version=2011-06-15"""
    #     return {}

    # async def post_get_caller_identity(
    #     self,
    #     *,
    #     body: m.PostGetCallerIdentityBody,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """post_get_caller_identity — POST /"""
    #     return {}
