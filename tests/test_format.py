"""The formatter trusts the templates to write black's layout and sends black only what it would
split: these tests prove the output is what black itself makes, piece by piece."""

from __future__ import annotations

import os
from pathlib import Path

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.api import GenerateOptions, load_api, render_files
from generator.format import Formatter, _format_piece, _long_statements, split_pieces
from generator.render import annotated, assigned, docstring, pyrepr, wrap_call
from helpers import ROOT

MODE = black.Mode(line_length=100, target_versions={black.TargetVersion.PY310})
# The shared specs, found as scripts/corpus.py finds them ($OAGEN_SHARED_DIR, ../shared, /work/shared).
SHARED = next((p for p in (Path(os.environ.get("OAGEN_SHARED_DIR", ROOT.parent / "shared")), ROOT.parent / "shared",
                           Path("/work/shared")) if (p / "specs").is_dir()), None)
REAL = SHARED / "specs" / "real" / "swagger2" if SHARED is not None else None


def _black(source: str) -> str:
    return black.format_str(source, mode=MODE)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab'\"\\\n\t\x00é\u200e {N}")), max_size=12))
def test_string_literals_are_black_stable(text: str) -> None:
    source = f"x = {pyrepr(text)}\n"
    assert _black(source) == source
    assert eval(pyrepr(text)) == text


@pytest.mark.parametrize("value", [1e16, 1.5e-7, -2.0, 16**5000, -(16**5000), 0.1], ids=["1e16", "1.5e-7", "-2.0", "huge", "-huge", "0.1"])
def test_number_literals_are_black_stable(value: float) -> None:
    source = f"x = [{pyrepr(value)}]\n"
    if len(source) <= 100:
        assert _black(source) == source
    assert eval(pyrepr(value)) == value


@pytest.mark.parametrize("text", [
    "One line.",
    'Ends with a "quote"',
    '"Starts" with a quote',
    "Two\nlines",
    "  indented\n    continuation\n    lines",
    "Last line is long: " + "word " * 20 + "\nand here " + "x" * 95,
    "Paragraphs\n\n\n  with blank lines\n\n",
])
def test_docstrings_are_laid_out_as_black_does(text: str) -> None:
    source = f'class A:\n    """{docstring(text, 4, closing=True)}\n'
    assert _black(source) == source


def test_wrap_call_matches_black() -> None:
    for args in (["a", "b"], ["_OPERATION_CONSTANT", "(" + ", ".join(f"argument_{i}" for i in range(8)) + ")", "body"],
                 ["_OPERATION", "(" + ", ".join(f"an_argument_number_{i}" for i in range(8)) + ")", "body"]):
        text = wrap_call("response = self._call(", args, ")", 8)
        source = f"class A:\n    def f(self):\n        {text}\n"
        if max(map(len, source.split("\n"))) > 100:  # no layout of its own fits: black's turn
            assert "\n" not in text and _long_statements(source) == [(2, 3)]
        else:
            assert _black(source) == source


def test_nested_wrap_call_matches_black() -> None:
    for n, width in ((2, 10), (4, 40), (8, 12), (12, 30)):
        values = [f"argument_{'x' * width}_{i}" for i in range(n)]
        param = [f'"{v}"' for v in values] + ["False", "True"]
        for indent, head, args in ((8, "response = self._call(", ["_OPERATION_CONSTANT_NAME", ["(", values, ")"]]),
                                   (4, "select: list[str] | None = _rt.decode(", ["request", ["_rt.Param(", param, ")"],
                                                                                 "Annotated[list[str], _rt.unique_items()]"]),
                                   (8, "return cast(", [f'"m.{"Long" * width}Name"', "response.parsed"])):
            text = wrap_call(head, args, ")", indent)
            wrapper = "class A:\n    def f(self):\n" if indent == 8 else "def f():\n"
            source = wrapper + " " * indent + text + "\n"
            if max(map(len, source.split("\n"))) <= 100:
                assert _black(source) == source, source


def _literal(n: int) -> str:
    return "Literal[" + ", ".join(f'"value_number_{i}"' for i in range(n)) + "]"


_HINTS = [hint for atom in ("Foo", "ProtectedBranchPullRequestReviewBypassPullRequestAllowances", "dict[str, Any]")
          for hint in (atom, f"{atom} | None", f"list[{atom}]", f"dict[str, {atom}] | None")]
_HINTS += [hint for n in (2, 9, 14) for hint in (_literal(n), f"{_literal(n)} | str | None", f"list[{_literal(n)}] | None")]
_HINTS += ['Annotated[Annotated[datetime.datetime, _rt.rfc3339("date-time")] | None, Query(alias="since")]']
_LONG = "WebhookPullRequestAssignedPullRequestRequestedReviewersItem"
# X[A | B] (split at the bars inside the brackets), an item of several that is a union, and
# hints without brackets or with a short subscript, whose default black puts in parentheses.
_HINTS += [f"list[{_LONG}1 | {_LONG}2 | None]", f"list[{_literal(9)} | str] | None", f"list[{_literal(3)} | str]",
           f'Annotated[{_literal(14)} | None, Query(alias="status")]', f"dict[str, {_LONG}1 | {_LONG}2]",
           f"{_LONG}{_LONG[:12]} | None", f"list[{_LONG}{_LONG[:8]}] | None", f"{_LONG}.{_LONG[:30]}"]


