"""Security: the credential a request carries per scheme (bearer, basic, API key in a header,
query or cookie), the 401 answer when no alternative of an operation's ``security`` is present,
and the credentials passed on to the handlers that take them."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Request

from .problems import ProblemError
from .state import runtime

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Scheme:
    """A security scheme: how its credential travels."""

    name: str
    kind: str
    location: str = "header"
    param_name: str = "Authorization"

    def credential(self, request: Request) -> Any:
        """The credential the request carries for this scheme, or None."""
        if self.kind in ("bearer", "basic"):
            kind, _, value = request.headers.get("authorization", "").partition(" ")
            if kind.lower() != self.kind or not value.strip():
                return None
            return value.strip() if self.kind == "bearer" else basic_pair(value.strip())
        if self.location == "query":
            found = request.query_params.get(self.param_name)
        elif self.location == "cookie":
            found = request.cookies.get(self.param_name)
        else:
            found = request.headers.get(self.param_name)
        return found or None

    def challenge(self) -> str:
        """This scheme's ``WWW-Authenticate`` challenge."""
        if self.kind == "bearer":
            return 'Bearer realm="api"'
        if self.kind == "basic":
            return 'Basic realm="api", charset="UTF-8"'
        return f'ApiKey realm="api", in="{self.location}", name="{self.param_name}"'

    def describe(self) -> str:
        """How to send the credential, for the 401 body."""
        if self.kind in ("bearer", "basic"):
            return f"Authorization: {self.kind.title()} ..."
        return f"{self.location} {self.param_name!r}"


def basic_pair(value: str) -> tuple[str, str] | None:
    """A basic credential (base64 of ``user:password``) as its pair, or None when malformed."""
    try:
        text = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = text.partition(":")
    return (user, password) if sep else None


def authenticate(
    factory: Callable[..., T],
    alternatives: Sequence[Sequence[str]],
    schemes: Mapping[str, Scheme],
) -> Callable[[Request], Awaitable[T]]:
    """A dependency: the credentials of the first satisfied alternative, else 401.

    It checks presence and form only; whether a credential is any good is the handler's call.
    """
    names = list(dict.fromkeys(n for alternative in alternatives for n in alternative))

    async def dependency(request: Request) -> T:
        found = {n: v for n in names if (v := schemes[n].credential(request)) is not None}
        if any(all(n in found for n in alternative) for alternative in alternatives):
            return factory(**found)
        wanted = [schemes[n] for n in names]
        raise ProblemError(
            401,
            "Unauthorized",
            headers={"WWW-Authenticate": ", ".join(s.challenge() for s in wanted)},
            detail="missing credentials: send " + " or ".join(s.describe() for s in wanted),
            schemes=names,
        )

    return dependency


def pass_credentials(request: Request, operation: str, credentials: Any) -> dict[str, Any]:
    """``{"credentials": ...}`` for a handler that takes them, else nothing."""
    return {"credentials": credentials} if operation in runtime(request).takes_credentials else {}
