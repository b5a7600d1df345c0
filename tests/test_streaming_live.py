"""Streaming end to end over real sockets: the generated client of specs/features/streaming-3.0.yaml
against its generated server (tests/streaming_app.py handlers) under uvicorn on 127.0.0.1.

Server-sent events arrive typed, with multi-line data, comments skipped, ids and retry; a
``break`` closes the connection and the server's handler sees the client go; binary answers
stream both ways, sync and async; the mock server sends a valid event stream."""

from __future__ import annotations

import asyncio
import io
import os
import resource
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from helpers import SPECS, generate_package, import_package, uvicorn_server

PACKAGE = "streaming_live"
TESTS = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_package(SPECS / "features" / "streaming-3.0.yaml", tmp_path_factory.mktemp("streaming"), PACKAGE)


@pytest.fixture(scope="module")
def pkg(out: Path) -> ModuleType:
    return import_package(out, PACKAGE, "client", "models", "errors")[0]


@pytest.fixture(scope="module")
def url(out: Path) -> Iterator[str]:
    env = {"OAGEN_TEST_PACKAGE": PACKAGE, "PYTHONPATH": os.pathsep.join([str(TESTS), str(out)])}
    with uvicorn_server("streaming_app:app", out, env=env) as base:
        yield base


def _state(url: str) -> dict[str, int]:
    return httpx.get(url + "/__stream_state").json()  # type: ignore[no-any-return]


def _wait_disconnected(url: str, before: int) -> dict[str, int]:
    deadline = time.monotonic() + 10
    while True:
        state = _state(url)
        if state["disconnected"] > before or time.monotonic() > deadline:
            return state
        time.sleep(0.05)


def test_typed_events_with_ids_and_comments(pkg: ModuleType, url: str) -> None:
    m = pkg.models
    with pkg.Client(url + "/v1") as client, client.stream_ticks(count=3) as events:
        got = list(events)
    assert [e.data for e in got] == [m.Tick(n=1, note="tick 1"), m.Tick(n=2, note="tick 2"), m.Tick(n=3, note="tick 3")]
    assert [(e.event, e.id) for e in got] == [("message", "1"), ("message", "2"), ("message", "3")]
    assert events.last_event_id == "3" and events.response.is_closed


def test_items_of_an_array_schema_and_a_body(pkg: ModuleType, url: str) -> None:
    m = pkg.models
    with pkg.Client(url + "/v1") as client, client.chat(m.Prompt(text="hello streaming world")) as events:
        chunks = [e.data for e in events]
    assert chunks == [m.Chunk(index=0, text="hello", done=False), m.Chunk(index=1, text="streaming", done=False),
                      m.Chunk(index=2, text="world", done=True)]


def test_multi_line_text_events_named_events_and_retry(pkg: ModuleType, url: str) -> None:
    with pkg.Client(url + "/v1") as client, client.tail_logs() as events:
        got = list(events)
    assert [e.data for e in got] == ["first record\nsecond line\n\nafter a blank line", "warn\nline", "last"]
    assert [(e.event, e.id, e.retry) for e in got] == [("message", "", None), ("warning", "w-1", 2500),
                                                       ("message", "w-1", None)]
    assert events.retry == 2500


def test_wire_format_of_the_event_stream(url: str) -> None:
    response = httpx.get(url + "/v1/logs")
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-cache"
    assert response.text == (
        "data: first record\ndata: second line\ndata: \ndata: after a blank line\n\n"
        ": a comment\n: on two lines\n\n"
        "event: warning\nid: w-1\nretry: 2500\ndata: warn\ndata: line\n\n"
        "data: last\n\n"
    )


def test_an_early_break_closes_the_socket_and_the_server_sees_it(pkg: ModuleType, url: str) -> None:
    before = _state(url)["disconnected"]
    with pkg.Client(url + "/v1") as client:
        with client.stream_ticks(count=0) as events:  # endless
            for event in events:
                if event.data.n == 5:
                    break
        assert events.response.is_closed
        state = _wait_disconnected(url, before)
        assert state["disconnected"] == before + 1
        # The client's pool is still usable.
        assert [e.data.n for e in client.stream_ticks(count=2)] == [1, 2]

    # Without ``with``: the loop's end (a break drops the only reference) closes it too.
    before = _state(url)["disconnected"]
    with pkg.Client(url + "/v1") as client:
        for event in client.stream_ticks(count=0):
            if event.data.n == 2:
                break
        assert _wait_disconnected(url, before)["disconnected"] == before + 1


def test_async_events_and_an_early_break(pkg: ModuleType, url: str) -> None:
    async def main() -> list[int]:
        async with pkg.AsyncClient(url + "/v1") as client:
            async with await client.stream_ticks(count=3) as events:
                numbers = [e.data.n async for e in events]
            before = _state(url)["disconnected"]
            async with await client.stream_ticks(count=0) as events:
                async for event in events:
                    if event.data.n == 3:
                        break
            assert events.response.is_closed
            assert (await asyncio.to_thread(_wait_disconnected, url, before))["disconnected"] == before + 1
            async with await client.tail_logs() as logs:
                assert [e.data async for e in logs][-1] == "last"
            return numbers

    assert asyncio.run(main()) == [1, 2, 3]


