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

    # async def find_things(
    #     self,
    #     *,
    #     kind: m.Kind,
    #     limit: int | None = 10,
    #     state: m.State | None = None,
    #     cursor: str | None = None,
    #     tag: list[m.Token] | None = None,
    #     x_trace: str | None = None,
    # ) -> Any:
    #     """find_things — GET /things/{kind}"""
    #     return {}

    # async def create_thing(
    #     self,
    #     *,
    #     kind: m.Kind,
    #     body: m.Thing,
    # ) -> Any:
    #     """create_thing — POST /things/{kind}"""
    #     return {}
