"""A non-editable ``pip install .`` into a fresh virtual environment generates exactly examples/."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from helpers import ROOT


@pytest.mark.slow
def test_wheel_install_generates_the_examples(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True, timeout=600,
                   capture_output=True)
    entry = json.loads((ROOT / "examples" / "index.json").read_text())[0]
    out = tmp_path / "out"
    oagen = env_dir / "bin" / "oagen"
    result = subprocess.run([str(oagen), "generate", str(ROOT / entry["spec"]), "-o", str(out), "--package",
                             entry["package"]], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    expected = ROOT / entry["out"]
    files = sorted(p.relative_to(expected) for p in expected.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert files == sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    for rel in files:
        assert (out / rel).read_bytes() == (expected / rel).read_bytes(), rel
    # The installed package is not the checkout.
    where = subprocess.run([str(python), "-c", "import generator; print(generator.__file__)"], capture_output=True,
                           text=True, cwd=tmp_path, check=True).stdout
    assert str(env_dir) in where
    _ = sys
