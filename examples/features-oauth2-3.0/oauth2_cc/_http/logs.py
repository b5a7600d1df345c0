"""The package's logger: one ``logging`` logger named after the generated package, switched on
by the environment variable ``<PACKAGE>_LOG=debug|info``, with secrets kept out of its lines
(credentials in headers, API keys in the query, cookies).

At ``info`` each request is one line (method, URL, status, time) and each retry another; at
``debug`` the request and answer headers follow, redacted.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections.abc import Iterable, Mapping

import httpx

# The generated package (``NAME`` for ``NAME._http``; the runtime's own package in its tests).
PACKAGE = (__package__ or __name__).rpartition(".")[0] or (__package__ or __name__)
logger = logging.getLogger(PACKAGE)
# ``petstore`` is switched on by ``PETSTORE_LOG``.
ENV = PACKAGE.rpartition(".")[2].upper() + "_LOG"
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}

# Headers whose values are secrets whatever the spec says, and names that say so.
SECRET_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-api-key",
        "api-key",
        "x-amz-security-token",
        "x-goog-api-key",
    }
)
SECRET_WORDS = re.compile(r"token|secret|passw|api[-_]?key|session|signature|credential|auth", re.I)


def configure(environ: Mapping[str, str] = os.environ) -> int | None:
    """Switch the logger on when ``<PACKAGE>_LOG`` asks for it: its level set, and a handler to
    stderr when it has none (the level, or ``None`` when the variable is unset or unknown)."""
    level = LEVELS.get(environ.get(ENV, "").strip().lower())
    if level is None:
        return None
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
    return level


def redact_headers(headers: Iterable[tuple[str, str]], secret: Iterable[str] = ()) -> str:
    """Headers for a log line, each secret value shown as ``***`` (``secret``: the header names
    of the spec's API key schemes)."""
    names = {n.lower() for n in secret} | SECRET_HEADERS
    shown = []
    for name, value in headers:
        lower = name.lower()
        hidden = lower in names or (SECRET_WORDS.search(lower) and lower != "idempotency-key")
        shown.append(f"{name}: {'***' if hidden else value}")
    return "; ".join(shown)


def exchange(
    method: str,
    url: str,
    outcome: object,
    started: float | None,
    headers: Mapping[str, str],
    response: httpx.Response | None,
    secret: Iterable[str],
) -> None:
    """Log one request (``url`` already redacted): a line at info, its headers at debug."""
    took = 0.0 if started is None else (time.perf_counter() - started) * 1000
    logger.info("%s %s -> %s (%.0f ms)", method, url, outcome, took)
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("request headers: %s", redact_headers(headers.items(), secret))
        if response is not None:
            logger.debug(
                "answer headers: %s", redact_headers(response.headers.multi_items(), secret)
            )
