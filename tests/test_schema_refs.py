"""References that only look like new types (issue 14, classes 1 and 8), at the IR level and as models:

- an ``allOf`` that only annotates one schema (``allOf: [{$ref: X}, {description: ...}]``, the
  AWS SDK style) is that schema, with the annotations applied: description, default, readOnly,
  writeOnly, deprecated, examples, nullability; a component of that shape is an alias of X;
- null is a value of every use of a referenced schema that allows null, in any version's spelling.

Fixtures: specs/features/annotated-*.yaml, nullable-refs-*.yaml, references-3.*.yaml; inline specs
for the edges (cycles, bases through aliases, defaults). The last test checks the generated models
against the original schemas with an independent data generator (hypothesis-jsonschema).
"""

from __future__ import annotations

import datetime
import json
import typing
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any

import hypothesis_jsonschema._from_schema as hjs
import jsonschema
import pydantic
import pytest
import yaml
from helpers import SPECS, generate_package, import_package
from hypothesis import HealthCheck, given, settings
from hypothesis.internal.conjecture import utils as conjecture_utils
from hypothesis_jsonschema import from_schema

from generator import ir
from generator.api import load_api
from generator.targets.pyview import TypeNamer

ALL = ("2.0", "3.0", "3.1")
NULL = ir.NULL


def _api(feature: str, version: str) -> ir.Api:
    loaded = load_api(str(SPECS / "features" / f"{feature}-{version}.yaml"))
    assert loaded.api is not None and not loaded.diagnostics, [d.format() for d in loaded.diagnostics]
    return loaded.api


def _named(api: ir.Api, name: str) -> ir.Named:
    return ir.Named(key=next(m.key for m in api.models if m.name == name))


def _fields(api: ir.Api, model: str) -> dict[str, ir.Field]:
    return {f.wire_name: f for f in api.model(_named(api, model).key).fields}


def _components(version: str, document: dict[str, Any]) -> dict[str, Any]:
    return dict(document["definitions"] if version == "2.0" else document["components"]["schemas"])


def _spec(tmp_path: Path, schemas: str, version: str = "3.0") -> tuple[ir.Api, list[str]]:
    """The IR of a document with these component schemas (YAML, indented as under ``schemas:``),
    and the codes of its diagnostics."""
    text = f"openapi: {version}.0\ninfo: {{title: T, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}"
    (tmp_path / "spec.yaml").write_text(text, "utf-8")
    loaded = load_api(str(tmp_path / "spec.yaml"))
    assert loaded.api is not None
    return loaded.api, [d.code for d in loaded.diagnostics]


# --------------------------------------------------------------------------- class 1: annotated references


