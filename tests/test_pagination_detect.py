"""generator/normalize/pagination.py: each source and rule, what it refuses, and the diagnostics."""

from __future__ import annotations

from typing import Any

import pytest

from generator import ir
from generator.api import load_api
from generator.normalize.pagination import path_of
from helpers import ROOT


def _api(tmp_path: Any, ops: str, schemas: str = "") -> tuple[ir.Api, list[str]]:
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n" + ops
                    + ("components:\n  schemas:\n" + schemas if schemas else ""))
    loaded = load_api(str(spec), validate=False)
    assert loaded.api is not None
    return loaded.api, [d.format() for d in loaded.diagnostics if d.code.startswith("OAG17")]


LIST = """  /things:
    get:
      operationId: listThings
{extra}      parameters:
        - {{name: {param}, in: query, schema: {{type: string}}}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
{fields}"""


def _list(tmp_path: Any, param: str, fields: str, extra: str = "") -> tuple[ir.Pagination | None, list[str]]:
    api, diags = _api(tmp_path, LIST.format(param=param, fields=fields, extra=extra))
    return api.operations[0].pagination, diags


ITEMS = "                  things: {type: array, items: {type: object, properties: {id: {type: string}}}}\n"


@pytest.mark.parametrize(("param", "field"), [("pageToken", "nextPageToken"), ("NextToken", "NextToken"),
                                              ("cursor", "next_cursor"), ("marker", "NextMarker"),
                                              ("page_token", "next_page_token")])
def test_token_pairs_are_inferred_and_reported(tmp_path: Any, param: str, field: str) -> None:
    found, diags = _list(tmp_path, param, ITEMS + f"                  {field}: {{type: string}}\n")
    assert found is not None and found.style == "cursor" and found.source == "inferred"
    assert (found.input, found.next, found.items) == (param, (field,), ("things",))
    assert len(diags) == 1 and "info[OAG170]" in diags[0] and "'listThings'" in diags[0]
    assert "x-oagen-pagination: false" in diags[0]


@pytest.mark.parametrize("fields", [
    ITEMS,  # no next field
    ITEMS + "                  nextPageToken: {type: integer}\n",  # not a string
    ITEMS + ITEMS.replace("things", "others") + "                  nextPageToken: {type: string}\n",  # 2 arrays
    "                  nextPageToken: {type: string}\n",  # no array of items
])
def test_ambiguous_pages_are_not_guessed(tmp_path: Any, fields: str) -> None:
    found, diags = _list(tmp_path, "pageToken", fields)
    assert found is None and diags == []


def test_an_unrelated_parameter_name_is_no_token(tmp_path: Any) -> None:
    assert _list(tmp_path, "token", ITEMS + "                  nextPageToken: {type: string}\n") == (None, [])


def test_x_oagen_pagination_false_switches_inference_off(tmp_path: Any) -> None:
    found, diags = _list(tmp_path, "pageToken", ITEMS + "                  nextPageToken: {type: string}\n",
                         extra="      x-oagen-pagination: false\n")
    assert found is None and diags == []


def test_explicit_extension_and_its_mistakes(tmp_path: Any) -> None:
    fields = ITEMS + "                  meta: {type: object, properties: {next: {type: string}}}\n"
    found, diags = _list(tmp_path, "after", fields, extra=(
        "      x-oagen-pagination: {style: cursor, input: after, items: things, next: meta.next}\n"))
    assert found is not None and (found.source, found.next, found.rule) == ("x-oagen-pagination", ("meta", "next"),
                                                                          "x-oagen-pagination")
    assert diags == []
    found, diags = _list(tmp_path, "after", fields, extra=(
        "      x-oagen-pagination: {style: cursor, input: after, items: things, next: meta.missing}\n"))
    assert found is None and "warning[OAG171]" in diags[0] and "'meta.missing'" in diags[0]
    found, diags = _list(tmp_path, "after", fields, extra=(
        "      x-oagen-pagination: {style: offset, input: nope, items: things}\n"))
    assert found is None and "input 'nope'" in diags[0]
    found, diags = _list(tmp_path, "after", fields, extra="      x-oagen-pagination: {style: sideways}\n")
    assert found is None and "OAG171" in diags[0]


def test_ms_pageable_defaults_item_name_to_value_and_null_next_link_is_one_page(tmp_path: Any) -> None:
    fields = ("                  value: {type: array, items: {type: string}}\n"
              "                  nextLink: {type: string}\n")
    found, _ = _list(tmp_path, "x", fields, extra="      x-ms-pageable: {nextLinkName: nextLink}\n")
    assert found is not None and (found.style, found.items, found.next) == ("next_url", ("value",), ("nextLink",))
    found, diags = _list(tmp_path, "x", fields, extra="      x-ms-pageable: {nextLinkName: null}\n")
    assert found is None and diags == []
    found, diags = _list(tmp_path, "x", fields, extra="      x-ms-pageable: {nextLinkName: odata.next}\n")
    assert found is None and "OAG171" in diags[0]


@pytest.mark.parametrize(("text", "path"), [
    ("$.data.items", ("data", "items")), ("$response.next", ("next",)), ("a.b", ("a", "b")),
    ("$.data[-1].id", ("data", "-1", "id")), ("$.data[(@.length-1)].id", ("data", "-1", "id")),
    ("$['@odata.nextLink']", ("@odata.nextLink",)), ("$", ()), (["x", "y"], ("x", "y")), ("$.a[*]", None),
])
def test_paths(text: object, path: tuple[str, ...] | None) -> None:
    assert path_of(text) == path


def test_feature_spec_sources_and_names() -> None:
    loaded = load_api(str(ROOT / "specs" / "features" / "pagination-3.0.yaml"), validate=False)
    assert loaded.api is not None
    got = {op.name: (op.pagination.style, op.pagination.source, op.iter_name, op.pages_name)
           for op in loaded.api.operations if op.pagination is not None}
    assert got["list_vets"] == ("next_url", "x-ms-pageable", "iter_list_vets", "list_vets_pages")
    assert got["list_toys"][:2] == ("page", "x-fern-pagination")
    assert got["list_events"][:2] == ("cursor", "x-speakeasy-pagination")
    assert got["list_owners"][:2] == ("offset", "x-oagen-pagination")
    assert got["list_visits"][:2] == ("link_header", "inferred")
    assert "list_tags" not in got and "get_pet" not in got
    toys = next(op for op in loaded.api.operations if op.name == "list_toys")
    assert toys.pagination is not None and toys.pagination.first == 1  # the parameter's default


def test_pager_names_yield_to_operation_names(tmp_path: Any) -> None:
    api, _ = _api(tmp_path, LIST.format(param="pageToken", extra="", fields=ITEMS
                                        + "                  nextPageToken: {type: string}\n")
                  + "  /other:\n    get:\n      operationId: iter_listThings\n"
                    "      responses: {'204': {description: ok}}\n")
    op = api.operations[0]
    assert (op.iter_name, op.pages_name) == ("iter_list_things_2", "list_things_pages")
    assert api.operations[1].name == "iter_list_things"
