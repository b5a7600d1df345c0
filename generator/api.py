"""The pipeline in one readable function: :func:`generate` (no printing, no ``sys.exit``)."""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, changes, ir
from .changes import ChangeReport, HandlerStatus
from .diagnostics import Diagnostic, Diagnostics, FatalError, Severity, SourceRef
from .uptodate import current_manifest

if TYPE_CHECKING:
    from .fork import Forked
    from .loader import Limits
    from .refs import RefOptions, Resolver

# The stages (black, jinja2, PyYAML, the validator...) are imported when a run needs them, so
# that a run with nothing to do (see generator.uptodate) stays fast.
from .writer import (
    LockTimeout,
    OutputFile,
    OutputLock,
    WriteError,
    WritePlan,
    apply,
    manifest_bytes,
    plan_writes,
    restore,
    snapshot,
    unified_diff,
)


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
    #: Loading limits (:class:`generator.loader.Limits`); ``None`` for the generous defaults.
    limits: Limits | None = None
    #: Called with a short note as each phase starts (the command line shows them on a terminal).
    progress: Callable[[str], None] | None = None
    #: Seconds to wait for another run writing into the same output folder (see
    #: :class:`generator.writer.OutputLock`) before giving up with OAG805.
    lock_timeout: float = 300.0
    #: Called with one line when the run has to wait for such a run (the command line prints it).
    notice: Callable[[str], None] | None = None
    #: A ``$ref`` that points to nothing (OAG020) stops the run, instead of being typed as any:
    #: ``--watch`` asks this while the last generation had none, as such a spec is most often one
    #: an editor is still writing (its components not there yet).
    refs_must_resolve: bool = False


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
    package: str = ""
    #: What changed since the last generation into this folder (``None`` the first time).
    changes: ChangeReport | None = None
    #: The operations the user's ``server/handlers.py`` does not implement yet (server only).
    handlers: HandlerStatus | None = None
    handlers_path: str = ""
    #: Every path written or removed (or, with ``check``/``diff``, that would be), the manifest last.
    changed: list[str] = field(default_factory=list)
    #: The spec and every file it references (absolute paths; for ``--watch``).
    sources: tuple[Path, ...] = ()
    #: True when the manifest proved the output current and nothing was loaded or rendered.
    up_to_date: bool = False
    #: Seconds per phase (load, validate, normalize, render, format, check, write).
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def files(self) -> list[str]:
        """Every file of the output (generated and user-owned), sorted."""
        return sorted(self.written + self.unchanged + self.kept_user)


@dataclass(slots=True, kw_only=True)
class Loaded:
    """A spec read and normalized: the named IR and every diagnostic found on the way."""

    api: ir.Api | None
    diagnostics: list[Diagnostic]
    resolver: Resolver | None = None
    #: With ``load_api(defer=True)``: waits for the validation and returns every diagnostic.
    complete: Callable[[], list[Diagnostic]] | None = None


class Phases:
    """Times the phases of a run and reports each as it starts."""

    def __init__(self, progress: Callable[[str], None] | None = None) -> None:
        self.timings: dict[str, float] = {}
        self.progress = progress

    @contextmanager
    def __call__(self, name: str, note: str = "") -> Iterator[None]:
        if self.progress is not None:
            self.progress(note or name)
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start


