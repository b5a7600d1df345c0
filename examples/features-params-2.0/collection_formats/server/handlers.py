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

    # async def query_csv(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_csv — GET /csv"""
    #     raise NotImplementedError

    # async def query_ssv(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_ssv — GET /ssv"""
    #     raise NotImplementedError

    # async def query_tsv(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_tsv — GET /tsv"""
    #     raise NotImplementedError

    # async def query_pipes(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_pipes — GET /pipes"""
    #     raise NotImplementedError

    # async def query_multi(
    #     self,
    #     *,
    #     color: list[str],
    #     n: list[int] | None = None,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_multi — GET /multi"""
    #     raise NotImplementedError

    # async def header_csv(
    #     self,
    #     *,
    #     x_color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """header_csv — GET /header"""
    #     raise NotImplementedError

    # async def path_string(
    #     self,
    #     *,
    #     id_: str,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_string — GET /path/{id}"""
    #     raise NotImplementedError

    # async def form_csv(
    #     self,
    #     *,
    #     body: m.FormCsvBody,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """form_csv — POST /form"""
    #     raise NotImplementedError

    # async def upload_file(
    #     self,
    #     *,
    #     body: m.UploadFileBody,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """upload_file — POST /upload"""
    #     raise NotImplementedError
