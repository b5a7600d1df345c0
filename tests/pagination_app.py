"""A small server that answers pages in every style of specs/features/pagination-3.0.yaml (for
tests/test_pagination.py, run by uvicorn on 127.0.0.1). Every request is counted per path, so a
test can tell how many pages a walk asked for (``GET /__count__``)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import FastAPI, Request, Response

app = FastAPI()
COUNT: Counter[str] = Counter()
PETS = [{"id": f"p{i}", "name": f"pet {i}"} for i in range(7)]


@app.middleware("http")
async def count(request: Request, call_next: Any) -> Any:
    COUNT[request.url.path] += 1
    return await call_next(request)


@app.get("/__oagen_ready__")
def ready() -> dict[str, bool]:
    return {"ok": True}


@app.get("/__count__")
def counts() -> dict[str, int]:
    found = dict(COUNT)
    COUNT.clear()
    return found


@app.get("/v1/pets")
def pets(pageSize: int = 3, pageToken: str | None = None, kind: str | None = None) -> dict[str, Any]:
    if kind == "loop":  # a server that hands the same cursor back forever
        return {"pets": PETS[:1], "nextPageToken": "same"}
    if kind == "empty" and pageToken is None:  # an empty page that is not the last (Google allows it)
        return {"pets": [], "nextPageToken": "0"}
    start = int(pageToken or 0)
    page: dict[str, Any] = {"pets": PETS[start:start + pageSize]}
    if start + pageSize < len(PETS):
        page["nextPageToken"] = str(start + pageSize)
    return page


@app.get("/v1/owners")
def owners(offset: int = 0, limit: int = 3) -> dict[str, Any]:
    rows = [{"id": i, "name": f"owner {i}"} for i in range(8)]
    return {"results": rows[offset:offset + limit], "total": len(rows)}


@app.get("/v1/toys")
def toys(page: int = 1) -> dict[str, Any]:
    names = ["ball", "rope", "bone", "duck", "ring"]
    chunk = names[(page - 1) * 2:(page - 1) * 2 + 2]
    return {"data": {"items": chunk, "more": page * 2 < len(names)}}


@app.get("/v1/vets")
def vets(request: Request, skip: int = 0, elsewhere: bool = False) -> dict[str, Any]:
    rows = [{"id": i, "name": f"vet {i}"} for i in range(5)]
    base = "http://example.invalid" if elsewhere else str(request.base_url).rstrip("/")
    more = skip + 2 < len(rows)
    return {"value": rows[skip:skip + 2], "nextLink": f"{base}/v1/vets?skip={skip + 2}" if more else None}


@app.get("/v1/visits")
def visits(response: Response, page: int = 1, per_page: int = 2) -> list[dict[str, Any]]:
    rows = [{"id": i, "pet": f"p{i}"} for i in range(5)]
    last = (len(rows) + per_page - 1) // per_page
    links = [f'</v1/visits?page={page - 1}&per_page={per_page}>; rel="prev"'] if page > 1 else []
    if page < last:  # a relative target, another relation first (RFC 8288 allows both)
        links.append(f'</v1/visits?page={page + 1}&per_page={per_page}>; rel="next"')
    if links:
        response.headers["Link"] = ", ".join(links)
    return rows[(page - 1) * per_page:page * per_page]


@app.get("/v1/charges")
def charges(limit: int = 2, starting_after: str | None = None) -> dict[str, Any]:
    rows = [{"id": f"ch_{i}", "amount": 100 * i} for i in range(5)]
    start = next((i + 1 for i, r in enumerate(rows) if r["id"] == starting_after), 0)
    return {"object": "list", "data": rows[start:start + limit], "has_more": start + limit < len(rows)}


@app.post("/v1/search")
async def search(request: Request) -> dict[str, Any]:
    body = await request.json()
    start = int(body.get("NextToken") or 0)
    size = int(body.get("MaxResults") or 3)
    found = [p for p in PETS if body.get("Query", "") in p["name"]]
    page: dict[str, Any] = {"Pets": found[start:start + size]}
    if start + size < len(found):
        page["NextToken"] = str(start + size)
    return page


@app.get("/v1/events")
def events(cursor: str | None = None, size: int = 4) -> dict[str, Any]:
    rows = [{"id": i, "name": f"event {i}"} for i in range(10)]
    start = int(cursor or 0)
    more = start + size < len(rows)
    return {"events": rows[start:start + size], "meta": {"next_cursor": str(start + size) if more else None}}
