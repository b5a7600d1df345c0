"""The pipeline in one readable function: :func:`generate` (no printing, no ``sys.exit``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, check, ir, loader, naming, render, safety
from .diagnostics import Diagnostic, Diagnostics, FatalError, Severity, SourceRef
from .format import Formatter, check_python, default_cache_dir
from .normalize.lower import lower, spec_version
from .refs import RefOptions, Resolver
from .targets import registry
from .targets.package import Options, default_package_name, valid_package_name
from .writer import OutputFile, WritePlan, apply, plan_writes, restore, snapshot, unified_diff


@dataclass(frozen=True, slots=True, kw_only=True)
class GenerateOptions:
    """Everything a generation run can be asked to do."""

    package: str | None = None
    client: bool = True
    server: bool = True
    strict: bool = False
    check: bool = False
    diff: bool = False
    force: bool = False
    templates: Path | None = None
    format: bool = True
    validate: bool = True
    allow_external_refs: tuple[Path, ...] = ()
    allow_remote_refs: bool = False
    limits: loader.Limits = loader.DEFAULT_LIMITS


@dataclass(slots=True, kw_only=True)
class GenerateResult:
    """What a run did (or, with ``check``/``diff``, would do)."""

    ok: bool
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_user: list[str] = field(default_factory=list)
    diff: str = ""
    api: ir.Api | None = None
    stale: bool = False


@dataclass(slots=True, kw_only=True)
class Loaded:
    """A spec read and normalized: the named IR and every diagnostic found on the way."""

    api: ir.Api | None
    diagnostics: list[Diagnostic]
    resolver: Resolver | None = None


def load_api(spec: str, *, strict: bool = False, validate: bool = True,
             ref_options: RefOptions | None = None, limits: loader.Limits | None = None) -> Loaded:
    """load → resolve → check → normalize → name."""
    diags = Diagnostics()
    ref_options = ref_options or RefOptions()
    if limits is not None:
        ref_options.limits = limits
    try:
        doc = loader.load(spec, ref_options.limits)
    except FatalError as exc:
        return Loaded(api=None, diagnostics=exc.diagnostics)
    diags.extend(doc.load_warnings)
    resolver = Resolver(doc, ref_options)
    try:
        version = spec_version(doc.data, doc.file)
        if validate:
            diags.extend(check.validate(doc, version, strict=strict))
        api = safety.deep(lambda: naming.name_api(lower(resolver, diags)), file=doc.file)
    except FatalError as exc:
        return Loaded(api=None, diagnostics=_located(diags.items + exc.diagnostics, resolver))
    if strict:
        diags = Diagnostics(d if d.severity >= Severity.ERROR else _as_error(d) for d in diags)
    return Loaded(api=api, diagnostics=_located(diags.items, resolver), resolver=resolver)


def _as_error(d: Diagnostic) -> Diagnostic:
    from dataclasses import replace

    return replace(d, severity=Severity.ERROR) if d.severity >= Severity.WARNING else d


def _located(items: list[Diagnostic], resolver: Resolver | None) -> list[Diagnostic]:
    """Fill in line and column (computed only now, when there is something to report)."""
    from dataclasses import replace

    result = []
    for d in items:
        if resolver is not None and d.src.line is None and d.src.file in resolver.docs:
            where = resolver.docs[d.src.file].locate(d.src.pointer)
            if where is not None:
                d = replace(d, src=replace(d.src, line=where[0], col=where[1]))
        result.append(d)
    return result


def render_files(api: ir.Api, options: GenerateOptions, package: str) -> tuple[list[OutputFile], list[Diagnostic]]:
    """render → format → compile check, all in memory."""
    env = render.environment(options.templates)
    plans = registry.plan(api, Options(package=package, client=options.client, server=options.server))
    texts = {p.path: render.render(env, p.template, p.context) for p in plans}
    python = {p.path: texts[p.path] for p in plans if p.python}
    problems: list[Diagnostic] = []
    if options.format:
        try:
            texts.update(Formatter(default_cache_dir()).format_modules(python))
        except Exception as exc:  # noqa: BLE001 - black's parse errors carry the reason
            problems.append(Diagnostic(code="OAG901", severity=Severity.ERROR,
                                       message="internal error, please report: black cannot format the output: "
                                               f"{str(exc).splitlines()[0][:200]}"))
            return [], problems
    files: list[OutputFile] = []
    for p in plans:
        if p.python:
            problem = check_python(texts[p.path], p.path)
            if problem is not None:
                problems.append(problem)
                continue
        if not safety.check_text(texts[p.path], p.path):
            files.append(OutputFile(path=p.path, content=texts[p.path].encode("utf-8"), user_owned=p.user_owned))
    # No spec text outside literals and comments: every identifier from a template or the naming pass.
    problems += safety.check_files(env, plans, texts, api, package)
    return ([], problems) if problems else (files, problems)


def generate(spec: str, out: str | Path, options: GenerateOptions | None = None) -> GenerateResult:
    """Generate the client and server packages for ``spec`` into ``out``."""
    options = options or GenerateOptions()
    out = Path(out)
    loaded = load_api(spec, strict=options.strict, validate=options.validate,
                      ref_options=RefOptions(allow_external_dirs=options.allow_external_refs,
                                             allow_remote=options.allow_remote_refs, limits=options.limits))
    diagnostics = list(loaded.diagnostics)
    api = loaded.api
    failed = any(d.severity >= Severity.ERROR for d in diagnostics) if options.strict else api is None
    if api is None or failed:
        return GenerateResult(ok=False, diagnostics=diagnostics, api=api)
    package = options.package or default_package_name(api)
    problem = naming.package_name_problem(package)
    if problem is not None:
        diagnostics.append(Diagnostic(code="OAG030", severity=Severity.ERROR,
                                      message=f"package name {package!r} {problem}",
                                      hint="pass --package with another name (letters, digits and underscores)"))
        return GenerateResult(ok=False, diagnostics=diagnostics, api=api)
    files, problems = render_files(api, options, package)
    if problems:
        return GenerateResult(ok=False, diagnostics=diagnostics + problems, api=api)
    plan = plan_writes(out, files, force=options.force)
    result = _result(plan, diagnostics, api)
    if plan.conflicts:
        result.ok = False
        result.diagnostics += plan.conflicts
        return result
    if options.check or options.diff:
        result.stale = plan.changes
        result.diff = unified_diff(out, plan) if options.diff else ""
        return result
    saved = snapshot(out, plan)
    try:
        apply(out, plan, files, _manifest(loaded, spec, options, package))
    except OSError as exc:
        # A full disk or a read-only file half way: put back what was there.
        lost = restore(out, saved)
        result.ok = False
        result.written = []
        result.diagnostics.append(Diagnostic(
            code="OAG803", severity=Severity.ERROR, src=SourceRef(file=str(exc.filename or out)),
            message=f"cannot write: {exc.strerror or exc}; " + (
                "the output folder was restored" if not lost else f"could not restore {', '.join(lost)}"),
            hint="free space or fix permissions, then run again"))
    return result


def _result(plan: WritePlan, diagnostics: list[Diagnostic], api: ir.Api) -> GenerateResult:
    return GenerateResult(
        ok=True, diagnostics=diagnostics, api=api,
        written=[f.path for f in plan.write + plan.create_user], unchanged=list(plan.unchanged),
        removed=list(plan.remove), kept_user=list(plan.kept_user),
    )


def _manifest(loaded: Loaded, spec: str, options: GenerateOptions, package: str) -> dict[str, object]:
    digest = hashlib.sha256()
    if loaded.resolver is not None:
        for key in sorted(loaded.resolver.docs):
            digest.update(loaded.resolver.docs[key].text.encode("utf-8"))
    return {
        "generator": "oagen",
        "version": __version__,
        "spec": Path(spec).name if spec != "-" else "-",
        "spec_sha256": digest.hexdigest(),
        "options": {"package": package, "client": options.client, "server": options.server},
    }


__all__ = ["GenerateOptions", "GenerateResult", "generate", "load_api", "valid_package_name"]
