"""Checks that keep hostile specs from becoming running code, and deep specs from crashing.

The generated code runs in the user's process, so the one thing a spec must never do is put
its own text into it as code. Spec text reaches generated files only through the naming pass
(identifiers) and the escaping filters of ``render.py`` (literals, docstrings, comments). This
module checks the result independently, on every generated Python file before it is written:

* the file parses (``ast``), and every identifier in it (names, attributes, definitions,
  arguments, keywords, imports) is either written literally in the code of the templates that
  rendered it, or one the naming pass produced for this API;
* module and class bodies hold no expression statements but docstrings (nothing that runs
  code at import), and no name is defined twice in one body.

The runtime modules (``generator/runtime/``, see ``targets/runtime_files.py``) are code of this
repository shipped verbatim, not rendered: no spec text reaches them, so their names are trusted;
they are checked to be exactly their source instead.

A failure is an internal error (a bug in a filter, the naming pass or a template): the file is
never written. Spec strings inside string constants and comments are data and are not looked at.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import threading
import tokenize
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import jinja2

from . import ir
from .diagnostics import Diagnostic, FatalError, Severity, SourceRef
from .gcpause import paused

T = TypeVar("T")

# Names the Python targets write into code themselves (type hints, literals), beside what the
# templates hold: see targets/pyview.py, python_client.py, python_server.py and render.pyrepr.
TARGET_VOCABULARY = frozenset({
    "Any", "Literal", "None", "True", "False", "bool", "bytes", "dict", "float", "int", "list", "str",
    "datetime", "date", "uuid", "UUID", "IO", "Path", "Mapping", "m", "Annotated", "Body", "Cookie",
    "Header", "Query", "alias", "BaseModel", "Enum", "tuple",
    # python_server.py: parameter constraints (pydantic Field keywords) and runtime checks.
    "Field", "ge", "le", "gt", "lt", "multiple_of", "min_length", "max_length", "allow_inf_nan", "_rt",
    "unique_items", "pattern", "known_member", "rfc3339", "literal_text", "restored",
    # targets/models.py: the enum bases of models/_base.py; python_client.py: error fallbacks.
    "OpenStrEnum", "OpenIntEnum", "OpenFloatEnum", "ModelError",
    # targets/streaming.py: the client runtime's streams; python_server.py: streamed answers.
    "EventStream", "AsyncEventStream", "ByteStream", "AsyncByteStream", "answer", "answer_events", "answer_bytes",
})
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PLACEHOLDER = "_oagen_expression_"
_VOCABULARY_CACHE: dict[tuple[str, str], frozenset[str]] = {}


# --------------------------------------------------------------------------- vocabulary


def template_identifiers(env: jinja2.Environment, template: str, _seen: frozenset[str] = frozenset()) -> frozenset[str]:
    """Identifiers written in the code of a template: Python names outside its strings and
    comments, and words inside the string literals of its Jinja tags (``{"name": "Client"}``),
    with those of the templates it imports or includes (``{% from "client/x.jinja" import y %}``)."""
    assert env.loader is not None
    source = env.loader.get_source(env, template)[0]
    key = (template, source)
    cached = _VOCABULARY_CACHE.get(key)
    if cached is not None:
        return cached
    data: list[str] = []
    words: set[str] = set()
    for _, kind, value in env.lex(source):
        if kind == "data":
            data.append(value)
        elif kind == "variable_begin":
            data.append(_PLACEHOLDER)
        elif kind == "string":
            words.update(_WORD.findall(value))
            name = value[1:-1]
            if name.endswith(".jinja") and name not in _seen and name != template:
                try:
                    words |= template_identifiers(env, name, _seen | {template})
                except jinja2.TemplateNotFound:
                    pass
    words.update(_code_names("".join(data)))
    words.discard(_PLACEHOLDER)
    result = frozenset(words)
    _VOCABULARY_CACHE[key] = result
    return result


def learned_identifiers() -> dict[tuple[str, str], frozenset[str]]:
    """What :func:`template_identifiers` found so far (by template name and source)."""
    return dict(_VOCABULARY_CACHE)


def learn_identifiers(found: dict[tuple[str, str], frozenset[str]]) -> None:
    """Take what another process's :func:`template_identifiers` found (for the same sources)."""
    _VOCABULARY_CACHE.update(found)


