"""Regeneration is the normal case: only changed files are rewritten, stale ones removed, user files
kept, hand edits protected, --check/--diff write nothing, an interrupted write is repaired, output
is byte-identical everywhere, and every run reports what changed for clients."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ROOT

import generator
from generator import writer
from generator.api import GenerateOptions, GenerateResult, generate
from generator.cli import main

PKG = "shop"
OLD = 1_000_000_000_000_000_000  # an mtime (ns) far in the past, set before each run
USER_HANDLERS = '''"""Mine."""

from __future__ import annotations

from typing import Any

from .base import BaseHandlers


class Handlers(BaseHandlers):
    async def list_pets(self, **kwargs: Any) -> Any:
        return []

    async def delete_pet(self, **kwargs: Any) -> Any:
        return None
'''


def _op(op_id: str, responses: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"operationId": op_id, "responses": responses, **extra}


def _json(schema: dict[str, Any], status: str = "200") -> dict[str, Any]:
    return {status: {"description": "OK", "content": {"application/json": {"schema": schema}}}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


BASE: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Shop", "version": "1.0.0"},
    "paths": {
        "/pets": {"get": _op("listPets", _json({"type": "array", "items": _ref("Pet")}), parameters=[
            {"name": "limit", "in": "query", "schema": {"type": "integer"}}])},
        "/pets/{petId}": {
            "parameters": [{"name": "petId", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": _op("showPet", _json(_ref("Pet"))),
            "delete": _op("deletePet", {"204": {"description": "Deleted"}}),
        },
    },
    "components": {"schemas": {
        "Pet": {"type": "object", "required": ["id", "name"],
                "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
    }},
}


def _add_operation(spec: dict[str, Any]) -> None:
    spec["paths"]["/pets"]["post"] = _op("createPet", _json(_ref("Pet"), "201"), requestBody={
        "required": True, "content": {"application/json": {"schema": _ref("Pet")}}})


def _remove_operation(spec: dict[str, Any]) -> None:
    del spec["paths"]["/pets/{petId}"]["delete"]


def _change_parameter_type(spec: dict[str, Any]) -> None:
    spec["paths"]["/pets"]["get"]["parameters"][0]["schema"] = {"type": "string"}


def _rename_model(spec: dict[str, Any]) -> None:
    text = json.dumps(spec).replace("#/components/schemas/Pet", "#/components/schemas/Animal")
    spec.clear()
    spec.update(json.loads(text))
    spec["components"]["schemas"]["Animal"] = spec["components"]["schemas"].pop("Pet")


def _add_ref_file(spec: dict[str, Any]) -> None:
    spec["paths"]["/owners/{ownerId}"] = {"get": _op("getOwner", _json({"$ref": "schemas/owner.yaml"}), parameters=[
        {"name": "ownerId", "in": "path", "required": True, "schema": {"type": "integer"}}])}


def _tree(root: Path) -> dict[str, tuple[str, int]]:
    """Every file under root: (sha256, mtime_ns)."""
    return {p.relative_to(root).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def _age(root: Path) -> None:
    for p in root.rglob("*"):
        if p.is_file():
            os.utime(p, ns=(OLD, OLD))


def _write(spec_path: Path, spec: dict[str, Any]) -> None:
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False))


def _run(spec_path: Path, spec: dict[str, Any], out: Path, **options: Any) -> GenerateResult:
    _write(spec_path, spec)
    result = generate(str(spec_path), out, GenerateOptions(package=PKG, **options))
    assert result.ok, [d.format() for d in result.diagnostics]
    return result


STEPS: list[tuple[str, Callable[[dict[str, Any]], None], set[str], set[str], set[str]]] = [
    # name, change, files that must change, files that must not, the change report
    ("add an operation", _add_operation,
     {"shop/client.py", "shop/server/base.py", "shop/server/app.py", "README.md"},
     {"shop/models/__init__.py", "shop/_http/core.py", "shop/errors.py", "pyproject.toml"},
     {"+ operation create_pet: POST /pets"}),
    ("remove an operation", _remove_operation,
     {"shop/client.py", "shop/server/base.py", "shop/server/app.py", "README.md"},
     {"shop/models/__init__.py", "shop/_http/core.py", "shop/__init__.py"},
     {"- operation delete_pet: DELETE /pets/{petId} [breaking]"}),
    ("change a parameter type", _change_parameter_type,
     {"shop/client.py", "shop/server/app.py"},
     {"shop/models/__init__.py", "shop/_http/core.py", "README.md"},
     {"~ operation list_pets: parameter limit retyped integer → string [breaking]"}),
    ("rename a model", _rename_model,
     {"shop/models/__init__.py", "shop/models/animal.py", "shop/client.py", "shop/server/base.py"},
     {"shop/_http/core.py", "shop/errors.py", "shop/__init__.py", "README.md"},
     {"+ model Animal", "- model Pet [breaking]",
      "~ operation create_pet: request body retyped Pet → Animal [breaking]",
      "~ operation create_pet: returns Animal (was Pet) [breaking]",
      "~ operation list_pets: returns array<Animal> (was array<Pet>) [breaking]",
      "~ operation show_pet: returns Animal (was Pet) [breaking]"}),
    ("add a $ref'd file", _add_ref_file,
     {"shop/models/__init__.py", "shop/client.py", "shop/server/base.py", "shop/server/app.py", "README.md"},
     {"shop/_http/core.py", "shop/errors.py", "shop/__init__.py"},
     {"+ operation get_owner: GET /owners/{ownerId}", "+ model Owner"}),
]


def test_five_versions(tmp_path: Path) -> None:
    spec_path, out = tmp_path / "shop.yaml", tmp_path / "out"
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "owner.yaml").write_text("type: object\nproperties:\n  id: {type: integer}\n")
    spec = copy.deepcopy(BASE)
    first = _run(spec_path, spec, out)
    assert first.changes is None and "shop/server/handlers.py" in first.written
    # The user's files: their handlers, a note at the top, a module inside the generated package.
    handlers = out / PKG / "server" / "handlers.py"
    handlers.write_text(USER_HANDLERS)
    (out / "NOTES.txt").write_text("mine\n")
    (out / PKG / "extra.py").write_text("X = 1\n")
    user = {"shop/server/handlers.py", "NOTES.txt", "shop/extra.py"}
    for name, change, must_change, must_not, report in STEPS:
        _age(out)
        before = _tree(out)
        change(spec)
        result = _run(spec_path, spec, out)
        after = _tree(out)
        rewritten = {p for p in after if after[p][1] != OLD}
        content_changed = {p for p in after if before.get(p, ("", 0))[0] != after[p][0]}
        assert rewritten == content_changed, name  # mtimes move exactly where content moved
        assert must_change | {".oagen/manifest.json"} <= rewritten, (name, rewritten)
        assert not (must_not | user) & rewritten, (name, rewritten)
        assert {p: after[p] for p in user} == {p: before[p] for p in user}, name
        manifest = json.loads((out / ".oagen" / "manifest.json").read_text())
        assert set(after) == set(manifest["files"]) | user | {".oagen/manifest.json"}, name  # nothing stale
        assert "pending" not in manifest
        assert result.changes is not None
        assert {c.format() for c in result.changes.changes} == report, name
        assert set(result.written) == rewritten - {".oagen/manifest.json"}
    # The $ref'd file is part of the manifest's spec hash.
    assert set(manifest["spec_files"]) == {"shop.yaml", "schemas/owner.yaml"}
    # Handlers: the user's list_pets is still an operation, delete_pet is not any more.
    assert result.handlers is not None
    assert sorted(result.handlers.missing) == ["create_pet", "get_owner", "show_pet"]
    assert result.handlers.unknown == ("delete_pet",)


def test_stale_files_removed_and_empty_folders_pruned(tmp_path: Path) -> None:
    spec_path, out = tmp_path / "shop.yaml", tmp_path / "out"
    _run(spec_path, BASE, out)
    (out / PKG / "server" / "handlers.py").write_text(USER_HANDLERS)
    result = _run(spec_path, BASE, out, server=False)
    runtime = sorted(f"_runtime/{p.name}" for p in (ROOT / "generator" / "runtime" / "server").glob("*.py"))
    assert sorted(result.removed) == sorted(f"shop/server/{name}" for name in (
        "__init__.py", *runtime, "app.py", "base.py", "openapi.json", "schemas.json"))
    assert sorted(p.name for p in (out / PKG / "server").iterdir()) == ["handlers.py"]  # user-owned, kept
    result = generate(str(spec_path), out, GenerateOptions(package="renamed", server=False))
    assert result.ok
    assert not (out / PKG / "client.py").exists() and (out / "renamed" / "client.py").exists()
    assert (out / PKG / "server" / "handlers.py").read_text() == USER_HANDLERS
    assert not (out / PKG / "__init__.py").exists()
    # A manifest that lists paths outside the folder never makes oagen delete them.
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    manifest = json.loads((out / writer.MANIFEST).read_text())
    manifest["files"]["../victim.txt"] = hashlib.sha256(b"keep").hexdigest()
    manifest["files"][str(victim)] = hashlib.sha256(b"keep").hexdigest()
    (out / writer.MANIFEST).write_text(json.dumps(manifest))
    assert generate(str(spec_path), out, GenerateOptions(package="renamed", server=False)).ok
    assert victim.read_text() == "keep"


# --------------------------------------------------------------------------- --check / --diff


class Cli:
    """The command line run in this process (much faster than a subprocess)."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        self.capsys.readouterr()
        code = main(list(args))
        out, err = self.capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out, err)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(capsys)


