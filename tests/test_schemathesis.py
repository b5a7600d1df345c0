"""Schemathesis fuzzes the mock server of every spec in specs/ over a real socket: zero failures,
zero warnings.

The server runs with uvicorn on 127.0.0.1 (``schemathesis_app.build``: the mock app, with
handlers that refuse a credential other than the configured one); Schemathesis reads the spec
from the server's own ``/openapi.json`` (the document as oagen's loader read it: a YAML stream
with a trailing ``---``, which Schemathesis refuses as a file, arrives as plain JSON). It has a
credential for every security scheme (``schemathesis_config``), so every operation is reached;
every warning fails the run (an operation that answered only 401/403 was never reached), and
``ignored_auth`` checks that a missing or wrong credential is refused. The failures
``schemathesis_hooks.py`` drops, each for a stated reason, are pinned by
``test_the_failure_filter_drops_only_what_it_states``. The example budget is small and fixed
here; ``make fuzz-server`` runs the same test with a larger one (``OAGEN_SERVER_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT, generate_package, uvicorn_server

EXAMPLES = json.loads((ROOT / "examples" / "index.json").read_text("utf-8"))
CHECKS = (
    "not_a_server_error", "status_code_conformance", "content_type_conformance", "response_headers_conformance",
    "response_schema_conformance", "negative_data_rejection", "positive_data_acceptance",
    "missing_required_header", "unsupported_method", "ignored_auth",
)
MAX_EXAMPLES = int(os.environ.get("OAGEN_SERVER_FUZZ_EXAMPLES", "8"))
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


# An entry with "fuzz": false in examples/index.json is golden output only: the schema feature
# specs come in 2.0, 3.0 and 3.1 flavours that normalize to the same IR (tests/test_versions.py), so
# fuzzing one or two flavours of each covers the server code they all generate, at ~30 s a spec.
_FUZZED = [e for e in EXAMPLES if e.get("fuzz", True)]


@pytest.mark.fuzz
@pytest.mark.parametrize("entry", _FUZZED, ids=[e["out"].split("/")[-1] for e in _FUZZED])
def test_schemathesis_finds_nothing_in_the_mock_server(entry: dict[str, str], tmp_path: Path) -> None:
    fuzz_mock_server(ROOT / entry["spec"], f"fuzz_{entry['package']}", tmp_path)


def fuzz_mock_server(spec: Path, package: str, tmp_path: Path, max_examples: int = MAX_EXAMPLES,
                     timeout: float = 900) -> None:
    """Generate ``spec``'s server, serve its mock over a socket, run Schemathesis against it:
    zero failures, zero warnings, no traceback in the server's log."""
    from generator.api import load_api

    generate_package(spec, tmp_path, package, client=False)
    api = load_api(str(spec), validate=False).api
    assert api is not None
    config, credentials, wire = schemathesis_config(api)
    (tmp_path / "schemathesis.toml").write_text(config, "utf-8")
    shutil.copy(ROOT / "tests" / "schemathesis_app.py", tmp_path / "schemathesis_app.py")
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "schemathesis_hooks", "OAGEN_TEST_SCHEME_CREDENTIALS": json.dumps(wire),
           "OAGEN_HOOK_LOG": os.environ.get("OAGEN_HOOK_LOG", str(tmp_path / "hooks.log")),
           "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), os.environ.get("PYTHONPATH", "")])}
    app_env = {"OAGEN_TEST_PACKAGE": package, "OAGEN_TEST_CREDENTIALS": json.dumps(credentials)}
    with uvicorn_server("schemathesis_app:build", tmp_path, args=("--factory",), env=app_env) as url:
        command = [
            str(SCHEMATHESIS), "--config-file", str(tmp_path / "schemathesis.toml"),
            "run", f"{url}/openapi.json", "--url", url + api.base_path,
            "--checks", ",".join(CHECKS), "--phases", "examples,coverage,fuzzing",
            "--max-examples", str(max_examples), "--seed", "20240601", "--generation-database", "none",
            "--workers", "1", "--no-color", "--request-timeout", "10",
        ]
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=timeout)
    log = "\n".join((tmp_path / name).read_text("utf-8", "replace") for name in os.listdir(tmp_path)
                    if name.startswith("uvicorn-"))
    assert result.returncode == 0, result.stdout[-12000:] + result.stderr[-3000:]
    assert "Traceback" not in log, log[-5000:]
    assert "WARNINGS" not in result.stdout, result.stdout[-6000:]


