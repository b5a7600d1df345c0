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
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .diagnostics import Diagnostic, Severity, SourceRef

LINE_LENGTH = 100
_PARALLEL_MIN = 300
_CUT = re.compile(r"\n\n+(?=(?:async def |def |class |@|    async def |    def |    @)\S)")
_MEMORY: dict[str, str] = {}


def _mode():  # type: ignore[no-untyped-def]
    import black

    return black.Mode(line_length=LINE_LENGTH, target_versions={black.TargetVersion.PY310})


def _black_version() -> str:
    import black

    return str(black.__version__)


def format_python(source: str, path: str = "") -> str:
    """Format a whole module with black (uncached)."""
    import black

    try:
        return black.format_str(source, mode=_mode())
    except black.NothingChanged:  # pragma: no cover - format_str does not raise it
        return source


def _format_piece(piece: str) -> str | None:
    """A formatted piece, or ``None`` when the cut fell inside a string (the module is then
    formatted whole)."""
    import black

    try:
        if piece.startswith("    "):
            return format_python("class _:\n" + piece).split("\n", 1)[1]
        return format_python(piece)
    except black.InvalidInput:
        return None


def _format_many(pieces: list[str]) -> list[str | None]:
    return [_format_piece(p) for p in pieces]


def _fits(piece: str) -> bool:
    return all(len(line) <= LINE_LENGTH for line in piece.split("\n")) and "\t" not in piece


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

    def __init__(self, cache_dir: Path | None = None, jobs: int | None = None, *, trust_short: bool = False) -> None:
        # With ``trust_short``, a piece whose lines all fit is taken as black-stable without
        # asking black: the templates emit black's layout (proved by tests/test_format.py).
        self.trust_short = trust_short
        self.cache_dir = cache_dir
        self.jobs = jobs if jobs is not None else min(2, os.cpu_count() or 1)
        self.formatted = 0
        self.cached = 0

    def format_modules(self, sources: dict[str, str]) -> dict[str, str]:
        """Every module formatted; raises black's error for a piece it cannot parse."""
        split = {path: split_pieces(text) for path, text in sources.items()}
        all_pieces = {p for pieces, _ in split.values() for p in pieces}
        trusted = {p for p in all_pieces if self.trust_short and _fits(p)}
        for p in trusted:
            _MEMORY.setdefault(self._key(p), p)
        keys = {p: self._key(p) for p in all_pieces}
        todo = sorted({p for p, k in keys.items() if self._lookup(k) is None})
        self.cached += len(keys) - len(todo)
        self.formatted += len(todo)
        failed: set[str] = set()
        for piece, result in zip(todo, self._run(todo), strict=True):
            if result is None:
                failed.add(piece)
            else:
                self._store(keys[piece], result)
        result_modules = {}
        for path, (pieces, separators) in split.items():
            if any(p in failed for p in pieces):
                result_modules[path] = format_python(sources[path], path)
                continue
            parts = [self._lookup(keys[p]) or "" for p in pieces]
            out = parts[0]
            for sep, part in zip(separators, parts[1:], strict=True):
                out = out.rstrip("\n") + "\n" + sep + part
            result_modules[path] = out
        return result_modules

    def _run(self, pieces: list[str]) -> Iterable[str | None]:
        if self.jobs > 1 and len(pieces) >= _PARALLEL_MIN:
            chunk = max(1, len(pieces) // (self.jobs * 4))
            batches = [pieces[i:i + chunk] for i in range(0, len(pieces), chunk)]
            with ProcessPoolExecutor(max_workers=self.jobs) as pool:
                for batch in pool.map(_format_many, batches):
                    yield from batch
        else:
            yield from _format_many(pieces)

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
