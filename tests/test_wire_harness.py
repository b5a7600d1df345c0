"""The wire harness's own pieces (scripts/wire/), tested directly."""

from __future__ import annotations

import sys

import jsonschema
import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

from wire import instances  # noqa: E402

EXPRESSION = {  # AWS Cost Explorer's Expression: recursion through three optional properties
    "$ref": "#/definitions/Expression",
    "definitions": {
        "Expression": {"type": "object", "properties": {
            "Or": {"type": "array", "items": {"$ref": "#/definitions/Expression"}},
            "And": {"type": "array", "items": {"$ref": "#/definitions/Expression"}},
            "Not": {"$ref": "#/definitions/Expression"},
            "Key": {"type": "string", "enum": ["A", "B"]}}},
    },
}


def test_unroll_cuts_each_recursion_and_allows_a_subset() -> None:
    shallow = instances.unroll(EXPRESSION, depth=2)
    assert "definitions" not in str(shallow)
    assert '"$ref"' not in str(shallow) and "$ref" not in str(shallow)
    check = jsonschema.Draft7Validator(EXPRESSION)
    nested = {"Or": [{"Key": "A"}], "Not": {"And": [], "Key": "B"}}  # two rounds of Expression
    assert jsonschema.Draft7Validator(shallow).is_valid(nested) and check.is_valid(nested)
    too_deep = {"Not": {"Not": {}}}  # a third round
    assert check.is_valid(too_deep) and not jsonschema.Draft7Validator(shallow).is_valid(too_deep)
    assert instances.unroll(EXPRESSION, limit=10) is None  # too big: no unrolled schema


def test_hypothesis_draws_instances_of_a_recursive_schema() -> None:
    pytest.importorskip("hypothesis_jsonschema")
    found = instances._hypothesis(EXPRESSION, 5, 1)
    assert found
    check = jsonschema.Draft7Validator(EXPRESSION)
    assert all(check.is_valid(item) for item in found)
