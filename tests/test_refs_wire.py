"""References on the wire (issue 14, classes 1 and 8), over real sockets, in every spec version:

- an ``allOf`` that only annotates a reference (specs/features/annotated-*.yaml, references-*.yaml)
  is the referenced type: the generated client parses a real answer of that shape, and the
  generated server accepts valid bodies and parameters (and refuses invalid ones);
- a reference to a schema that allows null (specs/features/nullable-refs-*.yaml) allows null at
  every use: in answers the client reads and in bodies the server accepts.

One uvicorn process serves every generated server (tests/refs_peer_app.py): the handlers answer
the body they received, or a canned raw JSON answer, and record their arguments.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
from helpers import ROOT, SPECS, generate_package, import_package, uvicorn_server

pytestmark = pytest.mark.e2e

ITEM = {"name": "box", "state": "ENABLED", "mode": "DISABLED", "size": 3, "ratio": 0.25, "enabled": False,
        "tags": ["a", "b"], "labels": {"color": "red"}, "owner": {"id": "o1", "name": "Olga"},
        "reviewer": {"id": "r1"}, "manager": {"id": "m1", "name": "Max"}, "id": "i-1", "note": None,
        "kind": "crate", "extra": 7}
PAGE = {"nextToken": "abc", "items": [ITEM, {"name": "crate", "state": "DISABLED", "note": "n"}]}
USER = {"login": "octocat", "id": 1}
BARE_ISSUE = {"number": 1, "author": USER, "assignee": None, "milestone": None, "closed_by": None, "reviewer": None,
              "state_reason": None, "note": None, "assignees": [None, USER], "watchers": {"x": None},
              "labels": ["bug", None]}
FULL_ISSUE = {**BARE_ISSUE, "number": 2, "assignee": USER, "milestone": {"number": 3, "title": "v1"},
              "closed_by": USER, "reviewer": USER, "state_reason": "not_planned", "note": "done",
              "assignees": [USER]}
THINGS = [{"name": "t1", "owner": None}, {"name": "t2", "owner": {"slug": "core"}},
          {"name": "t3", "owner": {"name": "Ada"}, "previous": None, "oldName": "t0"}]

CANNED = {
    "annotated": {"list_items": PAGE, "list_states": ["ENABLED", "DISABLED"]},
    "nullable-refs": {"get_issue": {"by": "number", "values": {"1": BARE_ISSUE, "2": FULL_ISSUE}},
                      "get_assignee": {"by": "number", "values": {"1": None, "2": USER}}},
    "references": {"find_things": THINGS},
}
FLAVOURS = [(f, v) for f in ("annotated", "nullable-refs") for v in ("2.0", "3.0", "3.1")] \
    + [("references", v) for v in ("3.0", "3.1")]


def _package(feature: str, version: str) -> str:
    return f"wire_{feature.replace('-', '_')}_{version.replace('.', '')}"


@pytest.fixture(scope="module")
def peer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[tuple[str, str], ModuleType]]]:
    """The base URL of the peer, and each flavour's freshly imported client package."""
    root = tmp_path_factory.mktemp("refs-wire")
    apps, outs = [], {}
    for feature, version in FLAVOURS:
        package = _package(feature, version)
        out = generate_package(SPECS / "features" / f"{feature}-{version}.yaml", root / package, package, format=False)
        outs[(feature, version)] = (out, package)
        apps.append({"prefix": package, "out": str(out), "package": package, "canned": CANNED[feature]})
    shutil.copy(ROOT / "tests" / "refs_peer_app.py", root / "refs_peer_app.py")
    shutil.copy(ROOT / "tests" / "echo_app.py", root / "echo_app.py")
    (root / "apps.json").write_text(json.dumps(apps), "utf-8")
    packages = {}
    for key, (out, package) in outs.items():
        top, *_ = import_package(out, package, "models", "client")
        packages[key] = top
    with uvicorn_server("refs_peer_app:app", root, env={"OAGEN_PEER_APPS": str(root / "apps.json")}) as url:
        yield url, packages
    for _, package in outs.values():
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]


