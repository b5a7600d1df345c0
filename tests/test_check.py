"""The check stage: fast schema validation first, the full validator for invalid documents."""

from __future__ import annotations

import copy
from pathlib import Path

from generator import check
from generator.loader import load
from helpers import SPECS


def test_valid_specs_pass_the_fast_check_without_being_changed() -> None:
    for spec in (SPECS / "petstore" / "petstore-2.0.yaml", SPECS / "petstore" / "petstore-3.0.yaml"):
        doc = load(str(spec))
        before = copy.deepcopy(doc.data)
        version = "2.0" if "2.0" in spec.name else "3.0"
        assert check.fast_valid(doc.data, version)
        assert check.validate(doc, version) == []
        assert doc.data == before


def test_invalid_spec_gets_the_full_validator_findings(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: T}\npaths:\n  /x:\n    get:\n      responses: {}\n")
    doc = load(str(spec))
    findings = check.validate(doc, "3.0")
    assert findings and all(f.code == "OAG090" for f in findings)
    assert any("version" in f.message for f in findings)
