"""Valid calls of every operation, made of independent instances of the spec's own schemas.

For each operation: one value per parameter (from the parameter's schema) and one body per kind
of body the client can send (from the body's schema), each read into the argument's declared
type exactly as a user would pass it. Wire-inherent limits shape the values, never oagen's
choices: a path value is never empty (an empty segment cannot be routed), an array or object in
a path, query, header or cookie is never empty (the style table serializes it as nothing, the
same as an absent parameter), a header value is printable ASCII without surrounding spaces
(RFC 9110 5.5), and no parameter value is null (null has no form in a URL or a header).
"""

from __future__ import annotations

import typing
import warnings
from dataclasses import dataclass, field
from typing import Any

from generator import ir

from .instances import Target, header_safe
from .instances import validator as instances_validator
from .package import Generated
from .spec import SpecSchemas

BINARY = b"oagen\x00\xff binary"


@dataclass
class Call:
    """One planned call: keyword arguments as JSON data and as typed values."""

    op: ir.Operation
    variant: str
    data: dict[str, Any] = field(default_factory=dict)
    kwargs: dict[str, Any] = field(default_factory=dict)
    body_kind: str | None = None
    body_media: str | None = None
    problem: str = ""
    excluded: str = ""


_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|", "tabDelimited": "\t"}


def _accept(p: ir.Parameter) -> Any:
    delimiter = _DELIMITERS.get(p.style)

    def ok(value: Any) -> bool:
        if _holds_empty(value):
            return False
        if p.location == "path" and value == "":
            return False
        if p.location == "header":
            return header_safe(value)
        if delimiter and isinstance(value, list) and any(delimiter in str(v) for v in value):
            return False  # (an item holding the delimiter reads as two: the style cannot carry it)
        return True

    return ok