@pytest.mark.parametrize("version", ALL)
def test_annotated_reference_is_the_referenced_type(version: str) -> None:
    api = _api("annotated", version)
    # No model is made for an annotation: the models are exactly the components.
    document = yaml.safe_load((SPECS / "features" / f"annotated-{version}.yaml").read_text("utf-8"))
    assert sorted(m.name for m in api.models) == sorted(_components(version, document))
    named = {n: _named(api, n) for n in ("Token", "Count", "Ratio", "Flag", "State", "TagList", "Owner",
                                         "ItemName", "Manager", "ItemList")}
    f = _fields(api, "Item")
    assert {k: v.type for k, v in f.items() if k not in ("labels", "note", "kind")} == {
        "name": named["ItemName"], "state": named["State"], "mode": named["State"], "size": named["Count"],
        "ratio": named["Ratio"], "enabled": named["Flag"], "tags": named["TagList"], "owner": named["Owner"],
        "reviewer": named["Owner"], "manager": named["Manager"], "id": named["Token"], "extra": named["Count"],
        "arn": named["Token"]}  # parts that only narrow the string: still the string
    assert f["labels"].type == ir.Map(values=named["Token"])
    assert f["note"].type == ir.Union_(variants=(named["Token"], NULL)) and not f["note"].required
    assert f["kind"].type == ir.Literal(values=("box", "crate"))
    # The annotations reach the field.
    assert (f["mode"].default, f["size"].default, f["enabled"].default) == ("ENABLED", 1, True)
    assert f["mode"].has_default and f["size"].has_default and f["enabled"].has_default
    assert f["state"].description == "An enum." and f["ratio"].description == "A number"
    assert f["ratio"].examples == (0.5,) and f["id"].read_only and f["id"].description == "Assigned by the server."
    assert [k for k, v in f.items() if v.required] == ["name", "state"]
    # A component that only annotates a reference is an alias of the referenced type, objects too.
    item_name, manager = api.model(named["ItemName"].key), api.model(named["Manager"].key)
    assert (item_name.kind, item_name.alias, item_name.examples) == ("alias", named["Token"], ("box",))
    assert (manager.kind, manager.alias) == ("alias", named["Owner"])
    assert manager.description == "An alias of Owner (not a subclass of it)."
    assert api.model(_named(api, "ItemList").key).alias == ir.Array(items=_named(api, "Item"))
    assert _fields(api, "ListItemsOutput")["nextToken"].type == named["Token"]
    # Bodies, answers and items.
    ops = {op.name: op for op in api.operations}
    assert ops["put_item"].body is not None and ops["put_item"].body.contents[0].type == _named(api, "Item")
    assert ops["put_item"].responses[0].contents[0].type == _named(api, "Item")
    assert ops["list_states"].responses[0].contents[0].type == ir.Array(items=named["State"])


@pytest.mark.parametrize("version", ("3.0", "3.1"))
def test_annotated_references_in_parameters_and_unions(version: str) -> None:
    api = _api("references", version)
    find = next(op for op in api.operations if op.name == "find_things")
    params = {p.wire_name: p for p in find.parameters}
    token, nullable_token = _named(api, "Token"), _named(api, "NullableToken")
    assert params["kind"].type == _named(api, "Kind") and params["state"].type == _named(api, "State")
    assert params["limit"].type == _named(api, "Limit") and (params["limit"].default, params["limit"].has_default) \
        == (10, True)
    assert params["X-Trace"].type == token and params["tag"].type == ir.Array(items=token)
    assert params["cursor"].type == ir.Union_(variants=(nullable_token, NULL))
    f = _fields(api, "Thing")
    assert f["owner"].type == ir.Union_(variants=(_named(api, "NullablePerson"), NULL, _named(api, "Team")))
    assert f["previous"].type == ir.Union_(variants=(nullable_token, NULL))
    assert f["oldName"].deprecated and f["oldName"].description == "Use name." and f["password"].write_only


def test_annotation_only_parts_and_siblings(tmp_path: Path) -> None:
    api, codes = _spec(tmp_path, """\
    Owner: {type: object, properties: {id: {type: string}}}
    Color: {type: string, enum: [red, green]}
    Day: {type: string, format: date}
    Thing:
      type: object
      properties:
        anything: {allOf: [{description: only words}, {example: 1}, {}]}
        merged: {allOf: [{$ref: '#/components/schemas/Owner'}, {properties: {extra: {type: string}}}]}
        contradiction: {type: string, allOf: [{$ref: '#/components/schemas/Owner'}]}
        color:
          allOf: [{$ref: '#/components/schemas/Color'}, {default: blue, deprecated: true}]
        nullable_part:
          allOf: [{$ref: '#/components/schemas/Color'}, {nullable: true}]
        ext: {allOf: [{$ref: '#/components/schemas/Color'}, {x-anything: {type: object}}], x-more: 1}
        since: {allOf: [{$ref: '#/components/schemas/Day'}, {default: '2020-01-01'}]}
""")
    f = _fields(api, "Thing")
    assert f["anything"].type == ir.ANY and f["anything"].description == "only words"
    # Two schemas with content are merged into an object model, as before.
    merged = api.model(f["merged"].type.key)  # type: ignore[union-attr]
    assert merged.kind == "object" and merged.bases == (_named(api, "Owner").key,)
    # A type beside the reference that disagrees with it is not an annotation: left as it was.
    assert isinstance(f["contradiction"].type, ir.Named) and f["contradiction"].type != _named(api, "Owner")
    # A default that is no value of the referenced enum is reported and dropped.
    assert not f["color"].has_default and codes == ["OAG211"]
    assert f["since"].has_default and f["since"].default == "2020-01-01"  # a date as text: kept for the spec
    assert f["color"].deprecated and f["color"].type == _named(api, "Color")
    assert f["nullable_part"].type == ir.Union_(variants=(_named(api, "Color"), NULL))
    assert f["ext"].type == _named(api, "Color")


