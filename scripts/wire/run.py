"""One spec through every wire check: generate, conformance, round trip, Prism.

``check_spec`` returns a :class:`SpecReport`; ``python scripts/wire/run.py SPEC...`` prints the
table and every failure and exclusion with its reason (exit 1 on a failure).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = "wire"  # noqa: A001 - run as a script

from wire import calls as wire_calls  # noqa: E402
from wire import conformance, pages, prism, roundtrip, walks  # noqa: E402
from wire.instances import generate  # noqa: E402
from wire.package import generate_and_import, package_name  # noqa: E402
from wire.spec import SpecSchemas  # noqa: E402


@dataclass
class Counts:
    """How many were checked, passed, excluded and failed."""

    checked: int = 0
    passed: int = 0
    excluded: int = 0
    failed: int = 0

    def add(self, status: str) -> None:
        """Count one outcome."""
        self.checked += 1
        if status == "pass":
            self.passed += 1
        elif status == "excluded":
            self.excluded += 1
        else:
            self.failed += 1

    def text(self) -> str:
        """``passed/checked`` (with exclusions and failures when there are some)."""
        if not self.checked:
            return "-"
        extra = (f" x{self.excluded}" if self.excluded else "") + (f" F{self.failed}" if self.failed else "")
        return f"{self.passed}/{self.checked}{extra}"


@dataclass
class SpecReport:
    """Everything one spec's checks found."""

    id: str
    operations: int = 0
    models: int = 0
    warnings: int = 0
    error: str = ""
    conformance: Counts = field(default_factory=Counts)
    roundtrip: Counts = field(default_factory=Counts)
    pages: Counts = field(default_factory=Counts)  # paginated operations walked two pages (wire/walks.py)
    prism: Counts = field(default_factory=Counts)
    prism_note: str = ""
    dropped_patterns: int = 0
    failures: list[str] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    unimported: list[str] = field(default_factory=list)
    pagination: list[int] = field(default_factory=list)  # [explicit, vendor, inferred] (wire/pages.py)

    @property
    def ok(self) -> bool:
        """No failure (exclusions allowed)."""
        return not self.error and not self.failures


def check_spec(spec_id: str, path: Path, *, do_conformance: bool = True, do_roundtrip: bool = True,
               do_prism: bool = True, seed: int = 20261202, out: Path | None = None) -> SpecReport:
    """Run the checks on one spec (in this process; the package is unloaded afterwards). The
    package is generated into ``out`` (kept) or a temporary folder, as ``package_name(spec_id)``."""
    report = SpecReport(id=spec_id)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="oagen-wire-") as tmp:
        try:
            gen = generate_and_import(path, out or Path(tmp), package_name(spec_id))
        except Exception as exc:  # noqa: BLE001 - a failed generation is the finding
            report.error = f"{type(exc).__name__}: {str(exc)[:400]}"
            return report
        try:
            _checks(report, gen, do_conformance, do_roundtrip, do_prism, seed, start)
            if not report.error:
                report.unimported = _import_the_rest(gen)
        except Exception as exc:  # noqa: BLE001 - the harness itself failed: say what and where
            where = traceback.extract_tb(exc.__traceback__)[-1]
            report.error = (f"harness error: {type(exc).__name__}: {str(exc)[:300]} "
                            f"(at {Path(where.filename).name}:{where.lineno})\n"
                            + traceback.format_exc(limit=6)[-1200:])
        finally:
            gen.unload()
    return report


def _checks(report: SpecReport, gen, do_conformance: bool, do_roundtrip: bool, do_prism: bool,  # type: ignore[no-untyped-def]
            seed: int, start: float) -> None:
    report.operations = len(gen.api.operations)
    report.models = len(gen.api.models)
    report.pagination = pages.count(gen.api)
    report.warnings = gen.warnings
    report.seconds["generate"] = time.perf_counter() - start
    mark = time.perf_counter()
    ss = SpecSchemas.of(gen.resolver, gen.version)
    checks = conformance.targets(gen, ss) if do_conformance else []
    planned = wire_calls.targets(gen, ss) if do_roundtrip or do_prism else None
    replies = roundtrip.reply_targets(gen, ss) if do_roundtrip else {}
    everything = [c.target for c in checks] + (planned.targets if planned else [])
    everything += [t for _, _, t in replies.values() if t is not None]
    generate(everything, seed=seed)
    report.dropped_patterns = ss.bundler.dropped_patterns
    report.seconds["instances"] = time.perf_counter() - mark
    mark = time.perf_counter()
    # (The pages on their own: the targets above get the same instances with or without them.)
    page_targets = walks.targets(gen, replies) if do_roundtrip else {}
    generate(page_targets.values(), seed=seed)
    report.seconds["pages"] = time.perf_counter() - mark
    mark = time.perf_counter()
    for r in conformance.check(checks):
        report.conformance.add(r.status)
        _note(report, "conformance", r.label, r.status, r.reason)
    report.seconds["conformance"] = time.perf_counter() - mark
    if planned is None:
        return
    planned_calls = wire_calls.plan(gen, planned)
    shadowed = _shadowed(gen)
    if do_roundtrip:
        mark = time.perf_counter()
        with roundtrip.session(gen) as session:
            for c in roundtrip.run_calls(session, planned_calls, replies):
                c = _unroutable(c, shadowed, first_is_served=True)
                report.roundtrip.add(c.status)
                _note(report, "round trip", f"{c.operation} {c.variant}".strip(), c.status, c.reason)
            report.seconds["roundtrip"] = time.perf_counter() - mark
            mark = time.perf_counter()
            inputs = {t.id: t for t in planned.targets}
            for c in walks.run(session, gen, planned_calls, replies, page_targets, inputs):
                c = _unroutable(c, shadowed, first_is_served=True)
                report.pages.add(c.status)
                _note(report, "pages", c.operation, c.status, c.reason)
        report.seconds["pages"] += time.perf_counter() - mark
    if do_prism:
        mark = time.perf_counter()
        from wire.prism_doc import repaired

        fallback = gen.out / "prism-openapi.json"
        fallback.write_text(json.dumps(repaired(gen)), encoding="utf-8")
        with prism.running(gen.spec, fallback) as started:
            report.prism_note = started.note
            if started.url is None:
                report.exclusions.append(f"prism: whole spec: {started.note}")
            else:
                for c in prism.run(gen, planned_calls, started, ss):
                    c = _unroutable(c, shadowed, first_is_served=False)
                    report.prism.add(c.status)
                    _note(report, "prism", f"{c.operation} {c.variant}".strip(), c.status, c.reason)
        report.seconds["prism"] = time.perf_counter() - mark