def load_api(spec: str, *, strict: bool = False, validate: bool = True,
             ref_options: RefOptions | None = None, limits: Limits | None = None,
             phases: Phases | None = None, defer: bool = False, settle: bool = False) -> Loaded:
    """load → resolve → check → normalize → name. With ``defer`` (and not ``strict``), a big spec's
    validation, under way in a second process, is not waited for: ``Loaded.complete`` does.

    The cyclic garbage collector pauses meanwhile: the document and the IR hold no cycles, and it
    would walk their millions of objects again and again. With ``settle``, what they leave
    behind is frozen (``gc.freeze``: the collector never walks it, and forked processes do not
    copy it by touching it) for a run that keeps them to its end; the caller unfreezes."""
    from . import check, loader, naming, safety
    from .gcpause import paused
    from .normalize.lower import lower, spec_version
    from .refs import RefOptions, Resolver

    phase = phases or Phases()
    ref_options = ref_options or RefOptions()
    if limits is not None:
        ref_options.limits = limits
    with paused():
        try:
            with phase("load", "loading the spec"):
                doc = loader.load(spec, ref_options.limits)
        except FatalError as exc:
            return Loaded(api=None, diagnostics=exc.diagnostics)
        resolver = Resolver(doc, ref_options)
        found = Diagnostics()  # the normalizer's findings, reported after the validator's
        pending: check.Pending | None = None
        failure: FatalError | None = None
        try:
            version = spec_version(doc.data, doc.file)
            if validate:  # a big spec is validated in a second process while this one normalizes
                with phase("validate", "validating against the OpenAPI schema"):
                    pending = check.Pending(doc, version, strict)
            with phase("normalize", "normalizing operations and schemas"):
                api = safety.deep(lambda: naming.name_api(lower(resolver, found)), file=doc.file)
        except FatalError as exc:
            failure = exc
        if settle:
            gc.freeze()

    def diagnostics(validation: list[Diagnostic], locate: bool = True) -> list[Diagnostic]:
        diags = Diagnostics(doc.load_warnings)
        diags.extend(validation)
        diags.extend(found.items)
        if strict:
            diags = Diagnostics(d if d.severity >= Severity.ERROR else _as_error(d) for d in diags)
        items = diags.items + (failure.diagnostics if failure is not None else [])
        return _located(items, resolver) if locate else items

    if pending is not None and defer and not strict and failure is None and not pending.done:
        waiting = pending

        def complete() -> list[Diagnostic]:
            with phase("validate", "validating against the OpenAPI schema"):
                return diagnostics(waiting.result())

        # (located when complete: every diagnostic at once)
        return Loaded(api=api, diagnostics=diagnostics([], locate=False), resolver=resolver, complete=complete)
    validation: list[Diagnostic] = []
    if pending is not None:
        with phase("validate", "validating against the OpenAPI schema"):
            validation = pending.result()
    if failure is not None:
        return Loaded(api=None, diagnostics=diagnostics(validation))
    return Loaded(api=api, diagnostics=diagnostics(validation), resolver=resolver)


def _as_error(d: Diagnostic) -> Diagnostic:
    from dataclasses import replace

    return replace(d, severity=Severity.ERROR) if d.severity >= Severity.WARNING else d


def _located(items: list[Diagnostic], resolver: Resolver | None) -> list[Diagnostic]:
    """Fill in line and column (computed only now, when there is something to report)."""
    from dataclasses import replace

    if resolver is None:
        return items
    wanted: dict[str, list[str]] = {}
    for d in items:
        if d.src.line is None and d.src.file in resolver.docs:
            wanted.setdefault(d.src.file, []).append(d.src.pointer)
    found = {file: resolver.docs[file].locate_many(pointers) for file, pointers in wanted.items()}
    result = []
    for d in items:
        where = found.get(d.src.file, {}).get(d.src.pointer) if d.src.line is None else None
        if where is not None:
            d = replace(d, src=replace(d.src, line=where[0], col=where[1]))
        result.append(d)
    return result


def render_files(api: ir.Api, options: GenerateOptions, package: str, document: object = None,
                 phases: Phases | None = None, prepared: Prepared | None = None,
                 ) -> tuple[list[OutputFile], list[Diagnostic]]:
    """render → format → compile check, all in memory (``document``: the spec as loaded, shipped as
    is; ``prepared``: the templates compiled and read already, see :func:`prepare_templates`).

    A big package is rendered, formatted and checked on both cores: a forked process (see
    :mod:`generator.fork`) and this one take chunks of files from a shared queue."""
    from . import fork, render, safety
    from .targets import registry
    from .targets.package import Options

    phase = phases or Phases()
    with phase("render", f"rendering {len(api.operations)} operations and {len(api.models)} models"):
        code = None
        if prepared is not None:
            code = render.TemplateCode(prepared[0])
            safety.learn_identifiers(prepared[1])
        env = render.environment(options.templates, code)
        plans = registry.plan(api, Options(package=package, client=options.client, server=options.server,
                                           document=document))
    names = safety.Vocabulary(env, safety.api_identifiers(api, package))
    for template in {p.template for p in plans if p.python and p.source is None}:
        names.allowed(template)  # before the fork: each set made once, for both processes
    chunks = _chunks(plans) if fork.available() else [plans]
    if len(chunks) == 1:
        done, problems = _finish(env, plans, names, options.format, phase, jobs=None)
    else:
        done, problems = _shared(chunks, env, names, options.format, phase)
    if problems:
        return [], problems
    return [OutputFile(path=p.path, content=done[p.path].encode("utf-8"), user_owned=p.user_owned)
            for p in plans], []


