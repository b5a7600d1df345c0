"""Loader: YAML 1.2 scalars, string keys, streams, limits, and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import FatalError
from generator.loader import Limits, load, load_text


def test_yaml12_scalars_stay_strings() -> None:
    doc = load_text("a: NO\nb: on\nc: 2014-06-30\nd: yes\ne: true\nf: 12\ng: 1.5\nh: ~\ni: 0o17\n", "t.yaml")
    assert doc.data == {"a": "NO", "b": "on", "c": "2014-06-30", "d": "yes", "e": True, "f": 12, "g": 1.5,
                        "h": None, "i": 15}


def test_keys_are_their_text() -> None:
    doc = load_text("responses:\n  200:\n    description: OK\n  1.0: x\n  true: y\n", "t.yaml")
    assert list(doc.data["responses"]) == ["200", "1.0", "true"]


def test_trailing_document_marker_uses_the_one_document(seed_spec: Path) -> None:
    doc = load(str(seed_spec))
    assert doc.data["swagger"] == "2.0"
    assert "/?Action=GetOpenIdToken" in doc.data["paths"]


def test_leading_and_trailing_markers_with_crlf() -> None:
    doc = load_text("---\r\nswagger: '2.0'\r\npaths: {}\r\n---", "t.yaml")
    assert doc.data == {"swagger": "2.0", "paths": {}}


def test_two_documents_are_refused() -> None:
    with pytest.raises(FatalError) as info:
        load_text("a: 1\n---\nb: 2\n", "t.yaml")
    assert "2 documents" in info.value.diagnostics[0].message


def test_duplicate_keys_are_reported_with_position() -> None:
    doc = load_text("a: 1\nb: 2\na: 3\n", "t.yaml")
    assert doc.data == {"a": 3, "b": 2}
    [warning] = doc.load_warnings
    assert warning.code == "OAG010" and (warning.src.line, warning.src.col) == (3, 1)


def test_locate_finds_line_and_column(seed_spec: Path) -> None:
    doc = load(str(seed_spec))
    assert doc.locate("/paths/~1?Action=GetOpenIdToken/get/operationId") == (22, 20)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("", "OAG004", None),
        ("   \n", "OAG004", None),
        ("a: [1, 2\n", "OAG005", 2),
        ('{"openapi": "3.0.0"} trailing', "OAG005", 1),
        ("---\n---\n", "OAG004", None),
    ],
)
def test_bad_text_is_one_error(text: str, code: str, line: int | None) -> None:
    with pytest.raises(FatalError) as info:
        load_text(text, "bad.yaml")
    [diag] = info.value.diagnostics
    assert diag.code == code and diag.src.line == line
    assert "\n" not in diag.format()


def test_binary_and_non_utf8_files(tmp_path: Path) -> None:
    (tmp_path / "bin.yaml").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin.yaml").write_bytes(b"title: caf\xe9\n")
    for name, code in (("bin.yaml", "OAG002"), ("latin.yaml", "OAG002")):
        with pytest.raises(FatalError) as info:
            load(str(tmp_path / name))
        assert info.value.diagnostics[0].code == code


def test_alias_bomb_fails_fast() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 12)]
    with pytest.raises(FatalError) as info:
        load_text("\n".join(lines) + "\n", "bomb.yaml", limits=Limits(max_nodes=1_000_000))
    assert info.value.diagnostics[0].code == "OAG007"


def test_deep_nesting_is_an_error_not_a_recursion_error() -> None:
    text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    with pytest.raises(FatalError) as info:
        load_text(text, "deep.yaml")
    assert info.value.diagnostics[0].code == "OAG006"
    with pytest.raises(FatalError):
        load_text('{"a": ' + "[" * 100000 + "]" * 100000 + "}", "deep.json")


def test_a_mapping_tagged_as_a_string_reads_as_its_value() -> None:
    # YAML's value key: `!!str {!!value "=": x}` is the string "x"; a mapping reaches the scalar
    # constructor then and must not be read as a plain scalar (it has no `style`).
    doc = load_text('info: !!str {!!value "=": x}\n', "t.yaml")
    assert doc.data == {"info": "x"}
