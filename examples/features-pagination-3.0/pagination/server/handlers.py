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

    # async def list_pets(
    #     self,
    #     *,
    #     page_size: int | None = None,
    #     page_token: str | None = None,
    #     kind: str | None = None,
    # ) -> m.PetPage | Ok[m.PetPage] | Response:
    #     """Pets, a page at a time (inferred token pair pageToken -> nextPageToken) — GET /pets"""
    #     raise NotImplementedError

    # async def list_owners(
    #     self,
    #     *,
    #     offset: int | None = None,
    #     limit: int | None = None,
    # ) -> m.ListOwnersResponse | Ok[m.ListOwnersResponse] | Response:
    #     """Owners by offset (x-oagen-pagination, offset style) — GET /owners"""
    #     raise NotImplementedError

    # async def list_toys(
    #     self,
    #     *,
    #     page: int | None = 1,
    # ) -> m.ListToysResponse | Ok[m.ListToysResponse] | Response:
    #     """Toys by page number (x-fern-pagination, offset without step) — GET /toys"""
    #     raise NotImplementedError

    # async def list_vets(
    #     self,
    # ) -> m.ListVetsResponse | Ok[m.ListVetsResponse] | Response:
    #     """Vets by next link (x-ms-pageable) — GET /vets"""
    #     raise NotImplementedError

    # async def list_visits(
    #     self,
    #     *,
    #     per_page: int | None = None,
    # ) -> list[m.Visit] | Ok[list[m.Visit]] | Response:
    #     """Visits by Link header (inferred, RFC 8288 rel="next") — GET /visits"""
    #     raise NotImplementedError

    # async def list_charges(
    #     self,
    #     *,
    #     limit: int | None = None,
    #     starting_after: str | None = None,
    # ) -> m.ListChargesResponse | Ok[m.ListChargesResponse] | Response:
    #     """Charges after the last one's id (inferred, Stripe's starting_after + has_more) — GET /charges"""
    #     raise NotImplementedError

    # async def search_pets(
    #     self,
    #     *,
    #     body: m.SearchPetsBody,
    # ) -> m.SearchPetsResponse | Ok[m.SearchPetsResponse] | Response:
    #     """A search whose cursor is in the JSON body (inferred, body NextToken) — POST /search"""
    #     raise NotImplementedError

    # async def list_events(
    #     self,
    #     *,
    #     cursor: str | None = None,
    #     size: int | None = None,
    # ) -> m.ListEventsResponse | Ok[m.ListEventsResponse] | Response:
    #     """Events by cursor (x-speakeasy-pagination, the cursor nested in meta) — GET /events"""
    #     raise NotImplementedError

    # async def list_tags(
    #     self,
    #     *,
    #     page_token: str | None = None,
    # ) -> m.ListTagsResponse | Ok[m.ListTagsResponse] | Response:
    #     """Looks paginated, but the spec switches it off (x-oagen-pagination false) — GET /tags"""
    #     raise NotImplementedError

    # async def get_pet(
    #     self,
    #     *,
    #     pet_id: str,
    # ) -> m.Pet | Ok[m.Pet] | Response:
    #     """One pet (not paginated) — GET /pets/{petId}"""
    #     raise NotImplementedError
