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
``/path/``: a 404 there is not the operation's. The same holds for a form or multipart body
field declared as an array of plain strings (or files): Schemathesis sends ``tags=AAA`` as the
"incorrect type" string and as the valid one-item array ``["AAA"]`` alike (a form has no other
way to send one item; in multipart an object goes out as a JSON text part, the bytes of a valid
one-item array of files), and for ``format: binary`` negated in such a body (any bytes are binary).
Every other failure counts.
"""

from __future__ import annotations

import re
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
    if isinstance(failure, AcceptedNegativeData) and (
        _string_as_styled_string_array(case) or _string_as_form_string_array(case)
    ):
        return False
    return not (isinstance(failure, UndefinedStatusCode) and response.status_code == 404 and _dot_segment(case))


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


def _string_as_form_string_array(case: Any) -> bool:
    """A string sent for a form/multipart array field of plain strings (see the module docstring)."""
    data = getattr(getattr(case.meta, "phase", None), "data", None) if case.meta is not None else None
    media = str(case.media_type or "")
    if data is None or not media.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return False
    if not isinstance(case.body, dict):
        return False
    root = case.operation.schema.raw_schema
    mutations = getattr(data, "mutations", ())
    if mutations:
        # Fuzzing: every mutation must be one the wire cannot show.
        return all(_invisible(case, root, media, m) for m in mutations)
    description = str(getattr(data, "description", "")).lower()
    if "incorrect type" not in description:
        return False
    # Coverage: the mutated field is named by its pointer, '/properties/tags/type'.
    found = re.search(r"/properties/([^/ ]+)", str(getattr(data, "location", "")))
    return found is not None and _scalar_for_array(case, root, media, found.group(1))


def _invisible(case: Any, root: Any, media: str, mutation: Any) -> bool:
    """A type change of a plain string array field to a scalar, or ``format: binary`` negated
    (a form part's bytes are always binary): both leave the wire form valid."""
    name = str(getattr(mutation, "parameter", "") or "")
    keywords = tuple(getattr(mutation, "keywords", ()))
    if keywords == ("type",) and getattr(mutation, "original_value", None) == "array":
        return _scalar_for_array(case, root, media, name)
    if keywords == ("format",):
        prop = _form_property(case, root, media, name)
        return prop.get("format") == "binary" or prop.get("type") == "file"
    return False


def _scalar_for_array(case: Any, root: Any, media: str, name: str) -> bool:
    # In multipart an object goes out as one JSON part: the bytes of one (binary) item too.
    shapes = list if media.startswith("multipart/") else list | dict
    if name not in case.body or isinstance(case.body[name], shapes):
        return False
    return _plain_string_array(root, _form_property(case, root, media, name))


def _form_property(case: Any, root: Any, media: str, name: str) -> dict[str, Any]:
    raw = case.operation.definition.raw
    body = raw.get("requestBody")
    if isinstance(body, dict):
        content = _resolve(root, body).get("content", {})
        schema = _resolve(root, (content.get(media.split(";")[0]) or {}).get("schema", {}))
        return _resolve(root, schema.get("properties", {}).get(name, {}))
    for param in raw.get("parameters", ()):
        param = _resolve(root, param)
        if param.get("in") == "formData" and param.get("name") == name:
            return {k: v for k, v in param.items() if k in ("type", "items")}
    return {}


def _plain_string_array(root: Any, schema: dict[str, Any]) -> bool:
    items = _resolve(root, schema.get("items", {}))
    return schema.get("type") == "array" and items.get("type") in ("string", "file") \
        and set(items) <= {"type", "format", "description"} and items.get("format") in (None, "binary")
