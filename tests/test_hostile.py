"""Hostile and broken input: one clear error, safe code, nothing lost.

Every file in tests/hostile/ (and in ``$OAGEN_HOSTILE_DIR``, for a set kept elsewhere) is run
through ``oagen generate`` in a subprocess with a memory limit, into an output folder that
already holds a generated package. For each the test asserts: exit 0 or 1 (as a ``.expected``
file beside it says, when there is one), no traceback, every error one line, well under 10 s,
nothing written outside the output folder, the previous output untouched on failure, and on
success generated code that passes the AST check (``ast_check``) and imports without side
effects: every module, every model built, the server app with every route (``check_generated``).

``NAME.EXT.expected``: first line ``exit N``; every further line must appear in the output,
except ``args: ...`` (more command-line arguments) and ``package: NAME`` (the package generated).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, SPECS, Imported, import_every_module

HOSTILE = Path(__file__).parent / "hostile"
MARKER = Path("/tmp/oagen-hostile-MARKER")
MEMORY = 2 * 1024**3
TIME_LIMIT = 10.0


def _cases() -> list[Path]:
    folders = [HOSTILE] + ([Path(os.environ["OAGEN_HOSTILE_DIR"])] if os.environ.get("OAGEN_HOSTILE_DIR") else [])
    return sorted(p for folder in folders for p in folder.iterdir()
                  if p.is_file() and p.suffix not in (".expected", ".md", ".py"))


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_oagen(*args: str, cwd: Path, env: dict[str, str] | None = None,
              timeout: float = 60) -> tuple[subprocess.CompletedProcess[str], float]:
    """``python -m generator ARGS`` in a subprocess limited to 2 GB of address space."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "OAGEN_CACHE_DIR": "", "HOME": str(cwd),
                   **(env or {})}
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, check=False,
                            cwd=cwd, env=environment, timeout=timeout, preexec_fn=_limit_memory)
    return result, time.monotonic() - start


def tree(folder: Path) -> dict[str, tuple[bytes | str, int]]:
    """Every file and link under ``folder``: its bytes (or link target) and mtime."""
    state: dict[str, tuple[bytes | str, int]] = {}
    if not folder.exists():
        return state
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            state[rel] = (os.readlink(path), 0)
        elif path.is_file():
            state[rel] = (path.read_bytes(), path.stat().st_mtime_ns)
    return state


