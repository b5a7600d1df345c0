"""black's style, applied piece by piece, cached, in parallel; and the compile check.

black costs about 1 s per 1,000 lines here, so formatting a big package from scratch on every
run is not an option. The templates emit black's blank-line layout themselves; a module is cut
into pieces at top-level and method definitions, each piece is formatted on its own (a method is
formatted inside a dummy ``class _:``), and the pieces are joined with the separators the
template wrote. Formatted pieces are cached by content hash (in memory and on disk), so a spec
change reformats only what changed, and uncached pieces are formatted on both cores. The golden
tests run ``black --check`` on the result to prove the layout is black's.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, Severity, SourceRef

LINE_LENGTH = 100
_PARALLEL_MIN = 300
_CUT = re.compile(r"\n\n+(?=(?:async def |def |class |@|    async def |    def |    @)\S)")
_MEMORY: dict[str, str] = {}


if TYPE_CHECKING:
    from black import Mode


def _mode() -> Mode:
    import black
    from black.mode import TargetVersion

    return black.Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY310})


def _black_version() -> str:
    import black

    return str(black.__version__)  # type: ignore[attr-defined]  # black does not mark it as re-exported


def format_python(source: str, path: str = "") -> str:
    """Format a whole module with black (uncached)."""
    import black
    from black.report import NothingChanged

    try:
        return black.format_str(source, mode=_mode())
    except NothingChanged:  # pragma: no cover - format_str does not raise it
        return source


def _format_piece(piece: str) -> str | None:
    """A formatted piece, or ``None`` when the cut fell inside a string (the module is then
    formatted whole)."""
    from black.parsing import InvalidInput

    try:
        if piece.startswith("    "):
            return format_python("class _:\n" + piece).split("\n", 1)[1]
        return format_python(piece)
    except InvalidInput:
        return None


def _format_many(pieces: list[str]) -> list[str | None]:
    return [_format_piece(p) for p in pieces]


def _is_long(line: str) -> bool:
    return len(line) > LINE_LENGTH and not line.lstrip().startswith("#")


def _long_statements(piece: str) -> list[tuple[int, int]] | None:
    """The logical lines of ``piece`` that black would split, as (first, end) physical line
    indexes; ``None`` when the piece cannot be read this way (it then goes to black whole).

    A line too long for black's width is left alone by black when it is a comment or part of a
    docstring (black never wraps those), except that black moves the closing quotes of a
    multi-line docstring to their own line when they do not fit. Everything else the templates
    write in black's layout (proved by the golden tests' ``black --check``); so only logical
    lines with a long physical line need black, each on its own. The scan knows the literals
    oagen writes: one-line strings (any prefix, escapes), triple-quoted strings, comments.
    """
    lines = piece.split("\n")
    if max(map(len, lines)) <= LINE_LENGTH:
        return []  # (a broken piece is black's to find, in the compile check after)
    result: list[tuple[int, int]] = []
    depth = 0
    triple = ""  # the open triple quote, if any
    docstring = False
    first = 0
    long = False
    for index, line in enumerate(lines):
        if depth == 0 and not triple:
            first, long = index, False
            docstring = line.lstrip().startswith('"""')
        if triple:
            if docstring:
                # Inside a docstring only the line with the closing quotes counts.
                if len(line) > LINE_LENGTH and line.count('"""') == 1:
                    return None
            elif len(line) > LINE_LENGTH:
                long = True
        elif not docstring and _is_long(line) and not (depth and _LONE_STRING.match(line)):
            # (a one-line docstring: black leaves its length alone; so it does a string literal
            # alone on its line inside brackets: black splits no string)
            long = True
        position = 0
        if triple:
            close = _TRIPLE_END[triple].match(line)
            if close is None:
                continue
            triple, position = "", close.end()
        token = _TOKENS.search(line, position)
        while token is not None:
            text = token.group()
            position = token.end()
            if text in _OPEN:
                depth += 1
            elif text in _CLOSE:
                depth -= 1
            elif text in _TRIPLES:
                close = _TRIPLE_END[text].match(line, position)
                if close is None:
                    triple = text
                    break
                position = close.end()
            elif text[0] == "#":
                break
            elif text[0] in "\"'" and (len(text) < 2 or text[-1] != text[0]):
                return None  # a string that goes on: not something oagen writes
            token = _TOKENS.search(line, position)
        if depth < 0:
            return None
        if depth == 0 and not triple and long:
            result.append((first, index + 1))
    if depth or triple:
        return None
    return result


