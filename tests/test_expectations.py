"""Hand-written expectations on the golden output in examples/, which ``make examples`` rewrites.

tests/test_golden.py proves only that examples/ is what the generator makes today; a change that
breaks the wire would regenerate the goldens and pass. These expectations are written by hand from
the OpenAPI specification (the style table, the security schemes, the media types) and from the
specs in specs/; regenerating examples/ cannot change them. For each example:

- the exact request of one call per operation kind, captured with a recording transport (the
  request never leaves the process): the request line (method, path and query as sent), the
  headers the spec puts on the wire, and the body (JSON compared as data; form, text, bytes and
  multipart parts as bytes);
- the default base URL the client takes from ``servers`` (or ``host``/``basePath``);
- the exact field types of the models, one per schema feature: the annotation as written, the
  wire name (alias), whether the field is required and its default.

Where today's output is wrong, the expectation says what is right and is marked
``xfail(strict=True)`` naming the class of the bug, so it turns into a failure (to be unmarked)
the day the fix lands.
"""

from __future__ import annotations

import ast
import datetime
import enum
import importlib
import inspect
import json
import re
import uuid
import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx
import pytest
from helpers import ROOT, import_fresh
from pydantic_core import PydanticUndefined

EXAMPLES = ROOT / "examples"
PACKAGES = {e["out"].split("/")[-1]: e["package"] for e in json.loads((EXAMPLES / "index.json").read_text("utf-8"))}
RGB = {"R": 100, "G": 200, "B": 150}  # the OpenAPI style table's example values
COLORS = ["blue", "black", "brown"]

def example(name: str) -> ModuleType:
    """The package of examples/NAME, imported afresh (three examples share the name petstore)."""
    return import_fresh(EXAMPLES / name, PACKAGES[name])


class _Sent(Exception):
    def __init__(self, request: httpx.Request) -> None:
        super().__init__(request.url)
        self.request = request


def _record(request: httpx.Request) -> httpx.Response:
    request.read()
    raise _Sent(request)


def sent(pkg: ModuleType, call: Callable[[Any], Any], base_url: str | None = "http://h",
         **options: Any) -> httpx.Request:
    """The request ``call(client)`` sends (stopped in the transport)."""
    with pkg.Client(base_url, transport=httpx.MockTransport(_record), retries=0, **options) as client:
        with pytest.raises(_Sent) as info:
            call(client)
    return info.value.request


def line(request: httpx.Request) -> str:
    """The request line as sent: method, path and query."""
    return f"{request.method} {request.url.raw_path.decode('ascii')}"


def wire(request: httpx.Request, *names: str) -> dict[str, str]:
    """The headers ``names`` (lower case) that the request carries."""
    return {n: request.headers[n] for n in names if n in request.headers}


def json_body(request: httpx.Request) -> Any:
    assert request.headers["content-type"] == "application/json", request.headers
    return json.loads(request.content)


def multipart(request: httpx.Request) -> list[tuple[str, str | None, str | None, bytes]]:
    """The parts of a multipart/form-data body: (name, filename, content type, bytes)."""
    kind, _, boundary = request.headers["content-type"].partition("; boundary=")
    assert kind == "multipart/form-data" and boundary
    parts = request.content.split(b"--" + boundary.encode())
    assert parts[0] == b"" and parts[-1] == b"--\r\n", request.content
    found = []
    for part in parts[1:-1]:
        head, _, data = part.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        disposition = re.search(rb'name="([^"]*)"(?:; filename="([^"]*)")?', head)
        media = re.search(rb"Content-Type: (\S+)", head)
        assert disposition is not None and data.endswith(b"\r\n"), part
        found.append((disposition.group(1).decode(), disposition.group(2).decode() if disposition.group(2) else None,
                      media.group(1).decode() if media else None, data[:-2]))
    return found


def fields(model: type) -> dict[str, str]:
    """Each field of ``model`` (its own, not inherited) as ``ANNOTATION [= DEFAULT] [@ALIAS]``:
    the annotation as the generated code writes it, the default when the field is optional,
    the wire name when it differs from the attribute."""
    source = ast.parse(inspect.getsource(model).lstrip())
    written = {s.target.id: ast.unparse(s.annotation) for s in source.body[0].body  # type: ignore[attr-defined]
               if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name) and s.target.id != "model_config"}
    described = {}
    for name, annotation in written.items():
        info = model.model_fields[name]  # type: ignore[attr-defined]
        text = annotation
        if not info.is_required():
            default = info.default.value if isinstance(info.default, enum.Enum) else info.default
            text += f" = {default!r}" if default is not PydanticUndefined else " = <factory>"
        if info.alias is not None and info.alias != name:
            text += f" @{info.alias}"
        described[name] = text
    return described


