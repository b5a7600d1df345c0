"""The intermediate representation: frozen, closed, target-neutral.

Swagger 2.0, OpenAPI 3.0 and 3.1 all end up here in the same shape. Every node keeps its
``wire_name`` (as in the spec) beside ``name`` (the Python identifier, decided by the naming
pass; empty before it) and a ``src`` pointing back into the document. ``examples`` (on models,
fields, parameters and media types) are the spec's example values in spec order: ``example``,
the values of an ``examples`` map or list, Swagger 2 ``x-example`` and response ``examples``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal as TLiteral
from typing import TypeVar, Union

from .diagnostics import SourceRef

JSONValue = Union[None, bool, int, float, str, tuple["JSONValue", ...], "JSONObject"]

Location = TLiteral["path", "query", "header", "cookie"]
BodyKind = TLiteral["json", "form", "multipart", "binary", "text", "xml"]


@dataclass(frozen=True, slots=True)
class JSONObject:
    """A frozen JSON object (ordered key/value pairs), for defaults and examples."""

    items: tuple[tuple[str, JSONValue], ...] = ()


def freeze(value: object) -> JSONValue:
    """Turn plain JSON data into frozen IR values (tuples and JSONObject)."""
    if isinstance(value, dict):
        return JSONObject(tuple((str(k), freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


_SET = object.__setattr__
_N = TypeVar("_N")


def evolve(node: _N, **changes: object) -> _N:
    """``dataclasses.replace`` for the IR's frozen, slotted nodes (they have no ``__post_init__``),
    without its per-call introspection: several times faster, and the naming pass makes one per
    field, parameter and enum member (tens of thousands on a big spec)."""
    cls = type(node)
    new = object.__new__(cls)
    used = 0
    slots: tuple[str, ...] = cls.__slots__  # type: ignore[attr-defined]  # every IR node is a slotted dataclass
    for slot in slots:
        if slot in changes:
            _SET(new, slot, changes[slot])
            used += 1
        else:
            _SET(new, slot, getattr(node, slot))
    if used != len(changes):
        raise TypeError(f"{cls.__name__} has no field {sorted(set(changes) - set(slots))}")
    return new


def thaw(value: JSONValue) -> object:
    """The inverse of :func:`freeze`: plain JSON data."""
    if isinstance(value, JSONObject):
        return {k: thaw(v) for k, v in value.items}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


# --------------------------------------------------------------------------- types


@dataclass(frozen=True, slots=True, kw_only=True)
class Constraints:
    """Validation keywords kept from the schema (JSON Schema validation vocabulary)."""

    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    multiple_of: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    unique_items: bool = False

    def is_empty(self) -> bool:
        """True when no constraint is set."""
        return self == NO_CONSTRAINTS


NO_CONSTRAINTS = Constraints()


@dataclass(frozen=True, slots=True, kw_only=True)
class Primitive:
    """string, integer, number, boolean or null, with a format and constraints."""

    kind: TLiteral["string", "integer", "number", "boolean", "null"]
    format: str | None = None
    constraints: Constraints = NO_CONSTRAINTS


@dataclass(frozen=True, slots=True, kw_only=True)
class Array:
    """A list of ``items``."""

    items: Type
    constraints: Constraints = NO_CONSTRAINTS


@dataclass(frozen=True, slots=True, kw_only=True)
class Map:
    """An object used as a dictionary: string keys, ``values`` values."""

    values: Type


@dataclass(frozen=True, slots=True, kw_only=True)
class Named:
    """A reference to a model of :attr:`Api.models` by its key."""

    key: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Discriminator:
    """A tagged union's tag: property name and wire value → model key."""

    property: str
    mapping: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Union_:
    """One of several types (oneOf/anyOf, nullable, type arrays)."""

    variants: tuple[Type, ...]
    discriminator: Discriminator | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Literal:
    """One of fixed values (an inline enum or a ``const``)."""

    values: tuple[JSONValue, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Any_:
    """Anything (a schema without type, or a free-form value)."""


Type = Primitive | Array | Map | Named | Union_ | Literal | Any_

ANY = Any_()
STRING = Primitive(kind="string")
NULL = Primitive(kind="null")


# --------------------------------------------------------------------------- models


@dataclass(frozen=True, slots=True, kw_only=True)
class Xml:
    """The OpenAPI ``xml`` object: the element (or attribute) name, namespace and prefix, whether a
    property is an attribute, whether an array is wrapped; ``items_name`` is the name the array's
    items declare (their own ``xml.name``)."""

    name: str = ""
    namespace: str = ""
    prefix: str = ""
    attribute: bool = False
    wrapped: bool = False
    items_name: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Field:
    """One property of an object model."""

    name: str = ""
    wire_name: str
    type: Type
    required: bool = False
    default: JSONValue = None
    has_default: bool = False
    description: str = ""
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    examples: tuple[JSONValue, ...] = ()
    xml: Xml | None = None
    src: SourceRef = field(default_factory=SourceRef)


@dataclass(frozen=True, slots=True, kw_only=True)
class EnumMember:
    """One value of an enum model."""

    name: str = ""
    value: JSONValue


@dataclass(frozen=True, slots=True, kw_only=True)
class Model:
    """A named schema: an object (``fields``), an enum (``members``) or an alias (``alias``)."""

    key: str
    name: str = ""
    name_hint: str
    kind: TLiteral["object", "enum", "alias"]
    description: str = ""
    fields: tuple[Field, ...] = ()
    bases: tuple[str, ...] = ()
    additional: Type | None = None
    closed: bool = False
    """``additionalProperties: false``: a server rejects properties the schema does not name."""
    undeclared: tuple[str, ...] = ()
    """Keys ``required`` names that no property declares (kept as extra keys of the model)."""
    members: tuple[EnumMember, ...] = ()
    enum_type: TLiteral["string", "integer", "number", "mixed"] = "string"
    alias: Type | None = None
    examples: tuple[JSONValue, ...] = ()
    xml: Xml | None = None
    src: SourceRef = field(default_factory=SourceRef)


# --------------------------------------------------------------------------- operations


@dataclass(frozen=True, slots=True, kw_only=True)
class Parameter:
    """A path, query, header or cookie parameter with its serialization."""

    name: str = ""
    wire_name: str
    location: Location
    type: Type
    required: bool = False
    style: str = "form"
    explode: bool = True
    allow_reserved: bool = False
    description: str = ""
    deprecated: bool = False
    default: JSONValue = None
    has_default: bool = False
    examples: tuple[JSONValue, ...] = ()
    src: SourceRef = field(default_factory=SourceRef)


@dataclass(frozen=True, slots=True, kw_only=True)
class Constant:
    """A fixed value that tells an operation apart from others on the same method and path."""

    location: TLiteral["query", "header"]
    wire_name: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Content:
    """One media type of a body: how it is encoded and its schema."""

    media_type: str
    kind: BodyKind
    type: Type
    examples: tuple[JSONValue, ...] = ()
    # The named ones among ``examples`` (an OAS 3 ``examples`` map: name → value), in spec order.
    named_examples: tuple[tuple[str, JSONValue], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestBody:
    """An operation's request body."""

    required: bool = False
    description: str = ""
    contents: tuple[Content, ...] = ()
    src: SourceRef = field(default_factory=SourceRef)


@dataclass(frozen=True, slots=True, kw_only=True)
class Header:
    """A response header."""

    wire_name: str
    type: Type
    required: bool = False
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    """One declared response: ``200``, ``4XX`` or ``default``."""

    status: str
    description: str = ""
    contents: tuple[Content, ...] = ()
    headers: tuple[Header, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class SecurityRequirement:
    """Schemes that must all be satisfied together (one alternative of ``security``)."""

    schemes: tuple[str, ...]
    scopes: tuple[tuple[str, ...], ...] = ()
    """The scopes (OAuth2) or roles each scheme requires, in the order of :attr:`schemes`."""


PaginationStyle = TLiteral["cursor", "offset", "page", "next_url", "link_header"]
PaginationSource = TLiteral["x-oagen-pagination", "x-ms-pageable", "x-speakeasy-pagination", "x-fern-pagination",
                            "inferred"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Pagination:
    """How an operation's answers come in pages, and how to ask for the next one.

    Field paths are wire names from the success body down (``()``: the body itself); a ``-1`` step
    is the last element of a list (``("data", "-1", "id")``: the last item's id, Stripe's cursor).
    """

    style: PaginationStyle
    source: PaginationSource
    rule: str = ""
    """What recognized it: the inference rule's name (``token-pair``, ``link-header``...) or the extension."""
    input: str = ""
    """The wire name of the request input the next page is asked with (cursor, offset or page
    number); empty for the ``next_url`` and ``link_header`` styles."""
    input_in: TLiteral["query", "header", "path", "cookie", "body"] = "query"
    limit: str = ""
    """The page-size request parameter, when known (informative)."""
    items: tuple[str, ...] = ()
    next: tuple[str, ...] = ()
    """The next cursor (``cursor``) or next URL (``next_url``) in the body."""
    has_more: tuple[str, ...] = ()
    first: int = 0
    """The number of the first page (``page`` style) or offset (``offset``): where the walk starts
    when the caller gives none."""
    src: SourceRef = field(default_factory=SourceRef)


@dataclass(frozen=True, slots=True, kw_only=True)
class Operation:
    """One operation: method + real path (+ constants), parameters, body and responses."""

    name: str = ""
    operation_id: str | None
    method: str
    path: str
    path_key: str
    summary: str = ""
    description: str = ""
    deprecated: bool = False
    tags: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    constants: tuple[Constant, ...] = ()
    body: RequestBody | None = None
    responses: tuple[Response, ...] = ()
    security: tuple[SecurityRequirement, ...] | None = None
    src: SourceRef = field(default_factory=SourceRef)
    pagination: Pagination | None = None
    pages_name: str = ""
    """``<name>_pages`` as the naming pass settles it (empty when the operation does not paginate)."""
    iter_name: str = ""
    """``iter_<name>`` as the naming pass settles it (empty when the operation does not paginate)."""


# --------------------------------------------------------------------------- api


@dataclass(frozen=True, slots=True, kw_only=True)
class ServerVariable:
    """A server URL template variable."""

    name: str = ""
    wire_name: str
    default: str
    enum: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Server:
    """A server URL (possibly templated) and its variables, with what it resolves to."""

    url: str
    description: str = ""
    variables: tuple[ServerVariable, ...] = ()
    absolute_url: str = ""
    """The URL as an absolute URL template (``{name}`` placeholders kept, no trailing slash; a
    protocol-relative URL or a bare host name gets ``https:``); empty when the URL is relative
    (it names no host: the API is wherever the document is served)."""
    default_url: str = ""
    """:attr:`absolute_url` with every variable at its default; empty when relative."""
    base_path: str = ""
    """The path the API is served under, as sent on the wire (percent-encoded): ``/v1``, or
    ``""`` for the root. A relative URL is resolved against the root (``v2``, ``./v2`` → ``/v2``)."""
    src: SourceRef = field(default_factory=SourceRef)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClientCredentialsFlow:
    """OAuth2's client credentials flow (RFC 6749 §4.4): where tokens come from, which scopes."""

    token_url: str
    refresh_url: str = ""
    scopes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class AwsSigV4:
    """Requests are signed with AWS Signature Version 4, for this region and signing name (as
    the spec's servers and info suggest; empty when nothing does)."""

    region: str = ""
    service: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class SecurityScheme:
    """A security scheme; OAuth2 and OpenID Connect are bearer tokens for the client."""

    name: str = ""
    wire_name: str
    kind: TLiteral["apiKey", "basic", "bearer", "unsupported"]
    location: TLiteral["header", "query", "cookie"] = "header"
    param_name: str = "Authorization"
    description: str = ""
    client_credentials: ClientCredentialsFlow | None = None
    """OAuth2 with a client credentials flow: the client can fetch its own tokens."""
    aws_sigv4: AwsSigV4 | None = None
    """An apiKey scheme declared ``x-amazon-apigateway-authtype: awsSigv4``: requests are signed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Api:
    """The whole API as the generator sees it."""

    title: str
    version: str
    description: str = ""
    spec_version: str
    servers: tuple[Server, ...] = ()
    base_path: str = ""
    """The first server's :attr:`Server.base_path` (``""`` without servers)."""
    operations: tuple[Operation, ...] = ()
    models: tuple[Model, ...] = ()
    security_schemes: tuple[SecurityScheme, ...] = ()
    security: tuple[SecurityRequirement, ...] = ()

    def model(self, key: str) -> Model:
        """The model a :class:`Named` refers to."""
        for m in self.models:
            if m.key == key:
                return m
        raise KeyError(key)
