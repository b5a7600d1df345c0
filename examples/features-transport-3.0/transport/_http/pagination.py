"""Walking the pages of a paginated operation: ``client.<op>_pages(...)`` yields each parsed page,
``client.iter_<op>(...)`` each item of every page (shipped by oagen; do not edit).

One walk is a loop of "send, read, decide the next request". The decision (:class:`Walk`) is
shared by the sync and async loops and does no I/O. Styles:

- ``cursor``: the next page's input (a query/header parameter or a JSON body property) is the
  answer's next cursor; the walk ends when there is none, when ``has_more`` is false, or when a
  cursor comes back a second time. An empty page with a new cursor is not the end (Google
  documents such pages).
- ``offset``: the input is the offset of the next page (the last offset + the items received);
  ``page``: the page number + 1. Both end at an empty page or when ``has_more`` is false.
- ``next_url``: the answer names the next page's URL (Azure's ``nextLink``); ``link_header``:
  the ``Link`` header's ``rel="next"`` (RFC 8288). The URL is requested with the first request's
  headers (credentials included), so it must be on the same origin (scheme, host, port): a next
  URL elsewhere raises :class:`PaginationError` rather than send credentials there.

``max_pages`` caps any walk (``None``: no cap).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from .core import Request
from .values import pydantic

if TYPE_CHECKING:
    from .core import AsyncCore, Core, SyncCore
    from .responses import ApiResponse
    from .spec import Operation

__all__ = ["Pager", "PaginationError", "Step", "aiter_items", "apages", "iter_items", "pages"]

# One step of a field path: the attribute of a parsed model and the key of plain JSON data
# (a ``str`` when both are the same); ``"-1"`` is a list's last element.
Step = str | tuple[str, str]
# <target>; param=value; param="quoted, with ; and ,"... (RFC 8288 section 3)
_LINK = re.compile(r'<([^>]*)>\s*((?:;\s*[^;,"]*(?:"[^"]*"[^;,"]*)*)*)')
_REL_NEXT = re.compile(r"""(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))""", re.IGNORECASE)


class PaginationError(ValueError):
    """A page cannot be followed (a next URL on another origin)."""


@dataclass(frozen=True, slots=True)
class Pager:
    """How an operation's pages are walked: the style, where the request input is (the index of
    the parameter among the operation's, or the body property ``body``), and where the items,
    the next cursor or URL, and the "has more" flag are in a page."""

    style: str
    input: int = -1
    body: Step | None = None
    items: tuple[Step, ...] = ()
    next: tuple[Step, ...] = ()
    has_more: tuple[Step, ...] = ()
    first: int = 0


def get(value: Any, path: Sequence[Step]) -> Any:
    """The value at ``path`` in a parsed page (models, dicts and lists); ``None`` when absent."""
    for step in path:
        attr, key = (step, step) if isinstance(step, str) else step
        if value is None:
            return None
        if key == "-1":
            value = value[-1] if isinstance(value, list | tuple) and value else None
        elif isinstance(value, pydantic.BaseModel):
            found = getattr(value, attr, None) if attr in type(value).model_fields else None
            if found is None and value.model_extra:
                found = value.model_extra.get(key)
            value = found
        elif isinstance(value, Mapping):
            value = value.get(key)
        else:
            return None
    return value


def page_items(pager: Pager, page: Any) -> list[Any]:
    """The items of one page (none when the page has no list there)."""
    found = get(page, pager.items)
    return list(found) if isinstance(found, list | tuple) else []


def next_link(headers: httpx.Headers) -> str | None:
    """The target of the ``Link`` header's ``rel="next"`` (RFC 8288 section 3), if any."""
    for value in headers.get_list("link"):
        for match in _LINK.finditer(value):
            for rel in _REL_NEXT.finditer(match.group(2)):
                if "next" in (rel.group(1) or rel.group(2) or "").lower().split():
                    return match.group(1).strip()
    return None


def _with_body_field(body: Any, step: Step, value: Any) -> Any:
    attr, key = (step, step) if isinstance(step, str) else step
    if isinstance(body, pydantic.BaseModel):
        return body.model_copy(update={attr: value})
    if isinstance(body, Mapping):
        return {**body, key: value}
    return {key: value}