Prepared = tuple[dict[str, bytes], dict[tuple[str, str], frozenset[str]]]


def prepare_templates(user_dir: Path | None) -> Prepared:
    """Every template compiled, and the identifiers of every Python template read (what rendering
    and checking a big package start with): a helper process does it while the spec is
    normalized, on the core the validator leaves free."""
    from . import render, safety

    code = render.TemplateCode()
    env = render.environment(user_dir, code)
    for name in env.list_templates(extensions=["jinja"]):
        try:
            env.get_template(name)
            if name.endswith(".py.jinja"):
                safety.template_identifiers(env, name)
        except Exception:  # noqa: BLE001, S112 - a broken template: the run reports it if it uses it
            continue
    return code.code, safety.learned_identifiers()


_PREPARE_BYTES = 1_000_000  # a spec file this big: the templates are prepared beside normalizing

_SHARE_WEIGHT = 20_000  # below about this many lines, one process does everything
_CHUNKS = 64


def _chunks(plans: list[Any]) -> list[list[Any]]:
    """The plans in chunks of work for two processes: the biggest files first (by their plan's
    weight, about their lines), each alone when it is big, the small ones together at the end (so
    the two finish at about the same time)."""
    total = sum(p.weight for p in plans)
    if total < _SHARE_WEIGHT:
        return [plans]
    chunks: list[list[Any]] = [[]]
    size = 0
    for p in sorted(plans, key=lambda p: -p.weight):
        if size >= total / _CHUNKS:
            chunks.append([])
            size = 0
        chunks[-1].append(p)
        size += p.weight
    return chunks


def _shared(chunks: list[list[Any]], env: Any, names: Any, fmt: bool,
            phase: Phases) -> tuple[dict[str, str], list[Diagnostic]]:
    """The chunks rendered, formatted and checked by this process and a forked one, each taking
    the next chunk from a shared pipe until none is left (any chunk the other did not deliver is
    done here)."""
    from .fork import Forked

    read, write = os.pipe()
    try:
        os.write(write, bytes(range(len(chunks))))
    finally:
        os.close(write)
    try:
        other = Forked(_drain, read, chunks, env, names, fmt)
        done, problems, taken = _drain(read, chunks, env, names, fmt, phase)
        with phase("join", "waiting for the other half"):
            theirs, found, their_chunks = other.result()
    finally:
        os.close(read)
    done.update(theirs)
    problems += found
    for i in set(range(len(chunks))) - taken - their_chunks:
        more, found = _finish(env, chunks[i], names, fmt, phase)
        done.update(more)
        problems += found
    return done, problems


def _drain(read: int, chunks: list[list[Any]], env: Any, names: Any, fmt: bool,
           phase: Phases | None = None) -> tuple[dict[str, str], list[Diagnostic], set[int]]:
    done: dict[str, str] = {}
    problems: list[Diagnostic] = []
    taken: set[int] = set()
    while (token := os.read(read, 1)):
        more, found = _finish(env, chunks[token[0]], names, fmt, phase)
        done.update(more)
        problems += found
        taken.add(token[0])
    return done, problems, taken


