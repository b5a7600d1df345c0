"""Structured diagnostics: collected by every stage, never thrown across stages."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that ``max()`` gives the worst."""

    INFO = 10
    WARNING = 20
    ERROR = 30

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRef:
    """Where a node came from: a JSON pointer in a file, with line/column once located."""

    pointer: str = ""
    file: str = ""
    line: int | None = None
    col: int | None = None

    def child(self, *parts: str | int) -> SourceRef:
        """The reference of a child node (pointer parts escaped per RFC 6901)."""
        return replace(self, pointer=join_pointer(self.pointer, *parts), line=None, col=None)


def escape_pointer_part(part: str | int) -> str:
    """Escape one JSON pointer reference token (RFC 6901 section 3)."""
    text = part if type(part) is str else str(part)
    if "~" not in text and "/" not in text:  # (the common case, tens of thousands of times a run)
        return text
    return text.replace("~", "~0").replace("/", "~1")


def unescape_pointer_part(part: str) -> str:
    """Undo :func:`escape_pointer_part`."""
    return part.replace("~1", "/").replace("~0", "~")


def join_pointer(base: str, *parts: str | int) -> str:
    """Append reference tokens to a JSON pointer."""
    for part in parts:
        base += "/" + escape_pointer_part(part)
    return base


def split_pointer(pointer: str) -> list[str]:
    """Split a JSON pointer (with or without a leading ``#``) into its tokens."""
    pointer = pointer.lstrip("#")
    if not pointer:
        return []
    return [unescape_pointer_part(p) for p in pointer.split("/")[1:]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """One finding with a stable code, a message, where it is, and how to fix it."""

    code: str
    severity: Severity
    message: str
    src: SourceRef = field(default_factory=SourceRef)
    hint: str = ""

    def format(self) -> str:
        """The one-line text form: ``file:line:col: severity[CODE]: message (pointer); hint``."""
        loc = _one_line(self.src.file) or "<spec>"
        if self.src.line is not None:
            loc += f":{self.src.line}:{self.src.col or 1}"
        text = f"{loc}: {self.severity}[{self.code}]: {_one_line(self.message)}"
        if self.src.pointer:
            text += f" (#{_one_line(self.src.pointer)})"
        if self.hint:
            text += f"; {_one_line(self.hint)}"
        return text

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict of this diagnostic."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "file": self.src.file,
            "line": self.src.line,
            "col": self.src.col,
            "pointer": "#" + self.src.pointer,
            "hint": self.hint,
        }


def _one_line(text: str) -> str:
    # Spec text in a message must not move the terminal's cursor or colour it (ESC, CR, bidi
    # overrides): unprintable characters are shown escaped, line breaks as spaces.
    text = " ".join(str(text).split())
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class Diagnostics:
    """An append-only collection of diagnostics, shared by the stages of one run."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[Diagnostic] = ()) -> None:
        self.items: list[Diagnostic] = list(items)

    def add(
        self,
        code: str,
        severity: Severity,
        message: str,
        src: SourceRef | None = None,
        hint: str = "",
    ) -> None:
        """Record one finding."""
        self.items.append(
            Diagnostic(code=code, severity=severity, message=message, src=src or SourceRef(), hint=hint)
        )

    def error(self, code: str, message: str, src: SourceRef | None = None, hint: str = "") -> None:
        """Record an error."""
        self.add(code, Severity.ERROR, message, src, hint)

    def warning(self, code: str, message: str, src: SourceRef | None = None, hint: str = "") -> None:
        """Record a warning."""
        self.add(code, Severity.WARNING, message, src, hint)

    def extend(self, other: Iterable[Diagnostic]) -> None:
        """Append several diagnostics."""
        self.items.extend(other)

    @property
    def has_errors(self) -> bool:
        """True when at least one error was recorded."""
        return any(d.severity >= Severity.ERROR for d in self.items)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def dumps_json(diags: Iterable[Diagnostic]) -> str:
    """Diagnostics as a JSON array (for ``--format json``)."""
    return json.dumps([d.to_json() for d in diags], indent=2, ensure_ascii=False)


class FatalError(Exception):
    """A run cannot go on; carries the diagnostics that say why (caught by api/cli)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\d+")


def message_shape(message: str) -> str:
    """A message without the names and numbers it quotes: two findings of one kind share it."""
    return _QUOTED.sub("_", message)


def counted(message: str, count: int) -> str:
    """``message`` of the first of ``count`` places with the same finding."""
    return f"{message} ({count} places like this; the first is here)" if count > 1 else message


def grouped(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Findings of one kind (one code, one severity, one message shape) as one: the first, with
    how many places are like it. A finding already counted by its stage keeps its count."""
    order: dict[tuple[str, int, str], list[Diagnostic]] = {}
    for d in diags:
        order.setdefault((d.code, int(d.severity), message_shape(d.message)), []).append(d)
    return [first if len(members) == 1 or "places like this" in first.message
            else replace(first, message=counted(first.message, len(members)))
            for first, members in ((m[0], m) for m in order.values())]
