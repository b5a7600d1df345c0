"""The runtime modules shipped verbatim into generated packages (see ``generator/runtime/``)."""

from __future__ import annotations

from pathlib import Path

from .package import FilePlan

RUNTIME = Path(__file__).resolve().parent.parent / "runtime"


def runtime_plans(source_package: str, dest_dir: str) -> list[FilePlan]:
    """One plan per ``.py`` file of ``generator/runtime/<source_package>/``, sorted: each copied
    to ``dest_dir`` as it is (exact bytes: no template, not formatted)."""
    folder = RUNTIME / source_package
    return [FilePlan(path=f"{dest_dir}/{source.name}", template=f"runtime/{source_package}/{source.name}",
                     verbatim=source.read_bytes().decode("utf-8"))
            for source in sorted(folder.glob("*.py"))]
