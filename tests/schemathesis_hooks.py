"""Schemathesis hooks for the generated-server fuzz tests (loaded through ``SCHEMATHESIS_HOOKS``).

Two policies, stated once. First: a 4xx answer to a request that Schemathesis itself generated as
invalid (negative mode) is the right answer even when the spec documents no 4xx response for
the operation. Schemathesis then reports "undocumented status code", which is a gap in the spec
(the seed spec documents only ``200``), not a fault of the server.

Second, one narrow exclusion where Schemathesis is demonstrably wrong: for a path parameter in
``label`` or ``matrix`` style whose schema is an array of unconstrained strings, Schemathesis's
"incorrect type" mutation replaces the array with a string ``"AAA"`` and serializes it as
``.AAA`` / ``;color=AAA`` -- byte for byte the label/matrix form of the valid array ``["AAA"]``
(Schemathesis's own wire-ambiguity filter knows only the simple style's ``,``). No server can
reject it, so accepting it is not a failure. Likewise a label array holding ``"."`` goes out as
``/path/label-array/..``: Schemathesis leaves the dots unencoded (it encodes them as ``%2E`` only in
simple style), the HTTP client removes the dot segment (RFC 3986, 5.2.4) and the request reaches
``/path/``: a 404 there is not the operation's. Every other failure counts.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis.core.failures import AcceptedNegativeData
from schemathesis.openapi.checks import UndefinedStatusCode


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keep every failure except an undocumented 4xx answering a negative (invalid) request."""
    if isinstance(failure, UndefinedStatusCode) and 400 <= response.status_code < 500:
        meta = case.meta
        if meta is not None and meta.generation.mode.is_negative:
            return False
    if isinstance(failure, AcceptedNegativeData) and _string_as_styled_string_array(case):
        return False
    if isinstance(failure, UndefinedStatusCode) and response.status_code == 404 and _dot_segment(case):
        return False
    return True


def _dot_segment(case: Any) -> bool:
    """The path Schemathesis built has a '.' or '..' segment (removed before it is sent)."""
    return any(segment in (".", "..") for segment in str(case.formatted_path).split("/"))


def _string_as_styled_string_array(case: Any) -> bool:
    """A string sent for a label/matrix path array of plain strings (see the module docstring)."""
    data = getattr(getattr(case.meta, "phase", None), "data", None) if case.meta is not None else None
    if data is None or str(getattr(data, "parameter_location", "")) not in ("path", "ParameterLocation.PATH"):
        return False
    description = str(getattr(data, "description", "")).lower()
    if "incorrect type" not in description and "was array, became" not in description:
        return False
    name = data.parameter
    for param in getattr(case.operation, "path_parameters", ()):
        definition = getattr(param, "definition", {})
        if definition.get("name") != name or definition.get("style") not in ("label", "matrix"):
            continue
        schema = _resolve(case.operation.schema.raw_schema, definition.get("schema", {}))
        items = _resolve(case.operation.schema.raw_schema, schema.get("items", {}))
        plain = set(items) <= {"type", "description"} and items.get("type") == "string"
        value = (case.path_parameters or {}).get(name)
        # A scalar (string, number, boolean) reads as the one-item array of its text.
        return schema.get("type") == "array" and set(schema) <= {"type", "items", "description"} and plain \
            and isinstance(value, str | int | float) and str(value) != ""
    return False


def _resolve(root: Any, schema: Any) -> Any:
    for _ in range(20):
        if not (isinstance(schema, dict) and isinstance(schema.get("$ref"), str)):
            break
        node = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        schema = node
    return schema if isinstance(schema, dict) else {}
