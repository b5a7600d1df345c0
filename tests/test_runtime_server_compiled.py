"""The server runtime's compiled JSON Schema checks (compiled.py), against jsonschema itself: a
check never says True where jsonschema finds an error; for plain schemas it agrees both ways;
what it does not compile, or is not sure of, it leaves to jsonschema."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from fastapi.exceptions import RequestValidationError
from runtime_server_support import runtime

from generator.runtime.server.checkparts import equal
from generator.runtime.server.compiled import compile_check
from generator.runtime.server.state import _format_checker

V = jsonschema.Draft202012Validator
FORMATS = _format_checker(jsonschema)
DEFS: dict[str, Any] = {
    "A": {"type": "object", "properties": {"n": {"type": "integer", "minimum": 0},
                                           "s": {"type": "string", "maxLength": 3}}, "required": ["n"]},
    "L": {"anyOf": [{"type": "null"}, {"type": "object", "properties": {"next": {"$ref": "#/$defs/L"}}}]},
    "NewPet": {"type": "object", "required": ["name"], "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 64},
        "status": {"type": "string", "enum": ["available", "pending", "sold"]},
        "age": {"type": "integer", "minimum": 0, "maximum": 50},
        "tags": {"type": "array", "maxItems": 10, "items": {"type": "string"}}}},
}


def check(schema: Any) -> Any:
    return compile_check(schema, DEFS, V.VALIDATORS, FORMATS)


def expected(schema: Any, value: Any) -> bool:
    root = {**schema, "$defs": DEFS} if isinstance(schema, dict) else schema
    return bool(V(root, format_checker=FORMATS).is_valid(value))


class Draws:
    """Random schemas and values over the keywords the compiler covers (seeded: repeatable)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def value(self, depth: int = 0) -> Any:
        r = self.rng
        kind = r.choice("nifsbldxe" if depth < 3 else "nifsbxe")
        return {
            "n": lambda: None,
            "i": lambda: r.choice([0, 1, -1, 2, 3, 10, 51, 2**70]),
            "f": lambda: r.choice([0.0, 1.0, 1.5, -2.5, float("nan"), float("-inf"), 3.0]),
            "s": lambda: r.choice(["", "a", "ab", "abcd", "2020-01-01", "x@y.z", "\U0001f600", "a1-b"]),
            "b": lambda: r.choice([True, False]),
            "e": lambda: r.choice(["available", "sold", 1, True]),
            "x": lambda: r.choice([{"n": 1}, {"n": -1, "s": "abcd"}, {"next": None}, {"next": {"next": 3}}]),
            "l": lambda: [self.value(depth + 1) for _ in range(r.randint(0, 3))],
            "d": lambda: {r.choice(["n", "s", "a", "b", "x-1"]): self.value(depth + 1) for _ in range(r.randint(0, 3))},
        }[kind]()

    def schema(self, depth: int = 0) -> Any:
        r = self.rng
        kinds = ["typed", "typed", "type", "enum", "const", "bound", "pattern", "format", "multiple", "items",
                 "object", "ref", "bool"]
        if depth < 3:
            kinds += ["allOf", "anyOf", "oneOf", "not", "if", "prefix", "dependent"]
        kind = r.choice(kinds)
        sub = lambda: self.schema(depth + 1)  # noqa: E731
        if kind == "typed":  # one type and the keywords compiled into one function for it, and others
            found = {"type": r.choice(["string", "integer", "number", "object"])}
            for key in r.sample(["minLength", "maxLength", "pattern", "enum", "minimum", "exclusiveMaximum",
                                 "properties", "required", "additionalProperties", "format"], r.randint(0, 4)):
                found[key] = {
                    "pattern": lambda: r.choice(["^a", "[0-9]"]),
                    "enum": lambda: r.choice([["a", "ab"], [1, "a"], [[1]]]),
                    "format": lambda: r.choice(["date", "email"]),
                    "properties": lambda: {"n": sub(), "s": sub()},
                    "required": lambda: r.choice([[], ["n"], ["s", "n"]]),
                    "additionalProperties": lambda: r.choice([False, True, sub()]),
                }.get(key, lambda: r.choice([0, 1, 2, 2.5, -1]))()
            return found
        if kind == "type":
            return {"type": r.choice(["integer", "number", "string", "boolean", "null", "array", "object",
                                      ["integer", "null"], ["string", "number"]])}
        if kind == "enum":
            return {"enum": r.choice([["available", "sold"], [1, "a", None], [True], [1.0, [1], {"n": 1}], [0]])}
        if kind == "const":
            return {"const": r.choice([1, True, "a", None, [1, True], {"n": 1}, 0.0])}
        if kind == "bound":
            return {r.choice(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
                              "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"]):
                    r.choice([0, 1, 2, 3, 2.5, -1])}
        if kind == "pattern":
            return {"pattern": r.choice(["^a", "[0-9]", "^[a-z0-9-]{1,32}$", "b$"])}
        if kind == "format":
            return {"format": r.choice(["date", "email", "uuid", "date-time", "uri", "ipv4", "unknown"])}
        if kind == "multiple":
            return {"multipleOf": r.choice([2, 0.5, 3])}
        if kind == "items":
            return {"type": "array", "items": sub(), "uniqueItems": r.choice([True, False])}
        if kind == "prefix":
            return {"prefixItems": [sub()], "items": r.choice([False, True, sub()])}
        if kind == "object":
            found = {"properties": {"n": sub(), "s": sub()}, "required": r.choice([[], ["n"], ["s", "n"]])}
            if r.random() < 0.5:
                found["additionalProperties"] = r.choice([False, True, sub()])
            if r.random() < 0.3:
                found["patternProperties"] = {"^x-": sub()}
            if r.random() < 0.3:
                found["propertyNames"] = {"maxLength": 3}
            return found
        if kind == "dependent":
            return {"dependentRequired": {"a": ["b"]}, "dependentSchemas": {"n": sub()}}
        if kind == "ref":
            return {"$ref": r.choice(["#/$defs/A", "#/$defs/L", "#/$defs/NewPet"])}
        if kind == "bool":
            return r.choice([True, False])
        if kind == "not":
            return {"not": sub()}
        if kind == "if":
            return {"if": sub(), "then": sub(), "else": sub()}
        return {kind: [sub() for _ in range(r.randint(1, 3))]}


