"""make bench (streaming rows): 200 MB down and up through the generated client, and how much its
memory grows meanwhile.

The client of specs/features/streaming-3.0.yaml talks to its generated server (the handlers of
tests/streaming_app.py) under uvicorn on 127.0.0.1, in another process. Each transfer runs in a
fresh child process: it warms the client up with a small call, resets the kernel's peak-RSS mark
(``/proc/self/clear_refs``), transfers, and reports its RSS before and its peak RSS (``VmHWM``)
after. Streamed transfers should grow by far less than 20 MB; the in-memory download is shown for
comparison. Prints a table; never asserts.

    python benchmarks/bench_streaming.py [--mb 200]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
PACKAGE = "streaming_bench"
LIMIT_MB = 20

_CHILD = r"""
import asyncio, json, sys, time
from pathlib import Path

out, url, kind, size, upload = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
sys.path.insert(0, out)
from streaming_bench import AsyncClient, Client


def status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM to the current RSS
    except OSError:
        pass


async def run_async(client):
    if kind == "async download":
        async with await client.download_file_stream(f"zeros-{size}") as stream:
            return sum([len(c) async for c in stream.aiter_bytes()])
    return (await client.upload_file("big", Path(upload))).size


def run_sync(client):
    if kind == "download (stream)":
        with client.download_file_stream(f"zeros-{size}") as stream:
            return sum(len(c) for c in stream.iter_bytes())
    if kind == "download (in memory)":
        return len(client.download_file(f"zeros-{size}"))
    return client.upload_file("big", Path(upload)).size


async def main_async():
    async with AsyncClient(url, timeout=300) as client:
        await client.upload_file("warm", b"x")
        async with await client.download_file_stream("zeros-10") as s:
            [c async for c in s]
        reset_peak()
        before, start = status("VmRSS"), time.perf_counter()
        moved = await run_async(client)
        return before, time.perf_counter() - start, moved


def main_sync():
    with Client(url, timeout=300) as client:
        client.upload_file("warm", b"x")
        list(client.download_file_stream("zeros-10"))
        reset_peak()
        before, start = status("VmRSS"), time.perf_counter()
        moved = run_sync(client)
        return before, time.perf_counter() - start, moved


before, seconds, moved = asyncio.run(main_async()) if kind.startswith("async") else main_sync()
print(json.dumps({"before": before, "peak": status("VmHWM"), "seconds": seconds, "bytes": moved}))
"""

KINDS = ("download (stream)", "async download", "upload (from a path)", "async upload", "download (in memory)")


def measure(out: Path, url: str, kind: str, size: int, upload: Path) -> dict[str, float]:
    found = subprocess.run([sys.executable, "-c", _CHILD, str(out), url, kind, str(size), str(upload)],
                           capture_output=True, text=True, check=False)
    if found.returncode != 0:
        raise RuntimeError(found.stderr[-3000:])
    return json.loads(found.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=200)
    args = parser.parse_args()
    if not Path("/proc/self/status").exists():
        print("streaming rows skipped: they read RSS from /proc (Linux)")
        return 0
    from helpers import generate_package, uvicorn_server

    size = args.mb << 20
    with tempfile.TemporaryDirectory(prefix="oagen-bench-streaming-") as tmp:
        out = generate_package(ROOT / "specs" / "features" / "streaming-3.0.yaml", Path(tmp) / "out", PACKAGE)
        upload = Path(tmp) / "upload.bin"
        with upload.open("wb") as f:
            f.truncate(size)  # a sparse file: reading it costs no disk
        env = {"OAGEN_TEST_PACKAGE": PACKAGE, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(out)])}
        print(f"== streaming {args.mb} MB through the generated client (uvicorn on 127.0.0.1)", flush=True)
        rows = []
        with uvicorn_server("streaming_app:app", out, env=env) as url:
            for kind in KINDS:
                started = time.perf_counter()
                r = measure(out, url + "/v1", kind, size, upload)
                assert r["bytes"] == size, (kind, r)
                rows.append((kind, r))
                print(f"   {kind}: {time.perf_counter() - started:.1f}s", flush=True)
    print(f"\n| transfer ({args.mb} MB) | seconds | MB/s | client RSS before MB | peak MB | growth MB "
          f"| under {LIMIT_MB} MB |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for kind, r in rows:
        growth = r["peak"] - r["before"]
        verdict = "yes" if growth < LIMIT_MB else ("no" if "in memory" not in kind else "no (not streamed)")
        print(f"| {kind} | {r['seconds']:.2f} | {args.mb / max(r['seconds'], 1e-9):.0f} | {r['before']:.0f} "
              f"| {r['peak']:.0f} | {growth:.1f} | {verdict} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
