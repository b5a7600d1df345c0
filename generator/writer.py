"""Manifest-driven, atomic writing that never clobbers the user's work.

Everything is decided before the first byte is written: which files change, which are stale,
which were edited by hand. Then each file is replaced atomically (temp file + rename) and the
manifest is written last, so an interrupted run leaves every file old or new, never partial,
and the next run repairs the tree.

Two runs into the same folder never mix their files: planning and writing happen under
:class:`OutputLock` (``OUT/.oagen/lock``, an ``flock`` the kernel releases when the process dies,
however it dies); a second run waits for the first, then plans against what the first wrote.

Test hook (for tests only, never set in normal use): with ``OAGEN_TEST_WRITER_TRACE=FILE`` the
writer appends a line ``PID N STEP PATH`` to FILE at each step of writing (see :func:`_step`); with
``OAGEN_TEST_WRITER_PAUSE=N`` as well, it then waits at step N until ``FILE.go`` exists, so that a
test can kill the process at that exact point (tests/test_kill.py, tests/test_concurrency.py).
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, final

from .diagnostics import Diagnostic, Severity, SourceRef

MANIFEST = ".oagen/manifest.json"
LOCK = ".oagen/lock"


def sha256(data: bytes) -> str:
    """Hex digest of bytes."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class OutputFile:
    """A rendered file: relative path, bytes, and whether the user owns it after creation."""

    path: str
    content: bytes
    user_owned: bool = False


@dataclass(slots=True, kw_only=True)
class WritePlan:
    """What a run would do to the output folder."""

    write: list[OutputFile] = field(default_factory=list)
    create_user: list[OutputFile] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    kept_user: list[str] = field(default_factory=list)
    conflicts: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    manifest: bytes | None = None
    previous: dict[str, Any] | None = None

    @property
    def changes(self) -> bool:
        """True when the output folder would change."""
        return bool(self.write or self.create_user or self.remove or self.manifest is not None)

    @property
    def changed_paths(self) -> list[str]:
        """Every path that would be written or removed (the manifest last)."""
        paths = [f.path for f in self.write + self.create_user] + self.remove
        return paths + ([MANIFEST] if self.manifest is not None else [])


class WriteError(Exception):
    """Writing stopped at ``path``; every file is either its old or its new version."""

    def __init__(self, path: str, cause: OSError) -> None:
        super().__init__(f"{path}: {cause.strerror or cause}")
        self.path = path
        self.cause = cause


def read_manifest(out: Path) -> dict[str, Any] | None:
    """The previous run's manifest, or ``None``."""
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        return None
    if not isinstance(data.get("pending", {}), dict):
        data["pending"] = {}
    return data


def manifest_bytes(data: dict[str, Any], files: list[OutputFile]) -> bytes:
    """The manifest's text: ``data`` plus every generated (not user-owned) file's hash, sorted."""
    entries = {f.path: sha256(f.content) for f in files if not f.user_owned}
    return dumps_manifest({**data, "files": entries})


def dumps_manifest(data: dict[str, Any]) -> bytes:
    """Sorted JSON, two levels deep one entry a line (so a diff shows one line per file or operation)."""
    lines = ["{"]
    for i, (key, value) in enumerate(sorted(data.items())):
        comma = "," if i < len(data) - 1 else ""
        if isinstance(value, dict) and value:
            lines.append(f"  {_json(key)}: {{")
            lines.extend(f"    {_json(k)}: {_json(v)}" + ("," if j < len(value) - 1 else "")
                         for j, (k, v) in enumerate(sorted(value.items())))
            lines.append("  }" + comma)
        else:
            lines.append(f"  {_json(key)}: {_json(value)}{comma}")
    return ("\n".join(lines) + "\n}\n").encode("utf-8")


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _conflict(path: Path, message: str, hint: str) -> Diagnostic:
    return Diagnostic(code="OAG801", severity=Severity.ERROR, message=message, src=SourceRef(file=str(path)),
                      hint=hint)