@pytest.mark.parametrize("name", ["x", "n" * 20, "n" * 44, "one_note_client_url_long_name_here_for_test_abcdefghij"])
def test_annotated_names_are_laid_out_as_black_does(name: str) -> None:
    """Parameters (inside an exploded def) and fields (in a class), every default form the targets
    write: the layout is black's, or the one line that black then splits (never a third one)."""
    handled = 0
    for hint in _HINTS:
        cases = [(8, tail, "class A:\n    def f(\n        self,\n        *,\n        {}\n    ) -> None:\n        pass\n")
                 for tail in (",", " = None,", ' = "open",', " = 30,")]
        cases += [(4, tail, "class A:\n    {}\n") for tail in ("", " = None", ' = Field(default=None, alias="oneNoteUrl")',
                                                           ' = Field(default=["a", "b"], alias="oneNoteUrl")',
                                                           ' = "a default"', " = 30")]
        for indent, tail, shape in cases:
            text = annotated(name, hint, tail, indent)
            source = shape.format(text)
            if max(map(len, source.split("\n"))) > 100:
                assert text == f"{name}: {hint}{tail}"  # black's turn
            else:
                handled += "\n" in text
                assert _black(source) == source, source
    assert handled


@pytest.mark.parametrize("target", ["X", "IssueEventForIssue: TypeAlias", "A" * 70 + ": TypeAlias"])
def test_type_aliases_are_laid_out_as_black_does(target: str) -> None:
    handled = 0
    for n in range(1, 10):
        for value in (" | ".join(f"{_LONG[:k]}{i}" for i, k in zip(range(n), (10, 30, 59) * 4, strict=False)),
                      " | ".join([_literal(n), "str"] + [f"{_LONG}{i}" for i in range(n)]),
                      f"list[{_LONG}] | " + " | ".join(f"{_LONG[:20]}{i}" for i in range(n))):
            text = assigned(target, value)
            if max(map(len, text.split("\n"))) > 100:
                assert text == f"{target} = {value}"  # black's turn
            else:
                handled += "\n" in text
                assert _black(text + "\n") == text + "\n", text
    assert handled