def _finish(env: Any, plans: list[Any], names: Any, fmt: bool, phases: Phases | None = None,
            jobs: int | None = 1) -> tuple[dict[str, str], list[Diagnostic]]:
    """Render, format (black's style) and check the files of ``plans``: their final texts, or
    problems (``jobs``: processes for black, ``None`` for as many as there are cores)."""
    from . import render, safety
    from .format import Formatter, default_cache_dir
    from .targets.runtime_files import source_text

    phase = phases or Phases()
    with phase("render", "rendering"):
        texts = {p.path: source_text(p.source) if p.source is not None
                 else render.render(env, p.template, p.full_context()) for p in plans}
    done = dict(texts)
    # The runtime modules are shipped as they are (black's layout already: tests/test_runtime_*).
    python = {p.path: texts[p.path] for p in plans if p.python and p.source is None}
    if fmt:
        try:
            with phase("format", f"formatting {len(python)} modules (black)"):
                done.update(Formatter(default_cache_dir(), jobs=jobs).format_modules(python))
        except Exception as exc:  # noqa: BLE001 - black's parse errors carry the reason
            return {}, [Diagnostic(code="OAG901", severity=Severity.ERROR,
                                   message="internal error, please report: black cannot format the output: "
                                           f"{str(exc).splitlines()[0][:200]}")]
    with phase("check", f"checking {len(python)} modules (compile, identifiers)"):
        # Every module compiles, and holds no spec text outside literals and comments: every
        # identifier comes from a template or the naming pass.
        problems = safety.check_files(env, plans, done, names=names, compiles=True)
    return done, problems


def generate(spec: str, out: str | Path, options: GenerateOptions | None = None) -> GenerateResult:
    """Generate the client and server packages for ``spec`` into ``out`` (no printing, no exit)."""
    options = options or GenerateOptions()
    out = Path(out)
    fast = _fast_path(spec, out, options)
    if fast is not None:
        return fast
    phases = Phases(options.progress)
    try:
        result = _generate(spec, out, options, phases)
    finally:
        gc.unfreeze()  # what the run froze (load_api's settle) is the collector's again
    result.timings = phases.timings
    return result


def _size(spec: str) -> int:
    try:
        return os.path.getsize(spec)
    except OSError:
        return 0


def _generate(spec: str, out: Path, options: GenerateOptions, phases: Phases) -> GenerateResult:
    from . import fork

    helper = None
    if fork.available() and _size(spec) >= _PREPARE_BYTES:
        helper = fork.Forked(prepare_templates, options.templates)
    try:
        return _generate_from(spec, out, options, phases, helper)
    finally:
        if helper is not None:
            helper.discard()  # (when a run ends before rendering)


def _generate_from(spec: str, out: Path, options: GenerateOptions, phases: Phases,
                   helper: Forked[Prepared] | None) -> GenerateResult:
    from .refs import RefOptions
    from .targets.package import default_package_name

    loaded = load_api(spec, strict=options.strict, validate=options.validate,
                      ref_options=RefOptions(allow_external_dirs=options.allow_external_refs,
                                             allow_remote=options.allow_remote_refs),
                      limits=options.limits, phases=phases, defer=True, settle=True)
    diagnostics = list(loaded.diagnostics)
    api = loaded.api
    sources = _sources(loaded, spec)
    failed = any(d.severity >= Severity.ERROR for d in diagnostics) if options.strict else api is None
    if options.refs_must_resolve and not failed and any(d.code == "OAG020" for d in diagnostics):
        if loaded.complete is not None:
            diagnostics = loaded.complete()
        return GenerateResult(ok=False, diagnostics=_refs_fatal(diagnostics), api=api, sources=sources)
    if api is None or failed:
        return GenerateResult(ok=False, diagnostics=diagnostics, api=api, sources=sources)
    from .naming import package_name_problem

    package = options.package or default_package_name(api)
    problem = package_name_problem(package)
    if problem is not None:
        if loaded.complete is not None:
            diagnostics = loaded.complete()
        diagnostics.append(Diagnostic(code="OAG030", severity=Severity.ERROR,
                                      message=f"package name {package!r} {problem}",
                                      hint="pass --package with another name (letters, digits and underscores)"))
        return GenerateResult(ok=False, diagnostics=diagnostics, api=api, sources=sources)
    document = loaded.resolver.root.data if loaded.resolver is not None else None
    files, problems = render_files(api, options, package, document, phases,
                                   helper.result() if helper is not None else None)
    if loaded.complete is not None:  # the validation ran beside normalizing and rendering
        diagnostics = loaded.complete()
    if problems:
        return GenerateResult(ok=False, diagnostics=diagnostics + problems, api=api, sources=sources)
    summary = changes.summarize(api)
    manifest = manifest_bytes(_manifest(loaded, spec, options, package, summary), files)
    if options.check or options.diff:  # (reads only: no lock, nothing created)
        return _plan_and_write(out, files, manifest, options, phases, diagnostics, api, package, sources, summary)
    try:
        # Planning and writing under the output folder's lock: a run into the same folder at the
        # same time waits here, then plans against what this one wrote (never a mix of both).
        with OutputLock(out, timeout=options.lock_timeout, notice=options.notice):
            return _plan_and_write(out, files, manifest, options, phases, diagnostics, api, package, sources,
                                   summary)
    except LockTimeout as exc:
        return GenerateResult(ok=False, diagnostics=diagnostics + [_lock_timeout(exc)], api=api, package=package,
                              sources=sources)


