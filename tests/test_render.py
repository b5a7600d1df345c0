"""The escaping filters: spec text stays data in every context, for every class of character."""

from __future__ import annotations

import ast
import math
from pathlib import Path

import pytest
import tomllib
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import ir
from helpers import SPECS
from generator.render import comment, docstring, md, pyrepr, toml

MARKER = "/tmp/oagen-render-MARKER"
# One of each class the issue names, and their combinations.
PAYLOADS = [
    "plain", "", " ", "\\", "\\\\", '"', "'", '"""', "'''", '""""', '"""""', '""""""', 'a"', 'a""', 'a"""',
    '\\"', '\\"""', 'ends with backslash\\', '"""; open("' + MARKER + '", "w")#',
    "'''; open('" + MARKER + "', 'w')#", "\\N{BULLET}", "\\N{", "\\x41\\u0041\\U00000041\\101",
    "line1\nline2", "\n\n\nlead and trail\n\n", "\r\n__import__('os')\r", "\rx", "tab\there",
    "nul\x00byte", "esc\x1b[2Jclear", "bell\x07", "vt\x0bff\x0cfs\x1cgs\x1drs\x1eus\x1f", "del\x7f",
    "nel\x85after", "ls\u2028ps\u2029after", "bidi\u202eoverride\u202c", "zw\u200bsp\ufeffbom", "nbsp\xa0",
    "lone \ud800 surrogate", "\udfff", "emoji 🐍 and 日本語", "{__import__('os').system('x')}", "{{x}}", "}{",
    "%s %(x)s", "$x ${x}", "<script>|pipe|`tick`*star*_u_[a](b)#h&amp;!", "\\\n", '"\n"', '\\"\n',
]


def texts() -> st.SearchStrategy[str]:
    every = st.characters(codec=None, categories=None)
    return st.one_of(st.sampled_from(PAYLOADS), st.text(every, max_size=40),
                     st.lists(st.sampled_from(PAYLOADS), max_size=5).map("".join))


def _printable_source(source: str) -> None:
    assert all(ch.isprintable() or ch in "\n " for ch in source), repr(source)


@pytest.mark.parametrize("text", PAYLOADS)
def test_pyrepr_round_trips_every_string(text: str) -> None:
    literal = pyrepr(text)
    _printable_source(literal)
    assert "\n" not in literal
    tree = ast.parse(literal, mode="eval")
    assert isinstance(tree.body, ast.Constant) and tree.body.value == text


def test_pyrepr_json_values() -> None:
    value = {"a": [1, 2.5, None, True, "x'\"", {"b": []}], "c\n": -3}
    assert ast.literal_eval(pyrepr(value)) == value
    frozen = ir.freeze(value)
    assert pyrepr(frozen) == pyrepr(value)
    assert pyrepr((1, "a")) == '[1, "a"]'
    assert pyrepr(float("inf")) == 'float("inf")' and pyrepr(float("-inf")) == 'float("-inf")'
    assert pyrepr(float("nan")) == 'float("nan")'
    assert eval(pyrepr([float("inf"), float("-inf")]), {"__builtins__": {"float": float}}) == [math.inf, -math.inf]
    huge = 16**5000
    assert eval(pyrepr(huge)) == huge  # over int/str's digit limit: written in hex
    with pytest.raises(TypeError):
        pyrepr(object())


def _docstring_module(text: str, indent: int) -> str:
    pad = " " * indent
    return f'class C:\n    def f(self):\n{pad}"""{docstring(text, indent)}"""\n{pad}return 1\n'


@pytest.mark.parametrize("text", PAYLOADS)
@pytest.mark.parametrize("indent", [0, 8])
def test_docstring_stays_a_docstring(text: str, indent: int) -> None:
    if indent == 0:
        source = f'"""{docstring(text, 0)}"""\nx = 1\n'
        tree = ast.parse(source)
        assert len(tree.body) == 2
        value = tree.body[0].value.value  # type: ignore[attr-defined]
    else:
        source = _docstring_module(text, indent)
        tree = ast.parse(source)
        func = tree.body[0].body[0]  # type: ignore[attr-defined]
        assert len(func.body) == 2
        value = func.body[0].value.value
    _printable_source(source)
    assert value.split() == text.replace("\r", "\n").split()  # the words survive, unchanged