def bases(model: type) -> list[str]:
    return [b.__name__ for b in model.__bases__]


def members(cls: type[enum.Enum]) -> dict[str, Any]:
    return {m.name: m.value for m in cls}


def alias(module: ModuleType, name: str) -> str:
    """A type alias of the models as written: ``Shape: TypeAlias = Circle | Square``."""
    source = ast.parse(inspect.getsource(module))
    return next(ast.unparse(s.value) for s in source.body if isinstance(s, ast.AnnAssign)
                and isinstance(s.target, ast.Name) and s.target.id == name and s.value is not None)


def models_module(pkg: ModuleType, name: str) -> ModuleType:
    """The module of the models package that defines ``name``."""
    return importlib.import_module(f"{pkg.__name__}.models.{pkg.models._MODULES[name]}")


def answer(pkg: ModuleType, call: Callable[[Any], Any], status: int, body: Any,
           content_type: str = "application/json") -> Any:
    """What ``call(client)`` returns when the server answers ``status`` with ``body``."""
    content = json.dumps(body).encode() if content_type.endswith("json") else body

    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content, headers={"content-type": content_type})

    with pkg.Client("http://h", transport=httpx.MockTransport(reply), retries=0) as client:
        return call(client)


# --------------------------------------------------------------------------- base URLs


@pytest.mark.parametrize(("name", "call", "url"), [
    ("petstore-2.0", lambda c: c.list_pets(), "https://petstore.example.com/v1/pets"),
    ("petstore-3.0", lambda c: c.list_pets(), "https://petstore.example.com/v1/pets"),
    ("petstore-3.1", lambda c: c.list_pets(), "https://petstore.example.com/v1/pets"),
    ("features-params-3.0", lambda c: c.path_simple("x"), "http://127.0.0.1:4010/path/simple/x"),
    ("features-params-2.0", lambda c: c.path_string("x"), "http://127.0.0.1:4010/v2/path/x"),
    ("features-security-3.0", lambda c: c.without_auth(), "http://127.0.0.1:4010/api/public"),  # variables' defaults
    ("features-bodies-3.0", lambda c: c.get_report(), "http://127.0.0.1:4010/v1/report"),
    ("features-composition-2.0", lambda c: c.list_animals(), "https://api.example.com/v1/animals"),
    ("features-composition-3.1", lambda c: c.list_animals(), "https://api.example.com/v1/animals"),
    ("features-maps-2.0", lambda c: c.get_inventory(), "https://api.example.com/v1/inventory"),
    ("features-nullable-3.0", lambda c: c.get_person(1), "https://api.example.com/v1/people/1"),
    ("features-recursive-3.1", lambda c: c.get_tree(), "https://api.example.com/v1/tree"),
    ("features-scalars-2.0", lambda c: c.list_events(), "https://api.example.com/v1/events"),
    ("features-unions-3.0", lambda c: c.list_shapes(), "https://api.example.com/v1/shapes"),
])
def test_default_base_url(name: str, call: Callable[[Any], Any], url: str) -> None:
    """Without ``base_url`` the client calls the spec's first server (Swagger 2: scheme, host and
    basePath), server variables at their defaults."""
    assert str(sent(example(name), call, base_url=None).url) == url


@pytest.mark.parametrize("name", ["aws-cognito-openid-token", "aws-cognito-merged"])
def test_no_server_in_the_spec_means_base_url_is_required(name: str) -> None:
    """A Swagger 2.0 spec without ``host`` is served from wherever its document is: the client
    cannot know where, so it asks for ``base_url`` (a clear TypeError or ValueError naming it)."""
    pkg = example(name)
    with pytest.raises((TypeError, ValueError), match="base_url"):
        pkg.Client()


# --------------------------------------------------------------------------- AWS: ?Action= constants


def test_cognito_seed_sends_the_action_constant_first() -> None:
    pkg = example("aws-cognito-openid-token")
    request = sent(pkg, lambda c: c.get_open_id_token(identity_id="us-east-1:1234", logins="x"))
    assert line(request) == "GET /?Action=GetOpenIdToken&IdentityId=us-east-1%3A1234&Logins=x"
    assert request.content == b""
    request = sent(pkg, lambda c: c.get_open_id_token_for_developer_identity(identity_pool_id="p", token_duration="60"))
    assert line(request) == "GET /?Action=GetOpenIdTokenForDeveloperIdentity&IdentityPoolId=p&TokenDuration=60"
    assert line(sent(pkg, lambda c: c.get_open_id_token())) == "GET /?Action=GetOpenIdToken"  # optional: left out


