"""Two pages of every paginated operation, walked through the generated client's ``<name>_pages``.

For each operation the IR marks as paginated (any source: ``x-oagen-pagination``, the vendor
extensions, an inferred rule), the echoing handler answers page 1 with one or more items and the
continuation the style reads (a next cursor, a next URL in the body, a ``Link: <...>; rel="next"``
header, ``has_more`` true; offsets and page numbers come from the items), then page 2 with the
end condition (no cursor or next URL, no ``Link``, ``has_more`` false, or an empty page). Both
pages are instances of the answer's schema (independent generators, :mod:`wire.instances`, with
the items, the continuation and ``has_more`` required); the continuation is a value the request
input accepts too. The walk passes when exactly two pages arrive and no third is asked for, the
same operation's handler got both requests, the second request carried the continuation where
the spec places it (the input parameter or body property, the next offset or page number, or
the very URL served), and the items of each parsed page are the ones served.

A walk is excluded only with a printed reason, like the round trip's calls: its first call is
excluded (the round trip's reason), no generator makes a page with items and a continuation of
the answer's schema, no value tried fits both the next cursor's and the input's schemas, the
input does not accept the next offset or page number, no end page fits the answer's schema (an
empty page where that is the only end), or the next URL the server names does not fit the
answer's field for it.
"""

from __future__ import annotations

import copy
import itertools
import typing
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator import ir

from .calls import Call
from .instances import Target, first_error, validator
from .package import Generated
from .roundtrip import CallResult, Later, Raw, Replies, Session, _same_text, _short, answer, canon

MARK = "oagen_page=2"  # added to the next URL: the second request is the URL served, not a rebuilt first one
CURSOR = "oagenPage2"
_GONE = object()  # a field taken out of a page


def page_schema(schema: Any, p: ir.Pagination) -> Any:
    """The answer's schema narrowed to a page with items and a continuation: the items array has
    at least one element; the next cursor or URL (and every object on the way) is present;
    ``has_more`` is true."""
    constraint: dict[str, Any] = {}
    _require(constraint, p.items, {"type": "array", "minItems": 1})
    if p.style in ("cursor", "next_url") and p.next:
        _require(constraint, p.next, {})
    if p.has_more:
        _require(constraint, p.has_more, {"enum": [True]})
    if not isinstance(schema, dict):
        return {"allOf": [schema, constraint]}
    base = {k: v for k, v in schema.items() if k != "definitions"}
    out: dict[str, Any] = {"allOf": [base, constraint]}
    if "definitions" in schema:
        out["definitions"] = schema["definitions"]
    return out


def _require(node: dict[str, Any], path: Sequence[str], leaf: dict[str, Any]) -> None:
    for step in path:
        if step == "-1":
            node.update(type="array", minItems=1)
            node = node.setdefault("items", {})
            continue
        node["type"] = "object"
        if step not in node.setdefault("required", []):
            node["required"].append(step)
        node = node.setdefault("properties", {}).setdefault(step, {})
    node.update(leaf)


def targets(gen: Generated, replies: Replies) -> dict[str, Target]:
    """Per paginated operation with a JSON answer: the target its pages are made of."""
    found: dict[str, Target] = {}
    for op in gen.api.operations:
        reply = replies.get(op.name, (0, "", None))[2]
        if op.pagination is not None and reply is not None:
            found[op.name] = Target(f"page:{op.name}", page_schema(reply.schema, op.pagination))
    return found


def get(data: Any, path: Sequence[str]) -> Any:
    """The value at a path of wire names in JSON data (``-1``: a list's last element)."""
    for step in path:
        if step == "-1":
            data = data[-1] if isinstance(data, list) and data else None
        elif isinstance(data, dict):
            data = data.get(step)
        else:
            return None
    return data


def put(data: Any, path: Sequence[str], value: Any) -> Any:
    """A copy of JSON data with ``value`` at ``path`` (``_GONE``: the field taken out); raises
    ``LookupError`` or ``TypeError`` where the path does not lead through the data."""
    if not path:
        return copy.deepcopy(value)
    data = copy.deepcopy(data)
    node = data
    for step in path[:-1]:
        node = node[-1] if step == "-1" else node.setdefault(step, {})
    last = path[-1]
    if last == "-1":
        node[-1] = value
    elif value is _GONE:
        del node[last]
    else:
        node[last] = value
    return data


