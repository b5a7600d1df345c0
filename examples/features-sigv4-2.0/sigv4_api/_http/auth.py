"""Credentials: which security alternative an operation is sent with, where each scheme puts its
credential (header, query, cookie; HTTP basic and bearer), and keeping API keys out of logs."""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Collection, Mapping
from typing import Any

import httpx

from .params import encode, encode_cookie, put_header
from .spec import Scheme


def authorize(
    security: tuple[tuple[str, ...], ...],
    schemes: Mapping[str, Scheme],
    credentials: Mapping[str, Any],
    query: list[str],
    headers: dict[str, str],
    cookies: list[tuple[str, str]],
) -> httpx.Auth | None:
    """Add the credentials of the first alternative of ``security`` whose every scheme has one;
    an empty alternative (auth optional) only when no other one can be satisfied.

    A credential that is an ``httpx.Auth`` (OAuth2 client credentials, SigV4: see ``prepare``)
    is returned instead, to be run by httpx when the request is sent."""
    for alternative in sorted(security, key=lambda alt: not alt):
        if all(name in credentials for name in alternative):
            flows: list[httpx.Auth] = []
            for name in alternative:
                value = credentials[name]
                if isinstance(value, httpx.Auth):
                    flows.append(value)
                else:
                    apply(schemes[name], value, query, headers, cookies)
            return _chain(flows)
    return None


def prepare(
    schemes: Mapping[str, Scheme], credentials: Mapping[str, Any], base_url: str
) -> dict[str, Any]:
    """The client's credentials, those that need work per request made ``httpx.Auth`` flows:
    an OAuth2 client-credentials scheme given ``(client_id, client_secret)``,
    ``ClientCredentials`` or a token provider; a SigV4 scheme given ``(access_key, secret[,
    session_token])`` or ``AwsCredentials``. Anything else stays as it is."""
    prepared: dict[str, Any] = {}
    for name, given in credentials.items():
        scheme = schemes.get(name)
        value = given
        if scheme is not None and not isinstance(given, str | httpx.Auth):
            if scheme.token_url:
                value = _oauth2(scheme, given, base_url)
            elif scheme.signing == "aws-sigv4":
                value = _sigv4(scheme, given)
        prepared[name] = value
    return prepared


def _oauth2(scheme: Scheme, value: Any, base_url: str) -> Any:
    from .oauth2 import ClientCredentials, OAuth2ClientCredentials

    # OpenAPI: a relative token URL is relative to the server's URL.
    token_url = str(httpx.URL(base_url + "/").join(scheme.token_url))
    if isinstance(value, tuple) and len(value) == 2:
        value = ClientCredentials(str(value[0]), str(value[1]))
    if isinstance(value, ClientCredentials):
        return OAuth2ClientCredentials(value, token_url=token_url, scopes=scheme.scopes)
    if callable(value):
        return OAuth2ClientCredentials(provider=value, token_url=token_url, scopes=scheme.scopes)
    return value


def _sigv4(scheme: Scheme, value: Any) -> Any:
    from .sigv4 import AwsCredentials, SigV4Auth

    if isinstance(value, tuple) and len(value) in (2, 3):
        value = AwsCredentials(*(str(v) for v in value))
    if isinstance(value, AwsCredentials):
        return SigV4Auth(value, scheme.region or "us-east-1", scheme.service or "execute-api")
    return value


def _chain(flows: list[httpx.Auth]) -> httpx.Auth | None:
    if len(flows) > 1:
        raise ValueError("one request cannot be signed by two schemes (OAuth2, SigV4) at once")
    return flows[0] if flows else None


def apply(
    scheme: Scheme,
    value: Any,
    query: list[str],
    headers: dict[str, str],
    cookies: list[tuple[str, str]],
) -> None:
    """Put one credential where its scheme says."""
    if scheme.kind == "basic":
        user, password = value
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        put_header(headers, "Authorization", f"Basic {token}")
    elif scheme.kind == "bearer":
        put_header(headers, "Authorization", f"Bearer {value}")
    elif scheme.location == "query":
        query.append(f"{encode(scheme.name)}={encode(str(value))}")
    elif scheme.location == "cookie":
        cookies.append((scheme.name, encode_cookie(str(value))))
    else:
        put_header(headers, scheme.name, str(value))


# --------------------------------------------------------------------------- secrets in logs


def secret_query_names(schemes: Mapping[str, Scheme]) -> set[str]:
    """The query parameters that carry API keys."""
    return {s.name for s in schemes.values() if s.kind == "apiKey" and s.location == "query"}


def redact_url(url: str, names: Collection[str]) -> str:
    """A URL for logs: the values of the query parameters ``names`` (API keys) hidden."""
    for name in names:
        url = re.sub(rf"([?&]{re.escape(encode(name))}=)[^&#]*", r"\1***", url)
    return re.sub(r"(//)[^/@?#]*@", r"\1***@", url)


class RedactQuery(logging.Filter):
    """Hides API keys sent in the query from httpx's request log lines."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        # The URL stays an httpx.URL: the filter of another generated package, also on httpx's
        # logger, still finds it and hides its own keys.
        if self.names and isinstance(record.args, tuple):
            record.args = tuple(
                httpx.URL(redact_url(str(a), self.names)) if isinstance(a, httpx.URL) else a
                for a in record.args
            )
        return True


_REDACT = RedactQuery()


def hide_in_logs(names: Collection[str]) -> None:
    """Keep the values of the query parameters ``names`` out of httpx's log lines."""
    if names:
        _REDACT.names.update(names)
        logging.getLogger("httpx").addFilter(_REDACT)


def send_args(kwargs: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A request's arguments split into httpx's ``build_request`` ones and ``send``'s (``auth``:
    an OAuth2 or SigV4 flow, which httpx runs on the built request)."""
    build = dict(kwargs)
    flow = build.pop("auth", None)
    return build, ({} if flow is None else {"auth": flow})
