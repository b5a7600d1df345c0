"""Which operations answer in pages, and how to ask for the next one (:class:`~generator.ir.Pagination`).

Sources, first found wins: our own ``x-oagen-pagination`` (``false`` switches pagination off,
inference included), the vendor extensions real specs carry (``x-ms-pageable``,
``x-speakeasy-pagination``, ``x-fern-pagination``), then two conventions strong enough to infer,
each reported as an info diagnostic (OAG170):

- ``token-pair``: a token request input (``pageToken``, ``NextToken``, ``cursor``, ``marker``...;
  a query parameter or a property of the JSON request body) paired with a string field of the
  success body (``nextPageToken``, ``NextToken``, ``next_cursor``, ``NextMarker``...) beside exactly
  one array of items; Stripe's ``starting_after`` pairs with ``has_more`` and the last item's ``id``.
- ``link-header``: a GET whose success answer declares a ``Link`` header (RFC 8288 ``rel="next"``)
  and whose body is the array of items (or holds exactly one).

A wrong inference is worse than none: every rule asks for declared schemas (the response's
fields, the parameter's type) and gives up on anything ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .. import ir
from ..diagnostics import Diagnostics, Severity, SourceRef

EXTENSIONS = ("x-oagen-pagination", "x-ms-pageable", "x-speakeasy-pagination", "x-fern-pagination")
STYLES = ("cursor", "offset", "page", "next_url", "link_header")

# Request inputs that carry a cursor, and response fields that carry the next one (lower case,
# without separators: ``page_token``, ``pageToken`` and ``PageToken`` are one name).
TOKEN_INPUTS = frozenset({"pagetoken", "nexttoken", "cursor", "after", "startingafter", "marker",
                          "continuationtoken", "paginationtoken", "nextpagetoken", "starttoken",
                          "pagecursor", "continuation"})
NEXT_FIELDS = frozenset({"nextpagetoken", "nexttoken", "nextcursor", "nextmarker", "continuationtoken",
                         "nextcontinuationtoken", "paginationtoken", "nextpagecursor"})
HAS_MORE_FIELDS = frozenset({"hasmore", "hasnextpage", "istruncated", "moreresults", "hasmoreresults"})
_OFF = "switch it off with 'x-oagen-pagination: false'"


def key(name: str) -> str:
    """A name compared without case or separators."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


class Types:
    """The declared types the rules look at, seen through aliases and nullability."""

    def __init__(self, models: Mapping[str, ir.Model]) -> None:
        self.models = models

    def deref(self, t: ir.Type) -> ir.Type:
        """``t`` without aliases, and without ``null`` when that leaves one type."""
        for _ in range(32):
            if isinstance(t, ir.Named):
                model = self.models.get(t.key)
                if model is None or model.kind != "alias" or model.alias is None:
                    return t
                t = model.alias
            elif isinstance(t, ir.Union_):
                rest = [v for v in t.variants if v != ir.NULL]
                if len(rest) != 1:
                    return t
                t = rest[0]
            else:
                return t
        return t

    def fields(self, t: ir.Type) -> tuple[ir.Field, ...] | None:
        """The fields of an object model (inherited ones included), or ``None`` for any other type."""
        t = self.deref(t)
        if not isinstance(t, ir.Named):
            return None
        model = self.models.get(t.key)
        if model is None or model.kind != "object":
            return None
        found: dict[str, ir.Field] = {}
        seen: set[str] = set()

        def collect(m: ir.Model) -> None:
            if m.key in seen:
                return
            seen.add(m.key)
            for base in m.bases:
                if base in self.models:
                    collect(self.models[base])
            found.update((f.wire_name, f) for f in m.fields)

        collect(model)
        return tuple(found.values())

    def at(self, t: ir.Type, path: tuple[str, ...]) -> ir.Type | None:
        """The type at a field path (``-1``: a list's last element), ``None`` when undeclared;
        a free-form part (``Any``, a map) is ``Any`` from there on."""
        for step in path:
            t = self.deref(t)
            if isinstance(t, ir.Any_ | ir.Map):
                return ir.ANY
            if step == "-1":
                if not isinstance(t, ir.Array):
                    return None
                t = t.items
                continue
            fields = self.fields(t)
            field = next((f for f in fields or () if f.wire_name == step), None)
            if field is None:
                return ir.ANY if fields is not None and self._open(t) else None
            t = field.type
        return t

    def _open(self, t: ir.Type) -> bool:
        t = self.deref(t)
        model = self.models.get(t.key) if isinstance(t, ir.Named) else None
        return model is not None and model.additional is not None and not model.fields

    def is_string(self, t: ir.Type | None) -> bool:
        """True for a string (or an alias of one)."""
        t = self.deref(t) if t is not None else None
        return isinstance(t, ir.Primitive) and t.kind == "string"

    def is_array(self, t: ir.Type | None) -> bool:
        """True for an array (or an alias of one)."""
        return t is not None and isinstance(self.deref(t), ir.Array)


