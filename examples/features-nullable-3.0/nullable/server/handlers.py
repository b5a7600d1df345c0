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

    # async def get_profile(
    #     self,
    #     *,
    #     id_: int,
    # ) -> m.Profile | Ok[m.Profile] | Response:
    #     """get_profile — GET /profiles/{id}"""
    #     raise NotImplementedError

    # async def put_profile(
    #     self,
    #     *,
    #     id_: int,
    #     body: m.Profile,
    # ) -> m.Profile | Ok[m.Profile] | Response:
    #     """put_profile — PUT /profiles/{id}"""
    #     raise NotImplementedError

    # async def get_person(
    #     self,
    #     *,
    #     id_: int,
    # ) -> m.Person | Ok[m.Person] | Response:
    #     """get_person — GET /people/{id}"""
    #     raise NotImplementedError