@dataclass
class Served:
    """What a walk serves and expects; ``url`` is the next URL page 1 named (URL styles)."""

    page1: Any
    page2: Any
    expected: Any = None  # the input of the second request (cursor, offset or page number)
    end2: Callable[[Any, str], Any] | None = None  # page 2 from the URL served on page 1
    url: str = ""
    problem: str = ""
    fitting: list[str] = field(default_factory=list)


def run(s: Session, gen: Generated, calls: list[Call], replies: Replies, pages: dict[str, Target],
        inputs: dict[str, Target]) -> list[CallResult]:
    """Walk two pages of every paginated operation. ``inputs``: the call plan's targets by id."""
    results: list[CallResult] = []
    for op in gen.api.operations:
        if op.pagination is not None:
            results.append(_walk(s, gen, op, calls, replies, pages.get(op.name), inputs))
    return results


def _first_call(op: ir.Operation, calls: list[Call]) -> Call | None:
    mine = [c for c in calls if c.op.name == op.name]
    if op.pagination is not None and op.pagination.input_in == "body":
        mine = [c for c in mine if c.body_kind == "json"] or mine
    return next((c for c in mine if not c.excluded and not c.problem), mine[0] if mine else None)


def _walk(s: Session, gen: Generated, op: ir.Operation, calls: list[Call], replies: Replies,
          target: Target | None, inputs: dict[str, Target]) -> CallResult:
    p = op.pagination
    assert p is not None
    call = _first_call(op, calls)
    variant = "pages"

    def result(status: str, reason: str = "") -> CallResult:
        return CallResult(op.name, variant, status, reason)

    if call is None:
        return result("excluded", "no call of the operation to start the walk from")
    if call.excluded:
        return result("excluded", f"its first call cannot be made: {call.excluded}")
    if call.problem:
        return result("fail", f"its first call cannot be made: {call.problem}")
    status, media, reply = replies.get(op.name, (200, "", None))
    if reply is None or target is None:
        return result("excluded", "the operation's success answer has no JSON body to serve pages in")
    if not target.instances:
        return result("excluded", f"no page with items and a continuation: {target.problem}")
    served = _plan(op, p, call, reply.schema, target.instances, inputs)
    if served.problem:
        return result("excluded", served.problem)
    rec = s.recorder
    rec.clear()
    rec.reply = answer(status, media, reply, served.page2)
    if p.style in ("next_url", "link_header"):
        rec.queue = [Later(lambda raw: _first_page(s, served, p, status, media, reply, raw)),
                     Later(lambda raw: answer(status, media, reply, served.end2(served.page2, served.url)
                                              if served.end2 else served.page2))]
    else:
        rec.queue = [answer(status, media, reply, served.page1), answer(status, media, reply, served.page2)]
    try:
        # (At most three pages: a walk that does not stop shows as a third page, never as a hang.)
        got = list(itertools.islice(getattr(s.client, op.pages_name)(**call.kwargs, max_pages=3), 3))
    except Exception as exc:  # noqa: BLE001 - every failure is a finding
        detail = getattr(exc, "text", "") or str(exc)
        return result("fail", f"walk failed after {len(rec.calls)} request(s): {type(exc).__name__}: {detail}"[:500])
    finally:
        rec.queue = []
    if served.fitting:
        return result("excluded", served.fitting[0])
    reason = _verify(gen, op, p, call, served, got, rec.calls, rec.raw, s.origin)
    return result("fail", reason) if reason else result("pass")


def _first_page(s: Session, served: Served, p: ir.Pagination, status: int, media: str, reply: Target,
                raw: Raw) -> Any:
    """Page 1 of a URL style, naming the URL of the request that asked for it with ``MARK`` added."""
    served.url = f"{s.origin}{raw.path}?{raw.query + '&' if raw.query else ''}{MARK}"
    if p.style == "link_header":
        return answer(status, media, reply, served.page1, headers={"Link": f'<{served.url}>; rel="next"'})
    page = put(served.page1, p.next, served.url)
    error = first_error(reply.schema, page)
    if error:
        served.fitting.append(f"the next URL the server names does not fit the answer's schema: {error}")
    return answer(status, media, reply, page)


