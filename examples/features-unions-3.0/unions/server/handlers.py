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

    # async def add_shape(
    #     self,
    #     *,
    #     body: m.Shape,
    # ) -> Any:
    #     """add_shape — POST /shapes"""
    #     return {}

    # async def list_shapes(
    #     self,
    # ) -> Any:
    #     """list_shapes — GET /shapes"""
    #     return {}

    # async def add_contact(
    #     self,
    #     *,
    #     body: m.Contact,
    # ) -> Any:
    #     """add_contact — POST /contacts"""
    #     return {}

    # async def add_label(
    #     self,
    #     *,
    #     body: m.Label,
    # ) -> Any:
    #     """add_label — POST /labels"""
    #     return {}
