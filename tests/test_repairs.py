"""Every lenient repair: a fixture, its warning (code, text, pointer, line) as a snapshot, generation
going on, and ``--strict`` turning it into a failure.

Rewrite the snapshots with ``OAGEN_UPDATE_SNAPSHOTS=1`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.api import GenerateOptions, generate, load_api
from helpers import ROOT

FIXTURES = sorted((ROOT / "tests" / "repairs").glob("*.yaml"))


def _lines(spec: Path) -> str:
    loaded = load_api(str(spec.relative_to(ROOT)), validate=False)
    return "".join(d.format() + "\n" for d in loaded.diagnostics)


@pytest.mark.parametrize("spec", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_repair_is_reported_and_generation_goes_on(spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    snapshot = spec.with_suffix(".expected")
    text = _lines(spec)
    if os.environ.get("OAGEN_UPDATE_SNAPSHOTS"):
        snapshot.write_text(text)
    assert text == snapshot.read_text(), f"diagnostics changed; rewrite with OAGEN_UPDATE_SNAPSHOTS=1 ({spec.name})"
    assert text.count("\n") >= 1 and "[OAG" in text

    result = generate(str(spec), tmp_path / "lenient", GenerateOptions(package="repaired", validate=False,
                                                                      format=False))
    assert result.ok, [d.format() for d in result.diagnostics]
    assert (tmp_path / "lenient" / "repaired" / "client.py").is_file()

    strict = generate(str(spec), tmp_path / "strict", GenerateOptions(package="repaired", validate=False,
                                                                     strict=True))
    assert not strict.ok
    assert not (tmp_path / "strict").exists()
