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

    # async def get_resource(
    #     self,
    #     *,
    #     name: str,
    # ) -> Any:
    #     """get_resource — GET /v1/{name}"""
    #     return {}

    # async def delete_resource(
    #     self,
    #     *,
    #     name: str,
    # ) -> Any:
    #     """delete_resource — DELETE /v1/{name}"""
    #     return {}

    # async def generate_connect_manifest(
    #     self,
    #     *,
    #     name: str,
    # ) -> Any:
    #     """generate_connect_manifest — POST /v1/{name}:generateConnectManifest"""
    #     return {}

    # async def get_iam_policy(
    #     self,
    #     *,
    #     resource: str,
    # ) -> Any:
    #     """get_iam_policy — POST /v1/{resource}:getIamPolicy"""
    #     return {}

    # async def list_operations(
    #     self,
    #     *,
    #     parent: str,
    # ) -> Any:
    #     """list_operations — GET /v1/{parent}/operations"""
    #     return {}

    # async def get_file(
    #     self,
    #     *,
    #     file: str,
    # ) -> Any:
    #     """get_file — GET /files/{file}"""
    #     return {}

    # async def get_file_json(
    #     self,
    #     *,
    #     file: str,
    # ) -> Any:
    #     """get_file_json — GET /files/{file}.json"""
    #     return {}

    # async def get_file_tarball(
    #     self,
    #     *,
    #     file: str,
    # ) -> Any:
    #     """get_file_tarball — GET /files/{file}.tar.gz"""
    #     return {}

    # async def get_user(
    #     self,
    #     *,
    #     user_id: str,
    # ) -> Any:
    #     """get_user — GET /users/{userId}"""
    #     return {}

    # async def get_me(
    #     self,
    # ) -> Any:
    #     """get_me — GET /users/me"""
    #     return {}

    # async def get_job(
    #     self,
    #     *,
    #     job_id: str,
    # ) -> Any:
    #     """get_job — GET /jobs/{jobId}"""
    #     return {}

    # async def describe_latest_job(
    #     self,
    # ) -> Any:
    #     """describe_latest_job — GET /jobs/latest?Action=Describe"""
    #     return {}

    # async def cancel_latest_job(
    #     self,
    # ) -> Any:
    #     """cancel_latest_job — GET /jobs/latest?Action=Cancel"""
    #     return {}

    # async def get_stage(
    #     self,
    #     *,
    #     arn: str,
    # ) -> Any:
    #     """get_stage — GET /stages/{arn}"""
    #     return {}

    # async def get_key(
    #     self,
    #     *,
    #     key: str,
    # ) -> Any:
    #     """get_key — GET /keys/{key}"""
    #     return {}

    # async def get_shelf(
    #     self,
    #     *,
    #     shelf: Literal["top/left", "top/right", "a.b", "c:d"],
    # ) -> Any:
    #     """get_shelf — GET /shelves/{shelf}"""
    #     return {}
