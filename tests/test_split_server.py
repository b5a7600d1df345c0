"""The server's split layout (specs of targets/groups.py's SPLIT_AT operations or more): endpoints in
``server/_routes/<group>.py``, 501 handlers in ``server/_handlers/<group>.py`` (mixins of
``BaseHandlers``), one route order whatever the group; below the threshold the flat layout."""

from __future__ import annotations

import inspect
import json
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from helpers import generate_package, import_package, mypy_strict

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

BIG = 160  # more than groups.MOST: the tag "big" is cut into big_1 and big_2


def _op(op_id: str, tag: str | None, **extra: Any) -> dict[str, Any]:
    op: dict[str, Any] = {"operationId": op_id, "responses": {"200": {"description": "ok", "content": {
        "application/json": {"schema": {"type": "object"}}}}}, **extra}
    if tag:
        op["tags"] = [tag]
    return op


def spec(big: int = BIG) -> dict[str, Any]:
    """Tags interleaved in spec order: ``/users/{user_id}`` (tag users) comes before ``/users/me``
    (tag me), which must still win for ``/users/me`` (a literal segment before a templated one)."""
    user_id = [{"name": "user_id", "in": "path", "required": True, "schema": {"type": "string"}}]
    paths: dict[str, Any] = {
        "/users/{user_id}": {"get": _op("getUser", "users", parameters=user_id),
                             "delete": _op("deleteUser", "users", parameters=user_id)},
        "/big/item{n}": {},
        "/users/me": {"get": _op("getMe", "me")},
        "/users": {"get": _op("listUsers", "users", parameters=[
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}}])},
        "/secret": {"get": _op("getSecret", "users", security=[{"key": []}])},
        "/users/{user_id}/pets": {"post": _op("addPet", "users", parameters=user_id, requestBody={
            "required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}})},
        "/misc": {"get": _op("getMisc", "misc"), "put": _op("putMisc", None)},
        "/me/settings": {"get": _op("getSettings", "me")},
    }
    del paths["/big/item{n}"]
    for n in range(big):
        paths[f"/big/item{n}"] = {"get": _op(f"getItem{n}", "big")}
        if n == big // 2:
            paths["/users/{user_id}/big"] = {"get": _op("getUserBig", "users", parameters=user_id)}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Split", "version": "1"},
        "paths": paths,
        "components": {
            "schemas": {"Pet": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}},
            "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
        },
    }


