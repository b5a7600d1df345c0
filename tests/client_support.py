"""Shared by the client tests: generated feature packages (once per session) and a capturing
transport that records exactly what the client put on the wire."""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
from helpers import SPECS, generate_package, import_package

FEATURES = SPECS / "features"
_OUT: dict[tuple[str, str], Path] = {}
_ROOT = Path(tempfile.mkdtemp(prefix="oagen-client-tests-"))
atexit.register(shutil.rmtree, _ROOT, True)


def generated(spec: Path, package: str) -> Path:
    """The output folder of ``spec`` generated as ``package`` (generated once per session)."""
    key = (str(spec), package)
    if key not in _OUT:
        out = _ROOT / f"{package}-{len(_OUT)}"
        generate_package(spec, out, package, format=False)
        _OUT[key] = out
    return _OUT[key]


def load(spec: Path, package: str) -> ModuleType:
    """The freshly imported package, with ``client``, ``errors``, ``models`` and ``_http`` loaded."""
    out = generated(spec, package)
    top, *_ = import_package(out, package, "client", "errors", "models", "_http")
    return top


def module(top: ModuleType, name: str) -> ModuleType:
    """A submodule of an imported generated package."""
    return sys.modules[f"{top.__name__}.{name}"]


class Recorder:
    """A transport (sync and async) that records requests and answers with ``reply``."""

    def __init__(self, reply: Callable[[httpx.Request], httpx.Response] | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.reply = reply or (lambda request: httpx.Response(200, json={}))

    def _handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.reply(request)

    @property
    def sync(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._handle)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def target(self) -> str:
        """The last request's path and query exactly as sent."""
        return self.last.url.raw_path.decode("ascii")


def json_reply(status: int, body: Any, headers: dict[str, str] | None = None) -> Callable[[httpx.Request], httpx.Response]:
    """A reply function answering JSON."""
    return lambda request: httpx.Response(status, json=body, headers=headers)
