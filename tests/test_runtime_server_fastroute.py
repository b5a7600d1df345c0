"""The server runtime's routes (fastroute.py), called through FastAPI: an ``OperationRoute`` answers
every request exactly as FastAPI's own ``APIRoute`` does (values, errors, their order), and leaves
to FastAPI's handler what it does not cover (dependency overrides, bodies, other parameters)."""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Annotated, Any

import pytest
from fastapi import BackgroundTasks, Body, Cookie, Depends, FastAPI, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import AfterValidator, Field

from generator.runtime.server.fastroute import OperationRoute


class Color(str, Enum):
    red = "red"
    blue = "blue"


def _even(value: int) -> int:
    if value % 2:
        raise ValueError("odd")
    return value


async def principal(request: Request) -> str:
    key = request.headers.get("x-key")
    if key is None:
        return "anonymous"
    return f"key {key}"


def _seen(values: dict[str, Any]) -> JSONResponse:
    return JSONResponse({k: v if isinstance(v, str | int | float | None) else repr(v)
                         for k, v in values.items()})


async def find(
    request: Request,
    *,
    who: Annotated[str, Depends(principal)],
    item: Annotated[Annotated[int, Field(ge=1)], Path()],
    rid: Annotated[uuid.UUID, Header(alias="X-Request-Id")],
    limit: Annotated[Annotated[int, Field(ge=1, le=100)] | None, Query(alias="limit")] = 20,
    color: Annotated[Color | None, Query(alias="color")] = None,
    tags: Annotated[list[Annotated[str, Field(max_length=3)]] | None, Query(alias="tag")] = None,
    even: Annotated[Annotated[int, AfterValidator(_even)] | None, Query(alias="even")] = None,
    tenant: Annotated[Annotated[str, Field(pattern="^[a-z]+$")] | None, Header(alias="X-Tenant")] = None,
    session: Annotated[str | None, Cookie(alias="session")] = None,
    x_trace: Annotated[int | None, Header()] = None,  # read as x-trace
    many: Annotated[list[int], Query(alias="many", default_factory=list)],
) -> Response:
    return _seen({"who": who, "item": item, "rid": str(rid), "limit": limit, "color": color,
                  "tags": tags, "even": even, "tenant": tenant, "session": session, "many": many, "trace": x_trace,
                  "path": request.url.path})


def app(route_class: type[APIRoute]) -> FastAPI:
    made = FastAPI()
    made.router.route_class = route_class
    made.router.add_api_route("/items/{item}", find, methods=["GET"], name="find")
    return made


RID = "6f1b1c9e-59e4-4bd4-8d5c-6b4f8a8f2a01"
REQUESTS: list[tuple[str, dict[str, str]]] = [
    ("/items/5", {"x-request-id": RID}),
    ("/items/5?limit=7&color=blue&tag=a&tag=bc&even=4&many=1&many=2", {"x-request-id": RID, "x-tenant": "acme",
                                                                       "x-key": "k", "cookie": "session=s1"}),
    ("/items/0?limit=0&color=green&tag=abcd&even=3&many=x", {"x-request-id": "nope", "x-tenant": "Bad!"}),
    ("/items/x", {}),
    ("/items/5?limit=&color=", {"x-request-id": RID}),
    ("/items/5?limit=5&limit=abc", {"x-request-id": RID}),
    ("/items/5?tag=", {"X-REQUEST-ID": RID, "x-trace": "7"}),
    ("/items/5", {"x-request-id": RID, "x-trace": "seven", "x_trace": "8"}),
]


@pytest.mark.parametrize(("path", "headers"), REQUESTS)
def test_answers_as_fastapi_does(path: str, headers: dict[str, str]) -> None:
    ours, theirs = TestClient(app(OperationRoute)), TestClient(app(APIRoute))
    a, b = ours.get(path, headers=headers), theirs.get(path, headers=headers)
    assert (a.status_code, a.json()) == (b.status_code, b.json())


def test_the_generated_kind_of_endpoint_is_read_by_the_fast_handler() -> None:
    route = app(OperationRoute).router.routes[-1]
    assert isinstance(route, OperationRoute) and route.fast


async def _with_body(item: Annotated[int, Body()]) -> Response:
    return JSONResponse({"item": item})


def _sync(item: Annotated[int, Query()]) -> Response:
    return JSONResponse({"item": item})


async def _background(tasks: BackgroundTasks) -> Response:
    return JSONResponse({})


@pytest.mark.parametrize("endpoint", [_with_body, _sync, _background])
def test_what_it_does_not_cover_is_fastapis(endpoint: Any) -> None:
    made = FastAPI()
    made.router.route_class = OperationRoute
    made.router.add_api_route("/x", endpoint, methods=["POST"])
    route = made.router.routes[-1]
    assert isinstance(route, OperationRoute) and not route.fast
    if endpoint is _with_body:
        assert TestClient(made).post("/x", json=3).json() == {"item": 3}


def test_dependency_overrides_are_honoured() -> None:
    made = app(OperationRoute)

    async def someone() -> str:
        return "overridden"

    made.dependency_overrides[principal] = someone
    answer = TestClient(made).get("/items/5", headers={"x-request-id": RID, "x-key": "k"})
    assert answer.json()["who"] == "overridden"
    made.dependency_overrides.clear()
    answer = TestClient(made).get("/items/5", headers={"x-request-id": RID, "x-key": "k"})
    assert answer.json()["who"] == "key k"


def test_a_value_that_is_not_a_response_is_json() -> None:
    async def data(n: Annotated[int, Query()]) -> Any:
        return {"n": n}

    made = FastAPI()
    made.router.route_class = OperationRoute
    made.router.add_api_route("/d", data, methods=["GET"], response_model=None)
    assert TestClient(made).get("/d?n=2").json() == {"n": 2}