def test_cognito_merged_split_layout_sends_the_same() -> None:
    """The split layout (100 operations): the operation module loads on the first call."""
    pkg = example("aws-cognito-merged")
    request = sent(pkg, lambda c: c.admin_add_user_to_group(group_name="g", username="u 1", user_pool_id="p"))
    assert line(request) == "GET /?Action=AdminAddUserToGroup&GroupName=g&Username=u%201&UserPoolId=p"
    assert line(sent(pkg, lambda c: c.list_identity_pools(max_results="5"))) == \
        "GET /?Action=ListIdentityPools&MaxResults=5"


# --------------------------------------------------------------------------- petstore


@pytest.mark.parametrize("name", ["petstore-2.0", "petstore-3.0", "petstore-3.1"])
def test_petstore_wire(name: str) -> None:
    pkg = example(name)
    m = pkg.models
    request = sent(pkg, lambda c: c.list_pets(limit=10, tags=["a", "b"]), api_key="k")
    assert line(request) == "GET /pets?limit=10&tags=a,b"  # form, explode false (2.0: csv)
    assert wire(request, "x-api-key", "accept") == {"x-api-key": "k", "accept": "application/json"}
    request = sent(pkg, lambda c: c.create_pet(m.Pet(id=1, name="Rex", status=m.Status.AVAILABLE)), api_key="k")
    assert line(request) == "POST /pets" and json_body(request) == {"id": 1, "name": "Rex", "status": "available"}
    assert line(sent(pkg, lambda c: c.show_pet_by_id("a/b c"), api_key="k")) == "GET /pets/a%2Fb%20c"
    request = sent(pkg, lambda c: c.delete_pet("7", x_request_id=uuid.UUID(int=5)), api_key="k")
    assert line(request) == "DELETE /pets/7"
    # security: [] on deletePet: no key, though the client has one.
    assert wire(request, "x-api-key", "x-request-id") == {"x-request-id": "00000000-0000-0000-0000-000000000005"}


@pytest.mark.parametrize("name", ["petstore-2.0", "petstore-3.0", "petstore-3.1"])
def test_petstore_models(name: str) -> None:
    m = example(name).models
    assert fields(m.Pet) == {"id_": "int @id", "name": "str", "tag": "str | None = None",
                             "status": "Status | None = None"}
    assert fields(m.Error) == {"code": "int", "message": "str"}
    assert members(m.Status) == {"AVAILABLE": "available", "PENDING": "pending", "SOLD": "sold"}
    assert alias(models_module(example(name), "Pets"), "Pets") == "list[Pet]"
    pkg = example(name)
    pets = answer(pkg, lambda c: c.list_pets(), 200, [{"id": 1, "name": "Rex", "status": "new"}])
    assert pets == [pkg.models.Pet(id=1, name="Rex", status="new")] and pets[0].status == "new"  # an open enum


# --------------------------------------------------------------------------- parameter styles (3.0)


