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

    # async def get_resource(
    #     self,
    #     *,
    #     name: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_resource — GET /v1/{name}"""
    #     raise NotImplementedError

    # async def delete_resource(
    #     self,
    #     *,
    #     name: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """delete_resource — DELETE /v1/{name}"""
    #     raise NotImplementedError

    # async def generate_connect_manifest(
    #     self,
    #     *,
    #     name: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """generate_connect_manifest — POST /v1/{name}:generateConnectManifest"""
    #     raise NotImplementedError

    # async def get_iam_policy(
    #     self,
    #     *,
    #     resource: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_iam_policy — POST /v1/{resource}:getIamPolicy"""
    #     raise NotImplementedError

    # async def list_operations(
    #     self,
    #     *,
    #     parent: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """list_operations — GET /v1/{parent}/operations"""
    #     raise NotImplementedError

    # async def get_file(
    #     self,
    #     *,
    #     file: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_file — GET /files/{file}"""
    #     raise NotImplementedError

    # async def get_file_json(
    #     self,
    #     *,
    #     file: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_file_json — GET /files/{file}.json"""
    #     raise NotImplementedError

    # async def get_file_tarball(
    #     self,
    #     *,
    #     file: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_file_tarball — GET /files/{file}.tar.gz"""
    #     raise NotImplementedError

    # async def get_user(
    #     self,
    #     *,
    #     user_id: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_user — GET /users/{userId}"""
    #     raise NotImplementedError

    # async def get_me(
    #     self,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_me — GET /users/me"""
    #     raise NotImplementedError

    # async def get_job(
    #     self,
    #     *,
    #     job_id: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_job — GET /jobs/{jobId}"""
    #     raise NotImplementedError

    # async def describe_latest_job(
    #     self,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """describe_latest_job — GET /jobs/latest?Action=Describe"""
    #     raise NotImplementedError

    # async def cancel_latest_job(
    #     self,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """cancel_latest_job — GET /jobs/latest?Action=Cancel"""
    #     raise NotImplementedError

    # async def get_stage(
    #     self,
    #     *,
    #     arn: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_stage — GET /stages/{arn}"""
    #     raise NotImplementedError

    # async def get_key(
    #     self,
    #     *,
    #     key: str,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_key — GET /keys/{key}"""
    #     raise NotImplementedError

    # async def get_shelf(
    #     self,
    #     *,
    #     shelf: m.Shelf,
    # ) -> dict[str, Any] | Ok[dict[str, Any]] | Response:
    #     """get_shelf — GET /shelves/{shelf}"""
    #     raise NotImplementedError
