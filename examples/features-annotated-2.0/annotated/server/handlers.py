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

    # async def list_items(
    #     self,
    # ) -> m.ListItemsOutput | Ok[m.ListItemsOutput] | Response:
    #     """list_items — GET /items"""
    #     raise NotImplementedError

    # async def put_item(
    #     self,
    #     *,
    #     body: m.Item,
    # ) -> m.Item | Ok[m.Item] | Response:
    #     """put_item — POST /items"""
    #     raise NotImplementedError

    # async def list_states(
    #     self,
    # ) -> list[m.State] | Ok[list[m.State]] | Response:
    #     """list_states — GET /states"""
    #     raise NotImplementedError
