"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement; the others answer 501 Not Implemented.
"""

from __future__ import annotations

from typing import Any

from .base import BaseHandlers


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def list_things(self, **kwargs: Any) -> Any:
    #     """List things — GET /things"""
    #     return {}

    # async def create_thing(self, **kwargs: Any) -> Any:
    #     """Create a thing — POST /things"""
    #     return {}

    # async def get_thing(self, **kwargs: Any) -> Any:
    #     """Get a thing — GET /things/{thingId}"""
    #     return {}

    # async def delete_thing(self, **kwargs: Any) -> Any:
    #     """Delete a thing — DELETE /things/{thingId}"""
    #     return {}

    # async def submit_form(self, **kwargs: Any) -> Any:
    #     """Send a form — POST /forms"""
    #     return {}

    # async def upload_files(self, **kwargs: Any) -> Any:
    #     """Upload files with a note — POST /uploads"""
    #     return {}

    # async def put_blob(self, **kwargs: Any) -> Any:
    #     """Store bytes — PUT /blobs/{name}"""
    #     return {}

    # async def get_blob(self, **kwargs: Any) -> Any:
    #     """Read bytes — GET /blobs/{name}"""
    #     return {}

    # async def add_note(self, **kwargs: Any) -> Any:
    #     """Send text, get text — POST /notes"""
    #     return {}

    # async def get_report(self, **kwargs: Any) -> Any:
    #     """A report in JSON or XML — GET /report"""
    #     return {}
