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
    Created,
    Ok,
    BaseHandlers,
    Credentials,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def get_tree(
    #     self,
    # ) -> m.TreeNode | Ok[m.TreeNode] | Response:
    #     """get_tree — GET /tree"""
    #     raise NotImplementedError

    # async def replace_tree(
    #     self,
    #     *,
    #     body: m.TreeNode,
    # ) -> m.TreeNode | Ok[m.TreeNode] | Response:
    #     """replace_tree — POST /tree"""
    #     raise NotImplementedError

    # async def add_company(
    #     self,
    #     *,
    #     body: m.Company,
    # ) -> m.Company | Created[m.Company] | Response:
    #     """add_company — POST /companies"""
    #     raise NotImplementedError

    # async def get_employee(
    #     self,
    #     *,
    #     id_: int,
    # ) -> m.Employee | Ok[m.Employee] | Response:
    #     """get_employee — GET /employees/{id}"""
    #     raise NotImplementedError
