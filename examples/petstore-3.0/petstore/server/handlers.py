"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``. A handler returns what
its operation declares: the success body (a model), an answer class for another declared status
(``return NotFound(m.Error(...))``), or a ``fastapi.Response``; mypy checks it against the spec.
Override a security hook (``authenticate_<scheme>``, see ``base.py``) to check credentials.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from fastapi import Request, Response

from .. import models as m
from .base import (
    Answer,
    Created,
    NoContent,
    Ok,
    BaseHandlers,
    Credentials,
    Principal,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def authenticate_api_key(
    #     self, credential: str, scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme api_key: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def list_pets(
    #     self,
    #     *,
    #     limit: int | None = None,
    #     tags: list[str] | None = None,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Pets | Ok[m.Pets] | Answer[m.Error] | Response:
    #     """List all pets — GET /pets"""
    #     raise NotImplementedError

    # async def create_pet(
    #     self,
    #     *,
    #     body: m.Pet,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Pet | Created[m.Pet] | Answer[m.Error] | Response:
    #     """Create a pet — POST /pets"""
    #     raise NotImplementedError

    # async def show_pet_by_id(
    #     self,
    #     *,
    #     pet_id: str,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Pet | Ok[m.Pet] | Answer[m.Error] | Response:
    #     """Info for a specific pet — GET /pets/{petId}"""
    #     raise NotImplementedError

    # async def delete_pet(
    #     self,
    #     *,
    #     pet_id: str,
    #     x_request_id: uuid.UUID | None = None,
    # ) -> None | NoContent[None] | Response:
    #     """Delete a pet — DELETE /pets/{petId}"""
    #     raise NotImplementedError
