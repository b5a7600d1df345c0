"""Object-valued parameters on the wire (issue 14, "a query parameter whose schema is an object"):
every shape imports (FastAPI refused arrays of objects, unions with an object or array variant,
arrays of arrays, and in the path a union with an object) and the handler receives exactly what
the generated client sent, over a real socket (uvicorn on 127.0.0.1), in OpenAPI 3.0 and 3.1.

Shapes: a ``$ref`` to an object (form, exploded), an array of objects (exploded and not: AWS
query APIs' ``Tags``), maps (``additionalProperties``) in deepObject and exploded form, a
free-form object (deepObject ``filter``; exploded form taking every key no other parameter, API
key or constant claims), a union of a number and an object (deepObject and form), a union of a
string and an array, arrays of arrays and of objects (nested values travel as JSON text), an
object in a header, an object and a union in the path.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from helpers import SPECS
from wire_support import Served, serve_specs

pytestmark = pytest.mark.e2e

SPECS_BY_PACKAGE = {"structured30": SPECS / "features" / "query-objects-3.0.yaml",
                    "structured31": SPECS / "features" / "query-objects-3.1.yaml"}
TRICKY = "a,b.c;d=e/f g%h&i+j?k#l\u00e9:[]{}\"="


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serve_specs(tmp_path_factory.mktemp("wire-objects"), dict(SPECS_BY_PACKAGE)) as found:
        yield found
ANYONE = {"subject": "", "scopes": [], "claims": {}}  # the default security hook's principal


def _tag(pkg: Any, key: str, value: str | None = None) -> Any:
    return pkg.models.Tag(Key=key, **({"Value": value} if value is not None else {}))


def _cases(pkg: Any) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(what, operation, keyword arguments, what the handler must receive)."""
    tag, tag_json = _tag(pkg, TRICKY, "v"), {"Key": TRICKY, "Value": "v"}
    return [
        ("object", "get_tagged", {"tag": tag}, {"tag": tag_json}),
        ("array of objects, exploded", "get_tagged", {"tags": [tag, _tag(pkg, "k2")]},
         {"tags": [tag_json, {"Key": "k2"}]}),
        ("array of one object", "get_tagged", {"tags": [tag]}, {"tags": [tag_json]}),
        ("array of objects, not exploded", "get_tagged", {"tag_list": [tag, _tag(pkg, "k,2")]},
         {"tag_list": [tag_json, {"Key": "k,2"}]}),
        ("map, deepObject", "get_tagged", {"attributes": {"a": TRICKY, "b[c]": "2"}},
         {"attributes": {"a": TRICKY, "b[c]": "2"}}),
        ("map of objects, deepObject", "get_tagged", {"message_attributes": {"m": tag}},
         {"message_attributes": {"m": tag_json}}),
        ("free-form deepObject and an object", "search",
         {"filter_": {"name_eq": TRICKY, "n": "1"}, "page": pkg.models.Page(number=2, size=50), "sort": "name"},
         {"filter_": {"name_eq": TRICKY, "n": "1"}, "page": {"number": 2, "size": 50}, "sort": "name"}),
        ("free-form, exploded form, beside another parameter and a query API key", "free_form",
         {"q": {"status": TRICKY, "owner": "me"}, "limit": 5},
         {"q": {"status": TRICKY, "owner": "me"}, "limit": 5,
          "credentials": {"key": "secret", "principal": ANYONE, "principals": {"key": ANYONE}}}),
        ("map of integers, exploded form", "map_form", {"attributes": {"a": 1, "b": -2}},
         {"attributes": {"a": 1, "b": -2}}),
        ("union: number", "list_by_range", {"created": 5, "updated": 7}, {"created": 5, "updated": 7}),
        ("union: object", "list_by_range", {"created": {"gt": 1, "lt": 2}, "updated": {"gt": 3}},
         {"created": {"gt": 1, "lt": 2}, "updated": {"gt": 3}}),
        ("union: string with a delimiter", "list_by_range", {"ids": "a,b", "codes": 4}, {"ids": "a,b", "codes": 4}),
        ("union: array", "list_by_range", {"ids": ["a,b", "c"], "codes": [4, 5]},
         {"ids": ["a,b", "c"], "codes": [4, 5]}),
        ("union: string, exploded form", "list_by_range", {"either": TRICKY}, {"either": TRICKY}),
        ("union: free-form object, exploded form", "list_by_range", {"either": {"x": TRICKY, "y": "2"}},
         {"either": {"x": TRICKY, "y": "2"}}),
        ("array of arrays", "get_nested", {"grid": [[1, 2], [3], []]}, {"grid": [[1, 2], [3], []]}),
        ("array of objects, deepObject", "get_nested", {"lines": [{"price": TRICKY, "quantity": 2}, {"price": "p"}]},
         {"lines": [{"price": TRICKY, "quantity": 2}, {"price": "p"}]}),
        ("array of free-form objects", "get_nested", {"props": [{"a": 1}, {"b": [TRICKY, None]}]},
         {"props": [{"a": 1}, {"b": [TRICKY, None]}]}),
        ("nested object and array in a deepObject", "get_nested",
         {"f": pkg.models.Filter(inner=_tag(pkg, TRICKY), names=["x", "y,z"], active=False)},
         {"f": {"inner": {"Key": TRICKY}, "names": ["x", "y,z"], "active": False}}),
        ("object in a header", "get_nested", {"x_tag": _tag(pkg, "k", "v.w;x")}, {"x_tag": {"Key": "k", "Value": "v.w;x"}}),
        ("object and union (string) in the path", "get_object", {"obj": tag, "either": "a,b"},
         {"obj": tag_json, "either": "a,b"}),
        ("union (object) in the path", "get_object", {"obj": tag, "either": {"a": "1", "b": TRICKY}},
         {"obj": tag_json, "either": {"a": "1", "b": TRICKY}}),
    ]