def _stamps(root: Path) -> dict[str, tuple[str, int]]:
    return _tree(root) if root.exists() else {}


def test_check_and_diff_write_nothing(tmp_path: Path, cli: Cli) -> None:
    spec_path, out = tmp_path / "shop.yaml", tmp_path / "out"
    _run(spec_path, BASE, out)
    before = _stamps(out)
    args = (str(spec_path), "-o", str(out), "--package", PKG)
    check = cli("generate", *args, "--check")
    assert check.returncode == 0 and "up to date" in check.stderr, check.stderr
    spec = copy.deepcopy(BASE)
    _add_operation(spec)
    _write(spec_path, spec)
    check = cli("generate", *args, "--check")
    assert check.returncode == 1
    assert "out of date: " in check.stderr and "shop/client.py" in check.stderr
    assert "+ operation create_pet: POST /pets" in check.stderr
    diff = cli("generate", *args, "--diff")
    assert diff.returncode == 1
    assert "+++ b/shop/client.py" in diff.stdout and "+    def create_pet(" in diff.stdout
    assert "--- a/shop/models.py" not in diff.stdout
    assert _stamps(out) == before  # hashes and mtimes
    # Nothing written either when the folder does not exist yet.
    missing = tmp_path / "missing"
    assert cli("generate", str(spec_path), "-o", str(missing), "--check").returncode == 1
    assert not missing.exists()
    # A change to the spec that changes no generated file still makes the manifest stale.
    spec_path.write_text(yaml.safe_dump(BASE, sort_keys=False) + "# a comment\n")
    check = cli("generate", *args, "--check")
    assert check.returncode == 1 and "out of date: .oagen/manifest.json" in check.stderr
    assert _stamps(out) == before