@pytest.mark.parametrize("text", PAYLOADS)
def test_comment_stays_one_comment(text: str) -> None:
    line = comment(text)
    source = f"x = 1  # {line}\ny = 2\n"
    _printable_source(source)
    assert "\n" not in line
    assert [type(s) for s in ast.parse(source).body] == [ast.Assign, ast.Assign]


@pytest.mark.parametrize("text", PAYLOADS)
def test_md_is_one_inert_line(text: str) -> None:
    line = md(text)
    _printable_source(line)
    assert "\n" not in line
    for ch in "|<>`":
        assert line.count(ch) == line.count("\\" + ch)


@pytest.mark.parametrize("text", PAYLOADS)
def test_toml_round_trips(text: str) -> None:
    value = tomllib.loads(f"a = {toml(text)}\n")["a"]
    assert value == "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(texts())
def test_filters_on_any_text(text: str) -> None:
    test_pyrepr_round_trips_every_string(text)
    test_docstring_stays_a_docstring(text, 8)
    test_comment_stays_one_comment(text)
    test_md_is_one_inert_line(text)
    test_toml_round_trips(text)


def test_templates_prepared_by_another_process_render_the_same_files() -> None:
    """A big spec's templates are compiled, and their identifiers read, by a helper process while
    the spec is normalized: rendering from what it hands over gives the same files."""
    from helpers import SPECS

    from generator import safety
    from generator.api import GenerateOptions, load_api, prepare_templates, render_files
    from generator.fork import Forked

    loaded = load_api(str(SPECS / "aws-cognito-merged.yaml"), validate=False)
    assert loaded.api is not None
    code, identifiers = Forked(prepare_templates, None).result()
    assert len(code) >= 20 and any(name == "client/client.py.jinja" for name, _ in identifiers)
    safety._VOCABULARY_CACHE.clear()  # (what this process learned itself before)
    options = GenerateOptions(format=False)
    prepared, _ = render_files(loaded.api, options, "cognito", prepared=(code, identifiers))
    assert safety._VOCABULARY_CACHE.keys() >= identifiers.keys()
    plain, _ = render_files(loaded.api, options, "cognito")
    assert [(f.path, f.content) for f in prepared] == [(f.path, f.content) for f in plain] and prepared


def test_a_forked_value_no_longer_needed_is_discarded() -> None:
    import os
    import time

    from generator.fork import Forked

    forked = Forked(time.sleep, 60)
    pid = forked._pid
    assert pid
    forked.discard()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # stopped and reaped
    forked.discard()  # twice: nothing to do


def test_a_broken_template_the_run_does_not_use_does_not_stop_the_preparation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from generator.api import prepare_templates

    (tmp_path / "unused.py.jinja").write_text("{% if %}broken")
    code, identifiers = prepare_templates(tmp_path)
    assert len(code) >= 20 and not any(name == "unused.py.jinja" for name, _ in identifiers)


def test_a_template_edited_between_runs_in_one_process_is_compiled_again(tmp_path: Path) -> None:
    """Compiled templates are kept for the process's next run (`oagen watch`, build hooks), by
    template file and source: an edited template (a user's override here) is never served stale."""
    from generator.api import GenerateOptions, generate

    user = tmp_path / "tpl"
    readme = user / "package" / "README.md.jinja"
    readme.parent.mkdir(parents=True)
    for n, text in enumerate(("first {{ api.title }}\n", "second {{ api.title }}\n", "first {{ api.title }}\n")):
        readme.write_text(text, "utf-8")
        out = tmp_path / f"out{n}"
        result = generate(str(SPECS / "petstore" / "petstore-3.0.yaml"), out,
                          GenerateOptions(package="pets", templates=user, format=False))
        assert result.ok, [d.format() for d in result.diagnostics]
        assert (out / "README.md").read_text("utf-8").startswith(text.split()[0] + " "), text
