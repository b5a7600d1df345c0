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

    # async def create_document(
    #     self,
    #     *,
    #     body: m.Document,
    # ) -> m.Document | Created[m.Document] | Response:
    #     """create_document — POST /documents"""
    #     raise NotImplementedError

    # async def get_report(
    #     self,
    #     *,
    #     id_: str,
    # ) -> m.Report | Ok[m.Report] | Response:
    #     """get_report — GET /reports/{id}"""
    #     raise NotImplementedError

    # async def put_dog(
    #     self,
    #     *,
    #     body: m.Dog,
    # ) -> m.Dog | Ok[m.Dog] | Response:
    #     """put_dog — PUT /animals"""
    #     raise NotImplementedError

    # async def list_animals(
    #     self,
    # ) -> list[m.Animal] | Ok[list[m.Animal]] | Response:
    #     """list_animals — GET /animals"""
    #     raise NotImplementedError
