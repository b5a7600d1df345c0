"""The client runtime's transport loop (generator/runtime/client/core.py), imported directly and
driven through httpx.MockTransport: the request a call becomes, retries, whole answers, logs."""

from __future__ import annotations

import asyncio
import logging
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from generator.runtime.client import core
from generator.runtime.client.errors import ApiConnectionError, ApiError
from generator.runtime.client.retries import RetryPolicy
from generator.runtime.client.spec import Body, Operation, Param, Result, Scheme

SCHEMES = {"key": Scheme("apiKey", "query", "api_key"), "token": Scheme("bearer")}

GET_THING = Operation(
    "get_thing", "GET", "/things/{id}",
    params=(Param("id", "path", "simple", False), Param("q", "query", "form", True),
            Param("X-Trace", "header", "simple", False), Param("pref", "cookie", "form", True)),
    constants=(("query", "Action", "GetThing"), ("query", "flag", ""), ("header", "X-Version", "2")),
    responses={"200": Result("json"), "404": Result("json")},
    security=(("key",), ("token",)),
    accept="application/json",
)
CREATE = Operation("create", "POST", "/things", bodies=(Body("application/json", "json"),),
                   responses={"201": Result("json")})
OLD = Operation("old", "GET", "/old", deprecated=True)

Handler = Callable[[httpx.Request], httpx.Response]
FAST = RetryPolicy(backoff=0.0)  # retried at once


class Recorder:
    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


class Sync(core.SyncCore):
    _schemes = SCHEMES


class Async(core.AsyncCore):
    _schemes = SCHEMES


def sync_client(handler: Handler, retries: int | RetryPolicy = FAST, **credentials: Any) -> Sync:
    client = Sync("http://h/base/", credentials, retries)
    client._http = httpx.Client(transport=httpx.MockTransport(handler))
    return client


def async_client(handler: Handler, retries: int | RetryPolicy = FAST, **credentials: Any) -> Async:
    client = Async("http://h/base", credentials, retries)
    client._http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return client


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    slept: list[float] = []
    monkeypatch.setattr(core.time, "sleep", slept.append)
    yield slept


def test_a_call_becomes_one_request() -> None:
    recorder = Recorder(httpx.Response(200, json={"ok": True}))
    client = sync_client(recorder, key="K", token=None)
    answer = client._call(GET_THING, ("a/b", ["x", "y"], "t-1", "dark"))
    assert answer.parsed == {"ok": True} and answer.status_code == 200
    sent = recorder.requests[0]
    assert str(sent.url) == "http://h/base/things/a%2Fb?Action=GetThing&flag&q=x&q=y&api_key=K"
    assert sent.headers["accept"] == "application/json"
    assert sent.headers["x-version"] == "2" and sent.headers["x-trace"] == "t-1"
    assert sent.headers["cookie"] == "pref=dark"
    assert "content-type" not in sent.headers and sent.content == b""


def test_unset_values_are_left_out() -> None:
    recorder = Recorder(httpx.Response(200))
    sync_client(recorder, token="T")._call(GET_THING, ("1", None, None, None))
    sent = recorder.requests[0]
    assert str(sent.url) == "http://h/base/things/1?Action=GetThing&flag"
    assert sent.headers["authorization"] == "Bearer T" and "cookie" not in sent.headers


def test_a_body_and_its_content_type() -> None:
    recorder = Recorder(httpx.Response(201, json={"id": 1}))
    assert sync_client(recorder)._call(CREATE, (), {"name": "a"}).parsed == {"id": 1}
    assert recorder.requests[0].content == b'{"name":"a"}'
    assert recorder.requests[0].headers["content-type"] == "application/json"


def test_a_deprecated_operation_warns_at_the_caller() -> None:
    client = sync_client(Recorder(httpx.Response(200)))

    def operation_method() -> None:  # what a generated method is: it calls _call
        client._call(OLD, ())

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        line = sys._getframe().f_lineno + 1
        operation_method()
    assert [str(w.message) for w in caught] == ["old is deprecated"]
    assert (caught[0].filename, caught[0].lineno) == (__file__, line)
    assert caught[0].category is DeprecationWarning


def test_retried_statuses_then_the_answer(no_sleep: list[float]) -> None:
    recorder = Recorder(httpx.Response(503), httpx.Response(429, headers={"Retry-After": "1"}),
                        httpx.Response(200, json=1))
    assert sync_client(recorder)._call(GET_THING, ("1", None, None, None)).parsed == 1
    assert len(recorder.requests) == 3 and no_sleep == [0.0, 1.0]


def test_retries_used_up_the_last_answer_is_raised(no_sleep: list[float]) -> None:
    recorder = Recorder(httpx.Response(503))
    with pytest.raises(ApiError, match="HTTP 503"):
        sync_client(recorder, retries=1)._call(GET_THING, ("1", None, None, None))
    assert len(recorder.requests) == 2


