"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``. A handler returns what
its operation declares: the success body (a model), an answer class for another declared status
(``return NotFound(m.Error(...))``), or a ``fastapi.Response``; mypy checks it against the spec.
Override a security hook (``authenticate_<scheme>``, see ``base.py``) to check credentials.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import Request, Response

from .. import models as m
from .base import (
    Forbidden,
    Ok,
    BaseHandlers,
    Credentials,
    Principal,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def authenticate_sigv4(
    #     self, credential: str, scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme sigv4: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def get_item(
    #     self,
    #     *,
    #     item_id: str,
    #     filter_: str | None = None,
    #     tags: list[str] | None = None,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Item | Ok[m.Item] | Forbidden[None] | Response:
    #     """get_item — GET /items/{itemId}"""
    #     raise NotImplementedError

    # async def put_item(
    #     self,
    #     *,
    #     item_id: str,
    #     x_amz_meta_note: str | None = None,
    #     body: m.Item,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Item | Ok[m.Item] | Forbidden[None] | Response:
    #     """put_item — PUT /items/{itemId}"""
    #     raise NotImplementedError