class Walk:
    """One walk's state: what to ask for after each page (no I/O here)."""

    def __init__(
        self, pager: Pager, values: Sequence[Any], body: Any, max_pages: int | None
    ) -> None:
        if max_pages is not None and max_pages < 1:
            raise ValueError("max_pages must be at least 1 (or None)")
        self.pager = pager
        self.values = list(values)
        self.body = body
        self.max_pages = max_pages
        self.count = 0
        self.seen: set[str] = set()
        start = self._input()
        self.position = (
            start if isinstance(start, int) and not isinstance(start, bool) else pager.first
        )

    def _input(self) -> Any:
        if self.pager.body is not None:
            return get(self.body, (self.pager.body,))
        return self.values[self.pager.input] if self.pager.input >= 0 else None

    def _set_input(self, value: Any) -> None:
        if self.pager.body is not None:
            self.body = _with_body_field(self.body, self.pager.body, value)
        else:
            self.values[self.pager.input] = value

    def after(
        self, core: Core, op: Operation, request: Request, answer: ApiResponse[Any]
    ) -> Request | None:
        """The request for the page after ``answer`` (to ``request``), or ``None`` at the end."""
        self.count += 1
        if self.max_pages is not None and self.count >= self.max_pages:
            return None
        page = answer.parsed
        if self.pager.has_more and get(page, self.pager.has_more) is False:
            return None
        style = self.pager.style
        if style == "cursor":
            cursor = get(page, self.pager.next)
            if cursor is None or cursor == "" or str(cursor) in self.seen:
                return None
            self.seen.add(str(cursor))
            self._set_input(cursor)
            return core._build(op, self.values, self.body)
        if style in ("offset", "page"):
            received = len(page_items(self.pager, page))
            if not received:
                return None
            self.position += received if style == "offset" else 1
            self._set_input(self.position)
            return core._build(op, self.values, self.body)
        url = next_link(answer.headers) if style == "link_header" else get(page, self.pager.next)
        if not isinstance(url, str) or not url.strip():
            return None
        return self._follow(core, op, request, url.strip())

    def _follow(self, core: Core, op: Operation, request: Request, url: str) -> Request | None:
        here = httpx.URL(request.url)
        target = here.join(url)
        if (target.scheme, target.host, target.port) != (here.scheme, here.host, here.port):
            raise PaginationError(
                f"{op.name}: the next page is on another origin ({target.scheme}://{target.host}); "
                "not followed with this client's credentials"
            )
        if str(target) in self.seen:
            return None
        self.seen.add(str(target))
        query: list[str] = []
        core._authorize(op, query, {}, [])  # credentials sent in the query (API keys)
        names = {
            item.split("=", 1)[0] for item in target.query.decode("ascii", "replace").split("&")
        }
        extra = [item for item in query if item.split("=", 1)[0] not in names]
        full = str(target) + (("&" if target.query else "?") + "&".join(extra) if extra else "")
        kwargs = request.kwargs if request.method != "GET" else {}
        return Request(request.method, full, dict(request.headers), kwargs)


def pages(
    core: SyncCore,
    op: Operation,
    pager: Pager,
    values: Sequence[Any],
    body: Any = None,
    max_pages: int | None = None,
) -> Iterator[Any]:
    """Every page of ``op`` called with ``values`` (and ``body``), parsed, first to last."""
    walk = Walk(pager, values, body, max_pages)
    request: Request | None = core._build(op, walk.values, walk.body)
    while request is not None:
        answer = core._parse(op, core._send(request))
        yield answer.parsed
        request = walk.after(core, op, request, answer)


def iter_items(
    core: SyncCore,
    op: Operation,
    pager: Pager,
    values: Sequence[Any],
    body: Any = None,
    max_pages: int | None = None,
) -> Iterator[Any]:
    """Every item of every page of ``op``."""
    for page in pages(core, op, pager, values, body, max_pages):
        yield from page_items(pager, page)


async def apages(
    core: AsyncCore,
    op: Operation,
    pager: Pager,
    values: Sequence[Any],
    body: Any = None,
    max_pages: int | None = None,
) -> AsyncIterator[Any]:
    """Every page of ``op`` (see :func:`pages`), for ``async for``."""
    walk = Walk(pager, values, body, max_pages)
    request: Request | None = core._build(op, walk.values, walk.body)
    while request is not None:
        answer = core._parse(op, await core._send(request))
        yield answer.parsed
        request = walk.after(core, op, request, answer)


async def aiter_items(
    core: AsyncCore,
    op: Operation,
    pager: Pager,
    values: Sequence[Any],
    body: Any = None,
    max_pages: int | None = None,
) -> AsyncIterator[Any]:
    """Every item of every page of ``op``, for ``async for``."""
    async for page in apages(core, op, pager, values, body, max_pages):
        for item in page_items(pager, page):
            yield item