def _write(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / "spec.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.fixture(scope="module")
def split_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("split")
    return generate_package(_write(folder, spec()), folder / "out", "splitsrv", client=False)


@pytest.fixture(scope="module")
def flat_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same spec in the flat layout (the threshold out of reach)."""
    from generator.targets import groups

    folder = tmp_path_factory.mktemp("flat")
    saved = groups.SPLIT_AT
    groups.SPLIT_AT = 10**9
    try:
        return generate_package(_write(folder, spec()), folder / "out", "flatsrv", client=False)
    finally:
        groups.SPLIT_AT = saved


def _app(out: Path, package: str, handlers: Any = None) -> Any:
    base, app_module = import_package(out, package, "server.base", "server.app")[1:]
    return app_module.create_app(handlers if handlers is not None else base.BaseHandlers())


def test_layout(split_out: Path) -> None:
    server = split_out / "splitsrv" / "server"
    groups = sorted(p.stem for p in (server / "_routes").glob("*.py") if p.stem != "__init__")
    assert groups == ["big_1", "big_2", "other", "users"]  # 'me' (2) and 'misc' (1) pooled in 'other'
    assert groups == sorted(p.stem for p in (server / "_handlers").glob("*.py") if p.stem != "__init__")
    for name in ("app.py", "base.py"):
        text = (server / name).read_text("utf-8")
        # No operation is defined there (base.py holds only the security hooks: authenticate_<scheme>).
        defined = [line for line in text.splitlines() if "async def " in line and "async def authenticate_" not in line]
        assert defined == [] and "add_api_route(\n        \"/big" not in text
    assert "async def get_item0(" in (server / "_handlers" / "big_1.py").read_text("utf-8")


def test_route_order_is_the_flat_one(split_out: Path, flat_out: Path) -> None:
    split_app, flat_app = _app(split_out, "splitsrv"), _app(flat_out, "flatsrv")

    def routes(app: Any) -> list[tuple[str, str, str]]:
        return [(r.path, ",".join(sorted(getattr(r, "methods", None) or ())), r.name) for r in app.routes]

    assert routes(split_app) == routes(flat_app)
    paths = [r[0] for r in routes(split_app)]
    assert paths.index("/users/me") < paths.index("/users/{user_id}")


def test_base_handlers_have_every_operation(split_out: Path, flat_out: Path) -> None:
    split_base = import_package(split_out, "splitsrv", "server.base")[1].BaseHandlers
    flat_app, flat_base = import_package(flat_out, "flatsrv", "server.app", "server.base")[1:]
    assert len(flat_app.OPERATIONS) == BIG + 10
    for name in flat_app.OPERATIONS:
        assert str(inspect.signature(getattr(split_base, name))) == \
            str(inspect.signature(getattr(flat_base.BaseHandlers, name))), name


def test_every_operation_is_routed_to_the_handlers(split_out: Path) -> None:
    base, app_module = import_package(split_out, "splitsrv", "server.base", "server.app")[1:]

    class Handlers(base.BaseHandlers):  # type: ignore[misc,name-defined]
        async def get_me(self) -> Any:
            return {"me": True}

        async def get_user(self, *, user_id: str) -> Any:
            return {"user": user_id}

        async def get_item150(self) -> Any:
            return {"item": 150}

        async def add_pet(self, *, user_id: str, body: Any) -> Any:
            return {"user": user_id, "pet": body.name}

        async def get_secret(self, **kwargs: Any) -> Any:
            return {"key": kwargs["credentials"].key}

    client = TestClient(app_module.create_app(Handlers()))
    assert client.get("/users/me").json() == {"me": True}
    assert client.get("/users/7").json() == {"user": "7"}
    assert client.get("/big/item150").json() == {"item": 150}
    assert client.post("/users/7/pets", json={"name": "Rex"}).json() == {"user": "7", "pet": "Rex"}
    assert client.get("/secret").status_code == 401
    assert client.get("/secret", headers={"X-Key": "k"}).json() == {"key": "k"}
    assert client.get("/users", params={"limit": 0}).status_code == 422  # validated in its group module
    # Every other operation reaches its 501 default, by name.
    for path, method, name in [("/big/item0", "GET", "get_item0"), ("/misc", "PUT", "put_misc"),
                               ("/me/settings", "GET", "get_settings"), ("/users/7/big", "GET", "get_user_big"),
                               ("/users/7", "DELETE", "delete_user")]:
        answer = client.request(method, path)
        assert (answer.status_code, answer.json()["operation"]) == (501, name)
    mock = TestClient(app_module.create_app(Handlers(), mock=True))
    assert mock.get("/big/item3").status_code == 200  # not overridden: mocked
    assert mock.get("/users/me").json() == {"me": True}


def test_below_the_threshold_the_layout_is_flat(tmp_path: Path) -> None:
    from generator.targets import groups

    small = spec(big=groups.SPLIT_AT - 11)  # 99 operations
    out = generate_package(_write(tmp_path, small), tmp_path / "out", "smallsrv", client=False)
    server = out / "smallsrv" / "server"
    assert not (server / "_routes").exists() and not (server / "_handlers").exists()
    assert (server / "app.py").read_text("utf-8").count("\nasync def _op_") == groups.SPLIT_AT - 1
    # (byte for byte as before: tests/test_golden.py, whose examples but one are below it)


@pytest.mark.slow
def test_mypy_checks_handlers_against_the_group_methods(split_out: Path, tmp_path: Path) -> None:
    """mypy --strict passes on the split package, and sees a wrong override of a group method."""
    handlers = split_out / "splitsrv" / "server" / "handlers.py"
    original = handlers.read_text("utf-8")
    handlers.write_text(original + "\n    async def get_user(self, *, user_id: int) -> Any:\n        return {}\n",
                        "utf-8")
    try:
        run = mypy_strict(split_out, "splitsrv")
    finally:
        handlers.write_text(original, "utf-8")
    lines = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert len(lines) == 1 and "handlers.py" in lines[0] and "get_user" in lines[0], run.stdout


def _lazy_state(app: Any) -> tuple[int, int]:
    """(routes not built yet, routes built) among the app's operation routes."""
    lazy = [r for r in app.routes if type(r).__name__ == "LazyRoute"]
    return len(lazy), sum(r.group.built is not None for r in lazy)


def test_routes_are_built_on_their_first_request(split_out: Path) -> None:
    """A group module is imported, and its routes built, only when one of them takes a request;
    a request to another group builds nothing of this one."""
    app_module = import_package(split_out, "splitsrv", "server.app")[1]
    assert not any(m.startswith("splitsrv.server._routes.") for m in sys.modules)
    app = app_module.create_app()
    assert _lazy_state(app) == (BIG + 10, 0)
    client = TestClient(app)
    assert client.get("/big/item150").status_code == 501
    assert "splitsrv.server._routes.big_2" in sys.modules and "splitsrv.server._routes.users" not in sys.modules
    assert _lazy_state(app)[1] == BIG // 2  # big_2 holds get_item80 .. get_item159
    assert client.get("/users/me").status_code == 501
    assert client.delete("/users/me").status_code == 501  # /users/{user_id}: delete_user
    assert client.put("/users/me").status_code == 405
    assert client.get("/nowhere").status_code == 404


def test_lazy_routes_answer_as_built_ones(split_out: Path) -> None:
    """The lazy app and the app with every route built (``_rt.build_routes``) serve the same
    /openapi.json and /docs, list the same routes, and answer alike, operations of every group."""
    rt, app_module = import_package(split_out, "splitsrv", "server._runtime", "server.app")[1:]
    lazy = app_module.create_app()
    eager = app_module.create_app()
    rt.build_routes(eager.router)
    assert _lazy_state(eager) == (0, 0) and _lazy_state(lazy)[1] == 0

    def routes(app: Any) -> list[tuple[str, str, str]]:
        return [(r.path, ",".join(sorted(getattr(r, "methods", None) or ())), r.name) for r in app.routes]

    assert routes(lazy) == routes(eager)
    one, two = TestClient(lazy), TestClient(eager)
    for path in ("/openapi.json", "/docs"):
        assert one.get(path).content == two.get(path).content
    requests = [("GET", "/users/me"), ("GET", "/users/7"), ("DELETE", "/users/7"), ("GET", "/big/item0"),
                ("GET", "/big/item159"), ("PUT", "/misc"), ("GET", "/me/settings"), ("GET", "/users?limit=0"),
                ("GET", "/secret"), ("POST", "/users/7/pets"), ("PATCH", "/users/7"), ("GET", "/users/7/big/")]
    for method, path in requests:
        a, b = one.request(method, path, follow_redirects=False), two.request(method, path, follow_redirects=False)
        assert (a.status_code, a.content) == (b.status_code, b.content), (method, path)
    assert lazy.url_path_for("get_user", user_id="9") == eager.url_path_for("get_user", user_id="9") == "/users/9"


def test_importing_create_app_builds_no_app(split_out: Path) -> None:
    """``app`` of app.py is made on first use (uvicorn's ``app:app``), not at import."""
    app_module = import_package(split_out, "splitsrv", "server.app")[1]
    assert "app" not in vars(app_module)
    assert app_module.app is app_module.app and "app" in vars(app_module)
