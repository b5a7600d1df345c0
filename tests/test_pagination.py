"""Pagination end to end: the client generated from specs/features/pagination-3.0.yaml walks every
page of each style against a real server on 127.0.0.1 (tests/pagination_app.py), sync and async,
and stops where it should (no cursor, no next link, ``has_more`` false, an empty page, a cursor
seen before, ``max_pages``)."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from helpers import ROOT, generate_package, import_fresh, uvicorn_server

SPEC = ROOT / "specs" / "features" / "pagination-3.0.yaml"


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    out = generate_package(SPEC, tmp_path_factory.mktemp("pagination"), "paged", server=False, format=False)
    return import_fresh(out, "paged")


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app_dir = tmp_path_factory.mktemp("pagination_app")  # (uvicorn's log goes there too)
    shutil.copy(ROOT / "tests" / "pagination_app.py", app_dir)
    with uvicorn_server("pagination_app:app", app_dir) as base:
        yield base


def _count(url: str) -> dict[str, int]:
    found: dict[str, int] = httpx.get(url + "/__count__").json()
    return found


def _id(item: Any) -> Any:
    """An item's wire ``id`` (``id`` is a builtin: the model's field is ``id_``)."""
    return item.model_dump(by_alias=True)["id"]


def _walk(pkg: ModuleType, url: str, method: str, *args: Any, **kwargs: Any) -> list[Any]:
    """The items (or pages) of a sync walk and of an async walk, which must be the same."""
    _count(url)
    with pkg.Client(url + "/v1") as client:
        sync = list(getattr(client, method)(*args, **kwargs))

    async def main() -> list[Any]:
        async with pkg.AsyncClient(url + "/v1") as client:
            return [x async for x in getattr(client, method)(*args, **kwargs)]

    assert asyncio.run(main()) == sync
    return sync


def test_cursor_token_pair_walks_every_page_and_stops_without_a_cursor(pkg: ModuleType, url: str) -> None:
    pets = _walk(pkg, url, "iter_list_pets", page_size=3)
    assert [_id(p) for p in pets] == [f"p{i}" for i in range(7)]
    assert isinstance(pets[0], pkg.models.Pet)
    assert _count(url)["/v1/pets"] == 6  # 3 pages, sync and async
    pages = _walk(pkg, url, "list_pets_pages", page_size=3)
    assert [len(p.pets) for p in pages] == [3, 3, 1] and isinstance(pages[0], pkg.models.PetPage)
    assert pages[-1].next_page_token is None


def test_cursor_max_pages_and_a_cursor_seen_before_end_the_walk(pkg: ModuleType, url: str) -> None:
    assert [_id(p) for p in _walk(pkg, url, "iter_list_pets", page_size=2, max_pages=2)] == ["p0", "p1", "p2", "p3"]
    assert _count(url)["/v1/pets"] == 4
    assert len(_walk(pkg, url, "list_pets_pages", kind="loop")) == 2  # 'same' twice: the second is the end
    with pkg.Client(url + "/v1") as client, pytest.raises(ValueError, match="max_pages"):
        next(iter(client.iter_list_pets(max_pages=0)))


def test_cursor_an_empty_page_with_a_cursor_is_not_the_end(pkg: ModuleType, url: str) -> None:
    pets = _walk(pkg, url, "iter_list_pets", kind="empty")
    assert [_id(p) for p in pets] == [f"p{i}" for i in range(7)]


def test_offset_walks_to_the_empty_page(pkg: ModuleType, url: str) -> None:
    owners = _walk(pkg, url, "iter_list_owners", limit=3)
    assert [_id(o) for o in owners] == list(range(8))
    assert _count(url)["/v1/owners"] == 2 * 4  # 3 + 3 + 2, then the empty page
    assert [_id(o) for o in _walk(pkg, url, "iter_list_owners", offset=5, limit=2)] == [5, 6, 7]


def test_page_number_stops_when_has_more_is_false(pkg: ModuleType, url: str) -> None:
    assert _walk(pkg, url, "iter_list_toys") == ["ball", "rope", "bone", "duck", "ring"]
    assert _count(url)["/v1/toys"] == 2 * 3  # no request for an empty 4th page: 'more' said no


def test_next_url_follows_next_link_to_null(pkg: ModuleType, url: str) -> None:
    vets = _walk(pkg, url, "iter_list_vets")
    assert [_id(v) for v in vets] == [0, 1, 2, 3, 4]
    assert _count(url)["/v1/vets"] == 2 * 3


def test_link_header_follows_rel_next_until_there_is_none(pkg: ModuleType, url: str) -> None:
    visits = _walk(pkg, url, "iter_list_visits", per_page=2)
    assert [_id(v) for v in visits] == [0, 1, 2, 3, 4]
    assert [len(p) for p in _walk(pkg, url, "list_visits_pages", per_page=2)] == [2, 2, 1]


def test_starting_after_the_last_id_while_has_more(pkg: ModuleType, url: str) -> None:
    assert [_id(c) for c in _walk(pkg, url, "iter_list_charges", limit=2)] == [f"ch_{i}" for i in range(5)]
    assert _count(url)["/v1/charges"] == 2 * 3


def test_cursor_in_the_json_body(pkg: ModuleType, url: str) -> None:
    body = pkg.models.SearchPetsBody(query="pet", max_results=3)
    assert [_id(p) for p in _walk(pkg, url, "iter_search_pets", body)] == [f"p{i}" for i in range(7)]
    assert body.next_token is None  # the caller's body is left as it was


def test_speakeasy_nested_cursor_stops_at_null(pkg: ModuleType, url: str) -> None:
    assert [_id(e) for e in _walk(pkg, url, "iter_list_events", size=4)] \
        == list(range(10))


def test_a_next_link_on_another_origin_is_refused(pkg: ModuleType, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from paged._http import pagination  # type: ignore[import-not-found]

    with pkg.Client(url + "/v1") as client:
        # The walk adds what the server asks for; here the server's nextLink is elsewhere.
        pager = pagination.Pager("next_url", items=("value",), next=(("next_link", "nextLink"),))
        op = pkg.client._LIST_VETS
        request = client._build(op, (), None)
        request.url += "?elsewhere=true"
        answer = client._parse(op, client._send(request))
        walk = pagination.Walk(pager, (), None, None)
        with pytest.raises(pagination.PaginationError, match="another origin"):
            walk.after(client, op, request, answer)


def test_the_operation_method_still_returns_one_page(pkg: ModuleType, url: str) -> None:
    with pkg.Client(url + "/v1") as client:
        page = client.list_pets(page_size=2)
        assert [_id(p) for p in page.pets] == ["p0", "p1"] and page.next_page_token == "2"
        assert not hasattr(client, "iter_list_tags")  # 'x-oagen-pagination: false'
        assert not hasattr(client, "iter_get_pet")
