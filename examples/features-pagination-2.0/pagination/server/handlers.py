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

    # async def list_pets(
    #     self,
    #     *,
    #     page_size: int | None = None,
    #     page_token: str | None = None,
    # ) -> m.PetPage | Ok[m.PetPage] | Response:
    #     """list_pets — GET /pets"""
    #     raise NotImplementedError

    # async def vets_list(
    #     self,
    # ) -> m.VetsListResponse | Ok[m.VetsListResponse] | Response:
    #     """vets_list — GET /vets"""
    #     raise NotImplementedError

    # async def vets_list_all(
    #     self,
    # ) -> m.VetsListAllResponse | Ok[m.VetsListAllResponse] | Response:
    #     """vets_list_all — GET /vets/all"""
    #     raise NotImplementedError

    # async def list_visits(
    #     self,
    #     *,
    #     page: int | None = None,
    # ) -> list[m.Pet] | Ok[list[m.Pet]] | Response:
    #     """list_visits — GET /visits"""
    #     raise NotImplementedError
