"""``--watch`` survives a spec written in several steps: each half-written state is reported in
one line, the previous output stays, and the next complete save regenerates.

Half-written comes in two kinds: text that does not parse (cut inside a flow collection), and
text that does (YAML cut at a line: the paths are there, the components they point to are not
yet). The second would generate in the lenient mode, with the missing schemas typed as any;
under ``--watch`` a ``$ref`` that points to nothing holds the regeneration back, unless the last
generation had such references too (then the spec is meant that way).
"""

from __future__ import annotations

import copy
import os
import signal
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ROOT
from writing_support import FLAGS, PKG, SPEC_A, generated, spec_b, tree, wait_for

from generator import cli


def _yaml(spec: dict[str, Any]) -> str:
    return yaml.safe_dump(spec, sort_keys=False, default_flow_style=None)


def _steps(text: str) -> list[str]:
    """The text as an editor writing it in three saves: up to the components (parses, its
    $refs point to nothing yet), cut inside a flow list (does not parse), whole."""
    return [text[:text.index("\ncomponents:") + 1], text[:text.rindex("[") + 3], text]


def _reference(tmp_path: Path, spec: dict[str, Any], name: str, base: Path | None = None) -> dict[str, bytes]:
    path = tmp_path / f"spec-{name}" / "shop.yaml"  # (the manifest names the spec file)
    path.parent.mkdir()
    path.write_text(_yaml(spec))
    return generated(path, tmp_path / name, base=base)


@pytest.mark.skipif(os.name != "posix", reason="stopped with SIGINT")
def test_a_spec_written_in_steps(tmp_path: Path) -> None:
    spec_path, out, log = tmp_path / "shop.yaml", tmp_path / "out", tmp_path / "watch.log"
    old = _reference(tmp_path, SPEC_A, "old")
    new = _reference(tmp_path, spec_b(), "new", base=tmp_path / "old")
    spec_path.write_text(_yaml(SPEC_A))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with log.open("wb") as handle:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "generate", str(spec_path), "-o", str(out), *FLAGS,
                                 "--watch", "--interval", "0.1"], stderr=handle, env=env)

    def lines() -> list[str]:
        return log.read_text().splitlines()

    try:
        wait_for(lambda: "oagen: watching 1 files; press Ctrl-C to stop" in lines() or proc.poll() is not None,
                 lambda: log.read_text())
        assert tree(out) == old
        steps = _steps(_yaml(spec_b()))
        for n, text in enumerate(steps[:2], 1):
            start = len(lines())
            spec_path.write_text(text)
            wait_for(lambda: any(word in line for line in lines()[start:] for word in (
                "cannot be used yet", " wrote ", "generation failed")) or proc.poll() is not None,
                lambda: log.read_text())
            time.sleep(0.3)  # (anything more it would print)
            reported = lines()[start:]
            assert tree(out) == old, f"step {n} changed the output: {reported}"
            # One line about the change, one line about the spec; nothing else.
            assert len(reported) == 2 and reported[0] == f"oagen: changed: {spec_path}; regenerating", reported
            assert reported[1].startswith(f"oagen: {spec_path} cannot be used yet, the previous output stays until "
                                          "the next save: "), reported
            if n == 1:
                assert "error[OAG020]: $ref '#/components/schemas/Pet' points to nothing" in reported[1]
                assert reported[1].endswith(" more)")
            else:
                assert "error[OAG005]: invalid YAML" in reported[1]
        start = len(lines())
        spec_path.write_text(steps[2])
        wait_for(lambda: any(" wrote " in line for line in lines()[start:]) or proc.poll() is not None,
                 lambda: log.read_text())
        assert tree(out) == new
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = log.read_text()
    assert "oagen: stopped watching" in text and "Traceback" not in text


class _Clock:
    """``cli.time`` for an in-process ``--watch``: each sleep runs the next scripted action, and
    the watch ends (Ctrl-C) once ``done()`` holds or after ``limit`` sleeps."""

    def __init__(self, actions: dict[int, Any], done: Any, limit: int = 400) -> None:
        self.actions, self.done, self.limit, self.sleeps, self.now = actions, done, limit, 0, 0.0
        self.module = types.SimpleNamespace(sleep=self.sleep, monotonic=self.monotonic)

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        self.now += seconds
        action = self.actions.get(self.sleeps)
        if action is not None:
            action()
        if self.done() or self.sleeps >= self.limit:
            raise KeyboardInterrupt


def test_a_save_that_lands_during_a_regeneration_is_not_missed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The editor's last save lands while oagen is still busy with the half-written text: the
    files' stamps are taken before a run reads them, so the next poll sees the save and runs again."""
    spec_path, out = tmp_path / "shop.yaml", tmp_path / "out"
    generated_a = _reference(tmp_path, SPEC_A, "old")
    new = _reference(tmp_path, spec_b(), "new", base=tmp_path / "old")
    half, _, whole = _steps(_yaml(spec_b()))
    spec_path.write_text(_yaml(SPEC_A))
    real = cli.generate
    seen: list[str] = []

    def generate(spec: str, output: Path, options: Any) -> Any:
        text = Path(spec).read_text()
        seen.append("half" if text == half else "whole" if text == whole else "A")
        result = real(spec, output, options)
        if text == half:
            spec_path.write_text(whole)  # saved while the half-written text was being generated
        return result

    monkeypatch.setattr(cli, "generate", generate)
    clock = _Clock({1: lambda: spec_path.write_text(half)}, lambda: seen[-1:] == ["whole"] and tree(out) == new)
    monkeypatch.setattr(cli, "time", clock.module)
    code = cli.main(["generate", str(spec_path), "-o", str(out), *FLAGS, "--watch", "--interval", "0.5"])
    err = capsys.readouterr().err
    assert code == 0 and seen == ["A", "half", "whole"], (seen, err)
    assert tree(out) == new and generated_a != new
    assert err.count("cannot be used yet") == 1 and "stopped watching" in err


def test_a_spec_meant_with_dangling_refs_still_regenerates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """A spec whose $refs pointed to nothing at the last generation too is meant that way:
    --watch regenerates it (lenient, as without --watch)."""
    spec_path, out = tmp_path / "shop.yaml", tmp_path / "out"
    dangling = copy.deepcopy(SPEC_A)
    del dangling["components"]["schemas"]["Error"]
    changed = copy.deepcopy(dangling)
    changed["info"]["version"] = "2.0.0"
    spec_path.write_text(_yaml(dangling))
    clock = _Clock({1: lambda: spec_path.write_text(_yaml(changed))},
                   lambda: (out / "pyproject.toml").is_file() and '"2.0.0"' in (out / "pyproject.toml").read_text())
    monkeypatch.setattr(cli, "time", clock.module)
    assert cli.main(["generate", str(spec_path), "-o", str(out), *FLAGS, "--watch", "--interval", "0.5"]) == 0
    err = capsys.readouterr().err
    assert err.count("warning[OAG020]") == 2 and "cannot be used yet" not in err, err
    assert err.count(f" in {out}") == 2  # generated twice
    assert (out / PKG / "client.py").is_file()
