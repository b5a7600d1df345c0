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

    # async def list_pets(
    #     self,
    #     *,
    #     page_size: int | None = None,
    #     page_token: str | None = None,
    #     kind: str | None = None,
    # ) -> Any:
    #     """Pets, a page at a time (inferred token pair pageToken -> nextPageToken) — GET /pets"""
    #     return {}

    # async def list_owners(
    #     self,
    #     *,
    #     offset: int | None = None,
    #     limit: int | None = None,
    # ) -> Any:
    #     """Owners by offset (x-oagen-pagination, offset style) — GET /owners"""
    #     return {}

    # async def list_toys(
    #     self,
    #     *,
    #     page: int | None = 1,
    # ) -> Any:
    #     """Toys by page number (x-fern-pagination, offset without step) — GET /toys"""
    #     return {}

    # async def list_vets(
    #     self,
    # ) -> Any:
    #     """Vets by next link (x-ms-pageable) — GET /vets"""
    #     return {}

    # async def list_visits(
    #     self,
    #     *,
    #     per_page: int | None = None,
    # ) -> Any:
    #     """Visits by Link header (inferred, RFC 8288 rel="next") — GET /visits"""
    #     return {}

    # async def list_charges(
    #     self,
    #     *,
    #     limit: int | None = None,
    #     starting_after: str | None = None,
    # ) -> Any:
    #     """Charges after the last one's id (inferred, Stripe's starting_after + has_more) — GET /charges"""
    #     return {}

    # async def search_pets(
    #     self,
    #     *,
    #     body: m.SearchPetsBody,
    # ) -> Any:
    #     """A search whose cursor is in the JSON body (inferred, body NextToken) — POST /search"""
    #     return {}

    # async def list_events(
    #     self,
    #     *,
    #     cursor: str | None = None,
    #     size: int | None = None,
    # ) -> Any:
    #     """Events by cursor (x-speakeasy-pagination, the cursor nested in meta) — GET /events"""
    #     return {}

    # async def list_tags(
    #     self,
    #     *,
    #     page_token: str | None = None,
    # ) -> Any:
    #     """Looks paginated, but the spec switches it off (x-oagen-pagination false) — GET /tags"""
    #     return {}

    # async def get_pet(
    #     self,
    #     *,
    #     pet_id: str,
    # ) -> Any:
    #     """One pet (not paginated) — GET /pets/{petId}"""
    #     return {}