@pytest.mark.parametrize(("operation", "value", "expected"), [
    ("path_simple", "blue", "/path/simple/blue"),
    ("path_simple_array", COLORS, "/path/simple-array/blue,black,brown"),
    ("path_simple_array_explode", COLORS, "/path/simple-array-explode/blue,black,brown"),
    ("path_simple_object", RGB, "/path/simple-object/R,100,G,200,B,150"),
    ("path_simple_object_explode", RGB, "/path/simple-object-explode/R=100,G=200,B=150"),
    ("path_label", "blue", "/path/label/.blue"),
    ("path_label_array", COLORS, "/path/label-array/.blue,black,brown"),
    ("path_label_array_explode", COLORS, "/path/label-array-explode/.blue.black.brown"),
    ("path_label_object", RGB, "/path/label-object/.R,100,G,200,B,150"),
    ("path_label_object_explode", RGB, "/path/label-object-explode/.R=100.G=200.B=150"),
    ("path_matrix", "blue", "/path/matrix/;color=blue"),
    ("path_matrix_array", COLORS, "/path/matrix-array/;color=blue,black,brown"),
    ("path_matrix_array_explode", COLORS, "/path/matrix-array-explode/;color=blue;color=black;color=brown"),
    ("path_matrix_object", RGB, "/path/matrix-object/;color=R,100,G,200,B,150"),
    ("path_matrix_object_explode", RGB, "/path/matrix-object-explode/;R=100;G=200;B=150"),
    ("query_form_array", COLORS, "/query/form-array?color=blue,black,brown"),
    ("query_form_array_explode", COLORS, "/query/form-array-explode?color=blue&color=black&color=brown"),
    ("query_form_object", RGB, "/query/form-object?color=R,100,G,200,B,150"),
    ("query_form_object_explode", RGB, "/query/form-object-explode?R=100&G=200&B=150"),
    ("query_space_array", COLORS, "/query/space-array?color=blue%20black%20brown"),
    ("query_pipe_array", COLORS, "/query/pipe-array?color=blue%7Cblack%7Cbrown"),
    ("query_deep_object", RGB, "/query/deep-object?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
])
def test_the_style_table(operation: str, value: Any, expected: str) -> None:
    """Every row of the OpenAPI 3 style table for ``color`` (path and query), as sent."""
    pkg = example("features-params-3.0")
    if value is RGB:
        value = pkg.models.Rgb(**RGB)
    assert line(sent(pkg, lambda c: getattr(c, operation)(value))) == f"GET {expected}"


def test_params_3_0_query_header_cookie() -> None:
    pkg = example("features-params-3.0")
    m = pkg.models
    assert line(sent(pkg, lambda c: c.query_form("blue", count=3, flag=True))) == \
        "GET /query/form?color=blue&count=3&flag=true"
    assert line(sent(pkg, lambda c: c.query_form("a b&c=d"))) == "GET /query/form?color=a%20b%26c%3Dd"
    # allowReserved: the reserved characters of the value go as they are.
    assert line(sent(pkg, lambda c: c.query_reserved("a/b:c,d", raw="a/b:c,d"))) == \
        "GET /query/reserved?q=a%2Fb%3Ac%2Cd&raw=a/b:c,d"
    rgb = m.Rgb(**RGB)
    request = sent(pkg, lambda c: c.header_simple("blue", x_colors=COLORS, x_rgb=rgb, x_rgb_explode=rgb))
    assert line(request) == "GET /header"
    assert wire(request, "x-color", "x-colors", "x-rgb", "x-rgb-explode") == {
        "x-color": "blue", "x-colors": "blue,black,brown", "x-rgb": "R,100,G,200,B,150",
        "x-rgb-explode": "R=100,G=200,B=150"}
    request = sent(pkg, lambda c: c.cookie_form("blue", colors=COLORS))
    assert line(request) == "GET /cookie"
    assert wire(request, "cookie") == {"cookie": "color=blue; colors=blue,black,brown"}
    since = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    request = sent(pkg, lambda c: c.get_item("a b/c", item_id_2="q", limit=5, status=m.Status.SOLD, since=since,
                                             x_trace_id=uuid.UUID(int=1)))
    assert line(request) == "GET /items/a%20b%2Fc?itemId=q&limit=5&status=sold&since=2024-01-02T03%3A04%3A05%2B00%3A00"
    assert wire(request, "x-trace-id") == {"x-trace-id": "00000000-0000-0000-0000-000000000001"}
    request = sent(pkg, lambda c: c.get_item("x"))  # optional parameters left out, not sent empty
    assert line(request) == "GET /items/x" and wire(request, "x-trace-id") == {}


def test_params_3_0_async_client_sends_the_same() -> None:
    import asyncio

    pkg = example("features-params-3.0")

    async def run() -> httpx.Request:
        async def record(request: httpx.Request) -> httpx.Response:
            await request.aread()
            raise _Sent(request)

        async with pkg.AsyncClient("http://h", transport=httpx.MockTransport(record), retries=0) as client:
            with pytest.raises(_Sent) as info:
                await client.path_matrix_array_explode(COLORS)
        return info.value.request

    assert line(asyncio.run(run())) == "GET /path/matrix-array-explode/;color=blue;color=black;color=brown"


def test_params_3_0_models() -> None:
    pkg = example("features-params-3.0")
    m = pkg.models
    assert fields(m.Rgb) == {"r": "int @R", "g": "int @G", "b": "int @B"}
    assert fields(m.Echo) == {"path": "str | None = None", "query": "str | None = None"}
    assert members(m.Status) == {"AVAILABLE": "available", "PENDING": "pending", "SOLD": "sold"}
    assert alias(models_module(pkg, "Colors"), "Colors") == "list[str]"


# --------------------------------------------------------------------------- collection formats (2.0)


def test_params_2_0_collection_formats_and_form_data() -> None:
    pkg = example("features-params-2.0")
    for operation, expected in (("query_csv", "/csv?color=blue,black,brown"),
                                ("query_ssv", "/ssv?color=blue%20black%20brown"),
                                ("query_tsv", "/tsv?color=blue%09black%09brown"),
                                ("query_pipes", "/pipes?color=blue%7Cblack%7Cbrown")):
        assert line(sent(pkg, lambda c: getattr(c, operation)(COLORS))) == f"GET {expected}"
    assert line(sent(pkg, lambda c: c.query_multi(COLORS, n=[1, 2]))) == \
        "GET /multi?color=blue&color=black&color=brown&n=1&n=2"
    request = sent(pkg, lambda c: c.header_csv(COLORS))
    assert line(request) == "GET /header" and wire(request, "x-color") == {"x-color": "blue,black,brown"}
    assert line(sent(pkg, lambda c: c.path_string("a b"))) == "GET /path/a%20b"
    request = sent(pkg, lambda c: c.form_csv({"name": "n&m", "tags": ["x", "y"]}))
    assert line(request) == "POST /form" and request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.content == b"name=n%26m&tags=x&tags=y"  # collectionFormat multi: one pair per item
    request = sent(pkg, lambda c: c.upload_file({"file": ("f.bin", b"\x00\x01", "application/octet-stream"),
                                                 "note": "hi"}))
    assert line(request) == "POST /upload"
    assert multipart(request) == [("file", "f.bin", "application/octet-stream", b"\x00\x01"),
                                  ("note", None, None, b"hi")]
    m = pkg.models
    assert fields(m.FormCsvBody) == {"name": "str", "tags": "list[str] | None = None"}
    assert fields(m.UploadFileBody) == {"file": "bytes", "note": "str | None = None"}


# --------------------------------------------------------------------------- security schemes


CREDENTIALS = {"header_key": "hk", "query_key": "qk", "cookie_key": "ck", "basic_auth": ("ann", "pw"),
               "bearer_auth": "bt", "oauth": "ot", "open_id": "oi"}


@pytest.mark.parametrize(("operation", "expected_line", "expected_headers"), [
    ("with_header_key", "GET /header-key", {"x-api-key": "hk"}),
    ("with_query_key", "GET /query-key?api_key=qk", {}),
    ("with_cookie_key", "GET /cookie-key", {"cookie": "session=ck"}),
    ("with_basic", "GET /basic", {"authorization": "Basic YW5uOnB3"}),
    ("with_bearer", "GET /bearer", {"authorization": "Bearer bt"}),  # the document's default security
    ("with_oauth2", "GET /oauth2", {"authorization": "Bearer ot"}),
    ("with_open_id_connect", "GET /openid", {"authorization": "Bearer oi"}),
    ("with_either", "GET /either", {"x-api-key": "hk"}),  # the first alternative the client can satisfy
    ("with_both", "GET /both?api_key=qk", {"x-api-key": "hk"}),
    ("with_optional_key", "GET /optional", {"x-api-key": "hk"}),
    ("without_auth", "GET /public", {}),  # security: [] sends nothing, whatever the client holds
])
def test_every_security_scheme_on_the_wire(operation: str, expected_line: str,
                                           expected_headers: dict[str, str]) -> None:
    request = sent(example("features-security-3.0"), lambda c: getattr(c, operation)(), **CREDENTIALS)
    assert line(request) == expected_line
    assert wire(request, "x-api-key", "cookie", "authorization") == expected_headers


def test_security_alternatives_without_every_credential() -> None:
    pkg = example("features-security-3.0")
    request = sent(pkg, lambda c: c.with_either(), basic_auth=("ann", "pw"))
    assert wire(request, "x-api-key", "authorization") == {"authorization": "Basic YW5uOnB3"}
    request = sent(pkg, lambda c: c.with_optional_key())  # anonymous is an alternative
    assert line(request) == "GET /optional" and wire(request, "x-api-key", "authorization", "cookie") == {}
    assert fields(pkg.models.Whoami) == {"scheme": "str", "user": "str | None = None"}


# --------------------------------------------------------------------------- bodies and answers


def test_bodies_of_every_kind() -> None:
    pkg = example("features-bodies-3.0")
    m = pkg.models
    thing = m.Thing(display_name="Box", kind=m.Kind.GADGET, tags=[m.Tag(name="t")])
    request = sent(pkg, lambda c: c.create_thing(thing))
    assert line(request) == "POST /things"
    assert json_body(request) == {"displayName": "Box", "kind": "gadget", "tags": [{"name": "t"}]}
    # The 4XX answer is application/problem+json: the client accepts what the spec declares.
    assert wire(request, "accept") == {"accept": "application/json, application/problem+json"}
    request = sent(pkg, lambda c: c.submit_form({"name": "a b&c", "count": 2, "agree": True, "tags": ["x", "y"]}))
    assert line(request) == "POST /forms" and request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.content == b"name=a+b%26c&count=2&agree=true&tags=x&tags=y"  # arrays in forms explode
    request = sent(pkg, lambda c: c.upload_files({"file": ("a.txt", b"ab", "text/plain"), "note": "hi",
                                                  "attachments": [b"1", b"22"]}))
    assert line(request) == "POST /uploads"
    parts = multipart(request)
    assert [(n, f, t) for n, f, t, _ in parts if n == "file"] == [("file", "a.txt", "text/plain")]
    assert [(n, d) for n, _, _, d in parts] == [("file", b"ab"), ("note", b"hi"), ("attachments", b"1"),
                                                ("attachments", b"22")]
    request = sent(pkg, lambda c: c.put_blob("b 1", b"\x00\x01\xff"))
    assert line(request) == "PUT /blobs/b%201" and request.content == b"\x00\x01\xff"
    assert request.headers["content-type"] == "application/octet-stream"
    request = sent(pkg, lambda c: c.add_note(body="quiet"))
    assert line(request) == "POST /notes" and request.content == b"quiet"
    assert wire(request, "content-type", "accept") == {"content-type": "text/plain", "accept": "text/plain"}
    assert line(sent(pkg, lambda c: c.get_thing("a/b?c#d"))) == "GET /things/a%2Fb%3Fc%23d"
    assert line(sent(pkg, lambda c: c.delete_thing("1"))) == "DELETE /things/1"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert line(sent(pkg, lambda c: c.list_things(kind=m.Kind.GIZMO))) == "GET /things?kind=gizmo"
    assert [w.category for w in caught] == [DeprecationWarning]  # deprecated: true


def test_answers_of_every_kind() -> None:
    pkg = example("features-bodies-3.0")
    m = pkg.models
    thing = answer(pkg, lambda c: c.get_thing("1"), 200, {"id": 1, "displayName": "Box", "kind": "gadget"})
    assert thing == m.Thing(id=1, display_name="Box", kind="gadget") and isinstance(thing.kind, m.Kind)
    assert answer(pkg, lambda c: c.get_blob("b"), 200, b"\x00\xff", "application/octet-stream") == b"\x00\xff"
    assert answer(pkg, lambda c: c.add_note(body="x"), 200, b"X", "text/plain") == "X"
    assert answer(pkg, lambda c: c.delete_thing("1"), 204, b"", "application/octet-stream") is None
    with pytest.raises(pkg.errors.NotFoundError) as missing:
        answer(pkg, lambda c: c.get_thing("1"), 404, {"message": "no"})
    assert missing.value.status_code == 404 and missing.value.parsed == m.NotFound(message="no")
    with pytest.raises(pkg.ApiError) as problem:
        answer(pkg, lambda c: c.create_thing(m.Thing(display_name="B", kind="gizmo")), 409, {"title": "exists"},
               "application/problem+json")
    assert problem.value.status_code == 409 and problem.value.parsed == m.Problem(title="exists")


def test_bodies_models() -> None:
    m = example("features-bodies-3.0").models
    assert fields(m.Thing) == {
        "id_": "int | None = None @id",  # readOnly: never required
        "display_name": "str @displayName",
        "kind": "Kind",
        "size": "Literal['small', 'large'] | str | None = None",  # an inline enum, open to new values
        "weight": "float | None = None",
        "created_at": "datetime.datetime | None = None @createdAt",
        "tags": "list[Tag] | None = None",
    }
    assert members(m.Kind) == {"GADGET": "gadget", "GIZMO": "gizmo"}
    assert fields(m.Report) == {"total": "int | None = None", "kinds": "dict[str, int] | None = None"}
    assert fields(m.Received) == {"form": "dict[str, Any] | None = None",
                                  "files": "list[ReceivedFilesItem] | None = None"}
    assert fields(m.ReceivedFilesItem) == {"field": "str | None = None", "filename": "str | None = None",
                                           "content_type": "str | None = None @contentType",
                                           "size": "int | None = None"}
    assert fields(m.NotFound) == {"message": "str", "id_": "str | None = None @id"}
    assert fields(m.SubmitFormBody) == {"name": "str", "count": "int | None = None", "agree": "bool | None = None",
                                        "tags": "list[str] | None = None"}
    assert fields(m.UploadFilesBody) == {"file": "bytes", "note": "str | None = None",
                                         "attachments": "list[bytes] | None = None"}


# --------------------------------------------------------------------------- schema features, per version


@pytest.mark.parametrize("name", ["features-composition-2.0", "features-composition-3.0", "features-composition-3.1"])
def test_composition(name: str) -> None:
    pkg = example(name)
    m = pkg.models
    assert bases(m.Document) == ["Resource", "Timestamps"] and fields(m.Document) == {
        "title": "str", "body": "str | None = None"}  # allOf of two refs and an inline part
    assert bases(m.Report) == ["Document"] and fields(m.Report) == {"pages": "int"}  # two levels
    assert fields(m.Resource) == {"id_": "str @id"}
    assert fields(m.Timestamps) == {"created_at": "datetime.datetime | None = None @createdAt",
                                    "updated_at": "datetime.datetime | None = None @updatedAt"}
    assert fields(m.Animal) == {"kind": "str", "name": "str"}
    assert bases(m.Dog) == ["Animal"] and fields(m.Dog) == {"barks": "bool | None = None"}
    assert bases(m.Cat) == ["Animal"] and fields(m.Cat) == {"lives": "int | None = None"}
    at = datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.timezone.utc)
    request = sent(pkg, lambda c: c.create_document(m.Document(id="d1", title="T", created_at=at)))
    assert line(request) == "POST /documents"
    assert json_body(request) == {"id": "d1", "title": "T", "createdAt": "2024-06-01T12:00:00Z"}
    assert line(sent(pkg, lambda c: c.get_report("r/1"))) == "GET /reports/r%2F1"
    request = sent(pkg, lambda c: c.put_dog(m.Dog(kind="Dog", name="Rex", barks=True)))
    assert line(request) == "PUT /animals" and json_body(request) == {"kind": "Dog", "name": "Rex", "barks": True}
    report = answer(pkg, lambda c: c.get_report("r1"), 200, {"id": "r1", "title": "Q2", "pages": 12})
    assert isinstance(report, m.Report) and (report.id_, report.title, report.pages) == ("r1", "Q2", 12)