def _known_hashes(manifest: dict[str, Any] | None) -> dict[str, set[str]]:
    """Every hash a path had in the last run: recorded, or pending when that run was interrupted."""
    known: dict[str, set[str]] = {}
    if manifest is None:
        return known
    for section in ("files", "pending"):
        for path, digest in manifest.get(section, {}).items():
            if isinstance(path, str) and isinstance(digest, str) and _safe_relative(path) and path != MANIFEST:
                known.setdefault(path, set()).add(digest)
    return known


def _safe_relative(path: str) -> bool:
    parts = Path(path).parts
    return bool(parts) and not Path(path).is_absolute() and ".." not in parts and "\\" not in path


def plan_writes(out: Path, files: list[OutputFile], *, manifest: bytes | None = None,
                force: bool = False) -> WritePlan:
    """Compare rendered files (and the manifest's new text) with the folder and its last manifest."""
    problem = _output_problem(out)
    if problem is not None:
        return WritePlan(conflicts=[problem])
    previous = read_manifest(out)
    plan = WritePlan(previous=previous)
    known = _known_hashes(previous)
    if previous is None and _non_empty(out) and not force:
        plan.conflicts.append(_conflict(out, "output folder is not empty and was not generated by oagen",
                                        "choose an empty folder, or pass --force"))
        return plan
    for f in files:
        _plan_file(out, f, known, force, plan)
    new_paths = {f.path for f in files}
    for path in sorted(known):
        if path not in new_paths:
            _plan_stale(out, path, known[path], force, plan)
    if manifest is not None and _read(out / MANIFEST) != manifest:
        plan.manifest = manifest
    return plan


def _non_empty(out: Path) -> bool:
    """True when ``out`` holds anything but ``.oagen/lock`` (the lock this run holds)."""
    if out.exists() and not out.is_dir():
        return True
    if not out.is_dir():
        return False
    for entry in out.iterdir():
        if entry.name != ".oagen" or not entry.is_dir() or entry.is_symlink():
            return True
        if any(inner.name != "lock" for inner in entry.iterdir()):
            return True
    return False


def _plan_file(out: Path, f: OutputFile, known: dict[str, set[str]], force: bool, plan: WritePlan) -> None:
    target = out / f.path
    try:
        _check_inside(out, target)
    except ValueError:
        plan.conflicts.append(_conflict(target, "path leads outside the output folder (through a symlink)",
                                        "remove the symlink, or generate somewhere else"))
        return
    current = _read(target)
    if f.user_owned:
        if current is None:
            plan.create_user.append(f)
        else:
            plan.kept_user.append(f.path)
        return
    if current == f.content:
        plan.unchanged.append(f.path)
        return
    if current is not None and not force:
        recorded = known.get(f.path)
        if recorded is None:
            plan.conflicts.append(_conflict(target, "file exists and was not generated by oagen",
                                            "move it away, or pass --force to overwrite it"))
            return
        if sha256(current) not in recorded:
            plan.conflicts.append(_conflict(target, "generated file was edited by hand",
                                            "move your changes to handlers.py or a new module, "
                                            "or pass --force to overwrite them"))
            return
    plan.write.append(f)


def _plan_stale(out: Path, path: str, recorded: set[str], force: bool, plan: WritePlan) -> None:
    target = out / path
    try:
        _check_inside(out, target)
    except ValueError:
        return
    current = _read(target)
    if current is None:
        return
    if sha256(current) not in recorded and not force:
        plan.conflicts.append(_conflict(target, "stale generated file was edited by hand; not removed",
                                        "delete it yourself, or pass --force"))
        return
    plan.remove.append(path)


def _output_problem(out: Path) -> Diagnostic | None:
    """Why the output folder cannot be used at all, or ``None``."""
    if out.exists() and not out.is_dir():
        return Diagnostic(code="OAG804", severity=Severity.ERROR, message="output path is not a folder",
                          src=SourceRef(file=str(out)), hint="pass a folder (it is created when missing)")
    if out.is_dir():
        try:
            next(iter(out.iterdir()), None)
        except OSError as exc:
            return Diagnostic(code="OAG804", severity=Severity.ERROR, src=SourceRef(file=str(out)),
                              message=f"output folder cannot be read: {exc.strerror}", hint="check its permissions")
    return None


