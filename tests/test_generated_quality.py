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
    files = sorted((ROOT / "examples").rglob("*.py"))
    checked: set[str] = set()
    unformatted = []
    for path in files:
        text = path.read_text("utf-8")
        if text not in checked:
            checked.add(text)
            if black.format_str(text, mode=mode) != text:
                unformatted.append(str(path.relative_to(ROOT)))
    assert len(files) > 1000 and len(checked) > 300, (len(files), len(checked))
    same = [str(p.relative_to(ROOT)) for p in files if p.read_text("utf-8") in
            {(ROOT / u).read_text("utf-8") for u in unformatted}]
    assert not unformatted, f"not black-formatted: {sorted(set(same))}"


@pytest.mark.slow
@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["out"].split("/")[-1] for e in EXAMPLES])
def test_examples_pass_mypy_strict(entry: dict[str, str]) -> None:
    result = mypy_strict(ROOT / entry["out"], entry["package"])
    assert result.returncode == 0, result.stdout + result.stderr
