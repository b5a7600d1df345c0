"""The ``oagen`` command: argument parsing, printing and exit codes — nothing else.

Exit codes: 0 success; 1 spec errors, generation failure, or ``--check`` found stale output;
2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from argparse import SUPPRESS
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .api import GenerateOptions, GenerateResult, generate, load_api
from .diagnostics import Diagnostic, Severity, dumps_json, grouped

if TYPE_CHECKING:
    from . import ir
    from .limits import Limits

_MAX_WARNINGS = 25


def _count(text: str) -> int:
    """A positive count; ``k``, ``M`` and ``G`` suffixes multiply by 1024s (for --max-bytes)."""
    scale = {"k": 1024, "m": 1024**2, "g": 1024**3}.get(text[-1:].lower(), 1)
    try:
        value = int(text[:-1] if scale > 1 else text) * scale
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return value


def _add_limits(parser: argparse.ArgumentParser) -> None:
    from .limits import DEFAULT_LIMITS as d

    parser.add_argument("--max-bytes", type=_count, metavar="N",
                        help=f"refuse spec files larger than N bytes (default {d.max_bytes // 1024**2}M)")
    parser.add_argument("--max-depth", type=_count, metavar="N",
                        help=f"refuse documents nesting deeper than N levels (default {d.max_depth})")
    parser.add_argument("--max-nodes", type=_count, metavar="N",
                        help=f"refuse documents of more than N values, YAML aliases expanded (default {d.max_nodes})")


def _limits(args: argparse.Namespace) -> Limits:
    from .limits import positive_limits

    return positive_limits(max_bytes=args.max_bytes, max_depth=args.max_depth, max_nodes=args.max_nodes)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="oagen", description="OpenAPI → typed Python client + FastAPI stub server")
    parser.add_argument("--version", action="version", version=f"oagen {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    gen = sub.add_parser("generate", help="generate the client and server packages",
                         description="Generate into OUT; without SPEC, run every job of [tool.oagen] in "
                                     "./pyproject.toml (or --config). Options given here override the config.")
    gen.add_argument("spec", nargs="?", help="the spec file (YAML or JSON), or - for standard input")
    gen.add_argument("-o", "--output", type=Path, default=SUPPRESS, metavar="OUT", help="output folder")
    gen.add_argument("--package", default=SUPPRESS, help="Python package name (default: from the spec's title)")
    gen.add_argument("--client", action=argparse.BooleanOptionalAction, default=SUPPRESS,
                     help="generate the client (default: yes)")
    gen.add_argument("--server", action=argparse.BooleanOptionalAction, default=SUPPRESS,
                     help="generate the server (default: yes)")
    gen.add_argument("--strict", action="store_true", default=SUPPRESS, help="every validation finding is an error")
    gen.add_argument("--check", action="store_true", help="exit 1 if the output would change; write nothing")
    gen.add_argument("--diff", action="store_true", help="show what would change; write nothing")
    gen.add_argument("--force", action="store_true", help="overwrite hand-edited or foreign files")
    gen.add_argument("--templates", type=Path, default=SUPPRESS,
                     help="folder of templates overriding the built-in ones")
    gen.add_argument("--no-format", dest="format", action="store_false", default=SUPPRESS, help="skip black")
    gen.add_argument("--no-validate", dest="validate", action="store_false", default=SUPPRESS,
                     help="skip openapi-spec-validator (oagen's own checks still run)")
    gen.add_argument("--allow-external-refs", action="append", type=Path, default=SUPPRESS, metavar="DIR",
                     help="let $ref read files under DIR (besides the spec's folder)")
    gen.add_argument("--allow-remote-refs", action="store_true", default=SUPPRESS, help="let $ref fetch http(s) URLs")
    gen.add_argument("--config", type=Path, metavar="PYPROJECT",
                     help="run the jobs of [tool.oagen] in this file (default: ./pyproject.toml when SPEC is omitted)")
    gen.add_argument("--watch", action="store_true",
                     help="regenerate whenever the spec or a file it references changes (Ctrl-C stops)")
    gen.add_argument("--interval", type=float, default=1.0, metavar="SECONDS", help="--watch polling interval")
    gen.add_argument("--lock-timeout", type=float, default=300.0, metavar="SECONDS",
                     help="wait at most this long for another oagen run writing into the same OUT (default 300)")
    gen.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    gen.add_argument("-v", "--verbose", action="store_true", help="also print how long each phase took")
    _add_limits(gen)

    dif = sub.add_parser("diff", help="what changed between two versions of a spec, for clients")
    dif.add_argument("old", help="the old spec")
    dif.add_argument("new", help="the new spec")
    dif.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when a change breaks clients")
    dif.add_argument("--json", action="store_true", help="the report as JSON")

    val = sub.add_parser("validate", help="print the diagnostics; write nothing")
    val.add_argument("spec")
    val.add_argument("--strict", action="store_true")
    val.add_argument("--format", choices=("text", "json"), default="text")
    _add_limits(val)

    ins = sub.add_parser("inspect", help="the operations and models as the IR has them")
    ins.add_argument("spec")
    ins.add_argument("--json", action="store_true", help="the whole IR as JSON")
    _add_limits(ins)

    srv = sub.add_parser("serve", help="run a generated server with uvicorn")
    srv.add_argument("output", type=Path, help="the folder oagen generated into")
    srv.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    srv.add_argument("--mock", action="store_true",
                     help="answer operations the handlers do not implement from the spec (examples, schemas)")
    srv.add_argument("--seed", type=int, default=None,
                     help="with --mock: seed of the generated data (Prefer: dynamic=true), for repeatable answers")
    srv.add_argument("--reload", action="store_true", help="restart when the code changes")
    return parser


def _print_diagnostics(diags: Sequence[Diagnostic], quiet: bool = False, limit: int | None = _MAX_WARNINGS) -> None:
    diags = grouped(diags)
    errors = [d for d in diags if d.severity >= Severity.ERROR]
    others = [d for d in diags if d.severity < Severity.ERROR]
    for d in errors:
        print(d.format(), file=sys.stderr)
    if quiet:
        return
    shown = others if limit is None else others[:limit]
    for d in shown:
        print(d.format(), file=sys.stderr)
    if len(others) > len(shown):
        print(f"oagen: ... and {len(others) - len(shown)} more warnings (see them all with 'oagen validate')",
              file=sys.stderr)


class UsageError(Exception):
    """A command line that cannot be run (exit 2)."""


@dataclass(frozen=True, slots=True)
class _Run:
    """One generation to run: a label for messages, the spec, the output folder, the options."""

    label: str
    spec: str
    output: Path
    options: GenerateOptions


def _runs(args: argparse.Namespace) -> list[_Run]:
    """The jobs: SPEC and -o from the command line, else [tool.oagen]; the command line wins."""
    from .config import OPTION_KEYS, ConfigError, load_jobs

    given = {k: getattr(args, k) for k in OPTION_KEYS if hasattr(args, k)}
    if "allow_external_refs" in given:
        given["allow_external_refs"] = tuple(given["allow_external_refs"])
    progress = _Progress() if not args.quiet and sys.stderr.isatty() else None
    mode = {"check": args.check, "diff": args.diff, "force": args.force, "limits": _limits(args),
            "progress": progress, "lock_timeout": args.lock_timeout,
            "notice": None if args.quiet else _Notice(progress)}
    if args.spec is not None:
        if args.config is not None:
            raise UsageError("give SPEC -o OUT, or --config PYPROJECT, not both")
        if not hasattr(args, "output"):
            raise UsageError("-o/--output is required with SPEC (or omit SPEC to run the jobs of [tool.oagen])")
        return [_Run(args.spec, args.spec, args.output, GenerateOptions(**given, **mode))]
    path = args.config or Path("pyproject.toml")
    if args.config is None and not path.is_file():
        raise UsageError("no SPEC given and no pyproject.toml here; run 'oagen generate SPEC -o OUT', "
                         "or pass --config PYPROJECT")
    try:
        jobs = load_jobs(path)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    if len(jobs) > 1 and ("package" in given or hasattr(args, "output")):
        raise UsageError(f"{path}: -o/--package would apply to all {len(jobs)} jobs; give SPEC -o OUT instead")
    output = getattr(args, "output", None)
    return [_Run(job.name, str(job.spec), output or job.output or Path(),
                 GenerateOptions(**{**job.options, **given, **mode})) for job in jobs]


def _cmd_generate(args: argparse.Namespace) -> int:
    try:
        runs = _runs(args)
        if args.watch and (args.check or args.diff):
            raise UsageError("--watch cannot be combined with --check or --diff")
        if any(not r.options.client and not r.options.server for r in runs):
            raise UsageError("nothing to generate (both --no-client and --no-server)")
        if args.interval <= 0:
            raise UsageError("--interval must be positive")
        if args.lock_timeout < 0:
            raise UsageError("--lock-timeout cannot be negative")
    except UsageError as exc:
        print(f"oagen: error: {exc}", file=sys.stderr)
        return 2
    if args.watch:
        return _watch(runs, args)
    return max(_generate_one(run, args, len(runs) > 1)[0] for run in runs)


class _Progress:
    """The phase under way, on one line of a terminal's stderr (cleared when the run ends)."""

    def __init__(self) -> None:
        self.shown = 0

    def __call__(self, note: str) -> None:
        line = f"oagen: {note}..."[:100]
        sys.stderr.write("\r" + line.ljust(self.shown))
        sys.stderr.flush()
        self.shown = len(line)

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * self.shown + "\r")
            sys.stderr.flush()
            self.shown = 0


