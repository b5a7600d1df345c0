"""The wire harness's page walks (scripts/wire/walks.py), tested directly: every paginated operation
of the pagination feature spec walks two pages through the generated client and server; a client
that drops the continuation, never stops, yields a page twice or rebuilds the first request instead
of following the next URL fails the walk with the reason; a spec that makes a walk impossible
excludes it with the reason."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

from wire import calls as wire_calls  # noqa: E402
from wire import instances, roundtrip, walks  # noqa: E402
from wire.package import Generated, generate_and_import, package_name  # noqa: E402
from wire.run import check_spec  # noqa: E402
from wire.spec import SpecSchemas  # noqa: E402

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(not instances.JSF_DIR.is_dir(), reason="json-schema-faker missing: `make tools`")]

FEATURES = ROOT / "specs" / "features"
STYLES = {"list_pets": "cursor", "list_owners": "offset", "list_toys": "page", "list_vets": "next_url",
          "list_visits": "link_header", "list_charges": "cursor", "search_pets": "cursor", "list_events": "cursor"}


def _walk(spec: Path, out: Path, mutate: Callable[[Generated], None] | None = None) -> dict[str, roundtrip.CallResult]:
    """The walks of a spec's paginated operations (``mutate`` breaks the generated client first)."""
    gen = generate_and_import(spec, out, package_name(f"{spec}:{out}"))
    try:
        ss = SpecSchemas.of(gen.resolver, gen.version)
        planned = wire_calls.targets(gen, ss)
        replies = roundtrip.reply_targets(gen, ss)
        pages = walks.targets(gen, replies)
        instances.generate(planned.targets + [t for _, _, t in replies.values() if t] + list(pages.values()))
        calls = wire_calls.plan(gen, planned)
        if mutate is not None:
            mutate(gen)
        with roundtrip.session(gen) as session:
            found = walks.run(session, gen, calls, replies, pages, {t.id: t for t in planned.targets})
        return {r.operation: r for r in found}
    finally:
        gen.unload()


@pytest.mark.parametrize("version", ["2.0", "3.0", "3.1"])
def test_every_paginated_operation_walks_two_pages(version: str, tmp_path: Path) -> None:
    report = check_spec(f"pagination-{version}", FEATURES / f"pagination-{version}.yaml", do_prism=False,
                        do_conformance=False, out=tmp_path)
    assert not report.error and not report.failures, report.error or report.failures
    assert report.pages.checked == sum(report.pagination) > 0
    assert report.pages.passed == report.pages.checked, report.exclusions


def test_the_walks_cover_every_style(tmp_path: Path) -> None:
    found = _walk(FEATURES / "pagination-3.0.yaml", tmp_path)
    assert {name: r.status for name, r in found.items()} == dict.fromkeys(STYLES, "pass")


def _pagination(gen: Generated) -> Any:
    return sys.modules[f"{gen.name}._http.pagination"]


def test_a_dropped_continuation_fails_the_walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def mutate(gen: Generated) -> None:
        monkeypatch.setattr(_pagination(gen).Walk, "_set_input", lambda self, value: None)

    found = _walk(FEATURES / "pagination-3.0.yaml", tmp_path, mutate)
    for name, style in STYLES.items():
        if style in ("cursor", "offset", "page"):
            assert found[name].status == "fail", (name, found[name])
            assert "the continuation is" in found[name].reason, found[name].reason
        else:  # (the URL styles have no input to set)
            assert found[name].status == "pass", (name, found[name])


def test_a_walk_that_does_not_stop_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def mutate(gen: Generated) -> None:
        walk = _pagination(gen).Walk
        after = walk.after

        def never_stops(self: Any, core: Any, op: Any, request: Any, answer: Any) -> Any:
            return after(self, core, op, request, answer) or request

        monkeypatch.setattr(walk, "after", never_stops)

    found = _walk(FEATURES / "pagination-3.0.yaml", tmp_path, mutate)
    assert set(found) == set(STYLES)
    for name, r in found.items():
        assert r.status == "fail" and r.reason.startswith("3 page(s) arrived after 3 request(s)"), (name, r)