def success_body(op: ir.Operation) -> ir.Content | None:
    """The JSON body of the operation's first 2XX answer (the page), if it has one."""
    for r in op.responses:
        if r.status.startswith("2"):
            return next((c for c in r.contents if c.kind == "json"), None)
    return None


def _success_headers(op: ir.Operation) -> tuple[ir.Header, ...]:
    return next((r.headers for r in op.responses if r.status.startswith("2")), ())


def body_type(op: ir.Operation) -> ir.Type | None:
    """The JSON request body's type, if the operation has one."""
    if op.body is None:
        return None
    return next((c.type for c in op.body.contents if c.kind == "json"), None)


def detect(op: ir.Operation, raw: Mapping[str, Any] | None, models: Mapping[str, ir.Model],
           diags: Diagnostics, src: SourceRef) -> ir.Pagination | None:
    """The pagination of ``op`` (``raw``: the operation as written, for its extensions)."""
    raw = raw or {}
    reader = _Reader(op, Types(models), diags, src)
    if "x-oagen-pagination" in raw:
        written = raw["x-oagen-pagination"]
        return None if written is False else reader.oagen(written)
    for name, read in (("x-ms-pageable", reader.ms_pageable), ("x-speakeasy-pagination", reader.speakeasy),
                       ("x-fern-pagination", reader.fern)):
        if name in raw:
            return read(raw[name])
    return reader.infer()


def path_of(text: object) -> tuple[str, ...] | None:
    """A field path as written: ``a.b``, ``$.a.b``, ``$response.a.b``, ``$.a[-1].id``,
    ``$.a[(@.length-1)].id`` or a list of names; ``None`` when it cannot be read."""
    if isinstance(text, list) and all(isinstance(p, str | int) for p in text):
        return tuple(str(p) for p in text)
    if not isinstance(text, str):
        return None
    text = re.sub(r"^\$(response|request)?(\.body)?", "", text.strip()).lstrip(".")
    text = re.sub(r"\[\s*(?:-1|\(\s*@\.length\s*-\s*1\s*\))\s*\]", ".-1", text)
    quoted: list[str] = []

    def keep(match: re.Match[str]) -> str:  # ['@odata.nextLink']: one name, dots and all
        quoted.append(match.group(1))
        return f".\0{len(quoted) - 1}\0"

    text = re.sub(r"\[\s*['\"]([^'\"]+)['\"]\s*\]", keep, text)
    if re.search(r"[\[\]*?@()]", text):
        return None
    return tuple(quoted[int(p[1:-1])] if p.startswith("\0") else p for p in text.split(".") if p)


