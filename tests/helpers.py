"""Test helpers: generate a package into a temp folder, import it, serve it with uvicorn."""

from __future__ import annotations

import functools
import importlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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


# --------------------------------------------------------------------------- every module imported

# Run in a fresh interpreter by ``import_every_module``: argv = [OUT, PACKAGE, "app" | "no-app"].
# Models and split-layout operation modules load on first use, so importing ``NAME.client`` and
# ``NAME.server.app`` leaves most generated code unexecuted: this imports every module file of the
# package, builds every pydantic model (a model whose references were not all defined when its
# class was created is built on first use), a TypeAdapter of every type alias the models export,
# and, with "app", the server app with every route (FastAPI reads each endpoint's annotations).
IMPORT_EVERY_MODULE = r'''
import importlib, json, sys, threading, traceback
from pathlib import Path

out, package, build_app = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "app"
sys.path.insert(0, str(out))
names = []
for path in sorted((out / package).rglob("*.py")):
    parts = list(path.relative_to(out).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    names.append(".".join(parts))
names.sort(key=lambda n: (n.count("."), n))  # a package before its modules
done = {"modules": [], "models": 0, "aliases": 0, "routes": 0}  # the modules as imported, not as listed
failed = []


def run():
    step = ""
    try:
        import pydantic
        modules = []
        for name in names:
            step = f"import {name}"
            modules.append(importlib.import_module(name))
            done["modules"].append(modules[-1].__name__)
        for module in modules:
            name = module.__name__
            for attr, value in list(vars(module).items()):
                if isinstance(value, type) and issubclass(value, pydantic.BaseModel) and value.__module__ == name:
                    step = f"build {name}.{attr}"
                    if not value.__pydantic_complete__:
                        value.model_rebuild(raise_errors=True)
                    value.model_json_schema()
                    done["models"] += 1
            if name.startswith(package + ".models."):
                for attr in getattr(module, "__all__", ()):
                    value = getattr(module, attr)
                    if not isinstance(value, type):
                        step = f"build {name}.{attr}"
                        pydantic.TypeAdapter(value).json_schema()
                        done["aliases"] += 1
        if build_app and f"{package}.server.app" in names:
            step = "create_app"
            done["routes"] = len(importlib.import_module(f"{package}.server.app").create_app(mock=True).routes)
    except BaseException as exc:
        traceback.print_exc()
        text = str(exc).strip().splitlines()
        failed.append(f"{step}: {type(exc).__name__}: {text[0] if text else ''}"[:400])


# pydantic's JSON schema generator recurses a dozen frames per level of nesting: a chain of a
# hundred nested models (tests/hostile/deep-schemas.json) needs more than the default stack.
sys.setrecursionlimit(20_000)
threading.stack_size(256 * 1024 * 1024)
worker = threading.Thread(target=run)
worker.start()
worker.join()
if failed:
    print(failed[0], file=sys.stderr)
    sys.exit(1)
print(json.dumps(done))
'''


@dataclass(frozen=True)
class Imported:
    """What ``import_every_module`` did: the modules imported, the models and type aliases built,
    the routes of the app; ``error`` is the failing step's one line (None when all went well)."""

    modules: list[str]
    models: int = 0
    aliases: int = 0
    routes: int = 0
    error: str | None = None
    stderr: str = ""


def import_every_module(out: Path, package: str, *, app: bool = True, timeout: float = 600,
                        env: dict[str, str] | None = None,
                        preexec_fn: Callable[[], None] | None = None) -> Imported:
    """Import every module of the generated package ``out/package`` in a fresh interpreter, build
    every model (and, with ``app``, the server app); see ``IMPORT_EVERY_MODULE``."""
    proc = subprocess.run([PYTHON, "-c", IMPORT_EVERY_MODULE, str(out.resolve()), package, "app" if app else "no-app"],
                          capture_output=True, text=True, timeout=timeout, check=False, cwd=out,
                          env={**os.environ, **(env or {})}, preexec_fn=preexec_fn)
    if proc.returncode != 0:
        lines = [line for line in proc.stderr.strip().splitlines() if line.strip()]
        return Imported([], error=lines[-1] if lines else f"exit {proc.returncode}", stderr=proc.stderr)
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    files = set()
    for path in (out / package).rglob("*.py"):
        parts = list(path.relative_to(out).with_suffix("").parts)
        files.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    if files - set(summary["modules"]):  # every module file of the package ran, whatever the script did
        return Imported(summary["modules"], error=f"modules never imported: {sorted(files - set(summary['modules']))[:5]}",
                        stderr=proc.stderr)
    return Imported(summary["modules"], summary["models"], summary["aliases"], summary["routes"],
                    stderr=proc.stderr)


# --- mypy --strict with the libraries analysed once per test process ----------------------------
#
# Most of a `mypy --strict` run over a generated package is spent on the libraries it imports
# (pydantic, httpx, FastAPI, Starlette, the standard library), the same for every package. They are
# analysed once per test process into a cache; each check starts from a copy of it, so the
# generated code itself is always analysed afresh (mypy re-reads any module whose source differs
# from the cached one, and modules of the package under test are never in the warm cache).

# The same options wherever the check runs (no config file: inside this repository mypy would read
# ours); Python 3.10 is the oldest the generated packages support.
_MYPY_OPTIONS = ("--config-file=", "--strict", "--python-version", "3.10")


def _library_imports() -> list[str]:
    """The absolute imports of the runtime files and templates: what generated code imports."""
    import re

    found: set[str] = set()
    pattern = re.compile(r"^\s*(?:from\s+([A-Za-z_][\w.]*)\s+import|import\s+([A-Za-z_][\w.]*))", re.M)
    for folder in (ROOT / "generator" / "runtime", ROOT / "templates"):
        for path in folder.rglob("*"):
            if path.suffix in (".py", ".jinja") and path.is_file():
                found.update(a or b for a, b in pattern.findall(path.read_text("utf-8")))
    return sorted(n for n in found if n != "__future__")


@functools.cache
def _warm_cache() -> Path:
    """The library cache of this process (made on first use, removed at exit)."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="oagen-mypy-"))
    atexit.register(shutil.rmtree, folder, True)
    (folder / "oagen_mypy_warm.py").write_text("".join(f"import {n}\n" for n in _library_imports()), "utf-8")
    subprocess.run([PYTHON, "-m", "mypy", *_MYPY_OPTIONS, "--cache-dir", str(folder / "cache"), "oagen_mypy_warm.py"],
                   cwd=folder, capture_output=True, text=True, timeout=600, check=False)
    return folder / "cache"


def mypy_strict(cwd: Path, *targets: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``mypy --strict --python-version 3.10 TARGETS`` in ``cwd``, starting from a copy of the warm library cache."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="oagen-mypy-run-") as tmp:
        cache = Path(tmp) / "cache"
        shutil.copytree(_warm_cache(), cache)
        return subprocess.run([PYTHON, "-B", "-m", "mypy", *_MYPY_OPTIONS, "--cache-dir", str(cache), *targets],
                              cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
