"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any, Literal

from .. import models as m
from .base import BaseHandlers, Credentials


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def create_event(
    #     self,
    #     *,
    #     body: m.Event,
    # ) -> Any:
    #     """create_event — POST /events"""
    #     return {}

    # async def list_events(
    #     self,
    #     *,
    #     color: Literal["red", "green", "blue"] | None = None,
    #     priority: Literal[1, 2, 3] | None = None,
    #     since: datetime.date | None = None,
    #     limit: int | None = 20,
    # ) -> Any:
    #     """list_events — GET /events"""
    #     return {}

    # async def put_attachment(
    #     self,
    #     *,
    #     id_: uuid.UUID,
    #     body: bytes,
    # ) -> Any:
    #     """put_attachment — PUT /events/{id}/attachment"""
    #     return {}
