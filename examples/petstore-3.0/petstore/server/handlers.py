"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from .. import models as m
from .base import BaseHandlers, Credentials


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def list_pets(
    #     self,
    #     *,
    #     limit: int | None = None,
    #     tags: list[str] | None = None,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """List all pets — GET /pets"""
    #     return {}

    # async def create_pet(
    #     self,
    #     *,
    #     body: m.Pet,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """Create a pet — POST /pets"""
    #     return {}

    # async def show_pet_by_id(
    #     self,
    #     *,
    #     pet_id: str,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """Info for a specific pet — GET /pets/{petId}"""
    #     return {}

    # async def delete_pet(
    #     self,
    #     *,
    #     pet_id: str,
    #     x_request_id: uuid.UUID | None = None,
    # ) -> Any:
    #     """Delete a pet — DELETE /pets/{petId}"""
    #     return {}