def _plan_and_write(out: Path, files: list[OutputFile], manifest: bytes, options: GenerateOptions, phases: Phases,
                    diagnostics: list[Diagnostic], api: ir.Api, package: str, sources: tuple[Path, ...],
                    summary: changes.Summary) -> GenerateResult:
    plan = plan_writes(out, files, manifest=manifest, force=options.force)
    result = _result(plan, diagnostics, api, package, sources)
    if plan.previous is not None and "operations" in plan.previous:
        result.changes = changes.compare(plan.previous, summary)
    if plan.conflicts:
        result.ok = False
        result.diagnostics += plan.conflicts
        return result
    result.stale = plan.changes
    if options.check or options.diff:
        result.diff = unified_diff(out, plan) if options.diff else ""
    else:
        saved = snapshot(out, plan)
        try:
            with phases("write", f"writing {len(plan.write) + len(plan.create_user)} files"):
                apply(out, plan, manifest)
        except WriteError as exc:
            # A full disk or a read-only file half way: put back what was there. Should even that
            # fail, every file is its old or new version and the journal lets the next run repair.
            lost = restore(out, saved)
            result.ok = False
            result.written = []
            result.diagnostics.append(_write_failed(out, exc, lost))
            return result
    if options.server:
        _handler_report(result, out, package, api, files)
    return result


