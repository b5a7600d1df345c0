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

    # async def add_pet(
    #     self,
    #     *,
    #     body: m.Pet,
    # ) -> Any:
    #     """add_pet — POST /pets"""
    #     return {}

    # async def get_pet(
    #     self,
    #     *,
    #     pet_id: int,
    # ) -> Any:
    #     """get_pet — GET /pets/{petId}"""
    #     return {}
