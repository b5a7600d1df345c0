"""Retries: which requests are sent again, and how long to wait first (exponential backoff with
jitter, or what the server's ``Retry-After`` asks for)."""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass

import httpx

# RFC 9110 section 9.2.2: methods whose repetition has the effect of one request.
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Retries with exponential backoff and jitter, honouring ``Retry-After``.

    Connection errors, timeouts and the ``statuses`` (408, 429, 502, 503, 504: the answers of an
    overloaded server or gateway) are retried up to ``attempts`` times, for idempotent methods
    (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) only, unless the request carries an idempotency key
    or ``non_idempotent`` is set. The wait before retry ``n`` (from 0) is ``backoff * 2**n``
    seconds times a random factor between 0.5 and 1, at most ``max_backoff``; a ``Retry-After``
    answer header wins, and when it asks for longer than ``max_backoff`` the answer is returned
    (raised) instead of waited for.
    """

    attempts: int = 2
    backoff: float = 0.5
    max_backoff: float = 8.0
    statuses: frozenset[int] = frozenset({408, 429, 502, 503, 504})
    non_idempotent: bool = False

    def allows(self, method: str, keyed: bool = False) -> bool:
        """True when requests with this method (``keyed``: and an idempotency key) may be sent
        again."""
        return self.attempts > 0 and (self.non_idempotent or keyed or method in IDEMPOTENT)

    def delay(self, attempt: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before retry ``attempt`` (from 0), or ``None`` to stop retrying."""
        if response is not None:
            after = retry_after(response.headers.get("retry-after"))
            if after is not None:
                return after if after <= self.max_backoff else None
        return float(min(self.max_backoff, self.backoff * (2**attempt)) * random.uniform(0.5, 1.0))

    def next_delay(
        self, method: str, attempt: int, response: httpx.Response | None, keyed: bool = False
    ) -> float | None:
        """Seconds to wait before sending again after try ``attempt`` (from 0) ended in
        ``response`` (``None``: a connection error), or ``None`` when that outcome is final
        (``keyed``: the request carries an idempotency key)."""
        if attempt >= self.attempts or not self.allows(method, keyed):
            return None
        if response is not None and response.status_code not in self.statuses:
            return None
        return self.delay(attempt, response)


def retry_after(value: str | None) -> float | None:
    """A ``Retry-After`` header (seconds or an HTTP date) as seconds from now."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
