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
) -> None:
    """Add the credentials of the first alternative of ``security`` whose every scheme has one;
    an empty alternative (auth optional) only when no other one can be satisfied."""
    for alternative in sorted(security, key=lambda alt: not alt):
        if all(name in credentials for name in alternative):
            for name in alternative:
                apply(schemes[name], credentials[name], query, headers, cookies)
            return


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
