"""A real ``oagen generate`` killed (SIGKILL) or interrupted (SIGINT, as Ctrl-C) at every step of
writing leaves every file of OUT its old or its new version, and the next run finishes the job.

``restore()`` never runs here: a killed process runs nothing, and Ctrl-C goes straight out (the
friendly path, an ``OSError`` while writing, is tests/test_regen.py's). What carries the tree is
each file's atomic replacement and the manifest's journal of pending hashes, which tells the
next run that half-new files are its own to finish.

Each run stops at an exact step through the writer's test hook (``OAGEN_TEST_WRITER_TRACE`` and
``OAGEN_TEST_WRITER_PAUSE``, see generator/writer.py): the lock taken, each file's temp file made,
half written, complete before its rename, each stale file before its removal, and the manifest
written. The runs come from tests/oagen_forkserver.py (real processes running the command line's
``main``, started without Python's start-up cost), and once more from ``python -m generator``.

The spec change (tests/writing_support.py: A → B) takes 39 steps. By default each signal is
tried at every third of them (the two signals at different thirds) and at the first step of
every kind: 15 points each, a few seconds. ``OAGEN_KILL_POINTS=all`` tries every step for both
signals (78 kills, about a minute).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT
from writing_support import (
    FLAGS,
    PAUSE,
    TRACE,
    check_old_or_new,
    consistent,
    empty_folders,
    fork_server,
    generated,
    spec_b,
    trace_lines,
    tree,
    wait_for,
    write_spec,
    SPEC_A,
)

from generator import writer

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals and fork: POSIX")

EVERY_POINT = os.environ.get("OAGEN_KILL_POINTS") == "all"
TEMP_STEPS = {"temp", "half", "full"}  # a kill here leaves the temp file: the next run sweeps it


def _points(steps: list[list[str]], offset: int) -> list[int]:
    """The steps (1-based) to stop at: every third from ``offset``, and the first of each kind."""
    if EVERY_POINT:
        return list(range(1, len(steps) + 1))
    chosen = set(range(1 + offset, len(steps) + 1, 3))
    for kind in {s[2] for s in steps}:
        chosen.add(next(i for i, s in enumerate(steps, 1) if s[2] == kind))
    return sorted(chosen)


def _setup(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes], list[list[str]]]:
    """Spec B, the old tree (A's output) in ``old``, the new one (B over A), and B's steps."""
    spec_a = write_spec(tmp_path / "a.json", SPEC_A)
    spec = write_spec(tmp_path / "shop.json", spec_b())
    old = generated(spec_a, tmp_path / "old")
    os.environ[TRACE] = str(tmp_path / "steps")
    try:
        new = generated(spec, tmp_path / "new", base=tmp_path / "old")
    finally:
        del os.environ[TRACE]
    steps = trace_lines(tmp_path / "steps")
    assert [s[2] for s in steps[:2]] == ["locked", "temp"] and steps[-1][2] == "done"
    assert {s[2] for s in steps} == {"locked", "temp", "half", "full", "remove", "done"}
    return spec, tmp_path / "old", tree(tmp_path / "old"), new, steps


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_killed_at_every_step_leaves_old_or_new_and_the_next_run_finishes(tmp_path: Path, sig: int) -> None:
    spec, old_dir, old, new, steps = _setup(tmp_path)
    out = tmp_path / "out"
    argv = ["generate", str(spec), "-o", str(out), *FLAGS]
    temps_seen = 0
    started = time.monotonic()
    points = _points(steps, 0 if sig == signal.SIGKILL else 1)
    with fork_server(spec) as server:
        for point in points:
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(old_dir, out)
            trace = tmp_path / f"trace-{point}"
            log = tmp_path / f"killed-{point}.log"
            pid = server.run(argv, log, {TRACE: str(trace), PAUSE: str(point)})
            wait_for(lambda: len(trace_lines(trace)) >= point, lambda: f"step {point} ({log.read_text()})")
            where = " ".join(trace_lines(trace)[point - 1][2:])
            os.kill(pid, sig)
            status = server.wait(pid)
            context = f"killed at step {point}: {where}"
            if sig == signal.SIGKILL:
                assert status == -signal.SIGKILL, context
            else:
                text = log.read_text()
                assert status == 130 and "oagen: interrupted (every output file is its old or new version; " \
                                          "run oagen again to finish)" in text, (context, text)
                assert "Traceback" not in text
            temps = check_old_or_new(out, old, new, temps_allowed=sig == signal.SIGKILL,
                                     lock_allowed=sig == signal.SIGKILL)
            if sig == signal.SIGKILL:  # exactly the temp file of the file being written, if any
                assert len(temps) == (steps[point - 1][2] in TEMP_STEPS), (context, temps)
                assert (out / writer.LOCK).exists(), context  # the dead run's: the kernel let go of the lock
            temps_seen += len(temps)
            # The next run finishes the job: exactly the new tree, no temp file, no lock, no empty folder.
            again = tmp_path / f"again-{point}.log"
            assert server.wait(server.run(argv, again)) == 0, (context, again.read_text())
            assert tree(out) == new, context
            assert not empty_folders(out), context
            consistent(out)
    print(f"\n{signal.Signals(sig).name}: {len(points)} of {len(steps)} steps tried as kill points, each "
          f"followed by a run that finished the job ({temps_seen} temp files left for it to sweep) in "
          f"{time.monotonic() - started:.1f} s")
    assert len(steps) >= 35 and len(points) >= 15


def test_the_oagen_command_itself_killed_and_interrupted_mid_write(tmp_path: Path) -> None:
    """The same through ``python -m generator`` (the entry point users run): SIGINT while a file
    is half written, SIGKILL after the stale file's removal was decided; each time the next run
    (also the real command) finishes."""
    spec, old_dir, old, new, steps = _setup(tmp_path)
    out = tmp_path / "out"
    half = next(i for i, s in enumerate(steps, 1) if s[2] == "half" and "client.py" in s[3])
    remove = next(i for i, s in enumerate(steps, 1) if s[2] == "remove")
    command = [sys.executable, "-m", "generator", "generate", str(spec), "-o", str(out), *FLAGS]
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    for sig, point in ((signal.SIGINT, half), (signal.SIGKILL, remove)):
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(old_dir, out)
        trace = tmp_path / f"trace-{sig}"
        proc = subprocess.Popen(command, env={**environ, TRACE: str(trace), PAUSE: str(point)},
                                stderr=subprocess.PIPE, text=True)
        try:
            wait_for(lambda: len(trace_lines(trace)) >= point or proc.poll() is not None, f"step {point}")
            proc.send_signal(sig)
            _, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert proc.returncode == (130 if sig == signal.SIGINT else -signal.SIGKILL), err
        temps = check_old_or_new(out, old, new, temps_allowed=sig == signal.SIGKILL,
                                 lock_allowed=sig == signal.SIGKILL)
        assert tree(out) != old and tree(out) != new  # stopped half way, for real
        if sig == signal.SIGINT:
            assert "interrupted (every output file is its old or new version" in err and "Traceback" not in err
        else:
            assert (out / writer.LOCK).exists()  # the dead run's lock file: the kernel let go of the lock
            assert temps == []  # (it stopped before a removal, with every file renamed)
        run = subprocess.run(command, env=environ, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert tree(out) == new and not empty_folders(out)
