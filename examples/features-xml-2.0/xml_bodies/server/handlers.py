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

    # async def add_pet(
    #     self,
    #     *,
    #     body: m.Pet,
    # ) -> m.Pet | Ok[m.Pet] | Response:
    #     """add_pet — POST /pets"""
    #     raise NotImplementedError

    # async def get_pet(
    #     self,
    #     *,
    #     pet_id: int,
    # ) -> m.Pet | Ok[m.Pet] | Response:
    #     """get_pet — GET /pets/{petId}"""
    #     raise NotImplementedError
