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

    # async def get_inventory(
    #     self,
    # ) -> Any:
    #     """get_inventory — GET /inventory"""
    #     return {}

    # async def put_inventory(
    #     self,
    #     *,
    #     body: m.Inventory,
    # ) -> Any:
    #     """put_inventory — PUT /inventory"""
    #     return {}

    # async def set_prices(
    #     self,
    #     *,
    #     body: m.Prices,
    # ) -> Any:
    #     """set_prices — POST /prices"""
    #     return {}

    # async def save_settings(
    #     self,
    #     *,
    #     body: m.Settings,
    # ) -> Any:
    #     """save_settings — POST /settings"""
    #     return {}