# --------------------------------------------------------------------------- hand edits


def test_hand_edit_stops_regeneration_until_force(tmp_path: Path, cli: Cli) -> None:
    spec_path, out = tmp_path / "shop.yaml", tmp_path / "out"
    _run(spec_path, BASE, out)
    client = out / PKG / "client.py"
    client.write_text(client.read_text() + "\n# my fix\n")
    spec = copy.deepcopy(BASE)
    _add_operation(spec)
    _write(spec_path, spec)
    _age(out)
    before = _stamps(out)
    args = (str(spec_path), "-o", str(out), "--package", PKG)
    run = cli("generate", *args)
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if "error[" in line]
    assert len(errors) == 1 and f"{client}: error[OAG801]: generated file was edited by hand" in errors[0]
    assert "--force" in errors[0] and "Traceback" not in run.stderr
    assert _stamps(out) == before  # nothing at all was written
    run = cli("generate", *args, "--force")
    assert run.returncode == 0, run.stderr
    assert "# my fix" not in client.read_text() and "def create_pet(" in client.read_text()
    assert cli("generate", *args, "--check").returncode == 0


def test_foreign_folder_and_files_are_refused(tmp_path: Path) -> None:
    spec_path, out = tmp_path / "shop.yaml", tmp_path / "out"
    _write(spec_path, BASE)
    out.mkdir()
    (out / "mine.txt").write_text("x")
    result = generate(str(spec_path), out, GenerateOptions(package=PKG))
    assert not result.ok and "not empty and was not generated by oagen" in result.diagnostics[-1].message
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]
    assert generate(str(spec_path), out, GenerateOptions(package=PKG, force=True)).ok
    assert (out / "mine.txt").read_text() == "x"