@pytest.mark.parametrize("name", ["features-unions-3.0", "features-unions-3.1"])
def test_unions(name: str) -> None:
    pkg = example(name)
    m = pkg.models
    assert alias(models_module(pkg, "Shape"), "Shape") == "Circle | Square"
    assert alias(models_module(pkg, "Contact"), "Contact") == "EmailContact | PhoneContact"
    assert fields(m.Circle) == {"shape": "Literal['circle']", "radius": "float"}
    assert fields(m.Square) == {"shape": "Literal['square']", "side": "float"}
    assert fields(m.Label) == {"id_": "str | int @id", "note": "str | None = None"}
    request = sent(pkg, lambda c: c.add_shape(m.Square(shape="square", side=2)))
    assert line(request) == "POST /shapes" and json_body(request) == {"shape": "square", "side": 2}
    request = sent(pkg, lambda c: c.add_contact(m.EmailContact(email="a@b.c")))
    assert line(request) == "POST /contacts" and json_body(request) == {"email": "a@b.c"}
    assert json_body(sent(pkg, lambda c: c.add_label(m.Label(id=7)))) == {"id": 7}
    assert json_body(sent(pkg, lambda c: c.add_label(m.Label(id="7")))) == {"id": "7"}
    shapes = answer(pkg, lambda c: c.list_shapes(), 200, [{"shape": "circle", "radius": 1.5},
                                                          {"shape": "square", "side": 2}])
    assert [type(s).__name__ for s in shapes] == ["Circle", "Square"]  # the discriminator decides


