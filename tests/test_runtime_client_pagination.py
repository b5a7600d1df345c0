"""generator/runtime/client/pagination.py on its own: paths into pages, the Link header, and the
decisions of a walk (the walks over a socket are in test_pagination.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pydantic
import pytest

from generator.runtime.client import pagination as pg
from generator.runtime.client.core import AsyncCore, SyncCore
from generator.runtime.client.spec import Operation, Param, Result


class Page(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)
    items: list[int] = []
    next_token: str | None = pydantic.Field(default=None, alias="nextToken")


def test_get_reads_models_extras_dicts_and_the_last_element() -> None:
    page = Page.model_validate({"items": [1, 2], "nextToken": "t", "meta": {"more": False}})
    assert pg.get(page, (("next_token", "nextToken"),)) == "t"
    assert pg.get(page, ("meta", "more")) is False  # an undeclared field, kept as an extra
    assert pg.get({"data": [{"id": "a"}, {"id": "b"}]}, ("data", "-1", "id")) == "b"
    assert pg.get({"data": []}, ("data", "-1", "id")) is None
    assert pg.get(None, ("x",)) is None and pg.get(3, ("x",)) is None


@pytest.mark.parametrize(("header", "target"), [
    ('<https://a/x?page=2>; rel="next", <https://a/x?page=9>; rel="last"', "https://a/x?page=2"),
    ('</x?page=1>; rel="prev", </x?page=3>; rel=next', "/x?page=3"),
    ('<https://a/x?page=2>; title="a, b"; rel="prev next"', "https://a/x?page=2"),
    ('<https://a/x?page=1>; rel="prev"', None),
    ("", None),
])
def test_next_link(header: str, target: str | None) -> None:
    assert pg.next_link(httpx.Headers({"Link": header} if header else {})) == target


def _client(handler: Any, core: type[Any] = SyncCore) -> Any:
    client = core("http://api.test/v1", {}, 0)
    transport = httpx.MockTransport(handler)
    client._http = httpx.Client(transport=transport) if core is SyncCore else httpx.AsyncClient(transport=transport)
    return client


OP = Operation("list", "GET", "/things", params=(Param("offset", "query", "form", True),),
               responses={"200": Result("json")})


def test_offset_walk_sends_each_offset_and_stops_at_the_empty_page() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        start = int(request.url.params.get("offset", 0))
        return httpx.Response(200, json={"rows": list(range(10))[start:start + 4]})

    pager = pg.Pager("offset", input=0, items=("rows",))
    assert list(pg.iter_items(_client(handler), OP, pager, (None,))) == list(range(10))
    assert seen == ["http://api.test/v1/things", "http://api.test/v1/things?offset=4",
                    "http://api.test/v1/things?offset=8", "http://api.test/v1/things?offset=10"]


def test_async_page_walk_with_max_pages() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("offset", 1))
        return httpx.Response(200, json={"rows": [page]})

    pager = pg.Pager("page", input=0, items=("rows",), first=1)

    async def main() -> list[Any]:
        return [x async for x in pg.aiter_items(_client(handler, AsyncCore), OP, pager, (None,), None, 3)]

    assert asyncio.run(main()) == [1, 2, 3]


def test_next_url_keeps_query_credentials_and_refuses_other_origins() -> None:
    class Keyed(SyncCore):
        _schemes = {"key": __import__("generator.runtime.client.spec", fromlist=["Scheme"]).Scheme(
            "apiKey", "query", "api_key")}

    op = Operation("list", "GET", "/things", responses={"200": Result("json")}, security=(("key",),))
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        nxt = {"/v1/things": "/v1/things?skip=2", "/v1/things?skip=2": "https://evil.test/v1/things"}
        path = request.url.raw_path.decode().split("&api_key")[0].replace("?api_key=k", "")
        return httpx.Response(200, json={"value": [1], "nextLink": nxt.get(path)})

    client = Keyed("http://api.test/v1", {"key": "k"}, 0)
    client._http = httpx.Client(transport=httpx.MockTransport(handler))
    pager = pg.Pager("next_url", items=("value",), next=("nextLink",))
    with pytest.raises(pg.PaginationError, match="another origin"):
        list(pg.pages(client, op, pager, ()))
    assert seen == ["http://api.test/v1/things?api_key=k", "http://api.test/v1/things?skip=2&api_key=k"]