class _Reader:
    """Reads one operation's pagination from each source, reporting what it cannot use."""

    def __init__(self, op: ir.Operation, types: Types, diags: Diagnostics, src: SourceRef) -> None:
        self.op = op
        self.types = types
        self.diags = diags
        self.src = src
        content = success_body(op)
        self.page = content.type if content is not None else None

    @property
    def label(self) -> str:
        return self.op.operation_id or f"{self.op.method} {self.op.path}"

    def _ignored(self, ext: str, why: str, hint: str) -> None:
        self.diags.warning("OAG171", f"operation {self.label!r}: {ext} ignored: {why}", self.src.child(ext), hint)

    # -- request inputs ---------------------------------------------------------------------

    def _input(self, name: str, where: str | None = None) -> tuple[str, str] | None:
        """(wire name, location) of a request input: a parameter, else a JSON body property."""
        if where in (None, "query", "header", "path", "cookie", "parameters"):
            for p in self.op.parameters:
                if p.wire_name == name and (where in (None, "parameters") or p.location == where):
                    return p.wire_name, p.location
        body = body_type(self.op)
        if where in (None, "body", "requestBody") and body is not None \
                and any(f.wire_name == name for f in self.types.fields(body) or ()):
            return name, "body"
        return None

    def _make(self, ext: ir.PaginationSource, style: ir.PaginationStyle, *, items: tuple[str, ...],
              next_: tuple[str, ...] = (), has_more: tuple[str, ...] = (), input_: tuple[str, str] | None = None,
              limit: str = "", first: int | None = None, rule: str = "") -> ir.Pagination | None:
        """A pagination whose paths the declared success body has; else a warning and ``None``."""
        if self.page is None:
            self._ignored(ext, "the operation has no JSON success body to read pages from",
                          "declare the 2XX answer's JSON schema")
            return None
        for what, path in (("items", items), ("next", next_), ("has_more", has_more)):
            if (path or what == "items") and self.types.at(self.page, path) is None:
                shown = ".".join(path) or "(the body)"
                self._ignored(ext, f"its {what} path {shown!r} is not in the success body's schema",
                              "name a field the 2XX answer declares (a dotted path of wire names)")
                return None
        if not self.types.is_array(self.types.at(self.page, items)) \
                and not isinstance(self.types.at(self.page, items), ir.Any_):
            self._ignored(ext, f"its items {'.'.join(items) or '(the body)'!r} are not an array",
                          "point items at the array the page holds")
            return None
        if style in ("cursor", "offset", "page") and input_ is None:
            self._ignored(ext, f"the {style} style needs a request input the operation declares",
                          "name the query parameter (or JSON body property) the next page is asked with")
            return None
        param = next((q for q in self.op.parameters if input_ and q.wire_name == input_[0]), None)
        if first is None and param is not None and isinstance(param.default, int) \
                and not isinstance(param.default, bool):
            first = param.default  # where the server starts when it is not told
        if first is None:
            first = 1 if style == "page" else 0
        return ir.Pagination(style=style, source=ext, rule=rule or ext, input=input_[0] if input_ else "",
                             input_in=input_[1] if input_ else "query",  # type: ignore[arg-type]
                             limit=limit, items=items, next=next_, has_more=has_more, first=first, src=self.src)

    # -- x-oagen-pagination -----------------------------------------------------------------

    def oagen(self, written: object) -> ir.Pagination | None:
        ext: ir.PaginationSource = "x-oagen-pagination"
        if not isinstance(written, dict) or written.get("style") not in STYLES:
            self._ignored(ext, "it is not 'false' or a mapping with a 'style'",
                          f"write 'style:' as one of {', '.join(STYLES)} (see docs/pagination.md)")
            return None
        style = written["style"]
        paths = {}
        for name in ("items", "next", "has_more"):
            path = path_of(written.get(name, ""))
            if path is None:
                self._ignored(ext, f"its {name!r} is not a field path", "write a dotted path like 'data.items'")
                return None
            paths[name] = path
        input_ = None
        if style in ("cursor", "offset", "page"):
            wanted = written.get("input")
            input_ = self._input(wanted, written.get("input_in")) if isinstance(wanted, str) else None
            if input_ is None:
                self._ignored(ext, f"its input {wanted!r} is not a parameter or JSON body property of the operation",
                              "name the request input the next page is asked with in 'input:'")
                return None
        if style == "cursor" and not paths["next"]:
            self._ignored(ext, "the cursor style needs 'next' (where the next cursor is)", "add 'next:'")
            return None
        if style == "next_url" and not paths["next"]:
            self._ignored(ext, "the next_url style needs 'next' (where the next URL is)", "add 'next:'")
            return None
        first = written.get("first")
        limit = written.get("limit")
        return self._make(ext, style, items=paths["items"], next_=paths["next"], has_more=paths["has_more"],
                          input_=input_, limit=limit if isinstance(limit, str) else "",
                          first=first if isinstance(first, int) and not isinstance(first, bool) else None)

    # -- vendor extensions ------------------------------------------------------------------

    def ms_pageable(self, written: object) -> ir.Pagination | None:
        ext: ir.PaginationSource = "x-ms-pageable"
        if not isinstance(written, dict):
            self._ignored(ext, "it is not a mapping", "write 'x-ms-pageable: {nextLinkName: nextLink}'")
            return None
        next_name = written.get("nextLinkName")
        if next_name is None:
            return None  # AutoRest: one page, no next link (a list, not a pager)
        item = written.get("itemName", "value")
        if not isinstance(next_name, str) or not isinstance(item, str):
            self._ignored(ext, "nextLinkName and itemName must be strings", "write property names")
            return None
        return self._make(ext, "next_url", items=(item,), next_=(next_name,))

    def speakeasy(self, written: object) -> ir.Pagination | None:
        ext: ir.PaginationSource = "x-speakeasy-pagination"
        if not isinstance(written, dict) or written.get("type") not in ("offsetLimit", "cursor", "url"):
            self._ignored(ext, "its 'type' is not offsetLimit, cursor or url", "see Speakeasy's pagination docs")
            return None
        outputs: dict[str, Any] = written["outputs"] if isinstance(written.get("outputs"), dict) else {}
        items = path_of(outputs.get("results", "$"))
        next_ = path_of(outputs.get("nextCursor" if written["type"] == "cursor" else "nextUrl", ""))
        if items is None or next_ is None:
            self._ignored(ext, "an output is not a path oagen reads ($.a.b, $.a[-1].b)", "simplify the JSONPath")
            return None
        if written["type"] == "url":
            return self._make(ext, "next_url", items=items, next_=next_)
        inputs = [i for i in written.get("inputs") or () if isinstance(i, dict)]
        wanted = ("cursor",) if written["type"] == "cursor" else ("page", "offset")
        found = next((i for i in inputs if i.get("type") in wanted), None)
        limit = next((str(i.get("name")) for i in inputs if i.get("type") == "limit"), "")
        input_ = self._input(str(found.get("name")), str(found.get("in"))) if found is not None else None
        style: ir.PaginationStyle = "cursor" if written["type"] == "cursor" else \
            "page" if found is not None and found.get("type") == "page" else "offset"
        return self._make(ext, style, items=items, next_=next_ if style == "cursor" else (), input_=input_,
                          limit=limit)

    def fern(self, written: object) -> ir.Pagination | None:
        ext: ir.PaginationSource = "x-fern-pagination"
        if not isinstance(written, dict):
            self._ignored(ext, "it is not a mapping", "see Fern's pagination docs")
            return None
        items = path_of(written.get("results", ""))
        has_more = path_of(written.get("has-next-page", ""))
        if "cursor" in written:
            name, next_ = path_of(written["cursor"]), path_of(written.get("next_cursor", ""))
            style: ir.PaginationStyle = "cursor"
        elif "offset" in written:
            name, next_ = path_of(written["offset"]), ()
            style = "offset" if "step" in written else "page"
        else:
            self._ignored(ext, "it has neither 'cursor' nor 'offset'", "see Fern's pagination docs")
            return None
        if items is None or has_more is None or next_ is None or not name:
            self._ignored(ext, "a path is not one oagen reads ($response.a.b, $request.x)", "simplify it")
            return None
        input_ = self._input(name[-1])
        step = path_of(written.get("step", ""))
        return self._make(ext, style, items=items, next_=next_, has_more=has_more, input_=input_,
                          limit=step[-1] if step else "")

    # -- inference --------------------------------------------------------------------------

    def infer(self) -> ir.Pagination | None:
        """A convention strong enough to infer, reported as OAG170; ``None`` when nothing is sure."""
        if self.page is None:
            return None
        found = self._token_pair() or self._link_header()
        if found is not None:
            self.diags.add("OAG170", Severity.INFO, f"operation {self.label!r} paginates: {self._explain(found)}",
                           self.src, f"declare it with 'x-oagen-pagination' to make it explicit, or {_OFF}")
        return found

    def _explain(self, p: ir.Pagination) -> str:
        items = ".".join(p.items) or "the body"
        if p.style == "link_header":
            return f"the Link header's rel=\"next\" (rule link-header), items in {items!r}"
        return (f"{p.input!r} (in {p.input_in}) takes the {'.'.join(p.next)!r} of the answer "
                f"(rule {p.rule}), items in {items!r}")

    def _items(self, fields: tuple[ir.Field, ...]) -> ir.Field | None:
        """The one array of items among a page's top-level fields (arrays of objects preferred)."""
        arrays = [f for f in fields if self.types.is_array(f.type)]
        if len(arrays) > 1:
            arrays = [f for f in arrays if self.types.fields(self._element(f.type)) is not None]
        return arrays[0] if len(arrays) == 1 else None

    def _element(self, t: ir.Type) -> ir.Type:
        t = self.types.deref(t)
        return t.items if isinstance(t, ir.Array) else ir.ANY

    def _token_inputs(self) -> list[tuple[str, str]]:
        """Token inputs of the request: JSON body properties first (AWS JSON protocols, where a
        ``NextToken`` query parameter of the directory's specs is not what the service reads)."""
        found = [(f.wire_name, "body") for f in self.types.fields(body_type(self.op) or ir.ANY) or ()
                 if key(f.wire_name) in TOKEN_INPUTS and self.types.is_string(f.type)]
        found += [(p.wire_name, p.location) for p in self.op.parameters
                  if p.location in ("query", "header") and key(p.wire_name) in TOKEN_INPUTS
                  and self.types.is_string(p.type)]
        return found

    def _token_pair(self) -> ir.Pagination | None:
        assert self.page is not None
        fields = self.types.fields(self.page)
        inputs = self._token_inputs()
        if not fields or not inputs:
            return None
        items = self._items(fields)
        if items is None:
            return None
        nexts = [f for f in fields if key(f.wire_name) in NEXT_FIELDS and self.types.is_string(f.type)]
        more = [f for f in fields if key(f.wire_name) in HAS_MORE_FIELDS
                and isinstance(self.types.deref(f.type), ir.Primitive)
                and self.types.deref(f.type).kind == "boolean"]  # type: ignore[union-attr]
        if len(nexts) == 1:
            return ir.Pagination(style="cursor", source="inferred", rule="token-pair", input=inputs[0][0],
                                 input_in=inputs[0][1],  # type: ignore[arg-type]
                                 items=(items.wire_name,), next=(nexts[0].wire_name,),
                                 has_more=(more[0].wire_name,) if len(more) == 1 else (), src=self.src)
        # Stripe: starting_after=<the last item's id> while has_more.
        stripe = next((i for i in inputs if key(i[0]) == "startingafter"), None)
        element = self.types.fields(self._element(items.type))
        if not nexts and stripe is not None and len(more) == 1 and element \
                and any(f.wire_name == "id" and self.types.is_string(f.type) for f in element):
            return ir.Pagination(style="cursor", source="inferred", rule="starting-after", input=stripe[0],
                                 input_in=stripe[1],  # type: ignore[arg-type]
                                 items=(items.wire_name,), next=(items.wire_name, "-1", "id"),
                                 has_more=(more[0].wire_name,), src=self.src)
        return None

    def _link_header(self) -> ir.Pagination | None:
        assert self.page is not None
        if self.op.method != "GET" or not any(h.wire_name.lower() == "link" for h in _success_headers(self.op)):
            return None
        if self.types.is_array(self.page):
            items: tuple[str, ...] = ()
        else:
            found = self._items(self.types.fields(self.page) or ())
            if found is None:
                return None
            items = (found.wire_name,)
        return ir.Pagination(style="link_header", source="inferred", rule="link-header", items=items, src=self.src)


def annotate(operations: list[ir.Operation], written: Mapping[int, Mapping[str, Any]],
             ctx: Any) -> list[ir.Operation]:
    """``operations`` with their pagination (``written``: id of each → the operation as written;
    ``ctx``: the normalizer's :class:`~generator.normalize.context.Context`, its models complete)."""
    result = []
    for op in operations:
        raw = written.get(id(op))
        found = detect(op, raw, ctx.models, ctx.diags, op.src)
        result.append(ir.evolve(op, pagination=found) if found is not None else op)
    return result
