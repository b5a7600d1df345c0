"""Examples in the IR (for mock answers) and the IR → JSON Schema view the server validates with."""

from __future__ import annotations

from pathlib import Path

import jsonschema

from generator import ir
from generator.api import load_api
from generator.targets.json_schema import SchemaBuilder
from generator.targets.python_server import constrained_hint, server_schemas
from generator.targets.pyview import TypeNamer

OAS3 = """
openapi: 3.0.3
info: {title: Ex, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      parameters:
        - name: q
          in: query
          schema: {type: string, example: from-schema}
          examples:
            one: {value: first}
            two: {$ref: '#/components/examples/Two'}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
              example: {size: 3}
components:
  examples:
    Two: {value: second}
  schemas:
    Thing:
      type: object
      example: {size: 1}
      properties:
        size: {type: integer, format: int32, minimum: 1, example: 2}
        tag: {type: string, nullable: true, pattern: '^[a-z]+$', maxLength: 4}
"""

SWAGGER2 = """
swagger: "2.0"
info: {title: Ex, version: "1"}
produces: [application/json]
paths:
  /b:
    get:
      operationId: getB
      parameters:
        - {name: n, in: query, type: integer, x-example: 7, maximum: 9}
      responses:
        200:
          description: ok
          schema: {type: object, properties: {x: {type: string}}}
          examples:
            application/json: {x: hello}
"""


def _api(tmp_path: Path, text: str) -> ir.Api:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, "utf-8")
    api = load_api(str(spec)).api
    assert api is not None
    return api


def test_examples_reach_the_ir(tmp_path: Path) -> None:
    api = _api(tmp_path, OAS3)
    op = api.operations[0]
    assert op.parameters[0].examples == ("first", "second", "from-schema")
    assert op.responses[0].contents[0].examples == (ir.JSONObject((("size", 3),)),)
    thing = api.models[0]
    assert thing.examples == (ir.JSONObject((("size", 1),)),)
    assert thing.fields[0].examples == (2,)


def test_swagger2_examples_reach_the_ir(tmp_path: Path) -> None:
    op = _api(tmp_path, SWAGGER2).operations[0]
    assert op.parameters[0].examples == (7,)
    assert op.responses[0].contents[0].examples == (ir.JSONObject((("x", "hello"),)),)


def test_json_schema_of_the_ir_validates_like_the_spec(tmp_path: Path) -> None:
    api = _api(tmp_path, OAS3)
    schemas = server_schemas(api)
    schema = {**schemas["operations"]["get_a"]["response"]["contents"][0]["schema"], "$defs": schemas["$defs"]}
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid({"size": 1, "tag": None})
    assert validator.is_valid({"size": 2, "tag": "ab"})
    for bad in ({"size": 0}, {"size": 2**31}, {"size": 1, "tag": "AB"}, {"size": 1, "tag": "abcde"}, {"size": "1"}):
        assert not validator.is_valid(bad), bad
    assert schemas["operations"]["get_a"]["response"]["contents"][0]["examples"] == [{"size": 3}]
    assert schemas["$defs"]["Thing"]["examples"] == [{"size": 1}]


def test_constrained_hints_carry_the_constraints(tmp_path: Path) -> None:
    api = _api(tmp_path, OAS3)
    namer = TypeNamer(api)
    size, tag = api.models[0].fields
    assert constrained_hint(size.type, namer) == "Annotated[int, Field(ge=1, le=2147483647)]"
    assert constrained_hint(tag.type, namer) == 'Annotated[str, Field(max_length=4), _rt.pattern("^[a-z]+$")] | None'
    bad = ir.Primitive(kind="string", constraints=ir.Constraints(pattern="\\p{L}+"))  # ECMA only: not enforced
    assert constrained_hint(bad, namer) == "str"
    assert SchemaBuilder(api).of(bad) == {"type": "string"}
