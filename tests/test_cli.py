"""The command line: exit codes, one line per problem, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT


def oagen(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_validate_seed_is_clean(seed_spec: Path) -> None:
    result = oagen("validate", str(seed_spec))
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.replace("0 errors", "")


@pytest.mark.parametrize(
    ("content", "code", "where"),
    [
        ("swagger: '2.0'\npaths:\n  /x: [1, 2\n", "OAG005", ":4:1:"),
        ("hello: world\n", "OAG008", ":1:1:"),
        ("- just\n- a list\n", "OAG008", ":1:1:"),
        ("", "OAG004", ""),
        ("swagger: '1.2'\n", "OAG008", ":1:10:"),
        ("openapi: 4.0.0\n", "OAG008", ":1:10:"),
    ],
)
def test_broken_specs_get_one_line_and_exit_1(tmp_path: Path, content: str, code: str, where: str) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text(content)
    for command in (["validate", str(spec)], ["generate", str(spec), "-o", str(tmp_path / "out")]):
        result = oagen(*command)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        errors = [line for line in result.stderr.splitlines() if "error[" in line]
        assert len(errors) == 1, result.stderr
        assert f"[{code}]" in errors[0] and f"{spec}{where}" in errors[0]
        assert not (tmp_path / "out").exists()


def test_missing_file(tmp_path: Path) -> None:
    result = oagen("generate", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no such file" in result.stderr and "Traceback" not in result.stderr


def test_usage_error_exits_2() -> None:
    assert oagen("generate").returncode == 2
    assert oagen("frobnicate").returncode == 2


def test_inspect_shows_the_dispatched_operations(seed_spec: Path) -> None:
    result = oagen("inspect", str(seed_spec))
    assert result.returncode == 0
    assert "GET /?Action=GetOpenIdToken " in result.stdout
    assert "get_open_id_token_for_developer_identity" in result.stdout


def test_strict_turns_a_repair_into_exit_1(tmp_path: Path) -> None:
    spec = ROOT / "tests" / "repairs" / "parameter-without-type.yaml"
    lenient = oagen("generate", str(spec), "-o", str(tmp_path / "a"), "--no-format")
    assert lenient.returncode == 0 and "warning[OAG133]" in lenient.stderr
    strict = oagen("generate", str(spec), "-o", str(tmp_path / "b"), "--strict")
    assert strict.returncode == 1 and "error[OAG133]" in strict.stderr
    assert not (tmp_path / "b").exists()


def test_verbose_prints_the_phases_and_a_pipe_gets_no_progress(seed_spec: Path, tmp_path: Path) -> None:
    result = oagen("generate", str(seed_spec), "-o", str(tmp_path / "out"), "-v")
    assert result.returncode == 0, result.stderr
    [line] = [x for x in result.stderr.splitlines() if "phases:" in x]
    for phase in ("load", "validate", "normalize", "render", "format", "check", "write"):
        assert f" {phase} " in line
    assert "\r" not in result.stderr  # progress is for terminals only
    quiet = oagen("generate", str(seed_spec), "-o", str(tmp_path / "out2"), "-q")
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_progress_on_a_terminal(seed_spec: Path, tmp_path: Path) -> None:
    """Under a pseudo-terminal the phases show on one line that is cleared at the end."""
    import os
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: oagen with stderr on the terminal
        os.execv(sys.executable, [sys.executable, "-m", "generator", "generate", str(seed_spec), "-o",
                                  str(tmp_path / "out")])
    output = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, output
    text = output.decode("utf-8", "replace")
    assert "\roagen: loading the spec..." in text and "rendering 2 operations" in text
    assert "wrote" in text
