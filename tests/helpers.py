"""Test helpers: generate a package into a temp folder, import it, serve it with uvicorn."""

from __future__ import annotations

import importlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import httpx

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
PYTHON = sys.executable


def generate_package(spec: Path, out: Path, package: str, **options: object) -> Path:
    """Run the pipeline; fail the test with the diagnostics when it does not succeed."""
    from generator.api import GenerateOptions, generate

    result = generate(str(spec), out, GenerateOptions(package=package, **options))  # type: ignore[arg-type]
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return out


def import_fresh(out: Path, module: str) -> ModuleType:
    """Import a generated module from ``out`` (dropping any same-named package imported before)."""
    top = module.split(".")[0]
    for name in [n for n in sys.modules if n == top or n.startswith(top + ".")]:
        del sys.modules[name]
    sys.path.insert(0, str(out))
    try:
        return importlib.import_module(module)
    finally:
        sys.path.remove(str(out))


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def uvicorn_server(app: str, app_dir: Path, *, env: dict[str, str] | None = None,
                   args: tuple[str, ...] = ()) -> Iterator[str]:
    """Run ``uvicorn APP`` on 127.0.0.1 in a subprocess; yields its base URL; always stops it.

    ``args`` go to uvicorn as they are (``--factory``); the log is ``app_dir/uvicorn-PORT.log``.
    """
    port = free_port()
    log = app_dir / f"uvicorn-{port}.log"
    with log.open("wb") as handle:
        proc = subprocess.Popen(
            [PYTHON, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port), "--app-dir", str(app_dir),
             *args],
            stdout=handle, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"uvicorn exited: {log.read_text()}")
            try:
                httpx.get(url + "/__oagen_ready__", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"uvicorn did not start: {log.read_text()}") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def import_package(out: Path, package: str, *modules: str) -> list[ModuleType]:
    """Import several modules of one freshly generated package (one import of each)."""
    first = import_fresh(out, package)
    sys.path.insert(0, str(out))
    try:
        return [first, *(importlib.import_module(f"{package}.{m}") for m in modules)]
    finally:
        sys.path.remove(str(out))
