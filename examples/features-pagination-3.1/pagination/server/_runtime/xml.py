"""XML bodies on the server: a request body read into the declared type, and a handler's answer
written as XML when the operation answers XML and the client does not ask for JSON. The reading
and writing are the client runtime's (``NAME._http.xmlbodies``), shipped in every package."""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from .problems import request_error


def xmlbodies() -> Any:
    """The package's ``_http.xmlbodies`` (the repository's own when run from it)."""
    package = (__package__ or __name__).split(".")[0]
    if package == "generator":
        return importlib.import_module("generator.runtime.client.xmlbodies")
    return importlib.import_module(f"{package}._http.xmlbodies")


def read(raw: bytes, tp: Any) -> Any:
    """A request body as data for ``tp`` (a 400 problem when it is not XML or has a DTD)."""
    module = xmlbodies()
    try:
        return module.read(raw, tp)
    except module.XmlError as exc:
        raise request_error(("body",), str(exc), "xml_invalid") from None


@cache
def enabled() -> bool:
    """True when the package's spec has XML bodies (it has an ``_xml`` module)."""
    package = (__package__ or __name__).split(".")[0]
    try:
        return importlib.util.find_spec(f"{package}._xml") is not None
    except (ImportError, ValueError):
        return False


def answer_media(request: Request, contents: list[dict[str, Any]]) -> str | None:
    """The XML media type to answer with: the operation's success answer is XML (first, or the
    one the ``Accept`` header names) and the client does not ask for JSON; else ``None``."""
    xml = [c["media_type"] for c in contents if c.get("kind") == "xml"]
    if not xml:
        return None
    accept = request.headers.get("accept", "").lower()
    named = [str(m) for m in xml if str(m).lower() in accept]
    if named:
        return named[0]
    if "json" in accept or (contents[0].get("kind") != "xml" and "xml" not in accept):
        return None
    return str(xml[0])


def respond(result: Any, status_code: int, media_type: str) -> Response:
    """A handler's return value (a model, a list, data) as an XML answer."""
    if result is None:
        return Response(status_code=status_code)
    return Response(xmlbodies().write(result), status_code=status_code, media_type=media_type)
