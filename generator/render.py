"""Jinja2 rendering: templates stitch, filters escape; nothing else decides here."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2

from .ir import JSONObject

_PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
_SOURCE_TEMPLATES = Path(__file__).parent.parent / "templates"


def template_dir() -> Path:
    """The built-in templates: inside the installed package, or the checkout's top-level folder."""
    return _PACKAGE_TEMPLATES if _PACKAGE_TEMPLATES.is_dir() else _SOURCE_TEMPLATES


# Spec text is data. It reaches generated files only through these filters (security
# relevant: a string that escaped its literal would run in the user's process at import):
#   pyrepr    any JSON value as a Python literal expression (strings through repr())
#   pytuple   a sequence of JSON values as a Python tuple literal (items through pyrepr)
#   docstring text for the inside of a triple-quoted string
#   comment   text for one ``#`` comment line
#   md        text for one line of Markdown
#   toml      a TOML basic string
# Characters that are not printable (control and format characters such as NUL, ESC, the
# bidirectional overrides of "Trojan Source", lone surrogates, U+0085, U+2028/2029) are
# escaped inside literals and removed from comments and Markdown; they never reach a file raw.

_KEEP = frozenset("\n ")
_LINE_LENGTH = 100  # black's, as generator.format uses it


def _unprintable(ch: str) -> bool:
    return not ch.isprintable() and ch not in _KEEP


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def pyrepr(value: object) -> str:
    """A Python literal expression of a JSON value: str, int, float (also inf and nan), bool,
    None, lists/tuples and dicts (or the IR's frozen ``JSONObject``) of those."""
    if isinstance(value, str):
        return _string_literal(value)
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        try:
            return repr(value)
        except ValueError:  # over sys.get_int_max_str_digits(): hex has no such limit
            return ("-" if value < 0 else "") + "0x" + format(abs(value), "X")  # black's digit case
    if isinstance(value, float):
        if math.isnan(value):
            return 'float("nan")'
        if math.isinf(value):
            return 'float("inf")' if value > 0 else 'float("-inf")'
        return repr(value).replace("e+", "e")  # black writes 1e16, not 1e+16
    if isinstance(value, list | tuple):
        return "[" + ", ".join(pyrepr(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(str(k))}: {pyrepr(v)}" for k, v in value.items()) + "}"
    if isinstance(value, JSONObject):
        return "{" + ", ".join(f"{pyrepr(str(k))}: {pyrepr(v)}" for k, v in value.items) + "}"
    raise TypeError(f"pyrepr: no literal for a {type(value).__name__}")


def fits(text: object, indent: int = 0) -> bool:
    """Whether ``text`` fits on one line at ``indent`` in black's width."""
    return indent + len(str(text)) <= _LINE_LENGTH


def wrap_call(head: str, args: list[Any], tail: str = ")", indent: int = 0) -> str:
    """``head`` + ``args`` + ``tail`` laid out as black lays out a call (``head`` ends with the
    opening bracket): on one line when it fits, else the arguments on one line of their own,
    else one per line with a trailing comma. An argument given as ``[head, args, tail]`` is a
    call (or tuple) of its own, laid out the same way on its line when it does not fit there; a
    union (``A | B``) that does not fit is split at its bars. When no layout fits, the one line is
    returned and black splits it. Lines after the first are indented (the first is not)."""
    flat = [_flat(arg) for arg in args]
    one = head + ", ".join(flat) + tail
    if fits(one, indent):
        return one
    pad = " " * indent
    inner = ", ".join(flat)
    if fits(inner, indent + 4):
        return f"{head}\n{pad}    {inner}\n{pad}{tail}"
    lines = []
    for arg, text in zip(args, flat, strict=True):
        if fits(text + ",", indent + 4):
            lines.append(text + ",")
        elif isinstance(arg, list | tuple) and fits(arg[0], indent + 4) and len(arg[1]) > 1:
            nested = wrap_call(arg[0], list(arg[1]), arg[2] + ",", indent + 4)
            if nested == text + ",":
                return one
            lines.append(nested)
        elif isinstance(arg, str) and (body := _union_lines(_top_level(text, " | "), indent + 4)) is not None \
                and len(body) > 1 and fits(body[-1] + ",", indent + 4):
            lines.append(body[0] + "".join(f"\n{pad}    {line}" for line in body[1:]) + ",")  # split at its bars
        else:
            return one
    return head + "".join(f"\n{pad}    {line}" for line in lines) + f"\n{pad}{tail}"


