"""Response validation (``create_app(validate_responses=True)``): a handler's answer held to what
the spec declares for its operation (the status, the required headers and their values, the
media type, a JSON body against its schema); what does not fit becomes a 500 problem naming the
operation and the field, and is logged."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from fastapi.responses import JSONResponse, Response

from .state import Runtime

_log = logging.getLogger(__name__)


def declared(answers: Mapping[str, Any], status: int) -> dict[str, Any] | None:
    """The declared response of a status: exact, then its range (``4XX``), then ``default``."""
    for key in (str(status), f"{status // 100}XX", f"{status // 100}xx", "default"):
        if key in answers:
            found: dict[str, Any] = answers[key]
            return found
    return None


def media_match(declared_types: Mapping[str, Any], media_type: str) -> str | None:
    """The declared media type an answer's ``Content-Type`` falls under (wildcards too)."""
    media_type = media_type.split(";", 1)[0].strip().lower()
    kind = media_type.split("/", 1)[0]
    by_lower = {m.split(";", 1)[0].strip().lower(): m for m in declared_types}
    for wanted in (media_type, f"{kind}/*", "*/*"):
        if wanted in by_lower:
            return by_lower[wanted]
    return None


def problems(state: Runtime, operation: str, response: Response) -> list[str]:
    """How an answer departs from the spec: one ``place: what`` line each (none: it fits)."""
    answers = state.operation(operation).get("answers")
    if answers is None:
        return []
    entry = declared(answers, response.status_code)
    if entry is None:
        listed = ", ".join(answers) or "none"
        return [f"status: {response.status_code} is not declared (declared: {listed})"]
    found = _header_problems(state, entry["headers"], response)
    body: bytes | None = getattr(response, "body", None)  # a streaming answer has none to check
    if body is None:
        return found
    contents: dict[str, Any] = entry["contents"]
    if not contents:
        return found + ([f"body: none is declared for {response.status_code}"] if body else [])
    media_type = response.headers.get("content-type", "")
    match = media_match(contents, media_type) if media_type else None
    if match is None:
        return [
            *found,
            f"content-type: {media_type or 'none'} is not declared ({', '.join(contents)})",
        ]
    if contents[match]["kind"] != "json":
        return found
    try:
        value = json.loads(body)
    except ValueError:
        return [*found, "body: not JSON"]
    return found + _schema_problems(state, contents[match]["schema"], value, "body")


def _header_problems(
    state: Runtime, headers: list[dict[str, Any]], response: Response
) -> list[str]:
    found = []
    for header in headers:
        name = header["name"]
        if name.lower() == "content-type":
            continue
        text = response.headers.get(name)
        if text is None:
            if header["required"]:
                found.append(f"header {name}: required, missing")
            continue
        value = state.typed(text, header["schema"])
        found += _schema_problems(state, header["schema"], value, f"header {name}")
    return found


def _schema_problems(state: Runtime, schema: Any, value: Any, where: str) -> list[str]:
    if state.fits(schema, value):
        return []
    validator = state.validator(schema)
    if validator is None:
        return []
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    return [
        ".".join([where, *(str(p) for p in e.absolute_path)]) + ": " + _short(e.message)
        for e in errors[:10]
    ]


def _short(message: str) -> str:
    return message if len(message) <= 200 else message[:197] + "..."


def invalid_answer(operation: str, method: str, path: str, found: list[str]) -> Response:
    """The 500 problem of an answer that does not fit the spec (logged)."""
    _log.error(
        "the answer of %r (%s %s) does not fit the spec: %s",
        operation,
        method,
        path,
        "; ".join(found),
    )
    field = found[0].split(":", 1)[0]
    return JSONResponse(
        {
            "title": "Internal Server Error",
            "status": 500,
            "detail": f"the answer of operation {operation!r} does not fit the spec: {found[0]}",
            "operation": operation,
            "field": field,
            "errors": found,
        },
        status_code=500,
        media_type="application/problem+json",
    )
