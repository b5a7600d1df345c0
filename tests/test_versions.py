"""One petstore, and each schema feature spec, written in Swagger 2.0, OpenAPI 3.0 and 3.1
normalizes to the same IR."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from generator.api import load_api
from generator.dump import to_data
from helpers import SPECS, generate_package, import_package

VERSIONS = ("2.0", "3.0", "3.1")


def _ir(version: str) -> dict[str, object]:
    loaded = load_api(str(SPECS / "petstore" / f"petstore-{version}.yaml"))
    assert loaded.api is not None and not [d for d in loaded.diagnostics if d.code != "OAG011"]
    data = to_data(loaded.api)
    data.pop("spec_version")
    return data


def test_three_versions_one_ir() -> None:
    first, *others = (_ir(v) for v in VERSIONS)
    for other in others:
        assert json.dumps(other, indent=1) == json.dumps(first, indent=1)


# specs/features/<feature>-<version>.yaml: the versions each feature exists in. Swagger 2.0 has no
# oneOf/anyOf (no unions); the others are written once per version with that version's idiom
# (x-nullable / nullable / type arrays, enum: [x] / const, boolean / numeric exclusiveMaximum,
# allOf-wrapped / sibling-of-$ref defaults, example / examples).
FEATURES = {
    "composition": VERSIONS, "unions": ("3.0", "3.1"), "nullable": VERSIONS, "maps": VERSIONS,
    "recursive": VERSIONS, "scalars": VERSIONS, "annotated": VERSIONS, "nullable-refs": VERSIONS,
    "references": ("3.0", "3.1"),
}


def _feature_ir(feature: str, version: str) -> dict[str, object]:
    loaded = load_api(str(SPECS / "features" / f"{feature}-{version}.yaml"))
    assert loaded.api is not None
    assert not loaded.diagnostics, [d.format() for d in loaded.diagnostics]
    data = to_data(loaded.api)
    assert data.pop("spec_version").startswith(version)
    return data


def _without(data: object, key: str) -> object:
    """The IR data with ``key`` dropped everywhere."""
    if isinstance(data, dict):
        return {k: _without(v, key) for k, v in data.items() if k != key}
    if isinstance(data, list):
        return [_without(v, key) for v in data]
    return data


@pytest.mark.parametrize("feature", FEATURES)
def test_feature_flavours_one_ir(feature: str) -> None:
    first, *others = (_feature_ir(feature, v) for v in FEATURES[feature])
    for version, other in zip(FEATURES[feature][1:], others, strict=True):
        if FEATURES[feature][0] == "2.0":
            # Swagger 2.0 has no writeOnly: that one fact is all the 3.x flavours may add.
            other = _without(other, "write_only")  # type: ignore[assignment]
        assert json.dumps(other, indent=1) == json.dumps(first, indent=1), f"{feature}: {version} differs"


def test_write_only_is_the_only_difference_scalars_may_show() -> None:
    fields = {f["wire_name"]: f for m in _feature_ir("scalars", "3.0")["models"]  # type: ignore[attr-defined]
              for f in m.get("fields", ())}
    assert fields["secret"].get("write_only") is True and fields["id"].get("read_only") is True


@pytest.mark.parametrize("version", VERSIONS)
def test_petstore_round_trip_in_process(version: str, tmp_path: Path) -> None:
    out = generate_package(SPECS / "petstore" / f"petstore-{version}.yaml", tmp_path, "petstore_rt")
    pkg, server, base = import_package(out, "petstore_rt", "server.app", "server.base")
    models = pkg.models
    seen: dict[str, object] = {}

    class Handlers(base.BaseHandlers):  # type: ignore[name-defined,misc]
        async def list_pets(self, *, limit: int | None = None, tags: list[str] | None = None) -> object:
            seen["list"] = (limit, tags)
            return [models.Pet(id=1, name="Rex", status=models.Status.AVAILABLE)]

        async def create_pet(self, *, body: object) -> object:
            seen["create"] = body
            return body

        async def show_pet_by_id(self, *, pet_id: str) -> object:
            from fastapi.responses import JSONResponse

            return JSONResponse({"code": 404, "message": f"no pet {pet_id}"}, status_code=404)

    app = server.create_app(Handlers())

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        async with pkg.AsyncClient("http://test/v1", transport=transport, api_key="secret") as client:
            pets = await client.list_pets(limit=10, tags=["a", "b c"])
            assert seen["list"] == (10, ["a", "b c"])
            assert pets[0].name == "Rex" and pets[0].status is models.Status.AVAILABLE
            created = await client.create_pet(models.Pet(id=2, name="Tom", tag="cat"))
            assert created == models.Pet(id=2, name="Tom", tag="cat")
            assert isinstance(seen["create"], models.Pet)
            with pytest.raises(pkg.ApiError) as info:
                await client.show_pet_by_id("a/b?c")
            assert info.value.status_code == 404
            assert info.value.parsed == models.Error(code=404, message="no pet a/b?c")
            with pytest.raises(pkg.ApiError) as info:
                await client.delete_pet("7")
            assert info.value.status_code == 501
            assert "secret" not in repr(client)

    asyncio.run(run())