class _Notice:
    """One line on stderr while a run waits for another (clearing the progress line first)."""

    def __init__(self, progress: _Progress | None) -> None:
        self.progress = progress

    def __call__(self, note: str) -> None:
        if self.progress is not None:
            self.progress.clear()
        print(f"oagen: {note}", file=sys.stderr, flush=True)


def _spec_failure(result: GenerateResult) -> bool:
    """True when a run failed on the spec itself (nothing was written; not a writer or internal error)."""
    errors = [d for d in result.diagnostics if d.severity >= Severity.ERROR]
    return not result.ok and bool(errors) and not any(d.code.startswith(("OAG8", "OAG9")) for d in errors)


def _generate_one(run: _Run, args: argparse.Namespace, labelled: bool,
                  watching: bool = False) -> tuple[int, GenerateResult]:
    """Run one job and print what happened; returns the exit code and the result. ``watching``: a
    regeneration under --watch, where a spec that cannot be used (most often one an editor is
    still writing) is reported in one line and the previous output stays."""
    result = generate(run.spec, run.output, run.options)
    if isinstance(run.options.progress, _Progress):
        run.options.progress.clear()
    prefix = f"oagen: [{run.label}]" if labelled else "oagen:"
    if getattr(args, "verbose", False) and result.timings:
        total = sum(result.timings.values())
        print(f"{prefix} phases: " + ", ".join(f"{name} {seconds:.2f}s" for name, seconds in result.timings.items())
              + f" (total {total:.2f}s)", file=sys.stderr)
    if watching and _spec_failure(result):
        errors = [d for d in result.diagnostics if d.severity >= Severity.ERROR]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        print(f"{prefix} {run.spec} cannot be used yet, the previous output stays until the next save: "
              f"{errors[0].format()}{more}", file=sys.stderr, flush=True)
        return 1, result
    _print_diagnostics(result.diagnostics, args.quiet)
    if not result.ok:
        stopped = any(d.code == "OAG802" and "could not restore" in d.message for d in result.diagnostics)
        print(f"{prefix} generation failed; " + ("writing stopped, run again to finish" if stopped
                                                 else "nothing was written"), file=sys.stderr)
        return 1, result
    if args.diff:
        sys.stdout.write(result.diff)
    if args.check or args.diff:
        if not args.quiet:
            _print_changes(result, prefix)
        if result.stale:
            print(f"{prefix} output is out of date: {', '.join(result.changed)}", file=sys.stderr)
            return 1, result
        if not args.quiet:
            print(f"{prefix} output is up to date", file=sys.stderr)
        return 0, result
    if not args.quiet and result.up_to_date:
        print(f"{prefix} up to date: the spec, options and the {len(result.unchanged)} generated files are as the "
              f"last run left them; nothing to do in {run.output}", file=sys.stderr)
        _print_changes(result, prefix)
    elif not args.quiet and result.api is not None:
        warnings = sum(1 for d in result.diagnostics if d.severity == Severity.WARNING)
        print(f"{prefix} {len(result.api.operations)} operations, {len(result.api.models)} models; "
              f"wrote {len(result.written)} files, {len(result.unchanged)} unchanged, "
              f"{len(result.removed)} removed ({warnings} warnings) in {run.output}", file=sys.stderr)
        _print_changes(result, prefix)
    return 0, result


