"""The no-work path: an unchanged spec with current output costs a few file hashes, nothing more.

The manifest records the hash of every file the spec was read from, the options, the generator
version and every generated file's hash. When all of them still match, generation would write
exactly what is there, so nothing is loaded, rendered or formatted.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from . import __version__
from .writer import LOCK, read_manifest


def _text_hash(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def current_manifest(spec: str, out: Path, *, package: str | None, client: bool, server: bool, fmt: bool,
                     templates_hash: str | None) -> dict[str, Any] | None:
    """The previous manifest when the output is provably current for these inputs, else ``None``."""
    if spec == "-":
        return None
    manifest = read_manifest(out)
    if manifest is None or manifest.get("version") != __version__:
        return None
    if manifest.get("pending") or (out / LOCK).exists():
        return None  # a run was interrupted (its journal) or is writing now: the full run sorts it out
    options = manifest.get("options") or {}
    if (options.get("client"), options.get("server"), options.get("format"), options.get("templates")) != (
            client, server, fmt, templates_hash):
        return None
    if package is not None and options.get("package") != package:
        return None
    if package is None and not options.get("package_default"):
        return None
    spec_path = Path(spec)
    spec_files = manifest.get("spec_files")
    if not isinstance(spec_files, dict) or spec_path.name not in spec_files:
        return None
    base = spec_path.resolve().parent
    for name, recorded in spec_files.items():
        path = spec_path if name == spec_path.name else base / name
        if _text_hash(path) != recorded:
            return None
    files = manifest.get("files")
    if not isinstance(files, dict):
        return None
    for name, recorded in files.items():
        if _file_hash(out / name) != recorded:
            return None
    if server and not (out / str(options.get("package")) / "server" / "handlers.py").exists():
        return None
    return manifest