def test_a_union_argument_is_split_at_its_bars_as_black_does() -> None:
    """The server's request body tuples: ``("application/json", "json", A | B | C),``."""
    union = f"m.{_LONG}1 | list[str] | m.{_LONG[:20]}3 | list[m.{_LONG[:9]}4Item] | str"
    for indent in (4, 8, 12):
        text = wrap_call("(", ['"application/json"', '"json"', union], "),", indent)
        assert text.count("\n| ") == 0 and "\n" + " " * (indent + 4) + "| str," in text
        opening = "".join("    " * i + ("x = [\n" if i == indent // 4 - 1 else "if a:\n") for i in range(indent // 4))
        source = opening + " " * indent + text + "\n" + "    " * (indent // 4 - 1) + "]\n"
        assert _black(source) == source, source


def test_long_statements_are_found_exactly() -> None:
    piece = (
        'class A(BaseModel):\n'
        f'    """{"A docstring line that is long " * 4}"""\n'
        "\n"
        f"    # {'a comment that is long ' * 6}\n"
        f"    state: Literal[{', '.join(repr(f'value_number_{i}') for i in range(9))}] | str\n"
        "    short: int = 3\n"
        f'    text: str = "{")" * 120}"\n'
        "    call: int = f(\n"
        f"        {'x' * 60} + {'y' * 60},\n"
        "    )\n"
    )
    assert _long_statements(piece) == [(4, 5), (6, 7), (7, 10)]
    # A name alone on its line (an import's ``name as alias``): black has nothing to split.
    assert _long_statements("from .x import (\n    " + "n" * 60 + " as " + "a" * 60 + ",\n)") == []
    # An unterminated one-line string is not something oagen writes: black gets the piece whole.
    assert _long_statements("x = 'abc\n" + "y" * 120) is None


def _pieces_of(spec: Path) -> list[str]:
    loaded = load_api(str(spec), validate=False)
    assert loaded.api is not None and loaded.resolver is not None
    files, problems = render_files(loaded.api, GenerateOptions(format=False), "pkg", loaded.resolver.root.data)
    assert not problems
    return sorted({p for f in files if f.path.endswith(".py") for p in split_pieces(f.content.decode())[0]})


_REAL_NAMES = ("akamai.yaml", "slack.yaml", "twilio.yaml")
# A real spec is skipped only when the shared folder is absent altogether (a checkout without
# ../shared); one missing from the folder that is there fails the test.
SPECS = [pytest.param(ROOT / "specs" / "aws-cognito-merged.yaml", id="aws-cognito-merged"),
         pytest.param(ROOT / "specs" / "features" / "params-3.0.yaml", id="params-3.0")]
SPECS += [pytest.param(REAL / name if REAL is not None else Path(name), id=name.removesuffix(".yaml"),
                       marks=[] if REAL is not None else [pytest.mark.skip(
                           reason="the shared specs folder is absent (set OAGEN_SHARED_DIR to it)")])
          for name in _REAL_NAMES]


@pytest.mark.slow
@pytest.mark.parametrize("spec", SPECS)
def test_every_piece_is_what_black_makes_of_it(spec: Path) -> None:
    """What the formatter makes of each rendered piece (as it is, or with only its long
    statements through black) equals black's formatting of the whole piece."""
    assert spec.is_file(), f"{spec} is missing"
    pieces = _pieces_of(spec)
    formatted = Formatter(None, jobs=1).format_modules({f"m{i}.py": p for i, p in enumerate(pieces)})
    differ = [p for i, p in enumerate(pieces) if _format_piece(p) not in (None, formatted[f"m{i}.py"])]
    assert not differ, f"{len(differ)} of {len(pieces)} pieces differ from black's, the first:\n{differ[0]}"


def _long_shapes_spec(path: Path) -> Path:
    """A spec whose generated code has every long shape the templates lay out themselves: long
    enum array parameters (their type on a line of its own), long path parameter names, fields
    whose ``Field(...)`` default goes in parentheses or splits, ``X[A | B]`` fields, long union
    type aliases and request bodies that are long unions."""
    import json

    long = "managed_device_mobile_app_configuration_user_status_summary_identifier"
    values = [f"value_{i}_{'x' * (i % 7)}" for i in range(24)]
    names = [f"MicrosoftGraphAuthenticationMethodSignInStateVariant{i}Of{'Many' * i}" for i in range(1, 5)]
    schemas: dict[str, object] = {n: {"type": "object", "properties": {"a": {"type": "string"}}} for n in names}
    schemas["Holder"] = {"type": "object", "properties": {
        "smsSignInStateAndSomeMore": {"oneOf": [{"$ref": f"#/components/schemas/{names[0]}"},
                                                {"type": "object", "additionalProperties": True}],
                                      "nullable": True},
        "X": {"oneOf": [{"$ref": f"#/components/schemas/{names[1]}"}, {"type": "object"}], "nullable": True},
        "reviewers": {"type": "array", "items": {"oneOf": [{"$ref": f"#/components/schemas/{n}"} for n in names[:3]]}},
        "events": {"type": "array", "items": {"type": "string", "enum": values}}, "count": {"type": "integer"}},
        "required": ["reviewers"]}
    schemas["Either"] = {"oneOf": [{"$ref": f"#/components/schemas/{n}"} for n in names]}
    params = [{"name": long, "in": "path", "required": True, "schema": {"type": "string"}},
              {"name": "$select", "in": "query", "explode": False, "schema": {"type": "array", "uniqueItems": True,
                                                            "items": {"type": "string", "enum": values}}},
              {"name": "$orderby", "in": "query", "explode": False, "schema": {"type": "array", "uniqueItems": True,
                                                             "items": {"type": "string", "enum": values[:6]}}}]
    body = {"content": {"application/json": {"schema": {"oneOf": [
        {"$ref": f"#/components/schemas/{n}"} for n in names] + [{"type": "array", "items": {"type": "string"}}]}}}}
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {
        "$ref": "#/components/schemas/Holder"}}}}}
    spec = {"openapi": "3.0.3", "info": {"title": "Shapes", "version": "1"}, "paths": {
        f"/things/{{{long}}}": {"get": {"operationId": "listThingsOfAManagedDeviceConfiguration",
                                        "parameters": params, "responses": ok},
                                "put": {"operationId": "putThing", "parameters": params[:1], "requestBody": body,
                                        "responses": ok}}},
        "components": {"schemas": schemas}}
    path.write_text(json.dumps(spec))
    return path


def test_long_shapes_are_written_in_blacks_layout(tmp_path: Path) -> None:
    """Nothing of this spec's output goes to black, and every piece is what black makes of it."""
    pieces = _pieces_of(_long_shapes_spec(tmp_path / "shapes.json"))
    text = "\n".join(pieces)
    for shape in ("    select: (\n", "    select = _rt.decode(\n", "Annotated[\n        str, _rt.restored(), Path()\n    ],", " = (\n        Field(",
                  "reviewers: list[\n", "Either: TypeAlias = (\n", "            | list[str],\n"):
        assert shape in text, shape
    formatter = Formatter(None, jobs=1)
    formatter.format_modules({f"m{i}.py": p for i, p in enumerate(pieces)})
    assert formatter.statements == 0 and formatter.formatted == 0
    differ = [p for p in pieces if _format_piece(p) not in (None, p)]
    assert not differ, differ[0]
