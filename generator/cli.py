"""The ``oagen`` command: argument parsing, printing and exit codes — nothing else.

Exit codes: 0 success; 1 spec errors, generation failure, or ``--check`` found stale output;
2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .diagnostics import Diagnostic, Severity, dumps_json

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
    from .loader import DEFAULT_LIMITS as d

    parser.add_argument("--max-bytes", type=_count, metavar="N",
                        help=f"refuse spec files larger than N bytes (default {d.max_bytes // 1024**2}M)")
    parser.add_argument("--max-depth", type=_count, metavar="N",
                        help=f"refuse documents nesting deeper than N levels (default {d.max_depth})")
    parser.add_argument("--max-nodes", type=_count, metavar="N",
                        help=f"refuse documents of more than N values, YAML aliases expanded (default {d.max_nodes})")


def _limits(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .loader import positive_limits

    return positive_limits(max_bytes=args.max_bytes, max_depth=args.max_depth, max_nodes=args.max_nodes)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="oagen", description="OpenAPI → typed Python client + FastAPI stub server")
    parser.add_argument("--version", action="version", version=f"oagen {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    gen = sub.add_parser("generate", help="generate the client and server packages")
    gen.add_argument("spec", help="the spec file (YAML or JSON), or - for standard input")
    gen.add_argument("-o", "--output", required=True, help="output folder")
    gen.add_argument("--package", help="Python package name (default: from the spec's title)")
    gen.add_argument("--client", action=argparse.BooleanOptionalAction, default=True, help="generate the client")
    gen.add_argument("--server", action=argparse.BooleanOptionalAction, default=True, help="generate the server")
    gen.add_argument("--strict", action="store_true", help="every validation finding is an error")
    gen.add_argument("--check", action="store_true", help="exit 1 if the output would change; write nothing")
    gen.add_argument("--diff", action="store_true", help="show what would change; write nothing")
    gen.add_argument("--force", action="store_true", help="overwrite hand-edited or foreign files")
    gen.add_argument("--templates", type=Path, help="folder of templates overriding the built-in ones")
    gen.add_argument("--no-format", dest="format", action="store_false", help="skip black")
    gen.add_argument("--no-validate", dest="validate", action="store_false",
                     help="skip openapi-spec-validator (oagen's own checks still run)")
    gen.add_argument("--allow-external-refs", action="append", type=Path, default=[], metavar="DIR",
                     help="let $ref read files under DIR (besides the spec's folder)")
    gen.add_argument("--allow-remote-refs", action="store_true", help="let $ref fetch http(s) URLs")
    gen.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    _add_limits(gen)

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
    srv.add_argument("--host", default="127.0.0.1")
    srv.add_argument("--port", type=int, default=8000)
    srv.add_argument("--reload", action="store_true")
    return parser


def _print_diagnostics(diags: Sequence[Diagnostic], quiet: bool = False, limit: int | None = _MAX_WARNINGS) -> None:
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


def _cmd_generate(args: argparse.Namespace) -> int:
    from .api import GenerateOptions, generate

    options = GenerateOptions(
        package=args.package, client=args.client, server=args.server, strict=args.strict, check=args.check,
        diff=args.diff, force=args.force, templates=args.templates, format=args.format, validate=args.validate,
        allow_external_refs=tuple(args.allow_external_refs), allow_remote_refs=args.allow_remote_refs,
        limits=_limits(args),
    )
    if not args.client and not args.server:
        print("oagen: error: nothing to generate (both --no-client and --no-server)", file=sys.stderr)
        return 2
    result = generate(args.spec, args.output, options)
    _print_diagnostics(result.diagnostics, args.quiet)
    if not result.ok:
        print("oagen: generation failed; nothing was written", file=sys.stderr)
        return 1
    if args.diff:
        sys.stdout.write(result.diff)
    if args.check or args.diff:
        if result.stale:
            changed = ", ".join(result.written + result.removed)
            print(f"oagen: output is out of date: {changed}", file=sys.stderr)
            return 1
        if not args.quiet:
            print("oagen: output is up to date", file=sys.stderr)
        return 0
    if not args.quiet and result.api is not None:
        warnings = sum(1 for d in result.diagnostics if d.severity == Severity.WARNING)
        print(f"oagen: {len(result.api.operations)} operations, {len(result.api.models)} models; "
              f"wrote {len(result.written)} files, {len(result.unchanged)} unchanged, "
              f"{len(result.removed)} removed ({warnings} warnings) in {args.output}", file=sys.stderr)
    return 0


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
    from .api import load_api
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
    for m in api.models:
        print(f"  model {m.name} ({m.kind}) from {m.key}")
    repairs = [d for d in loaded.diagnostics if d.severity >= Severity.WARNING]
    if repairs:
        print(f"{len(repairs)} repairs and findings:")
        for d in repairs:
            print("  " + d.format())
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import importlib

    from .writer import read_manifest

    manifest = read_manifest(args.output)
    if manifest is None:
        print(f"{args.output}: error: not a folder oagen generated into (no .oagen/manifest.json)", file=sys.stderr)
        return 1
    package = manifest.get("options", {}).get("package")
    sys.path.insert(0, str(args.output.resolve()))
    try:
        import uvicorn

        importlib.import_module(f"{package}.server.app")
    except ImportError as exc:
        print(f"{args.output}: error: cannot import the server ({exc}); install fastapi and uvicorn",
              file=sys.stderr)
        return 1
    uvicorn.run(f"{package}.server.app:app", host=args.host, port=args.port, reload=args.reload,
                app_dir=str(args.output.resolve()))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    commands = {"generate": _cmd_generate, "validate": _cmd_validate, "inspect": _cmd_inspect, "serve": _cmd_serve}
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        print("oagen: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place an unexpected error becomes one line
        if args.debug:
            traceback.print_exc()
        print(f"oagen: internal error, please report: {type(exc).__name__}: {exc}"
              + ("" if args.debug else " (run with --debug for the traceback)"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