@pytest.mark.parametrize("seed", range(4))
def test_never_more_lenient_than_jsonschema(seed: int) -> None:
    draws = Draws(seed)
    stricter = 0
    for _ in range(1500):
        schema = draws.schema()
        found = check(schema)
        assert found is not None, schema
        for _ in range(4):
            value = draws.value()
            try:
                want = expected(schema, value)
            except (OverflowError, ValueError):  # jsonschema's own float arithmetic
                continue
            got = found(value)
            assert not (got and not want), (schema, value)
            stricter += want and not got
    assert stricter < 200  # only a float multipleOf and NaN are left to jsonschema


def test_agrees_with_jsonschema_on_a_request_body() -> None:
    found = check({"$ref": "#/$defs/NewPet"})
    values = [{"name": "Rex", "tags": ["a"], "age": 3, "status": "sold"}, {"name": ""}, {"name": "x" * 65},
              {"name": "x", "age": 51}, {"name": "x", "tags": ["a"] * 11}, {"name": "x", "status": "gone"},
              {"tag": "x"}, [], "x", {"name": "x", "age": 3.0}, {"name": "x", "age": True}]
    assert [found(v) for v in values] == [expected({"$ref": "#/$defs/NewPet"}, v) for v in values]


@pytest.mark.parametrize("schema", [
    {"contains": {"type": "integer"}},
    {"unevaluatedProperties": False},
    {"$dynamicRef": "#meta"},
    {"$id": "https://example.com/x", "type": "string"},
    {"$ref": "other.json#/Thing"},
    {"$ref": "#/$defs/Missing"},
    {"pattern": "(?<a>x)"},
    {"type": "thing"},
])
def test_what_it_does_not_compile_has_no_check(schema: Any) -> None:
    assert check(schema) is None


@pytest.mark.parametrize(("schema", "value"), [
    ({"type": "number"}, Decimal("1.5")),  # a number to jsonschema, not a JSON value
    ({"not": {"type": "string"}}, Decimal("1")),  # not turned around by "not"
    ({"not": {"items": {"type": "integer"}}}, [Decimal("1")]),
    ({"not": {"enum": [[1]]}}, [(1,)]),
    ({"multipleOf": 0.5}, 1.5),  # jsonschema's float arithmetic
])
def test_what_it_is_not_sure_of_is_left_to_jsonschema(schema: Any, value: Any) -> None:
    assert check(schema)(value) is False


def test_equal_is_jsonschemas() -> None:
    assert equal(1, 1.0) and not equal(True, 1) and not equal([True], [1]) and equal({"a": [1]}, {"a": [1.0]})


def test_the_runtime_asks_jsonschema_only_when_the_check_is_unsure() -> None:
    rt = runtime(defs=DEFS)
    schema = {"$ref": "#/$defs/NewPet"}
    assert rt.check(schema) is not None
    validator = rt.validator(schema)
    asked: list[Any] = []

    class Spy:
        def iter_errors(self, value: Any) -> Any:
            asked.append(value)
            return validator.iter_errors(value)

    rt._validators[id(schema)] = (schema, Spy())
    rt.validate(schema, {"name": "Rex"}, ("body",))
    assert asked == [] and rt.is_valid(schema, {"name": "Rex"})
    with pytest.raises(RequestValidationError) as caught:
        rt.validate(schema, {"name": "x", "age": 51}, ("body",))
    assert asked and [(e["loc"], e["type"]) for e in caught.value.errors()] == [(("body", "age"), "maximum")]
    assert "51 is greater than the maximum of 50" in caught.value.errors()[0]["msg"]
