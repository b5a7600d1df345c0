"""Schemathesis fuzzes the mock server of every spec in specs/ over a real socket: zero failures.

The server runs with uvicorn on 127.0.0.1 (``create_mock_app``); Schemathesis reads the spec from
the server's own ``/openapi.json`` (the document as oagen's loader read it: a YAML stream with a
trailing ``---``, which Schemathesis refuses as a file, arrives as plain JSON). The example budget
is small and fixed here; ``make fuzz-server`` runs the same test with a larger one
(``OAGEN_SERVER_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

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
    from generator.api import load_api

    package = f"fuzz_{entry['package']}"
    generate_package(ROOT / entry["spec"], tmp_path, package, client=False)
    api = load_api(str(ROOT / entry["spec"]), validate=False).api
    assert api is not None
    config, credentials = schemathesis_config(api)
    (tmp_path / "schemathesis.toml").write_text(config, "utf-8")
    shutil.copy(ROOT / "tests" / "schemathesis_app.py", tmp_path / "schemathesis_app.py")
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "schemathesis_hooks",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), os.environ.get("PYTHONPATH", "")])}
    app_env = {"OAGEN_TEST_PACKAGE": package, "OAGEN_TEST_CREDENTIALS": json.dumps(credentials)}
    with uvicorn_server("schemathesis_app:build", tmp_path, args=("--factory",), env=app_env) as url:
        command = [
            str(SCHEMATHESIS), "--config-file", str(tmp_path / "schemathesis.toml"),
            "run", f"{url}/openapi.json", "--url", url + api.base_path,
            "--checks", ",".join(CHECKS), "--phases", "examples,coverage,fuzzing",
            "--max-examples", str(MAX_EXAMPLES), "--seed", "20240601", "--generation-database", "none",
            "--workers", "1", "--no-color", "--request-timeout", "10",
        ]
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=900)
    log = "\n".join((tmp_path / name).read_text("utf-8", "replace") for name in os.listdir(tmp_path)
                    if name.startswith("uvicorn-"))
    assert result.returncode == 0, result.stdout[-12000:] + result.stderr[-3000:]
    assert "Traceback" not in log, log[-5000:]
    assert "WARNINGS" not in result.stdout, result.stdout[-6000:]


def schemathesis_config(api: Any) -> tuple[str, dict[str, Any]]:
    """``schemathesis.toml``: a credential for every security scheme of ``api`` (OAuth2 and
    OpenID Connect are bearer tokens on the wire), every warning a failure (an operation that
    answered only 401/403 was never reached); and the credentials by ``Credentials`` attribute,
    for the handlers of ``schemathesis_app`` to hold requests to."""
    lines = ["[warnings]", "fail-on = true", ""]
    credentials: dict[str, Any] = {}
    for scheme in api.security_schemes:
        lines.append(f"[auth.openapi.{json.dumps(scheme.wire_name)}]")
        if scheme.kind == "apiKey":
            credentials[scheme.name] = f"key-{scheme.name}"
            lines.append(f"api_key = {json.dumps(credentials[scheme.name])}")
        elif scheme.kind == "basic":
            credentials[scheme.name] = [f"user-{scheme.name}", "secret: 1"]
            lines += [f"username = {json.dumps(credentials[scheme.name][0])}", 'password = "secret: 1"']
        elif scheme.kind == "bearer":
            credentials[scheme.name] = f"token-{scheme.name}"
            lines.append(f"bearer = {json.dumps(credentials[scheme.name])}")
        else:
            raise AssertionError(f"no credential for the {scheme.kind} scheme {scheme.wire_name!r}")
        lines.append("")
    return "\n".join(lines), credentials