def _code_names(text: str) -> set[str]:
    names: set[str] = set()
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.NAME:
                names.add(tok.string)
            elif tok.type == tokenize.STRING and tok.string[:3].lower().lstrip("rb").startswith("f"):
                # An f-string's expressions are code (``f"{type(self).__name__}"``).
                names.update(_WORD.findall(tok.string))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        # A template that is not Python-shaped once its tags are cut out (a user's override):
        # fall back to every word of its text, prose included (weaker, never wrong).
        names.update(_WORD.findall(text))
    return names


def api_identifiers(api: ir.Api, package: str) -> frozenset[str]:
    """Every identifier the naming pass gave this API, with the forms the targets derive from
    them (``_NAME`` operation constants, ``_op_name`` endpoints, ``name_value`` split values,
    the modules of the split layout)."""
    names = {package}
    from .naming import Namespace, snake

    for model in api.models:
        # The client target's per-model module (``pet``) and typed error (``PetError``), made
        # the way targets/models.py and python_client.py make them.
        module = Namespace().take(snake(model.name), "model", "model_")
        error = Namespace().take(model.name + "Error", "ModelError", "Error")
        names.update((model.name, snake(model.name), module, model.name + "Error", error))
        names.update(f.name for f in model.fields)
        names.update(mem.name for mem in model.members)
    for op in api.operations:
        names.update((op.name, "_" + op.name.upper(), "_op_" + op.name))
        if op.pagination is not None:  # the pager methods and their constant (targets/paging.py)
            names.update((op.iter_name, op.pages_name, f"_{op.name.upper()}__PAGER"))
        for p in op.parameters:
            names.update((p.name, p.name + "_value"))
    names.update(s.name for s in api.security_schemes)
    from .targets.server_answers import RANGE_NAMES, STATUS_NAMES, hook_names

    # The server's answer classes (runtime statuses.py) and security hooks (server_answers.py).
    names.update((*STATUS_NAMES.values(), *RANGE_NAMES.values(), "Answer", *hook_names(api).values()))
    from .targets.groups import groups, split
    from .targets.streaming import variant_names

    names.update(variant_names(api).values())  # ``<name>_stream``: a download, streamed
    if split(api):  # the split layout's operation modules
        names.update(g.module for g in groups(api))
    for server in api.servers:
        names.update(v.name for v in server.variables)
    names.discard("")
    return frozenset(names)


# --------------------------------------------------------------------------- the check


_DERIVED_PREFIX = re.compile(r"[a-z]{1,8}_")
_DERIVED_SUFFIX = re.compile(r"_(?:value|\d+)$")


def derived(name: str, names: frozenset[str]) -> bool:
    """True for a private name a target derives from an API name or a counter: ``_NAME``,
    ``_op_name``, ``_auth_2``, ``name_value`` (never a dunder, never a public name)."""
    if name.startswith("__"):
        return False
    rest = name.removeprefix("_")
    candidates = {rest, rest.lower()}
    if name.startswith("_"):
        prefix = _DERIVED_PREFIX.match(rest)
        if prefix is not None:
            candidates.add(rest[prefix.end():])
    candidates |= {_DERIVED_SUFFIX.sub("", c) for c in candidates}
    return any(c in names or (c.isdigit() and name.startswith("_")) for c in candidates if c)


