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
    Created,
    Ok,
    Unauthorized,
    BaseHandlers,
    Credentials,
    Principal,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def authenticate_oauth(
    #     self, credential: str, scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme oauth: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def list_things(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> list[m.Thing] | Ok[list[m.Thing]] | Unauthorized[None] | Response:
    #     """list_things — GET /things"""
    #     raise NotImplementedError

    # async def create_thing(
    #     self,
    #     *,
    #     body: m.Thing,
    #     credentials: Credentials = Credentials(),
    # ) -> m.Thing | Created[m.Thing] | Unauthorized[None] | Response:
    #     """create_thing — POST /things"""
    #     raise NotImplementedError

    # async def issue_token(
    #     self,
    #     *,
    #     body: m.IssueTokenBody,
    # ) -> m.IssueTokenResponse | Ok[m.IssueTokenResponse] | Response:
    #     """issue_token — POST /oauth/token"""
    #     raise NotImplementedError
