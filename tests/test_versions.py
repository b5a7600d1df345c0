"""One petstore written in Swagger 2.0, OpenAPI 3.0 and 3.1 normalizes to the same IR."""

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
