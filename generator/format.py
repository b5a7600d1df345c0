"""black's style, and the compile check every generated Python file must pass."""

from __future__ import annotations

import ast

from .diagnostics import Diagnostic, Severity, SourceRef

LINE_LENGTH = 100


def format_python(source: str, path: str) -> str:
    """Format with black (the style authority the user chose)."""
    import black

    mode = black.Mode(line_length=LINE_LENGTH, target_versions={black.TargetVersion.PY310})
    try:
        return black.format_str(source, mode=mode)
    except black.NothingChanged:
        return source


def check_python(source: str, path: str) -> Diagnostic | None:
    """A diagnostic when the source does not compile (never written then)."""
    try:
        compile(ast.parse(source, filename=path), path, "exec")
    except SyntaxError as exc:
        return Diagnostic(code="OAG900", severity=Severity.ERROR,
                          message=f"internal error, please report: generated {path} does not compile: "
                                  f"{exc.msg} at line {exc.lineno}",
                          src=SourceRef(file=path, line=exc.lineno, col=exc.offset))
    return None
