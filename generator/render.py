"""Jinja2 rendering: templates stitch, filters escape; nothing else decides here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2

_PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
_SOURCE_TEMPLATES = Path(__file__).parent.parent / "templates"


def template_dir() -> Path:
    """The built-in templates: inside the installed package, or the checkout's top-level folder."""
    return _PACKAGE_TEMPLATES if _PACKAGE_TEMPLATES.is_dir() else _SOURCE_TEMPLATES


def pyrepr(value: Any) -> str:
    """A Python literal of a value (spec text is only ever emitted through this or docstring)."""
    if isinstance(value, str):
        return _str_literal(value)
    return repr(value)


def _str_literal(text: str) -> str:
    # repr() escapes quotes, backslashes and control characters; we also escape the Unicode
    # line separators so that no literal spans lines.
    out = repr(text)
    return out.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85")


def docstring(text: str, indent: int = 4) -> str:
    """Text made safe for the inside of a triple-quoted docstring."""
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]", lambda m: f"\\x{ord(m.group()):02x}"
                  if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text)
    lines = [line.rstrip() for line in text.strip().splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    if lines and lines[-1].endswith('"'):
        lines[-1] = lines[-1][:-1] + '\\"'
    pad = " " * indent
    return ("\n" + pad).join(lines).replace("\n" + pad + "\n", "\n\n").rstrip()


def comment(text: str) -> str:
    """Text made safe for a single ``#`` comment line."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f\x85\u2028\u2029]", " ", text).split())


def md(text: str) -> str:
    """Text made safe for one Markdown table cell or paragraph line (no HTML, no pipes)."""
    text = " ".join(str(text).split())
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def environment(user_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment: the user's templates first, then ours."""
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_dir)))
    loaders.append(jinja2.FileSystemLoader(str(template_dir())))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["pyrepr"] = pyrepr
    env.filters["docstring"] = docstring
    env.filters["comment"] = comment
    env.filters["md"] = md
    return env


def render(env: jinja2.Environment, template: str, context: dict[str, Any]) -> str:
    """One template rendered with its context."""
    return env.get_template(template).render(**context)
