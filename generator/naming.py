"""The naming pass: every identifier is decided here, once, in spec order.

sanitize → split words → snake/Pascal → keyword, soft keyword or builtin gets a ``_`` suffix →
leading digit gets a prefix → collisions get a deterministic numeric suffix. Postcondition
(asserted): every name is a valid, non-keyword identifier.
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import keyword
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from . import ir

_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(dir(builtins)) | {"self", "cls"}

# Attributes of pydantic's BaseModel (v1 names included: they still exist, deprecated).
PYDANTIC_RESERVED = frozenset({
    "model_config", "model_fields", "model_computed_fields", "model_extra", "model_fields_set",
    "model_construct", "model_copy", "model_dump", "model_dump_json", "model_json_schema",
    "model_parametrized_name", "model_post_init", "model_rebuild", "model_validate",
    "model_validate_json", "model_validate_strings", "dict", "json", "parse_obj", "parse_raw",
    "parse_file", "from_orm", "construct", "copy", "schema", "schema_json", "validate",
    "update_forward_refs", "fields", "Config",
})
# Names the generated modules import or define at module level.
MODULE_RESERVED = frozenset({
    "Any", "BaseModel", "ConfigDict", "Enum", "Field", "Literal", "Optional", "Union", "RootModel",
    "TypeAlias", "annotations", "date", "datetime", "time", "timedelta", "UUID", "Decimal",
    "Annotated", "TYPE_CHECKING", "IntEnum", "StrEnum", "typing", "enum", "pydantic", "uuid",
    "Client", "AsyncClient", "ApiError", "ApiResponse", "models",
})
# Operation names are methods of Client/AsyncClient (beside these: the methods and attributes of
# the runtime's Core) and ``_<NAME>`` constants in client.py (``_SCHEMES`` is taken).
CLIENT_RESERVED = frozenset({"close", "aclose", "request", "with_response", "raw", "base_url", "_http", "schemes",
                             "with_options", "max_expansion", "expansion_floor"})
# Keyword arguments of the client's constructor, and what its body uses.
CLIENT_OPTIONS = ("base_url", "timeout", "headers", "transport", "retries", "follow_redirects", "event_hooks",
                  "auth", "credentials", "httpx", "m", "cast")
# Parameters are keyword arguments of client methods, server endpoints and handlers; these
# are the names those bodies use (``body`` carries the request body, ``request`` is the
# endpoint's own argument, ``request_options`` every client method's per-call options: a spec
# parameter named so becomes ``request_options_``).
REQUEST_OPTIONS = "request_options"
PARAM_RESERVED = frozenset({
    "body", "request", "response", "result", "self", "cls", "m", "httpx", "datetime", "uuid", "credentials",
    REQUEST_OPTIONS, "RequestOptions", "Callable",
    "IO", "Any", "Literal", "cast", "Mapping", "Path", "Annotated", "Body", "Cookie", "FastAPI", "Header",
    "Query", "Request", "Response", "ApiResponse", "AsyncCore", "Operation", "Param", "Result", "RetryPolicy",
    "Scheme", "SyncCore", "BaseHandlers", "not_implemented",
})
MAX_NAME = 64
# Names Windows reserves for devices, with any extension (a package folder named so cannot be
# created there).
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", "conin$", "conout$", "clock$"}
                             | {f"{d}{i}" for d in ("com", "lpt") for i in range(10)})
# Modules a generated package imports: a package named like one of them would shadow it.
_IMPORTED = frozenset({"httpx", "pydantic", "fastapi", "starlette", "uvicorn", "anyio", "typing_extensions",
                       "annotated_types", "h11", "idna", "certifi", "sniffio", "httpcore"})


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(split_words(text))


def split_words(text: str) -> list[str]:
    """Words of an arbitrary name: camelCase, acronyms, separators; non-ASCII transliterated."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
    ascii_text = text.encode("ascii", "ignore").decode("ascii")
    if not re.search(r"[A-Za-z0-9]", ascii_text) and text.strip():
        # Nothing survives transliteration: spell the code points so the name stays unique.
        ascii_text = "_".join(f"u{ord(c):04x}" for c in text if not c.isspace())
    ascii_text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", ascii_text)
    ascii_text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", ascii_text)
    return re.findall(r"[A-Za-z0-9]+", ascii_text)


@functools.lru_cache(maxsize=65536)
def snake(text: str) -> str:
    """snake_case of a name (may be empty or start with a digit; see :func:`identifier`)."""
    return "_".join(w.lower() for w in _words(text))


def pascal(text: str) -> str:
    """PascalCase of a name."""
    return "".join(w[:1].upper() + w[1:] for w in _words(text))


def upper_snake(text: str) -> str:
    """UPPER_SNAKE_CASE of a name."""
    return "_".join(w.upper() for w in _words(text))


class Namespace:
    """Hands out unique identifiers within one scope, deterministically."""

    def __init__(self, reserved: Iterable[str] = (), *, suffix_reserved: frozenset[str] = _RESERVED) -> None:
        self.used: set[str] = set(reserved)
        self.suffix_reserved = suffix_reserved

    def take(self, base: str, fallback: str, digit_prefix: str) -> str:
        """A unique identifier built from ``base``."""
        name = shorten(base or fallback)
        if name[0].isdigit():
            name = digit_prefix + name
        if name in self.suffix_reserved or keyword.iskeyword(name) or keyword.issoftkeyword(name):
            name += "_"
        candidate, n = name, 1
        while not self.free(candidate):
            n += 1
            candidate = f"{name}_{n}" if not name.endswith("_") else f"{name}{n}"
        self.used.add(candidate)
        assert candidate.isidentifier() and candidate.isascii() and not keyword.iskeyword(candidate) \
            and not keyword.issoftkeyword(candidate), candidate
        return candidate

    def free(self, candidate: str) -> bool:
        """True when ``candidate`` may be handed out."""
        return candidate not in self.used