def _plan(op: ir.Operation, p: ir.Pagination, call: Call, schema: Any, instances: list[Any],
          inputs: dict[str, Target]) -> Served:
    """The two pages (page 2 differs from page 1 where the instances allow) and the expected input."""
    first = instances[0]
    other = next((i for i in instances[1:] if get(i, p.items) != get(first, p.items)), first)
    fits = validator(schema).is_valid
    if p.has_more:
        other = put(other, p.has_more, False)
    sent = _sent_input(op, p, call)
    if p.style == "cursor":
        accepts = _input_check(op, p, call, inputs)
        cursor, page1 = _cursor(p, first, instances, sent, fits, accepts, _input_samples(op, p, call, inputs))
        if page1 is None:
            return Served(first, other, problem="no value tried (a plain token, the input's own instances, the "
                          f"pages' cursors) fits both the answer's next cursor ({'.'.join(p.next)}) and the "
                          f"request input {p.input!r} ({p.input_in})")
        # The end: has_more false alone; else no cursor (absent, null, empty); for a cursor read
        # from the last item, no item; else the same cursor again (a cursor seen before).
        ends: list[Any] = [other] if p.has_more else []
        if "-1" in p.next:
            ends.append(_try_put(other, p.items, []))
        else:
            ends += [_try_put(other, p.next, end) for end in (_GONE, None, "", cursor)]
        page2 = next((pg for pg in ends if pg is not None and fits(pg)), None)
        if page2 is None:
            return Served(page1, other, problem="no end page fits the answer's schema")
        return Served(page1, page2, expected=cursor)
    if p.style in ("offset", "page"):
        received = len(get(first, p.items) or [])
        start = sent if isinstance(sent, int) and not isinstance(sent, bool) else p.first
        expected = start + (received if p.style == "offset" else 1)
        if not _input_check(op, p, call, inputs)(expected):
            return Served(first, other, problem=f"the request input {p.input!r} does not accept the next "
                          f"{p.style} {expected}")
        page2 = other if p.has_more else _try_put(other, p.items, [])
        if page2 is None or not fits(page2):
            return Served(first, other, problem="an empty page (the only end without has_more) does not fit "
                          "the answer's schema")
        return Served(first, page2, expected=expected)
    if p.style == "link_header":
        return Served(first, other) if fits(other) else Served(first, other, problem="no end page fits the "
                                                                "answer's schema")
    # next_url: page 2 without a next URL, else naming the one served on page 1 again (seen: the end)
    for end in (_GONE, None, ""):
        page2 = _try_put(other, p.next, end)
        if page2 is not None and fits(page2):
            return Served(first, page2)
    return Served(first, other, end2=lambda page, url: put(page, p.next, url))


def _try_put(data: Any, path: Sequence[str], value: Any) -> Any:
    try:
        return put(data, path, value)
    except (LookupError, TypeError, AttributeError):
        return None


def _cursor(p: ir.Pagination, first: Any, instances: list[Any], sent: Any, fits: Callable[[Any], bool],
            accepts: Callable[[Any], bool], samples: list[Any]) -> tuple[Any, Any]:
    """A next cursor both the page and the input accept (and unlike the first request's), with
    page 1. Tried: the last item's own value (a cursor read from the last item), a plain token,
    instances of the input's schema, the pages' own cursors."""
    candidates: list[Any] = [get(first, p.next)] if "-1" in p.next else []
    candidates += [CURSOR, *samples] + [get(i, p.next) for i in instances]
    for value in candidates:
        if value is None or value == "" or value == sent:
            continue
        page = _try_put(first, p.next, value)
        if page is not None and fits(page) and accepts(value) and get(page, p.next) == value:
            return value, page
    return None, None


def _input_param(op: ir.Operation, p: ir.Pagination) -> ir.Parameter | None:
    return next((q for q in op.parameters if q.wire_name == p.input and q.location == p.input_in), None)


def _param_target(op: ir.Operation, p: ir.Pagination, inputs: dict[str, Target]) -> Target | None:
    q = _input_param(op, p)
    return inputs.get(f"param:{op.name}:{q.name}") if q is not None else None


def _input_samples(op: ir.Operation, p: ir.Pagination, call: Call, inputs: dict[str, Target]) -> list[Any]:
    """Instances of the input's schema (the parameter's, or the property's in the body's)."""
    if p.input_in == "body":
        t = inputs.get(f"body:{op.name}:{call.body_media}")
        return [i[p.input] for i in (t.instances if t else []) if isinstance(i, dict) and p.input in i]
    t = _param_target(op, p, inputs)
    return list(t.instances) if t is not None else []


def _sent_input(op: ir.Operation, p: ir.Pagination, call: Call) -> Any:
    if p.input_in == "body":
        body = call.data.get("body")
        return body.get(p.input) if isinstance(body, dict) else None
    q = _input_param(op, p)
    return call.data.get(q.name) if q is not None else None


