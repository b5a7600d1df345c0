"""The schema feature specs (specs/features/{composition,unions,nullable,maps,recursive,scalars}-*.yaml):
what the IR holds for each feature, and what the generated models do with real data, in every
version flavour the feature exists in (tests/test_versions.py checks that the flavours agree)."""

from __future__ import annotations

import asyncio
import datetime
import typing
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pydantic
import pytest
from helpers import SPECS, generate_package, import_package

from generator import ir
from generator.api import load_api

ALL = ("2.0", "3.0", "3.1")
UNIONS = ("3.0", "3.1")  # Swagger 2.0 has no oneOf/anyOf
_GENERATED: dict[tuple[str, str], Path] = {}


def _api(feature: str, version: str) -> ir.Api:
    loaded = load_api(str(SPECS / "features" / f"{feature}-{version}.yaml"))
    assert loaded.api is not None and not loaded.diagnostics
    return loaded.api


def _fields(api: ir.Api, model: str) -> dict[str, ir.Field]:
    return {f.wire_name: f for f in api.model(_key(api, model)).fields}


def _key(api: ir.Api, name: str) -> str:
    return next(m.key for m in api.models if m.name == name)


def _package(feature: str, version: str, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The generated package of a feature spec (generated once per session), freshly imported."""
    package = f"feat_{feature}_{version.replace('.', '')}"
    if (feature, version) not in _GENERATED:
        out = tmp_path_factory.mktemp(package)
        generate_package(SPECS / "features" / f"{feature}-{version}.yaml", out, package, format=False)
        _GENERATED[(feature, version)] = out
    top, *_ = import_package(_GENERATED[(feature, version)], package, "models", "client", "server.app")
    return top


def _server(top: ModuleType) -> Any:
    import sys

    return sys.modules[f"{top.__name__}.server.app"]


def _call_mock(top: ModuleType, call: Any) -> Any:
    """Run ``call(client)`` with an async client talking to the package's mock server in process."""
    app = _server(top).create_app(mock=True)

    async def run() -> Any:
        transport = httpx.ASGITransport(app=app)
        async with top.AsyncClient("http://test/v1", transport=transport) as client:
            return await call(client)

    return asyncio.run(run())


# --------------------------------------------------------------------------- allOf


@pytest.mark.parametrize("version", ALL)
def test_all_of_is_inheritance_and_mixins(version: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    api = _api("composition", version)
    document = api.model(_key(api, "Document"))
    assert [api.model(b).name for b in document.bases] == ["Resource", "Timestamps"]
    assert [f.wire_name for f in document.fields] == ["title", "body"]
    assert [f.required for f in document.fields] == [True, False]
    assert [api.model(b).name for b in api.model(_key(api, "Report")).bases] == ["Document"]
    assert [api.model(b).name for b in api.model(_key(api, "Dog")).bases] == ["Animal"]

    m = _package("composition", version, tmp_path_factory).models
    assert issubclass(m.Report, m.Document) and issubclass(m.Document, m.Resource)
    assert issubclass(m.Document, m.Timestamps)
    report = m.Report.model_validate({"id": "r1", "title": "Q2", "pages": 3, "createdAt": "2024-06-01T12:00:00Z"})
    assert report.id_ == "r1" and report.pages == 3 and report.created_at.year == 2024
    with pytest.raises(pydantic.ValidationError, match="id"):
        m.Report.model_validate({"title": "Q2", "pages": 3})  # the base's required field
    # The base with a discriminator reads every subtype, keeping the subtype's fields.
    animal = m.Animal.model_validate({"kind": "Dog", "name": "Rex", "barks": True})
    assert animal.kind == "Dog" and animal.model_extra == {"barks": True}


# --------------------------------------------------------------------------- oneOf / anyOf


@pytest.mark.parametrize("version", UNIONS)
def test_tagged_union_maps_tags_to_models(version: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    api = _api("unions", version)
    shape = api.model(_key(api, "Shape"))
    assert isinstance(shape.alias, ir.Union_) and shape.alias.discriminator is not None
    assert shape.alias.discriminator.property == "shape"
    assert {tag: api.model(key).name for tag, key in shape.alias.discriminator.mapping} == \
        {"circle": "Circle", "square": "Square"}
    assert shape.alias.variants == (ir.Named(key=_key(api, "Circle")), ir.Named(key=_key(api, "Square")))
    assert _fields(api, "Circle")["shape"].type == ir.Literal(values=("circle",))
    contact = api.model(_key(api, "Contact")).alias
    assert isinstance(contact, ir.Union_) and contact.discriminator is None and len(contact.variants) == 2
    assert _fields(api, "Label")["id"].type == ir.Union_(variants=(ir.STRING, ir.Primitive(kind="integer")))

    top = _package("unions", version, tmp_path_factory)
    m = top.models
    shapes = pydantic.TypeAdapter(list[m.Shape]).validate_python(
        [{"shape": "square", "side": 2}, {"shape": "circle", "radius": 1}])
    assert [type(s) for s in shapes] == [m.Square, m.Circle]
    listed = _call_mock(top, lambda client: client.list_shapes())
    assert [type(s) for s in listed] == [m.Circle, m.Square] and listed[1].side == 2
    assert m.Label.model_validate({"id": 7}).id_ == 7 and m.Label.model_validate({"id": "x"}).id_ == "x"


# --------------------------------------------------------------------------- nullable


@pytest.mark.parametrize("version", ALL)
def test_nullable_fields_are_optional(version: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    api = _api("nullable", version)
    fields = _fields(api, "Profile")
    for name in ("nickname", "bio", "age", "score", "tags", "status", "manager"):
        t = fields[name].type
        assert isinstance(t, ir.Union_) and t.variants[-1] == ir.NULL, name
    assert fields["manager"].type.variants[0] == ir.Named(key=_key(api, "Person"))  # type: ignore[union-attr]
    assert fields["status"].type.variants[0] == ir.Literal(values=("active", "inactive"))  # type: ignore[union-attr]
    assert fields["nickname"].required and not fields["bio"].required

    m = _package("nullable", version, tmp_path_factory).models
    hints = typing.get_type_hints(m.Profile)
    for name in ("nickname", "bio", "age", "score", "tags", "status", "manager"):
        assert type(None) in typing.get_args(hints[name]), name
    assert m.Profile.model_fields["nickname"].is_required()  # required, but may be null
    profile = m.Profile.model_validate({"id": 1, "nickname": None, "manager": None, "status": None, "tags": None})
    assert profile.nickname is None and profile.manager is None
    with pytest.raises(pydantic.ValidationError, match="nickname"):
        m.Profile.model_validate({"id": 1})


# --------------------------------------------------------------------------- additionalProperties


@pytest.mark.parametrize("version", ALL)
def test_maps_and_free_form_objects(version: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    api = _api("maps", version)
    fields = _fields(api, "Inventory")
    assert fields["counts"].type == ir.Map(values=ir.Primitive(kind="integer"))
    assert fields["items"].type == ir.Map(values=ir.Named(key=_key(api, "Item")))
    assert fields["aliases"].type == ir.Map(values=ir.Array(items=ir.STRING))
    assert fields["metadata"].type == fields["attributes"].type == ir.Map(values=ir.ANY)
    assert api.model(_key(api, "Prices")).alias == ir.Map(values=ir.Primitive(kind="number"))
    settings = api.model(_key(api, "Settings"))
    assert settings.kind == "object" and settings.additional == ir.STRING

    top = _package("maps", version, tmp_path_factory)
    m = top.models
    inventory = m.Inventory.model_validate({"counts": {"n": 1}, "items": {"a": {"sku": "a"}}, "metadata": {"x": [1]}})
    assert isinstance(inventory.items["a"], m.Item) and inventory.metadata == {"x": [1]}
    with pytest.raises(pydantic.ValidationError):
        m.Inventory.model_validate({"counts": {"n": "many"}})
    assert m.Settings.model_validate({"theme": "dark", "locale": "en"}).model_extra == {"locale": "en"}
    answer = _call_mock(top, lambda client: client.get_inventory())
    assert answer.items["a1"] == m.Item(sku="a1", quantity=2) and answer.counts == {"north": 3, "south": 0}


# --------------------------------------------------------------------------- recursion

_TREE = {"name": "root", "children": [{"name": "a", "children": [{"name": "a1", "children": []}]}, {"name": "b"}]}
_COMPANY = {"name": "Acme", "parent": {"name": "Holding", "parent": {"name": "Group"}},
            "employees": [{"name": "Ada", "employer": {"name": "Acme", "employees": [{"name": "Bob"}]}}]}


@pytest.mark.parametrize("version", ALL)
def test_recursive_models_validate_nested_data(version: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    api = _api("recursive", version)
    tree_key, company_key, employee_key = (_key(api, n) for n in ("TreeNode", "Company", "Employee"))
    assert _fields(api, "TreeNode")["children"].type == ir.Array(items=ir.Named(key=tree_key))
    assert _fields(api, "Company")["parent"].type == ir.Named(key=company_key)
    assert _fields(api, "Company")["employees"].type == ir.Array(items=ir.Named(key=employee_key))
    assert _fields(api, "Employee")["employer"].type == ir.Named(key=company_key)

    top = _package("recursive", version, tmp_path_factory)
    m = top.models
    tree = m.TreeNode.model_validate(_TREE)
    assert tree.children[0].children[0].name == "a1" and isinstance(tree.children[1], m.TreeNode)
    assert tree.model_dump(exclude_none=True) == _TREE
    company = m.Company.model_validate(_COMPANY)
    assert company.parent.parent.name == "Group"
    assert isinstance(company.employees[0].employer.employees[0], m.Employee)
    with pytest.raises(pydantic.ValidationError):
        m.TreeNode.model_validate({"name": "root", "children": [{"children": []}]})  # a nested name is missing
    answer = _call_mock(top, lambda client: client.get_tree())
    assert answer.children[0].children[0] == m.TreeNode(name="a1")


# --------------------------------------------------------------------------- formats, constraints, enums


@pytest.mark.parametrize("version", ALL)
def test_formats_constraints_enums_defaults(version: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    api = _api("scalars", version)
    f = _fields(api, "Event")
    formats = {k: v.type.format for k, v in f.items() if isinstance(v.type, ir.Primitive)}
    assert formats == {"id": "uuid", "title": None, "code": None, "day": "date", "at": "date-time", "payload": "byte",
                       "count": "int32", "total": "int64", "ratio": "float", "amount": "double", "email": "email",
                       "homepage": "uri", "retries": None, "enabled": None, "secret": None}
    assert f["title"].type == ir.Primitive(kind="string", constraints=ir.Constraints(min_length=1, max_length=80))
    assert f["code"].type.constraints.pattern == "^[A-Z]{3}$"  # type: ignore[union-attr]
    assert f["ratio"].type.constraints == ir.Constraints(minimum=0, exclusive_maximum=1)  # type: ignore[union-attr]
    assert f["count"].type.constraints == ir.Constraints(minimum=0, maximum=1000)  # type: ignore[union-attr]
    assert f["tags"].type == ir.Array(items=ir.STRING, constraints=ir.Constraints(min_items=1, max_items=5,
                                                                                  unique_items=True))
    assert f["kind"].type == ir.Literal(values=("event",)) and f["kind"].required
    assert f["visibility"].type == ir.Literal(values=("public", "private"))
    assert [(k, f[k].default) for k in ("color", "priority", "visibility", "retries", "enabled")] == \
        [("color", "red"), ("priority", 2), ("visibility", "public"), ("retries", 3), ("enabled", True)]
    assert f["id"].read_only and not f["id"].required
    color, priority = api.model(_key(api, "Color")), api.model(_key(api, "Priority"))
    assert (color.kind, color.enum_type, priority.kind, priority.enum_type) == ("enum", "string", "enum", "integer")
    listing = next(op for op in api.operations if op.name == "list_events")
    limit = next(p for p in listing.parameters if p.wire_name == "limit")
    assert limit.default == 20 and limit.type.constraints == ir.Constraints(minimum=1, maximum=100)  # type: ignore[union-attr]

    top = _package("scalars", version, tmp_path_factory)
    m = top.models
    event = m.Event(kind="event", title="Launch", day="2024-06-01", at="2024-06-01T12:00:00Z",
                    id="3f2c7e1a-8b1e-4d0a-9c6f-2a1b3c4d5e6f", color="blue", priority=3)
    assert event.day == datetime.date(2024, 6, 1) and event.at.tzinfo is not None
    assert isinstance(event.id_, uuid.UUID) and event.color is m.Color.BLUE and event.priority is m.Priority.VALUE_3
    assert (event.retries, event.enabled, event.visibility) == (3, True, "public")
    with pytest.raises(pydantic.ValidationError, match="kind"):
        m.Event(kind="other", title="x", day="2024-06-01")
    answer = _call_mock(top, lambda client: client.list_events(color="red", priority=2, limit=5))
    assert answer and all(isinstance(e, m.Event) for e in answer)
