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

    # async def authenticate_hmac(
    #     self, credential: str, scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme hmac: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def get_caller_identity(
    #     self,
    #     *,
    #     credentials: Credentials = Credentials(),
    # ) -> m.GetCallerIdentityResponse | Ok[m.GetCallerIdentityResponse] | Forbidden[None] | Response:
    #     """get_caller_identity — GET /?Action=GetCallerIdentity&Version=2011-06-15"""
    #     raise NotImplementedError

    # async def post_get_caller_identity(
    #     self,
    #     *,
    #     body: m.PostGetCallerIdentityBody,
    #     credentials: Credentials = Credentials(),
    # ) -> None | Ok[None] | Forbidden[None] | Response:
    #     """post_get_caller_identity — POST /"""
    #     raise NotImplementedError
