"""The server runtime's lazy routes (generator/runtime/server/lazy.py), called directly on a small
split-layout package written to a temporary folder: the app starts without importing any group
module, a group is imported and built (once) on the first request one of its routes takes, every
route is reachable in the one route order across groups, constants and eager routes included."""

from __future__ import annotations

import itertools
import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Match, NoMatchFound

from generator.runtime.server.lazy import (
    LazyRoute,
    _route_path,
    add_lazy_routes,
    build_group,
    build_routes,
    route_table,
)

PETS = '''
from typing import Annotated
from fastapi import Depends

from . import BUILT

def who() -> str:
    return "real"

async def mine(caller: Annotated[str, Depends(who)]) -> dict[str, str]:
    return {"op": "mine", "caller": caller}

async def get_pet(pet_id: int) -> dict[str, object]:
    return {"op": "get_pet", "id": pet_id}

async def delete_pet(pet_id: int) -> dict[str, object]:
    return {"op": "delete_pet", "id": pet_id}

def add_routes(routes):
    BUILT.append("pets")
    routes.add(0, "/pets/mine", mine, methods=["GET"], name="mine")
    routes.add(2, "/pets/{pet_id}", get_pet, methods=["GET"], name="get_pet")
    routes.add(3, "/pets/{pet_id}", delete_pet, methods=["DELETE"], name="delete_pet")
'''

STORES = '''
from generator.runtime.server.dispatch import constant_route

from . import BUILT

async def list_stores() -> dict[str, str]:
    return {"op": "list_stores"}

async def do_a() -> dict[str, str]:
    return {"op": "DoA"}

async def do_b() -> dict[str, str]:
    return {"op": "DoB"}

def add_routes(routes):
    BUILT.append("stores")
    routes.add(1, "/stores", list_stores, methods=["GET"], name="list_stores")
    routes.add(4, "/", do_a, methods=["POST"], name="DoA",
               route_class_override=constant_route([("header", "X-Target", "A")]))
    routes.add(5, "/", do_b, methods=["POST"], name="DoB",
               route_class_override=constant_route([("query", "Action", "B")]))
'''

