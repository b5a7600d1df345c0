"""File plans and the view models shared by the Python targets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import ir
from ..naming import package_name, package_name_problem
from ..normalize.lower import server_url
from .pyview import TypeNamer, literal, python_default, uses


@dataclass(frozen=True, slots=True, kw_only=True)
class FilePlan:
    """One output file: where it goes, which template renders it, with what."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    user_owned: bool = False
    python: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """What the user asked to generate."""

    package: str
    client: bool = True
    server: bool = True
    # The document as loaded (plain JSON data), for targets that ship the spec itself.
    document: Any = field(default=None, compare=False, repr=False)


def default_package_name(api: ir.Api) -> str:
    """A package name from the spec's title (not the output folder: output must not depend on it)."""
    return package_name(api.title)


def valid_package_name(name: str) -> bool:
    """True for a usable Python package name."""
    return package_name_problem(name) is None


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
    enum_base: str = "str"
    alias: str = ""


def model_views(api: ir.Api) -> list[ModelView]:
    """Models in the order Python needs them: enums, classes (bases first), then aliases."""
    namer = TypeNamer(api)
    by_key = {m.key: m for m in api.models}
    enums = [m for m in api.models if m.kind == "enum"]
    classes = _bases_first([m for m in api.models if m.kind == "object"], by_key)
    aliases = _aliases_ordered([m for m in api.models if m.kind == "alias"], by_key)
    views = [ModelView(name=m.name, kind="enum", description=m.description,
                       members=tuple((mem.name, literal(mem.value)) for mem in m.members),
                       enum_base={"integer": "int", "number": "float"}.get(m.enum_type, "str"))
             for m in enums]
    for m in classes:
        fields = tuple(_field_view(f, namer) for f in m.fields)
        views.append(ModelView(name=m.name, kind="object", description=m.description,
                               bases=tuple(by_key[b].name for b in m.bases) or ("BaseModel",),
                               fields=fields))
    for m, hint in aliases:
        views.append(ModelView(name=m.name, kind="alias", description=m.description, alias=hint))
    return views


def _field_view(f: ir.Field, namer: TypeNamer) -> FieldView:
    required = f.required and not f.read_only and not f.write_only
    hint = namer.hint(f.type) if required else namer.optional(f.type)
    if required:
        default = None
    elif f.has_default and f.default is not None and not isinstance(f.type, ir.Named):
        default = python_default(f.type, f.default) or "None"
    else:
        default = "None"
    return FieldView(name=f.name, wire_name=f.wire_name, hint=hint, default=default,
                     alias=f.name != f.wire_name, description=f.description)


def _bases_first(models: list[ir.Model], by_key: dict[str, ir.Model]) -> list[ir.Model]:
    done: dict[str, ir.Model] = {}
    visiting: set[str] = set()

    def visit(m: ir.Model) -> None:
        if m.key in done or m.key in visiting:
            return
        visiting.add(m.key)
        for b in m.bases:
            if b in by_key and by_key[b].kind == "object":
                visit(by_key[b])
        visiting.discard(m.key)
        done[m.key] = m

    for m in models:
        visit(m)
    # A base cycle cannot be a class hierarchy: drop the bases that close it.
    result = []
    position = {k: i for i, k in enumerate(done)}
    for m in done.values():
        bases = tuple(b for b in m.bases if b in position and position[b] < position[m.key])
        result.append(m if bases == m.bases else _replace_bases(m, bases))
    return result


def _replace_bases(m: ir.Model, bases: tuple[str, ...]) -> ir.Model:
    from dataclasses import replace

    return replace(m, bases=bases)


def _aliases_ordered(models: list[ir.Model], by_key: dict[str, ir.Model]) -> list[tuple[ir.Model, str]]:
    """Aliases are evaluated at import: referenced aliases first; a cycle becomes ``Any``."""
    namer = TypeNamer(ir.Api(title="", version="", spec_version="", models=tuple(by_key.values())))
    order: list[tuple[ir.Model, str]] = []
    state: dict[str, int] = {}

    def deps(t: ir.Type | None) -> list[str]:
        if isinstance(t, ir.Named):
            return [t.key] if by_key[t.key].kind == "alias" else []
        if isinstance(t, ir.Array):
            return deps(t.items)
        if isinstance(t, ir.Map):
            return deps(t.values)
        if isinstance(t, ir.Union_):
            return [k for v in t.variants for k in deps(v)]
        return []

    def visit(m: ir.Model) -> bool:
        if state.get(m.key) == 2:
            return True
        if state.get(m.key) == 1:
            return False
        state[m.key] = 1
        ok = all(visit(by_key[d]) for d in deps(m.alias))
        state[m.key] = 2
        order.append((m, namer.hint(m.alias or ir.ANY) if ok else "Any"))
        return True

    for m in models:
        visit(m)
    return order


def model_imports(api: ir.Api) -> dict[str, bool]:
    """Which standard modules the models module needs."""
    types = [f.type for m in api.models for f in m.fields] + [m.alias for m in api.models if m.alias]
    return {mod: any(uses(t, mod) for t in types if t is not None) for mod in ("datetime", "uuid")}


def server_views(api: ir.Api) -> dict[str, Any]:
    """The default server URL and its variables, for the client's constructor."""
    if not api.servers:
        return {"default_url": None, "variables": ()}
    first = api.servers[0]
    absolute = "://" in server_url(first)
    return {
        "default_url": first.url.rstrip("/") if absolute else None,
        "variables": tuple((v.name, v.wire_name, v.default) for v in first.variables) if absolute else (),
    }
