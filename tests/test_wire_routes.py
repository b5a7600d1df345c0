"""Route matching on the wire (issue 14, classes 5, 6 and 9): the generated client → a real uvicorn
on 127.0.0.1 → the generated server → the handler of the right operation receives exactly the
values sent, in Swagger 2.0, OpenAPI 3.0 and 3.1 and in the split layout.

* Class 6, route specificity: Google-style custom methods (``/v1/{name}:getIamPolicy`` beside
  ``/v1/{name}``), literal suffixes (``{file}.tar.gz`` before ``{file}.json`` before ``{file}``),
  a literal segment declared after a templated one, a dispatch fallback beside a template; with
  values holding ``/`` and ``:`` (sent percent-encoded, kept inside their segment).
* Class 9, encoded delimiters meet patterns: an AWS ARN (``.../stage/abc``) against its pattern
  and lengths, each delimiter the server keeps encoded (``/ : , ; = .``), an enum of such values.
* Class 5, paths equal up to parameter names: both client methods exist; the server serves both
  with the operation declared first (the OAG161 warning says so: tests/repairs/).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from helpers import ROOT, SPECS
from wire_support import Served, serve_specs

from generator.targets.python_server import FallbackView, ServerOpView, routes, specificity

pytestmark = pytest.mark.e2e

FEATURES = SPECS / "features"
REPAIRS = ROOT / "tests" / "repairs"
ROUTES = {"routes20": FEATURES / "routes-2.0.yaml", "routes30": FEATURES / "routes-3.0.yaml",
          "routes31": FEATURES / "routes-3.1.yaml"}
SAME = {"same20": REPAIRS / "paths-equal-up-to-names-2.0.yaml", "same30": REPAIRS / "paths-equal-up-to-names-3.0.yaml",
        "same31": REPAIRS / "paths-equal-up-to-names-3.1.yaml"}
ARN = "arn:aws:ivs:us-east-1:123456789012:stage/abc"


def _split_spec(folder: Path) -> Path:
    """routes-3.0 with enough operations for the split layout, the filler in groups of its own
    (so the routes that must be told apart live in different route modules)."""
    data = yaml.safe_load((FEATURES / "routes-3.0.yaml").read_text("utf-8"))
    for n, (path, item) in enumerate(list(data["paths"].items())):
        for op in item.values():
            op["tags"] = ["first" if n % 2 else "second"]
    echo = {"200": {"$ref": "#/components/responses/Echo"}}
    for n in range(110):
        data["paths"][f"/filler/{n}/{{id}}"] = {"get": {"operationId": f"filler{n}", "tags": [f"filler{n % 3}"],
                                                        "parameters": [{"name": "id", "in": "path", "required": True,
                                                                        "schema": {"type": "string"}}],
                                                        "responses": copy.deepcopy(echo)}}
    path = folder / "routes-split.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("wire-routes")
    specs: dict[str, Path | str] = {**ROUTES, **SAME, "routes_split": _split_spec(root)}
    with serve_specs(root, specs, validate=False) as found:
        yield found


def _echo(answer: Any) -> tuple[str, dict[str, Any]]:
    return answer["operation"], answer["arguments"]


# (call, the operation that must receive it, the arguments it must receive)
ROUTE_CASES: list[tuple[str, Callable[[Any], Any], str, dict[str, Any]]] = [
    ("bare template, value ends like a custom method",
     lambda c: c.get_resource("projects/p/m:getIamPolicy"), "get_resource", {"name": "projects/p/m:getIamPolicy"}),
    ("custom method, value with / and :",
     lambda c: c.get_iam_policy("projects/p:x/m"), "get_iam_policy", {"resource": "projects/p:x/m"}),
    ("the other custom method",
     lambda c: c.generate_connect_manifest("a/b:c"), "generate_connect_manifest", {"name": "a/b:c"}),
    ("another method on the bare template",
     lambda c: c.delete_resource("x:generateConnectManifest"), "delete_resource", {"name": "x:generateConnectManifest"}),
    ("template then literal segment",
     lambda c: c.list_operations("projects/p"), "list_operations", {"parent": "projects/p"}),
    ("bare file", lambda c: c.get_file("report"), "get_file", {"file": "report"}),
    ("longest literal suffix", lambda c: c.get_file_tarball("a.b"), "get_file_tarball", {"file": "a.b"}),
    ("shorter literal suffix", lambda c: c.get_file_json("report.v2"), "get_file_json", {"file": "report.v2"}),
    ("templated segment declared first", lambda c: c.get_user("u/1"), "get_user", {"user_id": "u/1"}),
    ("literal segment declared after", lambda c: c.get_me(), "get_me", {}),
    ("template beside a dispatched literal", lambda c: c.get_job("j:1"), "get_job", {"job_id": "j:1"}),
    ("dispatch constant one", lambda c: c.describe_latest_job(), "describe_latest_job", {}),
    ("dispatch constant two", lambda c: c.cancel_latest_job(), "cancel_latest_job", {}),
    ("ARN with / and : against its pattern", lambda c: c.get_stage(ARN), "get_stage", {"arn": ARN}),
    *((f"pattern with {ch!r}", (lambda c, ch=ch: c.get_key(f"abc{ch}def")), "get_key", {"key": f"abc{ch}def"})
      for ch in ",;=.:/"),
    *((f"enum value {value!r}", (lambda c, value=value: c.get_shelf(value)), "get_shelf", {"shelf": value})
      for value in ("top/left", "a.b", "c:d")),
]


@pytest.mark.parametrize("package", [*ROUTES, "routes_split"])
@pytest.mark.parametrize(("what", "call", "operation", "arguments"), ROUTE_CASES, ids=[c[0] for c in ROUTE_CASES])
def test_each_request_reaches_its_operation(served: Served, package: str, what: str, call: Callable[[Any], Any],
                                            operation: str, arguments: dict[str, Any]) -> None:
    with served.client(package, served.url + "/api") as client:
        got = _echo(call(client))
    assert got == (operation, arguments), what


def test_values_travel_encoded(served: Served) -> None:
    with served.client("routes30", served.url + "/api") as client:
        line = client.get_iam_policy("projects/p:x/m")["request_line"]
    assert line == "POST /api/v1/projects%2Fp%3Ax%2Fm:getIamPolicy"


@pytest.mark.parametrize("package", [*ROUTES, "routes_split"])
def test_a_dispatched_literal_path_answers_its_fallback(served: Served, package: str) -> None:
    """``/jobs/latest`` is concrete: without a known constant it is the fallback's 400 (naming the
    valid values), not the ``/jobs/{jobId}`` operation."""
    for query in ("?Action=Nope", ""):
        answer = httpx.get(f"{served.url}/api/jobs/latest{query}", headers=served.headers(package))
        assert answer.status_code == 400, answer.text
        assert sorted(answer.json()["valid"]) == ["Cancel", "Describe"]


@pytest.mark.parametrize("package", list(ROUTES))
@pytest.mark.parametrize(("path", "field"), [
    ("/stages/arn%3Aaws%3Aivs%3Aus-east-1%3A123456789012%3Astage%2Fab%2Fc", "arn"),  # a second '/'
    ("/stages/arn%3Aaws%3Aivs%3Aus-east-1%3A123456789012%3Astage%2Fabcdefghi", "arn"),  # 50 characters
    ("/keys/abcd%2Fdef", "key"),  # 8 characters decoded
    ("/keys/abc%3Fdef", "key"),  # '?' is not in the pattern
    ("/shelves/top%2Fmiddle", "shelf"),
])
def test_the_decoded_value_is_what_is_checked(served: Served, package: str, path: str, field: str) -> None:
    answer = httpx.get(served.url + "/api" + path, headers=served.headers(package))
    assert answer.status_code == 422, answer.text
    assert [e["location"] for e in answer.json()["errors"]] == [["path", field]]


@pytest.mark.parametrize("package", list(SAME))
def test_paths_equal_up_to_names_keep_both_client_methods(served: Served, package: str) -> None:
    with served.client(package) as client:
        assert _echo(client.delete_thing("t/1")) == ("delete_thing", {"thing_id": "t/1"})
        # Served by the operation declared first, with the value of the one called.
        assert _echo(client.delete_thing_by_name("n:1")) == ("delete_thing", {"thing_id": "n:1"})
        assert _echo(client.get_thing_by_name("n:1")) == ("get_thing_by_name", {"name": "n:1"})


# --------------------------------------------------------------------------- the order itself


def _view(name: str, route: str, constants: tuple[tuple[str, str, str], ...] = (), method: str = "GET") -> ServerOpView:
    return ServerOpView(name=name, endpoint="_op_" + name, method=method, route=route, status=200, summary="",
                        description="", http_line="", args=(), fastapi_args=(), body_kind=None, body_hint="Any",
                        body_required=False, bodies=(), constants=constants, auth=None)


def test_specificity_puts_concrete_templates_first() -> None:
    templates = ["/v1/{name}", "/v1/{name}:cancel", "/v1/{resource}:getIamPolicy", "/v1/operations",
                 "/{a}/{b}", "/{a}/b", "/a/{b}", "/files/{f}.json", "/files/{f}.tar.gz", "/files/{f}-{g}.json"]
    ordered = sorted(templates, key=specificity)
    assert ordered.index("/v1/operations") < ordered.index("/v1/{resource}:getIamPolicy") \
        < ordered.index("/v1/{name}:cancel") < ordered.index("/v1/{name}")
    assert ordered.index("/a/{b}") < ordered.index("/{a}/b") < ordered.index("/{a}/{b}")
    assert ordered.index("/files/{f}.tar.gz") < ordered.index("/files/{f}-{g}.json") \
        < ordered.index("/files/{f}.json")


def test_routes_are_deterministic_and_fallbacks_follow_their_shape() -> None:
    views = [_view("get_job", "/jobs/{id}"), _view("a", "/jobs/latest", (("query", "Action", "A"),)),
             _view("b", "/jobs/latest", (("query", "Action", "B"),)), _view("same_1", "/x/{a}.json"),
             _view("same_2", "/x/{b}.json"), _view("plain", "/jobs/latest", method="POST")]
    ordered = routes(views)
    names = [r.name for r in ordered]
    assert names == ["a", "b", "_fallback_1", "plain", "same_1", "same_2", "get_job"], names
    assert isinstance(ordered[2], FallbackView) and ordered[2].valid == ("A", "B")
    assert [r.name for r in routes(list(reversed(views)))][:3] == ["b", "a", "_fallback_1"]