@pytest.mark.parametrize("name", ["features-nullable-2.0", "features-nullable-3.0", "features-nullable-3.1"])
def test_nullable(name: str) -> None:
    pkg = example(name)
    m = pkg.models
    assert fields(m.Profile) == {
        "id_": "int @id",
        "nickname": "str | None",  # required, but may be null: no default
        "bio": "str | None = None",
        "age": "int | None = None",
        "score": "float | None = None",
        "tags": "list[str] | None = None",
        "status": "Literal['active', 'inactive'] | str | None = None",
        "manager": "Person | None = None",  # a reference that may be null
    }
    request = sent(pkg, lambda c: c.put_profile(5, m.Profile(id=5, nickname=None)))
    assert line(request) == "PUT /profiles/5" and json_body(request) == {"id": 5, "nickname": None}
    request = sent(pkg, lambda c: c.put_profile(5, m.Profile(id=5, nickname="x", manager=None)))
    assert json_body(request) == {"id": 5, "nickname": "x", "manager": None}  # null said, not left out
    profile = answer(pkg, lambda c: c.get_profile(1), 200, {"id": 1, "nickname": None, "manager": None,
                                                            "tags": None})
    assert profile == m.Profile(id=1, nickname=None, manager=None, tags=None)


@pytest.mark.parametrize("name", ["features-maps-2.0", "features-maps-3.0", "features-maps-3.1"])
def test_maps(name: str) -> None:
    pkg = example(name)
    m = pkg.models
    assert fields(m.Inventory) == {
        "counts": "dict[str, int]",
        "items": "dict[str, Item] | None = None",
        "aliases": "dict[str, list[str]] | None = None",
        "metadata": "dict[str, Any] | None = None",  # type: object, no properties
        "attributes": "dict[str, Any] | None = None",  # additionalProperties: true
    }
    assert alias(models_module(pkg, "Prices"), "Prices") == "dict[str, float]"
    assert fields(m.Settings) == {"theme": "str"}
    request = sent(pkg, lambda c: c.put_inventory(m.Inventory(counts={"north": 3}, items={"a1": m.Item(sku="a1")})))
    assert line(request) == "PUT /inventory"
    assert json_body(request) == {"counts": {"north": 3}, "items": {"a1": {"sku": "a1"}}}
    assert json_body(sent(pkg, lambda c: c.set_prices({"apple": 0.5}))) == {"apple": 0.5}
    request = sent(pkg, lambda c: c.save_settings(m.Settings(theme="dark", locale="en-GB")))
    assert line(request) == "POST /settings" and json_body(request) == {"theme": "dark", "locale": "en-GB"}
    inventory = answer(pkg, lambda c: c.get_inventory(), 200, {"counts": {"n": 1}, "items": {"a": {"sku": "a"}}})
    assert isinstance(inventory.items["a"], m.Item)