def _names(names: Sequence[str], limit: int = 12) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f", ... ({len(names) - limit} more)" if len(names) > limit else "")


def _print_changes(result: GenerateResult, prefix: str) -> None:
    if result.changes:
        print(f"{prefix} since the last generation: {result.changes.headline()}", file=sys.stderr)
        for change in result.changes.changes:
            print(f"  {change.format()}", file=sys.stderr)
    status = result.handlers
    total = status.total if status is not None else 0
    if status is None or not total:
        return
    if status.missing:
        print(f"{prefix} {result.handlers_path}: {len(status.missing)} of {total} handlers "
              f"not implemented (they answer 501): {_names(status.missing)}", file=sys.stderr)
    if status.unknown:
        print(f"{prefix} {result.handlers_path}: methods matching no operation (removed or renamed?): "
              f"{_names(status.unknown)}", file=sys.stderr)


def _watched(run: _Run, result: GenerateResult | None) -> list[Path]:
    paths = list(result.sources) if result is not None else []
    if run.spec != "-":
        paths.append(Path(run.spec).resolve())
    if run.options.templates is not None:
        paths.extend(p.resolve() for p in sorted(Path(run.options.templates).rglob("*")))
    return sorted(set(paths))


def _signature(paths: list[Path]) -> dict[Path, tuple[int, int] | None]:
    stamps: dict[Path, tuple[int, int] | None] = {}
    for path in paths:
        try:
            st = path.stat()
            stamps[path] = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamps[path] = None
    return stamps


