"""The safety check holds on the two-process path: a big package (the merged Cognito spec is big
enough) is rendered, formatted and checked by this process and a forked one, each taking chunks
of files (``generator.api._shared``). A user template that puts spec text where code goes must
be refused there with OAG902 and nothing written, whichever process checks the file: both, the
forked one alone, or this one redoing what a forked process that died took.

The tampering: ``--templates`` overrides of the split layout's operation and route modules that
append ``TAMPERED = {{ api.title }}`` (the title unescaped), with a spec whose title is code.
The control run (the same overrides, the title through ``pyrepr``) passes the same path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ROOT, SPECS

from generator import api, render
from generator.api import GenerateOptions, generate

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the two-process path forks: POSIX")

PAYLOAD = "__import__('os').system('touch PWNED')"
TAMPERED = ("client/operations/module.py.jinja", "server/_routes/group.py.jinja")


def _templates(folder: Path, expression: str) -> Path:
    for name in TAMPERED:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((render.template_dir() / name).read_text("utf-8") + f"\nTAMPERED = {expression}\n")
    return folder


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    doc = yaml.safe_load((SPECS / "aws-cognito-merged.yaml").read_text("utf-8"))
    doc["info"]["title"] = PAYLOAD
    path = tmp_path_factory.mktemp("spec") / "cognito.json"
    path.write_text(json.dumps(doc), "utf-8")
    return path


def _options(templates: Path) -> GenerateOptions:
    return GenerateOptions(package="cognito", templates=templates, format=False, validate=False)


@pytest.fixture()
def shared(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Records the chunk count each time the two-process path runs."""
    calls: list[int] = []
    real = api._shared

    def spy(chunks: list[Any], *args: Any) -> Any:
        calls.append(len(chunks))
        return real(chunks, *args)

    monkeypatch.setattr(api, "_shared", spy)
    return calls


def _refused(result: api.GenerateResult, out: Path) -> set[str]:
    """Assert the run failed on OAG902 for the tampered modules and wrote nothing; their paths."""
    assert not result.ok
    errors = [d for d in result.diagnostics if d.severity >= 30]
    assert errors and {d.code for d in errors} == {"OAG902"}, [d.format() for d in errors]
    assert all("internal error, please report" in d.message for d in errors)
    assert any("'__import__'" in d.message for d in errors) and any("'system'" in d.message for d in errors)
    assert not out.exists()
    return {d.src.file for d in errors}


def test_control_the_same_overrides_escaped_pass_the_two_process_path(tmp_path: Path, spec: Path,
                                                                      shared: list[int]) -> None:
    out = tmp_path / "out"
    result = generate(str(spec), out, _options(_templates(tmp_path / "t", "{{ api.title | pyrepr }}")))
    assert result.ok, [d.format() for d in result.diagnostics]
    assert shared and shared[0] > 1  # two processes, many chunks
    for path in ("cognito/_operations/users.py", "cognito/server/_routes/users.py"):
        assert f"\nTAMPERED = {render.pyrepr(PAYLOAD)}\n" in (out / path).read_text()  # a string, harmless


def test_tampering_is_refused_on_the_two_process_path(tmp_path: Path, spec: Path, shared: list[int]) -> None:
    out = tmp_path / "out"
    files = _refused(generate(str(spec), out, _options(_templates(tmp_path / "t", "{{ api.title }}"))), out)
    assert shared and shared[0] > 1
    # Every tampered module is caught (7 operation groups, client and server), whoever checked it.
    assert len(files) == 14, sorted(files)


def test_tampering_is_refused_when_the_forked_process_checks_everything(tmp_path: Path, spec: Path, shared: list[int],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """This process takes no chunk: only the forked one's check can find the tampering."""
    parent = os.getpid()
    real = api._drain

    def drain(*args: Any) -> Any:
        if os.getpid() == parent:
            return {}, [], set()
        return real(*args)

    monkeypatch.setattr(api, "_drain", drain)
    out = tmp_path / "out"
    files = _refused(generate(str(spec), out, _options(_templates(tmp_path / "t", "{{ api.title }}"))), out)
    assert shared and shared[0] > 1 and len(files) == 14


def test_tampering_is_refused_when_the_forked_process_dies_with_its_chunks(
        tmp_path: Path, spec: Path, shared: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """The forked process takes every chunk, then dies without delivering: this one redoes them
    (and checks them)."""
    parent = os.getpid()
    real = api._drain

    def drain(*args: Any) -> Any:
        if os.getpid() == parent:
            return {}, [], set()
        real(*args)
        os._exit(1)

    monkeypatch.setattr(api, "_drain", drain)
    out = tmp_path / "out"
    files = _refused(generate(str(spec), out, _options(_templates(tmp_path / "t", "{{ api.title }}"))), out)
    assert shared and shared[0] > 1 and len(files) == 14


def test_the_command_line_refuses_it_and_writes_nothing(tmp_path: Path, spec: Path) -> None:
    """End to end, with the threshold untouched: ``oagen generate`` exits 1, one line per problem."""
    out = tmp_path / "out"
    templates = _templates(tmp_path / "t", "{{ api.title }}")
    run = subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "-o", str(out), "--package",
                          "cognito", "--templates", str(templates), "--no-format"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 1, run.stderr
    errors = [line for line in run.stderr.splitlines() if "error[" in line]
    assert errors and all("error[OAG902]" in line and "internal error, please report" in line for line in errors)
    assert "oagen: generation failed; nothing was written" in run.stderr and "Traceback" not in run.stderr
    assert not out.exists() and not list(tmp_path.rglob("PWNED"))
