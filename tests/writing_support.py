"""Shared by the tests of interrupted, concurrent and watched generation (test_kill.py,
test_concurrency.py, test_watch.py): three versions of a small spec, file trees, the check that
an output folder holds only old or new files, and a client of tests/oagen_forkserver.py."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from helpers import ROOT

from generator import writer
from generator.api import GenerateOptions, generate

PKG = "shop"
TRACE = "OAGEN_TEST_WRITER_TRACE"  # the writer's test hook (see generator/writer.py)
PAUSE = "OAGEN_TEST_WRITER_PAUSE"
#: The command line every run here uses (black and the validator skipped: they do not write).
FLAGS = ["--package", PKG, "--no-format", "--no-validate"]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], status: str = "200") -> dict[str, Any]:
    return {status: {"description": "OK", "content": {"application/json": {"schema": schema}}}}


SPEC_A: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Shop", "version": "1.0.0"},
    "paths": {
        "/pets": {"get": {"operationId": "listPets", "responses": _json({"type": "array", "items": _ref("Pet")}),
                          "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}]}},
        "/pets/{petId}": {
            "parameters": [{"name": "petId", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": {"operationId": "showPet", "responses": {**_json(_ref("Pet")), **_json(_ref("Error"), "default")}},
            "delete": {"operationId": "deletePet", "responses": {"204": {"description": "Deleted"}}},
        },
    },
    "components": {"schemas": {
        "Pet": {"type": "object", "required": ["id", "name"],
                "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
        "Error": {"type": "object", "properties": {"code": {"type": "integer"}, "message": {"type": "string"}}},
    }},
}


def spec_b() -> dict[str, Any]:
    """A changed in every way a regeneration meets: files rewritten, added, removed, kept."""
    spec = copy.deepcopy(SPEC_A)
    spec["paths"]["/pets"]["get"]["parameters"][0]["schema"] = {"type": "string"}
    spec["paths"]["/pets"]["post"] = {
        "operationId": "createPet", "responses": _json(_ref("Pet"), "201"),
        "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("NewPet")}}}}
    del spec["paths"]["/pets/{petId}"]["delete"]
    spec["paths"]["/pets/{petId}"]["get"]["responses"] = _json(_ref("Pet"))
    schemas = spec["components"]["schemas"]
    del schemas["Error"]
    schemas["Pet"]["properties"]["tag"] = {"type": "string"}
    schemas["NewPet"] = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
    return spec


def spec_c() -> dict[str, Any]:
    """B and one more operation and model."""
    spec = spec_b()
    spec["paths"]["/owners/{ownerId}"] = {"get": {
        "operationId": "getOwner", "responses": _json(_ref("Owner")),
        "parameters": [{"name": "ownerId", "in": "path", "required": True, "schema": {"type": "integer"}}]}}
    spec["components"]["schemas"]["Owner"] = {"type": "object", "properties": {"id": {"type": "integer"}}}
    return spec


def write_spec(path: Path, spec: dict[str, Any]) -> Path:
    path.write_text(json.dumps(spec, indent=2) + "\n", "utf-8")
    return path


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by its relative path (``/`` separators)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def empty_folders(root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir() and not any(p.iterdir())]


def is_temp(path: str) -> bool:
    """A writer's temp file (``.NAME.<pid>-<n>.tmp``)."""
    name = path.rsplit("/", 1)[-1]
    return name.startswith(".") and name.endswith(".tmp")


def generated(spec: Path, out: Path, *, base: Path | None = None) -> dict[str, bytes]:
    """The tree a run of ``spec`` leaves in ``out`` (starting from a copy of ``base``), in process."""
    if base is not None:
        shutil.copytree(base, out)
    result = generate(str(spec), out, GenerateOptions(package=PKG, format=False, validate=False))
    assert result.ok, [d.format() for d in result.diagnostics]
    return tree(out)


def consistent(out: Path) -> dict[str, Any]:
    """Assert the folder is exactly what its manifest says (a run's whole output, no mix); returns
    the manifest. ``server/handlers.py`` is the user's and not in it."""
    files = tree(out)
    manifest = json.loads(files.pop(writer.MANIFEST))
    assert "pending" not in manifest, "a journal, not a finished run's manifest"
    files.pop(f"{PKG}/server/handlers.py")
    extra, missing = sorted(set(files) - set(manifest["files"])), sorted(set(manifest["files"]) - set(files))
    assert not extra and not missing, f"files and manifest disagree: not in it {extra}, not on disk {missing}"
    for path, data in files.items():
        assert writer.sha256(data) == manifest["files"][path], f"{path} is not the version its manifest names"
    return manifest


def check_old_or_new(out: Path, old: dict[str, bytes], new: dict[str, bytes], *, temps_allowed: bool,
                     lock_allowed: bool, context: str = "") -> list[str]:
    """Assert every file in ``out`` is its old or its new version (the manifest: old, new, or the
    old one with a journal of new hashes); returns the temp files found (allowed or not)."""
    temps = []
    new_hashes = {p: writer.sha256(d) for p, d in new.items()}
    for path, data in tree(out).items():
        if is_temp(path):
            temps.append(path)
            continue
        if path == writer.LOCK:
            assert lock_allowed, f"{context}: lock file left behind"
            continue
        if path == writer.MANIFEST and data not in (old[path], new[path]):
            try:
                journal = json.loads(data)
            except ValueError:
                raise AssertionError(f"{context}: {path} is half written") from None
            assert journal["files"] == json.loads(old[path])["files"], context
            assert journal["pending"].items() <= new_hashes.items(), f"{context}: journal names hashes of no new file"
            continue
        assert data in (old.get(path), new.get(path)), f"{context}: {path} is neither its old nor its new version"
    assert temps_allowed or not temps, f"{context}: temp files left behind: {temps}"
    return temps


def trace_lines(trace: Path) -> list[list[str]]:
    """The writer's steps logged so far: ``[pid, n, step, path]`` each."""
    try:
        text = trace.read_text("utf-8")
    except FileNotFoundError:
        return []
    return [line.split(" ", 3) for line in text.splitlines() if line.count(" ") >= 3]


def wait_for(condition: Callable[[], bool], what: str | Callable[[], str], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what() if callable(what) else what}")
        time.sleep(0.005)


class ForkServer:
    """Client of tests/oagen_forkserver.py: ``run(argv, env, log)`` starts an ``oagen`` process."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, "the fork server died"
        return json.loads(line)  # type: ignore[no-any-return]

    def run(self, argv: list[str], log: Path, env: dict[str, str] | None = None) -> int:
        return int(self._ask({"run": argv, "env": env or {}, "log": str(log)})["pid"])

    def wait(self, pid: int) -> int:
        return int(self._ask({"wait": pid})["status"])


@contextmanager
def fork_server(warm_spec: Path) -> Iterator[ForkServer]:
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "oagen_forkserver.py"), str(warm_spec)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        yield ForkServer(proc)
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