def _watch(runs: list[_Run], args: argparse.Namespace) -> int:
    """Generate, then poll the specs and the files they reference; regenerate on change; Ctrl-C exits 0.

    The files' stamps are taken before each generation reads them, so a save that lands while a
    run is under way (an editor writing a spec in several steps) starts another run; a change is
    acted on once the files have stopped changing for a moment."""
    if any(r.spec == "-" for r in runs):
        print("oagen: error: --watch needs a spec file, not standard input", file=sys.stderr)
        return 2
    labelled = len(runs) > 1
    generating = False
    # Per job: whether a $ref that points to nothing holds a regeneration back (the last
    # generation had none: such a spec is most likely one still being written).
    whole: list[bool] = []
    try:
        state: list[tuple[list[Path], dict[Path, tuple[int, int] | None]]] = []
        for run in runs:
            seen = _signature(_watched(run, None))
            generating = True
            result = _generate_one(run, args, labelled)[1]
            generating = False
            whole.append(not _dangling(result))
            paths = _watched(run, result)
            state.append((paths, {**_signature(paths), **seen}))
        print(f"oagen: watching {sum(len(p) for p, _ in state)} files; press Ctrl-C to stop", file=sys.stderr,
              flush=True)
        while True:
            time.sleep(args.interval)
            for i, run in enumerate(runs):
                paths, before = state[i]
                now = _signature(paths)
                if now == before:
                    continue
                now = _settled(paths, now, args.interval)
                changed = [str(p) for p in paths if now.get(p) != before.get(p)]
                print(f"oagen: changed: {_names(changed, 3)}; regenerating", file=sys.stderr, flush=True)
                generating = True
                result = _generate_one(replace(run, options=replace(run.options, refs_must_resolve=whole[i])), args,
                                       labelled, watching=True)[1]
                generating = False
                if result.ok:
                    whole[i] = not _dangling(result)
                paths = sorted(set(paths) | set(_watched(run, result)))
                state[i] = (paths, {**_signature(paths), **now})
    except KeyboardInterrupt:
        note = ("; a run was writing: every output file is its old or new version, run oagen again to finish"
                if generating else "")
        print(f"oagen: stopped watching{note}", file=sys.stderr)
        return 0


def _dangling(result: GenerateResult) -> bool:
    return any(d.code == "OAG020" for d in result.diagnostics)


def _settled(paths: list[Path], now: dict[Path, tuple[int, int] | None],
             interval: float) -> dict[Path, tuple[int, int] | None]:
    """The files' stamps once two looks a moment apart agree (at most about two seconds)."""
    pause = min(interval, 0.1)
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        time.sleep(pause)
        again = _signature(paths)
        if again == now:
            break
        now = again
    return now


def _cmd_diff(args: argparse.Namespace) -> int:
    import json

    from .changes import compare, summarize

    summaries = []
    for spec in (args.old, args.new):
        loaded = load_api(spec, validate=False)
        if loaded.api is None:
            _print_diagnostics(loaded.diagnostics)
            print(f"oagen: {spec}: cannot be read; no report", file=sys.stderr)
            return 1
        summaries.append(summarize(loaded.api))
    report = compare(summaries[0], summaries[1])
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    elif report:
        print(report.headline())
        for change in report.changes:
            print(f"  {change.format()}")
    else:
        print("no changes for clients")
    return 1 if args.fail_on_breaking and report.breaking else 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from .api import load_api

    loaded = load_api(args.spec, strict=args.strict, limits=_limits(args))
    if args.format == "json":
        print(dumps_json(loaded.diagnostics))
    else:
        _print_diagnostics(loaded.diagnostics, limit=None)
    failed = loaded.api is None or any(d.severity >= Severity.ERROR for d in loaded.diagnostics)
    if args.format == "text":
        errors = sum(1 for d in loaded.diagnostics if d.severity >= Severity.ERROR)
        warnings = sum(1 for d in loaded.diagnostics if d.severity == Severity.WARNING)
        print(f"oagen: {args.spec}: {errors} errors, {warnings} warnings", file=sys.stderr)
    return 1 if failed else 0


