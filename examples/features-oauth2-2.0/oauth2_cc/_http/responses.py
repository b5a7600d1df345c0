"""Answers: a success read into its declared type, anything else raised as an ``ApiError``.

Reading is forward compatible: the declared type is built with pydantic, unknown fields are kept,
and validation constraints are the server's business, never a reason for a call to fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from .errors import ApiError, ResponseParseError, ResponseValidationError
from .spec import Operation, Result
from .values import pydantic

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ApiResponse(Generic[T]):
    """A full answer: status, headers, the parsed body, and the raw httpx response."""

    status_code: int
    headers: httpx.Headers
    parsed: T
    raw: httpx.Response


def parse(op: Operation, response: httpx.Response) -> ApiResponse[Any]:
    """The answer to ``op`` read as its declared response (raises ``ApiError`` for an error
    answer, ``ResponseValidationError`` for a success whose body is not what the spec says)."""
    status = response.status_code
    result = op.result(status, response.headers.get("content-type", ""))
    # Outside 2xx only a status the spec declares by its code (or range) is an answer to read:
    # an undeclared redirect is an error even where ``default`` is declared (its model is an
    # error's, and the method's return type says nothing of it).
    code = str(status)
    declared = code in op.responses or code[0] + "XX" in op.responses
    if status >= 400 or not (200 <= status < 300 or declared):
        raise error(op, result, response)
    return ApiResponse(status, response.headers, read(op, result, response), response)


def error(op: Operation, result: Result | None, response: httpx.Response) -> ApiError:
    """The error an answer raises: the declared error type with its body parsed when the body
    fits, else a plain ``ApiError`` with the body as sent."""
    data = raw(response, json_expected=result is not None and result.kind == "json")
    if result is None or not result.typed or data is None or isinstance(data, str | bytes):
        return ApiError.from_response(op.name, response, data)
    try:
        parsed = result.validate(data)
    except pydantic.ValidationError:
        return ApiError.from_response(op.name, response, data)
    return (result.error or ApiError).from_response(op.name, response, parsed)


def read(op: Operation, result: Result | None, response: httpx.Response) -> Any:
    """A success answer's body: the declared type, bytes, text, or (declared as nothing) the
    body as the server sent it."""
    if not response.content:
        return None
    if result is None or result.kind is None:
        # The spec declares no body here; still hand back what the server sent.
        return raw(response)
    if result.kind == "binary":
        return response.content
    if result.kind == "xml" and result.typed:
        try:
            data = _xml(response, result)
        except ValueError as exc:
            raise ResponseParseError.from_response(
                op.name, response, response.text, reason=str(exc)
            ) from None
    elif result.kind != "json":
        return response.text
    else:
        data = json_body(op, response, strict=result.typed)
        if not result.typed:
            return data
    try:
        return result.validate(data)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "body"
        raise ResponseValidationError.from_response(
            op.name, response, data, reason=f"{where}: {first['msg']}"
        ) from None


def _xml(response: httpx.Response, result: Result) -> Any:
    """An XML answer as data for its declared type; a JSON one (a server may offer both) as JSON."""
    ctype = str(response.headers.get("content-type", "")).split(";")[0].strip().lower()
    if ctype == "application/json" or ctype.endswith("+json"):
        return response.json()
    from . import xmlbodies

    return xmlbodies.read(response.content, result.declared())


def media_type(response: httpx.Response) -> str:
    """The answer's media type, lower case, without parameters (empty when it names none)."""
    return str(response.headers.get("content-type", "")).split(";")[0].strip().lower()


def is_json(media: str) -> bool:
    """True for a JSON media type (``application/json``, ``application/problem+json``...)."""
    return media == "application/json" or media.endswith("+json") or media == "text/json"


def json_body(op: Operation, response: httpx.Response, strict: bool) -> Any:
    """A body declared as JSON, as JSON data. A body that is not JSON raises
    ``ResponseParseError`` when it says it is JSON or ``strict`` (a declared type), else it is
    returned as text. A body that is JSON under another media type (or none) is accepted."""
    try:
        return response.json()
    except ValueError:
        media = media_type(response)
        if not strict and not is_json(media):
            return response.text
        if is_json(media):
            reason = "the body is not JSON"
        elif media:
            reason = f"the body is {media}, not the JSON the spec declares"
        else:
            reason = "the body (sent without a Content-Type) is not JSON"
        raise ResponseParseError.from_response(
            op.name, response, response.text, reason=reason
        ) from None


def raw(response: httpx.Response, json_expected: bool = False) -> Any:
    """A body as the server sent it: JSON data, text, or bytes."""
    if not response.content:
        return None
    ctype = str(response.headers.get("content-type", "")).split(";")[0].strip().lower()
    if ctype == "application/json" or ctype.endswith("+json") or (json_expected and not ctype):
        try:
            return response.json()
        except ValueError:
            return response.text
    if ctype.startswith("text/") or ctype.endswith(("+xml", "/xml")):
        return response.text
    return response.content
