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
    ClientError,
    Created,
    NoContent,
    NotFound,
    Ok,
    BaseHandlers,
    Credentials,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def list_things(
    #     self,
    #     *,
    #     kind: m.Kind | None = None,
    # ) -> list[m.Thing] | Ok[list[m.Thing]] | Response:
    #     """List things — GET /things"""
    #     raise NotImplementedError

    # async def create_thing(
    #     self,
    #     *,
    #     body: m.Thing,
    # ) -> m.Thing | Created[m.Thing] | ClientError[m.Problem] | Response:
    #     """Create a thing — POST /things"""
    #     raise NotImplementedError

    # async def get_thing(
    #     self,
    #     *,
    #     thing_id: str,
    # ) -> m.Thing | Ok[m.Thing] | NotFound[m.NotFound] | Answer[m.Problem] | Response:
    #     """Get a thing — GET /things/{thingId}"""
    #     raise NotImplementedError

    # async def delete_thing(
    #     self,
    #     *,
    #     thing_id: str,
    # ) -> None | NoContent[None] | NotFound[m.NotFound] | Response:
    #     """Delete a thing — DELETE /things/{thingId}"""
    #     raise NotImplementedError

    # async def submit_form(
    #     self,
    #     *,
    #     body: m.SubmitFormBody,
    # ) -> m.Received | Ok[m.Received] | Response:
    #     """Send a form — POST /forms"""
    #     raise NotImplementedError

    # async def upload_files(
    #     self,
    #     *,
    #     body: m.UploadFilesBody,
    # ) -> m.Received | Ok[m.Received] | Response:
    #     """Upload files with a note — POST /uploads"""
    #     raise NotImplementedError

    # async def put_blob(
    #     self,
    #     *,
    #     name: str,
    #     body: bytes,
    # ) -> None | NoContent[None] | Response:
    #     """Store bytes — PUT /blobs/{name}"""
    #     raise NotImplementedError

    # async def get_blob(
    #     self,
    #     *,
    #     name: str,
    # ) -> bytes | Ok[bytes] | Response:
    #     """Read bytes — GET /blobs/{name}"""
    #     raise NotImplementedError

    # async def add_note(
    #     self,
    #     *,
    #     body: str | None = None,
    # ) -> str | Ok[str] | Response:
    #     """Send text, get text — POST /notes"""
    #     raise NotImplementedError

    # async def get_report(
    #     self,
    # ) -> m.Report | Ok[m.Report] | Response:
    #     """A report in JSON or XML — GET /report"""
    #     raise NotImplementedError
