"""Where a request's time goes: the generated server vs the hand-written FastAPI app, in process.

Each app is called as ASGI directly (no socket, no uvicorn, no load tool: only the app's own work)
for the GET and the POST of throughput.py; prints CPU microseconds per request (process time, so
other processes on the machine do not count; medians of 5 rounds in which the apps take turns), and with ``--profile`` cProfile's view of the
generated server's requests grouped by where the time is spent (own time per package/module).
``--experiments`` measures, in this process only, what each change that made the generated server
fast buys, by undoing it (the generated runtime patched in memory; nothing is written):

- ``FastAPI's handler``: the routes read their requests by FastAPI's own handler (its analysis
  of the signature per request) instead of ``_runtime/fastroute.py``'s;
- ``lists by jsonable_encoder``: a handler's list of models encoded by FastAPI's
  ``jsonable_encoder`` instead of dumped by pydantic;
- ``jsonschema body check``: the body checked by jsonschema alone, without the check compiled
  once per schema (``_runtime/compiled.py``);
- all three undone together; and ``no limits``: without the request-limits middleware.

    python benchmarks/server/profile_server.py [--requests 3000] [--profile] [--top 25] [--experiments]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import importlib
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from throughput import LOADS, PACKAGE, SPEC  # noqa: E402 - after the path above


def _scope(request: dict[str, Any]) -> dict[str, Any]:
    path, _, query = request["path"].partition("?")
    headers = [(k.lower().encode(), v.encode()) for k, v in request.get("headers", {}).items()]
    body = request.get("body", "").encode()
    if body:
        headers.append((b"content-length", str(len(body)).encode()))
    headers.append((b"host", b"127.0.0.1"))
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": request["method"],
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": query.encode(),
        "root_path": "", "headers": headers, "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
        "state": {},
    }


async def _one(app: Any, request: dict[str, Any]) -> int:
    body = request.get("body", "").encode()
    sent = False
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(_scope(request), receive, send)
    return status


async def _many(app: Any, request: dict[str, Any], n: int) -> float:
    """CPU seconds for n requests (after 200 of warm-up); checks every answer is a 2xx."""
    for _ in range(200):
        assert 200 <= await _one(app, request) < 300
    start = time.process_time()
    for _ in range(n):
        status = await _one(app, request)
        if not 200 <= status < 300:
            raise AssertionError(f"{request['method']} {request['path']}: {status}")
    return time.process_time() - start


def load_apps(out: Path) -> dict[str, Any]:
    sys.path[:0] = [str(out), str(HERE)]
    return {"generated": importlib.import_module("generated_app").app,
            "hand-written": importlib.import_module("handwritten_app").app}


def measure(apps: dict[str, Any], n: int, repeat: int = 5) -> dict[tuple[str, str], float]:
    """Median CPU microseconds per request, per (request label, app): ``repeat`` rounds, the apps
    taking turns within each (the first alternating), so that a change in the machine's load
    falls on both."""
    runs: dict[tuple[str, str], list[float]] = defaultdict(list)
    for i in range(repeat):
        for label, request in LOADS.items():
            sides = list(apps.items())
            for side, app in sides if i % 2 == 0 else sides[::-1]:
                runs[(label, side)].append(asyncio.run(_many(app, request, n)))
    return {key: statistics.median(found) / n * 1e6 for key, found in runs.items()}


def _area(filename: str, function: str) -> str:
    """Which part of the stack a function belongs to."""
    path = filename.replace("\\", "/")
    for marker, name in (("/site-packages/", None), ("/lib/python3", "stdlib")):
        if marker in path:
            if name:
                rest = path.split(marker, 1)[1].split("/", 1)[-1]
                return f"stdlib {rest.split('/')[0].removesuffix('.py')}"
            rest = path.split(marker, 1)[1]
            return rest.split("/")[0].removesuffix(".py")
    if f"/{PACKAGE}/" in path:
        return f"generated {path.split(f'/{PACKAGE}/', 1)[1]}"
    if path.startswith("~") or path.startswith("<"):
        return f"builtin {function}" if function.startswith("<built-in") else "builtin"
    return Path(path).name


def profile(apps: dict[str, Any], n: int, top: int) -> str:
    lines = []
    for label, request in LOADS.items():
        for side, app in apps.items():
            asyncio.run(_many(app, request, 200))
            profiler = cProfile.Profile()
            profiler.enable()
            asyncio.run(_many(app, request, n))
            profiler.disable()
            stats = pstats.Stats(profiler)
            by_area: dict[str, float] = defaultdict(float)
            total = 0.0
            for (filename, _, function), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
                by_area[_area(filename, function)] += tottime
                total += tottime
            lines.append(f"\n{label}, {side}: own time by area (cProfile, {n} requests, "
                         f"{total / n * 1e6:.0f} us/request profiled)")
            for area, spent in sorted(by_area.items(), key=lambda kv: -kv[1])[:12]:
                lines.append(f"  {100 * spent / total:5.1f}%  {spent / n * 1e6:7.1f} us  {area}")
            if True:
                lines.append("  top functions by cumulative time (us/request; the frames every request "
                             "passes through, over 80% of it, left out):")
                rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][3])  # type: ignore[attr-defined]
                shown = 0
                for (filename, line, function), (_, _, tottime, cumtime, _) in rows:
                    if shown >= top:
                        break
                    area = _area(filename, function)
                    if area.startswith("stdlib asyncio") or function in ("_many", "_one", "run") \
                            or cumtime > 0.8 * total:
                        continue
                    lines.append(f"    {cumtime / n * 1e6:7.1f} cum {tottime / n * 1e6:6.1f} own  "
                                 f"{area}:{line} {function}")
                    shown += 1
    return "\n".join(lines)


def _patched(apps: dict[str, Any], which: set[str]) -> Any:
    """Undo, in memory, one of the changes that made the generated server fast (see the
    module's docstring), or drop its request limits; returns an undo."""
    from fastapi.encoders import jsonable_encoder
    from fastapi.routing import APIRoute, request_response

    rt = importlib.import_module(f"{PACKAGE}.server._runtime")
    answers = importlib.import_module(f"{PACKAGE}.server._runtime.answers")
    app = apps["generated"]
    undo: list[Any] = []
    if "no limits" in which:
        kept = list(app.user_middleware)
        app.user_middleware[:] = [m for m in kept if m.cls is not rt.RequestLimits]
        app.middleware_stack = None
        undo.append(lambda: (app.user_middleware.__setitem__(slice(None), kept),
                             setattr(app, "middleware_stack", None)))
    if "FastAPI's handler" in which:
        routes = [r for r in app.router.routes if isinstance(r, rt.OperationRoute)]
        fast = {id(r): r.app for r in routes}
        for route in routes:
            route.app = request_response(APIRoute.get_route_handler(route))
        undo.append(lambda: [setattr(r, "app", fast[id(r)]) for r in routes])
    if "lists by jsonable_encoder" in which:
        plain = answers.plain
        answers.plain = lambda result: jsonable_encoder(result, by_alias=True)
        undo.append(lambda: setattr(answers, "plain", plain))
    if "jsonschema body check" in which:
        fits = rt.Runtime.fits
        rt.Runtime.fits = lambda self, schema, value: False
        undo.append(lambda: setattr(rt.Runtime, "fits", fits))
    return lambda: [u() for u in reversed(undo)]


def experiments(apps: dict[str, Any], n: int) -> str:
    undone = ["FastAPI's handler", "lists by jsonable_encoder", "jsonschema body check"]
    variants = [set(), {"no limits"}, *({u} for u in undone), set(undone)]
    lines = ["| generated server variant | " + " | ".join(f"{label}: us, hand-written us (ratio)" for label in LOADS)
             + " |", "|---|" + "---:|" * len(LOADS)]
    for which in variants:  # the hand-written app measured beside each variant, taking turns
        undo = _patched(apps, which)
        try:
            found = measure(apps, n)
        finally:
            undo()
        cells = [f"{found[(label, 'generated')]:.0f}, {found[(label, 'hand-written')]:.0f} "
                 f"({found[(label, 'hand-written')] / found[(label, 'generated')]:.2f}x)" for label in LOADS]
        lines.append(f"| {' + '.join(sorted(which)) or 'as generated'} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--experiments", action="store_true")
    parser.add_argument("--out", type=Path, help="generate into this folder (kept) instead of a temporary one")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from generator.api import GenerateOptions, generate

    tmp = Path(tempfile.mkdtemp(prefix="oagen-profile-"))
    out = args.out or tmp / "out"
    try:
        result = generate(str(SPEC), out, GenerateOptions(package=PACKAGE, validate=False, force=True))
        assert result.ok, [d.format() for d in result.diagnostics]
        apps = load_apps(out)
        found = measure(apps, args.requests)
        print("| request | generated CPU us/request | hand-written CPU us/request | ratio (hand-written / generated) |")
        print("|---|---:|---:|---:|")
        for label in LOADS:
            g, h = found[(label, "generated")], found[(label, "hand-written")]
            print(f"| {label} | {g:.0f} | {h:.0f} | {h / g:.2f}x |")
        if args.profile:
            print(profile(apps, args.requests, args.top))
        if args.experiments:
            print()
            print(experiments(apps, args.requests))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
