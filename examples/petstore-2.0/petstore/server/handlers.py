"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement; the others answer 501 Not Implemented.
"""

from __future__ import annotations

from typing import Any

from .base import BaseHandlers


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def list_pets(self, **kwargs: Any) -> Any:
    #     """List all pets — GET /pets"""
    #     return {}

    # async def create_pet(self, **kwargs: Any) -> Any:
    #     """Create a pet — POST /pets"""
    #     return {}

    # async def show_pet_by_id(self, **kwargs: Any) -> Any:
    #     """Info for a specific pet — GET /pets/{petId}"""
    #     return {}

    # async def delete_pet(self, **kwargs: Any) -> Any:
    #     """Delete a pet — DELETE /pets/{petId}"""
    #     return {}
