"""The generated client against a server that misbehaves on purpose (issue 18, part 1): every
fault ends in a typed error of the ``ApiError`` family, quickly, retried only where the method is
idempotent or an idempotency key is set, without leaking a socket; sync and async alike.

The server is ``tests/fault_server.py`` in a subprocess (so that the file descriptors counted
here are the client's alone); the client is generated from ``specs/features/transport-3.0.yaml``.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_support import FEATURES, load, module

HERE = Path(__file__).resolve().parent
FAST = {"backoff": 0.01}  # retries at once: a storm is over in milliseconds


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    proc = subprocess.Popen([sys.executable, str(HERE / "fault_server.py")], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def pkg() -> ModuleType:
    return load(FEATURES / "transport-3.0.yaml", "transport")


@pytest.fixture(autouse=True)
def fresh(server: str) -> None:
    httpx.post(server + "/_reset")


def stats(server: str) -> dict[str, Any]:
    data: dict[str, Any] = httpx.get(server + "/_stats").json()
    return data


def fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def call(pkg: ModuleType, server: str, mode: str, op: str, *args: Any, fault: str = "ok",
         client: dict[str, Any] | None = None, options: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    """``op`` called once on a new client (sync or async) with ``X-Fault: fault``; returns what it
    returned or the ``ApiError`` it raised (any other exception fails the test), after checking
    that closing the client left no file descriptor open."""
    options = {**(options or {}), "headers": {"X-Fault": fault, **(options or {}).get("headers", {})}}
    settings = {"retries": pkg.RetryPolicy(**FAST), **(client or {})}
    before = fds()
    if mode == "sync":
        with pkg.Client(server, **settings) as c:
            try:
                result = getattr(c, op)(*args, request_options=options, **kwargs)
            except pkg.ApiError as exc:
                result = exc
    else:
        async def run() -> Any:
            async with pkg.AsyncClient(server, **settings) as c:
                try:
                    return await getattr(c, op)(*args, request_options=options, **kwargs)
                except pkg.ApiError as exc:
                    return exc

        result = asyncio.run(run())
    assert fds() == before, "a file descriptor was left open"
    return result


def thing(pkg: ModuleType) -> Any:
    return pkg.models.Thing(id=1, name="one")


MODES = pytest.mark.parametrize("mode", ["sync", "async"])


@MODES
def test_truncated_body(pkg: ModuleType, server: str, mode: str) -> None:
    error = call(pkg, server, mode, "get_thing", "1", fault="truncated")
    assert type(error) is pkg.errors.ApiConnectionError and error.status_code == 200
    assert "the body broke off (RemoteProtocolError" in str(error)
    assert stats(server)["counts"]["truncated"] == 3  # GET: retried twice
    error = call(pkg, server, mode, "create_thing", thing(pkg), fault="truncated")
    assert type(error) is pkg.errors.ApiConnectionError
    assert stats(server)["counts"]["truncated"] == 4  # POST: sent once


@MODES
def test_invalid_json_with_200(pkg: ModuleType, server: str, mode: str) -> None:
    error = call(pkg, server, mode, "get_thing", "1", fault="badjson")
    assert type(error) is pkg.errors.ResponseParseError and error.status_code == 200
    assert str(error) == 'get_thing: HTTP 200 the body is not JSON: {"id": 1,, "name": } (request id req-42)'
    assert error.parsed == '{"id": 1,, "name": }' and error.request_id == "req-42"
    assert isinstance(error, pkg.errors.ResponseValidationError)
    assert stats(server)["counts"]["badjson"] == 1  # a parse error is not retried


@MODES
def test_no_content_type(pkg: ModuleType, server: str, mode: str) -> None:
    error = call(pkg, server, mode, "get_thing", "1", fault="notype")
    assert type(error) is pkg.errors.ResponseParseError
    assert "the body (sent without a Content-Type) is not JSON" in str(error)
    # JSON without a Content-Type is read as declared (many servers forget the header).
    assert call(pkg, server, mode, "get_thing", "1", fault="notype-json") == thing(pkg)


@MODES
def test_wrong_content_type(pkg: ModuleType, server: str, mode: str) -> None:
    error = call(pkg, server, mode, "get_thing", "1", fault="wrongtype")
    assert type(error) is pkg.errors.ResponseParseError
    assert str(error) == ("get_thing: HTTP 200 the body is text/html, not the JSON the spec declares: "
                          "an HTML page: Sign in (request id req-42)")


@MODES
def test_html_error_page_with_502(pkg: ModuleType, server: str, mode: str) -> None:
    error = call(pkg, server, mode, "get_thing", "1", fault="html502")
    # The declared error model (Problem) does not fit an HTML page: a plain ApiError.
    assert type(error) is pkg.ApiError and error.status_code == 502
    assert str(error) == "get_thing: HTTP 502 Bad Gateway: an HTML page: 502 Bad Gateway (request id req-42)"
    assert error.text.startswith("<!DOCTYPE html>")
    assert stats(server)["counts"]["html502"] == 3  # a gateway's 502 is retried for a GET
    error = call(pkg, server, mode, "create_thing", thing(pkg), fault="html502")
    assert error.status_code == 502 and stats(server)["counts"]["html502"] == 4


@MODES
def test_redirect_loop(pkg: ModuleType, server: str, mode: str) -> None:
    error = call(pkg, server, mode, "get_thing", "1", fault="loop")
    assert type(error) is pkg.ApiError and error.status_code == 302  # not followed by default
    error = call(pkg, server, mode, "get_thing", "1", fault="loop", client={"follow_redirects": True})
    assert type(error) is pkg.errors.TooManyRedirectsError and error.status_code == 0
    assert "Exceeded maximum allowed redirects" in str(error)
    assert stats(server)["counts"]["loop"] == 1 + 21  # httpx follows 20, then stops; not retried


@MODES
def test_body_stalling_past_the_read_timeout(pkg: ModuleType, server: str, mode: str) -> None:
    started = time.monotonic()
    error = call(pkg, server, mode, "get_thing", "1", fault="stall", options={"timeout": 0.3, "retries": 0})
    assert type(error) is pkg.errors.ApiTimeoutError and isinstance(error, pkg.errors.ApiConnectionError)
    assert isinstance(error.__cause__, httpx.ReadTimeout) and error.status_code == 200
    error = call(pkg, server, mode, "create_thing", thing(pkg), fault="stall", client={"timeout": 0.3})
    assert type(error) is pkg.errors.ApiTimeoutError
    assert time.monotonic() - started < 5  # never a hang
    assert stats(server)["counts"]["stall"] == 2  # retries off for the GET, the POST sent once


@MODES
def test_connection_reset_mid_body(pkg: ModuleType, server: str, mode: str) -> None:
    error = call(pkg, server, mode, "get_thing", "1", fault="reset")
    assert type(error) is pkg.errors.ApiConnectionError and error.status_code == 200
    assert isinstance(error.__cause__, httpx.ReadError | httpx.RemoteProtocolError)
    assert stats(server)["counts"]["reset"] == 3
    call(pkg, server, mode, "create_thing", thing(pkg), fault="reset")
    assert stats(server)["counts"]["reset"] == 4


@MODES
def test_storms_beyond_the_retry_budget(pkg: ModuleType, server: str, mode: str) -> None:
    error = call(pkg, server, mode, "get_thing", "1", fault="storm")
    assert type(error) is pkg.errors.ProblemError and error.status_code == 503
    assert error.parsed.title == "busy" and error.retry_after == 0.0
    assert stats(server)["counts"]["storm"] == 3  # the budget: 2 retries
    # A POST is sent once, unless it carries an idempotency key.
    call(pkg, server, mode, "create_thing", thing(pkg), fault="storm")
    assert stats(server)["counts"]["storm"] == 4
    error = call(pkg, server, mode, "create_thing", thing(pkg), fault="storm", options={"idempotency_key": "k-1"})
    assert error.status_code == 503 and stats(server) == {"counts": {"storm": 7}, "keys": ["k-1"] * 3}
    # Retry-After beyond what the policy waits for: the answer at once, no hang.
    started = time.monotonic()
    error = call(pkg, server, mode, "get_thing", "1", fault="storm-long", client={"retries": 5})
    assert error.status_code == 429 and error.retry_after == 3600.0
    assert time.monotonic() - started < 2 and stats(server)["counts"]["storm-long"] == 1


@MODES
def test_gzip_body_expanding_a_thousandfold(pkg: ModuleType, server: str, mode: str) -> None:
    started = time.monotonic()
    error = call(pkg, server, mode, "list_things", fault="bomb")
    assert type(error) is pkg.errors.ResponseTooLargeError and error.status_code == 200
    assert "the body expands past" in str(error) and error.content == b""
    assert time.monotonic() - started < 5 and stats(server)["counts"]["bomb"] == 1


@MODES
def test_the_result_type_follows_the_content_type(pkg: ModuleType, server: str, mode: str) -> None:
    models = pkg.models
    things = call(pkg, server, mode, "list_things")
    assert things == [thing(pkg)] and type(things[0]) is models.Thing
    star = {"headers": {"Accept": "application/vnd.example.star+json"}}
    starred = call(pkg, server, mode, "list_things", options=star)
    assert type(starred[0]) is models.StarredThing and starred[0].thing == thing(pkg)


@MODES
def test_no_descriptor_grows_with_faults_on_one_client(pkg: ModuleType, server: str, mode: str) -> None:
    faults = ["truncated", "badjson", "html502", "reset", "storm", "bomb", "ok"]
    before = fds()

    def sync_run() -> int:
        with pkg.Client(server, retries=pkg.RetryPolicy(**FAST)) as c:
            for _ in range(3):
                for fault in faults:
                    try:
                        c.get_thing("1", request_options={"headers": {"X-Fault": fault}})
                    except pkg.ApiError:
                        pass
            return fds()

    async def async_run() -> int:
        async with pkg.AsyncClient(server, retries=pkg.RetryPolicy(**FAST)) as c:
            for _ in range(3):
                for fault in faults:
                    try:
                        await c.get_thing("1", request_options={"headers": {"X-Fault": fault}})
                    except pkg.ApiError:
                        pass
            return fds() - 3  # the event loop's own (a selector and its self-pipe)

    during = sync_run() if mode == "sync" else asyncio.run(async_run())
    assert during <= before + 1  # at most the one pooled connection
    assert fds() == before


def test_a_spec_parameter_named_like_the_options_keyword_is_renamed(pkg: ModuleType) -> None:
    import inspect

    names = list(inspect.signature(pkg.Client.list_things).parameters)
    assert names == ["self", "request_options_2", "request_options"]
    assert list(inspect.signature(pkg.AsyncClient.list_things).parameters) == names


def test_the_error_family_is_exported(pkg: ModuleType) -> None:
    errors = module(pkg, "errors")
    for name in ("ApiConnectionError", "ApiTimeoutError", "ResponseParseError", "ResponseTooLargeError",
                 "TooManyRedirectsError", "ResponseValidationError"):
        assert issubclass(getattr(errors, name), pkg.ApiError) and name in errors.__all__
        assert getattr(errors, name).__module__ == "transport.errors"
