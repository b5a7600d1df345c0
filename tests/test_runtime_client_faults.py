"""The client runtime's failures (generator/runtime/client/faults.py), imported directly: each httpx
exception (or a body too large) as its ``ApiError``, which of them a retry may cure, and the delay
before a retry (the call's policy before the client's, idempotency, ``Retry-After``)."""

from __future__ import annotations

import email.utils
import logging
import time

import httpx
import pytest

from generator.runtime.client.core import Request
from generator.runtime.client.errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    ResponseParseError,
    ResponseTooLargeError,
    TooManyRedirectsError,
)
from generator.runtime.client.faults import CAUGHT, failure, retry_delay, retryable
from generator.runtime.client.reading import TooLarge
from generator.runtime.client.retries import RetryPolicy

NO_WAIT = RetryPolicy(backoff=0.0)


def request(method: str = "GET", *, retry: RetryPolicy | None = None, keyed: bool = False,
            operation: str = "get_pet") -> Request:
    return Request(method, "http://test/pets/1", {}, {}, retry=retry, keyed=keyed, operation=operation)


def answer(status: int, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, headers=headers or {}, request=httpx.Request("GET", "http://test/pets/1"))


# --------------------------------------------------------------------------- failure


@pytest.mark.parametrize(("exc", "kind"), [
    (httpx.ConnectError("refused"), ApiConnectionError),
    (httpx.RemoteProtocolError("peer closed"), ApiConnectionError),
    (httpx.ReadError("reset"), ApiConnectionError),
    (httpx.ConnectTimeout("slow"), ApiTimeoutError),
    (httpx.ReadTimeout("stalled"), ApiTimeoutError),
    (httpx.PoolTimeout("pool"), ApiTimeoutError),
    (httpx.TooManyRedirects("loop"), TooManyRedirectsError),
])
def test_each_httpx_exception_without_an_answer_has_its_error(exc: Exception, kind: type[ApiError]) -> None:
    error = failure("get_pet", exc, None)
    assert type(error) is kind
    assert error.operation == "get_pet" and error.status_code == 0 and error.response is None
    assert str(error).startswith("get_pet: no answer")


def test_a_body_that_broke_off_keeps_the_answers_status_and_headers() -> None:
    response = answer(200, {"x-request-id": "r-9"})
    error = failure("get_pet", httpx.RemoteProtocolError("incomplete chunked read"), response)
    assert type(error) is ApiConnectionError and error.response is response
    assert (error.status_code, error.request_id) == (200, "r-9")
    assert "the body broke off (RemoteProtocolError: incomplete chunked read)" in str(error)


def test_a_body_too_large_and_an_undecodable_body() -> None:
    response = answer(200)
    large = failure("get_pet", TooLarge(1000, 10), response)
    assert type(large) is ResponseTooLargeError and large.status_code == 200 and large.content == b""
    assert "expands past 1000 bytes from 10 bytes" in str(large)
    broken = failure("get_pet", httpx.DecodingError("bad gzip"), response)
    assert type(broken) is ResponseParseError and "cannot be decoded (bad gzip)" in str(broken)
    # Without an answer an undecodable body is a broken connection, not a parse error.
    assert type(failure("get_pet", httpx.DecodingError("bad gzip"), None)) is ApiConnectionError


def test_what_is_not_a_transport_failure_is_raised_as_it_is() -> None:
    with pytest.raises(KeyError):
        failure("get_pet", KeyError("bug"), None)
    with pytest.raises(TooLarge):  # a TooLarge with no answer to name
        failure("get_pet", TooLarge(1, 1), None)
    assert issubclass(TooLarge, CAUGHT) and issubclass(httpx.ReadTimeout, CAUGHT)
    assert not issubclass(KeyError, CAUGHT)


# --------------------------------------------------------------------------- retryable


def test_only_no_complete_answer_is_retryable() -> None:
    response = answer(200)
    assert retryable(failure("op", httpx.ConnectError("x"), None))
    assert retryable(failure("op", httpx.ReadTimeout("x"), None))
    assert retryable(failure("op", httpx.ReadError("x"), response))
    assert not retryable(failure("op", httpx.TooManyRedirects("x"), None))
    assert not retryable(failure("op", TooLarge(1, 1), response))
    assert not retryable(failure("op", httpx.DecodingError("x"), response))
    assert not retryable(ApiError("op", 503, httpx.Headers(), b""))


# --------------------------------------------------------------------------- retry_delay


