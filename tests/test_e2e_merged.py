"""The merged AWS Cognito spec: all 100 operations generated, each called over a real socket."""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path

import pytest
from helpers import ROOT, generate_package, import_fresh, uvicorn_server

PACKAGE = "cognito_e2e"


@pytest.fixture(scope="module")
def merged_out(tmp_path_factory: pytest.TempPathFactory, merged_spec: Path) -> Path:
    out = tmp_path_factory.mktemp("merged")
    generate_package(merged_spec, out, PACKAGE)
    shutil.copy(ROOT / "tests" / "echo_app.py", out / "echo_app.py")
    return out


def test_every_operation_reaches_its_own_handler(merged_out: Path) -> None:
    client_mod = import_fresh(merged_out, f"{PACKAGE}.client")
    # 100 operations: the split layout, every method loaded from its module on first use.
    names = list(client_mod._MODULES)
    assert len(names) == 100
    def loaded() -> set[str]:
        return {n for k in client_mod.Client.__mro__ for n in names if n in vars(k)}

    assert not loaded()
    seen_lines = set()
    with uvicorn_server("echo_app:app", merged_out, env={"OAGEN_TEST_PACKAGE": PACKAGE}) as url:
        with client_mod.Client(url) as client:
            for name in names:
                method = getattr(client, name)
                # Every spec parameter (request_options is the client's own per-call keyword).
                params = [p for p in inspect.signature(method).parameters.values() if p.name != "request_options"]
                sent = {p.name: f"{name}:{p.name}/ ?&" for p in params}
                answer = method(**sent)
                assert answer["operation"] == name
                received = {k: v for k, v in answer["arguments"].items() if v is not None}
                assert received == sent
                operation = method.__func__.__globals__["_" + name.upper()]
                action = dict((c[1], c[2]) for c in operation.constants)["Action"]
                assert answer["request_line"].startswith(f"GET /?Action={action}")
                seen_lines.add(answer["request_line"])
    assert len(seen_lines) == 100
    assert loaded() == set(names)  # each kept on the class once loaded