def test_a_page_yielded_twice_fails_on_its_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def mutate(gen: Generated) -> None:
        client = gen.module("client")
        pages = client.pages

        def first_twice(*args: Any, **kwargs: Any) -> Iterator[Any]:
            got = list(pages(*args, **kwargs))
            yield from [got[0]] * len(got)

        monkeypatch.setattr(client, "pages", first_twice)

    found = _walk(FEATURES / "pagination-3.0.yaml", tmp_path, mutate)
    failed = {name for name, r in found.items() if r.status == "fail" and r.reason.startswith("page 2: the items read")}
    # (Where page 1 and page 2 hold the same items the mistake cannot show; the feature spec's
    # pages differ for most operations.)
    assert len(failed) >= 5, found


def test_a_next_url_not_followed_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def mutate(gen: Generated) -> None:
        walk = _pagination(gen).Walk
        monkeypatch.setattr(walk, "_follow", lambda self, core, op, request, url: core._build(op, self.values,
                                                                                                self.body))

    found = _walk(FEATURES / "pagination-3.0.yaml", tmp_path, mutate)
    for name in ("list_vets", "list_visits"):
        assert found[name].status == "fail" and "the second request went to" in found[name].reason, found[name]


SPEC = {
    "openapi": "3.0.3", "info": {"title": "walks", "version": "1"},
    "paths": {
        "/tokens": {"get": {
            "operationId": "listTokens",
            "parameters": [{"name": "pageToken", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{3}$"}}],
            "responses": {"200": {"description": "a page", "content": {"application/json": {"schema": {
                "type": "object", "properties": {
                    "items": {"type": "array", "items": {"type": "string"}},
                    "nextPageToken": {"type": "string", "pattern": "^[a-z]{3}$"}}}}}}}}},
        "/never-empty": {"get": {
            "operationId": "listNeverEmpty",
            "x-oagen-pagination": {"style": "offset", "input": "offset", "items": "results"},
            "parameters": [{"name": "offset", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "a page", "content": {"application/json": {"schema": {
                "type": "object", "required": ["results"], "properties": {
                    "results": {"type": "array", "minItems": 1, "items": {"type": "integer"}}}}}}}}}},
        "/few": {"get": {
            "operationId": "listFew",
            "x-oagen-pagination": {"style": "page", "input": "page", "items": "data", "has_more": "more"},
            "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1}}],
            "responses": {"200": {"description": "a page", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"data": {"type": "array", "items": {"type": "string"}},
                                                 "more": {"type": "boolean"}}}}}}}}},
    },
}


def test_a_walk_the_spec_makes_impossible_is_excluded_with_its_reason(tmp_path: Path) -> None:
    spec = tmp_path / "walks.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    found = _walk(spec, tmp_path / "out")
    assert {name: r.status for name, r in found.items()} == dict.fromkeys(
        ("list_tokens", "list_never_empty", "list_few"), "excluded")
    assert "fits both the answer's next cursor (nextPageToken) and the request input 'pageToken'" \
        in found["list_tokens"].reason
    assert found["list_never_empty"].reason.startswith("an empty page (the only end without has_more)")
    assert found["list_few"].reason == "the request input 'page' does not accept the next page 2"


def test_page_schema_requires_items_continuation_and_has_more() -> None:
    from generator import ir

    p = ir.Pagination(style="cursor", source="inferred", input="after", items=("data", "items"),
                      next=("data", "next"), has_more=("data", "more"))
    schema = walks.page_schema({"$ref": "#/definitions/Page", "definitions": {"Page": {"type": "object"}}}, p)
    check = instances.validator(schema)
    assert check.is_valid({"data": {"items": [1], "next": "x", "more": True}})
    for bad in ({"data": {"items": [], "next": "x", "more": True}}, {"data": {"items": [1], "more": True}},
                {"data": {"items": [1], "next": "x", "more": False}}, {}):
        assert not check.is_valid(bad), bad
    last = ir.Pagination(style="cursor", source="inferred", input="starting_after", items=("data",),
                         next=("data", "-1", "id"))
    check = instances.validator(walks.page_schema({}, last))
    assert check.is_valid({"data": [{"id": "a"}]}) and not check.is_valid({"data": [{"x": 1}]})
    assert walks.put({"a": [{"id": 1}, {"id": 2}]}, ("a", "-1", "id"), 3) == {"a": [{"id": 1}, {"id": 3}]}
    assert walks.get({"a": [{"id": 1}, {"id": 2}]}, ("a", "-1", "id")) == 2