def _cmd_inspect(args: argparse.Namespace) -> int:
    from .dump import dumps
    from .targets.python_client import http_line

    loaded = load_api(args.spec, validate=False, limits=_limits(args))
    if loaded.api is None:
        _print_diagnostics(loaded.diagnostics)
        return 1
    api = loaded.api
    if args.json:
        sys.stdout.write(dumps(api))
        return 0
    print(f"{api.title} {api.version} (from {api.spec_version}); base path {api.base_path or '/'}")
    print(f"{'name':40} {'http':60} params")
    for op in api.operations:
        params = ", ".join(f"{p.name}<{p.location}:{p.wire_name}>" for p in op.parameters)
        if op.body is not None:
            params += (", " if params else "") + "body<" + ",".join(c.media_type for c in op.body.contents) + ">"
        print(f"{op.name:40} {http_line(op):60} {params}")
    print(f"{len(api.operations)} operations, {len(api.models)} models")
    _print_pagination(api)
    for m in api.models:
        print(f"  model {m.name} ({m.kind}) from {m.key}")
    repairs = [d for d in loaded.diagnostics if d.severity >= Severity.WARNING]
    if repairs:
        print(f"{len(repairs)} repairs and findings:")
        for d in repairs:
            print("  " + d.format())
    return 0


def _print_pagination(api: ir.Api) -> None:
    """Which operations paginate, how and why (``inspect``)."""
    from .targets.paging import describe

    paged = [op for op in api.operations if op.pagination is not None]
    if paged:
        print(f"{len(paged)} paginated operations:")
        for op in paged:
            print(f"  {op.name}: {describe(op)}")


def _cmd_serve(args: argparse.Namespace) -> int:
    import importlib

    from .writer import read_manifest

    out = args.output.resolve()
    manifest = read_manifest(args.output)
    if manifest is None:
        print(f"{args.output}: error: not a folder oagen generated into (no .oagen/manifest.json)", file=sys.stderr)
        return 1
    options = manifest.get("options", {})
    package = options.get("package")
    if not options.get("server", True) or not (out / str(package) / "server" / "app.py").is_file():
        print(f"{args.output}: error: no server was generated here; run 'oagen generate' with --server",
              file=sys.stderr)
        return 1
    sys.path.insert(0, str(out))
    try:
        import uvicorn

        importlib.import_module(f"{package}.server.app")
    except ImportError as exc:
        print(f"{args.output}: error: cannot import the server ({exc}); "
              "install the package's [server] extra (pip install '.[server]')", file=sys.stderr)
        return 1
    if args.seed is not None:
        if not args.mock:
            print("oagen: error: --seed needs --mock", file=sys.stderr)
            return 2
        os.environ["OAGEN_MOCK_SEED"] = str(args.seed)  # read by create_mock_app (uvicorn's reloads too)
    factory = "create_mock_app" if args.mock else "create_app"
    print(f"oagen: serving {package} on http://{args.host}:{args.port} (docs: /docs"
          f"{', mock answers' if args.mock else ''})", file=sys.stderr)
    uvicorn.run(f"{package}.server.app:{factory}", factory=True, host=args.host, port=args.port,
                reload=args.reload, app_dir=str(out), reload_dirs=[str(out)] if args.reload else None)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    commands = {"generate": _cmd_generate, "diff": _cmd_diff, "validate": _cmd_validate, "inspect": _cmd_inspect,
                "serve": _cmd_serve}
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        note = (" (every output file is its old or new version; run oagen again to finish)"
                if args.command == "generate" else "")
        print(f"oagen: interrupted{note}", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place an unexpected error becomes one line
        if args.debug:
            traceback.print_exc()
        print(f"oagen: internal error, please report: {type(exc).__name__}: {exc}"
              + ("" if args.debug else " (run with --debug for the traceback)"), file=sys.stderr)
        return 1


def run() -> None:
    """The ``oagen`` command: :func:`main`, then exit. After ``generate`` the process leaves without
    tearing down its heap one object at a time (a quarter of a second after a big spec): the
    output is written and closed, and standard output and error are flushed first."""
    code = main()
    if sys.argv[1:2] == ["generate"] and "--watch" not in sys.argv:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()
