"""Pausing Python's cyclic garbage collector while a stage builds or drops millions of objects.

The loader's document, the IR and the generated modules' syntax trees are free of reference
cycles: reference counting frees what they drop. The cyclic collector would only walk the
growing heap again and again for nothing (a third of normalizing GitHub's spec)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (back on after, if it was on)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
