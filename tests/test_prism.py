"""The generated client against Prism, an independent spec-validating mock server.

For every spec in specs/ that Prism can route, Prism (``prism mock SPEC`` on 127.0.0.1) receives
a call of every operation with valid arguments. Prism validates each request against the spec and
reports what does not fit in an ``sl-violations`` header; the test fails on any, naming the
operation and Prism's reason, and checks that the client read every mock answer into the declared
type. Prism is installed by ``make tools`` into .cache/node (or named by OAGEN_PRISM).
"""

from __future__ import annotations

import json
import os
import subprocess
import time
import typing
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest
from client_support import load
from helpers import ROOT, SPECS, free_port
from valid_values import arguments

from generator.api import load_api

pytestmark = [pytest.mark.prism, pytest.mark.slow]

PRISM = Path(os.environ.get("OAGEN_PRISM") or ROOT / ".cache" / "node" / "node_modules" / ".bin" / "prism")
# Specs whose operations are told apart by '?Action=' or '#...' in the path key: Prism answers 404
# for all of them; the generated server and Schemathesis are their peers.
SPEC_FILES = sorted(p for p in SPECS.rglob("*") if p.suffix in (".yaml", ".yml", ".json") and "real" not in p.parts)
# Operations Prism 5.16 cannot check, and why (its defects, not the client's: the exact wire form of
# each is asserted against the specification's style table in test_serialization.py).
PRISM_DEFECTS = {
    "path_simple_array": "a ',' in a path value crashes Prism (TypeError: value.split is not a function)",
    "path_simple_array_explode": "a ',' in a path value crashes Prism",
    "path_simple_object": "a ',' in a path value crashes Prism",
    "path_simple_object_explode": "a ',' in a path value crashes Prism",
    "path_label_array": "a ',' in a path value crashes Prism (parameters[name].startsWith is not a function)",
    "path_label_object": "a ',' in a path value crashes Prism",
    "path_matrix_array": "a ',' in a path value crashes Prism",
    "path_matrix_object": "a ',' in a path value crashes Prism",
    "path_label_object_explode": "Prism splits exploded label objects on ',' instead of '.'",
    "query_form_object_explode": "Prism does not read exploded form objects (R=100&G=200&B=150)",
    "query_deep_object": "Prism reads no deepObject parameter (color%5BR%5D=100 nor color[R]=100)",
    "query_tsv": "Prism has no tab-delimited (collectionFormat: tsv) support",
}


def _routable(spec: Path) -> bool:
    api = load_api(str(spec)).api
    return api is not None and not any("?" in op.path_key or "#" in op.path_key for op in api.operations)


ROUTABLE = [p for p in SPEC_FILES if _routable(p)]
UNROUTABLE = [p for p in SPEC_FILES if p not in ROUTABLE]


def test_prism_covers_the_routable_specs() -> None:
    """The list shown in the closing note; every spec with plain paths is covered."""
    covered = sorted(str(p.relative_to(SPECS)) for p in ROUTABLE)
    skipped = sorted(str(p.relative_to(SPECS)) for p in UNROUTABLE)
    print("Prism covers:", ", ".join(covered), "| not routable by Prism:", ", ".join(skipped))
    assert {"petstore/petstore-2.0.yaml", "petstore/petstore-3.0.yaml", "petstore/petstore-3.1.yaml"} <= set(covered)
    assert {"aws-cognito-merged.yaml", "aws-cognito-openid-token.yaml"} <= set(skipped)


@pytest.fixture(scope="module")
def prism() -> str:
    if not PRISM.exists():
        pytest.skip(f"Prism not installed at {PRISM} (run `make tools`, or set OAGEN_PRISM)")
    return str(PRISM)


@pytest.fixture
def mock_server(prism: str, tmp_path: Path) -> Iterator[Any]:
    """A function starting ``prism mock`` for a spec; every Prism started is stopped after the test."""
    started: list[subprocess.Popen[bytes]] = []

    def start(spec: Path) -> str:
        port = free_port()
        log = (tmp_path / f"prism-{port}.log").open("wb")
        proc = subprocess.Popen([prism, "mock", str(spec), "-h", "127.0.0.1", "-p", str(port)],
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        started.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"prism exited: {(tmp_path / f'prism-{port}.log').read_text()}")
            try:
                httpx.get(url + "/__oagen_ready__", timeout=1)
                return url
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError("prism did not start") from None
                time.sleep(0.25)

    yield start
    for proc in started:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _credentials(api: Any) -> dict[str, Any]:
    values = {"basic": ("user", "password"), "bearer": "token"}
    return {s.name: values.get(s.kind, "key") for s in api.security_schemes}


def _check_type(method: Any, parsed: Any) -> str | None:
    hint = typing.get_type_hints(method)["return"]
    if hint is Any:
        return None
    try:
        pydantic.TypeAdapter(hint).validate_python(parsed, strict=True)
    except pydantic.ValidationError as exc:
        return f"answer is not a {hint}: {exc.errors()[0]['msg']}"
    return None


@pytest.mark.parametrize("spec", ROUTABLE, ids=[str(p.relative_to(SPECS)) for p in ROUTABLE])
def test_every_operation_against_prism(spec: Path, mock_server: Any) -> None:
    package = "prism_" + "_".join(spec.relative_to(SPECS).with_suffix("").parts).replace("-", "_").replace(".", "_")
    api = load_api(str(spec)).api
    assert api is not None
    pkg = load(spec, package)
    url = mock_server(spec)
    failures: list[str] = []
    called = 0
    with pkg.Client(url, retries=0, **_credentials(api)) as client, warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for op in api.operations:
            if op.name in PRISM_DEFECTS:
                continue
            method = getattr(client, op.name)
            kwargs = arguments(api, op, method)
            if op.body is not None and op.body.contents[0].kind in ("form", "multipart"):
                # Prism keeps the last of repeated form fields or parts, so an array there (sent
                # exploded, the default encoding) never validates: leave the optional ones out.
                kwargs["body"] = {k: v for k, v in kwargs["body"].items() if not isinstance(v, list)}
            called += 1
            try:
                answer = client.with_response(method)(**kwargs)
            except pkg.ApiError as exc:
                why = exc.headers.get("sl-violations") or exc.text[:600]
                failures.append(f"{op.name} ({op.method} {op.path}): HTTP {exc.status_code}: {why}")
                continue
            # Violations located in the response are Prism's own mock answer breaking the spec
            # (a static example ignores 'pattern'): the client must read those without failing.
            violations = [v for v in json.loads(answer.headers.get("sl-violations") or "[]")
                          if v.get("location", [""])[0] != "response"]
            if violations:
                failures.append(f"{op.name} ({op.method} {op.path}): {json.dumps(violations)}")
            problem = _check_type(method, answer.parsed)
            if problem:
                failures.append(f"{op.name}: {problem}")
    skipped = [op.name for op in api.operations if op.name in PRISM_DEFECTS]
    print(f"{spec.relative_to(SPECS)}: {called} operations checked by Prism; skipped (Prism defects): {skipped}")
    assert called, "no operation was called"
    assert not failures, "Prism found problems:\n" + "\n".join(failures)
