"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``. A handler returns what
its operation declares: the success body (a model), an answer class for another declared status
(``return NotFound(m.Error(...))``), or a ``fastapi.Response``; mypy checks it against the spec.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any, Literal

from fastapi import Response

from .. import models as m
from .base import (
    Created,
    NoContent,
    Ok,
    BaseHandlers,
    Credentials,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def create_event(
    #     self,
    #     *,
    #     body: m.Event,
    # ) -> m.Event | Created[m.Event] | Response:
    #     """create_event — POST /events"""
    #     raise NotImplementedError

    # async def list_events(
    #     self,
    #     *,
    #     color: Literal["red", "green", "blue"] | None = None,
    #     priority: Literal[1, 2, 3] | None = None,
    #     since: datetime.date | None = None,
    #     limit: int | None = 20,
    # ) -> list[m.Event] | Ok[list[m.Event]] | Response:
    #     """list_events — GET /events"""
    #     raise NotImplementedError

    # async def put_attachment(
    #     self,
    #     *,
    #     id_: uuid.UUID,
    #     body: bytes,
    # ) -> None | NoContent[None] | Response:
    #     """put_attachment — PUT /events/{id}/attachment"""
    #     raise NotImplementedError
