"""The runtimes' modules (``generator/runtime/<side>/``), shipped verbatim into generated packages.

They are code of this repository (linted, type-checked, unit-tested as such); nothing of the spec
reaches them, so they are copied byte for byte: never rendered, formatted or checked for spec
names (``safety.check_files`` only checks that a planned file is still exactly its source).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .package import FilePlan

RUNTIME_DIR = Path(__file__).resolve().parent.parent / "runtime"


def runtime_plans(source_package: str, dest_dir: str) -> list[FilePlan]:
    """One plan per ``.py`` file of ``generator/runtime/<source_package>/`` (sorted by name),
    each copied verbatim to ``<dest_dir>/<name>`` (no work to share: weight 1)."""
    folder = RUNTIME_DIR / source_package
    return [FilePlan(path=f"{dest_dir}/{p.name}", template="", source=f"{source_package}/{p.name}")
            for p in sorted(folder.glob("*.py"))]


@cache
def source_text(source: str) -> str:
    """The text of a runtime module (``server/params.py``), exactly as stored (no newline
    translation)."""
    return (RUNTIME_DIR / source).read_bytes().decode("utf-8")
