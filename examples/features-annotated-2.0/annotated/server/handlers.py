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

    # async def list_items(
    #     self,
    # ) -> Any:
    #     """list_items — GET /items"""
    #     return {}

    # async def put_item(
    #     self,
    #     *,
    #     body: m.Item,
    # ) -> Any:
    #     """put_item — POST /items"""
    #     return {}

    # async def list_states(
    #     self,
    # ) -> Any:
    #     """list_states — GET /states"""
    #     return {}
