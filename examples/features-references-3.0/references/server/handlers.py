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

    # async def find_things(
    #     self,
    #     *,
    #     kind: m.Kind,
    #     limit: int | None = 10,
    #     state: m.State | None = None,
    #     cursor: str | None = None,
    #     tag: list[m.Token] | None = None,
    #     x_trace: str | None = None,
    # ) -> list[m.Thing] | Ok[list[m.Thing]] | Response:
    #     """find_things — GET /things/{kind}"""
    #     raise NotImplementedError

    # async def create_thing(
    #     self,
    #     *,
    #     kind: m.Kind,
    #     body: m.Thing,
    # ) -> m.Thing | Ok[m.Thing] | Response:
    #     """create_thing — POST /things/{kind}"""
    #     raise NotImplementedError