def _refs_fatal(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    from dataclasses import replace

    return [replace(d, severity=Severity.ERROR, message=d.message.removesuffix("; typed as any"))
            if d.code == "OAG020" else d for d in diagnostics]


def _lock_timeout(exc: LockTimeout) -> Diagnostic:
    holder = f"another oagen run (pid {exc.holder})" if exc.holder is not None else "another oagen run"
    return Diagnostic(code="OAG805", severity=Severity.ERROR, src=SourceRef(file=str(exc.path)),
                      message=f"{holder} has been writing into this folder for {exc.waited:g} s; gave up waiting",
                      hint="let it finish, or end it (a run that ends, even killed, lets go at once), "
                           "or wait longer with --lock-timeout SECONDS")


def _fast_path(spec: str, out: Path, options: GenerateOptions) -> GenerateResult | None:
    """The result of a run with nothing to do (see :mod:`generator.uptodate`), or ``None``."""
    if options.force:
        return None
    manifest = current_manifest(spec, out, package=options.package, client=options.client,
                                server=options.server, fmt=options.format,
                                templates_hash=_templates_hash(options.templates))
    if manifest is None:
        return None
    package = str(manifest["options"]["package"])
    result = GenerateResult(ok=True, package=package, unchanged=sorted(manifest["files"]),
                            sources=tuple(Path(spec).resolve().parent / n if n != Path(spec).name
                                          else Path(spec).resolve() for n in manifest["spec_files"]),
                            up_to_date=True)
    if "operations" in manifest:
        result.changes = changes.ChangeReport()  # nothing changed since the last run
    if options.server:
        path = f"{package}/server/handlers.py"
        result.kept_user = [path]
        result.handlers_path = path
        source = (out / path).read_bytes().decode("utf-8", "replace")
        result.handlers = changes.handler_status(source, list(manifest.get("operations", {})))
    return result


def _result(plan: WritePlan, diagnostics: list[Diagnostic], api: ir.Api, package: str,
            sources: tuple[Path, ...]) -> GenerateResult:
    return GenerateResult(
        ok=True, diagnostics=diagnostics, api=api, package=package, sources=sources,
        written=[f.path for f in plan.write + plan.create_user], unchanged=list(plan.unchanged),
        removed=list(plan.remove), kept_user=list(plan.kept_user), changed=plan.changed_paths,
    )


def _write_failed(out: Path, exc: WriteError, lost: list[str]) -> Diagnostic:
    restored = "the output folder was restored" if not lost else (
        f"could not restore {', '.join(lost)}; every file is its old or new version and the next run repairs")
    return Diagnostic(code="OAG802", severity=Severity.ERROR, src=SourceRef(file=str(out / exc.path)),
                      message=f"cannot write: {exc.cause.strerror or exc.cause}; {restored}",
                      hint="free space or fix permissions, then run oagen again")


def _handler_report(result: GenerateResult, out: Path, package: str, api: ir.Api,
                    files: list[OutputFile]) -> None:
    """Which operations the user's handlers.py implements (read from disk, else the fresh template)."""
    path = f"{package}/server/handlers.py"
    template = next((f.content for f in files if f.path == path), b"")
    try:
        source = (out / path).read_bytes()
    except OSError:
        source = template
    result.handlers_path = path
    result.handlers = changes.handler_status(source.decode("utf-8", "replace"), [op.name for op in api.operations])


def _sources(loaded: Loaded, spec: str) -> tuple[Path, ...]:
    if loaded.resolver is None:
        return (Path(spec).resolve(),) if spec != "-" else ()
    paths = [doc.path.resolve() for doc in loaded.resolver.docs.values() if doc.path is not None]
    return tuple(dict.fromkeys(paths))


def _spec_files(loaded: Loaded) -> dict[str, str]:
    """Every loaded file's hash, keyed by its path relative to the spec's folder (``/`` separators)."""
    if loaded.resolver is None:
        return {}
    root = loaded.resolver.root
    base = root.path.resolve().parent if root.path is not None else Path.cwd()
    hashes: dict[str, str] = {}
    for key, doc in loaded.resolver.docs.items():
        if doc is root:
            name = root.path.name if root.path is not None else "-"
        elif doc.path is not None:
            name = Path(os.path.relpath(doc.path.resolve(), base)).as_posix()
        else:
            name = key  # a URL (--allow-remote-refs)
        hashes[name] = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    return dict(sorted(hashes.items()))


def _templates_hash(folder: Path | None) -> str | None:
    if folder is None:
        return None
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _manifest(loaded: Loaded, spec: str, options: GenerateOptions, package: str,
              summary: changes.Summary) -> dict[str, object]:
    """Everything but the file hashes: no timestamps, no absolute paths, the same on every machine."""
    spec_files = _spec_files(loaded)
    digest = hashlib.sha256()
    for name, file_hash in spec_files.items():
        digest.update(f"{name}\0{file_hash}\n".encode())
    return {
        "generator": "oagen",
        "version": __version__,
        "spec": Path(spec).name if spec != "-" else "-",
        "spec_sha256": digest.hexdigest(),
        "spec_files": spec_files,
        "options": {"package": package, "client": options.client, "server": options.server,
                    "format": options.format, "templates": _templates_hash(options.templates),
                    "package_default": options.package is None},
        **summary,
    }


def valid_package_name(name: str) -> bool:
    """True for a usable Python package name."""
    from .targets.package import valid_package_name as valid

    return valid(name)


__all__ = ["GenerateOptions", "GenerateResult", "generate", "load_api", "valid_package_name"]
