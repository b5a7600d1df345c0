"""The generated packages in examples/ are black-formatted and pass `mypy --strict`."""

from __future__ import annotations

import json

import pytest

from helpers import ROOT, mypy_strict

EXAMPLES = json.loads((ROOT / "examples" / "index.json").read_text("utf-8"))


def test_examples_are_black_formatted() -> None:
    """Every .py file of examples/ is what black (line length 100, Python 3.10) makes of it. The
    runtime files every example ships are one text many times over: each distinct text is checked
    once."""
    import black

    mode = black.Mode(line_length=100, target_versions={black.TargetVersion.PY310})
    paths_of: dict[str, list[str]] = {}
    for path in sorted((ROOT / "examples").rglob("*.py")):
        paths_of.setdefault(path.read_text("utf-8"), []).append(str(path.relative_to(ROOT)))
    assert sum(map(len, paths_of.values())) > 1000 and len(paths_of) > 300, len(paths_of)
    unformatted = [p for text, paths in paths_of.items() if black.format_str(text, mode=mode) != text for p in paths]
    assert not unformatted, f"not black-formatted: {sorted(unformatted)}"


@pytest.mark.slow
@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["out"].split("/")[-1] for e in EXAMPLES])
def test_examples_pass_mypy_strict(entry: dict[str, str]) -> None:
    result = mypy_strict(ROOT / entry["out"], entry["package"])
    assert result.returncode == 0, result.stdout + result.stderr
