"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``. A handler returns what
its operation declares: the success body (a model), an answer class for another declared status
(``return NotFound(m.Error(...))``), or a ``fastapi.Response``; mypy checks it against the spec.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import Response

from .. import models as m
from .base import (
    Ok,
    BaseHandlers,
    Credentials,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def get_inventory(
    #     self,
    # ) -> m.Inventory | Ok[m.Inventory] | Response:
    #     """get_inventory — GET /inventory"""
    #     raise NotImplementedError

    # async def put_inventory(
    #     self,
    #     *,
    #     body: m.Inventory,
    # ) -> m.Inventory | Ok[m.Inventory] | Response:
    #     """put_inventory — PUT /inventory"""
    #     raise NotImplementedError

    # async def set_prices(
    #     self,
    #     *,
    #     body: m.Prices,
    # ) -> m.Prices | Ok[m.Prices] | Response:
    #     """set_prices — POST /prices"""
    #     raise NotImplementedError

    # async def save_settings(
    #     self,
    #     *,
    #     body: m.Settings,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """save_settings — POST /settings"""
    #     raise NotImplementedError
