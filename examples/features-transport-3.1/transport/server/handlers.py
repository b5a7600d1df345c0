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

    # async def list_things(
    #     self,
    #     *,
    #     request_options_2: str | None = None,
    # ) -> Any:
    #     """list_things — GET /things"""
    #     return {}

    # async def create_thing(
    #     self,
    #     *,
    #     body: m.Thing,
    # ) -> Any:
    #     """create_thing — POST /things"""
    #     return {}

    # async def get_thing(
    #     self,
    #     *,
    #     id_: str,
    # ) -> Any:
    #     """get_thing — GET /things/{id}"""
    #     return {}
