"""The server runtime's random mock values (generator/runtime/server/dynamic.py), called directly:
``Prefer: dynamic=true`` draws values that fit their schemas (types, enums, required properties,
bounds, formats), that vary from draw to draw, and that repeat exactly with the app's seed."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from runtime_server_support import runtime

from generator.runtime.server.dynamic import DynamicMocker, mock_seed
from generator.runtime.server.mock import Mocker

DEFS = {
    "Pet": {"type": "object", "properties": {
        "id": {"type": "integer", "minimum": 1, "maximum": 10**6},
        "name": {"type": "string", "minLength": 1, "maxLength": 20},
        "kind": {"enum": ["cat", "dog", "bird"]},
        "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 4},
        "owner": {"anyOf": [{"$ref": "#/$defs/Owner"}, {"type": "null"}]},
        "secret": {"type": "string", "writeOnly": True},
    }, "required": ["id", "name", "kind"]},
    "Owner": {"type": "object", "properties": {"email": {"type": "string", "format": "email"},
                                               "pets": {"type": "array", "items": {"$ref": "#/$defs/Pet"}}},
              "required": ["email"]},
}

SCHEMAS = [
    {"type": "string"},
    {"type": "string", "minLength": 5, "maxLength": 6},
    {"type": "string", "maxLength": 0},
    *({"type": "string", "format": f} for f in ("uuid", "date-time", "date", "email", "ipv4", "uri")),
    {"type": "string", "format": "email", "maxLength": 5},  # a drawn address is too long: the static one
    {"type": "string", "pattern": "^[A-Z]{3}-\\d{4}$"},
    {"type": "integer"},
    {"type": "integer", "minimum": 10, "maximum": 12},
    {"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 3},
    {"type": "integer", "maximum": -50},
    {"type": "integer", "minimum": 1, "multipleOf": 7},
    {"type": "number", "minimum": 0.5, "maximum": 0.75},
    {"type": "number", "multipleOf": 0.25, "minimum": -1, "maximum": 1},
    {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 0.01},
    {"type": "boolean"},
    {"type": "null"},
    {"enum": ["a", "b", "c"]},
    {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 3},
    {"type": "array", "items": {"type": "boolean"}, "maxItems": 0},
    {"anyOf": [{"type": "integer", "minimum": 5}, {"type": "string", "maxLength": 2}]},
    {"$ref": "#/$defs/Pet"},
    {"type": "array", "items": {"$ref": "#/$defs/Owner"}, "minItems": 1},
]


def draw(schema: Any, seed: int) -> Any:
    return DynamicMocker(runtime(defs=DEFS), random.Random(seed)).value(schema)


@pytest.mark.parametrize("schema", SCHEMAS, ids=[json.dumps(s)[:60] for s in SCHEMAS])
def test_dynamic_values_fit_their_schemas(schema: dict[str, Any]) -> None:
    state = runtime(defs=DEFS)
    for seed in range(30):
        value = DynamicMocker(state, random.Random(seed)).value(schema)
        assert state.is_valid(schema, value), (seed, value)


# Drawn at random (formats without a drawer, patterns and a range no 2-decimal number falls in
# take the static value: the same whatever the seed).
VARIED = [s for s in SCHEMAS if s.get("format") in (None, "uuid", "date-time", "date", "email")
          and "pattern" not in s and s.get("type") != "null" and s.get("maxLength") not in (0, 5)
          and s.get("maxItems") != 0 and s.get("exclusiveMaximum") != 0.01]


@pytest.mark.parametrize("schema", VARIED, ids=lambda s: json.dumps(s)[:60])
def test_a_seed_repeats_the_values_and_other_seeds_vary_them(schema: dict[str, Any]) -> None:
    assert all(draw(schema, seed) == draw(schema, seed) for seed in range(5))
    assert len({json.dumps(draw(schema, seed), sort_keys=True) for seed in range(20)}) > 1


def test_required_properties_enums_and_types_of_a_model() -> None:
    state = runtime(defs=DEFS)
    kinds, names = set(), set()
    for seed in range(40):
        pet = DynamicMocker(state, random.Random(seed)).value({"$ref": "#/$defs/Pet"})
        assert {"id", "name", "kind"} <= pet.keys() and "secret" not in pet  # writeOnly stays out
        assert isinstance(pet["id"], int) and not isinstance(pet["id"], bool) and 1 <= pet["id"] <= 10**6
        assert isinstance(pet["name"], str) and 1 <= len(pet["name"]) <= 20
        kinds.add(pet["kind"])
        names.add(pet["name"])
    assert kinds == {"cat", "dog", "bird"}  # every enum value is drawn, none other
    assert len(names) > 30


def test_examples_and_defaults_are_not_what_is_drawn() -> None:
    schema = {"type": "string", "examples": ["the example"], "default": "the default"}
    values = {draw(schema, seed) for seed in range(10)}
    assert not values & {"the example", "the default"} and len(values) > 1
    assert Mocker(runtime()).value(schema) == "the example"  # the static mocker takes it


def test_booleans_and_array_lengths_are_drawn() -> None:
    assert {draw({"type": "boolean"}, seed) for seed in range(20)} == {True, False}
    lengths = {len(draw({"type": "array", "items": {"type": "integer"}, "minItems": 1}, s)) for s in range(40)}
    assert lengths == {1, 2, 3, 4}  # minItems to minItems + 3


def test_drawn_formats_look_like_their_format() -> None:
    uuid = draw({"type": "string", "format": "uuid"}, 1)
    assert len(uuid) == 36 and uuid[14] == "4"  # version 4
    assert draw({"type": "string", "format": "email"}, 1).endswith("@example.com")
    assert draw({"type": "string", "format": "date-time"}, 1).endswith("Z")
    assert draw({"type": "string", "format": "uuid"}, 1) != draw({"type": "string", "format": "uuid"}, 2)


def test_recursion_is_bounded() -> None:
    for seed in range(10):
        value = draw({"$ref": "#/$defs/Owner"}, seed)
        assert len(json.dumps(value)) < 200_000


# --------------------------------------------------------------------------- whole answers


def state_of(seed: int | None) -> Any:
    return runtime({"get_pet": {"response": {"status": 200, "headers": [
        {"name": "X-Rate", "required": True, "schema": {"type": "integer", "minimum": 0, "maximum": 100}}],
        "contents": [{"media_type": "application/json", "kind": "json", "schema": {"$ref": "#/$defs/Pet"},
                      "examples": [{"id": 1, "name": "static", "kind": "cat"}]}]}}}, defs=DEFS, seed=seed)


def bodies(seed: int | None, count: int = 3) -> list[tuple[Any, str]]:
    state = state_of(seed)
    found = []
    for _ in range(count):
        answer = state.mock_answer("get_pet", "dynamic=true")
        assert answer.headers["preference-applied"] == "dynamic=true"
        found.append((json.loads(answer.body), answer.headers["x-rate"]))
    return found


def test_prefer_dynamic_answers_are_drawn_each_time_and_repeat_with_the_seed() -> None:
    first = bodies(7)
    assert first == bodies(7)  # the same seed: the same answers in the same order
    assert len({json.dumps(b, sort_keys=True) for b in first}) == 3  # each draw differs
    assert first != bodies(8)
    state = state_of(7)
    for body, rate in first:
        assert state.is_valid({"$ref": "#/$defs/Pet"}, body) and 0 <= int(rate) <= 100
    # Without dynamic=true the example is the answer, every time.
    assert json.loads(state.mock_answer("get_pet").body) == {"id": 1, "name": "static", "kind": "cat"}


def test_mock_seed_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for text, seed in [("42", 42), (" -3 ", -3), ("0", 0), ("", None), ("abc", None), ("1.5", None)]:
        monkeypatch.setenv("OAGEN_MOCK_SEED", text)
        assert mock_seed() == seed, text
    monkeypatch.delenv("OAGEN_MOCK_SEED")
    assert mock_seed() is None
