"""examples/ is the golden output: regenerating into a temp folder gives the same tree, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import ROOT, generate_package

EXAMPLES = json.loads((ROOT / "examples" / "index.json").read_text("utf-8"))


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
            and "__pycache__" not in p.parts}


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["out"].split("/")[-1] for e in EXAMPLES])
def test_examples_are_current(entry: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate_package(ROOT / entry["spec"], out, entry["package"], client=entry.get("client", True),
                     server=entry.get("server", True))
    expected, actual = _tree(ROOT / entry["out"]), _tree(out)
    assert sorted(actual) == sorted(expected), "file lists differ; run 'make examples'"
    for path in expected:
        assert actual[path] == expected[path], f"{path} differs; run 'make examples' and review the diff"
