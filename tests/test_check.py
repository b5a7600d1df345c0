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


def _validators(version: str) -> tuple[object, object]:
    """fastjsonschema's validator of the official schema as written, and oagen's lean one."""
    import importlib.util
    import json

    folder = {"2.0": "v2.0", "3.0": "v3.0"}[version]
    found = importlib.util.find_spec("openapi_spec_validator")
    assert found is not None and found.origin is not None
    schema = json.loads((Path(found.origin).parent / "resources" / "schemas" / folder / "schema.json").read_text())
    code = check._code(schema)
    full: dict[str, object] = {}
    lean: dict[str, object] = {}
    exec(compile(code, "full", "exec"), full)  # noqa: S102
    exec(compile(check.lean(code), "lean", "exec"), lean)  # noqa: S102
    assert "locals()" not in check.lean(code) and "locals()" in code
    return full["validate"], lean["validate"]


def _verdict(validate: object, data: object) -> bool:
    import fastjsonschema

    try:
        validate(data)  # type: ignore[operator]
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def test_the_lean_validator_answers_as_fastjsonschema_does() -> None:
    """Only the messages are gone: on valid documents and on documents broken in many ways
    (wrong types deep inside schemas, unknown keys, a oneOf that both or neither branch matches),
    the lean validator says what fastjsonschema's says."""
    checked = 0
    for version, specs in (("3.0", ["petstore/petstore-3.0.yaml", "features/params-3.0.yaml",
                                    "features/composition-3.0.yaml", "features/bodies-3.0.yaml"]),
                           ("2.0", ["petstore/petstore-2.0.yaml", "aws-cognito-merged.yaml"])):
        full, lean = _validators(version)
        for name in specs:
            data = load(str(SPECS / name)).data
            assert _verdict(full, data) and _verdict(lean, data), name
            broken = []
            for path, value in ((["info", "title"], 3), (["paths", "/x"], {"get": {"responses": {"200": {}}}}),
                                (["info", "x-extra"], {"anything": 1}), (["bogus"], True),
                                (["paths", "/y"], {"get": {"responses": {"200": {"description": "d", "schema": {
                                    "type": "object", "properties": {"a": {"type": 7}}}}}}}),
                                (["paths", "/z"], {"get": {"parameters": [{"name": "q", "in": "nowhere"}],
                                                           "responses": {"default": {"description": "d"}}}})):
                copy_ = copy.deepcopy(data)
                node = copy_
                for key in path[:-1]:
                    node = node.setdefault(key, {})
                node[path[-1]] = value
                broken.append(copy_)
            for doc in broken:
                assert _verdict(full, doc) == _verdict(lean, doc)
                checked += 1
            assert not all(_verdict(lean, doc) for doc in broken)
    assert checked >= 30


def test_the_compiled_validator_is_cached_as_bytecode(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The first run compiles the validator and stores its bytecode; later runs load it (a few
    milliseconds); a broken cache entry is made afresh."""
    monkeypatch.setenv("OAGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(check, "_FAST", {})
    doc = load(str(SPECS / "petstore" / "petstore-3.0.yaml"))
    assert check.fast_valid(doc.data, "3.0")
    [entry] = (tmp_path / "schemas").iterdir()
    assert entry.suffix == ".bin" and entry.stat().st_size > 100_000
    entry.write_bytes(b"not marshal data")
    monkeypatch.setattr(check, "_FAST", {})
    assert check.fast_valid(doc.data, "3.0")
    assert entry.stat().st_size > 100_000  # rewritten
    monkeypatch.setattr(check, "_FAST", {})
    monkeypatch.setattr(check, "_code", lambda schema: (_ for _ in ()).throw(AssertionError("compiled again")))
    assert check.fast_valid(doc.data, "3.0")  # from the cache


def test_a_run_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    """load_api pauses the collector and freezes what a run keeps; generate gives it all back."""
    import gc

    from generator.api import GenerateOptions, generate, load_api

    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert generate(str(SPECS / "petstore" / "petstore-3.0.yaml"), tmp_path / "out",
                    GenerateOptions(package="pets", format=False)).ok
    assert gc.isenabled() and gc.get_freeze_count() == 0
    loaded = load_api(str(SPECS / "petstore" / "petstore-3.0.yaml"), settle=True)
    assert loaded.api is not None and gc.isenabled() and gc.get_freeze_count() > 0
    gc.unfreeze()


def test_one_mistake_in_many_places_reads_as_one_finding_with_a_count(tmp_path: Path) -> None:
    """The validator reports the same mistake once per place; oagen reports it once, at the first
    place, with how many places share it, and keeps different mistakes apart."""
    paths = "".join(f"  /x{i}:\n    get:\n      parameters:\n        - {{name: p, in: query, type: string}}\n"
                    f"      responses: {{'200': {{description: ok}}}}\n" for i in range(40))
    spec = tmp_path / "bad.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: T}\npaths:\n" + paths)
    findings = check.validate(load(str(spec)), "3.0")
    assert all(f.code == "OAG090" for f in findings)
    assert len(findings) <= 3, [f.message for f in findings]
    counted = [f for f in findings if "places like this" in f.message]
    assert counted and "(40 places like this; the first is here)" in counted[0].message
    assert counted[0].src.pointer.startswith("/paths/~1x0/")
    assert all(len(f.message) <= 400 and "\n" not in f.message for f in findings)


def test_the_command_line_groups_findings_of_one_kind(capsys) -> None:  # type: ignore[no-untyped-def]
    from generator.diagnostics import Diagnostic, Severity, SourceRef, grouped

    diags = [Diagnostic(code="OAG203", severity=Severity.WARNING, message=f"schema 'S{i}' has format 'x{i}'",
                        src=SourceRef(pointer=f"/components/schemas/S{i}")) for i in range(25)]
    diags.append(Diagnostic(code="OAG204", severity=Severity.WARNING, message="another thing"))
    out = grouped(diags)
    assert [d.code for d in out] == ["OAG203", "OAG204"]
    assert out[0].message.endswith("(25 places like this; the first is here)")
    assert out[0].src.pointer == "/components/schemas/S0"
