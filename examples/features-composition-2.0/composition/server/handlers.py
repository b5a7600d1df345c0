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

    # async def create_document(
    #     self,
    #     *,
    #     body: m.Document,
    # ) -> Any:
    #     """create_document — POST /documents"""
    #     return {}

    # async def get_report(
    #     self,
    #     *,
    #     id_: str,
    # ) -> Any:
    #     """get_report — GET /reports/{id}"""
    #     return {}

    # async def put_dog(
    #     self,
    #     *,
    #     body: m.Dog,
    # ) -> Any:
    #     """put_dog — PUT /animals"""
    #     return {}

    # async def list_animals(
    #     self,
    # ) -> Any:
    #     """list_animals — GET /animals"""
    #     return {}