def _url(peer: tuple[str, Any], feature: str, version: str) -> str:
    return f"{peer[0]}/{_package(feature, version)}/v1"


def _received(peer: tuple[str, Any], feature: str, version: str) -> dict[str, Any]:
    answer = httpx.get(f"{peer[0]}/{_package(feature, version)}/__received__")
    assert answer.status_code == 200
    return dict(answer.json())


def _dump(model: Any) -> Any:
    return model.model_dump(mode="json", by_alias=True, exclude_unset=True)


# --------------------------------------------------------------------------- class 1: annotated references


@pytest.mark.parametrize("version", ["2.0", "3.0", "3.1"])
def test_client_reads_annotated_references(peer: tuple[str, Any], version: str) -> None:
    top = peer[1][("annotated", version)]
    m = top.models
    with top.Client(_url(peer, "annotated", version)) as client:
        page = client.list_items()
        assert isinstance(page, m.ListItemsOutput) and page.next_token == "abc"
        first = page.items[0]
        assert first.state is m.State.ENABLED and first.mode is m.State.DISABLED
        assert (first.name, first.size, first.ratio, first.enabled, first.id_, first.note, first.kind, first.extra) \
            == ("box", 3, 0.25, False, "i-1", None, "crate", 7)
        assert first.tags == ["a", "b"] and first.labels == {"color": "red"}
        assert type(first.owner) is m.Owner and type(first.reviewer) is m.Owner and type(first.manager) is m.Owner
        assert first.owner.name == "Olga" and first.manager.name == "Max"
        assert _dump(page) == PAGE  # read exactly, nothing lost or added
        assert client.list_states() == [m.State.ENABLED, m.State.DISABLED]
        second = page.items[1]
        assert second.mode is m.State.ENABLED and second.size == 1 and second.enabled is True  # the defaults

        stored = client.put_item(m.Item.model_validate(ITEM))
        assert _received(peer, "annotated", version)["arguments"]["body"] == ITEM  # sent exactly
        assert _dump(stored) == ITEM


@pytest.mark.parametrize("version", ["2.0", "3.0", "3.1"])
def test_server_accepts_annotated_references(peer: tuple[str, Any], version: str) -> None:
    url = _url(peer, "annotated", version)
    for body in (ITEM, {"name": "x", "state": "DISABLED"}, {"name": "y", "state": "ENABLED", "note": None}):
        answer = httpx.post(f"{url}/items", json=body)
        assert answer.status_code == 200, answer.text
        assert answer.json() == body
    # Each annotated reference is checked as its type: no empty object accepts anything.
    for bad in ({"name": "", "state": "ENABLED"}, {"name": "x", "state": "BOGUS"}, {"name": "x", "state": "ENABLED",
                "size": -1}, {"name": "x", "state": "ENABLED", "tags": ["t"] * 11},
                {"name": "x", "state": "ENABLED", "owner": {"name": "no id"}}, {"name": "x", "state": "ENABLED",
                "ratio": 2}, {"name": "x", "state": "ENABLED", "enabled": "yes"}, {"name": 5, "state": "ENABLED"},
                {"name": "x", "state": "ENABLED", "labels": {"a": ""}}, {"name": "x", "state": "ENABLED",
                "kind": "barrel"}):
        answer = httpx.post(f"{url}/items", json=bad)
        assert answer.status_code == 422, (bad, answer.text)


