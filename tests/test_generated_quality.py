"""The generated packages in examples/ pass `black --check` and `mypy --strict`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from helpers import ROOT

EXAMPLES = json.loads((ROOT / "examples" / "index.json").read_text("utf-8"))


def test_examples_are_black_formatted() -> None:
    result = subprocess.run([sys.executable, "-m", "black", "--check", "--line-length", "100", "--target-version",
                             "py310", "examples"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["out"].split("/")[-1] for e in EXAMPLES])
def test_examples_pass_mypy_strict(entry: dict[str, str]) -> None:
    result = subprocess.run([sys.executable, "-B", "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", entry["package"]],
                            capture_output=True, text=True, cwd=ROOT / entry["out"], timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
