"""The client against real servers on 127.0.0.1: the generated server (sync and async clients run
the same scenario, over uvicorn and in process), retries, timeouts and every kind of auth."""

from __future__ import annotations

import asyncio
import inspect
import io
import json
import shutil
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_support import FEATURES, generated, load, module
from helpers import ROOT, free_port, import_fresh, uvicorn_server

pytestmark = pytest.mark.e2e
PACKAGE = "bodies_live"


@pytest.fixture(scope="module")
def pkg() -> ModuleType:
    return load(FEATURES / "bodies-3.0.yaml", PACKAGE)


@pytest.fixture(scope="module")
def secured() -> ModuleType:
    return load(FEATURES / "security-3.0.yaml", "secured_live")


@pytest.fixture(scope="module")
def server(pkg: ModuleType) -> Iterator[str]:
    out = generated(FEATURES / "bodies-3.0.yaml", PACKAGE)
    shutil.copy(ROOT / "tests" / "client_peer_app.py", out / "client_peer_app.py")
    with uvicorn_server("client_peer_app:app", out, env={"OAGEN_TEST_PACKAGE": PACKAGE}) as url:
        yield url


async def _maybe(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


async def scenario(pkg: ModuleType, client: Any, tmp: Path) -> None:
    """Every operation of the bodies spec, written once for both clients."""
    m, errors = pkg.models, pkg.errors

    async def call(name: str, *args: Any, **kwargs: Any) -> Any:
        return await _maybe(getattr(client, name)(*args, **kwargs))

    box = await call("create_thing", m.Thing(display_name="Box", kind=m.Kind.GADGET, tags=[m.Tag(name="t")]))
    assert isinstance(box, m.Thing) and box.id_ == 1 and box.tags == [m.Tag(name="t")]
    assert await call("get_thing", "1") == box
    with pytest.raises(errors.ProblemError) as conflict:
        await call("create_thing", m.Thing(display_name="Box", kind="gizmo"))
    assert conflict.value.status_code == 409 and conflict.value.parsed.title == "exists"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert await call("list_things", kind=m.Kind.GADGET) == [box]
        assert await call("list_things", kind=m.Kind.GIZMO) == []
    answer = await _maybe(client.with_response(client.get_thing)("1"))
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert answer.parsed == box and isinstance(answer.raw, httpx.Response)
    with pytest.raises(errors.NotFoundError) as missing:
        await call("get_thing", "a/b?c#d")
    assert missing.value.parsed.message == "no thing a/b?c#d" and missing.value.status_code == 404
    received = await call("submit_form", {"name": "a b&c", "count": 2, "agree": True, "tags": ["x", "y"]})
    assert received.form == {"name": "a b&c", "count": 2, "agree": True, "tags": ["x", "y"]}
    assert await call("put_blob", "b1", b"\x00\x01\xff") is None
    assert await call("get_blob", "b1") == b"\x00\x01\xff"
    assert await call("add_note", body="quiet") == "QUIET"
    assert await call("get_report") == m.Report(total=1, kinds={"gadget": 1})
    assert await call("delete_thing", "1") is None
    with pytest.raises(errors.NotFoundError):
        await call("delete_thing", "1")
    photo = tmp / "photo.png"
    photo.write_bytes(b"\x89PNG....")
    # Every kind of upload the client takes: a file object, a path, bytes, a (name, bytes, type) tuple.
    for upload, size in ((io.BytesIO(b"12345"), 5), (photo, 8), (b"abc", 3), (("a.txt", b"ab", "text/plain"), 2)):
        received = await call("upload_files", {"file": upload, "note": "hi"})
        assert received.form == {"note": "hi"}
        assert [(f.field, f.size) for f in received.files or []] == [("file", size)]


def _run_sync(pkg: ModuleType, url: str, tmp: Path, transport: Any = None) -> None:
    with pkg.Client(url + "/v1", transport=transport) as client:
        asyncio.run(scenario(pkg, client, tmp))


def _run_async(pkg: ModuleType, url: str, tmp: Path, transport: Any = None) -> None:
    async def run() -> None:
        async with pkg.AsyncClient(url + "/v1", transport=transport) as client:
            await scenario(pkg, client, tmp)

    asyncio.run(run())


@pytest.mark.parametrize("runner", [_run_sync, _run_async], ids=["sync", "async"])
def test_same_scenario_over_uvicorn(pkg: ModuleType, tmp_path: Path, runner: Callable[..., None]) -> None:
    """A fresh server per client kind: the scenario starts from an empty store."""
    out = generated(FEATURES / "bodies-3.0.yaml", PACKAGE)
    shutil.copy(ROOT / "tests" / "client_peer_app.py", out / "client_peer_app.py")
    with uvicorn_server("client_peer_app:app", out, env={"OAGEN_TEST_PACKAGE": PACKAGE}) as url:
        runner(pkg, url, tmp_path)


def test_same_scenario_in_process(pkg: ModuleType, tmp_path: Path) -> None:
    out = generated(FEATURES / "bodies-3.0.yaml", PACKAGE)
    shutil.copy(ROOT / "tests" / "client_peer_app.py", out / "client_peer_app.py")
    peer = import_fresh(out, "client_peer_app")
    _run_async(pkg, "http://testserver", tmp_path, httpx.ASGITransport(app=peer.build(PACKAGE)))


# --------------------------------------------------------------------------- retries


def test_retries_honour_retry_after_sync_and_async(pkg: ModuleType, server: str) -> None:
    with pkg.Client(server + "/v1") as client:
        start = time.monotonic()
        thing = client.get_thing("flaky-sync-2")  # 503 (Retry-After: 1), 429 (Retry-After: date), 200
        elapsed = time.monotonic() - start
    assert thing.id_ == 3 and elapsed >= 1.0, elapsed

    async def run() -> Any:
        async with pkg.AsyncClient(server + "/v1", retries=pkg.RetryPolicy(attempts=1)) as client:
            return await client.get_thing("flaky-async-1")

    assert asyncio.run(run()).id_ == 2
    # Too few attempts: the last answer is raised.
    with pkg.Client(server + "/v1", retries=1) as client, pytest.raises(pkg.ApiError) as info:
        client.get_thing("flaky-few-2")
    assert info.value.status_code == 429


def test_no_retry_for_post_unless_asked_or_when_told_to_wait_long(pkg: ModuleType, server: str) -> None:
    m = pkg.models
    with pkg.Client(server + "/v1") as client, pytest.raises(pkg.ApiError) as info:
        client.create_thing(m.Thing(display_name="Flaky-post-a", kind="gadget"))
    assert info.value.status_code == 503
    policy = pkg.RetryPolicy(attempts=1, non_idempotent=True)
    with pkg.Client(server + "/v1", retries=policy) as client:
        assert client.create_thing(m.Thing(display_name="Flaky-post-b", kind="gadget")).display_name == "Flaky-post-b"
    with pkg.Client(server + "/v1") as client, pytest.raises(pkg.ApiError) as info2:
        start = time.monotonic()
        client.get_thing("patience-1")  # Retry-After: 60 is longer than max_backoff: no waiting
    assert info2.value.status_code == 503 and time.monotonic() - start < 5


class _Counting(httpx.HTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return super().handle_request(request)


def test_connection_errors_are_retried_with_backoff(pkg: ModuleType) -> None:
    transport = _Counting()
    policy = pkg.RetryPolicy(attempts=2, backoff=0.05)
    with pkg.Client(f"http://127.0.0.1:{free_port()}/v1", transport=transport, retries=policy) as client:
        with pytest.raises(pkg.errors.ApiConnectionError):
            client.get_thing("1")
    assert transport.calls == 3
    transport.calls = 0
    with pkg.Client(f"http://127.0.0.1:{free_port()}/v1", transport=transport, retries=policy) as client:
        with pytest.raises(pkg.errors.ApiConnectionError):
            client.create_thing(pkg.models.Thing(display_name="x", kind="gadget"))
    assert transport.calls == 1


def test_retry_policy_backoff_and_retry_after(pkg: ModuleType) -> None:
    http = module(pkg, "_http")
    policy = pkg.RetryPolicy(attempts=5, backoff=1.0, max_backoff=8.0)
    for attempt, ceiling in [(0, 1.0), (1, 2.0), (2, 4.0), (3, 8.0), (4, 8.0)]:
        delays = [policy.delay(attempt, None) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays) and len(set(delays)) > 1
    answer = httpx.Response(503, headers={"Retry-After": "3"})
    assert policy.delay(0, answer) == 3.0
    assert http.retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert policy.delay(0, httpx.Response(503, headers={"Retry-After": "120"})) is None


# --------------------------------------------------------------------------- timeouts


def test_timeouts_sync_and_async(pkg: ModuleType, server: str) -> None:
    with pkg.Client(server + "/v1", timeout=0.5, retries=0) as client:
        start = time.monotonic()
        with pytest.raises(pkg.errors.ApiTimeoutError):
            client.get_thing("slow")
        assert time.monotonic() - start < 2.5

    async def run() -> None:
        async with pkg.AsyncClient(server + "/v1", timeout=httpx.Timeout(0.5), retries=0) as client:
            with pytest.raises(pkg.errors.ApiTimeoutError):
                await client.get_thing("slow")

    asyncio.run(run())
    # The default is finite.
    assert pkg.Client(server)._http.timeout.read == 30.0


# --------------------------------------------------------------------------- auth

EXPECTED_AUTH = {
    "with_header_key": {"x-api-key": "hk"},
    "with_query_key": {"api_key": "qk"},
    "with_cookie_key": {"session": "ck"},
    "with_basic": {"authorization": "Basic YW5uOnB3"},
    "with_bearer": {"authorization": "Bearer bt"},
    "with_oauth2": {"authorization": "Bearer ot"},
    "with_open_id_connect": {"authorization": "Bearer oi"},
    "with_either": {"x-api-key": "hk"},
    "with_both": {"api_key": "qk", "x-api-key": "hk"},
    "with_optional_key": {"x-api-key": "hk"},
    "without_auth": {},
}
CREDENTIALS = {"header_key": "hk", "query_key": "qk", "cookie_key": "ck", "basic_auth": ("ann", "pw"),
               "bearer_auth": "bt", "oauth": "ot", "open_id": "oi"}


def test_every_auth_kind_reaches_a_real_server(secured: ModuleType, server: str) -> None:
    def check(name: str, whoami: Any) -> None:
        assert json.loads(whoami.user) == EXPECTED_AUTH[name], name

    with secured.Client(server + "/api", **CREDENTIALS) as client:
        for name in EXPECTED_AUTH:
            check(name, getattr(client, name)())

    async def run() -> None:
        async with secured.AsyncClient(server + "/api", **CREDENTIALS) as client:
            for name in EXPECTED_AUTH:
                check(name, await getattr(client, name)())

    asyncio.run(run())
    with secured.Client(server + "/api") as client, pytest.raises(secured.errors.ProblemError) as info:
        client.with_basic()
    assert info.value.status_code == 401 and info.value.parsed.title == "Unauthorized"