# What routes.json holds: per group module, (place, path, method, operation, constants).
TABLE = [
    ["pets", [[0, "/pets/mine", "GET", "mine", []], [2, "/pets/{pet_id}", "GET", "get_pet", []],
              [3, "/pets/{pet_id}", "DELETE", "delete_pet", []]]],
    ["stores", [[1, "/stores", "GET", "list_stores", []], [4, "/", "POST", "DoA", [["header", "X-Target", "A"]]],
                [5, "/", "POST", "DoB", [["query", "Action", "B"]]]]],
]
ORDER = ["mine", "list_stores", "get_pet", "delete_pet", "DoA", "DoB", "_fallback"]
_names = itertools.count()


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A server package of two groups (a new name each test: nothing imported before)."""
    name = f"lazy_pkg_{next(_names)}"
    root = tmp_path / name
    (root / "_routes").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "routes.json").write_text(json.dumps(TABLE))
    (root / "_routes" / "__init__.py").write_text("BUILT: list[str] = []\n")
    (root / "_routes" / "pets.py").write_text(textwrap.dedent(PETS))
    (root / "_routes" / "stores.py").write_text(textwrap.dedent(STORES))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]


def app_of(package: str) -> FastAPI:
    app = FastAPI()

    async def fallback() -> Any:
        return {"op": "fallback"}

    app.router.add_api_route("/", fallback, methods=["POST"], name="_fallback")
    eager = [(6, app.router.routes.pop())]
    add_lazy_routes(app.router, package, route_table(package), eager)
    return app


def built(package: str) -> list[str]:
    return list(sys.modules[f"{package}._routes"].BUILT) if f"{package}._routes" in sys.modules else []


def lazy_routes(app: FastAPI) -> dict[str, LazyRoute]:
    return {r.name: r for r in app.router.routes if isinstance(r, LazyRoute)}


def test_route_table_reads_routes_json(package: str) -> None:
    assert route_table(package) == TABLE


def test_the_app_starts_without_importing_a_group_in_route_order(package: str) -> None:
    app = app_of(package)
    ours = [r for r in app.router.routes if getattr(r, "name", "") in ORDER]
    assert [r.name for r in ours] == ORDER  # one order across groups, the eager route at its place
    assert all(isinstance(r, LazyRoute) for r in ours[:-1]) and isinstance(ours[-1], APIRoute)
    assert f"{package}._routes.pets" not in sys.modules and f"{package}._routes.stores" not in sys.modules
    assert repr(lazy_routes(app)["get_pet"]) == "LazyRoute(path='/pets/{pet_id}', name='get_pet', methods=['GET'])"


def test_a_group_is_built_once_on_its_first_request(package: str) -> None:
    app = app_of(package)
    client = TestClient(app)
    assert client.get("/stores").json() == {"op": "list_stores"}
    assert built(package) == ["stores"] and f"{package}._routes.pets" not in sys.modules
    routes = lazy_routes(app)
    assert routes["get_pet"]._regex is None  # a path with another prefix is not even compiled
    assert client.get("/pets/5").json() == {"op": "get_pet", "id": 5}
    for _ in range(3):
        client.get("/pets/mine")
        client.get("/stores")
    assert built(package) == ["stores", "pets"]
    assert routes["mine"].group is routes["delete_pet"].group and routes["mine"].group.built is not None


def test_every_route_is_reachable(package: str) -> None:
    client = TestClient(app_of(package))
    assert client.get("/pets/mine").json() == {"op": "mine", "caller": "real"}  # the literal before the template
    assert client.get("/pets/12").json() == {"op": "get_pet", "id": 12}
    assert client.delete("/pets/12").json() == {"op": "delete_pet", "id": 12}
    assert client.get("/stores").json() == {"op": "list_stores"}
    assert client.post("/", headers={"X-Target": "A"}).json() == {"op": "DoA"}
    assert client.post("/?Action=B").json() == {"op": "DoB"}
    assert client.post("/").json() == {"op": "fallback"}  # no constant: the eager route after them
    assert client.get("/pets/x").status_code == 422  # the real route's parameter validation
    assert client.put("/pets/12").status_code == 405
    assert client.get("/nowhere").status_code == 404
    assert built(package) == ["pets", "stores"]


def test_unmatched_requests_build_nothing(package: str) -> None:
    app = app_of(package)
    client = TestClient(app)
    assert client.get("/nowhere").status_code == 404
    # Only the routes whose literal prefix the path shares compile their path (here "/" of DoA, DoB).
    assert sorted(n for n, r in lazy_routes(app).items() if r._regex is not None) == ["DoA", "DoB"]
    assert client.get("/pets").status_code == 404  # the prefix of /pets/{pet_id}, not its path
    assert built(package) == []


def test_the_apps_dependency_overrides_hold_for_built_routes(package: str) -> None:
    app = app_of(package)
    pets = __import__(f"{package}._routes.pets", fromlist=["who"])
    app.dependency_overrides[pets.who] = lambda: "override"
    assert TestClient(app).get("/pets/mine").json() == {"op": "mine", "caller": "override"}


def test_url_path_for_names_the_lazy_routes(package: str) -> None:
    app = app_of(package)
    assert app.url_path_for("get_pet", pet_id=3) == "/pets/3"
    with pytest.raises(NoMatchFound):
        app.url_path_for("no_such_operation")
    with pytest.raises(NoMatchFound):
        lazy_routes(app)["mine"].url_path_for("get_pet", pet_id=3)


def test_matches_reads_the_path_below_the_root_path_and_only_http(package: str) -> None:
    route = lazy_routes(app_of(package))["list_stores"]
    base = {"type": "http", "method": "GET", "headers": [], "query_string": b""}
    assert route.matches({**base, "path": "/api/stores", "root_path": "/api"})[0] is Match.FULL
    assert route.matches({**base, "path": "/stores", "root_path": ""})[0] is Match.FULL
    assert route.matches({**base, "path": "/api/stores", "root_path": ""})[0] is Match.NONE
    assert route.matches({**base, "type": "websocket", "path": "/stores"}) == (Match.NONE, {})
    assert (_route_path({"path": "/api", "root_path": "/api"}), _route_path({"path": "/apix", "root_path": "/api"})) \
        == ("", "/apix")


def test_constants_decide_before_the_group_is_built(package: str) -> None:
    route = lazy_routes(app_of(package))["DoA"]
    scope = {"type": "http", "method": "POST", "path": "/", "root_path": "", "query_string": b""}
    assert route.matches({**scope, "headers": [(b"x-target", b"B")]})[0] is Match.NONE
    assert built(package) == []  # the path fits, the constant does not: nothing built
    assert route.matches({**scope, "headers": [(b"x-target", b"A")]})[0] is Match.FULL
    assert built(package) == ["stores"]


def test_build_routes_builds_every_route_in_place(package: str) -> None:
    app = app_of(package)
    before = [getattr(r, "name", None) for r in app.router.routes]
    build_routes(app.router)
    assert [getattr(r, "name", None) for r in app.router.routes] == before
    assert not any(isinstance(r, LazyRoute) for r in app.router.routes)
    assert built(package) == ["pets", "stores"]
    assert "/pets/{pet_id}" in app.openapi()["paths"]
    assert TestClient(app).post("/?Action=B").json() == {"op": "DoB"}


def test_build_group_makes_the_groups_routes_by_name(package: str) -> None:
    routes = build_group(package, "stores", FastAPI().router)
    assert sorted(routes) == ["DoA", "DoB", "list_stores"]
    assert all(isinstance(r, APIRoute) for r in routes.values())
    assert routes["DoA"].methods == {"POST"} and routes["list_stores"].path == "/stores"
    assert type(routes["DoA"]).__name__ == "ConstantRoute" and type(routes["list_stores"]) is APIRoute