def _input_check(op: ir.Operation, p: ir.Pagination, call: Call,
                 inputs: dict[str, Target]) -> Callable[[Any], bool]:
    """Whether the request input accepts a value (its parameter's schema, or the body's with it)."""
    if p.input_in == "body":
        t = inputs.get(f"body:{op.name}:{call.body_media}")
        body = call.data.get("body")
        if t is None or not isinstance(body, dict):
            return lambda value: True
        check = validator(t.schema).is_valid
        return lambda value: check({**body, p.input: value})
    t = _param_target(op, p, inputs)
    if t is None:
        return lambda value: True
    check = validator(t.schema).is_valid
    return lambda value: check(value) and (t.accept is None or t.accept(value))


def _verify(gen: Generated, op: ir.Operation, p: ir.Pagination, call: Call, served: Served, got: list[Any],
            handled: list[tuple[str, dict[str, Any]]], raw: list[Raw], origin: str) -> str:
    """Why the walk is wrong, or ``""``."""
    if len(handled) != 2 or len(got) != 2:
        return f"{len(got)} page(s) arrived after {len(handled)} request(s); two pages were served, the second the last"
    ran = [name for name, _ in handled]
    if ran != [op.name, op.name]:
        return f"the requests were dispatched to {ran}"
    first, second = ({k: v for k, v in received.items() if k != "credentials"} for _, received in handled)
    if p.style in ("next_url", "link_header"):
        asked = f"{origin}{raw[1].path}?{raw[1].query}" if raw[1].query else f"{origin}{raw[1].path}"
        if asked != served.url:
            return f"the second request went to {_short(asked)}, the page named {_short(served.url)}"
        if canon(first.get("body")) != canon(second.get("body")):
            return "the second request did not carry the first one's body"
    else:
        reason = _continuation(op, p, call, served.expected, first, second)
        if reason:
            return reason
    reference = _reference(gen, op)
    for n, (page, sent) in enumerate(zip(got, (served.page1, served.page2), strict=True), start=1):
        items = get(canon(page), p.items)
        want = get(sent, p.items) or []
        if items == want or reference is not None and items == get(canon(reference(sent)), p.items):
            continue
        return f"page {n}: the items read are {_short(items)}, the items served {_short(want)}"
    return ""


def _continuation(op: ir.Operation, p: ir.Pagination, call: Call, expected: Any, first: dict[str, Any],
                  second: dict[str, Any]) -> str:
    """Why the second request did not carry ``expected`` where the spec places the input (and the
    first request's other values), or ``""``."""
    if p.input_in == "body":
        body1, body2 = canon(first.get("body")), canon(second.get("body"))
        if not isinstance(body2, dict) or body2.get(p.input) != canon(expected):
            value = body2.get(p.input) if isinstance(body2, dict) else body2
            return f"the second request's body had {p.input}={_short(value)}, the continuation is {_short(expected)}"
        rest1 = {k: v for k, v in (body1 or {}).items() if k != p.input}
        if rest1 != {k: v for k, v in body2.items() if k != p.input}:
            return "the second request's body changed beyond the continuation"
        key = "body"
    else:
        q = _input_param(op, p)
        if q is None:
            return f"the operation has no {p.input_in} parameter {p.input!r}"
        key = q.name
        value = canon(second.get(key))
        if value != canon(expected) and not _same_text(call, key, value, canon(expected)):
            return (f"the second request's {p.input_in} parameter {p.input!r} was {_short(value)}, "
                    f"the continuation is {_short(expected)}")
    for name in set(first) | set(second):
        if name != key and canon(first.get(name)) != canon(second.get(name)):
            return f"the second request's {name!r} changed: {_short(first.get(name))} -> {_short(second.get(name))}"
    return ""


def _reference(gen: Generated, op: ir.Operation) -> Callable[[Any], Any] | None:
    """The served page read into the operation's declared type (the items as the client reads
    them: a date-time in another spelling is the same value)."""
    import pydantic

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hint = typing.get_type_hints(getattr(gen.module("client").Client, op.name))["return"]
        adapter = pydantic.TypeAdapter(hint)
    except Exception:  # noqa: BLE001 - no reference: the items must be equal as served
        return None

    def read(value: Any) -> Any:
        try:
            return adapter.validate_python(value)
        except pydantic.ValidationError:
            return None

    return read
