"""Per-call options, ``with_options``, bounded reading and the package logger of the client
runtime (generator/runtime/client/options.py, reading.py, logs.py, core.py), driven through
httpx.MockTransport; the logger's environment switch in a generated package, in a subprocess."""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import os
import subprocess
import sys
import zlib
from typing import Any

import httpx
import pytest
from client_support import FEATURES, generated

from generator.runtime.client import core, logs, reading
from generator.runtime.client.errors import ApiError, ResponseTooLargeError, request_id
from generator.runtime.client.retries import RetryPolicy
from generator.runtime.client.spec import Body, Operation, Result, Scheme

GET = Operation("get", "GET", "/things", responses={"200": Result("json")}, security=(("key",),))
POST = Operation("post", "POST", "/things", bodies=(Body("application/json", "json"),),
                 responses={"201": Result("json")})


class Sync(core.SyncCore):
    _schemes = {"key": Scheme("apiKey", "header", "X-Key")}


class Async(core.AsyncCore):
    _schemes = {"key": Scheme("apiKey", "header", "X-Key")}


class Recorder:
    def __init__(self, *answers: httpx.Response) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


def sync_client(recorder: Recorder, **kwargs: Any) -> Sync:
    client = Sync("http://h/api", {"key": "K"}, RetryPolicy(backoff=0.0))
    client._http = httpx.Client(transport=httpx.MockTransport(recorder), **kwargs)
    return client


def test_request_options_reach_the_request() -> None:
    recorder = Recorder(httpx.Response(200, json=[]))
    client = sync_client(recorder)
    client._call(GET, (), None, {"headers": {"X-Extra": "1", "x-key": "override"},
                                 "params": {"q": "a b", "tag": ["x", "y"]}, "timeout": 1.5})
    sent = recorder.requests[0]
    assert str(sent.url) == "http://h/api/things?q=a%20b&tag=x&tag=y"
    assert sent.headers["x-extra"] == "1" and sent.headers["x-key"] == "override"
    assert sent.extensions["timeout"] == {"connect": 1.5, "read": 1.5, "write": 1.5, "pool": 1.5}
    assert "idempotency-key" not in sent.headers


def test_retries_per_call_and_the_idempotency_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(core.time, "sleep", lambda seconds: None)
    recorder = Recorder(httpx.Response(503))
    client = sync_client(recorder)
    with pytest.raises(ApiError):
        client._call(GET, (), None, {"retries": 0})
    assert len(recorder.requests) == 1
    with pytest.raises(ApiError):
        client._call(GET, (), None, {"retries": RetryPolicy(attempts=4, backoff=0.0)})
    assert len(recorder.requests) == 6
    with pytest.raises(ApiError):
        client._call(POST, (), {}, {})
    assert len(recorder.requests) == 7  # not idempotent: once
    with pytest.raises(ApiError):
        client._call(POST, (), {}, {"idempotency_key": "abc"})
    assert len(recorder.requests) == 10  # with a key: retried like a GET, the same key each time
    assert [r.headers["idempotency-key"] for r in recorder.requests[7:]] == ["abc"] * 3


def test_with_options_shares_the_connections() -> None:
    recorder = Recorder(httpx.Response(200, json=1))
    client = sync_client(recorder)
    other = client.with_options(base_url="http://other/v2/", timeout=2.0, headers={"X-A": "1"}, retries=0,
                                follow_redirects=True)
    assert type(other) is Sync and other._http is client._http and other.base_url == "http://other/v2"
    assert other._retry == RetryPolicy(attempts=0) and client._retry.attempts == 2
    other._call(GET, ())
    sent = recorder.requests[-1]
    assert str(sent.url) == "http://other/v2/things" and sent.headers["x-a"] == "1"
    assert sent.extensions["timeout"]["read"] == 2.0 and sent.headers["x-key"] == "K"
    client._call(GET, ())
    assert "x-a" not in recorder.requests[-1].headers and str(recorder.requests[-1].url) == "http://h/api/things"
    # A per-call timeout wins over the derived client's; closing the derived client keeps the pool.
    other._call(GET, (), None, {"timeout": None})
    assert recorder.requests[-1].extensions["timeout"]["read"] is None
    other.close()
    assert not client._http.is_closed
    client.close()
    assert client._http.is_closed


def test_async_options_and_with_options() -> None:
    async def run() -> None:
        recorder = Recorder(httpx.Response(200, json=1))
        client = Async("http://h/api", {}, 0)
        client._http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        other = client.with_options(headers={"X-B": "2"})
        assert type(other) is Async and other._http is client._http
        assert (await other._call(GET, (), None, {"params": {"p": "1"}})).parsed == 1
        assert str(recorder.requests[0].url) == "http://h/api/things?p=1" and recorder.requests[0].headers["x-b"] == "2"
        await other.aclose()
        assert not client._http.is_closed
        await client.aclose()
        assert client._http.is_closed

    asyncio.run(run())