def test_a_retry_after_beyond_the_ceiling_is_not_waited_for(no_sleep: list[float]) -> None:
    recorder = Recorder(httpx.Response(503, headers={"Retry-After": "3600"}))
    with pytest.raises(ApiError, match="HTTP 503"):
        sync_client(recorder)._call(GET_THING, ("1", None, None, None))
    assert len(recorder.requests) == 1 and no_sleep == []


def test_connection_errors_are_retried_then_raised(no_sleep: list[float]) -> None:
    recorder = Recorder(httpx.ConnectError("refused"))
    with pytest.raises(ApiConnectionError, match=r"get_thing: no answer \(ConnectError: refused\)") as info:
        sync_client(recorder, retries=2)._call(GET_THING, ("1", None, None, None))
    assert len(recorder.requests) == 3
    assert info.value.status_code == 0 and isinstance(info.value.__cause__, httpx.ConnectError)
    recorder = Recorder(httpx.ConnectError("refused"), httpx.Response(200, json=2))
    assert sync_client(recorder)._call(GET_THING, ("1", None, None, None)).parsed == 2


def test_non_idempotent_requests_are_sent_once(no_sleep: list[float]) -> None:
    recorder = Recorder(httpx.ConnectError("refused"))
    with pytest.raises(ApiConnectionError):
        sync_client(recorder)._call(CREATE, (), {})
    recorder = Recorder(httpx.Response(503))
    with pytest.raises(ApiError):
        sync_client(recorder)._call(CREATE, (), {})
    assert len(recorder.requests) == 1
    recorder = Recorder(httpx.Response(503), httpx.Response(201, json=3))
    assert sync_client(recorder, retries=RetryPolicy(backoff=0.0, non_idempotent=True))._call(CREATE, (), {}).parsed == 3


def test_retries_off() -> None:
    recorder = Recorder(httpx.Response(503))
    with pytest.raises(ApiError):
        sync_client(recorder, retries=0)._call(GET_THING, ("1", None, None, None))
    assert len(recorder.requests) == 1


def test_with_response_gives_the_whole_answer() -> None:
    client = sync_client(Recorder(httpx.Response(200, json={"a": 1}, headers={"X-Id": "7"})))

    def get(thing: str) -> Any:
        return client._call(GET_THING, (thing, None, None, None)).parsed

    answer = client.with_response(get)("1")
    assert answer.parsed == {"a": 1} and answer.status_code == 200 and answer.headers["x-id"] == "7"
    assert isinstance(answer.raw, httpx.Response)
    assert core._CAPTURE.get() is None  # reset after the call


def test_the_async_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr(core, "_sleep", sleep)

    async def run() -> None:
        recorder = Recorder(httpx.Response(503), httpx.ConnectError("refused"), httpx.Response(200, json={"a": 1}))
        client = async_client(recorder, key="K")
        answer = await client._call(GET_THING, ("1", None, None, None))
        assert answer.parsed == {"a": 1} and len(recorder.requests) == 3 and slept == [0.0, 0.0]
        assert str(recorder.requests[0].url) == "http://h/base/things/1?Action=GetThing&flag&api_key=K"

        async def get() -> Any:
            return (await client._call(GET_THING, ("1", None, None, None))).parsed

        whole = await client.with_response(get)()
        assert whole.parsed == {"a": 1} and whole.status_code == 200
        with pytest.raises(ApiError, match="HTTP 404"):
            await async_client(Recorder(httpx.Response(404)), retries=0)._call(GET_THING, ("1", None, None, None))

    asyncio.run(run())


def test_the_async_sleep_waits() -> None:
    async def run() -> float:
        loop = asyncio.get_running_loop()
        start = loop.time()
        await core._sleep(0.01)
        return loop.time() - start

    assert asyncio.run(run()) >= 0.005


def test_logs_and_repr_keep_secrets(caplog: pytest.LogCaptureFixture) -> None:
    client = sync_client(Recorder(httpx.Response(200)), key="SECRET")
    client.base_url = "http://user:pw@h/base"
    with caplog.at_level(logging.DEBUG, logger=core._log.name):
        client._call(GET_THING, ("1", None, None, None))
    lines = [r.getMessage() for r in caplog.records if r.name == core._log.name]
    assert core._log.name == "generator.runtime"  # the package the runtime is shipped in
    assert re.fullmatch(r"GET http://\*\*\*@h/base/things/1\?Action=GetThing&flag&api_key=\*\*\* -> 200 "
                        r"\(\d+ ms\)", lines[0]), lines
    assert lines[1:] == ["request headers: Accept: application/json; X-Version: 2", "answer headers: "]
    assert repr(client) == "Sync(base_url='http://***@h/base', credentials=['key'])"
    assert "SECRET" not in repr(client)


def test_the_base_url_loses_its_trailing_slash_and_unset_credentials_are_dropped() -> None:
    client = Sync("http://h/v1/", {"key": None, "token": "t"}, 3)
    assert client.base_url == "http://h/v1" and client._credentials == {"token": "t"}
    assert client._retry == RetryPolicy(attempts=3)