def test_an_error_before_the_first_event_is_an_api_error(pkg: ModuleType, url: str) -> None:
    with pkg.Client(url + "/v1") as client, pytest.raises(pkg.errors.ProblemError) as caught:
        client.stream_ticks(count=5000)
    assert caught.value.status_code == 404 and caught.value.parsed.title == "Not Found"


def test_binary_download_streams(pkg: ModuleType, url: str, tmp_path: Path) -> None:
    size = 5 * (1 << 20) + 3
    with pkg.Client(url + "/v1") as client:
        with client.download_file_stream(f"zeros-{size}") as stream:
            total = sum(len(chunk) for chunk in stream.iter_bytes(1 << 16))
        assert total == size and stream.response.is_closed
        assert client.download_file_stream("file").save(tmp_path / "f") == 256 * 4096
        assert (tmp_path / "f").read_bytes() == bytes(range(256)) * 4096
        assert client.download_file("file") == bytes(range(256)) * 4096  # the method stays
        with pytest.raises(pkg.errors.ProblemError):
            client.download_file_stream("missing")

    async def main() -> int:
        async with pkg.AsyncClient(url + "/v1") as client:
            stream = await client.download_file_stream(f"zeros-{size}")
            async with stream:
                return sum([len(c) async for c in stream.aiter_bytes()])

    assert asyncio.run(main()) == size


def test_binary_upload_streams_from_a_path_a_file_or_bytes(pkg: ModuleType, url: str, tmp_path: Path) -> None:
    path = tmp_path / "up.bin"
    path.write_bytes(b"\x00\x01" * 300_000)
    with pkg.Client(url + "/v1") as client:
        assert client.upload_file("a", path).size == 600_000
        with path.open("rb") as f:
            assert client.upload_file("b", f).size == 600_000
        assert client.upload_file("c", b"abc").size == 3
        assert client.upload_file("d", io.BytesIO(b"xyz")).size == 3

    async def main() -> list[int]:
        async with pkg.AsyncClient(url + "/v1") as client:
            with path.open("rb") as f:
                return [(await client.upload_file("a", path)).size, (await client.upload_file("b", f)).size]

    assert asyncio.run(main()) == [600_000, 600_000]


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmRSS from /proc")
def test_streaming_keeps_memory_flat(pkg: ModuleType, url: str, tmp_path: Path) -> None:
    """40 MB down and up through the client: its memory grows by far less (the bench does 200 MB)."""
    size = 40 << 20
    path = tmp_path / "big"
    with path.open("wb") as f:
        f.truncate(size)  # sparse: no memory to write it
    with pkg.Client(url + "/v1") as client:
        client.upload_file("warm", b"x")
        for chunk in client.download_file_stream("zeros-10"):
            pass
        start = _rss_mb()
        peak = start
        with client.download_file_stream(f"zeros-{size}") as stream:
            for _ in stream.iter_bytes():
                peak = max(peak, _rss_mb())
        assert client.upload_file("big", path).size == size
        peak = max(peak, _rss_mb())
    assert peak - start < 20, (start, peak)


def test_mock_event_stream_and_501(out: Path) -> None:
    top, app_mod, client_mod = import_package(out, PACKAGE, "server.app", "client")

    async def main(app: Any) -> Any:
        transport = httpx.ASGITransport(app=app)
        async with client_mod.AsyncClient("http://test/v1", transport=transport) as client:
            async with await client.stream_ticks() as events:
                ticks = [e async for e in events]
            async with await client.tail_logs() as logs:
                lines = [e.data async for e in logs]
            return ticks, lines

    ticks, lines = asyncio.run(main(app_mod.create_app(mock=True)))
    assert [t.id for t in ticks] == ["1", "2", "3"]
    assert all(isinstance(t.data.n, int) for t in ticks)
    assert len(lines) == 3 and all(isinstance(line, str) for line in lines)
    with pytest.raises(top.ApiError, match="HTTP 501"):
        asyncio.run(main(app_mod.create_app()))  # nobody implemented it


@pytest.mark.parametrize("version", ["2.0", "3.1"])
def test_other_spec_versions(version: str, tmp_path: Path) -> None:
    """Swagger 2.0 (its ``produces`` offers JSON beside the events: ``stream_ticks_stream`` asks for
    them) and OpenAPI 3.1 (binary bodies without a schema, ``contentMediaType``)."""
    package = "streaming_v" + version.replace(".", "")
    out = generate_package(SPECS / "features" / f"streaming-{version}.yaml", tmp_path, package)
    top = import_package(out, package, "client", "models")[0]
    env = {"OAGEN_TEST_PACKAGE": package, "PYTHONPATH": os.pathsep.join([str(TESTS), str(out)])}
    path = tmp_path / "up.bin"
    path.write_bytes(b"abc" * 100_000)
    with uvicorn_server("streaming_app:app", out, env=env) as base, top.Client(base + "/v1") as client:
        ticks = client.stream_ticks_stream if version == "2.0" else client.stream_ticks
        with ticks(count=2) as events:
            assert [(e.id, e.data) for e in events] == [("1", top.models.Tick(n=1, note="tick 1")),
                                                        ("2", top.models.Tick(n=2, note="tick 2"))]
        with client.tail_logs() as logs:
            assert [e.data for e in logs][1] == "warn\nline"
        with client.download_file_stream("zeros-100000") as stream:
            assert sum(map(len, stream)) == 100_000
        assert client.upload_file("x", path).size == 300_000
