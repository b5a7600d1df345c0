"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any, Literal

from .. import models as m
from .base import BaseHandlers, Credentials


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def path_simple(
    #     self,
    #     *,
    #     color: str,
    # ) -> Any:
    #     """path_simple — GET /path/simple/{color}"""
    #     return {}

    # async def path_simple_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """path_simple_array — GET /path/simple-array/{color}"""
    #     return {}

    # async def path_simple_array_explode(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """path_simple_array_explode — GET /path/simple-array-explode/{color}"""
    #     return {}

    # async def path_simple_object(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> Any:
    #     """path_simple_object — GET /path/simple-object/{color}"""
    #     return {}

    # async def path_simple_object_explode(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> Any:
    #     """path_simple_object_explode — GET /path/simple-object-explode/{color}"""
    #     return {}

    # async def path_label(
    #     self,
    #     *,
    #     color: str,
    # ) -> Any:
    #     """path_label — GET /path/label/{color}"""
    #     return {}

    # async def path_label_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """path_label_array — GET /path/label-array/{color}"""
    #     return {}

    # async def path_label_array_explode(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """path_label_array_explode — GET /path/label-array-explode/{color}"""
    #     return {}

    # async def path_label_object(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> Any:
    #     """path_label_object — GET /path/label-object/{color}"""
    #     return {}

    # async def path_label_object_explode(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> Any:
    #     """path_label_object_explode — GET /path/label-object-explode/{color}"""
    #     return {}

    # async def path_matrix(
    #     self,
    #     *,
    #     color: str,
    # ) -> Any:
    #     """path_matrix — GET /path/matrix/{color}"""
    #     return {}

    # async def path_matrix_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """path_matrix_array — GET /path/matrix-array/{color}"""
    #     return {}

    # async def path_matrix_array_explode(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """path_matrix_array_explode — GET /path/matrix-array-explode/{color}"""
    #     return {}

    # async def path_matrix_object(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> Any:
    #     """path_matrix_object — GET /path/matrix-object/{color}"""
    #     return {}

    # async def path_matrix_object_explode(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> Any:
    #     """path_matrix_object_explode — GET /path/matrix-object-explode/{color}"""
    #     return {}

    # async def query_form(
    #     self,
    #     *,
    #     color: str,
    #     count: int | None = None,
    #     flag: bool | None = None,
    # ) -> Any:
    #     """query_form — GET /query/form"""
    #     return {}

    # async def query_form_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """query_form_array — GET /query/form-array"""
    #     return {}

    # async def query_form_array_explode(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """query_form_array_explode — GET /query/form-array-explode"""
    #     return {}

    # async def query_form_object(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> Any:
    #     """query_form_object — GET /query/form-object"""
    #     return {}

    # async def query_form_object_explode(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> Any:
    #     """query_form_object_explode — GET /query/form-object-explode"""
    #     return {}

    # async def query_space_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """query_space_array — GET /query/space-array"""
    #     return {}

    # async def query_pipe_array(
    #     self,
    #     *,
    #     color: list[str],
    # ) -> Any:
    #     """query_pipe_array — GET /query/pipe-array"""
    #     return {}

    # async def query_deep_object(
    #     self,
    #     *,
    #     color: m.Rgb,
    # ) -> Any:
    #     """query_deep_object — GET /query/deep-object"""
    #     return {}

    # async def query_reserved(
    #     self,
    #     *,
    #     q: str,
    #     raw: str | None = None,
    # ) -> Any:
    #     """query_reserved — GET /query/reserved"""
    #     return {}

    # async def header_simple(
    #     self,
    #     *,
    #     x_color: str,
    #     x_colors: list[str] | None = None,
    #     x_rgb: m.Rgb | None = None,
    #     x_rgb_explode: m.Rgb | None = None,
    # ) -> Any:
    #     """header_simple — GET /header"""
    #     return {}

    # async def cookie_form(
    #     self,
    #     *,
    #     color: str,
    #     colors: list[str] | None = None,
    # ) -> Any:
    #     """cookie_form — GET /cookie"""
    #     return {}

    # async def get_item(
    #     self,
    #     *,
    #     item_id: str,
    #     item_id_2: str | None = None,
    #     limit: int | None = 10,
    #     status: m.Status | None = None,
    #     since: datetime.datetime | None = None,
    #     x_trace_id: uuid.UUID | None = None,
    # ) -> Any:
    #     """Path, query and header parameters together; optional ones are left out when None — GET /items/{itemId}"""
    #     return {}