@pytest.mark.parametrize("package", list(SPECS_BY_PACKAGE))
def test_the_handler_receives_what_was_sent(served: Served, package: str) -> None:
    pkg = served.packages[package]
    failures = []
    with served.client(package, served.url + "/v1", key="secret") as client:
        for what, operation, kwargs, want in _cases(pkg):
            got = getattr(client, operation)(**kwargs)
            received = {k: v for k, v in got["arguments"].items() if v is not None}  # the rest: not sent
            if (got["operation"], received) != (operation, want):
                failures.append(f"{what}: {got['operation']} received {received}, want {want}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("package", list(SPECS_BY_PACKAGE))
@pytest.mark.parametrize(("query", "field"), [
    ("page[number]=0", "page"),  # minimum 1
    ("page[number]=x", "page"),
    ("created[gt]=x", "created"),  # neither an integer nor an object of integers
    ("updated=gt,1,lt", "updated"),
])
def test_a_bad_value_is_refused_naming_it(served: Served, package: str, query: str, field: str) -> None:
    path = "/search" if field == "page" else "/ranges"
    answer = httpx.get(f"{served.url}/v1{path}?{query}", headers=served.headers(package))
    assert answer.status_code == 422, answer.text
    assert {tuple(e["location"][:2]) for e in answer.json()["errors"]} == {("query", field)}


@pytest.mark.parametrize("package", list(SPECS_BY_PACKAGE))
def test_nested_deep_objects_in_the_bracket_form(served: Served, package: str) -> None:
    """The nested form Rails, qs and Stripe send (``f[inner][Key]``, ``f[names][]``,
    ``lines[0][price]``) is read as well as the JSON text oagen's client sends."""
    query = ("f[inner][Key]=k%2C1&f[names][]=a&f[names][]=b&f[active]=true"
             "&lines[0][price]=p&lines[0][quantity]=2&lines[1][price]=q")
    answer = httpx.get(f"{served.url}/v1/nested?{query}", headers=served.headers(package))
    assert answer.status_code == 200, answer.text
    received = {k: v for k, v in answer.json()["arguments"].items() if v is not None}
    assert received == {"f": {"inner": {"Key": "k,1"}, "names": ["a", "b"], "active": True},
                        "lines": [{"price": "p", "quantity": 2}, {"price": "q"}]}