@pytest.mark.parametrize("order", ["alias first", "object first"])
def test_annotated_alias_in_a_cycle_is_no_loop(tmp_path: Path, order: str) -> None:
    alias = """\
    Parent:
      allOf: [{$ref: '#/components/schemas/Node'}, {description: The node above.}]
"""
    node = """\
    Node:
      type: object
      properties:
        parent: {$ref: '#/components/schemas/Parent'}
        children: {type: array, items: {allOf: [{$ref: '#/components/schemas/Node'}, {description: A child.}]}}
"""
    api, codes = _spec(tmp_path, alias + node if order == "alias first" else node + alias)
    assert "OAG022" not in codes
    parent, node_t = api.model(_named(api, "Parent").key), _named(api, "Node")
    assert (parent.kind, parent.alias) == ("alias", node_t)
    assert _fields(api, "Node")["children"].type == ir.Array(items=node_t)


def test_alias_loops_are_still_reported(tmp_path: Path) -> None:
    api, codes = _spec(tmp_path, """\
    A: {allOf: [{$ref: '#/components/schemas/B'}, {description: a}]}
    B: {$ref: '#/components/schemas/A'}
""")
    assert "OAG022" in codes
    assert api.model(_named(api, "B").key).alias == ir.ANY


def test_base_class_through_an_annotated_alias(tmp_path: Path) -> None:
    api, _ = _spec(tmp_path, """\
    Owner: {type: object, required: [id], properties: {id: {type: string}}}
    Manager: {allOf: [{$ref: '#/components/schemas/Owner'}, {description: An alias.}]}
    Boss:
      allOf:
        - $ref: '#/components/schemas/Manager'
        - allOf: [{$ref: '#/components/schemas/Owner'}, {description: Annotated again.}]
        - {type: object, properties: {reports: {type: integer}}}
""")
    boss = api.model(_named(api, "Boss").key)
    assert boss.kind == "object" and boss.bases == (_named(api, "Owner").key,)
    assert [f.wire_name for f in boss.fields] == ["reports"]


# --------------------------------------------------------------------------- class 8: null through references


@pytest.mark.parametrize("version", ALL)
def test_null_is_a_value_of_every_use_of_a_nullable_schema(version: str) -> None:
    api = _api("nullable-refs", version)
    user, label = _named(api, "NullableSimpleUser"), _named(api, "NullableLabel")

    def nullable(t: ir.Type) -> ir.Type:
        return ir.Union_(variants=(t, NULL))

    f = _fields(api, "Issue")
    assert f["author"].type == _named(api, "SimpleUser") and f["number"].type == ir.Primitive(kind="integer")
    for name, target in (("assignee", "NullableSimpleUser"), ("milestone", "NullableMilestone"),
                         ("closed_by", "NullableSimpleUser"), ("reviewer", "Reviewer"),
                         ("state_reason", "NullableState"), ("note", "NullableNote")):
        assert f[name].type == nullable(_named(api, target)), name
        assert f[name].required, name  # required, but may be null
    assert f["closed_by"].description == "Who closed the issue."
    assert f["assignees"].type == ir.Array(items=nullable(user))
    assert f["watchers"].type == ir.Map(values=nullable(user))
    assert f["labels"].type == ir.Array(items=nullable(label))
    # The target models: an object and an enum cannot hold null themselves; aliases say it too.
    assert api.model(user.key).kind == "object" and api.model(_named(api, "NullableState").key).kind == "enum"
    assert api.model(_named(api, "NullableMilestone").key).alias == nullable(_named(api, "Milestone"))
    assert api.model(_named(api, "Reviewer").key).alias == nullable(user)
    assistant = next(op for op in api.operations if op.name == "get_assignee")
    assert assistant.responses[0].contents[0].type == nullable(user)


