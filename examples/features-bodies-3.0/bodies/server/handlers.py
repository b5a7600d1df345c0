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

    # async def list_things(
    #     self,
    #     *,
    #     kind: m.Kind | None = None,
    # ) -> Any:
    #     """List things — GET /things"""
    #     return {}

    # async def create_thing(
    #     self,
    #     *,
    #     body: m.Thing,
    # ) -> Any:
    #     """Create a thing — POST /things"""
    #     return {}

    # async def get_thing(
    #     self,
    #     *,
    #     thing_id: str,
    # ) -> Any:
    #     """Get a thing — GET /things/{thingId}"""
    #     return {}

    # async def delete_thing(
    #     self,
    #     *,
    #     thing_id: str,
    # ) -> Any:
    #     """Delete a thing — DELETE /things/{thingId}"""
    #     return {}

    # async def submit_form(
    #     self,
    #     *,
    #     body: m.SubmitFormBody,
    # ) -> Any:
    #     """Send a form — POST /forms"""
    #     return {}

    # async def upload_files(
    #     self,
    #     *,
    #     body: m.UploadFilesBody,
    # ) -> Any:
    #     """Upload files with a note — POST /uploads"""
    #     return {}

    # async def put_blob(
    #     self,
    #     *,
    #     name: str,
    #     body: bytes,
    # ) -> Any:
    #     """Store bytes — PUT /blobs/{name}"""
    #     return {}

    # async def get_blob(
    #     self,
    #     *,
    #     name: str,
    # ) -> Any:
    #     """Read bytes — GET /blobs/{name}"""
    #     return {}

    # async def add_note(
    #     self,
    #     *,
    #     body: str | None = None,
    # ) -> Any:
    #     """Send text, get text — POST /notes"""
    #     return {}

    # async def get_report(
    #     self,
    # ) -> Any:
    #     """A report in JSON or XML — GET /report"""
    #     return {}
