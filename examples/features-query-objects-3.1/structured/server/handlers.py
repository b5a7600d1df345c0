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
    Ok,
    BaseHandlers,
    Credentials,
    Principal,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def authenticate_key(
    #     self, credential: str, scopes: tuple[str, ...], request: Request
    # ) -> Principal | None:
    #     """Scheme key: the principal, or None to refuse (401)."""
    #     return Principal(subject="someone", scopes=scopes)

    # async def get_tagged(
    #     self,
    #     *,
    #     tag: m.Tag | None = None,
    #     tags: list[m.Tag] | None = None,
    #     tag_list: list[m.Tag] | None = None,
    #     attributes: dict[str, str] | None = None,
    #     message_attributes: dict[str, m.Tag] | None = None,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_tagged — GET /tagged"""
    #     raise NotImplementedError

    # async def search(
    #     self,
    #     *,
    #     filter_: dict[str, Any] | None = None,
    #     page: m.Page | None = None,
    #     sort: str | None = None,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """search — GET /search"""
    #     raise NotImplementedError

    # async def free_form(
    #     self,
    #     *,
    #     q: dict[str, Any] | None = None,
    #     limit: int | None = None,
    #     credentials: Credentials = Credentials(),
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """free_form — GET /free-form"""
    #     raise NotImplementedError

    # async def map_form(
    #     self,
    #     *,
    #     attributes: dict[str, int] | None = None,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """map_form — GET /map-form"""
    #     raise NotImplementedError

    # async def list_by_range(
    #     self,
    #     *,
    #     created: int | m.Created2 | None = None,
    #     updated: int | m.Created2 | None = None,
    #     ids: str | list[str] | None = None,
    #     codes: int | list[int] | None = None,
    #     either: str | dict[str, Any] | None = None,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """list_by_range — GET /ranges"""
    #     raise NotImplementedError

    # async def get_nested(
    #     self,
    #     *,
    #     grid: list[list[int] | None] | None = None,
    #     lines: list[m.LinesParamItem] | None = None,
    #     props: list[dict[str, Any]] | None = None,
    #     f: m.Filter | None = None,
    #     x_tag: m.Tag | None = None,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_nested — GET /nested"""
    #     raise NotImplementedError

    # async def get_object(
    #     self,
    #     *,
    #     obj: m.Tag,
    #     either: str | dict[str, Any],
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_object — GET /objects/{obj}/{either}"""
    #     raise NotImplementedError