def test_nullability_is_read_from_the_schema_cycle_safe(tmp_path: Path) -> None:
    api, _ = _spec(tmp_path, """\
    Node:
      type: object
      nullable: true
      properties:
        next: {$ref: '#/components/schemas/Node'}
    A: {oneOf: [{$ref: '#/components/schemas/B'}, {type: string}]}
    B: {oneOf: [{$ref: '#/components/schemas/A'}, {type: integer, nullable: true}]}
    C: {oneOf: [{$ref: '#/components/schemas/D'}, {type: string}]}
    D: {oneOf: [{$ref: '#/components/schemas/C'}, {type: integer}]}
    Free: {}
    Both: {allOf: [{$ref: '#/components/schemas/Node'}, {$ref: '#/components/schemas/Node'}]}
    Uses:
      type: object
      properties:
        a: {$ref: '#/components/schemas/A'}
        b: {$ref: '#/components/schemas/B'}
        c: {$ref: '#/components/schemas/C'}
        free: {$ref: '#/components/schemas/Free'}
        both: {$ref: '#/components/schemas/Both'}
""")
    node = _named(api, "Node")
    assert _fields(api, "Node")["next"].type == ir.Union_(variants=(node, NULL))
    f = _fields(api, "Uses")
    assert f["a"].type == ir.Union_(variants=(_named(api, "A"), NULL))  # through B's null variant
    assert f["b"].type == ir.Union_(variants=(_named(api, "B"), NULL))
    assert f["c"].type == _named(api, "C")  # a cycle without null adds none
    assert f["free"].type == _named(api, "Free")  # Any holds None already
    assert f["both"].type == ir.Union_(variants=(_named(api, "Both"), NULL))


@pytest.mark.parametrize("spelling", ["nullable: true", "x-nullable: true", "type: [object, 'null']",
                                      "anyOf: [{type: object}, {type: 'null'}]"])
def test_every_spelling_of_null(tmp_path: Path, spelling: str) -> None:
    version = "3.1" if "null'" in spelling else "3.0"
    api, _ = _spec(tmp_path, f"""\
    Target: {{type: object, properties: {{a: {{type: string}}}}, {spelling}}}
    Uses: {{type: object, properties: {{t: {{$ref: '#/components/schemas/Target'}}}}}}
""".replace("type: object, properties: {a: {type: string}}, type: [object, 'null']",
            "type: [object, 'null'], properties: {a: {type: string}}"), version)
    assert _fields(api, "Uses")["t"].type == ir.Union_(variants=(_named(api, "Target"), NULL))


# --------------------------------------------------------------------------- the generated models


_GENERATED: dict[tuple[str, str], Path] = {}