def _flat(arg: object) -> str:
    # ``arg`` comes from a template: a string, or a nested call ``[head, args, tail]``.
    if isinstance(arg, list | tuple):
        head, args, tail = arg
        return f"{head}{', '.join(_flat(a) for a in args)}{tail}"
    return str(arg)


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|[\[\](){}]| \| |, ')
_ATOM = re.compile(r'None|True|False|-?[0-9][0-9a-fA-Fxe.+-]*|"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_FIELD = re.compile(r'Field\((?:default=(?:None|True|False|-?[0-9.e+-]+|"(?:[^"\\]|\\.)*"), )?'
                    r'alias="(?:[^"\\]|\\.)*"\)')
_SUBSCRIPT = re.compile(r"[A-Za-z_][\w.]*\[")


def _top_level(text: str, separator: str) -> list[str]:
    """``text`` cut at ``separator`` (``" | "`` or ``", "``) outside brackets and strings."""
    parts, depth, start = [], 0, 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "([{":
            depth += 1
        elif token in ")]}":
            depth -= 1
        elif token == separator and depth == 0:
            parts.append(text[start:match.start()])
            start = match.end()
    return parts + [text[start:]]


def _closes_last(text: str, start: int) -> bool:
    """True when the bracket opened just before ``start`` closes at the end of ``text``."""
    depth = 1
    for match in _TOKEN.finditer(text, start):
        token = match.group()
        if token in "([{":
            depth += 1
        elif token in ")]}":
            depth -= 1
            if depth == 0:
                return match.end() == len(text)
    return False


def _type_lines(hint: str, indent: int, tail: str = "", prefix: str = "") -> list[str] | None:
    """``prefix`` + a type expression + ``tail`` as black splits it over lines at ``indent``: the
    lines without their indentation (``None`` when this does not know black's answer)."""
    if fits(prefix + hint + tail, indent):
        return [prefix + hint + tail]
    match = _SUBSCRIPT.match(hint)
    if match is None or not _closes_last(hint, match.end()):
        return None
    head, inner = prefix + hint[:match.end()], hint[match.end():-1]
    items = _top_level(inner, ", ")
    if fits(inner, indent + 4):
        return [head, "    " + inner, "]" + tail]
    if len(items) == 1:  # X[Y]: Y on lines of its own (X[A | B]: split at the bars)
        members = _top_level(inner, " | ")
        body = _type_lines(inner, indent + 4) if len(members) == 1 else _union_lines(members, indent + 4)
        if body is None:
            return None
        return [head, *("    " + line for line in body), "]" + tail]
    lines = [head]
    for item in items:
        members = _top_level(item, " | ")
        if len(members) > 1 and not fits(item + ",", indent + 4):
            body = _union_lines(members, indent + 4)
            if body is None or not fits(body[-1] + ",", indent + 4):
                return None
            body[-1] += ","
        else:
            body = _type_lines(item, indent + 4, ",")
        if body is None:
            return None
        lines += ["    " + line for line in body]
    return lines + ["]" + tail]


def _parenthesized(head: str, value: str, members: list[str], closing: str, indent: int) -> str | None:
    """``head`` + ``(`` + a union + ``closing``, as black puts a union in parentheses: whole on a line
    of its own, else one member a line (``None`` when that does not fit either)."""
    lines = [value] if fits(value, indent + 4) else _union_lines(members, indent + 4)
    if lines is None:
        return None
    pad = " " * indent
    return f"{head}(\n" + "\n".join(f"{pad}    {line}" for line in lines) + f"\n{pad}{closing}"


def _union_lines(members: list[str], indent: int) -> list[str] | None:
    """``A | B | C`` split at its bars at ``indent`` (the first member split at its brackets when
    it must be), or ``None`` when a later member does not fit alone."""
    lines = _type_lines(members[0], indent)
    rest = ["| " + member for member in members[1:]]
    if lines is None or not all(fits(line, indent) for line in rest):
        return None
    return lines + rest


def annotated(name: str, hint: str, tail: str = "", indent: int = 0) -> str:
    """``name: hint`` + ``tail`` (``" = None"``, ``","``...) laid out as black lays out an annotated
    name: on one line when it fits; a union in parentheses (whole, else one member a line); a
    subscript split at its brackets. The one line (for black to split) when this does not know
    black's answer: a default that is not an atom, a member too long even alone..."""
    one = f"{name}: {hint}{tail}"
    if fits(one, indent):
        return one
    call = f"{name}: {hint} = Field("
    if tail.startswith(" = Field(") and tail.endswith(")") and fits(call, indent):
        # black splits a Field call at its brackets when its head fits
        return wrap_call(call, _top_level(tail[len(" = Field("):-1], ", "), ")", indent)
    default = tail.rstrip(",").removeprefix(" = ")
    if tail.rstrip(",") and (not tail.startswith(" = ") or not (_ATOM.fullmatch(default) or _FIELD.fullmatch(default))):
        return one
    pad = " " * indent
    if not tail.endswith(",") and tail and fits(f"{name}: {hint} = (", indent):
        # else it puts the default (an atom or a Field call) in parentheses
        return f"{name}: {hint} = (\n{pad}    {default}\n{pad})" if fits(default, indent + 4) else one
    members = _top_level(hint, " | ")
    if len(members) > 1:
        closing = ")" + tail
        if not fits(closing, indent):
            return one
        return _parenthesized(f"{name}: ", hint, members, closing, indent) or one
    body = _type_lines(hint, indent, tail, f"{name}: ")
    if body is None:
        return one
    return "\n".join(body[:1] + [pad + line for line in body[1:]])


def assigned(target: str, value: str, indent: int = 0) -> str:
    """``target = value`` for a type expression ``value`` (a type alias), laid out as black lays
    it out: on one line when it fits, else a union in parentheses (whole, else one member a
    line). The one line (for black to split) otherwise."""
    one = f"{target} = {value}"
    members = _top_level(value, " | ")
    if fits(one, indent) or len(members) == 1 or not fits(f"{target} = (", indent):
        return one
    return _parenthesized(f"{target} = ", value, members, ")", indent) or one


def pytuple(values: Iterable[object]) -> str:
    """A tuple literal of JSON values, laid out as black writes it (``("a",)``, ``("a", "b")``)."""
    items = [pyrepr(v) for v in values]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _string_literal(value: str) -> str:
    """repr() with black's choice of quotes (so the output is black-stable as emitted).

    repr() escapes quotes, backslashes and every character that is not printable
    (str.isprintable), so the literal is one line of ASCII-safe, inert source text. black prefers
    double quotes unless they need more escapes than single ones.
    """
    text = repr(value)
    if text[0] == '"':  # repr chose double quotes: the value has ' and no "
        return text
    doubles = value.count('"')
    if doubles == 0:
        return '"' + text[1:-1] + '"'
    singles = value.count("'")
    if doubles > singles:
        return text
    # Both kinds: unescape the single quotes repr escaped, escape the double ones.
    return '"' + text[1:-1].replace("\\'", "'").replace('"', '\\"') + '"'


def docstring(text: object, indent: int = 4, closing: bool = False) -> str:
    """Text made safe for the inside of a triple-quoted (non-raw) docstring, lines indented.

    The result is laid out as black lays out docstrings: lines stripped on the right, the
    continuation lines' common indentation removed. With ``closing``, the closing quotes are
    appended, on a line of their own when black would put them there (a multi-line docstring
    whose last line has no room for them).
    """
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    # Backslashes first (so that no escape sequence, ``\\N{...}`` included, is formed), then
    # quotes, then every unprintable character as an escape sequence: what Python reads back
    # is the original text, and no character of it can end the string or the line.
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if not text.replace("\n", "").isprintable():  # (the common case skips the per-character pass)
        text = "".join(_escape_char(ch) if _unprintable(ch) else ch for ch in text)
    lines = [line.rstrip() for line in text.strip().split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    if lines and lines[-1].endswith('"') and _backslashes_before(lines[-1], len(lines[-1]) - 1) % 2 == 0:
        # A last quote would merge with the closing ones: black pads it with a space when the
        # closing quotes follow, so do the same; else escape it.
        lines[-1] = lines[-1] + " " if closing else lines[-1][:-1] + '\\"'
    if lines and lines[0].startswith('"'):
        lines[0] = '\\' + lines[0]  # a first quote would merge with the opening ones
    margin = min((len(line) - len(line.lstrip(" ")) for line in lines[1:] if line), default=0)
    lines[1:] = [line[margin:] for line in lines[1:]]
    pad = " " * indent
    body = "\n".join([lines[0] if lines else ""] + [pad + line if line else "" for line in lines[1:]])
    if not closing:
        return body
    if len(lines) > 1 and indent + len(lines[-1]) + 3 > _LINE_LENGTH:
        return body + "\n" + pad + '"""'
    return body + '"""'


def _backslashes_before(text: str, index: int) -> int:
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count


def comment(text: object) -> str:
    """Text made safe for a single ``#`` comment line (unprintable characters dropped)."""
    text = str(text)
    if not text.replace("\n", "").isprintable():
        text = "".join(" " if _unprintable(ch) else ch for ch in text)
    return " ".join(text.split())


def md(text: object) -> str:
    """Text made safe for one Markdown table cell or paragraph line (no HTML, no pipes)."""
    line = " ".join("".join(" " if _unprintable(ch) else ch for ch in str(text)).split())
    for ch in "\\`*_[]<>|#&!":
        line = line.replace(ch, "\\" + ch)
    return line


def toml(text: object) -> str:
    """A TOML basic string (TOML 1.0 section "String"): quotes, backslashes and control
    characters escaped; lone surrogates, which TOML cannot hold, replaced."""
    out = []
    for ch in str(text):
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


class TemplateCode(jinja2.BytecodeCache):
    """Compiled templates kept in memory, by Jinja's cache key (the template's name and file);
    Jinja itself rejects code whose template source changed since. One process compiles every
    template (``code`` then holds them all), others start from its ``code``."""

    def __init__(self, code: dict[str, bytes] | None = None) -> None:
        self.code = dict(code or {})

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.code.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


# The templates this process has compiled (a process that generates again, as `oagen watch`, a build
# hook or a test run does, compiles each template once; Jinja recompiles one whose source changed).
_COMPILED = TemplateCode()


def environment(user_dir: Path | None = None, code: TemplateCode | None = None) -> jinja2.Environment:
    """The Jinja2 environment: the user's templates first, then ours (``code``: templates
    compiled already; by default the ones this process compiled before)."""
    if code is None:
        code = _COMPILED
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
        bytecode_cache=code,
    )
    env.filters["pyrepr"] = pyrepr
    env.filters["pytuple"] = pytuple
    env.tests["fitting"] = fits
    env.globals["wrap_call"] = wrap_call
    env.globals["annotated"] = annotated
    env.globals["assigned"] = assigned
    env.filters["docstring"] = docstring
    env.filters["comment"] = comment
    env.filters["md"] = md
    env.filters["toml"] = toml
    return env


def render(env: jinja2.Environment, template: str, context: dict[str, Any]) -> str:
    """One template rendered with its context."""
    return env.get_template(template).render(**context)