def schemathesis_config(api: Any) -> tuple[str, dict[str, Any], dict[str, list[str]]]:
    """``schemathesis.toml``: a credential for every security scheme of ``api`` (OAuth2 and
    OpenID Connect are bearer tokens on the wire), every warning a failure (an operation that
    answered only 401/403 was never reached). With it the credentials by ``Credentials``
    attribute, for the handlers of ``schemathesis_app`` to hold requests to, and by scheme as
    they go on the wire, for the hooks to tell a request that withheld them."""
    lines = ["[warnings]", "fail-on = true", ""]
    credentials: dict[str, Any] = {}
    wire: dict[str, list[str]] = {}
    for scheme in api.security_schemes:
        lines.append(f"[auth.openapi.{json.dumps(scheme.wire_name)}]")
        if scheme.kind == "apiKey":
            credentials[scheme.name] = f"key-{scheme.name}"
            lines.append(f"api_key = {json.dumps(credentials[scheme.name])}")
            wire[scheme.wire_name] = [credentials[scheme.name]]
        elif scheme.kind == "basic":
            user, password = credentials[scheme.name] = [f"user-{scheme.name}", "secret: 1"]
            lines += [f"username = {json.dumps(user)}", f"password = {json.dumps(password)}"]
            wire[scheme.wire_name] = ["Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()]
        elif scheme.kind == "bearer":
            credentials[scheme.name] = f"token-{scheme.name}"
            lines.append(f"bearer = {json.dumps(credentials[scheme.name])}")
            wire[scheme.wire_name] = [f"Bearer {credentials[scheme.name]}"]
        else:
            raise AssertionError(f"no credential for the {scheme.kind} scheme {scheme.wire_name!r}")
        lines.append("")
    return "\n".join(lines), credentials, wire


# --------------------------------------------------------------------------- the failure filter


def _case(*, negative: bool, raw: dict[str, Any], path: str = "/x", formatted: str | None = None,
          path_parameters: dict[str, Any] | None = None, params: tuple[dict[str, Any], ...] = (),
          body: Any = None, media: str | None = None, data: dict[str, Any] | None = None,
          root: dict[str, Any] | None = None, method: str = "GET") -> Any:
    from types import SimpleNamespace as NS

    phase = NS(data=NS(**{"description": "", "location": None, "mutations": (), "parameter": None,
                          "parameter_location": None, **(data or {})}))
    operation = NS(schema=NS(raw_schema=root or {}), definition=NS(raw=raw), path=path, label=f"GET {path}",
                   path_parameters=[NS(definition=p) for p in params])
    return NS(meta=NS(generation=NS(mode=NS(is_negative=negative)), phase=phase), operation=operation,
              formatted_path=formatted or path, path_parameters=path_parameters or {}, body=body, media_type=media,
              method=method)


def _response(status: int, url: str = "http://h/x", headers: dict[str, str] | None = None) -> Any:
    from types import SimpleNamespace as NS

    from requests.structures import CaseInsensitiveDict

    return NS(status_code=status, request=NS(url=url, headers=CaseInsensitiveDict(headers or {})))


def test_the_failure_filter_drops_only_what_it_states(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each rule of tests/schemathesis_hooks.py drops its stated failure and keeps its neighbours."""
    import schemathesis_hooks as hooks
    from schemathesis.core.failures import AcceptedNegativeData
    from schemathesis.openapi.checks import UndefinedStatusCode

    monkeypatch.setenv("OAGEN_TEST_SCHEME_CREDENTIALS", json.dumps({"key": ["k1"], "basic": ["Basic dTpw"]}))

    def undocumented(status: int) -> Any:
        return UndefinedStatusCode(operation="x", status_code=status, defined_status_codes=["200"],
                                   allowed_status_codes=[200], message="m")

    accepted = AcceptedNegativeData(operation="x", message="m", status_code=200, expected_statuses=["4xx"])
    rule = hooks._rule
    plain = {"responses": {"200": {"description": "ok"}}}
    # 1: an undocumented 400/422 for an invalid request; no other 4xx, nothing for a valid request.
    for status, expected in ((400, 1), (422, 1), (404, None), (405, None), (406, None), (415, None), (409, None)):
        assert rule(undocumented(status), _case(negative=True, raw=plain), _response(status)) == expected, status
    for status in (400, 422, 401, 403):  # nothing for a valid request
        assert rule(undocumented(status), _case(negative=False, raw=plain), _response(status)) is None, status
    # 1: 401/403 only when the request withheld the configured credentials of every alternative.
    root = {"components": {"securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"},
                                               "basic": {"type": "http", "scheme": "basic"}}}}
    secured = {**plain, "security": [{"key": []}, {"basic": []}]}
    for headers, expected in (({}, 1), ({"X-Key": "wrong"}, 1), ({"X-Key": "k1"}, None),
                              ({"Authorization": "Basic dTpw"}, None), ({"Authorization": "Bearer x"}, 1)):
        for status in (401, 403):
            case = _case(negative=True, raw=secured, root=root)
            assert rule(undocumented(status), case, _response(status, headers=headers)) == expected, headers
    assert rule(undocumented(401), _case(negative=True, raw=plain, root=root), _response(401)) is None
    # 3: a dot segment removed on the way: any for an invalid request, a label value's for a valid one.
    label = {"name": "c", "in": "path", "style": "label", "schema": {"type": "array", "items": {"type": "string"}}}
    simple = {**label, "style": "simple"}
    for negative, param, sent, expected in ((True, simple, "/p/", 3), (False, label, "/p/", 3),
                                            (False, simple, "/p/", None), (True, label, "/p/..", None),
                                            (False, label, "/p/%2E%2E", None)):
        case = _case(negative=negative, raw=plain, path="/p/{c}", formatted="/p/..", params=(param,))
        assert rule(undocumented(404), case, _response(404, url="http://h" + sent)) == expected, (negative, sent)
    # 2: a string for a label/matrix array of plain strings, which a one-item array reads the same.
    for schema, expected in (({"type": "array", "items": {"type": "string"}}, 2),
                             ({"type": "array", "items": {"type": "string"}, "minItems": 2}, None),
                             ({"type": "array", "items": {"type": "string", "enum": ["a"]}}, None)):
        param = {**label, "schema": schema}
        case = _case(negative=True, raw=plain, path="/p/{c}", params=(param,), path_parameters={"c": "AAA"},
                     data={"parameter": "c", "parameter_location": "path", "description": "Incorrect type"})
        assert rule(accepted, case, _response(200)) == expected, schema
    # 4: a string for a form array field of plain strings that one item satisfies.
    coverage = {"description": "Incorrect type", "location": "/properties/tags/type"}
    for tags, expected in (({"type": "array", "items": {"type": "string"}}, 4),
                           ({"type": "array", "items": {"type": "string"}, "maxItems": 3, "uniqueItems": True}, 4),
                           ({"type": "array", "items": {"type": "string"}, "minItems": 2}, None),
                           ({"type": "array", "items": {"type": "string"}, "maxItems": 0}, None),
                           ({"type": "array", "items": {"type": "string", "pattern": "^b"}}, None),
                           ({"type": "array", "items": {"type": "string"}, "contains": {"const": "b"}}, None),
                           ({"type": "array", "items": {"type": "string"}, "enum": [["a", "b"]]}, None)):
        media = "application/x-www-form-urlencoded"
        form = {"type": "object", "properties": {"tags": tags}}
        raw = {**plain, "requestBody": {"content": {media: {"schema": form}}}}
        case = _case(negative=True, raw=raw, body={"tags": "AAA"}, media=media, data=coverage)
        assert rule(accepted, case, _response(200)) == expected, tags
        swagger2 = {**plain, "parameters": [{"name": "tags", "in": "formData", "collectionFormat": "multi", **tags}]}
        case = _case(negative=True, raw=swagger2, body={"tags": "AAA"}, media=media, data=coverage)
        assert rule(accepted, case, _response(200)) == expected, ("formData", tags)
    assert rule(accepted, _case(negative=True, raw=plain, body={"n": 1}, media="application/json"),
                _response(200)) is None
    # 5: an SSE event checked as the event object; any other schema violation counts.
    from types import SimpleNamespace as NS

    for title, expected in (("SSE event violates schema", 5), ("Response violates schema", None),
                            ("SSE event payload violates content schema", None)):
        assert rule(NS(title=title), _case(negative=False, raw=plain), _response(200)) == expected, title
    # 6: an undeclared method answered where a path key differing only by a '#' fragment declares it.
    from schemathesis.openapi.checks import UnsupportedMethodResponse

    def undeclared(method: str) -> Any:
        return UnsupportedMethodResponse(operation="x", method=method, status_code=200, message="m",
                                         failure_reason="wrong_status")

    tags = {"post": {}, "parameters": []}
    for paths, path, method, expected in (
            ({"/tags/{a}": tags, "/tags/{a}#TagKeys": {"delete": {}}}, "/tags/{a}", "DELETE", 6),
            ({"/tags/{a}": {"delete": {}}, "/tags/{a}#TagKeys": tags}, "/tags/{a}#TagKeys", "DELETE", 6),
            ({"/tags/{a}": tags, "/tags/{a}#TagKeys": {"delete": {}}}, "/tags/{a}", "PUT", None),
            ({"/tags/{a}": tags, "/tags/{a}/keys": {"delete": {}}}, "/tags/{a}", "DELETE", None),
            ({"/tags/{a}": tags, "/tagz/{a}#TagKeys": {"delete": {}}}, "/tags/{a}", "DELETE", None)):
        case = _case(negative=False, raw=plain, path=path, method=method, root={"paths": paths})
        assert rule(undeclared(method), case, _response(200)) == expected, (path, method, sorted(paths))
    fragment = {"paths": {"/tags/{a}": tags, "/tags/{a}#TagKeys": {"delete": {}}}}
    other = _case(negative=False, raw=plain, path="/tags/{a}", method="DELETE", root=fragment)
    assert rule(undocumented(200), other, _response(200)) is None  # only that failure kind
