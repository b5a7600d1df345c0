"""The wire harness's own pieces (scripts/wire/), tested directly."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

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


def test_the_wire_checks_import_every_module(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``check_spec`` (the corpus and wire tests' in-process path) imports every module of the
    package: a module no check loads (here the server's handlers module, in the split layout) is
    imported last, and a broken one fails the spec."""
    from generator.targets import groups
    from wire import run

    monkeypatch.setattr(groups, "SPLIT_AT", 1)
    spec = ROOT / "specs" / "features" / "composition-3.0.yaml"
    clean = run.check_spec("comp", spec, do_prism=False, out=tmp_path / "clean")
    assert clean.ok, (clean.error, clean.failures[:3])
    left = [name for name in clean.unimported if name.endswith(".server.handlers")]
    assert left, clean.unimported  # the checks themselves never load it: only the last step does
    generate_and_import = run.generate_and_import

    def planted(*args: Any, **kwargs: Any) -> Any:
        gen = generate_and_import(*args, **kwargs)
        handlers = gen.out / gen.name / "server" / "handlers.py"
        handlers.write_text(handlers.read_text("utf-8") + "\nint('a module no check loads ran')\n", "utf-8")
        return gen

    monkeypatch.setattr(run, "generate_and_import", planted)
    broken = run.check_spec("comp", spec, do_prism=False, out=tmp_path / "broken")
    assert not broken.ok and "a module no check loads ran" in broken.error, broken.error


def test_prism_answers_are_checked_on_both_sides() -> None:
    """A call Prism answers passes only when the client read the answer and Prism saw no request
    violation: an answer the client refused is a failure unless Prism's answer breaks the spec's
    own response schema (or Prism says so), and request violations on a 2xx are failures."""
    import json
    from types import SimpleNamespace as NS

    from wire import prism
    from wire.calls import Call

    class ResponseValidationError(Exception):
        def __init__(self, text: str, headers: dict[str, str] | None = None) -> None:
            super().__init__("refused")
            self.text, self.headers, self.status_code, self.response = text, headers or {}, 200, None

    def client(outcome: Any) -> Any:
        def call(**kwargs: Any) -> Any:
            if isinstance(outcome, Exception):
                raise outcome
            return outcome
        return NS(op=call, with_response=lambda method: method)

    schema = {"type": "object", "properties": {"n": {"type": "string"}}}
    ss = NS(response=lambda op, key, media: schema if key == "200" else None)
    call = Call(op=NS(name="op"), variant="")  # type: ignore[arg-type]
    response_side = json.dumps([{"location": ["response", "body"], "message": "should be string"}])
    request_side = json.dumps([{"location": ["request", "query", "q"], "message": "should be integer"}])
    outcomes = {
        "a fitting answer the client refused": (ResponseValidationError('{"n": "x"}'), "fail"),
        "an answer breaking the spec's schema": (ResponseValidationError('{"n": 1}'), "excluded"),
        "an answer Prism flags itself": (ResponseValidationError("", {"sl-violations": response_side}), "excluded"),
        "a request violation on an error": (ResponseValidationError('{"n": 1}', {"sl-violations": request_side}),
                                            "fail"),
        "a request violation on a 2xx": (NS(headers={"sl-violations": request_side}), "fail"),
        "a clean 2xx": (NS(headers={}), "pass"),
    }
    for label, (outcome, status) in outcomes.items():
        assert prism._one(client(outcome), call, ss).status == status, label  # type: ignore[arg-type]


def test_an_exclusion_for_overlapping_union_variants_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """A oneOf whose variants accept each other's instances (portfoliooptimizer.io: two variants
    that differ only in optional properties) has no instance from its declared properties that
    matches exactly one: the exclusion names that, not the generators; elsewhere it says nothing."""
    variant = {"type": "object", "required": ["a"], "properties": {"a": {"type": "number"}}}
    other = {"type": "object", "required": ["a"], "properties": {"a": {"type": "number"}, "b": {"type": "string"}}}
    overlapping = {"oneOf": [variant, other]}
    reason = instances.overlapping_variants(overlapping, [{"a": 1}, {"a": 2, "b": "x"}])
    assert reason is not None and "oneOf variants overlap" in reason and "2 variants" in reason, reason
    closed = {"oneOf": [{**variant, "additionalProperties": False}, {**other, "required": ["a", "b"]}]}
    assert instances.overlapping_variants(closed, [{"a": 1}, {"a": 2, "b": "x"}]) is None
    assert instances.overlapping_variants(overlapping, [{"a": "not a number"}]) is None  # invalid: not an overlap
    assert instances.overlapping_variants(overlapping, [{"a": "no"}, {"a": 1}]) is not None  # the valid one overlaps
    assert instances.overlapping_variants(overlapping, [{"a": 1, "b": 2}]) is None  # fits exactly one
    assert instances.overlapping_variants(variant, [{"a": 1}]) is None  # no union
    twins = {"oneOf": [variant, dict(variant)]}  # every instance of one is one of the other
    import functools

    monkeypatch.setattr(instances, "_fallback", functools.partial(instances._fallback, seconds=2.0))
    targets = instances.generate([instances.Target("t", twins)], count=2)
    assert not targets[0].instances and "oneOf variants overlap" in targets[0].problem, targets[0].problem
