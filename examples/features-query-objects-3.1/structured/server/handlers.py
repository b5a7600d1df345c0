"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``.
"""

from __future__ import annotations

from typing import Any, Literal

from .. import models as m
from .base import BaseHandlers, Credentials


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def get_tagged(
    #     self,
    #     *,
    #     tag: m.Tag | None = None,
    #     tags: list[m.Tag] | None = None,
    #     tag_list: list[m.Tag] | None = None,
    #     attributes: dict[str, str] | None = None,
    #     message_attributes: dict[str, m.Tag] | None = None,
    # ) -> Any:
    #     """get_tagged — GET /tagged"""
    #     return {}

    # async def search(
    #     self,
    #     *,
    #     filter_: dict[str, Any] | None = None,
    #     page: m.Page | None = None,
    #     sort: str | None = None,
    # ) -> Any:
    #     """search — GET /search"""
    #     return {}

    # async def free_form(
    #     self,
    #     *,
    #     q: dict[str, Any] | None = None,
    #     limit: int | None = None,
    #     credentials: Credentials = Credentials(),
    # ) -> Any:
    #     """free_form — GET /free-form"""
    #     return {}

    # async def map_form(
    #     self,
    #     *,
    #     attributes: dict[str, int] | None = None,
    # ) -> Any:
    #     """map_form — GET /map-form"""
    #     return {}

    # async def list_by_range(
    #     self,
    #     *,
    #     created: int | m.Created2 | None = None,
    #     updated: int | m.Created2 | None = None,
    #     ids: str | list[str] | None = None,
    #     codes: int | list[int] | None = None,
    #     either: str | dict[str, Any] | None = None,
    # ) -> Any:
    #     """list_by_range — GET /ranges"""
    #     return {}

    # async def get_nested(
    #     self,
    #     *,
    #     grid: list[list[int] | None] | None = None,
    #     lines: list[m.LinesParamItem] | None = None,
    #     props: list[dict[str, Any]] | None = None,
    #     f: m.Filter | None = None,
    #     x_tag: m.Tag | None = None,
    # ) -> Any:
    #     """get_nested — GET /nested"""
    #     return {}

    # async def get_object(
    #     self,
    #     *,
    #     obj: m.Tag,
    #     either: str | dict[str, Any],
    # ) -> Any:
    #     """get_object — GET /objects/{obj}/{either}"""
    #     return {}
