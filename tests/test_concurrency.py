"""Two ``oagen generate`` runs into the same OUT at once (``make -j``, a build backend) never mix
their files: the second waits for the first (saying so on stderr, naming its pid), or gives up
after ``--lock-timeout`` with one line; the tree ends as one of the runs left it.

The lock is ``OUT/.oagen/lock`` (an ``flock``, see ``generator.writer.OutputLock``). To make the
overlap certain rather than likely, the first run stops in the middle of writing (the writer's
test hook ``OAGEN_TEST_WRITER_PAUSE``) until the second has reached the lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from writing_support import (
    FLAGS,
    PAUSE,
    SPEC_A,
    TRACE,
    consistent,
    generated,
    spec_b,
    spec_c,
    trace_lines,
    tree,
    wait_for,
    write_spec,
)

from generator import writer
from generator.api import GenerateOptions, generate

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _oagen(spec: Path, out: Path, log: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    with log.open("wb") as handle:
        return subprocess.Popen([sys.executable, "-m", "generator", "generate", str(spec), "-o", str(out), *FLAGS,
                                 *extra], stderr=handle, env={**ENV, **(env or {})})


def _finish(proc: subprocess.Popen[bytes]) -> int:
    try:
        return proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.skipif(os.name != "posix", reason="the flock lock: POSIX")
def test_two_runs_into_one_folder_do_not_mix(tmp_path: Path) -> None:
    spec_a, spec_1, spec_2 = (write_spec(tmp_path / f"{n}.json", s) for n, s in (("a", SPEC_A), ("b", spec_b()),
                                                                                 ("c", spec_c())))
    out = tmp_path / "out"
    generated(spec_a, tmp_path / "old")
    shutil.copytree(tmp_path / "old", out)
    # What each order of the two runs leaves (B then C, or C then B): the second run's whole output.
    after = {"C": generated(spec_2, tmp_path / "b-then-c", base=tmp_path / "old"),
             "B": generated(spec_1, tmp_path / "c-then-b", base=tmp_path / "old")}
    trace, log1, log2 = tmp_path / "trace", tmp_path / "first.log", tmp_path / "second.log"
    # Both runs log their writing steps to one trace; the first stops with its 2nd file half written.
    first = _oagen(spec_1, out, log1, env={TRACE: str(trace), PAUSE: "6"})
    second = None
    try:
        wait_for(lambda: len(trace_lines(trace)) >= 6 or first.poll() is not None, "the first run's writing")
        assert first.poll() is None, log1.read_text()
        second = _oagen(spec_2, out, log2, env={TRACE: str(trace)})
        # The second run waits at the lock (it says so, naming the first run); were there no lock,
        # it would write now, while the first is half way.
        wait_for(lambda: "waiting for" in log2.read_text() or second.poll() is not None, "the second run")
        second_ran_through = second.poll() is not None
        (tmp_path / "trace.go").touch()  # let the first run go on
        codes = _finish(first), _finish(second)
    finally:
        (tmp_path / "trace.go").touch()
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    # The tree is one run's whole output: the second's (it wrote last), on top of the first's.
    manifest = consistent(out)
    assert manifest["spec"] == "c.json" and tree(out) == after["C"]
    assert codes == (0, 0), (log1.read_text(), log2.read_text())
    assert not (out / writer.LOCK).exists()
    # One run wrote after the other: every step of the first, then every step of the second.
    pids = [line[0] for line in trace_lines(trace)]
    assert pids == [str(first.pid)] * pids.count(str(first.pid)) + [str(second.pid)] * pids.count(str(second.pid))
    assert pids.count(str(second.pid)) > 1
    text = log2.read_text()
    assert not second_ran_through and text.count("oagen: waiting for") == 1
    assert f"oagen: waiting for another oagen run (pid {first.pid}) to finish writing {out} (giving up " \
           "after 300 s)" in text, text
    assert "wrote" in text and "Traceback" not in log1.read_text() + text


def test_same_spec_twice_at_once(tmp_path: Path) -> None:
    """``make -j`` starting the same job twice: both succeed; the tree is the one output."""
    spec = write_spec(tmp_path / "b.json", spec_b())
    out = tmp_path / "out"
    expected = generated(spec, tmp_path / "expected")
    procs = [_oagen(spec, out, tmp_path / f"run{i}.log") for i in (1, 2)]
    codes = [_finish(p) for p in procs]
    logs = [(tmp_path / f"run{i}.log").read_text() for i in (1, 2)]
    assert codes == [0, 0], logs
    assert tree(out) == expected
    consistent(out)


def test_waiting_is_bounded_and_a_timeout_writes_nothing(tmp_path: Path) -> None:
    """While another holder has the lock, a run waits (one line, naming the holder's pid), and
    gives up after ``lock_timeout`` with OAG805, writing nothing; once the holder lets go, the
    next run writes as usual and removes the lock file."""
    spec_a, spec = write_spec(tmp_path / "a.json", SPEC_A), write_spec(tmp_path / "b.json", spec_b())
    out = tmp_path / "out"
    generated(spec_a, out)
    before = tree(out)
    notes: list[str] = []
    options = GenerateOptions(package="shop", format=False, validate=False, lock_timeout=0.3, notice=notes.append)
    with writer.OutputLock(out) as held:
        assert held.held and (out / writer.LOCK).read_text() == f"{os.getpid()}\n"
        result = generate(str(spec), out, options)
        assert not result.ok
        [problem] = [d for d in result.diagnostics if d.severity >= 30]
        assert problem.code == "OAG805" and f"another oagen run (pid {os.getpid()})" in problem.message
        assert "\n" not in problem.format() and "--lock-timeout" in problem.format()
        assert notes == [f"waiting for another oagen run (pid {os.getpid()}) to finish writing {out} "
                         "(giving up after 0.3 s)"]
        assert {p: d for p, d in tree(out).items() if p != writer.LOCK} == before  # nothing written
    assert not (out / writer.LOCK).exists()  # the holder removes it when it lets go
    assert generate(str(spec), out, options).ok
    assert not (out / writer.LOCK).exists() and not (out / ".oagen" / "lock").exists()
    consistent(out)


def test_lock_file_from_a_killed_run_does_not_block(tmp_path: Path) -> None:
    """A lock file left by a dead run (its pid inside) is no lock: the kernel let go with the process."""
    spec = write_spec(tmp_path / "b.json", spec_b())
    out = tmp_path / "out"
    (out / ".oagen").mkdir(parents=True)
    (out / writer.LOCK).write_text("999999\n")
    notes: list[str] = []
    result = generate(str(spec), out, GenerateOptions(package="shop", format=False, validate=False, lock_timeout=0,
                                                      notice=notes.append))
    assert result.ok and notes == [], [d.format() for d in result.diagnostics]
    assert not (out / writer.LOCK).exists()
    consistent(out)


def test_a_refused_folder_keeps_no_lock_folder(tmp_path: Path) -> None:
    """A folder oagen does not own is refused as before, and the lock leaves no ``.oagen`` in it."""
    spec = write_spec(tmp_path / "b.json", spec_b())
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = generate(str(spec), out, GenerateOptions(package="shop", format=False, validate=False))
    assert not result.ok and result.diagnostics[-1].code == "OAG801"
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    check = generate(str(spec), tmp_path / "absent", GenerateOptions(package="shop", format=False, validate=False,
                                                                    check=True))
    assert check.ok and check.stale and not (tmp_path / "absent").exists()  # --check creates nothing
