"""Work done in a forked second process while this one does its own share (both cores).

``Forked(fn, *args)`` starts ``fn(*args)`` in a child made by ``os.fork`` (it sees this process's
data as it is: nothing is pickled on the way in); ``result()`` waits and returns the value (never
``None``: that means "not delivered"), which travels back pickled through a pipe. Where fork does
not exist or fails, or the child dies, ``fn`` runs in place when ``result()`` is asked for: the
answer is the same, only slower. ``discard()`` gives up on a value no longer needed.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def available() -> bool:
    """True where work can be forked (POSIX)."""
    return os.name == "posix" and hasattr(os, "fork")


class Forked(Generic[T]):
    """``fn(*args)`` under way in a forked child (``result()`` waits for it)."""

    def __init__(self, fn: Callable[..., T], *args: Any) -> None:
        self._fn = fn
        self._args = args
        self._pid = 0
        self._read = -1
        if available():
            self._start()

    def _start(self) -> None:
        try:
            read, write = os.pipe()
            pid = os.fork()
        except OSError:
            return
        if pid == 0:  # the child: compute, send, leave without cleanup (the parent owns everything)
            code = 0
            try:
                os.close(read)
                # What the child inherited is never garbage it could collect: keep the collector
                # from walking (and so copying) the parent's heap.
                gc.freeze()
                data = pickle.dumps(self._fn(*self._args), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
            except BaseException:  # noqa: BLE001 - the parent does the work itself then
                code = 1
            os._exit(code)
        os.close(write)
        self._pid, self._read = pid, read

    def discard(self) -> None:
        """Give up on the value (when it is no longer needed): the child is stopped and reaped."""
        if self._pid:
            os.close(self._read)
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self._pid, 0)
            self._pid = 0

    def result(self) -> T:
        """The value of ``fn(*args)`` (computed here when the child could not deliver it)."""
        if self._pid:
            with os.fdopen(self._read, "rb") as source:
                data = source.read()
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
            value: T | None = None
            if status == 0:
                try:
                    value = pickle.loads(data)
                except Exception:  # noqa: BLE001 - a child that died mid-write: None, done here
                    value = None
            if value is not None:
                return value
        return self._fn(*self._args)
