"""Round trip of every parameter style and body kind: the generated client → a real uvicorn on
127.0.0.1 → the generated server → the handler receives exactly the values the client was given.

The handlers (written over the generated ``handlers.py``) answer what they received as JSON in the
``path`` field of the specs' ``Echo`` answer; malformed values get a 4xx naming the parameter.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from helpers import SPECS, generate_package, import_fresh, uvicorn_server

pytestmark = pytest.mark.e2e

# Handlers that echo their keyword arguments (models by alias, enums by value, bytes by length).
_ECHO_HANDLERS = '''
from __future__ import annotations

import enum
import json
from typing import Any

from pydantic import BaseModel

from .base import BaseHandlers


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return {"model": type(value).__name__, **_plain(value.model_dump(by_alias=True, exclude_unset=True))}
    if isinstance(value, enum.Enum):
        return {"enum": type(value).__name__, "value": value.value}
    if isinstance(value, bytes):
        return {"bytes": value.decode("latin-1")}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _echo(name: str) -> Any:
    async def handler(self: Any, **kwargs: Any) -> Any:
        return {"path": json.dumps(_plain(kwargs), sort_keys=True)}

    handler.__name__ = name
    return handler


class Handlers(BaseHandlers):
    pass


for _name in [n for n in vars(BaseHandlers) if not n.startswith("_")]:
    setattr(Handlers, _name, _echo(_name))
'''

TRICKY = "a,b.c;d=e/f g%h&i+j?k#l\u00e9"
ITEMS = ["x,y", "p.q", "r;s", "t=u", "v/w", "", "z"]
# Headers are not percent-encoded: a ',' inside an item cannot be told from the delimiter.
HEADER_ITEMS = ["x.y", "r;s", "t=u", "v/w z"]
RGB = {"R": 100, "G": -200, "B": 0}


def _served(spec: Path, package: str, tmp: Path) -> tuple[Path, ModuleType]:
    out = generate_package(spec, tmp, package, format=False)
    (out / package / "server" / "handlers.py").write_text(_ECHO_HANDLERS, "utf-8")
    client = import_fresh(out, package)
    return out, client


@pytest.fixture(scope="module")
def params(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, ModuleType, str]]:
    out, pkg = _served(SPECS / "features" / "params-3.0.yaml", "params_rt", tmp_path_factory.mktemp("params"))
    with uvicorn_server("params_rt.server.app:app", out) as url, pkg.Client(base_url=url) as client:
        yield client, pkg, url


@pytest.fixture(scope="module")
def params2(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, ModuleType, str]]:
    out, pkg = _served(SPECS / "features" / "params-2.0.yaml", "params2_rt", tmp_path_factory.mktemp("params2"))
    with uvicorn_server("params2_rt.server.app:app", out) as url, pkg.Client(base_url=url + "/v2") as client:
        yield client, pkg, url + "/v2"


@pytest.fixture(scope="module")
def bodies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str, ModuleType]]:
    out, pkg = _served(SPECS / "features" / "bodies-3.0.yaml", "bodies_rt", tmp_path_factory.mktemp("bodies"))
    with uvicorn_server("bodies_rt.server.app:app", out) as url, pkg.Client(base_url=url + "/v1") as client:
        yield client, url + "/v1", pkg


def _got(answer: Any) -> dict[str, Any]:
    return dict(json.loads(answer.path))


def _rgb(pkg: ModuleType, **extra: Any) -> Any:
    return pkg.models.Rgb.model_validate({**RGB, **extra})


def _model(**fields: Any) -> dict[str, Any]:
    return {"model": "Rgb", **fields}


PATH_OPS = [
    "path_simple", "path_label", "path_matrix",
    "path_simple_array", "path_simple_array_explode", "path_label_array", "path_label_array_explode",
    "path_matrix_array", "path_matrix_array_explode",
    "path_simple_object", "path_simple_object_explode", "path_label_object", "path_label_object_explode",
    "path_matrix_object", "path_matrix_object_explode",
]


@pytest.mark.parametrize("operation", PATH_OPS)
def test_path_styles_round_trip(params: tuple[Any, ModuleType, str], operation: str) -> None:
    client, pkg, _ = params
    if operation.endswith(("_array", "_array_explode")):
        value: Any = ITEMS if "label" in operation or "matrix" in operation else [i for i in ITEMS if i]
        want: Any = value
    elif "object" in operation:
        # The object allows more properties: a string one carries every delimiter.
        value, want = _rgb(pkg, note=TRICKY, half="1.5"), _model(**RGB, note=TRICKY, half="1.5")
    else:
        value = want = TRICKY
    assert _got(getattr(client, operation)(value)) == {"color": want}


def test_query_styles_round_trip(params: tuple[Any, ModuleType, str]) -> None:
    client, pkg, _ = params
    assert _got(client.query_form("blue", count=3, flag=False)) == {"color": "blue", "count": 3, "flag": False}
    assert _got(client.query_form_array(ITEMS)) == {"color": ITEMS}
    assert _got(client.query_form_array([])) == {"color": []}
    assert _got(client.query_form_array_explode(ITEMS)) == {"color": ITEMS}
    assert _got(client.query_form_object(_rgb(pkg, note=TRICKY))) == {"color": _model(**RGB, note=TRICKY)}
    # Exploded, the properties are query keys of their own: only the declared ones are the object's.
    assert _got(client.query_form_object_explode(_rgb(pkg))) == {"color": _model(**RGB)}
    spaced = [i.replace(" ", "") for i in HEADER_ITEMS]
    assert _got(client.query_space_array(spaced)) == {"color": spaced}
    assert _got(client.query_pipe_array(ITEMS)) == {"color": ITEMS}
    assert _got(client.query_deep_object(_rgb(pkg, note=TRICKY))) == {"color": _model(**RGB, note=TRICKY)}
    assert _got(client.query_reserved(TRICKY)) == {"q": TRICKY, "raw": None}
    got = _got(client.get_item("i/1", item_id_2="q", limit=2, status=pkg.models.Status.SOLD))
    assert got["item_id"] == "i/1" and got["item_id_2"] == "q" and got["limit"] == 2 and got["status"] == {"enum": "Status", "value": "sold"}


def test_header_and_cookie_styles_round_trip(params: tuple[Any, ModuleType, str]) -> None:
    client, pkg, _ = params
    got = _got(client.header_simple("blue", x_colors=HEADER_ITEMS, x_rgb=_rgb(pkg), x_rgb_explode=_rgb(pkg)))
    assert got == {"x_color": "blue", "x_colors": HEADER_ITEMS, "x_rgb": _model(**RGB), "x_rgb_explode": _model(**RGB)}
    got = _got(client.cookie_form(TRICKY.replace("\u00e9", ""), colors=ITEMS))
    assert got == {"color": TRICKY.replace("\u00e9", ""), "colors": ITEMS}


def test_swagger2_collection_formats_round_trip(params2: tuple[Any, ModuleType, str]) -> None:
    client, _, _ = params2
    plain = ["blue", "black", "x.y", "t=u"]
    for name in ("query_csv", "query_pipes", "query_ssv", "query_tsv"):
        assert _got(getattr(client, name)(plain)) == {"color": plain}, name
    assert _got(client.query_csv(ITEMS)) == {"color": ITEMS}
    assert _got(client.query_multi(ITEMS, n=[1, 2])) == {"color": ITEMS, "n": [1, 2]}
    assert _got(client.header_csv(HEADER_ITEMS)) == {"x_color": HEADER_ITEMS}
    assert list(_got(client.path_string(TRICKY)).values()) == [TRICKY]


MALFORMED = [
    ("/path/simple-array/x", None, None),  # fine: a one-item array (the control)
    ("/path/simple-object/R,1,G", "path", "color"),
    ("/path/simple-object/R,1,G,2,B,x", "path", "color"),
    ("/path/simple-object-explode/R=1,G=2", "path", "color"),
    ("/path/label/blue", "path", "color"),
    ("/path/label-object/.R,1,G,2,B,null", "path", "color"),
    ("/path/label-object-explode/.R=1.G=2.B=1.5", "path", "color"),
    ("/path/matrix/;other=1", "path", "color"),
    ("/path/matrix/blue", "path", "color"),
    ("/path/matrix-array/;color=a;color=b", "path", "color"),
    ("/path/matrix-object-explode/;R=1;G=2", "path", "color"),
    ("/query/form-object?color=R,1,G", "query", "color"),
    ("/query/form-object-explode?R=1&G=2", "query", "color"),
    ("/query/form-object-explode", "query", "color"),
    ("/query/deep-object?color[R]=1&color[G]=2&color[B]=x", "query", "color"),
    ("/query/form?color=a&count=x", "query", "count"),
    ("/items/1?status=unknown", "query", "status"),
    ("/query/pipe-array", "query", "color"),
]


@pytest.mark.parametrize("target,location,name", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_parameters_get_4xx_naming_the_parameter(params: tuple[Any, ModuleType, str], target: str,
                                                          location: str | None, name: str | None) -> None:
    _, _, base = params
    answer = httpx.get(base + target)
    if location is None:
        assert answer.status_code == 200, answer.text
        return
    assert answer.status_code in (400, 422), answer.text
    body = answer.json()
    assert any(e["location"][:2] == [location, name] for e in body["errors"]), body


def test_malformed_headers_and_cookies_get_4xx(params: tuple[Any, ModuleType, str]) -> None:
    _, _, base = params
    answer = httpx.get(base + "/header", headers={"X-Color": "a", "X-Rgb": "R,1,G"})
    assert answer.status_code == 422 and answer.json()["errors"][0]["location"][:2] == ["header", "X-Rgb"]
    answer = httpx.get(base + "/header", headers={"X-Color": "a", "X-Rgb-Explode": "R=1,G=2,B=z"})
    assert answer.status_code == 422 and answer.json()["errors"][0]["location"][:2] == ["header", "X-Rgb-Explode"]
    answer = httpx.get(base + "/cookie", headers={"Cookie": "colors=a"})
    assert answer.status_code == 422 and answer.json()["errors"][0]["location"][:2] == ["cookie", "color"]


def test_form_and_multipart_bodies_round_trip(bodies: tuple[Any, str, ModuleType]) -> None:
    client, _, pkg = bodies
    m = pkg.models
    got = _got(client.submit_form(m.SubmitFormBody(name=TRICKY, count=-3, agree=True, tags=["x", "y,z", ""])))
    assert got == {"body": {"model": "SubmitFormBody", "name": TRICKY, "count": -3, "agree": True,
                            "tags": ["x", "y,z", ""]}}
    # One item of an array field goes out as a single field: still a list.
    got = _got(client.submit_form({"name": "n", "tags": ["only"]}))
    assert got == {"body": {"model": "SubmitFormBody", "name": "n", "tags": ["only"]}}
    got = _got(client.upload_files(m.UploadFilesBody(file=b"\x00\xff main", note=TRICKY,
                                                     attachments=[b"one", b"\x00two"])))
    assert got == {"body": {"model": "UploadFilesBody", "file": {"bytes": "\x00\xff main"}, "note": TRICKY,
                            "attachments": [{"bytes": "one"}, {"bytes": "\x00two"}]}}
    got = _got(client.upload_files({"file": b"f", "attachments": [b"single"]}))
    assert got["body"]["attachments"] == [{"bytes": "single"}]


def test_swagger2_form_data_round_trip_and_closed_set(params2: tuple[Any, ModuleType, str]) -> None:
    client, pkg, _ = params2
    got = _got(client.form_csv(pkg.models.FormCsvBody(name=TRICKY, tags=["a", "b,c"])))
    assert got == {"body": {"model": "FormCsvBody", "name": TRICKY, "tags": ["a", "b,c"]}}
    got = _got(client.upload_file({"file": b"\x01\x02", "note": "n"}))
    assert got == {"body": {"model": "UploadFileBody", "file": {"bytes": "\x01\x02"}, "note": "n"}}


MALFORMED_BODIES = [
    ("/forms", {"data": {"count": "1"}}, ["body"], "name"),  # required field missing
    ("/forms", {"data": {"name": "n", "count": "x"}}, ["body", "count"], None),
    ("/forms", {"data": {"name": "n", "agree": "maybe"}}, ["body", "agree"], None),
    ("/forms", {"data": {"name": ["a", "b"]}}, ["body", "name"], None),  # a repeated single field
    ("/uploads", {"data": {"note": "no file"}, "files": {"attachments": b"x"}}, ["body"], "file"),
]


@pytest.mark.parametrize("path,request_kwargs,location,named", MALFORMED_BODIES,
                         ids=[f"{m[0]}-{i}" for i, m in enumerate(MALFORMED_BODIES)])
def test_malformed_bodies_get_4xx_naming_the_field(bodies: tuple[Any, str, ModuleType], path: str,
                                                   request_kwargs: dict[str, Any], location: list[str],
                                                   named: str | None) -> None:
    _, base, _ = bodies
    answer = httpx.post(base + path, **request_kwargs)
    assert answer.status_code in (400, 422), answer.text
    errors = answer.json()["errors"]
    assert any(e["location"][: len(location)] == location for e in errors), errors
    if named is not None:
        assert named in answer.text


def test_swagger2_form_data_rejects_unknown_fields(params2: tuple[Any, ModuleType, str]) -> None:
    _, _, base = params2
    answer = httpx.post(base + "/form", data={"name": "n", "extra": "1"})
    assert answer.status_code == 422 and "extra" in answer.text, answer.text
    answer = httpx.post(base + "/upload", files={"file": b"f", "extra": b"x"})
    assert answer.status_code == 422 and "extra" in answer.text, answer.text
