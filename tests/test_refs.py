"""$ref: relative files, cycles as forward references, and confinement to the spec's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import ir
from generator.api import load_api
from helpers import generate_package, import_fresh

HEADER = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n"


def _ok(path: Path, text: str) -> ir.Api:
    path.write_text(HEADER + text)
    loaded = load_api(str(path), validate=False)
    assert loaded.api is not None, [d.format() for d in loaded.diagnostics]
    return loaded.api


def test_relative_files_with_their_own_refs(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "pet.yaml").write_text(
        "type: object\nproperties:\n  owner: {$ref: 'owner.json'}\n  name: {type: string}\n")
    (tmp_path / "schemas" / "owner.json").write_text('{"type": "object", "properties": {"id": {"type": "integer"}}}')
    api = _ok(tmp_path / "spec.yaml", """
paths:
  /pets:
    get:
      responses:
        '200':
          description: OK
          content: {application/json: {schema: {$ref: 'schemas/pet.yaml'}}}
""")
    names = sorted(m.name for m in api.models)
    assert names == ["Owner", "Pet"]


def test_cycles_generate_and_validate_nested_data(tmp_path: Path) -> None:
    spec = tmp_path / "cycles.yaml"
    spec.write_text(HEADER + """
paths: {}
components:
  schemas:
    Tree:
      type: object
      properties:
        value: {type: string}
        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
    A:
      type: object
      properties:
        b: {$ref: '#/components/schemas/B'}
    B:
      type: object
      properties:
        a: {$ref: '#/components/schemas/A'}
    Loop1: {$ref: '#/components/schemas/Loop2'}
    Loop2: {$ref: '#/components/schemas/Loop1'}
""")
    loaded = load_api(str(spec), validate=False)
    [loop] = [d for d in loaded.diagnostics if d.code == "OAG022"]
    assert "$ref loop" in loop.message and loop.src.line is not None
    out = generate_package(spec, tmp_path / "out", "cyc", validate=False)
    models = import_fresh(out, "cyc.models")
    tree = models.Tree.model_validate({"value": "r", "children": [{"value": "c", "children": [{"value": "g"}]}]})
    assert tree.children[0].children[0].value == "g"
    a = models.A.model_validate({"b": {"a": {"b": {}}}})
    assert a.b.a.b is not None


@pytest.mark.parametrize(
    "ref",
    ["../../outside.yaml", "file:///etc/hostname", "http://example.com/schema.yaml"],
)
def test_refs_leaving_the_folder_are_refused(tmp_path: Path, ref: str) -> None:
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (tmp_path / "outside.yaml").write_text("type: string\n")
    spec = inner / "spec.yaml"
    spec.write_text(HEADER + f"""
paths:
  /x:
    get:
      responses:
        '200':
          description: OK
          content: {{application/json: {{schema: {{$ref: '{ref}'}}}}}}
""")
    loaded = load_api(str(spec), validate=False)
    refused = [d for d in loaded.diagnostics if d.code == "OAG020"]
    assert len(refused) == 1, [d.format() for d in loaded.diagnostics]
    text = refused[0].format()
    assert "not followed" in text or "leaves the spec's folder" in text
    assert f"{spec}:" in text and "#/paths/~1x/get/responses/200/content/application~1json/schema/$ref" in text