def test_event_hooks_see_every_request() -> None:
    seen: list[str] = []
    recorder = Recorder(httpx.Response(200, json=1))
    client = sync_client(recorder, event_hooks={"request": [lambda r: seen.append(r.method)],
                                                "response": [lambda r: seen.append(str(r.status_code))]})
    client._call(GET, ())
    assert seen == ["GET", "200"]


@pytest.mark.parametrize("header", ["x-request-id", "x-amzn-RequestId", "x-ms-request-id", "cf-ray",
                                    "x-goog-request-id", "request-id", "x-amz-request-id"])
def test_request_ids(header: str) -> None:
    assert request_id(httpx.Headers({header: "abc"})) == "abc"
    error = ApiError.from_response("op", httpx.Response(500, headers={header: "abc"}))
    assert error.request_id == "abc" and str(error) == "op: HTTP 500 Internal Server Error (request id abc)"
    assert ApiError.from_response("op", httpx.Response(500)).request_id is None


def _gzip_response(body: bytes, encoding: str = "gzip") -> httpx.Response:
    data = gzip.compress(body) if encoding == "gzip" else zlib.compress(body)
    if encoding == "raw-deflate":
        compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        data, encoding = compressor.compress(body) + compressor.flush(), "deflate"
    return httpx.Response(200, headers={"Content-Encoding": encoding, "Content-Type": "application/json"},
                          stream=httpx.ByteStream(data))


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
def test_bounded_reading_inflates_what_fits(encoding: str) -> None:
    body = json.dumps(list(range(200_000))).encode()  # about 1.3 MB, a few times smaller zipped
    response = _gzip_response(body, encoding)
    reading.read(response, 200.0, 1 << 16)
    assert response.content == body


def test_bounded_reading_refuses_a_bomb() -> None:
    response = _gzip_response(b" " * (50 << 20))
    with pytest.raises(reading.TooLarge) as info:
        reading.read(response, 100.0, 1 << 20)
    assert info.value.size <= max(1 << 20, 100 * info.value.wire) + reading.STEP


def test_a_bomb_through_the_client() -> None:
    recorder = Recorder(_gzip_response(b" " * (20 << 20)))
    client = sync_client(recorder)
    client.expansion_floor = 1 << 20
    with pytest.raises(ResponseTooLargeError, match="the body expands past"):
        client._call(GET, ())
    assert len(recorder.requests) == 1


def test_headers_in_logs_are_redacted() -> None:
    line = logs.redact_headers([("Authorization", "Bearer s"), ("X-Key", "s"), ("Cookie", "a=s"),
                                ("X-Session-Token", "s"), ("Idempotency-Key", "k"), ("Accept", "a/b")], {"X-Key"})
    assert line == ("Authorization: ***; X-Key: ***; Cookie: ***; X-Session-Token: ***; Idempotency-Key: k; "
                    "Accept: a/b")


def test_the_env_variable_switches_the_logger_on(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger(logs.PACKAGE)
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "level", logging.NOTSET)
    assert logs.configure({}) is None and logger.level == logging.NOTSET
    assert logs.configure({logs.ENV: "bogus"}) is None
    assert logs.configure({logs.ENV: "Debug"}) == logging.DEBUG and logger.level == logging.DEBUG
    assert len(logger.handlers) == 1


def test_a_generated_package_logs_by_its_env_variable() -> None:
    out = generated(FEATURES / "security-3.0.yaml", "secured")
    code = (
        "import httpx, secured\n"
        "t = httpx.MockTransport(lambda r: httpx.Response(200, json={}, headers={'Set-Cookie': 's=SECRET6'}))\n"
        "c = secured.Client('http://h/api', transport=t, header_key='SECRET1', query_key='SECRET2',\n"
        "                   cookie_key='SECRET3', bearer_auth='SECRET4', basic_auth=('u', 'SECRET5'))\n"
        "for op in ('with_header_key', 'with_query_key', 'with_cookie_key', 'with_bearer', 'with_basic'):\n"
        "    try:\n"
        "        getattr(c, op)()\n"
        "    except secured.ApiError:\n"
        "        pass  # the answer does not fit the declared model: the logs are what counts here\n"
    )
    env = {**os.environ, "SECURED_LOG": "debug", "PYTHONPATH": str(out)}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    assert sum(" secured INFO GET http://h/api/" in line for line in lines) == 5, run.stderr
    assert any("query-key?" in line and "=***" in line for line in lines), run.stderr
    assert any("answer headers:" in line and "set-cookie: ***" in line for line in lines), run.stderr
    assert "SECRET" not in run.stderr
    quiet = subprocess.run([sys.executable, "-c", code], env={**env, "SECURED_LOG": ""}, capture_output=True,
                           text=True, timeout=60)
    assert quiet.returncode == 0 and quiet.stderr == ""
