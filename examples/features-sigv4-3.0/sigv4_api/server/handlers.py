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

    # async def get_item(
    #     self,
    #     *,
    #     item_id: str,
    #     filter_: str | None = None,
    #     tags: list[str] | None = None,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """get_item — GET /items/{itemId}"""
    #     return {}

    # async def put_item(
    #     self,
    #     *,
    #     item_id: str,
    #     x_amz_meta_note: str | None = None,
    #     body: m.Item,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """put_item — PUT /items/{itemId}"""
    #     return {}