class ParamNamespace(Namespace):
    """Parameter names: also never ``x`` beside ``x_value`` (the server's name for a split ``x``)."""

    def free(self, candidate: str) -> bool:
        """True when ``candidate`` may be handed out."""
        if candidate in self.used or candidate + "_value" in self.used:
            return False
        return not (candidate.endswith("_value") and candidate[: -len("_value")] in self.used)


def shorten(name: str) -> str:
    """A name cut to :data:`MAX_NAME` characters, with a hash of the whole to stay unique."""
    if len(name) <= MAX_NAME:
        return name
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return name[: MAX_NAME - 9].rstrip("_") + "_" + digest


def package_name(title: str) -> str:
    """A package name from a title: snake_case, at most 30 characters, never a keyword, a name
    Windows reserves, or the name of a module the generated code imports (or the stdlib's)."""
    name = ""
    for word in snake(title).split("_"):
        if len(name) + len(word) > 30:
            break
        name = f"{name}_{word}" if name else word
    name = name or "api"
    name = name if name[0].isalpha() else "api_" + name
    return name if package_name_problem(name) is None else name + "_api"


def package_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be the generated package's name, or ``None``."""
    import sys

    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) or not name.isidentifier():
        return "is not a Python identifier (letters, digits and underscores, not starting with a digit)"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return "is a Python keyword"
    if name.lower() in WINDOWS_RESERVED:
        return "is a device name on Windows"
    if name in sys.stdlib_module_names or name in _IMPORTED or name == "generator":
        return "would shadow a module the generated code imports"
    return None


def name_api(api: ir.Api) -> ir.Api:
    """Assign every Python identifier of the API (returns a new, fully named IR)."""
    models_ns = Namespace(MODULE_RESERVED)
    models = tuple(_name_model(m, models_ns) for m in api.models)
    ops_ns = Namespace(CLIENT_RESERVED)
    operations = tuple(_name_operation(op, ops_ns) for op in api.operations)
    operations = _name_pagers(operations, ops_ns)
    client_ns = Namespace(CLIENT_OPTIONS)
    servers = tuple(
        replace(s, variables=tuple(replace(v, name=client_ns.take(snake(v.wire_name), "variable", "v_"))
                                   for v in s.variables)) if i == 0 else s
        for i, s in enumerate(api.servers)
    )
    schemes = tuple(replace(s, name=client_ns.take(snake(s.wire_name), "auth", "auth_")) for s in api.security_schemes)
    return replace(api, models=models, operations=operations, servers=servers, security_schemes=schemes)


def _name_model(model: ir.Model, ns: Namespace) -> ir.Model:
    name = ns.take(pascal(model.name_hint), "Model", "Model")
    if model.kind == "object":
        # A key that ``required`` names but no property declares arrives as an extra key: a field
        # whose Python name equals it would be filled from it by name (Xero: ``name`` beside the
        # property ``Name``), so no field takes such a name.
        fields_ns = Namespace(PYDANTIC_RESERVED | MODULE_RESERVED | set(model.undeclared))
        fields = tuple(ir.evolve(f, name=fields_ns.take(snake(f.wire_name), "field", "field_")) for f in model.fields)
        return ir.evolve(model, name=name, fields=fields)
    if model.kind == "enum":
        members_ns = Namespace(suffix_reserved=frozenset({"name", "value", "mro"}))
        members = tuple(
            ir.evolve(m, name=members_ns.take(_member_base(m.value), "EMPTY", "VALUE_")) for m in model.members
        )
        return ir.evolve(model, name=name, members=members)
    return ir.evolve(model, name=name)


def _member_base(value: ir.JSONValue) -> str:
    """An enum member's name: ``-3`` is ``MINUS_3`` (not ``3``, which may exist too)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
        return "MINUS_" + upper_snake(str(-value))
    return upper_snake(str(value))


def _name_operation(op: ir.Operation, ns: Namespace) -> ir.Operation:
    base = snake(op.operation_id) if op.operation_id else snake(f"{op.method} {_path_words(op.path)}")
    for c in op.constants if not op.operation_id else ():
        base = f"{base}_{snake(c.value)}"
    name = ns.take(base, "operation", "op_")
    params_ns = ParamNamespace(PARAM_RESERVED)
    ordered = sorted(op.parameters, key=lambda p: not p.required)
    named = {id(p): ir.evolve(p, name=params_ns.take(snake(p.wire_name), "param", "p_")) for p in ordered}
    return ir.evolve(op, name=name, parameters=tuple(named[id(p)] for p in op.parameters))


def _name_pagers(operations: tuple[ir.Operation, ...], ns: Namespace) -> tuple[ir.Operation, ...]:
    """``iter_<name>`` and ``<name>_pages`` of each paginated operation, after every operation's own
    name (an operation named ``iter_x`` keeps its name; the pager gets a suffix)."""
    if not any(op.pagination is not None for op in operations):
        return operations
    return tuple(ir.evolve(op, iter_name=ns.take(f"iter_{op.name}", "iter_op", "op_"),
                           pages_name=ns.take(f"{op.name}_pages", "op_pages", "op_"))
                 if op.pagination is not None else op for op in operations)


def _path_words(path: str) -> str:
    return re.sub(r"\{([^}]*)\}", r"by \1", path)