# --------------------------------------------------------------------------- interrupted writes


def _fail_on(monkeypatch: pytest.MonkeyPatch, n: int) -> list[str]:
    """Make writer.atomic_write fail on its n-th call; returns the paths it was called with."""
    real = writer.atomic_write
    calls: list[str] = []

    def flaky(path: Path, data: bytes) -> None:
        calls.append(str(path))
        if len(calls) == n:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(writer, "atomic_write", flaky)
    return calls


@pytest.mark.parametrize("n", [1, 2, 4])
def test_failure_halfway_leaves_old_or_new_and_next_run_repairs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               n: int) -> None:
    spec_path = tmp_path / "shop.yaml"
    old_out, new_out, out = tmp_path / "old", tmp_path / "new", tmp_path / "out"
    v2 = copy.deepcopy(BASE)
    _add_operation(v2)
    _remove_operation(v2)
    _run(spec_path, BASE, old_out)
    _run(spec_path, BASE, out)
    _run(spec_path, v2, new_out)
    old, new = _tree(old_out), _tree(new_out)
    calls = _fail_on(monkeypatch, n)
    result = generate(str(spec_path), out, GenerateOptions(package=PKG))
    assert not result.ok and result.diagnostics[-1].code == "OAG802"
    assert "run oagen again" in result.diagnostics[-1].format()
    assert len(calls) >= n  # the failed write, then the writes restoring the folder
    for path, (digest, _) in _tree(out).items():
        if path != writer.MANIFEST:
            assert digest in (old.get(path, ("",))[0], new.get(path, ("",))[0]), path  # never partial
    # The folder was restored to what it was before the run.
    assert {p: h for p, (h, _) in _tree(out).items()} == {p: h for p, (h, _) in old.items()}
    assert not [p for p in out.rglob("*.tmp")]
    monkeypatch.undo()
    assert generate(str(spec_path), out, GenerateOptions(package=PKG)).ok
    handlers = "shop/server/handlers.py"  # the user's: written once, from the first version
    assert {p: h for p, (h, _) in _tree(out).items()} == {p: h for p, (h, _) in new.items()} | {
        handlers: old[handlers][0]}


