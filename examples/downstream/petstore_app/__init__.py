"""A tiny application on top of the generated client (``petstore_client``, shipped in the same wheel)."""

from __future__ import annotations

from petstore_client import Client


def pet_names(base_url: str, api_key: str) -> list[str]:
    """The names of the first pets in the store."""
    with Client(base_url, api_key=api_key) as client:
        return [pet.name for pet in client.list_pets(limit=10)]
