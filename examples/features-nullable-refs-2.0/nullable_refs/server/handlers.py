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

    # async def get_issue(
    #     self,
    #     *,
    #     number: int,
    # ) -> Any:
    #     """get_issue — GET /issues/{number}"""
    #     return {}

    # async def put_issue(
    #     self,
    #     *,
    #     number: int,
    #     body: m.Issue,
    # ) -> Any:
    #     """put_issue — PUT /issues/{number}"""
    #     return {}

    # async def get_assignee(
    #     self,
    #     *,
    #     number: int,
    # ) -> Any:
    #     """get_assignee — GET /issues/{number}/assignee"""
    #     return {}
