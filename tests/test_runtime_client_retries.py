"""The client runtime's retry policy (generator/runtime/client/retries.py), imported directly:
backoff bounds, ``Retry-After`` (seconds and dates), and which requests are sent again."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest

from generator.runtime.client.retries import IDEMPOTENT, RetryPolicy, retry_after


def answer(status: int, retry: str | None = None) -> httpx.Response:
    return httpx.Response(status, headers={"Retry-After": retry} if retry is not None else {})


def test_backoff_doubles_with_jitter_up_to_the_ceiling() -> None:
    policy = RetryPolicy(attempts=6, backoff=1.0, max_backoff=8.0)
    for attempt, ceiling in [(0, 1.0), (1, 2.0), (2, 4.0), (3, 8.0), (4, 8.0), (5, 8.0)]:
        delays = [policy.delay(attempt, None) for _ in range(200)]
        assert all(d is not None and ceiling / 2 <= d <= ceiling for d in delays)
        assert len(set(delays)) > 1  # jitter
    assert RetryPolicy(backoff=0.0).delay(3, None) == 0.0


def test_retry_after_seconds() -> None:
    policy = RetryPolicy(max_backoff=8.0)
    assert policy.delay(0, answer(503, "3")) == 3.0
    assert policy.delay(0, answer(503, " 8 ")) == 8.0
    assert policy.delay(0, answer(503, "9")) is None  # longer than max_backoff: the answer is final
    assert policy.delay(0, answer(503, "0")) == 0.0


def test_retry_after_dates() -> None:
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    soon = email.utils.formatdate(time.time() + 5, usegmt=True)
    waited = retry_after(soon)
    assert waited is not None and 3.0 <= waited <= 5.0
    later = email.utils.formatdate(time.time() + 60, usegmt=True)
    assert RetryPolicy(max_backoff=8.0).delay(0, answer(429, later)) is None


def test_a_retry_after_that_is_neither_falls_back_to_backoff() -> None:
    assert retry_after("soon") is None and retry_after(None) is None and retry_after("-1") is None
    delay = RetryPolicy(backoff=1.0).delay(1, answer(503, "soon"))
    assert delay is not None and 1.0 <= delay <= 2.0


def test_idempotent_methods_only_unless_asked() -> None:
    policy = RetryPolicy()
    assert IDEMPOTENT == {"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"}
    assert all(policy.allows(m) for m in IDEMPOTENT)
    assert not policy.allows("POST") and not policy.allows("PATCH")
    assert RetryPolicy(non_idempotent=True).allows("POST")
    assert not RetryPolicy(attempts=0).allows("GET")


@pytest.mark.parametrize(("method", "attempt", "status", "retried"), [
    ("GET", 0, None, True),      # a connection error
    ("GET", 1, 503, True),
    ("GET", 0, 429, True),
    ("GET", 2, 503, False),      # attempts used up (2 by default)
    ("GET", 0, 500, False),      # not a retried status
    ("GET", 0, 200, False),
    ("POST", 0, 503, False),     # not idempotent
    ("POST", 0, None, False),
])
def test_next_delay(method: str, attempt: int, status: int | None, retried: bool) -> None:
    response = answer(status) if status is not None else None
    delay = RetryPolicy(backoff=0.0).next_delay(method, attempt, response)
    assert (delay is not None) is retried
    if retried:
        assert delay == 0.0


def test_next_delay_with_own_statuses() -> None:
    policy = RetryPolicy(statuses=frozenset({500}), non_idempotent=True, backoff=0.0)
    assert policy.next_delay("POST", 0, answer(500)) == 0.0
    assert policy.next_delay("POST", 0, answer(503)) is None
