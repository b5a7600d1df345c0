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
    NotFound,
    Ok,
    BaseHandlers,
    Credentials,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def stream_ticks(
    #     self,
    #     *,
    #     count: int | None = 3,
    # ) -> str | m.Tick | Ok[str | m.Tick] | NotFound[str | m.Problem] | Response:
    #     """A tick every so often, as server-sent events — GET /ticks"""
    #     raise NotImplementedError

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
    # ) -> bytes | Ok[bytes] | NotFound[bytes | m.Problem] | Response:
    #     """Download a file — GET /files/{name}"""
    #     raise NotImplementedError

    # async def upload_file(
    #     self,
    #     *,
    #     name: str,
    #     body: bytes,
    # ) -> m.FileInfo | Created[m.FileInfo] | Response:
    #     """Upload a file — PUT /files/{name}"""
    #     raise NotImplementedError
