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

    # async def get_tree(
    #     self,
    # ) -> Any:
    #     """get_tree — GET /tree"""
    #     return {}

    # async def replace_tree(
    #     self,
    #     *,
    #     body: m.TreeNode,
    # ) -> Any:
    #     """replace_tree — POST /tree"""
    #     return {}

    # async def add_company(
    #     self,
    #     *,
    #     body: m.Company,
    # ) -> Any:
    #     """add_company — POST /companies"""
    #     return {}

    # async def get_employee(
    #     self,
    #     *,
    #     id_: int,
    # ) -> Any:
    #     """get_employee — GET /employees/{id}"""
    #     return {}
