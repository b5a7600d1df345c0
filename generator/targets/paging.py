"""The client's view of a paginated operation: its ``Pager`` constant and the ``iter_<name>`` and
``<name>_pages`` methods (the runtime's ``pagination`` module walks the pages)."""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir
from ..normalize.pagination import Types, body_type, success_body
from .pyview import TypeNamer, literal


@dataclass(frozen=True, slots=True, kw_only=True)
class PagerView:
    """What the templates write for one paginated operation (``*_src``: Python source)."""

    const: str
    iter_name: str
    pages_name: str
    style: str
    input: int
    body_src: str
    items_src: str
    next_src: str
    has_more_src: str
    first: int
    item_hint: str
    page_hint: str
    why: str


def _step(attr: str, key: str) -> str:
    return literal(key) if attr == key else f"({literal(attr)}, {literal(key)})"


def _path_src(types: Types, start: ir.Type | None, path: tuple[str, ...]) -> tuple[str, ir.Type]:
    """A field path of wire names as the runtime's steps (model attributes beside the keys), and
    the type found at its end (``Any`` where the schema does not say)."""
    steps = []
    t: ir.Type = start if start is not None else ir.ANY
    for wire in path:
        if wire == "-1":
            found = types.deref(t)
            t = found.items if isinstance(found, ir.Array) else ir.ANY
            steps.append(literal("-1"))
            continue
        field = next((f for f in types.fields(t) or () if f.wire_name == wire), None)
        steps.append(_step(field.name, wire) if field is not None else literal(wire))
        t = field.type if field is not None else ir.ANY
    return "(" + ", ".join(steps) + ("," if len(steps) == 1 else "") + ")", t


def why(p: ir.Pagination) -> str:
    """Where an operation's pagination comes from, in words (``inspect``, docstrings, README)."""
    return f"inferred ({p.rule})" if p.source == "inferred" else p.source


def describe(op: ir.Operation) -> str:
    """One line: the pager methods, the style, where the input and the page's parts are, and why."""
    p = op.pagination
    if p is None:
        return ""
    parts = [f"{op.iter_name}/{op.pages_name}", p.style]
    if p.input:
        parts.append(f"input {p.input} ({p.input_in})")
    for what, path in (("items", p.items), ("next", p.next), ("has_more", p.has_more)):
        if path or what == "items":
            parts.append(f"{what} {'.'.join(path) or '(body)'}")
    return ", ".join(parts) + f"; from {why(p)}"


def pager_view(op: ir.Operation, api: ir.Api, reader: TypeNamer, page_hint: str) -> PagerView | None:
    """The view of ``op``'s pagination, or ``None`` when it has none."""
    p = op.pagination
    if p is None:
        return None
    types = Types({m.key: m for m in api.models})
    content = success_body(op)
    page = content.type if content is not None else None
    items_src, items_type = _path_src(types, page, p.items)
    found = types.deref(items_type)
    item_hint = reader.hint(found.items) if isinstance(found, ir.Array) else "Any"
    index = next((i for i, q in enumerate(op.parameters)
                  if p.input_in != "body" and q.wire_name == p.input and q.location == p.input_in), -1)
    body_src = ""
    if p.input_in == "body":
        field = next((f for f in types.fields(body_type(op) or ir.ANY) or () if f.wire_name == p.input), None)
        body_src = _step(field.name if field is not None else p.input, p.input)
    return PagerView(
        const=f"_{op.name.upper()}__PAGER", iter_name=op.iter_name, pages_name=op.pages_name, style=p.style,
        input=index, body_src=body_src, items_src=items_src, next_src=_path_src(types, page, p.next)[0],
        has_more_src=_path_src(types, page, p.has_more)[0], first=p.first, item_hint=item_hint,
        page_hint=page_hint, why=why(p),
    )


def pager_names(api: ir.Api) -> list[str]:
    """The pager methods of every paginated operation, in spec order."""
    return [name for op in api.operations if op.pagination is not None for name in (op.iter_name, op.pages_name)]


def readme_pagers(api: ir.Api) -> list[dict[str, str]]:
    """The paginated operations for the package README: names, style and source, the one with the
    fewest required parameters first (the section's example)."""
    rows = [{"name": op.name, "iter": op.iter_name, "pages": op.pages_name, "style": p.style.replace("_", " "),
             "why": why(p), "required": str(sum(q.required for q in op.parameters) + (op.body is not None
                                                                                      and op.body.required))}
            for op in api.operations if (p := op.pagination) is not None]
    return sorted(rows, key=lambda r: int(r["required"]) > 0)
