"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``. A handler returns what
its operation declares: the success body (a model), an answer class for another declared status
(``return NotFound(m.Error(...))``), or a ``fastapi.Response``; mypy checks it against the spec.
"""

from __future__ import annotations

import datetime
import uuid
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

    # async def path_simple(
    #     self,
    #     *,
    #     color: str,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_simple — GET /path/simple/{color}"""
    #     raise NotImplementedError

    # async def path_simple_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_simple_array — GET /path/simple-array/{color}"""
    #     raise NotImplementedError

    # async def path_simple_array_explode(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_simple_array_explode — GET /path/simple-array-explode/{color}"""
    #     raise NotImplementedError

    # async def path_simple_object(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_simple_object — GET /path/simple-object/{color}"""
    #     raise NotImplementedError

    # async def path_simple_object_explode(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_simple_object_explode — GET /path/simple-object-explode/{color}"""
    #     raise NotImplementedError

    # async def path_label(
    #     self,
    #     *,
    #     color: str,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_label — GET /path/label/{color}"""
    #     raise NotImplementedError

    # async def path_label_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_label_array — GET /path/label-array/{color}"""
    #     raise NotImplementedError

    # async def path_label_array_explode(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_label_array_explode — GET /path/label-array-explode/{color}"""
    #     raise NotImplementedError

    # async def path_label_object(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_label_object — GET /path/label-object/{color}"""
    #     raise NotImplementedError

    # async def path_label_object_explode(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_label_object_explode — GET /path/label-object-explode/{color}"""
    #     raise NotImplementedError

    # async def path_matrix(
    #     self,
    #     *,
    #     color: str,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_matrix — GET /path/matrix/{color}"""
    #     raise NotImplementedError

    # async def path_matrix_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_matrix_array — GET /path/matrix-array/{color}"""
    #     raise NotImplementedError

    # async def path_matrix_array_explode(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_matrix_array_explode — GET /path/matrix-array-explode/{color}"""
    #     raise NotImplementedError

    # async def path_matrix_object(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_matrix_object — GET /path/matrix-object/{color}"""
    #     raise NotImplementedError

    # async def path_matrix_object_explode(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """path_matrix_object_explode — GET /path/matrix-object-explode/{color}"""
    #     raise NotImplementedError

    # async def query_form(
    #     self,
    #     *,
    #     color: str,
    #     count: int | None = None,
    #     flag: bool | None = None,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_form — GET /query/form"""
    #     raise NotImplementedError

    # async def query_form_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_form_array — GET /query/form-array"""
    #     raise NotImplementedError

    # async def query_form_array_explode(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_form_array_explode — GET /query/form-array-explode"""
    #     raise NotImplementedError

    # async def query_form_object(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_form_object — GET /query/form-object"""
    #     raise NotImplementedError

    # async def query_form_object_explode(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_form_object_explode — GET /query/form-object-explode"""
    #     raise NotImplementedError

    # async def query_space_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_space_array — GET /query/space-array"""
    #     raise NotImplementedError

    # async def query_pipe_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_pipe_array — GET /query/pipe-array"""
    #     raise NotImplementedError

    # async def query_deep_object(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_deep_object — GET /query/deep-object"""
    #     raise NotImplementedError

    # async def query_reserved(
    #     self,
    #     *,
    #     q: str,
    #     raw: str | None = None,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """query_reserved — GET /query/reserved"""
    #     raise NotImplementedError

    # async def header_simple(
    #     self,
    #     *,
    #     x_color: str,
    #     x_colors: list[str] | None = None,
    #     x_rgb: m.Rgb | None = None,
    #     x_rgb_explode: m.Rgb | None = None,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """header_simple — GET /header"""
    #     raise NotImplementedError

    # async def cookie_form(
    #     self,
    #     *,
    #     color: str,
    #     colors: list[str] | None = None,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """cookie_form — GET /cookie"""
    #     raise NotImplementedError

    # async def get_item(
    #     self,
    #     *,
    #     item_id: str,
    #     item_id_2: str | None = None,
    #     limit: int | None = 10,
    #     status: m.Status | None = None,
    #     since: datetime.datetime | None = None,
    #     x_trace_id: uuid.UUID | None = None,
    # ) -> m.Echo | Ok[m.Echo] | Response:
    #     """Path, query and header parameters together; optional ones are left out when None — GET /items/{itemId}"""
    #     raise NotImplementedError
