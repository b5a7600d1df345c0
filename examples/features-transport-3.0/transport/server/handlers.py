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
    Answer,
    Created,
    Ok,
    BaseHandlers,
    Credentials,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def list_things(
    #     self,
    #     *,
    #     request_options_2: str | None = None,
    # ) -> list[m.Thing] | list[m.StarredThing] | Ok[list[m.Thing] | list[m.StarredThing]] | Answer[m.Problem] | Response:
    #     """list_things — GET /things"""
    #     raise NotImplementedError

    # async def create_thing(
    #     self,
    #     *,
    #     body: m.Thing,
    # ) -> m.Thing | Created[m.Thing] | Answer[m.Problem] | Response:
    #     """create_thing — POST /things"""
    #     raise NotImplementedError

    # async def get_thing(
    #     self,
    #     *,
    #     id_: str,
    # ) -> m.Thing | Ok[m.Thing] | Answer[m.Problem] | Response:
    #     """get_thing — GET /things/{id}"""
    #     raise NotImplementedError