def _holds_empty(value: Any) -> bool:
    """None anywhere, or an empty array or object: nothing a URL, header or cookie can carry."""
    if value is None or value in ([], {}):
        return True
    if isinstance(value, dict):
        return any(_holds_empty(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_empty(v) for v in value)
    return False


def _text_object(schema: Any) -> Any:
    """A parameter's object schema with only the properties it declares (or, without any, text
    values): serialized in a URL, header or cookie, a property the schema does not declare is text
    and nothing more (instances of the narrowed schema are instances of the original too). Objects
    among the variants of a union or a list of types are narrowed alike."""
    if not isinstance(schema, dict):
        return schema
    definitions = schema.get("definitions", {})
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/definitions/") and set(schema) <= {"$ref", "definitions"}:
        node = definitions.get(ref.rsplit("/", 1)[-1], {})
    else:
        node = {k: v for k, v in schema.items() if k != "definitions"}
    narrowed = _narrow(node)
    return {**narrowed, "definitions": definitions} if definitions else narrowed


def _narrow(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    out = dict(node)
    for word in ("anyOf", "oneOf"):
        if isinstance(out.get(word), list):
            out[word] = [_narrow(v) for v in out[word]]
    kinds = out.get("type") if isinstance(out.get("type"), list) else [out.get("type")]
    if "object" in kinds and "additionalProperties" not in out:
        declared = isinstance(out.get("properties"), dict) and bool(out["properties"])
        out["additionalProperties"] = False if declared else {"type": "string"}
    return out


def _param_hint(gen: Generated, op: ir.Operation) -> dict[str, Any]:
    client = gen.module("client").Client
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return typing.get_type_hints(getattr(client, op.name))


@dataclass
class Plan:
    """The generator targets of every operation's arguments, before the calls are made of them."""

    targets: list[Target]
    wanted: list[tuple[ir.Operation, str, str, Target]]


def targets(gen: Generated, ss: SpecSchemas) -> Plan:
    """What the calls need generated: a target per parameter and per body media type."""
    targets: list[Target] = []
    wanted: list[tuple[ir.Operation, str, str, Target]] = []
    for op in gen.api.operations:
        for p in op.parameters:
            t = Target(f"param:{op.name}:{p.name}", _text_object(ss.parameter(p)), accept=_accept(p))
            targets.append(t)
            wanted.append((op, "param", p.name, t))
        if op.body is not None:
            for content in op.body.contents:
                if content.kind in ("json", "form", "multipart", "text"):
                    schema = ss.body(op, content.media_type)
                    schema = schema if schema is not None else {}
                    if content.kind in ("form", "multipart"):
                        schema = _declared_fields_only(schema)
                    # (A JSON null body: the client's API reads body=None as no body.)
                    t = Target(f"body:{op.name}:{content.media_type}", schema, accept=_not_none)
                    targets.append(t)
                    wanted.append((op, "body", content.media_type, t))
                    for k, part in enumerate(union_parts(schema) if content.kind == "json" else []):
                        # One call per variant of a union body (each instance valid for the union too).
                        whole = instances_validator(schema)
                        v = Target(f"body:{op.name}:{content.media_type}#{k}", part, union=schema,
                                   accept=lambda value, whole=whole: value is not None and whole.is_valid(value))
                        targets.append(v)
                        wanted.append((op, "variant", f"{content.media_type}#{k}", v))
    return Plan(targets, wanted)


def _not_none(value: Any) -> bool:
    return value is not None


def union_parts(schema: Any) -> list[Any]:
    """The variants of a body whose schema is a oneOf/anyOf (directly or through one reference),
    each with the definitions it may need."""
    if not isinstance(schema, dict):
        return []
    definitions = schema.get("definitions", {})
    node = schema
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/definitions/") and set(schema) <= {"$ref", "definitions"}:
        node = definitions.get(ref.rsplit("/", 1)[-1], {})
    for word in ("oneOf", "anyOf"):
        variants = node.get(word) if isinstance(node, dict) else None
        if isinstance(variants, list) and len(variants) > 1:
            # Each variant with the keywords beside the union (an anyOf of 'required' lists leans on
            # the properties next to it).
            siblings = {k: v for k, v in node.items() if k not in (word, "definitions")}
            parts = [{**siblings, "allOf": [v]} if siblings else v for v in variants]
            return [{**p, "definitions": definitions} if isinstance(p, dict) and definitions else p for p in parts]
    return []


def plan(gen: Generated, planned: Plan) -> list[Call]:
    """One call per operation and body kind, with valid arguments (or the reason there are none)."""
    by_op: dict[str, dict[tuple[str, str], Target]] = {}
    for op, kind, key, t in planned.wanted:
        by_op.setdefault(op.name, {})[(kind, key)] = t
    calls: list[Call] = []
    for op in gen.api.operations:
        found = by_op.get(op.name, {})
        for variant, content in _variants(op):
            calls.append(_call(gen, op, variant, content, found))
            for (kind, key), t in found.items():
                if kind == "variant" and content is not None and key.startswith(content.media_type + "#"):
                    alone = {**found, ("body", content.media_type): t}
                    calls.append(_call(gen, op, f"{content.media_type} union variant {key.rsplit('#', 1)[1]}",
                                       content, alone))
    return calls


def _declared_fields_only(schema: Any) -> Any:
    """A form or multipart body with the fields its schema declares and no others: a form carries
    text, so a field the schema does not declare has no type to be read back as (its instances
    are instances of the original schema too)."""
    if isinstance(schema, dict) and schema.get("type") == "object" and "additionalProperties" not in schema \
            and isinstance(schema.get("properties"), dict):
        return {**schema, "additionalProperties": False}
    return schema


def _variants(op: ir.Operation) -> list[tuple[str, ir.Content | None]]:
    """The bodies the client can choose between: the first of each kind it can tell apart."""
    if op.body is None or not op.body.contents:
        return [("", None)]
    seen: dict[str, ir.Content] = {}
    for content in op.body.contents:
        group = content.kind if content.kind in ("binary", "text") else "structured"
        seen.setdefault(group, content)
    return [(c.media_type, c) for c in seen.values()]


def _call(gen: Generated, op: ir.Operation, variant: str, content: ir.Content | None,
          found: dict[tuple[str, str], Target]) -> Call:
    import pydantic

    call = Call(op=op, variant=variant)
    try:
        hints = _param_hint(gen, op)
    except Exception as exc:  # noqa: BLE001 - report, do not stop the run
        call.problem = f"client method hints do not resolve: {type(exc).__name__}: {exc}"[:300]
        return call
    for p in op.parameters:
        if p.location == "header" and p.wire_name.lower() in ("content-type", "accept"):
            # oagen's reading (README "On the wire"): content-type picks the body's media type, accept
            # replaces the client's Accept; left to their defaults, except the media type sent.
            if p.wire_name.lower() == "content-type" and content is not None and content.kind != "multipart":
                call.data[p.name] = call.kwargs[p.name] = content.media_type
            continue
        t = found.get(("param", p.name))
        if t is None or not t.instances:
            if p.required:
                call.excluded = f"parameter {p.wire_name!r}: {t.problem if t else 'no schema'}"
                return call
            continue
        value = t.instances[0]
        call.data[p.name] = value
        try:
            call.kwargs[p.name] = pydantic.TypeAdapter(hints[p.name]).validate_python(value)
        except pydantic.ValidationError as exc:
            call.problem = (f"argument {p.name} ({p.location} {p.wire_name!r}) rejects a valid value "
                            f"{value!r}: {exc.errors()[0]['msg']}")[:400]
            return call
    if content is None:
        return call
    call.body_kind, call.body_media = content.kind, content.media_type
    if content.kind == "binary":
        call.data["body"] = BINARY
        call.kwargs["body"] = BINARY
        return call
    t = found.get(("body", content.media_type))
    if t is None or not t.instances:
        call.excluded = f"body {content.media_type}: {t.problem if t else 'no schema'}"
        return call
    value = _body_value(t, content)
    call.data["body"] = value
    if content.kind == "text":
        if not isinstance(value, str):
            call.excluded = (f"body {content.media_type}: a structured value as text is for the caller to write "
                             "(the client takes the text; no XML serializer yet)")
            return call
        call.kwargs["body"] = value
        return call
    try:
        call.kwargs["body"] = pydantic.TypeAdapter(hints["body"]).validate_python(value)
    except pydantic.ValidationError as exc:
        call.problem = f"body ({content.media_type}) rejects a valid value: {exc.errors()[0]['msg']}"[:400]
    return call


def _body_value(t: Target, content: ir.Content) -> Any:
    """The richest instance (the first is made with every optional property)."""
    value = t.instances[0]
    if content.kind == "multipart" and isinstance(value, dict):
        return value
    return value
