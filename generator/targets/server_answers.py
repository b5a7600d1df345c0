"""The server's typed answers and security hooks: what a handler may return per declared status,
the ``answers`` entry of ``schemas.json`` (what response validation checks), and the hook method
of each security scheme (view-model pieces of python_server.py)."""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from .. import ir
from .json_schema import SchemaBuilder
from .pyview import TypeNamer

# The answer classes of the server runtime (runtime/server/statuses.py, which the generator does not
# import: it stands on FastAPI); tests/test_server_answers.py checks that the two agree.
_RENAMED = {413: "ContentTooLarge", 414: "UriTooLong", 416: "RangeNotSatisfiable", 418: "ImATeapot",
            422: "UnprocessableEntity", 501: "NotImplemented_", 505: "HttpVersionNotSupported"}
STATUS_NAMES = {s.value: _RENAMED.get(s.value) or "".join(w.capitalize() for w in s.name.split("_"))
                for s in HTTPStatus if s.value >= 200}
RANGE_NAMES = {"2XX": "Success", "3XX": "Redirection", "4XX": "ClientError", "5XX": "ServerError"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Returns:
    """A handler's return annotation and the answer classes it names."""

    hint: str
    classes: tuple[str, ...]


def body_hint(r: ir.Response, namer: TypeNamer) -> str:
    """The type of a response's body: its model, ``str`` (text), ``bytes`` (binary), ``None`` (none)."""
    hints: list[str] = []
    for c in r.contents:
        hint = {"binary": "bytes", "text": "str"}.get(c.kind) or namer.hint(c.type)
        if hint not in hints:
            hints.append(hint)
    if not hints:
        return "None"
    if "Any" in hints:
        return "Any"
    return " | ".join([h for h in hints if h != "None"] + [h for h in hints if h == "None"])


def answer_class(status: str) -> str:
    """The class of a declared status: ``NotFound`` (404), a range class for ``4XX`` and for a
    status without a standard name (``ClientError``), ``Answer`` for ``default``."""
    if status.isdigit():
        code = int(status)
        return STATUS_NAMES.get(code) or RANGE_NAMES.get(f"{status[:1]}XX", "Answer")
    return RANGE_NAMES.get(status.upper(), "Answer")


def returns(op: ir.Operation, success: ir.Response | None, namer: TypeNamer) -> Returns:
    """What the handler of ``op`` returns: the success body itself, an answer class per declared
    status (``NotFound[m.Error]``), or a raw ``Response`` (the escape hatch)."""
    if success is None:
        return Returns(hint="Any", classes=())
    parts = [body_hint(success, namer)]
    classes: list[str] = []
    for r in op.responses:
        cls = answer_class(r.status)
        parts.append(f"{cls}[{body_hint(r, namer)}]")
        classes.append(cls)
    parts.append("Response")
    return Returns(hint=" | ".join(dict.fromkeys(parts)), classes=tuple(dict.fromkeys(classes)))


def answers_schema(op: ir.Operation, builder: SchemaBuilder) -> dict[str, Any]:
    """Every declared response by status key: its media types' schemas and its headers (what
    response validation holds an answer to)."""
    return {
        r.status: {
            "contents": {c.media_type: {"kind": c.kind, "schema": builder.of(c.type)} for c in r.contents},
            "headers": [{"name": h.wire_name, "required": h.required, "schema": builder.of(h.type)}
                        for h in r.headers],
        }
        for r in op.responses
    }


def hook_names(api: ir.Api) -> dict[str, str]:
    """The name of each security scheme's hook on ``BaseHandlers``: ``authenticate_<scheme>``
    (``_hook`` added when an operation has that name)."""
    taken = {op.name for op in api.operations}
    found: dict[str, str] = {}
    for s in api.security_schemes:
        name = f"authenticate_{s.name}"
        while name in taken:
            name += "_hook"
        taken.add(name)
        found[s.name] = name
    return found
