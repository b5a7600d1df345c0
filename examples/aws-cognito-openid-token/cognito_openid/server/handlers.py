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

    # async def get_open_id_token(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     logins: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Open Id Token — GET /?Action=GetOpenIdToken"""
    #     raise NotImplementedError

    # async def get_open_id_token_for_developer_identity(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    #     logins: str | None = None,
    #     token_duration: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Open Id Token For Developer Identity — GET /?Action=GetOpenIdTokenForDeveloperIdentity"""
    #     raise NotImplementedError
