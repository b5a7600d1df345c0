"""Rewrite examples/ (the golden output) from specs/ — review the diff like code."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.api import GenerateOptions, generate  # noqa: E402


def examples() -> list[dict[str, str]]:
    """The examples table: spec, output folder and package name."""
    return list(json.loads((ROOT / "examples" / "index.json").read_text("utf-8")))


def main() -> int:
    failed = 0
    for entry in examples():
        out = ROOT / entry["out"]
        if out.exists():
            shutil.rmtree(out)
        options = GenerateOptions(package=entry["package"], client=entry.get("client", True),
                                  server=entry.get("server", True))
        result = generate(str(ROOT / entry["spec"]), out, options)
        status = "ok" if result.ok else "FAILED"
        print(f"{entry['out']}: {status}, {len(result.written)} files")
        for d in result.diagnostics:
            if not result.ok:
                print("  " + d.format())
        failed += not result.ok
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
