"""Schemathesis hooks for the generated-server fuzz tests (loaded through ``SCHEMATHESIS_HOOKS``).

Each rule below drops one kind of failure for one stated reason, and no wider. Every other
failure counts.

1. An undocumented 400 or 422 answering a request Schemathesis generated as invalid (negative
   mode). Those are the statuses the generated server gives a request that breaks the spec; a
   spec that documents no error response (the seed spec documents only ``200``) leaves them
   undocumented, a gap in the spec and not a fault of the server. Likewise an undocumented 401
   or 403 when the negative request withheld the credentials: it presented, for no alternative
   of the operation's ``security``, the credentials the test configured
   (``OAGEN_TEST_SCHEME_CREDENTIALS``, what each scheme's credential looks like on the wire).
   Any other 4xx (a 404 or a 405 for an operation that exists, a 415, ...) counts.

2. A label or matrix path parameter whose schema is an array of unconstrained strings:
   Schemathesis's "incorrect type" mutation replaces the array with a string ``"AAA"`` and
   serializes it as ``.AAA`` / ``;color=AAA`` -- byte for byte the label/matrix form of the valid
   array ``["AAA"]`` (Schemathesis's own wire-ambiguity filter knows only the simple style's
   ``,``). No server can reject it, so accepting it is not a failure.

3. A 404 for a request whose path Schemathesis built with a ``.`` or ``..`` segment that the
   HTTP client removed before sending (RFC 3986, 5.2.4), so the request reached another path:
   for an invalid request, any such segment; for a valid one, only the whole value of a
   label-style path parameter. That is Schemathesis's defect: the label form of the valid array
   ``["."]`` is ``..`` (RFC 6570 leaves ``.`` unencoded), and Schemathesis sends it as it is
   (it encodes dots as ``%2E`` only in simple style), so no server can receive it. A valid
   request sent as built that gets a 404 counts.

4. A form or multipart body field declared as an array of plain strings (or files) that a
   one-item array satisfies (array-level ``minItems`` at most 1, ``maxItems`` at least 1;
   ``uniqueItems`` holds for one item): Schemathesis sends ``tags=AAA`` as the "incorrect type"
   string and as the valid array ``["AAA"]`` alike (a form has no other way to send one item; in
   multipart an object goes out as a JSON text part, the bytes of a valid one-item array of
   files); and ``format: binary`` negated in such a body (any bytes are binary).

5. "SSE event violates schema" (ST108 on a ``text/event-stream`` answer): Schemathesis validates
   each event as the object ``{"data", "event", "id", "retry"}`` against the media type's schema
   (OpenAPI 3.2's ``itemSchema`` reading), while oagen, like the OpenAPI 3.0/3.1 specs that declare
   event streams, reads that schema as the type of each event's ``data`` (or of its ``items``):
   the two readings cannot both hold for one schema. tests/test_streaming_live.py and
   tests/test_runtime_server_streaming.py check the mock's events against the data schema.
6. "Wrong response to undeclared method" (ST204) where two path keys differ only by a ``#``
   fragment (``/tags/{ResourceArn}`` and ``/tags/{ResourceArn}#TagKeys``, AWS REST specs): the
   fragment never reaches the server, so both are one path on the wire, and the method is
   declared on the other key (POST on one, DELETE on the other); the server answers that
   operation, not 405.
"""

from __future__ import annotations