def test_failure_during_the_first_generation_is_repaired_without_force(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    spec_path, out, fresh = tmp_path / "shop.yaml", tmp_path / "out", tmp_path / "fresh"
    _run(spec_path, BASE, fresh)
    _fail_on(monkeypatch, 5)
    assert not generate(str(spec_path), out, GenerateOptions(package=PKG)).ok
    assert not any(out.rglob("*.py"))  # restored: nothing of the failed run is left
    monkeypatch.undo()
    assert generate(str(spec_path), out, GenerateOptions(package=PKG)).ok  # the journal says it is ours
    assert {p: h for p, (h, _) in _tree(out).items()} == {p: h for p, (h, _) in _tree(fresh).items()}


# --------------------------------------------------------------------------- determinism


def test_identical_trees_across_folders_cwd_and_hash_seed(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    (specs / "schemas").mkdir(parents=True)
    (specs / "schemas" / "owner.yaml").write_text("type: object\nproperties:\n  id: {type: integer}\n")
    spec = copy.deepcopy(BASE)
    _add_ref_file(spec)
    _write(specs / "shop.yaml", spec)
    (tmp_path / "a").mkdir()
    (tmp_path / "deep" / "er" / "b").mkdir(parents=True)
    # In parallel: different cwd, spec path spelled differently, different hash seed.
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen([sys.executable, "-m", "generator", "generate", "../specs/shop.yaml", "-o", "out"],
                         cwd=tmp_path / "a", env={**environ, "PYTHONHASHSEED": "0"},
                         stderr=subprocess.PIPE, text=True),
        subprocess.Popen([sys.executable, "-m", "generator", "generate", str(specs / "shop.yaml"), "-o",
                          str(tmp_path / "deep" / "er" / "b" / "elsewhere")],
                         cwd=ROOT, env={**environ, "PYTHONHASHSEED": "4242"}, stderr=subprocess.PIPE, text=True),
    ]
    for proc in runs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    first = {p: h for p, (h, _) in _tree(tmp_path / "a" / "out").items()}
    second = {p: h for p, (h, _) in _tree(tmp_path / "deep" / "er" / "b" / "elsewhere").items()}
    assert first == second
    manifest = (tmp_path / "a" / "out" / writer.MANIFEST).read_text()
    assert str(tmp_path) not in manifest and str(ROOT) not in manifest


# --------------------------------------------------------------------------- API, diff, watch


def test_python_api_neither_prints_nor_exits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_path = tmp_path / "shop.yaml"
    _write(spec_path, BASE)
    result = generator.generate(str(spec_path), tmp_path / "out", GenerateOptions(package=PKG))
    again = generator.generate(str(spec_path), tmp_path / "out", GenerateOptions(package=PKG))
    broken = generator.generate(str(tmp_path / "nope.yaml"), tmp_path / "out2")
    assert capsys.readouterr() == ("", "")
    assert result.ok and result.written and not result.unchanged and again.unchanged and not again.written
    assert again.removed == [] and again.changes is not None and not again.changes
    assert not broken.ok and broken.diagnostics[0].code == "OAG001"


def test_oagen_diff(tmp_path: Path, cli: Cli) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    _write(old, BASE)
    spec = copy.deepcopy(BASE)
    _add_operation(spec)
    _write(new, spec)
    run = cli("diff", str(old), str(new), "--fail-on-breaking")
    assert run.returncode == 0 and "+ operation create_pet: POST /pets" in run.stdout, run.stderr
    _remove_operation(spec)
    _write(new, spec)
    assert cli("diff", str(old), str(new)).returncode == 0
    run = cli("diff", str(old), str(new), "--fail-on-breaking", "--json")
    assert run.returncode == 1
    report = json.loads(run.stdout)
    assert report["breaking"] == 1
    assert {"kind": "removed", "subject": "operation", "name": "delete_pet", "detail": "DELETE /pets/{petId}",
            "breaking": True} in report["changes"]
    assert cli("diff", str(old), str(old)).stdout.strip() == "no changes for clients"
    assert cli("diff", str(old), str(tmp_path / "nope.yaml")).returncode == 1


def _wait_for(condition: Callable[[], bool], what: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"{what}: {log.read_text()}")
        time.sleep(0.05)


def test_watch_regenerates_on_spec_and_referenced_file_changes(tmp_path: Path) -> None:
    spec_path, out, log = tmp_path / "shop.yaml", tmp_path / "out", tmp_path / "watch.log"
    (tmp_path / "schemas").mkdir()
    owner = tmp_path / "schemas" / "owner.yaml"
    owner.write_text("type: object\nproperties:\n  id: {type: integer}\n")
    spec = copy.deepcopy(BASE)
    _add_ref_file(spec)
    _write(spec_path, spec)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with log.open("wb") as handle:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "generate", str(spec_path), "-o", str(out),
                                 "--package", PKG, "--watch", "--interval", "0.1"],
                                stdout=handle, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_for(lambda: "watching 2 files" in log.read_text(), "first generation", proc, log)
        owner.write_text("type: object\nproperties:\n  id: {type: integer}\n  nickname: {type: string}\n")
        _wait_for(lambda: "nickname" in "".join(p.read_text() for p in (out / PKG / "models").glob("*.py")), "$ref'd file change", proc, log)
        _add_operation(spec)
        _write(spec_path, spec)
        _wait_for(lambda: "def create_pet(" in (out / PKG / "client.py").read_text(), "spec change", proc, log)
        _wait_for(lambda: "+ operation create_pet" in log.read_text(), "change report", proc, log)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = log.read_text()
    assert "stopped watching" in text and "Traceback" not in text


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    spec_path, out, elsewhere = tmp_path / "shop.yaml", tmp_path / "out", tmp_path / "elsewhere"
    _run(spec_path, BASE, out)
    elsewhere.mkdir()
    shutil.rmtree(out / PKG / "server")
    (out / PKG / "server").symlink_to(elsewhere, target_is_directory=True)
    result = generate(str(spec_path), out, GenerateOptions(package=PKG))
    assert not result.ok and "outside the output folder" in result.diagnostics[-1].message
    assert list(elsewhere.iterdir()) == []
