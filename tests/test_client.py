"""The generated client's behaviour, over a recording transport: answers, errors, the full
response, deprecation, constructor options, secrets, lazy models and typing."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import warnings
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_support import FEATURES, Recorder, generated, json_reply, load
from helpers import mypy_strict

THING = {"id": 7, "displayName": "Box", "kind": "gadget"}


@pytest.fixture(scope="module")
def bodies() -> ModuleType:
    return load(FEATURES / "bodies-3.0.yaml", "bodies")


@pytest.fixture(scope="module")
def secured() -> ModuleType:
    return load(FEATURES / "security-3.0.yaml", "secured")


def _client(pkg: ModuleType, reply: Any, **options: Any) -> Any:
    return pkg.Client("http://h/v1", transport=Recorder(reply).sync, retries=0, **options)


# --------------------------------------------------------------------------- answers


def test_answers_parse_into_the_declared_types(bodies: ModuleType) -> None:
    m = bodies.models
    with _client(bodies, json_reply(200, THING)) as client:
        thing = client.get_thing("7")
        assert isinstance(thing, m.Thing) and thing.display_name == "Box" and thing.kind is m.Kind.GADGET
    with _client(bodies, json_reply(200, [THING, THING])) as client, warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        things = client.list_things()
        assert [type(t) for t in things] == [m.Thing, m.Thing]
    with _client(bodies, json_reply(200, {"total": 3, "kinds": {"gadget": 3}})) as client:
        assert client.get_report() == m.Report(total=3, kinds={"gadget": 3})
    with _client(bodies, lambda r: httpx.Response(204)) as client:
        assert client.delete_thing("7") is None
    with _client(bodies, lambda r: httpx.Response(200, content=b"\x00\xff",
                                                  headers={"content-type": "application/octet-stream"})) as client:
        assert client.get_blob("b") == b"\x00\xff"
    with _client(bodies, lambda r: httpx.Response(200, text="stored")) as client:
        assert client.add_note(body="x") == "stored"


def test_reading_is_forward_compatible(bodies: ModuleType) -> None:
    """Unknown fields kept, unknown enum values accepted, constraints never enforced."""
    m = bodies.models
    answer = {"id": 1, "displayName": "lowercase and much longer than twenty", "kind": "doohickey",
              "size": "enormous", "weight": 99.5, "tags": [{"name": "a"}] * 5, "brandNew": {"x": [1]}}
    with _client(bodies, json_reply(200, answer)) as client:
        thing = client.get_thing("1")
    assert thing.display_name.startswith("lowercase")
    assert thing.kind == "doohickey" and isinstance(thing.kind, m.Kind) and thing.kind not in list(m.Kind)
    assert thing.size == "enormous" and thing.weight == 99.5 and len(thing.tags) == 5
    assert thing.model_extra == {"brandNew": {"x": [1]}}
    # ... and it all goes back out unchanged.
    assert thing.model_dump(mode="json", by_alias=True, exclude_unset=True) == answer


def test_a_body_that_does_not_fit_raises_response_validation_error(bodies: ModuleType) -> None:
    errors = bodies.errors
    with _client(bodies, json_reply(200, {"kind": "gadget"})) as client:
        with pytest.raises(errors.ResponseValidationError) as info:
            client.get_thing("1")
    assert info.value.status_code == 200 and info.value.parsed == {"kind": "gadget"}
    assert "displayName" in str(info.value)
    with _client(bodies, lambda r: httpx.Response(200, text="<html>proxy</html>")) as client:
        with pytest.raises(errors.ResponseParseError, match="the body is text/plain, not the JSON"):
            client.get_thing("1")


def test_declared_errors_raise_typed_subclasses(bodies: ModuleType) -> None:
    errors, m = bodies.errors, bodies.models
    with _client(bodies, json_reply(404, {"message": "no thing 9", "id": "9", "extra": 1})) as client:
        with pytest.raises(errors.NotFoundError) as info:
            client.get_thing("9")
    error = info.value
    assert isinstance(error, bodies.ApiError) and error.status_code == 404
    assert isinstance(error.parsed, m.NotFound) and error.parsed.message == "no thing 9"
    assert error.response is not None and error.headers["content-type"] == "application/json"
    # 'default' and '4XX' ranges pick their declared model too.
    with _client(bodies, json_reply(500, {"title": "boom"})) as client:
        with pytest.raises(errors.ProblemError) as info2:
            client.get_thing("9")
    assert info2.value.parsed.title == "boom" and info2.value.status_code == 500
    problem = lambda r: httpx.Response(409, json={"title": "taken"}, headers={"content-type": "application/problem+json"})
    with _client(bodies, problem) as client, pytest.raises(errors.ProblemError) as info3:
        client.create_thing(m.Thing(display_name="A", kind="gadget"))
    assert info3.value.parsed.title == "taken"


def test_undeclared_errors_raise_api_error_with_status_headers_and_body(bodies: ModuleType) -> None:
    reply = lambda r: httpx.Response(503, text="down for maintenance", headers={"x-request-id": "r1"})
    with _client(bodies, reply) as client, pytest.raises(bodies.ApiError) as info:
        client.submit_form({"name": "x"})
    error = info.value
    assert type(error) is bodies.ApiError
    assert (error.status_code, error.headers["x-request-id"], error.content) == (503, "r1", b"down for maintenance")
    assert error.text == "down for maintenance" and error.parsed == "down for maintenance"
    assert str(error) == "submit_form: HTTP 503 Service Unavailable: down for maintenance (request id r1)"
    assert error.request_id == "r1"
    # A declared error whose body does not fit its model is still an ApiError, never hidden.
    with _client(bodies, json_reply(404, {"unexpected": True})) as client:
        with pytest.raises(bodies.ApiError) as info2:
            client.get_thing("1")
    assert type(info2.value) is bodies.ApiError and info2.value.parsed == {"unexpected": True}


def test_with_response_returns_the_whole_answer_sync_and_async(bodies: ModuleType) -> None:
    m = bodies.models
    reply = lambda r: httpx.Response(200, json=THING, headers={"etag": '"v1"'})
    with _client(bodies, reply) as client:
        answer = client.with_response(client.get_thing)("7")
    assert answer.status_code == 200 and answer.headers["etag"] == '"v1"'
    assert isinstance(answer.parsed, m.Thing) and isinstance(answer.raw, httpx.Response)

    async def run() -> Any:
        async with bodies.AsyncClient("http://h/v1", transport=Recorder(reply).sync) as client:
            return await client.with_response(client.get_thing)("7")

    answer2 = asyncio.run(run())
    assert answer2.status_code == 200 and isinstance(answer2.parsed, m.Thing)


def test_deprecated_operations_warn(bodies: ModuleType) -> None:
    with _client(bodies, json_reply(200, [])) as client:
        with pytest.warns(DeprecationWarning, match="list_things is deprecated") as record:
            client.list_things()
    assert record[0].filename == __file__


# --------------------------------------------------------------------------- constructor


def test_constructor_defaults_and_options(secured: ModuleType, bodies: ModuleType) -> None:
    recorder = Recorder(json_reply(200, {"scheme": "none"}))
    with secured.Client(transport=recorder.sync, headers={"User-Agent": "me/1"}) as client:
        client.without_auth()
        assert str(recorder.last.url) == "http://127.0.0.1:4010/api/public"
        assert recorder.last.headers["User-Agent"] == "me/1"
        assert client._http.timeout == httpx.Timeout(30.0)
        assert client._retry.attempts == 2 and not client._http.follow_redirects
    with secured.Client(host="example.com", port="8443", transport=recorder.sync, timeout=2.5,
                        follow_redirects=True) as client:
        client.without_auth()
        assert str(recorder.last.url) == "http://example.com:8443/api/public"
        assert client._http.timeout == httpx.Timeout(2.5) and client._http.follow_redirects
    with pytest.raises(TypeError):
        bodies.Client(tiemout=1)  # options are keyword-only and checked


def test_credentials_go_only_where_the_operation_asks(secured: ModuleType) -> None:
    recorder = Recorder(json_reply(200, {"scheme": "x"}))
    client = secured.Client(transport=recorder.sync, header_key="hk", query_key="qk", cookie_key="ck",
                            basic_auth=("ann", "pw"), bearer_auth="bt", oauth="ot", open_id="oi")
    expectations = {
        "with_header_key": ("/api/header-key", {"X-API-Key": "hk"}),
        "with_query_key": ("/api/query-key?api_key=qk", {}),
        "with_cookie_key": ("/api/cookie-key", {"Cookie": "session=ck"}),
        "with_basic": ("/api/basic", {"Authorization": "Basic YW5uOnB3"}),
        "with_bearer": ("/api/bearer", {"Authorization": "Bearer bt"}),
        "with_oauth2": ("/api/oauth2", {"Authorization": "Bearer ot"}),
        "with_open_id_connect": ("/api/openid", {"Authorization": "Bearer oi"}),
        "with_either": ("/api/either", {"X-API-Key": "hk"}),
        "with_both": ("/api/both?api_key=qk", {"X-API-Key": "hk"}),
        "with_optional_key": ("/api/optional", {"X-API-Key": "hk"}),
        "without_auth": ("/api/public", {}),
    }
    secret_headers = {"x-api-key", "authorization", "cookie"}
    with client:
        for name, (target, headers) in expectations.items():
            getattr(client, name)()
            sent = {k: v for k, v in recorder.last.headers.items() if k in secret_headers}
            assert recorder.target() == target, name
            assert sent == {k.lower(): v for k, v in headers.items()}, name
    # Alternatives: the first one whose credentials the client has.
    with secured.Client(transport=recorder.sync, basic_auth=("ann", "pw")) as client:
        client.with_either()
        assert recorder.last.headers["Authorization"] == "Basic YW5uOnB3"
        client.with_optional_key()
        assert "authorization" not in recorder.last.headers


# --------------------------------------------------------------------------- secrets


def test_no_secret_in_reprs_errors_or_logs(secured: ModuleType, caplog: pytest.LogCaptureFixture) -> None:
    secrets = ["hk-SECRET", "qk-SECRET", "ck-SECRET", "pw-SECRET", "bt-SECRET", "ot-SECRET", "oi-SECRET",
               "url-SECRET", "hdr-SECRET"]
    reply = json_reply(401, {"title": "no"})
    recorder = Recorder(reply)
    client = secured.Client("https://user:url-SECRET@h/api", transport=recorder.sync,
                            headers={"Authorization": "Bearer hdr-SECRET"}, header_key="hk-SECRET",
                            query_key="qk-SECRET", cookie_key="ck-SECRET", basic_auth=("ann", "pw-SECRET"),
                            bearer_auth="bt-SECRET", oauth="ot-SECRET", open_id="oi-SECRET")
    shown = [repr(client), str(client)]
    with caplog.at_level(logging.DEBUG):
        for name in ("with_header_key", "with_query_key", "with_cookie_key", "with_basic", "with_both", "with_bearer"):
            with pytest.raises(secured.ApiError) as info:
                getattr(client, name)()
            shown += [repr(info.value), str(info.value), repr(info.value.response)]
    shown += [r.getMessage() for r in caplog.records]
    assert any("api_key=***" in line for line in shown)  # the request was logged, redacted
    for text in shown:
        for secret in secrets:
            assert secret not in text, text


# --------------------------------------------------------------------------- models and import time


def test_models_load_lazily_and_all_names_work(bodies: ModuleType) -> None:
    out = generated(FEATURES / "bodies-3.0.yaml", "bodies")
    code = (
        "import sys, bodies.client\n"
        "loaded = sorted(n for n in sys.modules if n.startswith('bodies.models.'))\n"
        "assert loaded == ['bodies.models._base'] or loaded == [], loaded\n"
        "from bodies import models\n"
        "from bodies.models import Thing\n"
        "assert 'bodies.models.thing' in sys.modules and 'bodies.models.kind' in sys.modules\n"
        "assert 'bodies.models.report' not in sys.modules\n"
        "from bodies.models import *\n"
        "assert set(models.__all__) <= set(dir(models)) and len(models.__all__) == 10\n"
        "assert all(isinstance(getattr(models, n), type) for n in models.__all__)\n"
        "try:\n    models.Nope\nexcept AttributeError:\n    pass\nelse:\n    raise SystemExit('no error')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=out, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_enums_are_open(bodies: ModuleType) -> None:
    kind = bodies.models.Kind
    assert kind("gadget") is kind.GADGET
    new = kind("doohickey")
    assert new == "doohickey" and new.value == "doohickey" and new not in list(kind)
    with pytest.raises(ValueError):
        kind(3)


@pytest.mark.slow
def test_using_the_client_type_checks(tmp_path: Any) -> None:
    """User code against the generated client: return types, with_response and typed errors are
    what mypy sees."""
    out = generated(FEATURES / "bodies-3.0.yaml", "bodies")
    (out / "use.py").write_text(
        "from bodies import Client, errors, models\n"
        "from bodies.client import ApiResponse\n"
        "def f(c: Client) -> str:\n"
        "    t = c.get_thing('1')\n"
        "    a: ApiResponse[models.Thing] = c.with_response(c.get_thing)('1')\n"
        "    try:\n"
        "        c.get_thing('2')\n"
        "    except errors.NotFoundError as e:\n"
        "        return e.parsed.message\n"
        "    blob: bytes = c.get_blob('b')\n"
        "    c.delete_thing('x')\n"
        "    return t.display_name + a.parsed.display_name\n"
        "def g(c: Client) -> int:\n"
        "    return c.get_thing('1')  # wrong on purpose\n"
    )
    result = mypy_strict(out, "use.py")
    assert result.stdout.count("error:") == 1 and 'Incompatible return value type (got "Thing"' in result.stdout, \
        result.stdout