@pytest.mark.parametrize("version", ["3.0", "3.1"])
def test_annotated_and_nullable_references_in_parameters(peer: tuple[str, Any], version: str) -> None:
    top = peer[1][("references", version)]
    m = top.models
    with top.Client(_url(peer, "references", version)) as client:
        things = client.find_things("box", limit=5, state=m.State.DISABLED, cursor="c1", tag=["a", "b"],
                                    x_trace="t-1")
        assert _received(peer, "references", version)["arguments"] == {
            "kind": "box", "limit": 5, "state": "DISABLED", "cursor": "c1", "tag": ["a", "b"], "x_trace": "t-1"}
        assert [_dump(t) for t in things] == THINGS
        assert things[0].owner is None and type(things[1].owner) is m.Team
        assert type(things[2].owner) is m.NullablePerson
        client.find_things(m.Kind.CRATE)
        assert _received(peer, "references", version)["arguments"] == {
            "kind": "crate", "limit": 10, "state": None, "cursor": None, "tag": None, "x_trace": None}
        for thing in THINGS:
            assert _dump(client.create_thing("box", m.Thing.model_validate(thing))) == thing
            assert _received(peer, "references", version)["arguments"]["body"] == thing
    url = _url(peer, "references", version)
    assert httpx.get(f"{url}/things/barrel").status_code == 422  # an annotated enum in the path
    assert httpx.get(f"{url}/things/box", params={"limit": 0}).status_code == 422
    assert httpx.get(f"{url}/things/box", params={"state": "BOGUS"}).status_code == 422
    assert httpx.get(f"{url}/things/box", headers={"X-Trace": ""}).status_code == 422
    assert httpx.get(f"{url}/things/box", params={"cursor": ""}).status_code == 422  # nullable, but minLength 1
    assert httpx.post(f"{url}/things/box", json={"name": "x", "owner": {"nobody": 1}}).status_code == 422
    assert httpx.post(f"{url}/things/box", json={"name": "x"}).status_code == 422  # owner: required, null allowed


# --------------------------------------------------------------------------- class 8: nullable references


@pytest.mark.parametrize("version", ["2.0", "3.0", "3.1"])
def test_client_reads_null_through_references(peer: tuple[str, Any], version: str) -> None:
    top = peer[1][("nullable-refs", version)]
    m = top.models
    with top.Client(_url(peer, "nullable-refs", version)) as client:
        bare = client.get_issue(1)
        assert (bare.assignee, bare.milestone, bare.closed_by, bare.reviewer, bare.state_reason, bare.note) \
            == (None,) * 6
        assert bare.assignees[0] is None and bare.watchers == {"x": None} and bare.labels == ["bug", None]
        assert _dump(bare) == BARE_ISSUE
        full = client.get_issue(2)
        assert type(full.assignee) is m.NullableSimpleUser and type(full.milestone) is m.Milestone
        assert full.state_reason is m.NullableState.NOT_PLANNED and _dump(full) == FULL_ISSUE
        assert client.get_assignee(1) is None  # a body that is JSON null
        assert _dump(client.get_assignee(2)) == USER
        for issue in (BARE_ISSUE, FULL_ISSUE):
            assert _dump(client.put_issue(issue["number"], m.Issue.model_validate(issue))) == issue
            assert _received(peer, "nullable-refs", version)["arguments"]["body"] == issue


@pytest.mark.parametrize("version", ["2.0", "3.0", "3.1"])
def test_server_accepts_null_through_references(peer: tuple[str, Any], version: str) -> None:
    url = _url(peer, "nullable-refs", version)
    for issue in (BARE_ISSUE, FULL_ISSUE):
        answer = httpx.put(f"{url}/issues/{issue['number']}", json=issue)
        assert answer.status_code == 200, answer.text
        assert answer.json() == issue
    for field in ("author", "number"):  # not nullable: null is refused
        answer = httpx.put(f"{url}/issues/1", json={**BARE_ISSUE, field: None})
        assert answer.status_code == 422, answer.text
    for field in ("assignee", "milestone"):  # nullable, but required: absence is refused
        answer = httpx.put(f"{url}/issues/1", json={k: v for k, v in BARE_ISSUE.items() if k != field})
        assert answer.status_code == 422, answer.text
    answer = httpx.put(f"{url}/issues/1", json={**BARE_ISSUE, "state_reason": "bogus"})
    assert answer.status_code == 422, answer.text