@pytest.mark.parametrize("name", ["features-recursive-2.0", "features-recursive-3.0", "features-recursive-3.1"])
def test_recursive(name: str) -> None:
    pkg = example(name)
    m = pkg.models
    assert fields(m.TreeNode) == {"name": "str", "children": "list[TreeNode] | None = None"}
    assert fields(m.Employee) == {"name": "str", "employer": "Company | None = None"}
    assert fields(m.Company) == {"name": "str", "parent": "Company | None = None",
                                 "employees": "list[Employee] | None = None"}
    request = sent(pkg, lambda c: c.replace_tree(m.TreeNode(name="a", children=[m.TreeNode(name="b")])))
    assert line(request) == "POST /tree" and json_body(request) == {"name": "a", "children": [{"name": "b"}]}
    assert line(sent(pkg, lambda c: c.get_employee(3))) == "GET /employees/3"
    tree = answer(pkg, lambda c: c.get_tree(), 200, {"name": "a", "children": [{"name": "b", "children": []}]})
    assert isinstance(tree.children[0], m.TreeNode)


SCALAR_FIELDS = {
    "id_": "uuid.UUID | None = None @id",  # readOnly
    "kind": "Literal['event']",  # a one-value enum (const in 3.1)
    "title": "str",
    "code": "str | None = None",
    "day": "datetime.date",
    "at": "datetime.datetime | None = None",
    "payload": "str | None = None",  # format: byte is base64 text
    "count": "int | None = None",
    "total": "int | None = None",
    "ratio": "float | None = None",
    "amount": "float | None = None",
    "email": "str | None = None",
    "homepage": "str | None = None",
    "tags": "list[str] | None = None",
    "visibility": "Literal['public', 'private'] | str | None = 'public'",
    "retries": "int | None = 3",
    "enabled": "bool | None = True",
    "secret": "str | None = None",  # writeOnly
}