def _package(feature: str, version: str, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    package = f"refs_{feature.replace('-', '_')}_{version.replace('.', '')}"
    if (feature, version) not in _GENERATED:
        out = tmp_path_factory.mktemp(package)
        generate_package(SPECS / "features" / f"{feature}-{version}.yaml", out, package, format=False)
        _GENERATED[(feature, version)] = out
    top, *_ = import_package(_GENERATED[(feature, version)], package, "models")
    return top


@pytest.mark.parametrize("version", ALL)
def test_models_of_annotated_and_nullable_references(version: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    m = _package("annotated", version, tmp_path_factory).models
    assert m.ItemName is str and m.Manager is m.Owner  # aliases, not new classes
    hints = typing.get_type_hints(m.Item)
    assert hints["owner"] == m.Owner | None and hints["state"] is m.State and hints["size"] == int | None
    item = m.Item(name="n", state="ENABLED")
    assert (item.mode, item.size, item.enabled) == (m.State.ENABLED, 1, True)  # the annotated defaults
    assert item.model_dump(mode="json", by_alias=True, exclude_unset=True) == {"name": "n", "state": "ENABLED"}
    with pytest.raises(pydantic.ValidationError, match="owner"):
        m.Item.model_validate({"name": "n", "state": "ENABLED", "owner": "not an object"})

    n = _package("nullable-refs", version, tmp_path_factory).models
    hints = typing.get_type_hints(n.Issue)
    assert hints["assignee"] == n.NullableSimpleUser | None and hints["state_reason"] == n.NullableState | None
    assert n.Issue.model_fields["assignee"].is_required()
    with pytest.raises(pydantic.ValidationError, match="author"):
        n.Issue.model_validate({"number": 1, "author": None, "assignee": None, "milestone": None, "closed_by": None,
                                "reviewer": None, "state_reason": None, "note": None, "assignees": []})


# --------------------------------------------------------------------------- conformance


def _json_schema(node: Any) -> Any:
    """OpenAPI 2.0 / 3.0 schemas as plain JSON Schema: ``nullable``/``x-nullable`` allow null."""
    if isinstance(node, list):
        return [_json_schema(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: ({p: _json_schema(s) for p, s in v.items()} if k in ("properties", "definitions") and
               isinstance(v, dict) else _json_schema(v))
           for k, v in node.items() if k not in ("nullable", "x-nullable", "example", "xml", "externalDocs")}
    if node.get("nullable") is True or node.get("x-nullable") is True:
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
            if isinstance(out.get("enum"), list) and None not in out["enum"]:
                out["enum"] = [*out["enum"], None]
        else:
            out = {"anyOf": [out, {"type": "null"}]}
    return out


def _schemas_of(feature: str, version: str) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    """The document's schemas as one JSON Schema root, and (label, schema) for each component and
    each operation's body and answer."""
    document = yaml.safe_load((SPECS / "features" / f"{feature}-{version}.yaml").read_text("utf-8"))
    if version == "2.0":
        root: dict[str, Any] = {"definitions": _json_schema(document["definitions"])}
        prefix = "#/definitions/"
    else:
        root = {"components": {"schemas": {k: _json_schema(v) for k, v in document["components"]["schemas"].items()}}}
        prefix = "#/components/schemas/"
    cases = [(name, {"$ref": prefix + name}) for name in _components(version, document)]
    for item in document["paths"].values():
        for method, op in item.items():
            if method == "parameters":
                continue
            bodies = [p["schema"] for p in op.get("parameters", ()) if p.get("in") == "body"]
            bodies += [c["schema"] for c in op.get("requestBody", {}).get("content", {}).values()]
            answers = [r["schema"] for r in op["responses"].values() if "schema" in r]
            answers += [c["schema"] for r in op["responses"].values() for c in r.get("content", {}).values()]
            cases += [(f"{op['operationId']} body", _json_schema(s)) for s in bodies]
            cases += [(f"{op['operationId']} answer", _json_schema(s)) for s in answers]
    return root, cases


def _python_type(api: ir.Api, label: str, models: ModuleType) -> Any:
    name, _, where = label.partition(" ")
    if not where:
        return getattr(models, next(m.name for m in api.models if m.key.endswith("/" + name)))
    op = next(o for o in api.operations if o.operation_id == name)
    contents = op.body.contents if where == "body" and op.body else op.responses[0].contents
    hint = TypeNamer(api, "m.", open_literals=True).hint(contents[0].type)
    return eval(hint, {"m": models, "Literal": typing.Literal, "Any": Any, "datetime": datetime, "uuid": uuid})


@pytest.mark.parametrize(("feature", "version"), [(f, v) for f in ("annotated", "nullable-refs") for v in ALL]
                         + [("references", v) for v in ("3.0", "3.1")])
def test_instances_of_the_original_schemas_round_trip_through_the_models(
        feature: str, version: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Independent of oagen's own code: hypothesis-jsonschema draws instances of each original
    schema; each validates into the generated type, and its dump validates against the schema."""
    api = _api(feature, version)
    models = _package(feature, version, tmp_path_factory).models
    root, cases = _schemas_of(feature, version)
    uses = _uses(api)
    seen: set[str] = set()
    for label, schema in cases:
        if json.dumps(schema, sort_keys=True) in seen:
            continue  # a body or answer that is a bare reference to a component checked already
        seen.add(json.dumps(schema, sort_keys=True))
        whole = {**root, **schema} if "$ref" not in schema else {**root, "allOf": [schema]}
        python_type = _python_type(api, label, models)
        if " " not in label and jsonschema.Draft7Validator(whole).is_valid(None):
            # A schema that allows null: a class cannot say so, every use of it does.
            key = next(m.key for m in api.models if m.key.endswith("/" + label))
            assert uses.get(key) and all(uses[key]), f"{label}: a use of it does not allow null"
            python_type = python_type | None
        _round_trip(label, whole, pydantic.TypeAdapter(python_type))


def _uses(api: ir.Api) -> dict[str, list[bool]]:
    """Per model key: for each use of the model, whether null is allowed there too."""
    found: dict[str, list[bool]] = {}

    def visit(t: ir.Type | None, nullable: bool = False) -> None:
        if isinstance(t, ir.Named):
            found.setdefault(t.key, []).append(nullable)
        elif isinstance(t, ir.Array):
            visit(t.items)
        elif isinstance(t, ir.Map):
            visit(t.values)
        elif isinstance(t, ir.Union_):
            for v in t.variants:
                visit(v, NULL in t.variants)

    for m in api.models:
        for f in m.fields:
            visit(f.type)
        visit(m.additional)
        visit(m.alias)
    for op in api.operations:
        for p in op.parameters:
            visit(p.type)
        for c in [*(op.body.contents if op.body else ()), *(c for r in op.responses for c in r.contents)]:
            visit(c.type)
    return found


class _Many:
    """hypothesis-jsonschema 0.23.1 (the latest) draws object properties with ``many(...).more()``,
    which Hypothesis has since replaced by ``with many(...) as elements: for _ in elements``."""

    def __init__(self, data: Any, **sizes: Any) -> None:
        self._many = conjecture_utils.many(data, **sizes)
        self._many.__enter__()
        self._steps = iter(self._many)

    def more(self) -> bool:
        if next(self._steps, False) is None:
            return True
        self._many.__exit__(None)
        return False

    def reject(self, why: str | None = None) -> None:
        self._many.reject(why)


if not hasattr(conjecture_utils.many, "more"):
    hjs.cu = type("ConjectureUtils", (), {"many": _Many})  # type: ignore[assignment]


def _round_trip(label: str, schema: dict[str, Any], adapter: pydantic.TypeAdapter[Any]) -> None:
    validator = jsonschema.Draft7Validator(schema)

    @settings(max_examples=10, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(from_schema(schema))
    def check(instance: Any) -> None:
        value = adapter.validate_python(instance)
        dumped = adapter.dump_python(value, mode="json", by_alias=True, exclude_unset=True)
        errors = [e.message for e in validator.iter_errors(dumped)]
        assert not errors, f"{label}: {json.dumps(instance)} → {json.dumps(dumped)}: {errors}"

    check()


def test_allof_that_narrows_a_scalar_or_array_is_that_type(tmp_path: Path) -> None:
    """``allOf: [{$ref: String}, {type: string}]`` or ``[{$ref: String}, {pattern: ...}]`` (ato.gov.au,
    AWS mediaconnect): the parts other than the referenced one only narrow it (a repeated type,
    validation keywords): the referenced type with those constraints, never an empty object model."""
    api, codes = _spec(tmp_path, """\
    Token: {type: string, maxLength: 36}
    Tags: {type: array, items: {type: string}}
    Owner: {type: object, properties: {id: {type: string}}}
    ResourceId: {allOf: [{$ref: '#/components/schemas/Token'}, {type: string}]}
    Thing:
      type: object
      properties:
        arn: {allOf: [{$ref: '#/components/schemas/Token'}, {pattern: '^arn:', description: An ARN.}]}
        slug: {allOf: [{$ref: '#/components/schemas/ResourceId'}, {type: string, minLength: 1}]}
        inline: {allOf: [{type: string, maxLength: 9}, {minLength: 2}, {description: In place.}]}
        size: {allOf: [{type: integer}, {minimum: 1, maximum: 5}]}
        tags: {allOf: [{$ref: '#/components/schemas/Tags'}, {maxItems: 3, uniqueItems: true}]}
        sibling: {allOf: [{$ref: '#/components/schemas/Token'}], pattern: '^t'}
        clash: {allOf: [{$ref: '#/components/schemas/Token'}, {type: integer}]}
        owner: {allOf: [{$ref: '#/components/schemas/Owner'}, {type: object, properties: {x: {type: string}}}]}
""")
    token = _named(api, "Token")
    resource = api.model(_named(api, "ResourceId").key)
    assert (resource.kind, resource.alias) == ("alias", token)
    f = _fields(api, "Thing")
    assert f["arn"].type == token and f["arn"].description == "An ARN."
    assert f["slug"].type == _named(api, "ResourceId") and f["sibling"].type == token
    # In place, the narrowing keywords join the type's own constraints.
    assert f["inline"].type == ir.Primitive(kind="string", constraints=ir.Constraints(min_length=2, max_length=9))
    assert f["size"].type == ir.Primitive(kind="integer", constraints=ir.Constraints(minimum=1, maximum=5))
    assert f["tags"].type == _named(api, "Tags")
    # A part of another type, or one that adds properties, is no narrowing: merged as before.
    assert api.model(f["clash"].type.key).kind == "object"  # type: ignore[union-attr]
    owner = api.model(f["owner"].type.key)  # type: ignore[union-attr]
    assert owner.kind == "object" and [x.wire_name for x in owner.fields] == ["x"]
    assert "OAG211" not in codes


def test_several_bases_always_make_a_class_python_can_order(tmp_path: Path) -> None:
    """``allOf`` of several bases where one base already derives from another (Azure LUIS:
    ``[ModelInfo, EntityModelInfo]``), or where two bases order their own bases oppositely: the
    model is a class Python can create (no MRO error) and reads every field of every base."""
    spec = tmp_path / "mro.yaml"
    spec.write_text("""\
openapi: 3.0.3
info: {title: MRO, version: '1'}
paths: {}
components:
  schemas:
    ModelInfo: {type: object, properties: {id: {type: string}}}
    EntityModelInfo:
      allOf: [{$ref: '#/components/schemas/ModelInfo'}, {type: object, properties: {roles: {type: array, items: {type: string}}}}]
    SubClosedList:
      allOf:
        - $ref: '#/components/schemas/ModelInfo'
        - $ref: '#/components/schemas/EntityModelInfo'
        - {type: object, properties: {subLists: {type: array, items: {type: string}}}}
    A: {type: object, properties: {a: {type: string}}}
    B: {type: object, properties: {b: {type: string}}}
    AB: {allOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}
    BA: {allOf: [{$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/A'}]}
    Both:
      allOf: [{$ref: '#/components/schemas/AB'}, {$ref: '#/components/schemas/BA'}, {properties: {c: {type: string}}}]
""", "utf-8")
    out = generate_package(spec, tmp_path / "out", "mro_pkg", format=False)
    _, models = import_package(out, "mro_pkg", "models")
    sub = models.SubClosedList.model_validate({"id": "1", "roles": ["r"], "subLists": ["s"]})
    assert sub.model_dump(by_alias=True, exclude_unset=True) == {"id": "1", "roles": ["r"], "subLists": ["s"]}
    assert isinstance(sub, models.EntityModelInfo) and isinstance(sub, models.ModelInfo)
    both = models.Both.model_validate({"a": "x", "b": "y", "c": "z"})
    assert (both.a, both.b, both.c) == ("x", "y", "z") and isinstance(both, models.AB)
    assert both.model_dump(by_alias=True, exclude_unset=True) == {"a": "x", "b": "y", "c": "z"}


def test_a_subclass_reads_a_base_that_names_later_types(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A base class naming a type its module defines after it (a cycle, or an alias: aliases come
    after classes; Azure Cosmos DB's ``ARMResourceProperties.tags: Tags``) and a subclass in
    another module: the subclass validates (pydantic would read the inherited annotations in the
    subclass's module and fail with "not fully defined")."""
    spec = tmp_path / "late.yaml"
    spec.write_text("""\
openapi: 3.0.3
info: {title: Late, version: '1'}
paths: {}
components:
  schemas:
    Resource:
      type: object
      properties:
        owner: {$ref: '#/components/schemas/Owner'}
        tags: {$ref: '#/components/schemas/Tags'}
    Owner:
      type: object
      properties:
        resources: {type: array, items: {$ref: '#/components/schemas/Resource'}}
        tags: {$ref: '#/components/schemas/Tags'}
    Tags: {type: object, additionalProperties: {type: string}}
    Database:
      allOf: [{$ref: '#/components/schemas/Resource'}, {type: object, properties: {name: {type: string}}}]
""", "utf-8")
    from generator.targets import models as models_target

    for layout in ("modules per cycle", "packed modules (the split layout of a big API)"):
        if layout.startswith("packed"):
            monkeypatch.setattr(models_target, "split", lambda api: True)
        package = f"late_{layout.split()[0]}"
        out = generate_package(spec, tmp_path / package, package, format=False)
        _, models = import_package(out, package, "models")
        value = {"name": "d", "tags": {"a": "b"}, "owner": {"tags": {"c": "d"}, "resources": [{"tags": {}}]}}
        db = models.Database.model_validate(value)
        assert db.model_dump(by_alias=True, exclude_unset=True) == value


def test_a_required_key_no_property_declares_stays_apart_from_the_fields(tmp_path: Path) -> None:
    """``required: [id, name]`` beside the properties ``Id`` and ``Name`` (Xero): ``name`` arrives
    as an extra key. No field is called ``name`` in Python, so the key is not read into ``Name`` by
    name, and the model's dump gives back exactly what came."""
    spec = tmp_path / "undeclared.yaml"
    spec.write_text("""\
openapi: 3.0.3
info: {title: Undeclared, version: '1'}
paths: {}
components:
  schemas:
    FileObject:
      type: object
      required: [id, name]
      properties:
        Id: {type: string}
        Name: {type: string}
""", "utf-8")
    api, _ = _spec(tmp_path, """\
    FileObject:
      type: object
      required: [id, name]
      properties:
        Id: {type: string}
        Name: {type: string}
""")
    model = api.model(_named(api, "FileObject").key)
    assert model.undeclared == ("id", "name")
    assert not {"id", "name"} & {f.name for f in model.fields}
    out = generate_package(spec, tmp_path / "out", "undeclared_pkg", format=False)
    _, models = import_package(out, "undeclared_pkg", "models")
    for value in ({"id": None, "name": None}, {"id": "1", "name": "a", "Name": "b"}):
        read = models.FileObject.model_validate(value)
        assert read.model_dump(by_alias=True, exclude_unset=True, mode="json") == value


def test_a_uuid_with_its_own_pattern_is_text(tmp_path: Path) -> None:
    """``format: uuid`` beside a ``pattern`` (loket.nl: braces and dashes anywhere): the pattern is
    the contract, and values it admits are no UUID a parser reads, so the type is ``str``."""
    api, _ = _spec(tmp_path, """\
    Thing:
      type: object
      properties:
        id: {type: string, format: uuid, pattern: '^[{(]?[0-9A-F]{8}[-]?([0-9A-F]{4}[-]?){3}[0-9A-F]{12}[)}]?$'}
        plain: {type: string, format: uuid}
""")
    f = _fields(api, "Thing")
    assert isinstance(f["id"].type, ir.Primitive) and f["id"].type.format is None
    assert f["id"].type.constraints.pattern is not None
    assert isinstance(f["plain"].type, ir.Primitive) and f["plain"].type.format == "uuid"
