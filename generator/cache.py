"""Where oagen keeps what it can compute again (formatted pieces, compiled validators)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir(kind: str) -> Path | None:
    """``$OAGEN_CACHE_DIR/KIND``, else the user's cache folder; ``OAGEN_CACHE_DIR=`` turns caching off."""
    value = os.environ.get("OAGEN_CACHE_DIR")
    if value is not None:
        return Path(value) / kind if value else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "oagen" / kind
