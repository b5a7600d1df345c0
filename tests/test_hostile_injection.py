"""Acceptance: code-injection attempts in every field generate code that imports without side
effects, keeps the payloads as data, and passes the AST check (with black formatting on)."""

from __future__ import annotations

import enum
import json
from pathlib import Path

import pytest
from helpers import import_package
from test_hostile import MARKER, check_generated

from generator.api import GenerateOptions, generate

HOSTILE = Path(__file__).parent / "hostile"


@pytest.mark.parametrize("spec", ["injection-everywhere.json", "injection-yaml.yaml"])
def test_injection_attempts_stay_data(spec: str, tmp_path: Path) -> None:
    MARKER.unlink(missing_ok=True)
    out = tmp_path / "out"
    result = generate(str(HOSTILE / spec), out, GenerateOptions(format=True))
    assert result.ok, [d.format() for d in result.diagnostics if d.severity >= 30]
    assert not MARKER.exists()
    imported = check_generated(out, HOSTILE / spec)  # the AST check; every module imported, every model built
    assert imported.models > 0
    texts = {str(p.relative_to(out)): p.read_text("utf-8") for p in out.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts}
    for path, text in texts.items():
        if path.endswith(".json"):  # data files (the spec as read): JSON escapes what it must
            continue
        assert all(ch.isprintable() or ch in "\n " for ch in text), path  # no raw control or bidi characters


def test_payloads_round_trip_as_values(tmp_path: Path) -> None:
    spec = HOSTILE / "injection-everywhere.json"
    raw = json.loads(spec.read_text("utf-8"))
    payloads = raw["components"]["schemas"]["__import__"]["enum"]
    result = generate(str(spec), tmp_path, GenerateOptions(package="inj", format=False))
    assert result.ok
    _, models, client = import_package(tmp_path, "inj", "models", "client")
    enums = [getattr(models, n) for n in models.__all__ if isinstance(getattr(models, n), type)
             and issubclass(getattr(models, n), enum.Enum)]
    assert any(sorted(m.value for m in e) == sorted(set(payloads)) for e in enums)
    wire = {p.wire for op in vars(client).values() if type(op).__name__ == "Operation" for p in op.params}
    assert {"__import__", "os.system", "self", "cast", "body"} <= wire
    assert not MARKER.exists()