# What matters to bracket depth on one line: triple quotes, one-line strings (escapes
# included; an unterminated one matches to the end of the line), comments, brackets.
_TOKENS = re.compile(r'"""|' r"'''|" r'"(?:[^"\\\n]|\\.)*"?|' r"'(?:[^'\\\n]|\\.)*'?|#.*|[()\[\]{}]")
_TRIPLES = ('"""', "'''")
_STRING = r"""(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
# A string literal alone on its line (or a dict entry of two), a name (``name as alias`` in an
# import), or a keyword argument that is a name (``name=name``): black has nothing to split there.
_LONE_STRING = re.compile(rf"\s*(?:{_STRING}(?:: {_STRING})?|[A-Za-z_]\w*(?: as [A-Za-z_]\w*|=[A-Za-z_]\w*)?),?$")
_TRIPLE_END = {q: re.compile(r"(?:[^\\" + q[0] + r"]|\\.|" + q[0] + r"(?!" + q[0] * 2 + r"))*" + q) for q in _TRIPLES}
_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")


_MARK = "# oagen: statement"


def _format_statements(statements: list[str]) -> list[str | None]:
    """Each statement (its own indentation kept; a compound statement's header only) formatted
    by black, many in one call: each is wrapped in ``if _:`` blocks to its depth and preceded by
    a marker comment, and the output is cut at the markers. ``None`` for one black refuses."""
    from black.parsing import InvalidInput

    blocks = []
    for text in statements:
        indent = len(text) - len(text.lstrip(" "))
        wrap = "".join(" " * level + "if _:\n" for level in range(0, indent, 4))
        body = text + "".join("\n" + " " * indent + line for line in _tail(text))
        blocks.append(_MARK + "\n" + wrap + body + "\n")
    try:
        output = format_python("".join(blocks))
    except InvalidInput:
        if len(statements) == 1:
            return [None]
        return [r for text in statements for r in _format_statements([text])]
    parts = output.split(_MARK + "\n")[1:]
    if len(parts) != len(statements):  # pragma: no cover - black keeps comments
        return [None] * len(statements)
    results: list[str | None] = []
    for text, part in zip(statements, parts, strict=True):
        indent = len(text) - len(text.lstrip(" "))
        out = [line for line in part.split("\n") if line]
        wrappers, tail = out[:indent // 4], len(_tail(text))
        if any(line != " " * (4 * level) + "if _:" for level, line in enumerate(wrappers)) \
                or len(out) <= len(wrappers) + tail:
            results.append(None)  # pragma: no cover - black keeps the wrapping as it is
            continue
        results.append("\n".join(out[len(wrappers):len(out) - tail]))
    return results


def _tail(text: str) -> tuple[str, ...]:
    """What makes a lone header or decorator a whole statement (indented relative to it)."""
    if text.lstrip().startswith("@"):
        return ("def _():", "    pass")
    if _is_header(text):
        return ("    pass",)
    return ()


def _is_header(text: str) -> bool:
    """A logical line that ends in a colon opens a block (``def``, ``class``, ``if``...)."""
    return text.rstrip().endswith(":")


def _format_statements_many(statements: list[str]) -> list[str | None]:
    """:func:`_format_statements` in black calls of a few hundred lines each."""
    results: list[str | None] = []
    for batch in _batches(statements, max(1, sum(s.count("\n") + 1 for s in statements) // 400)):
        results += _format_statements(batch)
    return results


def _batches(items: list[str], count: int) -> list[list[str]]:
    """``items`` in about ``count`` consecutive batches of similar line counts."""
    total = sum(item.count("\n") + 1 for item in items)
    size = max(1, total // max(1, count))
    batches: list[list[str]] = [[]]
    lines = 0
    for item in items:
        if lines >= size:
            batches.append([])
            lines = 0
        batches[-1].append(item)
        lines += item.count("\n") + 1
    return [b for b in batches if b]


def split_pieces(source: str) -> tuple[list[str], list[str]]:
    """Pieces and the separators between them (``len(separators) == len(pieces) - 1``)."""
    pieces: list[str] = []
    separators: list[str] = []
    last = 0
    for match in _CUT.finditer(source):
        pieces.append(source[last:match.start()] + "\n")
        separators.append(match.group()[1:])
        last = match.end()
    pieces.append(source[last:])
    return pieces, separators


class Formatter:
    """Formats modules piecewise with a content-hash cache (memory, then ``cache_dir``)."""

    def __init__(self, cache_dir: Path | None = None, jobs: int | None = None, *, trust_short: bool = True) -> None:
        # With ``trust_short`` (the default), what black has nothing to split is taken as it is:
        # the templates write black's layout (proved by the ``black --check`` tests).
        self.trust_short = trust_short
        self.cache_dir = cache_dir
        self.jobs = jobs if jobs is not None else min(2, os.cpu_count() or 1)
        self.formatted = 0
        self.cached = 0
        self.statements = 0

    def format_modules(self, sources: dict[str, str]) -> dict[str, str]:
        """Every module formatted; raises black's error for a piece it cannot parse.

        A piece is taken as it is when black has nothing to split in it (the templates write
        black's layout), else only its long logical lines are formatted (all of them in a few
        black calls), else, when the piece cannot be read that way, the whole piece.
        """
        split = {path: split_pieces(text) for path, text in sources.items()}
        ready: dict[str, str] = {}  # piece -> formatted
        spans_of: dict[str, list[tuple[int, int]] | None] = {}
        for pieces, _ in split.values():
            for piece in pieces:
                if piece in ready or piece in spans_of:
                    continue
                spans = _long_statements(piece) if self.trust_short and "\t" not in piece else None
                if spans == []:
                    ready[piece] = piece  # nothing for black to do (no cache needed either)
                else:
                    spans_of[piece] = spans
        keys = {p: self._key(p) for p in spans_of}
        for piece, key in keys.items():
            hit = self._lookup(key)
            if hit is not None:
                ready[piece] = hit
        todo = sorted(p for p in spans_of if p not in ready)
        self.cached += len(spans_of) - len(todo)
        whole = [p for p in todo if spans_of[p] is None]
        partial = {p: spans for p in todo if (spans := spans_of[p])}
        statements = sorted({"\n".join(p.split("\n")[a:b]) for p, spans in partial.items() for a, b in spans})
        done = dict(zip(statements, self._run(statements, _format_statements_many), strict=True))
        for piece, spans in partial.items():
            lines = piece.split("\n")
            out: list[str] = []
            last = 0
            for a, b in spans:
                formatted = done["\n".join(lines[a:b])]
                if formatted is None:
                    whole.append(piece)
                    break
                out += lines[last:a] + [formatted]
                last = b
            else:
                ready[piece] = "\n".join(out + lines[last:])
                self._store(keys[piece], ready[piece])
        self.formatted += len(whole)
        self.statements = len(statements)
        failed: set[str] = set()
        for piece, result in zip(whole, self._run(whole, _format_many), strict=True):
            if result is None:
                failed.add(piece)
            else:
                ready[piece] = result
                self._store(keys[piece], result)
        result_modules = {}
        for path, (pieces, separators) in split.items():
            if any(p in failed for p in pieces):
                result_modules[path] = format_python(sources[path], path)
                continue
            parts = [ready[p] for p in pieces]
            joined = [parts[0]]
            for sep, part in zip(separators, parts[1:], strict=True):
                joined[-1] = joined[-1].rstrip("\n")
                joined += ["\n", sep, part]
            result_modules[path] = "".join(joined)
        return result_modules

    def _run(self, items: list[str], work: Callable[[list[str]], list[str | None]]) -> Iterable[str | None]:
        lines = sum(item.count("\n") + 1 for item in items)
        if self.jobs > 1 and lines >= _PARALLEL_MIN:
            batches = _batches(items, self.jobs * 4)
            with ProcessPoolExecutor(max_workers=self.jobs) as pool:
                for batch in pool.map(work, batches):
                    yield from batch
        else:
            yield from work(items)

    def _key(self, piece: str) -> str:
        return hashlib.sha256(f"{_black_version()}\0{LINE_LENGTH}\0{piece}".encode()).hexdigest()

    def _lookup(self, key: str) -> str | None:
        hit = _MEMORY.get(key)
        if hit is None and self.cache_dir is not None:
            try:
                hit = (self.cache_dir / key[:2] / key).read_text("utf-8")
            except OSError:
                return None
            _MEMORY[key] = hit
        return hit

    def _store(self, key: str, text: str) -> None:
        _MEMORY[key] = text
        if self.cache_dir is None:
            return
        target = self.cache_dir / key[:2] / key
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{key}.{os.getpid()}.tmp")
            tmp.write_text(text, "utf-8")
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written only costs time


def default_cache_dir() -> Path | None:
    """Where formatted pieces are kept (see :func:`generator.cache.cache_dir`)."""
    from .cache import cache_dir

    return cache_dir("black")


def check_python(source: str, path: str) -> Diagnostic | None:
    """A diagnostic when the source does not compile (never written then)."""
    try:
        compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as exc:
        return Diagnostic(code="OAG900", severity=Severity.ERROR,
                          message=f"internal error, please report: generated {path} does not compile: "
                                  f"{exc.msg} at line {exc.lineno}",
                          src=SourceRef(file=path, line=exc.lineno, col=exc.offset))
    return None
