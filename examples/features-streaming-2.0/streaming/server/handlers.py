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

    # async def stream_ticks(
    #     self,
    #     *,
    #     count: int | None = 3,
    # ) -> Any:
    #     """A tick every so often, as server-sent events — GET /ticks"""
    #     return {}

    # async def chat(
    #     self,
    #     *,
    #     body: m.Prompt,
    # ) -> AsyncIterator[m.Chunk]:  # (from collections.abc import AsyncIterator)
    #     """Answer a prompt, chunk by chunk — POST /chat"""
    #     yield ...  # each event's data, as it comes

    # async def tail_logs(
    #     self,
    # ) -> AsyncIterator[str]:  # (from collections.abc import AsyncIterator)
    #     """Log lines as they are written — GET /logs"""
    #     yield ...  # each event's data, as it comes

    # async def download_file(
    #     self,
    #     *,
    #     name: str,
    # ) -> Any:
    #     """Download a file — GET /files/{name}"""
    #     return {}

    # async def upload_file(
    #     self,
    #     *,
    #     name: str,
    #     body: bytes,
    # ) -> Any:
    #     """Upload a file — PUT /files/{name}"""
    #     return {}