@pytest.mark.parametrize(("exc", "retried"), [
    (httpx.ConnectError("refused"), True),
    (httpx.ReadTimeout("stalled"), True),
    (httpx.TooManyRedirects("loop"), False),
])
def test_errors_retried(exc: Exception, retried: bool) -> None:
    error = failure("get_pet", exc, None)
    delay = retry_delay(NO_WAIT, request(), 0, None, error)
    assert (delay == 0.0) if retried else (delay is None)


def test_an_error_that_is_not_retryable_stops_before_the_policy_is_asked() -> None:
    # A policy that would retry anything: the error alone decides.
    eager = RetryPolicy(attempts=5, backoff=0.0, non_idempotent=True)
    too_large = failure("op", TooLarge(1, 1), answer(200))
    assert retry_delay(eager, request("POST"), 0, None, too_large) is None


@pytest.mark.parametrize(("method", "keyed", "retried"), [
    ("GET", False, True), ("HEAD", False, True), ("PUT", False, True), ("DELETE", False, True),
    ("OPTIONS", False, True), ("POST", False, False), ("PATCH", False, False),
    ("POST", True, True), ("PATCH", True, True),  # an idempotency key makes them safe to repeat
])
def test_which_methods_are_sent_again(method: str, keyed: bool, retried: bool) -> None:
    connection = failure("op", httpx.ConnectError("x"), None)
    assert (retry_delay(NO_WAIT, request(method, keyed=keyed), 0, None, connection) is not None) is retried
    assert (retry_delay(NO_WAIT, request(method, keyed=keyed), 0, answer(503), None) is not None) is retried


@pytest.mark.parametrize(("status", "retried"), [
    (408, True), (429, True), (502, True), (503, True), (504, True),
    (200, False), (400, False), (404, False), (500, False), (501, False),
])
def test_which_statuses_are_retried(status: int, retried: bool) -> None:
    assert (retry_delay(NO_WAIT, request(), 0, answer(status), None) is not None) is retried


def test_attempts_run_out() -> None:
    policy = RetryPolicy(attempts=2, backoff=0.0)
    assert [retry_delay(policy, request(), n, answer(503), None) for n in range(4)] == [0.0, 0.0, None, None]


def test_the_calls_own_policy_comes_before_the_clients() -> None:
    client = RetryPolicy(attempts=0)
    own = RetryPolicy(attempts=1, backoff=0.0, statuses=frozenset({500}))
    assert retry_delay(client, request(), 0, answer(503), None) is None
    assert retry_delay(client, request(retry=own), 0, answer(500), None) == 0.0
    assert retry_delay(client, request(retry=own), 0, answer(503), None) is None  # own statuses
    assert retry_delay(RetryPolicy(backoff=0.0), request(retry=RetryPolicy(attempts=0)), 0, answer(503), None) is None


def test_backoff_bounds() -> None:
    policy = RetryPolicy(attempts=9, backoff=1.0, max_backoff=4.0)
    for attempt, ceiling in [(0, 1.0), (1, 2.0), (2, 4.0), (5, 4.0)]:
        delays = [retry_delay(policy, request(), attempt, answer(503), None) for _ in range(100)]
        assert all(d is not None and ceiling / 2 <= d <= ceiling for d in delays), (attempt, delays)


def test_retry_after_seconds_and_dates() -> None:
    policy = RetryPolicy(max_backoff=8.0)
    assert retry_delay(policy, request(), 0, answer(503, {"Retry-After": "3"}), None) == 3.0
    assert retry_delay(policy, request(), 0, answer(429, {"Retry-After": "60"}), None) is None  # too long
    soon = email.utils.formatdate(time.time() + 5, usegmt=True)
    delay = retry_delay(policy, request(), 0, answer(503, {"Retry-After": soon}), None)
    assert delay is not None and 3.0 <= delay <= 5.0
    past = "Wed, 21 Oct 2015 07:28:00 GMT"
    assert retry_delay(policy, request(), 0, answer(503, {"Retry-After": past}), None) == 0.0


def test_a_retry_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        retry_delay(RetryPolicy(attempts=3, backoff=0.0), request(operation="list_pets"), 1, answer(503), None)
        retry_delay(RetryPolicy(attempts=3, backoff=0.0), request(operation=""), 0, answer(200), None)
    messages = [r.getMessage() for r in caplog.records]
    assert messages == ["retrying list_pets in 0.00 s (try 3 of 4)"]