def _import_the_rest(gen) -> list[str]:  # type: ignore[no-untyped-def]
    """Import every module of the package the checks did not load (models and operation modules
    load on first use): the modules that were left to this step, so that every one has run."""
    import importlib

    left: list[str] = []
    for path in sorted((gen.out / gen.name).rglob("*.py")):
        parts = path.relative_to(gen.out).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name not in sys.modules:
            importlib.import_module(name)
            left.append(name)
    return left


def _shadowed(gen) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Operations no server can tell apart (same method, paths equal up to the names of their
    parameters, same constants): each one → all of its group, the one declared first first (the
    generated server gives it the requests; another server may choose another)."""
    from generator.normalize.routes import route_key

    groups: dict[tuple[object, ...], list[str]] = {}
    for op in gen.api.operations:
        groups.setdefault(route_key(op), []).append(op.name)
    return {name: members for members in groups.values() if len(members) > 1 for name in members}


def _unroutable(result, shadowed: dict[str, list[str]], *, first_is_served: bool):  # type: ignore[no-untyped-def]
    """A failure of an operation the spec makes unroutable is an exclusion with that reason."""
    group = shadowed.get(result.operation)
    if result.status != "fail" or group is None or first_is_served and group[0] == result.operation:
        return result
    others = ", ".join(n for n in group if n != result.operation)
    return type(result)(result.operation, result.variant, "excluded",
                        f"the spec makes it unroutable: its path equals that of {others} up to parameter names "
                        f"(OAG161), so a server cannot tell their requests apart [{result.reason[:120]}]")


def _note(report: SpecReport, check: str, what: str, status: str, reason: str) -> None:
    if status == "fail":
        report.failures.append(f"{check}: {what}: {reason}")
    elif status == "excluded":
        report.exclusions.append(f"{check}: {what}: {reason}")


def print_table(reports: list[SpecReport], out=sys.stdout) -> None:  # type: ignore[no-untyped-def]
    """The results table: per spec, operations and what passed of each check."""
    width = max([len(r.id) for r in reports] + [4])
    head = (f"{'spec':<{width}}  {'ops':>5}  {'round trip':>14}  {'pages':>9}  {'prism':>14}  {'schemas':>6}  "
            f"{'conformance':>16}  {'secs':>6}  status")
    print(head, file=out)
    print("-" * len(head), file=out)
    for r in reports:
        status = "ok" if r.ok else ("ERROR " + r.error.splitlines()[0][:80] if r.error else f"FAIL {len(r.failures)}")
        print(f"{r.id:<{width}}  {r.operations:>5}  {r.roundtrip.text():>14}  {r.pages.text():>9}  {r.prism.text():>14}  "
              f"{r.models:>6}  {r.conformance.text():>16}  {sum(r.seconds.values()):>6.1f}  {status}", file=out)
    total = Counts()
    for kind in ("roundtrip", "pages", "prism", "conformance"):
        c = Counts()
        for r in reports:
            part = getattr(r, kind)
            c.checked += part.checked
            c.passed += part.passed
            c.excluded += part.excluded
            c.failed += part.failed
        total.checked += c.checked
        print(f"TOTAL {kind}: {c.passed} of {c.checked} passed, {c.excluded} excluded, {c.failed} failed", file=out)
    bad = [r for r in reports if not r.ok]
    print(f"TOTAL {len(reports)} specs, {len(reports) - len(bad)} without failures, "
          f"{sum(r.operations for r in reports)} operations", file=out)


def main(argv: list[str] | None = None) -> int:
    """Command line: the table, then every failure and exclusion."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="+", type=Path)
    parser.add_argument("--no-prism", action="store_true")
    parser.add_argument("--no-roundtrip", action="store_true", help="no round trip (and no pages walked)")
    parser.add_argument("--no-conformance", action="store_true")
    parser.add_argument("--only-conformance", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the reports as JSON")
    parser.add_argument("--quiet", action="store_true", help="no failure and exclusion lists")
    args = parser.parse_args(argv)
    reports = []
    for spec in args.specs:
        report = check_spec(str(spec), spec, do_conformance=not args.no_conformance,
                            do_roundtrip=not (args.no_roundtrip or args.only_conformance),
                            do_prism=not (args.no_prism or args.only_conformance))
        reports.append(report)
        if not args.quiet:
            for line in report.failures:
                print(f"{report.id}: FAIL {line}")
            for line in report.exclusions:
                print(f"{report.id}: excluded {line}")
            if report.error:
                print(f"{report.id}: ERROR {report.error}")
    print_table(reports)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in reports], indent=1))
    return 0 if all(r.ok for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