import json
import os
import re
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import schemathesis
from schemathesis.core.failures import AcceptedNegativeData
from schemathesis.openapi.checks import UndefinedStatusCode


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keep every failure but the five kinds of the module docstring."""
    rule = _rule(failure, case, response)
    if rule is not None and os.environ.get("OAGEN_HOOK_LOG"):  # which rule dropped what, for a reader
        with open(os.environ["OAGEN_HOOK_LOG"], "a", encoding="utf-8") as log:
            log.write(f"rule {rule}: {case.operation.label}: {type(failure).__name__} {response.status_code}\n")
    return rule is None


def _rule(failure: Any, case: Any, response: Any) -> int | None:
    """The rule of the module docstring that drops this failure, or None."""
    negative = case.meta is not None and case.meta.generation.mode.is_negative
    if isinstance(failure, UndefinedStatusCode) and negative:
        status = response.status_code
        if status in (400, 422) or status in (401, 403) and _credentials_withheld(case, response):
            return 1
    if isinstance(failure, UndefinedStatusCode) and response.status_code == 404 and _dot_segment_removed(
            case, response, label_only=not negative):
        return 3
    if getattr(failure, "title", "") == "SSE event violates schema":
        return 5
    if getattr(failure, "title", "") == "Wrong response to undeclared method" and _fragment_sibling(case):
        return 6
    if isinstance(failure, AcceptedNegativeData):
        if _string_as_styled_string_array(case):
            return 2
        if _string_as_form_string_array(case):
            return 4
    return None


def _credentials_withheld(case: Any, response: Any) -> bool:
    """The request presented the configured credentials for no alternative of the operation's
    ``security`` (see the module docstring)."""
    configured: dict[str, list[str]] = json.loads(os.environ.get("OAGEN_TEST_SCHEME_CREDENTIALS", "{}"))
    root = case.operation.schema.raw_schema
    requirements = case.operation.definition.raw.get("security", root.get("security", []))
    schemes = {**root.get("securityDefinitions", {}), **root.get("components", {}).get("securitySchemes", {})}
    request = response.request
    query = parse_qs(urlparse(request.url).query, keep_blank_values=True)
    cookies: SimpleCookie = SimpleCookie()
    try:
        cookies.load(request.headers.get("Cookie", ""))
    except CookieError:
        pass

    def presented(name: str) -> bool:
        scheme = _resolve(root, schemes.get(name, {}))
        location, key = (scheme.get("in"), scheme.get("name")) if scheme.get("type") == "apiKey" \
            else ("header", "Authorization")
        if location == "query":
            sent = query.get(key, [])
        elif location == "cookie":
            sent = [cookies[key].value] if key in cookies else []
        else:
            sent = [request.headers[key]] if key in request.headers else []
        return bool(sent) and all(value == configured.get(name, [None])[0] for value in sent)

    alternatives = [requirement for requirement in requirements if isinstance(requirement, dict)]
    # An unsecured operation (or one with an anonymous alternative) has nothing to withhold.
    return bool(alternatives) and not any(all(presented(name) for name in alternative) for alternative in alternatives)


def _dot_segment_removed(case: Any, response: Any, *, label_only: bool) -> bool:
    """The path Schemathesis built has a '.' or '..' segment (with ``label_only``: the whole
    value of a label-style path parameter) and the request went out without it (rule 3)."""
    formatted = str(case.formatted_path)
    if unquote(urlparse(response.request.url).path).endswith(unquote(formatted)):
        return False  # sent as built (dots encoded or not): a 404 there is the server's
    labels = {p.definition.get("name") for p in getattr(case.operation, "path_parameters", ())
              if p.definition.get("style") == "label"}
    template = case.operation.path.split("/")
    segments = formatted.split("/")
    if label_only and len(template) != len(segments):
        return False
    return any(segment in (".", "..") and (not label_only or template[i][1:-1] in labels)
               for i, segment in enumerate(segments))


def _string_as_styled_string_array(case: Any) -> bool:
    """A string sent for a label/matrix path array of plain strings (rule 2)."""
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
    """A string sent for a form/multipart array field of plain strings (rule 4)."""
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
            # The parameter's schema keywords, array-level constraints included.
            return {k: v for k, v in param.items() if k not in ("name", "in", "required", "description",
                                                               "collectionFormat") and not k.startswith("x-")}
    return {}


def _plain_string_array(root: Any, schema: dict[str, Any]) -> bool:
    """An array of unconstrained strings (or files) that a one-item array satisfies."""
    items = _resolve(root, schema.get("items", {}))
    one_item = schema.get("minItems", 0) <= 1 and schema.get("maxItems", 1) >= 1
    return schema.get("type") == "array" and one_item \
        and set(schema) <= {"type", "items", "description", "minItems", "maxItems", "uniqueItems"} \
        and items.get("type") in ("string", "file") \
        and set(items) <= {"type", "format", "description"} and items.get("format") in (None, "binary")


def _fragment_sibling(case: Any) -> bool:
    """Another path key of the spec is this one but for a ``#`` fragment (either side), and it
    declares the request's method (see rule 6)."""
    path = case.operation.path
    paths = case.operation.schema.raw_schema.get("paths", {})
    bare = path.split("#", 1)[0]
    method = case.method.lower()
    return any(key != path and "#" in key + path and key.split("#", 1)[0] == bare and method in item
               for key, item in paths.items() if isinstance(item, dict))
