"""The models view: IR models → one Python module per model, loaded on first use.

A big spec has thousands of schemas and pydantic spends milliseconds on each class, so
``models/__init__.py`` imports nothing eagerly: ``models.Pet`` (or ``from pkg.models import
Pet``) imports the module of ``Pet`` and, through its imports, only what ``Pet`` refers to.
Models that refer to each other in a cycle share one module (a strongly connected component of
the reference graph), so the modules form a DAG and plain top-level imports suffice.

Models are forward compatible: no validation constraints (validating is the server's job), unknown
fields kept (``extra="allow"``), enums and multi-valued literals accept values added later.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .. import ir
from ..naming import Namespace, snake
from .groups import split
from .pyview import TypeNamer, literal, model_refs, python_default, uses

PACK = 24  # models per module in the split layout (a strongly connected component stays whole)
_ENUM_BASES = {"string": "OpenStrEnum", "integer": "OpenIntEnum", "number": "OpenFloatEnum"}
# Never a module name: Windows device names (a file called con.py cannot exist there).
# A submodule becomes an attribute of the package, so it must not shadow what models/__init__.py
# imports.
_RESERVED_MODULES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                               *(f"lpt{i}" for i in range(10)), "importlib", "annotations"})


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldView:
    name: str
    wire_name: str
    hint: str
    default: str | None
    alias: bool
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelView:
    name: str
    kind: str
    description: str
    bases: tuple[str, ...] = ()
    fields: tuple[FieldView, ...] = ()
    extra: str = "allow"
    members: tuple[tuple[str, str], ...] = ()
    enum_base: str = "OpenStrEnum"
    alias: str = ""
    key: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleView:
    """One module of the ``models`` package and what it imports."""

    module: str
    models: tuple[ModelView, ...]
    imports: tuple[tuple[str, tuple[str, ...]], ...]
    std: tuple[str, ...]
    typing: tuple[str, ...]
    pydantic: tuple[str, ...]
    enum_bases: tuple[str, ...]
    rebuild: tuple[str, ...] = ()  # classes completed at the module's end (see _rebuilt)


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleRef:
    """A module of the ``models`` package before its view is made (``view()``, when rendered)."""

    module: str
    size: int  # models and fields: about how much code the module holds
    view: Callable[[], ModuleView]


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelsView:
    """The whole ``models`` package: its modules and the name → module index."""

    modules: tuple[ModuleRef, ...]
    index: tuple[tuple[str, str], ...]


def models_view(api: ir.Api) -> ModelsView:
    """Every model placed in a module, modules in spec order of their first model."""
    all_models = orderable(api.models)
    by_key = {m.key: m for m in all_models}
    refs = {m.key: _references(m) for m in all_models}
    components = _components(all_models, by_key, refs)
    position = {m.key: i for i, m in enumerate(all_models)}
    groups = sorted(_packed(components, position) if split(api) else components, key=lambda g: position[g[0]])
    ns = Namespace(_RESERVED_MODULES)
    module_of: dict[str, str] = {}
    names: list[str] = []
    for group in groups:
        name = ns.take(snake(by_key[group[0]].name), "model", "model_")
        names.append(name)
        for key in group:
            module_of[key] = name
    namer = TypeNamer(api, open_literals=True)
    base_keys = frozenset(b for m in all_models for b in m.bases)
    modules = tuple(ModuleRef(module=name, size=sum(5 + len(by_key[k].fields) for k in group),
                              view=functools.partial(_module_view, name, [by_key[k] for k in group], by_key, refs,
                                                     module_of, namer, base_keys))
                    for name, group in zip(names, groups, strict=True))
    index = tuple((m.name, module_of[m.key]) for m in api.models)
    return ModelsView(modules=modules, index=index)


def _references(m: ir.Model) -> list[str]:
    """Keys of the models a model needs, bases included."""
    types: list[ir.Type | None] = [*(f.type for f in m.fields), m.additional, m.alias]
    found = list(m.bases)
    for t in types:
        found.extend(model_refs(t))
    return list(dict.fromkeys(found))


def _components(models: tuple[ir.Model, ...], by_key: dict[str, ir.Model],
                refs: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components of the reference graph (Tarjan, iterative), each in spec
    order, a component after every component it refers to."""
    position = {m.key: i for i, m in enumerate(models)}
    edges = {m.key: [k for k in refs[m.key] if k in by_key] for m in models}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: list[list[str]] = []
    for root in edges:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges[node]
            if i < len(targets):
                work.append((node, i + 1))
                nxt = targets[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    item = stack.pop()
                    on_stack.discard(item)
                    group.append(item)
                    if item == node:
                        break
                result.append(sorted(group, key=position.__getitem__))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return result


def _packed(components: list[list[str]], position: dict[str, int]) -> list[list[str]]:
    """Components packed into modules of about :data:`PACK` models (the split layout of a big API:
    thousands of one-model files cost more to write, check and import than they save). The
    components come dependencies first, and a module takes consecutive ones, so a module imports
    only modules made before it: no import cycle."""
    packed: list[list[str]] = []
    for component in components:
        if packed and len(packed[-1]) < PACK:
            packed[-1].extend(component)
        else:
            packed.append(list(component))
    return [sorted(group, key=position.__getitem__) for group in packed]


def _module_view(name: str, models: list[ir.Model], by_key: dict[str, ir.Model], refs: dict[str, list[str]],
                 module_of: dict[str, str], namer: TypeNamer, base_keys: frozenset[str]) -> ModuleView:
    views = model_views(models, by_key, namer)
    own = {m.key for m in models}
    imports: dict[str, dict[str, None]] = {}
    for m in models:
        for key in refs[m.key]:
            if key in by_key and key not in own:
                imports.setdefault(module_of[key], {})[by_key[key].name] = None
    types = [f.type for m in models for f in m.fields] + [t for m in models for t in (m.alias, m.additional) if t]
    text = " ".join([f.hint for v in views for f in v.fields] + [v.alias for v in views])
    typing = [n for n, used in (("Any", re.search(r"\bAny\b", text)), ("Literal", "Literal[" in text),
                                ("TypeAlias", any(v.kind == "alias" for v in views))) if used]
    objects = [v for v in views if v.kind == "object"]
    pydantic = [n for n, used in (("BaseModel", any("BaseModel" in v.bases for v in objects)),
                                  ("ConfigDict", bool(objects)),
                                  ("Field", any(f.alias for v in objects for f in v.fields))) if used]
    return ModuleView(
        module=name, models=tuple(views),
        imports=tuple((mod, tuple(sorted(names))) for mod, names in sorted(imports.items())),
        std=tuple(mod for mod in ("datetime", "uuid") if any(uses(t, mod) for t in types)),
        typing=tuple(typing), pydantic=tuple(pydantic),
        enum_bases=tuple(sorted({v.enum_base for v in views if v.kind == "enum"})),
        rebuild=_rebuilt(views, by_key, refs, base_keys),
    )


def _rebuilt(views: list[ModelView], by_key: dict[str, ir.Model], refs: dict[str, list[str]],
             base_keys: frozenset[str]) -> tuple[str, ...]:
    """The classes a module completes (``model_rebuild()``) at its end: those that are a base of
    some class and, when created, named a type the module defines after them (aliases come after
    the classes), or derive from such a class. pydantic leaves such a class incomplete, and a
    subclass in another module then reads the inherited annotations in its own module, where the
    later name is not defined (``name 'Tags' is not defined``)."""
    place = {v.key: i for i, v in enumerate(views)}
    late: set[str] = set()
    for v in views:
        if v.kind != "object":
            continue
        model = by_key[v.key]
        if any(place.get(k, -1) > place[v.key] for k in refs[v.key] if k not in model.bases) \
                or any(b in late for b in model.bases):
            late.add(v.key)
    return tuple(v.name for v in views if v.key in late and v.key in base_keys)


def model_views(models: list[ir.Model], by_key: dict[str, ir.Model], namer: TypeNamer) -> list[ModelView]:
    """Models in the order Python needs them: enums, classes (bases first), then aliases."""
    enums = [m for m in models if m.kind == "enum"]
    own = {m.key for m in models}
    classes = _bases_first([m for m in models if m.kind == "object"], by_key)
    aliases = _aliases_ordered([m for m in models if m.kind == "alias"], by_key, own, namer)
    views = [ModelView(name=m.name, kind="enum", description=m.description,
                       members=tuple((mem.name, literal(mem.value)) for mem in m.members),
                       enum_base=_ENUM_BASES.get(m.enum_type, "OpenStrEnum"), key=m.key)
             for m in enums]
    for m in classes:
        fields = tuple(_field_view(f, namer, by_key) for f in m.fields)
        views.append(ModelView(name=m.name, kind="object", description=m.description,
                               bases=tuple(by_key[b].name for b in m.bases) or ("BaseModel",),
                               fields=fields, key=m.key))
    for m, hint in aliases:
        views.append(ModelView(name=m.name, kind="alias", description=m.description, alias=hint, key=m.key))
    return views


def _field_view(f: ir.Field, namer: TypeNamer, by_key: dict[str, ir.Model]) -> FieldView:
    required = f.required and not f.read_only and not f.write_only
    hint = namer.hint(f.type) if required else namer.optional(f.type)
    if required:
        default = None
    elif f.has_default and f.default is not None:
        default = _code_default(f.type, f.default, namer, by_key)
    else:
        default = "None"
    return FieldView(name=f.name, wire_name=f.wire_name, hint=hint, default=default,
                     alias=f.name != f.wire_name, description=f.description)


def _code_default(t: ir.Type, value: ir.JSONValue, namer: TypeNamer, by_key: dict[str, ir.Model]) -> str:
    """A field's default in code: a literal of the type an alias names, an enum's member, or
    ``None`` (an object model: pydantic never turns a default dict into one)."""
    target = namer.unalias(t)
    if isinstance(target, ir.Named):
        model = by_key.get(target.key)
        if model is not None and model.kind == "enum":
            for member in model.members:
                if member.value == value and type(member.value) is type(value):
                    return f"{namer.hint(target)}.{member.name}"
        return "None"
    return python_default(target, value) or "None"


def _bases_first(models: list[ir.Model], by_key: dict[str, ir.Model]) -> list[ir.Model]:
    done: dict[str, ir.Model] = {}
    visiting: set[str] = set()
    own = {m.key for m in models}

    def visit(m: ir.Model) -> None:
        if m.key in done or m.key in visiting:
            return
        visiting.add(m.key)
        for b in m.bases:
            if b in own:
                visit(by_key[b])
        visiting.discard(m.key)
        done[m.key] = m

    for m in models:
        visit(m)
    # A base cycle cannot be a class hierarchy: drop the bases that close it.
    result = []
    position = {k: i for i, k in enumerate(done)}
    for m in done.values():
        bases = tuple(b for b in m.bases if b in by_key and by_key[b].kind == "object"
                      and (b not in position or position[b] < position[m.key]))
        result.append(m if bases == m.bases else replace(m, bases=bases))
    return result


def orderable(models: tuple[ir.Model, ...]) -> tuple[ir.Model, ...]:
    """The models with class hierarchies Python can create (see :func:`_consistent`), bases fixed
    before the classes that derive from them; models that need no change are returned as they are."""
    by_key = {m.key: m for m in models}
    kept: dict[str, ir.Model] = {}
    visiting: set[str] = set()

    def visit(m: ir.Model) -> None:
        if m.key in kept or m.key in visiting:
            return
        visiting.add(m.key)
        for b in m.bases:
            if b in by_key:
                visit(by_key[b])
        visiting.discard(m.key)
        kept[m.key] = _consistent(m, kept, by_key) if len(m.bases) > 1 else m

    for m in models:
        if m.kind == "object":
            visit(m)
    return tuple(kept.get(m.key, m) for m in models)


def _consistent(m: ir.Model, kept: dict[str, ir.Model], by_key: dict[str, ir.Model]) -> ir.Model:
    """``m`` with bases Python can order: a base that another base already derives from is left
    out (``allOf: [ModelInfo, EntityModelInfo]`` where EntityModelInfo extends ModelInfo), and when
    the rest still has no method resolution order, the first base stays and the fields of the
    others are copied in."""
    def ancestors(key: str) -> list[str]:
        found: list[str] = []
        stack = list((kept.get(key) or by_key[key]).bases)
        while stack:
            b = stack.pop()
            if b not in found and b in by_key:
                found.append(b)
                stack.extend((kept.get(b) or by_key[b]).bases)
        return found

    bases = tuple(b for b in m.bases if not any(b in ancestors(o) for o in m.bases if o != b))
    if _linearizes(bases, kept, by_key):
        return m if bases == m.bases else replace(m, bases=bases)
    first, *others = bases
    have = {f.wire_name for f in m.fields} | {f.wire_name for k in (first, *ancestors(first))
                                               for f in (kept.get(k) or by_key[k]).fields}
    copied: list[ir.Field] = []
    for other in others:
        for k in (*reversed(ancestors(other)), other):
            for f in (kept.get(k) or by_key[k]).fields:
                if f.wire_name not in have:
                    have.add(f.wire_name)
                    copied.append(f)
    return replace(m, bases=(first,), fields=(*copied, *m.fields))


def _linearizes(bases: tuple[str, ...], kept: dict[str, ir.Model], by_key: dict[str, ir.Model]) -> bool:
    """True when Python's C3 linearization can order a class with these bases."""
    memo: dict[str, list[str] | None] = {}

    def mro(key: str) -> list[str] | None:
        if key not in memo:
            memo[key] = None
            own = (kept.get(key) or by_key[key]).bases
            merged = _c3([key], [mro(b) for b in own], list(own))
            memo[key] = merged
        return memo[key]

    return _c3([], [mro(b) for b in bases], list(bases)) is not None


def _c3(head: list[str], lines: list[list[str] | None], bases: list[str]) -> list[str] | None:
    if any(line is None for line in lines):
        return None
    seqs = [list(line) for line in lines if line] + ([list(bases)] if bases else [])
    out = list(head)
    while seqs:
        for seq in seqs:
            candidate = seq[0]
            if not any(candidate in s[1:] for s in seqs):
                break
        else:
            return None
        out.append(candidate)
        seqs = [s[1:] if s[0] == candidate else s for s in seqs]
        seqs = [s for s in seqs if s]
    return out


def _aliases_ordered(models: list[ir.Model], by_key: dict[str, ir.Model], own: set[str],
                     namer: TypeNamer) -> list[tuple[ir.Model, str]]:
    """Aliases are evaluated at import: referenced aliases first; a cycle becomes ``Any``."""
    order: list[tuple[ir.Model, str]] = []
    state: dict[str, int] = {}

    def deps(t: ir.Type | None) -> list[str]:
        return [k for k in model_refs(t) if k in own and by_key[k].kind == "alias"]

    def visit(m: ir.Model) -> bool:
        if state.get(m.key) == 2:
            return True
        if state.get(m.key) == 1:
            return False
        state[m.key] = 1
        results = [visit(by_key[d]) for d in deps(m.alias)]  # visit all: each one gets ordered
        ok = all(results)
        state[m.key] = 2
        order.append((m, namer.hint(m.alias or ir.ANY) if ok else "Any"))
        return True

    for m in models:
        visit(m)
    return order
