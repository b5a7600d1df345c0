"""Request bodies: the declared media type a body is sent as, and its bytes (JSON, a form,
multipart parts, text or binary content) with its one ``Content-Type``."""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from . import uploads
from .params import pop_header
from .spec import Body, Operation
from .values import pydantic, scalar, to_json


def is_file(value: Any) -> bool:
    """True for a value sent as a file: bytes, a path or a file object."""
    return isinstance(value, bytes | bytearray | Path) or hasattr(value, "read")


def guess_type(filename: str) -> str:
    """The media type a file name suggests (``application/octet-stream`` when none)."""
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def read_bytes(value: Any) -> bytes:
    """The bytes of a body: bytes, a path, text (UTF-8) or a file object (read now)."""
    if isinstance(value, Path):
        return value.read_bytes()
    if isinstance(value, bytes | bytearray):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8")
    data = value.read()
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def file_part(name: str, value: Any) -> tuple[str, bytes, str]:
    """A multipart file: bytes, a path, a file object, or ``(filename, content[, content_type])``.

    File objects and paths are read at once, so that a retried request sends the same bytes.
    """
    if isinstance(value, tuple):
        filename, content = str(value[0]), read_bytes(value[1])
        return filename, content, str(value[2]) if len(value) > 2 else guess_type(filename)
    if isinstance(value, Path):
        return value.name, value.read_bytes(), guess_type(value.name)
    if isinstance(value, bytes | bytearray):
        return name, bytes(value), "application/octet-stream"
    filename = Path(str(getattr(value, "name", "") or name)).name
    return filename, read_bytes(value), guess_type(filename)


def _fields(body: Any) -> Mapping[str, Any]:
    if isinstance(body, pydantic.BaseModel):
        return body.model_dump(by_alias=True, exclude_unset=True)
    return dict(body)


def form(body: Any) -> bytes:
    """An ``application/x-www-form-urlencoded`` body; a list field repeats its name."""
    pairs: list[tuple[str, str]] = []
    for key, value in _fields(body).items():
        if value is None:
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            pairs.append((str(key), scalar(item)))
    return urlencode(pairs).encode("ascii")


def multipart(body: Any) -> list[tuple[str, Any]]:
    """The parts of a ``multipart/form-data`` body, as httpx ``files``: files with their name and
    media type, anything else a plain form field; a list field is one part per item."""
    parts: list[tuple[str, Any]] = []
    for key, value in _fields(body).items():
        if value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            if is_file(item) or (isinstance(item, tuple) and len(item) in (2, 3)):
                parts.append((str(key), file_part(str(key), item)))
            else:
                # A part without a file name: a plain form field.
                parts.append((str(key), (None, scalar(item).encode("utf-8"))))
    return parts


def _base(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip().lower()


def pick(op: Operation, body: Any, chosen: str) -> Body:
    """The declared body a value is sent as: the one the ``chosen`` Content-Type names, else the
    first binary one for a file, the first text one for a string, else the first declared."""
    if chosen:
        wanted = _base(chosen)
        for b in op.bodies:
            if _base(b.media_type) == wanted:
                return b
        if op.bodies[0].kind in ("form", "multipart"):
            declared = ", ".join(b.media_type for b in op.bodies)
            raise ValueError(f"{op.name}: a {chosen!r} body cannot be sent; it takes {declared}")
    kinds: dict[str, Body] = {}
    for b in op.bodies:
        kinds.setdefault(b.kind, b)  # the first declared of each kind
    if is_file(body) and "binary" in kinds:
        return kinds["binary"]
    if isinstance(body, str) and "text" in kinds:
        return kinds["text"]
    return op.bodies[0]


def encode_body(
    op: Operation, body: Any, headers: dict[str, str], *, asynchronous: bool = False
) -> dict[str, Any]:
    """httpx keyword arguments for a request body, and its one Content-Type header.

    A binary body given as a path or a file object is streamed (``uploads.upload``; async
    clients read it in a worker thread), never read whole into memory.

    A ``Content-Type`` the caller set (a header parameter) picks the declared media type it
    names and is sent as it is; otherwise the body goes as its first declared media type.
    """
    chosen = pop_header(headers, "Content-Type")
    if body is None or not op.bodies:
        if chosen:
            headers["Content-Type"] = chosen
        return {}
    spec = pick(op, body, chosen or op.content_type)
    media = spec.media_type if "*" not in spec.media_type else ""
    if spec.kind == "multipart":
        # httpx writes the Content-Type: its boundary must be the one the parts are cut with.
        return {"files": multipart(body)}
    if spec.kind == "json":
        default = media or "application/json"
        kwargs = {"content": json.dumps(to_json(body), separators=(",", ":")).encode("utf-8")}
    elif spec.kind == "xml":
        from . import xmlbodies

        default = media or "application/xml"
        kwargs = {"content": xmlbodies.write(body)}
    elif spec.kind == "form":
        default = "application/x-www-form-urlencoded"
        kwargs = {"content": form(body)}
    elif spec.kind == "binary":
        default = media or "application/octet-stream"
        kwargs = {"content": uploads.upload(body, headers, asynchronous)}
    else:
        default = media or "text/plain"
        kwargs = {"content": read_bytes(body)}
    headers["Content-Type"] = chosen or op.content_type or default
    return kwargs
