"""The client runtime as a package (generator/runtime/client): the lazy operations of the split
layout (lazy.py), the names ``NAME/_http`` offers the generated code (__init__.py), and how the
modules are shipped (verbatim, small, self-contained)."""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import generator.runtime.client as runtime
from generator.runtime.client import core, lazy
from generator.targets.runtime_files import runtime_plans, source_text

SOURCES = Path(runtime.__file__).parent


def test_lazy_operations_load_methods_on_first_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ops = tmp_path / "lazyops"
    ops.mkdir()
    (ops / "__init__.py").write_text("")
    (ops / "things.py").write_text("LOADED = True\n\nclass Sync:\n    def get_thing(self):\n        return ('thing', self)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "lazyops.things", raising=False)
    base = lazy.lazy_operations(core.SyncCore, "Sync", "lazyops", {"get_thing": "things"})

    class Client(base):  # type: ignore[misc,valid-type]
        pass

    assert "lazyops.things" not in sys.modules
    assert "get_thing" in dir(Client)
    client = Client("http://h", {}, 0)
    assert "get_thing" in dir(client) and "lazyops.things" not in sys.modules
    assert client.get_thing() == ("thing", client)
    assert "lazyops.things" in sys.modules
    assert "get_thing" in vars(base)  # kept on the class: later calls cost what a method costs
    assert Client.get_thing is vars(base)["get_thing"]
    with pytest.raises(AttributeError, match="'Client' object has no attribute 'nope'"):
        client.nope  # noqa: B018
    with pytest.raises(AttributeError, match="type object 'Client' has no attribute 'nope'"):
        Client.nope  # noqa: B018
    assert base.__name__ == "LazySyncCore" and base.__module__ == core.SyncCore.__module__


def test_every_exported_name_comes_from_its_module() -> None:
    tree = ast.parse((SOURCES / "__init__.py").read_text())
    typed = {alias.name: node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level
             for alias in node.names}
    assert sorted(runtime.__all__) == sorted(typed) == sorted(runtime._HOME)
    for name in runtime.__all__:
        home = importlib.import_module(f"generator.runtime.client.{runtime._HOME[name]}")
        assert getattr(runtime, name) is getattr(home, name), name
        assert typed[name] == runtime._HOME[name]
    assert set(runtime.__all__) <= set(dir(runtime))
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        runtime.nope  # noqa: B018


def test_the_errors_alone_load_no_transport() -> None:
    code = ("import sys; from generator.runtime.client.errors import ApiError; "
            "import json; print(json.dumps(sorted(m for m in sys.modules if m.startswith('generator.runtime'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == ["generator.runtime", "generator.runtime.client",
                                         "generator.runtime.client.errors"]


def test_the_client_imports_neither_pydantic_nor_asyncio() -> None:
    code = ("import sys; from generator.runtime.client import SyncCore, AsyncCore, Operation, Result, RetryPolicy; "
            "print('pydantic' in sys.modules, 'asyncio' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_modules_are_small_and_self_contained() -> None:
    allowed = {"httpx", "pydantic", "typing_extensions"}
    for path in sorted(SOURCES.glob("*.py")):
        text = path.read_text("utf-8")
        assert text.count("\n") <= 400, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Import):
                tops = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                tops = [str(node.module).split(".")[0]]
            else:
                continue
            for top in tops:
                assert top in allowed or top in sys.stdlib_module_names or top == "__future__", (path.name, top)


def test_runtime_plans_copy_every_module_verbatim() -> None:
    plans = runtime_plans("client", "pkg/_http")
    names = sorted(p.name for p in SOURCES.glob("*.py"))
    assert [p.path for p in plans] == [f"pkg/_http/{n}" for n in names]
    for plan, name in zip(plans, names, strict=True):
        assert plan.source == f"client/{name}" and plan.python
        assert source_text(plan.source).encode("utf-8") == (SOURCES / name).read_bytes()


def test_sources_are_black_formatted() -> None:
    # Shipped as they are into packages whose every file passes black (line length 100).
    result = subprocess.run([sys.executable, "-m", "black", "--check", "-q", "--line-length", "100",
                             "--target-version", "py310", str(SOURCES)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


# --------------------------------------------------------------------------- in a generated package


def test_a_generated_package_ships_the_runtime_and_one_error_family() -> None:
    from client_support import FEATURES, generated, load

    pkg = load(FEATURES / "bodies-3.0.yaml", "bodies")
    out = generated(FEATURES / "bodies-3.0.yaml", "bodies")
    shipped = sorted(p.name for p in (out / "bodies" / "_http").glob("*.py"))
    assert shipped == sorted(p.name for p in SOURCES.glob("*.py"))
    for name in shipped:
        assert (out / "bodies" / "_http" / name).read_bytes() == (SOURCES / name).read_bytes()
    errors, http = sys.modules["bodies.errors"], sys.modules["bodies._http"]
    assert pkg.ApiError is errors.ApiError is http.ApiError is sys.modules["bodies._http.errors"].ApiError
    assert errors.ResponseValidationError is http.ResponseValidationError
    assert pkg.ApiError.__module__ == errors.ResponseValidationError.__module__ == "bodies.errors"
    assert errors.__all__ == ["ApiConnectionError", "ApiError", "ApiTimeoutError", "ResponseParseError",
                              "ResponseTooLargeError", "ResponseValidationError", "TooManyRedirectsError",
                              "NotFoundError", "ProblemError"]
    assert all(issubclass(getattr(errors, name), pkg.ApiError) for name in errors.__all__)


def test_a_package_without_the_client_has_its_errors(tmp_path: Path) -> None:
    from helpers import SPECS, generate_package

    out = generate_package(SPECS / "features" / "bodies-3.0.yaml", tmp_path, "noclient", client=False, format=False)
    assert not (out / "noclient" / "client.py").exists() and (out / "noclient" / "_http" / "errors.py").exists()
    code = ("import sys; import noclient; from noclient.errors import ApiError, NotFoundError; "
            "assert issubclass(NotFoundError, ApiError) and noclient.ApiError is ApiError; "
            "print(sorted(m for m in sys.modules if m.startswith('noclient._http')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=out, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["['noclient._http',", "'noclient._http.errors']"]
