"""A real ``oagen generate`` killed (SIGKILL) or interrupted (SIGINT, as Ctrl-C) at every step of
writing leaves every file of OUT its old or its new version, and the next run finishes the job:
whether it runs the same spec again, the next version, or goes back to the previous one, it
leaves exactly its own output, sweeps the temp files and removes the dead run's lock file.

``restore()`` never runs here: a killed process runs nothing, and Ctrl-C goes straight out (the
friendly path, an ``OSError`` while writing, is tests/test_regen.py's). What carries the tree is
each file's atomic replacement and the manifest's journal of pending hashes, which tells the
next run that half-new files are its own to finish. (The same spec again would even do without
the journal: it renders the very bytes the dead run wrote. Another version needs it: without it,
the files the dead run wrote look edited by hand, and those it added look like the user's.)

Each run stops at an exact step through the writer's test hook (``OAGEN_TEST_WRITER_TRACE`` and
``OAGEN_TEST_WRITER_PAUSE``, see generator/writer.py): the lock taken, each file's temp file made,
half written, complete before its rename, each stale file before its removal, and the manifest
written. The runs come from tests/oagen_forkserver.py (real processes running the command line's
``main``, started without Python's start-up cost), and once more from ``python -m generator``.

The spec change (tests/writing_support.py: A → B) takes 39 steps. By default each signal is
tried at every third of them (the two signals at different thirds), at the first step of every
kind, and inside the file B adds: 18 kills each, a few seconds; the next run takes, in turn, B
again, C (B and more) or A. ``OAGEN_KILL_POINTS=all`` tries every step with each of the three
next runs, for both signals (234 kills, two to three minutes).
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
    SPEC_A,
    TRACE,
    check_old_or_new,
    consistent,
    empty_folders,
    fork_server,
    generated,
    spec_b,
    spec_c,
    trace_lines,
    tree,
    wait_for,
    write_spec,
)

from generator import writer

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals and fork: POSIX")

EVERY_POINT = os.environ.get("OAGEN_KILL_POINTS") == "all"
TEMP_STEPS = {"temp", "half", "full"}  # a kill here leaves the temp file: the next run sweeps it


def _cases(steps: list[list[str]], added: set[str], offset: int) -> list[tuple[int, int]]:
    """(step to stop at, 1-based; the next run: 0 B again, 1 C, 2 back to A). By default every third
    step from ``offset`` and the first step of each kind, the next runs in turn; and a kill inside
    a file the run adds followed by a run that does not make it (its temp file is beside no file
    of that run). With ``OAGEN_KILL_POINTS=all``: every step, each followed by each next run."""
    if EVERY_POINT:
        return [(point, mode) for point in range(1, len(steps) + 1) for mode in range(3)]
    chosen = set(range(1 + offset, len(steps) + 1, 3))
    for kind in {s[2] for s in steps}:
        chosen.add(next(i for i, s in enumerate(steps, 1) if s[2] == kind))
    cases = [(point, i % 3) for i, point in enumerate(sorted(chosen))]
    inside = next(i for i, s in enumerate(steps, 1) if s[2] == "half" and any(s[3].endswith("/" + a) for a in added))
    return cases + [(inside, 2)]


class Setup:
    """Specs A, B (``shop.json``: the run that is killed) and C; A's tree (in ``old_dir``), B's and
    C's over it; B's steps of writing."""

    def __init__(self, tmp_path: Path) -> None:
        self.spec_a = write_spec(tmp_path / "a.json", SPEC_A)
        self.spec_b = write_spec(tmp_path / "shop.json", spec_b())
        self.spec_c = write_spec(tmp_path / "c.json", spec_c())
        self.old_dir = tmp_path / "old"
        self.old = generated(self.spec_a, self.old_dir)
        os.environ[TRACE] = str(tmp_path / "steps")
        try:
            self.new = generated(self.spec_b, tmp_path / "new", base=self.old_dir)
        finally:
            del os.environ[TRACE]
        self.onward = generated(self.spec_c, tmp_path / "onward", base=self.old_dir)
        self.steps = trace_lines(tmp_path / "steps")
        self.added = set(self.new) - set(self.old)  # (shop/models/new_pet.py)
        assert [s[2] for s in self.steps[:2]] == ["locked", "temp"] and self.steps[-1][2] == "done"
        assert {s[2] for s in self.steps} == {"locked", "temp", "half", "full", "remove", "done"}

    def next_run(self, mode: int) -> tuple[str, Path, dict[str, bytes]]:
        """What the run after a kill generates (0 B again, 1 C, 2 back to A), and the tree it must leave."""
        return [("B again", self.spec_b, self.new), ("C", self.spec_c, self.onward),
                ("back to A", self.spec_a, self.old)][mode]


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_killed_at_every_step_leaves_old_or_new_and_the_next_run_finishes(tmp_path: Path, sig: int) -> None:
    setup = Setup(tmp_path)
    old, new, steps = setup.old, setup.new, setup.steps
    out = tmp_path / "out"
    argv = ["generate", str(setup.spec_b), "-o", str(out), *FLAGS]
    temps_seen = 0
    started = time.monotonic()
    cases = _cases(steps, setup.added, 0 if sig == signal.SIGKILL else 1)
    with fork_server(setup.spec_b) as server:
        for point, mode in cases:
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(setup.old_dir, out)
            trace = tmp_path / f"trace-{point}-{mode}"
            log = tmp_path / f"killed-{point}-{mode}.log"
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
                                     lock_allowed=sig == signal.SIGKILL, context=context)
            if sig == signal.SIGKILL:  # exactly the temp file of the file being written, if any
                assert len(temps) == (steps[point - 1][2] in TEMP_STEPS), (context, temps)
                assert (out / writer.LOCK).exists(), context  # the dead run's: the kernel let go of the lock
            temps_seen += len(temps)
            # The next run finishes the job: exactly its tree, no temp file, no lock, no empty folder.
            what, spec, expected = setup.next_run(mode)
            context += f"; then {what}"
            again = tmp_path / f"again-{point}-{mode}.log"
            status = server.wait(server.run(["generate", str(spec), "-o", str(out), *FLAGS], again))
            assert status == 0, (context, again.read_text())
            assert tree(out) == expected, context
            assert not empty_folders(out), context
            consistent(out)
    print(f"\n{signal.Signals(sig).name}: {len(cases)} kills at {len({p for p, _ in cases})} of the {len(steps)} "
          f"steps, each followed by a run that finished the job ({temps_seen} temp files left for it to sweep) "
          f"in {time.monotonic() - started:.1f} s")
    assert len(steps) >= 35 and len(cases) >= 18


def test_the_oagen_command_itself_killed_and_interrupted_mid_write(tmp_path: Path) -> None:
    """The same through ``python -m generator`` (the entry point users run): SIGINT while a file
    is half written, then C; SIGKILL before the stale file's removal, then A again. Each next
    run (also the real command) leaves exactly its own output."""
    setup = Setup(tmp_path)
    old, new, steps = setup.old, setup.new, setup.steps
    spec, old_dir = setup.spec_b, setup.old_dir
    out = tmp_path / "out"
    half = next(i for i, s in enumerate(steps, 1) if s[2] == "half" and "client.py" in s[3])
    remove = next(i for i, s in enumerate(steps, 1) if s[2] == "remove")
    command = [sys.executable, "-m", "generator", "generate", str(spec), "-o", str(out), *FLAGS]
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    for sig, point, mode in ((signal.SIGINT, half, 1), (signal.SIGKILL, remove, 2)):
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
        _, next_spec, expected = setup.next_run(mode)
        run = subprocess.run([*command[:4], str(next_spec), *command[5:]], env=environ, capture_output=True,
                             text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert tree(out) == expected and not empty_folders(out)