@pytest.fixture(scope="module")
def previous_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a package generated before (from the Petstore)."""
    from generator.api import GenerateOptions, generate

    out = tmp_path_factory.mktemp("previous") / "out"
    result = generate(str(SPECS / "petstore" / "petstore-3.0.yaml"), out,
                      GenerateOptions(package="previous", format=False))
    assert result.ok, [d.format() for d in result.diagnostics]
    return out


def expectations(case: Path) -> tuple[int | None, list[str], list[str], str | None]:
    sidecar = case.with_name(case.name + ".expected")
    if not sidecar.exists():
        return None, [], [], None
    lines = [line for line in sidecar.read_text().splitlines() if line.strip()]
    code = int(lines[0].split()[1])
    args = [a for line in lines[1:] if line.startswith("args:") for a in line[5:].split()]
    package = next((line[8:].strip() for line in lines[1:] if line.startswith("package:")), None)
    return code, [line for line in lines[1:] if not line.startswith(("args:", "package:"))], args, package


def assert_clean_output(result: subprocess.CompletedProcess[str]) -> None:
    """No traceback; every diagnostic one line; an error never comes without one."""
    text = result.stdout + result.stderr
    assert "Traceback" not in text and 'File "' not in text, text[-3000:]
    assert "internal error" not in text, text[-3000:]
    for line in result.stderr.splitlines():
        # Diagnostics and summaries; the change report's items are indented under its headline.
        assert line.startswith(("oagen:", "/", ".", "<", "  + ", "  - ", "  ~ ")) or ": " in line, line
    if result.returncode == 1:
        assert "error[" in result.stderr, result.stderr[-2000:]


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_hostile_input(case: Path, tmp_path: Path, previous_output: Path) -> None:
    expected_code, expected_lines, extra_args, package = expectations(case)
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir()
    spec = sandbox / "spec" / case.name
    spec.parent.mkdir()
    shutil.copyfile(case, spec)
    out = sandbox / "out"
    shutil.copytree(previous_output, out, symlinks=True)
    before_out = tree(out)
    outside = {k: v for k, v in tree(tmp_path).items() if not k.startswith("sandbox/out/")}
    MARKER.unlink(missing_ok=True)

    result, elapsed = run_oagen("generate", str(spec), "-o", str(out), "--no-format", *extra_args, cwd=sandbox)

    assert result.returncode in (0, 1), result.stderr[-3000:]
    if expected_code is not None:
        assert result.returncode == expected_code, result.stderr[-3000:]
    for line in expected_lines:
        assert line in result.stderr, f"{line!r} not in:\n{result.stderr[-3000:]}"
    assert_clean_output(result)
    assert elapsed < TIME_LIMIT, f"took {elapsed:.1f} s"
    after_outside = {k: v for k, v in tree(tmp_path).items() if not k.startswith("sandbox/out/")}
    assert after_outside == outside, "written outside the output folder: " + \
        ", ".join(sorted(set(after_outside) ^ set(outside)))
    assert not MARKER.exists()
    if result.returncode != 0:
        assert tree(out) == before_out, "a failed run changed the output folder"
        return
    if package is not None:
        assert (out / package / "__init__.py").is_file(), sorted(p.name for p in out.iterdir())
    check_generated(out, spec)


def check_generated(out: Path, spec: Path | None = None) -> Imported:
    """The generated package compiles, passes the AST check (when ``spec``, the spec it was
    generated from, is given) and imports without side effects: every module of it, every model
    built, the server app with every route, in a fresh interpreter (the spec's payloads would touch
    MARKER)."""
    packages = [p.name for p in out.iterdir() if (p / "__init__.py").exists()]
    assert len(packages) == 1, packages
    package = packages[0]
    files = sorted((out / package).rglob("*.py"))
    for path in files:
        compile(path.read_text("utf-8"), str(path), "exec")
    if spec is not None:
        ast_check(out, spec, package)
    imported = import_every_module(out, package, timeout=120, env={"PYTHONPATH": str(out)},
                                   preexec_fn=_limit_memory)
    assert imported.error is None, f"{imported.error}\n{imported.stderr[-3000:]}"
    assert len(imported.modules) == len(files) and imported.routes > 0, imported
    assert not MARKER.exists(), "importing the generated code ran a payload"
    return imported


def ast_check(out: Path, spec: Path, package: str) -> None:
    """``safety.check_files`` on the files as written: every Python file of the package parses,
    holds only identifiers of its template or of the naming pass, and no statement that runs at
    import but a docstring (the check ``generate`` ran before writing, repeated independently)."""
    from generator import render, safety
    from generator.api import load_api
    from generator.targets import registry
    from generator.targets.package import Options

    loaded = load_api(str(spec), validate=False)
    assert loaded.api is not None, [d.format() for d in loaded.diagnostics]
    plans = registry.plan(loaded.api, Options(package=package))
    python = {p.path for p in plans if p.python}
    written = {str(p.relative_to(out)) for p in (out / package).rglob("*.py")}
    assert python == written, sorted(python ^ written)
    texts = {p.path: (out / p.path).read_text("utf-8") for p in plans}
    problems = safety.check_files(render.environment(), plans, texts, loaded.api, package)
    assert problems == [], [d.format() for d in problems]


def test_check_generated_fails_when_its_claims_break(tmp_path: Path) -> None:
    """check_generated runs what it claims: the AST check, every lazily loaded module, every model
    built (a broken model module or an unresolvable annotation never reached by importing the
    client and the server app is found)."""
    from generator.api import GenerateOptions, generate

    spec = SPECS / "features" / "composition-3.0.yaml"
    out = tmp_path / "out"
    assert generate(str(spec), out, GenerateOptions(package="comp", format=False)).ok
    imported = check_generated(out, spec)
    assert {"comp.models.dog", "comp.models.cat"} <= set(imported.modules) and imported.models >= 7
    dog = out / "comp" / "models" / "dog.py"
    original = dog.read_text("utf-8")
    # What the old check imported still imports: the client and the app never load models.dog.
    script = "import comp.client, comp.server.app, comp.models; print('ok')"
    assert subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True,
                          check=False).stdout.strip() == "ok"
    dog.write_text(original + "\nint('a lazily loaded module ran')\n", "utf-8")
    assert subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True,
                          check=False).stdout.strip() == "ok"
    with pytest.raises(AssertionError, match="a lazily loaded module ran"):
        check_generated(out)
    with pytest.raises(AssertionError, match="models/dog.py.* runs an expression at import time"):
        check_generated(out, spec)
    # A model whose annotation names nothing: the class is created, only building it fails.
    dog.write_text(original.replace("barks: bool | None", "barks: Missing | None"), "utf-8")
    with pytest.raises(AssertionError, match="build comp.models.dog.Dog: PydanticUndefinedAnnotation"):
        check_generated(out)
    with pytest.raises(AssertionError, match="'Missing'"):
        ast_check(out, spec, "comp")


def test_check_generated_imports_the_modules_of_the_split_layout(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """In the split layout (operations in ``_operations/<group>.py``, routes and handlers of the
    server per group, each loaded on first use) a broken module of each kind is found, and
    ``import_every_module`` reports the modules it imported (a module it skipped is an error)."""
    import helpers
    from generator.api import GenerateOptions, generate
    from generator.targets import groups

    monkeypatch.setattr(groups, "SPLIT_AT", 1)
    spec = SPECS / "features" / "composition-3.0.yaml"
    out = tmp_path / "out"
    assert generate(str(spec), out, GenerateOptions(package="comp", format=False)).ok
    lazy = sorted(p for folder in ("_operations", "server/_routes", "server/_handlers")
                  for p in (out / "comp" / folder).glob("*.py") if p.name != "__init__.py")
    assert {p.parent.name for p in lazy} == {"_operations", "_routes", "_handlers"}, lazy
    imported = check_generated(out, spec)
    assert {f"comp.{p.relative_to(out / 'comp').with_suffix('').as_posix().replace('/', '.')}"
            for p in lazy} <= set(imported.modules)
    for path in lazy:
        original = path.read_text("utf-8")
        path.write_text(original + "\nint('a lazily loaded module ran')\n", "utf-8")
        with pytest.raises(AssertionError, match="a lazily loaded module ran"):
            check_generated(out)
        path.write_text(original, "utf-8")
    # A script that skips a module (and says it imported it) is caught by its caller.
    script = helpers.IMPORT_EVERY_MODULE.replace('    for name in names:\n',
                                                 '    for name in [n for n in names if "._operations." not in n]:\n')
    assert script != helpers.IMPORT_EVERY_MODULE
    monkeypatch.setattr(helpers, "IMPORT_EVERY_MODULE", script)
    assert "modules never imported: ['comp._operations." in str(helpers.import_every_module(out, "comp").error)