def snapshot(out: Path, plan: WritePlan) -> dict[str, bytes | None]:
    """What the files a plan touches hold now (``None``: absent), to undo a failed run."""
    paths = [f.path for f in plan.write + plan.create_user] + list(plan.remove) + [MANIFEST]
    return {p: _read(out / p) for p in paths}


def restore(out: Path, saved: dict[str, bytes | None]) -> list[str]:
    """Put back what :func:`snapshot` saw; returns the paths it could not restore."""
    failed = []
    for path, content in saved.items():
        target = out / path
        try:
            if content is None:
                if target.is_file() or target.is_symlink():
                    target.unlink()
                    _prune_empty(out, target.parent)
            elif _read(target) != content:
                atomic_write(target, content)
        except OSError:
            failed.append(path)
    return failed


def _check_inside(out: Path, target: Path) -> None:
    root = Path(os.path.realpath(out))
    real = Path(os.path.realpath(target))
    if real != root and root not in real.parents:
        raise ValueError(f"output path {target} leaves the output folder")


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def atomic_write(path: Path, data: bytes) -> None:
    """Replace a file atomically: a reader sees the old bytes or the new, never a mix."""
    try:
        mode = os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temp_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):  # (POSIX; Windows has no modes to keep)
                os.fchmod(handle.fileno(), mode)
            if _tracing():
                _step("temp", path)
                handle.write(data[:len(data) // 2])
                handle.flush()
                _step("half", path)
                handle.write(data[len(data) // 2:])
            else:
                handle.write(data)
        _step("full", path)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


_TEMP_COUNTER = itertools.count()


def _temp_beside(path: Path) -> tuple[int, str]:
    """A new temp file ``.NAME.<pid>-<n>.tmp`` next to ``path`` (opened exclusively)."""
    while True:
        tmp = str(path.parent / f".{path.name}.{os.getpid()}-{next(_TEMP_COUNTER)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), tmp
        except FileExistsError:
            continue


def apply(out: Path, plan: WritePlan, manifest: bytes) -> None:
    """Carry out a plan (no conflicts allowed): journal, files, removals, then the manifest.

    The journal is the previous manifest plus the hashes about to be written ("pending"), so a run
    that stops halfway still knows every file it may have produced; the next run repairs the tree.
    Raises :class:`WriteError` naming the file when the file system refuses.
    """
    assert not plan.conflicts
    generated = [f for f in plan.write if not f.user_owned]
    if generated or plan.remove:
        _write(out, MANIFEST, _journal(plan.previous, generated))
    for f in plan.write + plan.create_user:
        _write(out, f.path, f.content)
    for path in plan.remove:
        target = out / path
        _step("remove", target)
        try:
            target.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise WriteError(path, exc) from exc
        _prune_empty(out, target.parent)
    if _read(out / MANIFEST) != manifest:
        _write(out, MANIFEST, manifest)
    _step("done", out / MANIFEST)
    # (and beside every file the last run made or meant to make: one it was killed writing may
    # be no file of this run's at all)
    _sweep_temps(out, [f.path for f in plan.write + plan.create_user] + plan.unchanged + plan.kept_user
                 + plan.remove + list(_known_hashes(plan.previous)) + [MANIFEST])


def _sweep_temps(out: Path, paths: list[str]) -> None:
    """Remove temp files a killed run left next to ``paths`` (never anything else): ``.NAME.*.tmp``
    beside ``NAME``, in folders inside ``out``; each folder is listed once, and a folder it
    empties is pruned."""
    by_folder: dict[Path, set[str]] = {}
    for path in paths:
        target = out / path
        by_folder.setdefault(target.parent, set()).add(target.name)
    for folder, names in by_folder.items():
        try:
            _check_inside(out, folder)
            entries = os.listdir(folder)
        except (OSError, ValueError):
            continue
        swept = False
        for entry in entries:
            if not (entry.startswith(".") and entry.endswith(".tmp")):
                continue
            owner = entry[1:].rsplit(".", 2)[0] if entry.count(".") >= 3 else None
            if owner in names:
                try:
                    os.unlink(folder / entry)
                    swept = True
                except OSError:
                    pass
        if swept:
            _prune_empty(out, folder)


def _journal(previous: dict[str, Any] | None, generated: list[OutputFile]) -> bytes:
    data: dict[str, Any] = dict(previous) if previous is not None else {"generator": "oagen", "files": {}}
    pending: dict[str, str] = dict(data.get("pending", {}))
    pending.update({f.path: sha256(f.content) for f in generated})
    data["pending"] = pending
    return dumps_manifest(data)


def _write(out: Path, path: str, data: bytes) -> None:
    try:
        atomic_write(out / path, data)
    except OSError as exc:
        raise WriteError(path, exc) from exc


def _prune_empty(out: Path, folder: Path) -> None:
    root = Path(os.path.realpath(out))
    while Path(os.path.realpath(folder)) != root and root in Path(os.path.realpath(folder)).parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def unified_diff(out: Path, plan: WritePlan) -> str:
    """What a run would change, as a unified diff."""
    chunks: list[str] = []
    for f in plan.write + plan.create_user:
        old = _read(out / f.path) or b""
        chunks.extend(_diff(f.path, old, f.content))
    for path in plan.remove:
        chunks.extend(_diff(path, _read(out / path) or b"", b""))
    if plan.manifest is not None:
        chunks.extend(_diff(MANIFEST, _read(out / MANIFEST) or b"", plan.manifest))
    return "".join(chunks)


def _diff(path: str, old: bytes, new: bytes) -> list[str]:
    return list(difflib.unified_diff(
        old.decode("utf-8", "replace").splitlines(keepends=True),
        new.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}",
    ))


# --------------------------------------------------------------------------- the output lock


class LockTimeout(Exception):
    """Another run held the output folder's lock for longer than the run would wait."""

    def __init__(self, path: Path, holder: int | None, waited: float) -> None:
        super().__init__(f"{path}: held by {_holder_text(holder)} for {waited:g} s")
        self.path = path
        self.holder = holder
        self.waited = waited


def _holder_text(holder: int | None) -> str:
    return f"another oagen run (pid {holder})" if holder is not None else "another oagen run"


@final
class OutputLock:
    """The output folder's lock, ``OUT/.oagen/lock``: one run at a time plans and writes there.

    POSIX: ``fcntl.flock`` on the file, which the kernel releases when the holder dies (SIGKILL
    included), so a killed run never leaves the folder locked. The holder writes its pid into the
    file (a waiting run names it) and removes the file before it lets go; a waiter that wins a
    file already removed tries again with the new one. Windows: ``msvcrt.locking`` on one byte
    of the file (released when the holder's handle closes, as when it dies), the same protocol
    except that the file is removed after letting go (not tested on Windows here).

    A folder the lock cannot be made in (read-only, not a folder, ``.oagen`` leading outside
    through a symlink) is used without it: writing there fails or is refused anyway, with its
    own diagnostic. Waiting is bounded: ``timeout`` seconds, then :class:`LockTimeout`;
    ``notice`` hears one line when the run starts waiting. Take it where no child process is
    forked while it is held (a forked child would share the lock).
    """

    def __init__(self, out: Path, *, timeout: float = 300.0, notice: Callable[[str], None] | None = None) -> None:
        self.out = out
        self.path = out / LOCK
        self.timeout = timeout
        self.notice = notice
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this process holds the lock (False when the folder is used without it)."""
        return self._fd is not None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release()

    def acquire(self) -> None:
        """Take the lock (waiting at most ``timeout`` seconds for another run to let go of it)."""
        start = time.monotonic()
        delay = 0.005
        announced = False
        while True:
            fd = self._open()
            if fd is None:
                return  # no lock can be made here: see the class docstring
            try:
                holder = self._take(fd)
            except BaseException:
                if self._fd is None:
                    os.close(fd)
                self.release()
                raise
            if self._fd is not None or holder is False:
                return  # taken, or this file system cannot lock (some network ones): no lock
            os.close(fd)
            if holder is True:
                continue  # the holder removed the file meanwhile: lock the new one
            waited = time.monotonic() - start
            if not announced and self.notice is not None and (holder is not None or waited > 0.5):
                self.notice(f"waiting for {_holder_text(holder)} to finish writing {self.out} "
                            f"(giving up after {self.timeout:g} s)")
                announced = True
            if waited >= self.timeout:
                raise LockTimeout(self.out, holder, round(waited, 1))
            time.sleep(min(delay, max(self.timeout - waited, 0.0)))
            delay = min(delay * 2, 0.1)

    def _take(self, fd: int) -> int | bool | None:
        """Try to lock ``fd``: on success it is held (``self._fd``); else ``True`` to try again
        with a new file, ``False`` when locks do not work here (``fd`` closed), or the pid of the
        holder (``None`` when not known yet)."""
        locked = _try_lock(fd)
        if locked is None:
            os.close(fd)
            return False
        if not locked:
            return _read_holder(fd)
        if not self._current(fd):
            _unlock(fd)
            return True
        self._fd = fd
        _write_holder(fd)
        _step("locked", self.path)
        return None

    def release(self) -> None:
        """Let go of the lock; its file (and an ``.oagen`` folder left empty) is removed."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if os.name == "posix":  # removed while still held: a waiter then sees it is stale
            _remove_quietly(self.path)
            _unlock(fd)
            os.close(fd)
        else:
            _unlock(fd)
            os.close(fd)
            _remove_quietly(self.path)  # (fails while another run has it open: it is theirs then)
        try:
            self.path.parent.rmdir()  # only when empty: the first run into a folder that refused it
        except OSError:
            pass

    def _open(self) -> int | None:
        """The lock file, opened (created when missing), or ``None`` when it cannot be made here."""
        folder = self.path.parent
        for _ in range(100):  # a concurrent release may remove .oagen between mkdir and open
            try:
                folder.mkdir(parents=True, exist_ok=True)
                if folder.is_symlink():
                    return None
                _check_inside(self.out, folder)
                flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
                return os.open(self.path, flags | getattr(os, "O_BINARY", 0), 0o644)
            except FileNotFoundError:
                continue
            except (OSError, ValueError):
                return None
        return None

    def _current(self, fd: int) -> bool:
        """True when ``fd`` is still the file at the lock's path (not one a holder removed)."""
        try:
            here, there = os.fstat(fd), os.stat(self.path)
        except OSError:
            return False
        return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _write_holder(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError:
        pass  # (the pid only makes a waiting run's message clearer)


def _read_holder(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


if sys.platform != "win32":  # POSIX (a platform check mypy reads: each branch is typed for its own)
    import fcntl

    def _try_lock(fd: int) -> bool | None:
        """True: locked; False: another holds it; None: this file system cannot lock."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:
            return None
        return True

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass

else:  # Windows
    import msvcrt

    _REGION = 1 << 20  # the byte locked (past the pid, which stays readable)

    def _try_lock(fd: int) -> bool | None:
        """True: locked; False: another holds it (or the file system cannot lock)."""
        os.lseek(fd, _REGION, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, _REGION, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass


# --------------------------------------------------------------------------- test hook

_TRACE = "OAGEN_TEST_WRITER_TRACE"
_PAUSE = "OAGEN_TEST_WRITER_PAUSE"
_steps: dict[int, int] = {}  # steps taken so far, by process (a forked child counts its own)


def _tracing() -> bool:
    return _TRACE in os.environ


def _step(name: str, path: Path | str = "") -> None:
    """TEST HOOK, inert unless ``OAGEN_TEST_WRITER_TRACE`` is set (tests only; see the module's
    docstring): log this step of writing and, at step ``OAGEN_TEST_WRITER_PAUSE``, wait until
    ``TRACE.go`` exists, so a test can kill the process here. Steps: ``locked`` (the output
    lock taken), ``temp`` / ``half`` / ``full`` (a file's temp file made, half written, complete
    but not yet renamed), ``remove`` (a stale file about to be removed), ``done`` (the manifest
    written)."""
    trace = os.environ.get(_TRACE)
    if not trace:
        return
    pid = os.getpid()
    count = _steps[pid] = _steps.get(pid, 0) + 1
    with open(trace, "a", encoding="utf-8") as log:
        log.write(f"{pid} {count} {name} {path}\n")
    if str(count) == os.environ.get(_PAUSE, ""):
        while not os.path.exists(trace + ".go"):
            time.sleep(0.005)