def check_module(source: str, path: str, allowed: frozenset[str], *, compiles: bool = False) -> list[Diagnostic]:
    """Problems of one generated module (empty when it is safe to write). With ``compiles``, the
    module must also compile (one parse serves both checks)."""
    try:
        tree = ast.parse(source, filename=path)
        if compiles:
            compile(tree, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        from .format import check_python  # the compiler's own message, with the line

        problem = check_python(source, path) if compiles and isinstance(exc, SyntaxError | ValueError) else None
        return [problem or _problem(path, None, f"does not parse ({type(exc).__name__}: {exc})")]
    problems: list[Diagnostic] = []
    verdicts: dict[str, bool] = {}
    for node, name in _identifiers(tree):
        ok = verdicts.get(name)
        if ok is None:
            ok = verdicts[name] = name in allowed or derived(name, allowed)
        if not ok and len(problems) < 10:
            problems.append(_problem(path, getattr(node, "lineno", None),
                                     f"holds the name {name!r}, which neither the templates nor the "
                                     "naming pass produced (spec text outside a literal?)"))
    for body in _bodies(tree):
        problems.extend(_check_body(body, path))
    return problems[:10]


_LEAVES = (ast.Constant, ast.Load, ast.Store, ast.BinOp, ast.BitOr, ast.Subscript, ast.Tuple, ast.List,
           ast.Dict, ast.Call, ast.Expr, ast.AnnAssign, ast.Assign, ast.Return, ast.Await)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _walk(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of ``tree`` (depth first, no recursion): ``ast.walk`` without its generators,
    twice as fast on the millions of nodes a big package has."""
    stack: list[Any] = [tree]
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        node = pop()
        if not isinstance(node, ast.AST):
            continue  # a name in Global.names, a None in Dict.keys: not a node
        yield node
        kind = type(node)
        fields = _FIELDS.get(kind)
        if fields is None:
            fields = _FIELDS[kind] = tuple(f for f in kind._fields if f != "ctx")
        for name in fields:
            value = getattr(node, name, None)
            if type(value) is list:
                extend(value)
            elif isinstance(value, ast.AST):
                push(value)


def _identifiers(tree: ast.AST) -> Iterator[tuple[ast.AST, str]]:
    for node in _walk(tree):
        kind = type(node)
        if kind is ast.Name:
            yield node, node.id  # type: ignore[attr-defined]  # kind is ast.Name (exact type: faster than isinstance)
        elif kind is ast.Attribute:
            yield node, node.attr  # type: ignore[attr-defined]  # kind is ast.Attribute, as above
        elif kind in _LEAVES:
            continue
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield node, node.name
        elif isinstance(node, ast.arg) or (isinstance(node, ast.keyword) and node.arg is not None):
            yield node, str(node.arg)
        elif isinstance(node, ast.alias):
            for part in node.name.split("."):
                if part != "*":
                    yield node, part
            if node.asname:
                yield node, node.asname
        elif isinstance(node, ast.ImportFrom) and node.module:
            for part in node.module.split("."):
                yield node, part
        elif isinstance(node, ast.Global | ast.Nonlocal):
            for name in node.names:
                yield node, name
        elif isinstance(node, ast.MatchAs | ast.MatchStar) and node.name:
            yield node, node.name
        elif isinstance(node, ast.MatchMapping) and node.rest:
            yield node, node.rest
        elif isinstance(node, ast.MatchClass):
            yield from ((node, a) for a in node.kwd_attrs)


def _bodies(tree: ast.Module) -> Iterator[list[ast.stmt]]:
    """The module body and every class body (what runs at import)."""
    stack: list[list[ast.stmt]] = [tree.body]
    while stack:
        body = stack.pop()
        yield body
        for stmt in body:
            if isinstance(stmt, ast.ClassDef):
                stack.append(stmt.body)
            elif isinstance(stmt, ast.If | ast.Try):
                stack.extend(b for b in (stmt.body, stmt.orelse, getattr(stmt, "finalbody", [])) if b)


def _check_body(body: list[ast.stmt], path: str) -> Iterator[Diagnostic]:
    defined: dict[str, int] = {}
    for stmt in body:
        if isinstance(stmt, ast.Expr) and not (isinstance(stmt.value, ast.Constant)
                                               and isinstance(stmt.value.value, str)) \
                and not _completes_a_class(stmt.value, defined):
            yield _problem(path, stmt.lineno, "runs an expression at import time (only docstrings may "
                                              "stand alone in a module or class body)")
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if stmt.name in defined and not stmt.decorator_list:
                yield _problem(path, stmt.lineno, f"defines {stmt.name!r} twice (also at line "
                                                  f"{defined[stmt.name]})")
            defined[stmt.name] = stmt.lineno


def _completes_a_class(value: ast.expr, defined: dict[str, int]) -> bool:
    """``Name.model_rebuild()`` (no arguments) of a class defined above: the one call a models
    module makes at import (it completes a class that named types defined after it)."""
    func = value.func if isinstance(value, ast.Call) else None
    return isinstance(value, ast.Call) and not value.args and not value.keywords \
        and isinstance(func, ast.Attribute) and func.attr == "model_rebuild" \
        and isinstance(func.value, ast.Name) and func.value.id in defined


def _problem(path: str, line: int | None, what: str) -> Diagnostic:
    return Diagnostic(code="OAG902", severity=Severity.ERROR,
                      message=f"internal error, please report: generated {path} {what}",
                      src=SourceRef(file=path, line=line))


def check_text(content: str, path: str) -> Diagnostic | None:
    """A problem with a generated non-Python file (or any file's encoding), or ``None``."""
    try:
        content.encode("utf-8")
    except UnicodeEncodeError as exc:
        return Diagnostic(code="OAG903", severity=Severity.ERROR, src=SourceRef(file=path),
                          message=f"internal error, please report: generated {path} holds an unencodable "
                                  f"character at offset {exc.start}")
    if path.endswith(".toml") and sys.version_info >= (3, 11):  # Python 3.10 has no tomllib
        import tomllib

        try:
            tomllib.loads(content)
        except tomllib.TOMLDecodeError as exc:
            return Diagnostic(code="OAG903", severity=Severity.ERROR, src=SourceRef(file=path),
                              message=f"internal error, please report: generated {path} is not valid TOML: {exc}")
    return None


class Vocabulary:
    """The identifiers allowed in the modules of each template: the API's names, the targets'
    and the template's own (each set built once, however many files and chunks there are)."""

    def __init__(self, env: jinja2.Environment, names: frozenset[str]) -> None:
        self.env = env
        self.names = names | TARGET_VOCABULARY
        self._allowed: dict[str, frozenset[str]] = {}

    def allowed(self, template: str) -> frozenset[str]:
        found = self._allowed.get(template)
        if found is None:
            found = self._allowed[template] = self.names | template_identifiers(self.env, template)
        return found


def check_files(env: jinja2.Environment, plans: Iterable[Any], texts: dict[str, str], api: ir.Api | None = None,
                package: str = "", *, names: Vocabulary | None = None, compiles: bool = False) -> list[Diagnostic]:
    """Every rendered file checked: Python ones by :func:`check_module` against the vocabulary of
    their own template (and, with ``compiles``, compiled), the others by :func:`check_text`.
    ``names``: the :class:`Vocabulary` of ``api`` (made here when not given)."""
    if names is None:
        assert api is not None
        names = Vocabulary(env, api_identifiers(api, package))
    problems: list[Diagnostic] = []
    # The syntax trees are garbage the moment they are checked, and free of cycles.
    with paused():
        for plan in plans:
            text = texts[plan.path]
            problem = check_text(text, plan.path)
            if problem is not None:
                problems.append(problem)
                continue
            source = getattr(plan, "source", None)
            if source is not None:
                # A runtime module of this repository, shipped verbatim: its names are ours and
                # nothing of the spec reaches it; it is trusted as long as it is exactly that file.
                problems += _check_verbatim(text, plan.path, source)
            elif plan.python:
                problems += check_module(text, plan.path, names.allowed(plan.template), compiles=compiles)
    return problems


def _check_verbatim(text: str, path: str, source: str) -> list[Diagnostic]:
    from .targets.runtime_files import source_text

    if text == source_text(source):
        return []
    return [_problem(path, None, f"is not a verbatim copy of generator/runtime/{source}")]


# --------------------------------------------------------------------------- deep input


DEEP_STACK = 256 * 1024 * 1024
DEEP_RECURSION = 20_000
_DEEP_LOCK = threading.Lock()


def deep(fn: Callable[..., T], *args: Any, what: str = "the spec", file: str = "") -> T:
    """``fn(*args)`` with room for deep recursion (a thread with a large stack and a higher
    recursion limit); recursion beyond even that is one clean error, never a RecursionError."""
    result: list[T] = []
    error: list[BaseException] = []

    def run() -> None:
        try:
            result.append(fn(*args))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            error.append(exc)

    with _DEEP_LOCK:
        old_limit = sys.getrecursionlimit()
        try:
            old_size = threading.stack_size(DEEP_STACK)
        except (ValueError, RuntimeError):  # a platform that cannot: run in place
            old_size = None
        try:
            if old_size is not None:
                sys.setrecursionlimit(max(old_limit, DEEP_RECURSION))
                worker = threading.Thread(target=run, name="oagen-deep")
                worker.start()
                worker.join()
            else:
                run()
        finally:
            if old_size is not None:
                threading.stack_size(old_size)
            sys.setrecursionlimit(old_limit)
    if error:
        if isinstance(error[0], RecursionError):
            raise FatalError([Diagnostic(
                code="OAG009", severity=Severity.ERROR,
                message=f"{what} nests too deeply (schemas inside schemas, or a long chain of $refs)",
                src=SourceRef(file=file),
                hint="flatten the schemas; oagen follows some thousands of levels")]) from None
        raise error[0]
    return result[0]
