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
    Created,
    Ok,
    BaseHandlers,
    Credentials,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def add_shape(
    #     self,
    #     *,
    #     body: m.Shape,
    # ) -> m.Shape | Created[m.Shape] | Response:
    #     """add_shape — POST /shapes"""
    #     raise NotImplementedError

    # async def list_shapes(
    #     self,
    # ) -> list[m.Shape] | Ok[list[m.Shape]] | Response:
    #     """list_shapes — GET /shapes"""
    #     raise NotImplementedError

    # async def add_contact(
    #     self,
    #     *,
    #     body: m.Contact,
    # ) -> m.Contact | Ok[m.Contact] | Response:
    #     """add_contact — POST /contacts"""
    #     raise NotImplementedError

    # async def add_label(
    #     self,
    #     *,
    #     body: m.Label,
    # ) -> m.Label | Ok[m.Label] | Response:
    #     """add_label — POST /labels"""
    #     raise NotImplementedError
