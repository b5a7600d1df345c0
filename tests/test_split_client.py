"""The split layout of big clients: operations grouped by tag into modules loaded on first use."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import httpx
import pytest

from generator import ir
from generator.targets import groups
from helpers import generate_package, import_fresh, import_package, mypy_strict

PACKAGE = "cognito_split"


def _op(name: str, *tags: str) -> ir.Operation:
    return ir.Operation(name=name, operation_id=name, method="GET", path="/" + name, path_key="/" + name, tags=tags)


def _api(ops: list[ir.Operation]) -> ir.Api:
    return ir.Api(title="t", version="1", spec_version="3.0.3", operations=tuple(ops))


def test_groups_follow_the_first_tag_pool_small_ones_and_cut_big_ones() -> None:
    ops = [_op(f"a{i}", "Alpha Beta", "x") for i in range(groups.MOST + 10)]
    ops += [_op(f"s{i}", "class") for i in range(groups.FEWEST)]  # a keyword as a tag
    ops += [_op("lonely", "Tiny"), _op("untagged"), _op("other_tag", "other")]
    ops.insert(3, _op("early", "Tiny"))
    found = groups.groups(_api(ops))
    assert [g.module for g in found] == ["alpha_beta_1", "alpha_beta_2", "class_", "other"]
    assert [len(g.operations) for g in found] == [80, 80, groups.FEWEST, 4]
    assert found[-1].tags == ("Tiny", "", "other")
    # Every operation in exactly one group; the pooled group keeps spec order.
    assert sorted(op.name for g in found for op in g.operations) == sorted(op.name for op in ops)
    assert [op.name for op in found[-1].operations] == ["early", "lonely", "untagged", "other_tag"]
    assert groups.groups(_api(ops)) == found  # deterministic


def test_small_apis_keep_one_client_module() -> None:
    small = _api([_op(f"o{i}", "t") for i in range(groups.SPLIT_AT - 1)])
    assert not groups.split(small)
    assert groups.split(_api([_op(f"o{i}", "t") for i in range(groups.SPLIT_AT)]))


@pytest.fixture(scope="module")
def split_out(tmp_path_factory: pytest.TempPathFactory, merged_spec: Path) -> Path:
    out = tmp_path_factory.mktemp("split")
    generate_package(merged_spec, out, PACKAGE)
    return out


def _loaded() -> set[str]:
    return {name.rsplit(".", 1)[1] for name in sys.modules if name.startswith(f"{PACKAGE}._operations.")}


def test_importing_the_client_loads_no_operation_module(split_out: Path) -> None:
    package = split_out / PACKAGE
    assert sorted(p.name for p in (package / "_operations").glob("*.py")) == [
        "__init__.py", "dataset.py", "devices.py", "groups.py", "identities.py", "identity_pool.py", "other.py",
        "users.py"]
    assert "def list_devices" not in (package / "client.py").read_text()
    client_mod = import_fresh(split_out, f"{PACKAGE}.client")
    assert _loaded() == set()
    client = client_mod.Client("http://127.0.0.1:9")
    assert "list_devices" in dir(client) and "list_devices" in dir(client_mod.Client)
    assert _loaded() == set()
    method = client.list_devices  # first use: its module, nothing else
    assert _loaded() == {"devices"}
    assert method.__self__ is client and callable(method)
    assert client_mod.Client.list_devices is method.__func__  # kept on the class from now on
    assert client_mod.Client.get_group.__name__ == "get_group"  # class access loads too
    assert _loaded() == {"devices", "groups"}
    with pytest.raises(AttributeError, match="'Client' object has no attribute 'list_device'"):
        client.list_device  # noqa: B018
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        client_mod.Client.nothing  # noqa: B018
    assert not hasattr(client, "_http_missing")


def test_split_methods_call_the_server_sync_async_and_subclassed(split_out: Path) -> None:
    _, client_mod, app_mod, errors = import_package(split_out, PACKAGE, "client", "server.app", "errors")

    class Handlers(app_mod.BaseHandlers):
        async def list_devices(self, **kwargs: object) -> object:
            return {"token": kwargs["pagination_token"]}

    app = app_mod.create_app(Handlers())

    async def calls() -> None:
        transport = httpx.ASGITransport(app=app)
        async with client_mod.AsyncClient("http://test", transport=transport) as client:
            answer = await client.list_devices(access_token="t", pagination_token="k")
            assert answer == {"token": "k"}
            with pytest.raises(errors.ApiError) as caught:
                await client.get_group(group_name="g", user_pool_id="p")
            assert caught.value.status_code == 501
            full = await client.with_response(client.list_devices)(pagination_token="z")
            assert full.status_code == 200

    asyncio.run(calls())

    class Mine(client_mod.Client):  # users subclass clients; the lazy methods come along
        def first_device(self) -> str:
            return str(self.list_devices(pagination_token="k2")["token"])

    class Sync(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, json={"token": request.url.params["PaginationToken"]})

    with Mine("http://test", transport=Sync()) as mine:
        assert mine.first_device() == "k2"


def _models_spec() -> dict[str, object]:
    """100 operations and 70 models: a chain of references, a cycle, inheritance, an enum, an alias."""
    schemas: dict[str, object] = {
        f"Link{i}": {"type": "object", "properties": {"next": {"$ref": f"#/components/schemas/Link{i + 1}"},
                                                      "n": {"type": "integer"}}} for i in range(59)}
    schemas["Link59"] = {"type": "object", "properties": {"color": {"$ref": "#/components/schemas/Color"}}}
    schemas["Color"] = {"type": "string", "enum": ["red", "green"]}
    schemas["Names"] = {"type": "array", "items": {"type": "string"}}
    schemas["Tree"] = {"type": "object", "properties": {"forest": {"$ref": "#/components/schemas/Forest"},
                                                        "names": {"$ref": "#/components/schemas/Names"}}}
    schemas["Forest"] = {"type": "object", "properties": {"trees": {
        "type": "array", "items": {"$ref": "#/components/schemas/Tree"}}}}
    schemas["Base"] = {"type": "object", "properties": {"id": {"type": "string"}}}
    schemas["Derived"] = {"allOf": [{"$ref": "#/components/schemas/Base"},
                                    {"type": "object", "properties": {"tree": {"$ref": "#/components/schemas/Tree"}}}]}
    for i in range(5):
        schemas[f"Leaf{i}"] = {"type": "object", "properties": {"v": {"type": "string"}}}
    names = list(schemas)
    paths = {f"/r{i}": {"get": {"operationId": f"get{i}", "tags": [f"t{i % 3}"], "responses": {"200": {
        "description": "ok", "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{names[i % len(names)]}"}}}}}}}
        for i in range(groups.SPLIT_AT)}
    return {"openapi": "3.0.3", "info": {"title": "Packed", "version": "1"}, "paths": paths,
            "components": {"schemas": schemas}}


def test_models_of_a_big_api_are_packed_without_import_cycles(tmp_path: Path) -> None:
    import json

    spec = tmp_path / "packed.json"
    spec.write_text(json.dumps(_models_spec()))
    out = generate_package(spec, tmp_path / "out", "packed")
    files = sorted(p.name for p in (out / "packed" / "models").glob("*.py"))
    assert 3 <= len(files) - 2 <= 6, files  # 70 models in a few modules, not 70 files
    models = import_fresh(out, "packed.models")
    loaded = lambda: {n for n in sys.modules if n.startswith("packed.models.") and n != "packed.models._base"}  # noqa: E731
    assert loaded() == set()
    assert models.Color.RED == "red"  # loads its own module (the first: it needs no other), nothing else
    assert len(loaded()) == 1
    for name in models.__all__:  # every model importable (no cycle among the modules)
        assert getattr(models, name) is not None
    chain = models.Link0.model_validate({"n": 0, "next": {"n": 1, "next": {"n": 2}}})
    assert chain.next_.next_.n == 2
    tree = models.Derived.model_validate({"id": "d", "tree": {"forest": {"trees": [{"names": ["a"]}]}}})
    assert tree.tree.forest.trees[0].names == ["a"]
    assert models.Link59.model_validate({"color": "red"}).color == models.Color.RED


@pytest.mark.slow
def test_packed_models_are_black_and_mypy_clean(tmp_path: Path) -> None:
    import json

    import black

    spec = tmp_path / "packed.json"
    spec.write_text(json.dumps(_models_spec()))
    out = generate_package(spec, tmp_path / "out", "packed")
    mode = black.Mode(line_length=100)
    for path in sorted((out / "packed").rglob("*.py")):
        text = path.read_text()
        assert black.format_str(text, mode=mode) == text, path
    run = mypy_strict(out, "packed")
    assert run.returncode == 0, run.stdout + run.stderr
