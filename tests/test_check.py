"""The check stage: fast schema validation first, the full validator for invalid documents."""

from __future__ import annotations

import copy
from pathlib import Path

from helpers import SPECS

from generator import check
from generator.loader import load


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


def test_a_big_spec_is_validated_beside_the_run_and_its_findings_reported(tmp_path: Path) -> None:
    """Over 1 MB, the validator runs in a forked process while oagen normalizes and renders; its
    findings still come first in the result, located, and strict mode still fails on them."""
    import json

    from generator.api import GenerateOptions, generate

    paths = {f"/item{i}/{'x' * 40}": {"get": {"operationId": f"get{i}", "description": "d" * 200, "responses": {
        "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}}}
        for i in range(3000)}
    paths["/item0/" + "x" * 40]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {
        "type": "object", "properties": {"n": {"type": "integer", "format": "timestamp"}}}
    spec = tmp_path / "big.json"
    spec.write_text(json.dumps({"openapi": "3.0.3", "info": {"title": "Big"}, "paths": paths}, indent=1))
    assert spec.stat().st_size > check._FORK_BYTES
    result = generate(str(spec), tmp_path / "out", GenerateOptions(package="big", server=False, format=False))
    assert result.ok
    codes = [d.code for d in result.diagnostics]
    assert codes[0] == "OAG090" and "OAG203" in codes  # the validator's (info.version), then oagen's
    assert "version" in result.diagnostics[0].message and result.diagnostics[0].src.line == 3
    strict = generate(str(spec), tmp_path / "strict", GenerateOptions(package="big", server=False, strict=True))
    assert not strict.ok and not (tmp_path / "strict").exists()
