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

    # async def query_csv(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """query_csv — GET /csv"""
    #     return {}

    # async def query_ssv(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """query_ssv — GET /ssv"""
    #     return {}

    # async def query_tsv(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """query_tsv — GET /tsv"""
    #     return {}

    # async def query_pipes(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """query_pipes — GET /pipes"""
    #     return {}

    # async def query_multi(
    #     self,
    #     *,
    #     color: list[str],
    #     n: list[int] | None = None,
    # ) -> Any:
    #     """query_multi — GET /multi"""
    #     return {}

    # async def header_csv(
    #     self,
    #     *,
    #     x_color: list[str],
    # ) -> Any:
    #     """header_csv — GET /header"""
    #     return {}

    # async def path_string(
    #     self,
    #     *,
    #     id_: str,
    # ) -> Any:
    #     """path_string — GET /path/{id}"""
    #     return {}

    # async def form_csv(
    #     self,
    #     *,
    #     body: m.FormCsvBody,
    # ) -> Any:
    #     """form_csv — POST /form"""
    #     return {}

    # async def upload_file(
    #     self,
    #     *,
    #     body: m.UploadFileBody,
    # ) -> Any:
    #     """upload_file — POST /upload"""
    #     return {}
