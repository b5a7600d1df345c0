"""The spec's facts as the generated code declares them: operations, their parameters, request
bodies and responses, and the security schemes. Only data here; what is done with it lives in
the modules named after each concern."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import ApiError
from .values import pydantic


@functools.cache
def _wire_keys() -> dict[str, Any]:
    """How an answer's keys are read: by alias only where pydantic can say so (2.11 and later),
    so a key that equals another field's Python name (Xero: ``name`` beside the property
    ``Name``, read as ``name``) stays an unknown key, kept as sent, not taken for that field."""
    major, minor = (int(part) for part in pydantic.VERSION.split(".")[:2])
    return {"by_alias": True, "by_name": False} if (major, minor) >= (2, 11) else {}


@dataclass(frozen=True, slots=True)
class Param:
    """How one parameter goes on the wire."""

    wire: str
    location: str
    style: str
    explode: bool
    allow_reserved: bool = False


@dataclass(frozen=True, slots=True)
class Body:
    """One media type a request body can be sent as."""

    media_type: str
    kind: str


class Result:
    """A declared response: how its body is read, into which type, and which error it raises.

    The type comes from a function so that no model is imported before an answer needs it.
    ``media`` holds the other media types the response declares with a body of another type
    (GitHub's ``application/vnd.github.v3.star+json`` beside ``application/json``): an answer
    whose ``Content-Type`` names one of them is read as that one.
    """

    __slots__ = ("_adapter", "_type", "error", "kind", "media")

    def __init__(
        self,
        kind: str | None,
        type_: Callable[[], Any] | None = None,
        error: type[ApiError] | None = None,
        *,
        media: Mapping[str, Result] | None = None,
    ) -> None:
        self.kind = kind
        self._type = type_
        self.error = error
        self.media = media or {}
        self._adapter: pydantic.TypeAdapter[Any] | None = None

    def for_media(self, content_type: str) -> Result:
        """The declared body an answer with this ``Content-Type`` is read as."""
        if self.media and content_type:
            base = content_type.split(";", 1)[0].strip().lower()
            return self.media.get(base, self)
        return self

    @property
    def typed(self) -> bool:
        """True when the body is read into a declared type."""
        return self._type is not None

    def declared(self) -> Any:
        """The declared type (``None`` when the body is not read into one)."""
        return self._type() if self._type is not None else None

    def validate(self, data: Any) -> Any:
        """JSON data as the declared type (pydantic.ValidationError when it does not fit)."""
        if self._type is None:
            return data
        if self._adapter is None:
            self._adapter = pydantic.TypeAdapter(self._type())
        return self._adapter.validate_python(data, **_wire_keys())


@dataclass(frozen=True, slots=True)
class Operation:
    """Everything the client needs to send one operation and read its answer."""

    name: str
    method: str
    path: str
    params: tuple[Param, ...] = ()
    constants: tuple[tuple[str, str, str], ...] = ()
    bodies: tuple[Body, ...] = ()
    responses: Mapping[str, Result] = field(default_factory=dict)
    security: tuple[tuple[str, ...], ...] = ()
    deprecated: bool = False
    accept: str = ""
    content_type: str = ""

    def result(self, status: int, content_type: str = "") -> Result | None:
        """The declared response for a status (exact code, then range ``4XX``, then default) and
        the answer's ``Content-Type`` (when the response declares several bodies)."""
        code = str(status)
        found = (
            self.responses.get(code)
            or self.responses.get(code[0] + "XX")
            or self.responses.get("default")
        )
        return found.for_media(content_type) if found is not None else None


@dataclass(frozen=True, slots=True)
class Scheme:
    """A security scheme: kind (apiKey, basic, bearer), where and under which name; for OAuth2
    client credentials the token URL and scopes, for AWS SigV4 (``signing="aws-sigv4"``) the
    region and service the spec suggests."""

    kind: str
    location: str = "header"
    name: str = "Authorization"
    token_url: str = ""
    scopes: tuple[str, ...] = ()
    signing: str = ""
    region: str = ""
    service: str = ""
