"""Normalization of the seed spec (Swagger 2.0) into the IR."""

from __future__ import annotations

from pathlib import Path

from generator import ir
from generator.api import load_api


def test_seed_operations_have_real_path_and_constant(seed_spec: Path) -> None:
    loaded = load_api(str(seed_spec))
    api = loaded.api
    assert api is not None and [d.code for d in loaded.diagnostics] == ["OAG011"]
    assert api.spec_version == "2.0" and api.base_path == ""
    first, second = api.operations
    assert (first.method, first.path, first.name) == ("GET", "/", "get_open_id_token")
    assert first.constants == (ir.Constant(location="query", wire_name="Action", value="GetOpenIdToken"),)
    assert [(p.wire_name, p.name, p.location) for p in first.parameters] == [
        ("IdentityId", "identity_id", "query"), ("Logins", "logins", "query")]
    assert second.constants[0].value == "GetOpenIdTokenForDeveloperIdentity"
    assert [r.status for r in first.responses] == ["200"]


def test_swagger2_body_form_and_path_level_parameters(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text("""
swagger: "2.0"
info: {title: T, version: "1"}
host: api.example.com
basePath: /v1
schemes: [https]
consumes: [application/json]
paths:
  /pets/{petId}:
    parameters:
      - {name: petId, in: path, required: true, type: integer}
      - {name: verbose, in: query, type: boolean}
    put:
      operationId: updatePet
      parameters:
        - {name: verbose, in: query, type: string}
        - {name: body, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}
      responses:
        200: {description: OK, schema: {$ref: '#/definitions/Pet'}}
    post:
      operationId: uploadPhoto
      consumes: [multipart/form-data]
      parameters:
        - {name: file, in: formData, type: file, required: true}
        - {name: note, in: formData, type: string}
      responses:
        201: {description: Created}
definitions:
  Pet:
    type: object
    required: [name]
    properties:
      name: {type: string}
      tag: {type: string, x-nullable: true}
""")
    api = load_api(str(spec)).api
    assert api is not None
    assert api.servers[0].url == "https://api.example.com/v1" and api.base_path == "/v1"
    update, upload = api.operations
    assert [(p.wire_name, p.location, p.type) for p in update.parameters] == [
        ("petId", "path", ir.Primitive(kind="integer")), ("verbose", "query", ir.STRING)]
    assert update.body is not None and update.body.required
    assert update.body.contents[0].type == ir.Named(key="#/components/schemas/Pet")
    assert upload.body is not None and upload.body.contents[0].media_type == "multipart/form-data"
    pet = api.models[0]
    assert pet.name == "Pet" and [f.required for f in pet.fields] == [True, False]
    assert pet.fields[1].type == ir.Union_(variants=(ir.STRING, ir.NULL))


def test_an_empty_media_type_key_is_skipped_with_a_warning(tmp_path: Path) -> None:
    """``content: {"": {...}, application/json: {...}}`` (spoonacular): the empty key names no media
    type; as the first body it would make the client send raw bytes without a Content-Type."""
    spec = tmp_path / "empty-media.yaml"
    spec.write_text("""\
openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /items:
    post:
      operationId: addItem
      requestBody:
        content:
          '': {schema: {type: object, properties: {hash: {type: string}}}}
          application/json: {schema: {type: object, properties: {slot: {type: integer}}}}
      responses:
        '200':
          description: ok
          content: {'': {schema: {type: string}}}
""", "utf-8")
    loaded = load_api(str(spec))
    assert loaded.api is not None
    op = loaded.api.operations[0]
    assert op.body is not None and [c.media_type for c in op.body.contents] == ["application/json"]
    assert op.responses[0].contents == ()
    found = [d for d in loaded.diagnostics if d.code == "OAG144"]
    assert len(found) == 2 and all("media type key is empty" in d.message for d in found)
    assert {d.src.pointer for d in found if d.src} == {"/paths/~1items/post/requestBody/content/",
                                                       "/paths/~1items/post/responses/200/content/"}


def test_a_content_parameters_schema_is_placed_where_it_is(tmp_path: Path) -> None:
    """A parameter written with ``content`` (rudder): its models and findings point into
    ``content/<media>/schema``, where the schema is, not into a ``schema`` the parameter lacks."""
    spec = tmp_path / "content-param.yaml"
    spec.write_text("""\
openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /nodes:
    get:
      operationId: listNodes
      parameters:
        - name: query
          in: query
          content:
            application/json:
              schema:
                type: object
                properties:
                  where: {type: array, items: {type: object, properties: {attribute: {type: string}}}}
      responses: {'200': {description: ok}}
""", "utf-8")
    loaded = load_api(str(spec))
    assert loaded.api is not None
    pointers = [m.src.pointer for m in loaded.api.models]
    assert pointers and all(p.startswith("/paths/~1nodes/get/parameters/0/content/application~1json/schema")
                            for p in pointers), pointers