@pytest.mark.parametrize("name", ["features-scalars-2.0", "features-scalars-3.0", "features-scalars-3.1"])
def test_scalars(name: str) -> None:
    pkg = example(name)
    m = pkg.models
    described = fields(m.Event)
    assert {k: v for k, v in described.items() if k not in ("color", "priority")} == SCALAR_FIELDS
    assert members(m.Color) == {"RED": "red", "GREEN": "green", "BLUE": "blue"}
    assert members(m.Priority) == {"VALUE_1": 1, "VALUE_2": 2, "VALUE_3": 3}
    assert bases(m.Color) == ["OpenStrEnum"] and bases(m.Priority) == ["OpenIntEnum"]
    request = sent(pkg, lambda c: c.create_event(m.Event(kind="event", title="T", day=datetime.date(2024, 6, 1))))
    assert line(request) == "POST /events"
    assert json_body(request) == {"kind": "event", "title": "T", "day": "2024-06-01"}
    request = sent(pkg, lambda c: c.list_events(color="red", priority=2, since=datetime.date(2024, 6, 1), limit=5))
    assert line(request) == "GET /events?color=red&priority=2&since=2024-06-01&limit=5"
    request = sent(pkg, lambda c: c.put_attachment(uuid.UUID(int=9), b"\x01"))
    assert line(request) == "PUT /events/00000000-0000-0000-0000-000000000009/attachment"
    assert request.content == b"\x01" and request.headers["content-type"] == "application/octet-stream"


@pytest.mark.parametrize("name", ["features-scalars-2.0", "features-scalars-3.0", "features-scalars-3.1"])
def test_scalars_enum_reference_defaults(name: str) -> None:
    """``color: {allOf: [$ref: Color], default: red}`` (3.1: ``$ref`` with a sibling ``default``)
    is a Color defaulting to red."""
    m = example(name).models
    described = fields(m.Event)
    assert (described["color"], described["priority"]) == ("Color | None = 'red'", "Priority | None = 2")
