"""The server runtime's dispatch, called directly: routes told apart by a constant in the query or
a header, the 400 fallback naming the valid values, encoded delimiters kept inside path segments."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from runtime_server_support import runtime

from generator.runtime.server import dispatch
from generator.runtime.server.problems import install_error_handlers


def _app() -> FastAPI:
    app = FastAPI()
    app.state.oagen = runtime()
    install_error_handlers(app)

    async def get_token() -> dict[str, str]:
        return {"op": "GetToken"}

    async def get_id() -> dict[str, str]:
        return {"op": "GetId"}

    async def target() -> dict[str, str]:
        return {"op": "Target"}

    for name, endpoint in (("GetToken", get_token), ("GetId", get_id)):
        app.router.add_api_route("/", endpoint, methods=["GET"], name=name,
                                 route_class_override=dispatch.constant_route([("query", "Action", name)]))
    app.router.add_api_route("/", dispatch.dispatch_fallback("query", "Action", ["GetToken", "GetId"]),
                             methods=["GET"], name="_fallback_1")
    app.router.add_api_route("/", target, methods=["POST"], name="Target", route_class_override=dispatch.constant_route(
        [("header", "X-Amz-Target", "Svc.Target")]))
    return app


def test_constant_routes_and_their_fallback() -> None:
    client = TestClient(_app())
    assert client.get("/?Action=GetId&x=1").json() == {"op": "GetId"}
    assert client.get("/?x=1&Action=GetToken").json() == {"op": "GetToken"}
    unknown = client.get("/?Action=Nope")
    assert unknown.status_code == 400
    assert unknown.json() == {"title": "Bad Request", "status": 400,
                              "detail": "unknown value 'Nope' for query parameter 'Action'",
                              "parameter": "Action", "location": "query", "valid": ["GetToken", "GetId"]}
    assert client.get("/").json()["detail"] == "missing query parameter 'Action'"
    assert client.post("/", headers={"x-amz-target": "Svc.Target"}).json() == {"op": "Target"}
    # No POST route takes it (the GET routes match the path: 405).
    assert client.post("/", headers={"X-Amz-Target": "Svc.Other"}).status_code == 405


def test_constant_of() -> None:
    scope = {"query_string": b"a=1&Action=X%20Y&Action=Z", "headers": [(b"x-h", b"v")]}
    assert dispatch.constant_of(scope, "query", "Action") == "X Y"
    assert dispatch.constant_of(scope, "query", "missing") is None
    assert dispatch.constant_of(scope, "header", "X-H") == "v"
    assert dispatch.constant_of(scope, "header", "X-Other") is None


def test_encoded_delimiters_stay_inside_their_segment() -> None:
    app = FastAPI()

    @app.get("/files/{name}/meta")
    async def meta(name: str) -> dict[str, str]:
        return {"name": dispatch.unslash(name)}

    @app.get("/v1/{name}:cancel")
    async def cancel(name: str) -> dict[str, str]:
        return {"cancel": dispatch.unslash(name)}

    app.add_middleware(dispatch.EncodedSlashes)
    client = TestClient(app)
    assert client.get("/files/a%2Fb%2C%3Bc/meta").json() == {"name": "a/b,;c"}
    assert client.get("/v1/x%3Acancel:cancel").json() == {"cancel": "x:cancel"}
    assert client.get("/files/a%2Fb").status_code == 404  # not '/files/a/b' minus 'meta'
    assert dispatch.unslash(5) == 5
