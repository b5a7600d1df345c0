"""Model conformance: independent instances of each schema read into the generated type, and the
type's dump validates against the schema again.

Covers every named schema (each IR model: components, definitions, hoisted inline objects) and
every inline JSON request and response schema. For each, up to ``count`` instances from
:mod:`wire.instances` (json-schema-faker, else hypothesis-jsonschema; each checked against the
schema first) must validate into the generated type exactly as the client reads an answer
(``TypeAdapter(type).validate_python(json_data)``), and the dump by alias without unset fields
(``dump_python(mode="json", by_alias=True, exclude_unset=True)``) must validate against the
schema again.
"""

from __future__ import annotations

import functools
import operator
import pathlib
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator import ir

from .instances import Target, first_error
from .package import Generated
from .spec import SpecSchemas


@dataclass
class SchemaResult:
    """The outcome for one schema."""

    id: str
    label: str
    status: str  # "pass", "fail" or "excluded"
    reason: str = ""
    instances: int = 0


@dataclass
class _Check:
    target: Target
    label: str
    typ: Callable[[], Any]


def _use_type(model: Any, schema: Any) -> Any:
    """The type a schema has where it is used: its model, ``| None`` when null is one of its values
    (a class cannot be null; every use of a nullable schema is ``Model | None``)."""
    from .instances import validator

    try:
        nullable = validator(schema).is_valid(None)
    except Exception:  # noqa: BLE001 - an uncheckable schema: take it as it is
        nullable = False
    return model | None if nullable and isinstance(model, type) else model


def _json_part(hint: Any) -> Any:
    """A ``body`` argument's type without the members no JSON instance can be (a path, a file
    object: the ways to give a binary body); bytes stay (a JSON string of format binary)."""
    args = typing.get_args(hint)
    if not args or typing.get_origin(hint) not in (typing.Union, types.UnionType):
        return hint
    kept = [a for a in args if typing.get_origin(a) is not typing.IO
            and a is not typing.IO and not (isinstance(a, type) and issubclass(a, typing.IO | pathlib.PurePath))]
    return functools.reduce(operator.or_, kept) if kept else hint


def _bare_ref(schema: Any) -> bool:
    return isinstance(schema, dict) and set(schema) <= {"$ref", "definitions"} and "$ref" in schema


def _checks(gen: Generated, ss: SpecSchemas) -> list[_Check]:
    checks: list[_Check] = []
    for model in gen.api.models:
        schema = ss.model(model)
        checks.append(_Check(Target(f"model:{model.key}", schema), f"model {model.name}",
                             lambda name=model.name, schema=schema: _use_type(getattr(gen.models, name), schema)))
    client = gen.module("client").Client
    for op in gen.api.operations:
        if op.body is not None:
            for content in op.body.contents:
                if content.kind != "json":
                    continue
                schema = ss.body(op, content.media_type)
                if schema is None or _bare_ref(schema):
                    continue
                checks.append(_Check(Target(f"body:{op.name}:{content.media_type}", schema),
                                     f"{op.name} body {content.media_type}",
                                     lambda op=op: _json_part(typing.get_type_hints(getattr(client, op.name))["body"])))
        table = gen.operations.get(op.name)
        for response in op.responses:
            for content in response.contents:
                if content.kind != "json" or table is None:
                    continue
                result = table.responses.get(response.status)
                if result is not None and hasattr(result, "for_media"):  # the media type's own type
                    result = result.for_media(content.media_type)
                schema = ss.response(op, response.status, content.media_type)
                if schema is None or _bare_ref(schema) or result is None or not result.typed:
                    continue
                checks.append(_Check(Target(f"resp:{op.name}:{response.status}:{content.media_type}", schema),
                                     f"{op.name} {response.status} {content.media_type}",
                                     lambda result=result: result._type()))
    return checks


def targets(gen: Generated, ss: SpecSchemas) -> list[_Check]:
    """The schemas to check, each with its generator target (to be filled by ``generate``)."""
    return _checks(gen, ss)


def check(checks: list[_Check]) -> list[SchemaResult]:
    """Conformance of every schema (the targets' instances already generated)."""
    import pydantic

    results: list[SchemaResult] = []
    for c in checks:
        t = c.target
        if not t.instances:
            results.append(SchemaResult(t.id, c.label, "excluded", t.problem))
            continue
        try:
            adapter = pydantic.TypeAdapter(c.typ())
        except Exception as exc:  # noqa: BLE001 - a type that cannot be built is a failure to report
            results.append(SchemaResult(t.id, c.label, "fail", f"type not usable: {type(exc).__name__}: {exc}"[:300]))
            continue
        problem = ""
        for instance in t.instances:
            problem = _one(adapter, t.schema, instance)
            if problem:
                break
        results.append(SchemaResult(t.id, c.label, "fail" if problem else "pass", problem, len(t.instances)))
    return results


def _one(adapter: Any, schema: Any, instance: Any) -> str:
    import pydantic

    try:
        value = adapter.validate_python(instance, by_alias=True, by_name=False)  # as the client reads
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(root)"
        return f"rejects a valid instance at {where}: {first['msg']} (instance {_short(instance)})"
    try:
        dumped = adapter.dump_python(value, mode="json", by_alias=True, exclude_unset=True)
    except Exception as exc:  # noqa: BLE001 - a dump that fails is a failure to report
        return f"dump fails: {type(exc).__name__}: {exc}"[:300]
    error = first_error(schema, dumped)
    if error:
        return f"dump breaks the schema: {error} (instance {_short(instance)}, dump {_short(dumped)})"
    return ""


def _short(value: Any) -> str:
    import json

    text = json.dumps(value, default=str)
    return text if len(text) <= 200 else text[:197] + "..."


def models_of(api: ir.Api) -> int:
    """How many models an API has (for the tables)."""
    return len(api.models)
