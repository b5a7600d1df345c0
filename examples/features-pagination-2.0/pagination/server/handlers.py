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

    # async def list_pets(
    #     self,
    #     *,
    #     page_size: int | None = None,
    #     page_token: str | None = None,
    # ) -> Any:
    #     """list_pets — GET /pets"""
    #     return {}

    # async def vets_list(
    #     self,
    # ) -> Any:
    #     """vets_list — GET /vets"""
    #     return {}

    # async def vets_list_all(
    #     self,
    # ) -> Any:
    #     """vets_list_all — GET /vets/all"""
    #     return {}

    # async def list_visits(
    #     self,
    #     *,
    #     page: int | None = None,
    # ) -> Any:
    #     """list_visits — GET /visits"""
    #     return {}
