"""Security: the credential a request carries per scheme (bearer, basic, API key in a header,
query or cookie), the security hooks that turn credentials into principals, the 401 answer when
no alternative of an operation's ``security`` is present or its credentials are refused, the 403
answer when they lack the operation's scopes, and the credentials (and principals) passed on to
the handlers that take them."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import Request

from .problems import ProblemError
from .state import runtime

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a credential stands for: what a security hook returns (subclass it to carry more).

    ``scopes`` are what the principal may do (OAuth2 scopes, roles): an operation that declares
    scopes for the scheme is answered 403 unless the principal has them all.
    """

    subject: str = ""
    scopes: Collection[str] = ()
    claims: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Scheme:
    """A security scheme: how its credential travels, and the name of its hook on the handlers
    (``authenticate_<scheme>``; none: a present credential is enough)."""

    name: str
    kind: str
    location: str = "header"
    param_name: str = "Authorization"
    hook: str = ""

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

    def challenge(self, error: str = "", scopes: Sequence[str] = ()) -> str:
        """This scheme's ``WWW-Authenticate`` challenge (a bearer one with RFC 6750's ``error``
        and ``scope`` when given)."""
        if self.kind == "bearer":
            extra = f', error="{error}"' if error else ""
            extra += f', scope="{" ".join(scopes)}"' if scopes else ""
            return f'Bearer realm="api"{extra}'
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
    scopes: Sequence[Mapping[str, Sequence[str]]] = (),
) -> Callable[[Request], Awaitable[T]]:
    """A dependency: the credentials (and principals) of the first alternative whose every
    credential is present and accepted by its scheme's hook with the alternative's ``scopes``
    (one mapping per alternative); anonymous access when an alternative is empty and nothing
    presented was refused. Else 403 when a principal lacks scopes, else 401 (refused, missing).
    """
    names = list(dict.fromkeys(n for alternative in alternatives for n in alternative))
    # Alternatives with credentials first (in spec order), anonymous access last: a caller who
    # presents a credential is recognized even where anonymous access is allowed.
    order = sorted(range(len(alternatives)), key=lambda i: not alternatives[i])

    async def dependency(request: Request) -> T:
        found = {n: v for n in names if (v := schemes[n].credential(request)) is not None}
        check = _Check(request, found, schemes)
        for i in order:
            alternative = alternatives[i]
            if not all(n in found for n in alternative):
                continue
            if not alternative:
                if check.refused or check.lacking:
                    break
                return factory(**found)
            principals = await check.alternative(alternative, scopes[i] if i < len(scopes) else {})
            if principals is not None:
                if not principals:
                    return factory(**found)
                first = next(iter(principals.values()))
                return factory(**found, principal=first, principals=principals)
        raise check.failure(names)

    return dependency


class _Check:
    """The hooks' verdicts on one request's credentials (each hook called once per scopes)."""

    def __init__(self, request: Request, found: dict[str, Any], schemes: Mapping[str, Scheme]):
        self.request = request
        self.found = found
        self.schemes = schemes
        self.refused: list[str] = []
        self.lacking: list[tuple[str, tuple[str, ...]]] = []
        self._seen: dict[tuple[str, tuple[str, ...]], Principal | None] = {}

    async def alternative(
        self, alternative: Sequence[str], scopes: Mapping[str, Sequence[str]]
    ) -> dict[str, Principal] | None:
        """The principals of an alternative by scheme (of the schemes with a hook), or None when
        one is refused or lacks scopes."""
        principals: dict[str, Principal] = {}
        for name in alternative:
            scheme = self.schemes[name]
            if not scheme.hook:
                continue
            wanted = tuple(scopes.get(name, ()))
            key = (name, wanted)
            if key not in self._seen:
                hook = getattr(self.request.app.state.handlers, scheme.hook)
                self._seen[key] = await hook(self.found[name], wanted, self.request)
            principal = self._seen[key]
            if principal is None:
                self.refused.append(name)
                return None
            if not set(wanted) <= set(principal.scopes):
                self.lacking.append((name, wanted))
                return None
            principals[name] = principal
        return principals

    def failure(self, names: Sequence[str]) -> ProblemError:
        """403 when a principal lacked scopes, 401 when a credential was refused or missing."""
        if self.lacking:
            name, wanted = self.lacking[0]
            scheme = self.schemes[name]
            return ProblemError(
                403,
                "Forbidden",
                headers={"WWW-Authenticate": scheme.challenge("insufficient_scope", wanted)},
                detail=f"the {name} credential lacks the scopes: " + " ".join(wanted),
                scheme=name,
                scopes=list(wanted),
            )
        if self.refused:
            refused = [self.schemes[n] for n in dict.fromkeys(self.refused)]
            return ProblemError(
                401,
                "Unauthorized",
                headers={
                    "WWW-Authenticate": ", ".join(s.challenge("invalid_token") for s in refused)
                },
                detail="credentials refused: " + ", ".join(s.name for s in refused),
                schemes=[s.name for s in refused],
            )
        missing = [self.schemes[n] for n in names]
        return ProblemError(
            401,
            "Unauthorized",
            headers={"WWW-Authenticate": ", ".join(s.challenge() for s in missing)},
            detail="missing credentials: send " + " or ".join(s.describe() for s in missing),
            schemes=list(names),
        )


def pass_credentials(request: Request, operation: str, credentials: Any) -> dict[str, Any]:
    """``{"credentials": ...}`` for a handler that takes them, else nothing."""
    return {"credentials": credentials} if operation in runtime(request).takes_credentials else {}
