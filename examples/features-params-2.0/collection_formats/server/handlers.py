"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement; the others answer 501 Not Implemented.
"""

from __future__ import annotations

from typing import Any

from .base import BaseHandlers


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def query_csv(self, **kwargs: Any) -> Any:
    #     """query_csv — GET /csv"""
    #     return {}

    # async def query_ssv(self, **kwargs: Any) -> Any:
    #     """query_ssv — GET /ssv"""
    #     return {}

    # async def query_tsv(self, **kwargs: Any) -> Any:
    #     """query_tsv — GET /tsv"""
    #     return {}

    # async def query_pipes(self, **kwargs: Any) -> Any:
    #     """query_pipes — GET /pipes"""
    #     return {}

    # async def query_multi(self, **kwargs: Any) -> Any:
    #     """query_multi — GET /multi"""
    #     return {}

    # async def header_csv(self, **kwargs: Any) -> Any:
    #     """header_csv — GET /header"""
    #     return {}

    # async def path_string(self, **kwargs: Any) -> Any:
    #     """path_string — GET /path/{id}"""
    #     return {}

    # async def form_csv(self, **kwargs: Any) -> Any:
    #     """form_csv — POST /form"""
    #     return {}

    # async def upload_file(self, **kwargs: Any) -> Any:
    #     """upload_file — POST /upload"""
    #     return {}
