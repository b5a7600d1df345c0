"""generator/changes.py: the change report between two API summaries, and the handlers report."""

from __future__ import annotations

from pathlib import Path

from generator.api import load_api
from generator.changes import compare, handler_status, summarize

HEADER = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n"


def _summary(tmp_path: Path, text: str) -> dict[str, object]:
    path = tmp_path / "spec.yaml"
    path.write_text(HEADER + text)
    loaded = load_api(str(path), validate=False)
    assert loaded.api is not None
    return summarize(loaded.api)


def _report(tmp_path: Path, old: str, new: str) -> set[str]:
    return {c.format() for c in compare(_summary(tmp_path, old), _summary(tmp_path, new)).changes}


OP = """
paths:
  /items/{id}:
    put:
      operationId: putItem
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
        - {name: q, in: query, schema: {type: string}}
@EXTRA@
      requestBody:
        required: @BODY_REQUIRED@
        content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}
      responses:
        '200': {description: OK, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
components:
  schemas:
    Item:
      type: object
      required: [name]
      properties:
        name: {type: string}
        @FIELD@
    Color: {type: string, enum: [@COLORS@]}
"""


def _op(extra: str = "", body_required: str = "false", field: str = "size: {type: integer}",
        colors: str = "red, green") -> str:
    return (OP.replace("@EXTRA@", extra).replace("@BODY_REQUIRED@", body_required).replace("@FIELD@", field)
            .replace("@COLORS@", colors))


def test_parameters_body_fields_and_enums(tmp_path: Path) -> None:
    assert _report(tmp_path, _op(), _op()) == set()
    new = _op(extra="        - {name: page, in: query, required: true, schema: {type: integer}}\n"
                    "        - {name: verbose, in: header, schema: {type: boolean}}",
              body_required="true", field="size: {type: string}", colors="red, blue")
    assert _report(tmp_path, _op(), new) == {
        "~ operation put_item: parameter page added (required) [breaking]",
        "~ operation put_item: parameter verbose added",
        "~ operation put_item: request body now required [breaking]",
        "~ model Item: field size retyped integer → string [breaking]",
        '~ model Color: value "green" removed [breaking]',
        '~ model Color: value "blue" added',
    }
    # The reverse direction: what was breaking one way is mostly harmless the other.
    assert _report(tmp_path, new, _op()) == {
        "~ operation put_item: parameter page removed [breaking]",
        "~ operation put_item: parameter verbose removed [breaking]",
        "~ operation put_item: request body now optional",
        "~ model Item: field size retyped string → integer [breaking]",
        '~ model Color: value "blue" removed [breaking]',
        '~ model Color: value "green" added',
    }


def test_http_changes_and_deprecation_are_not_breaking(tmp_path: Path) -> None:
    old = _op()
    new = old.replace("/items/{id}:\n    put:", "/things/{id}:\n    post:").replace(
        "operationId: putItem", "operationId: putItem\n      deprecated: true")
    assert _report(tmp_path, old, new) == {
        "~ operation put_item: now POST /things/{id} (was PUT /items/{id})",
        "~ operation put_item: now deprecated",
    }


def test_report_headline_and_json(tmp_path: Path) -> None:
    report = compare({"operations": {"a": {"http": "GET /a", "params": {}, "returns": "none"}}},
                     {"operations": {"b": {"http": "GET /b", "params": {}, "returns": "none"}}})
    assert report.headline() == "2 changes (1 breaking): 1 added, 1 removed"
    assert [c.name for c in report.breaking] == ["a"]
    assert report.to_json()["breaking"] == 1
    assert not compare({}, {})


def test_handler_status() -> None:
    source = """
from .base import BaseHandlers

class Handlers(BaseHandlers):
    async def list_pets(self, **kw): ...
    def _helper(self): ...
    async def gone_op(self): ...
    create_pet = list_pets

class Other:
    async def show_pet(self): ...
"""
    status = handler_status(source, ["list_pets", "create_pet", "show_pet"])
    assert status.missing == ("show_pet",) and status.unknown == ("gone_op",) and status.parsed
    broken = handler_status("class Handlers(:\n", ["a"])
    assert not broken.parsed and broken.missing == ("a",)
