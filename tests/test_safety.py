"""The AST safety check on generated files, and the deep-recursion guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, SPECS

from generator import render, safety
from generator.api import GenerateOptions, generate, load_api
from generator.diagnostics import FatalError

HOSTILE = Path(__file__).parent / "hostile"


def test_template_vocabulary_is_code_not_prose() -> None:
    env = render.environment()
    names = safety.template_identifiers(env, "client/client.py.jinja")
    assert {"httpx", "Operation", "SyncCore", "AsyncCore", "Client", "AsyncClient", "cast", "self"} <= names
    # Words of docstrings, comments and strings in the template are not code.
    for word in ("Use", "context", "connections", "reused", "generated", "edit", "Seconds"):
        assert word not in names, word
    for dangerous in ("open", "eval", "exec", "__import__", "os", "system", "subprocess", "compile"):
        assert dangerous not in names, dangerous


def test_every_example_passes(tmp_path: Path) -> None:
    for spec in sorted((SPECS / "petstore").glob("*.yaml")):
        result = generate(str(spec), tmp_path / spec.stem, GenerateOptions(package="pets", format=False))
        assert result.ok, [d.format() for d in result.diagnostics]


def _allowed() -> frozenset[str]:
    env = render.environment()
    return safety.template_identifiers(env, "package/models/module.py.jinja") | safety.TARGET_VOCABULARY | {"Pet", "name"}


@pytest.mark.parametrize("source", [
    'class Pet(BaseModel):\n    """x"""\n\n    name: str\n__import__("os").system("x")\n',
    'import os\n',
    'from os import system\n',
    'class Pet(BaseModel):\n    name: str = open("/tmp/x", "w")\n',
    'class Pet(BaseModel):\n    """doc"""\n    print("import time")\n',
    'x = [c for c in ().__class__.__base__.__subclasses__()]\n',
    'class Pet(BaseModel):\n    name: str = Field(default=None, alias=eval("1"))\n',
])
def test_foreign_code_is_refused(source: str) -> None:
    problems = safety.check_module(source, "pkg/models.py", _allowed())
    assert problems and all(p.code == "OAG902" and "internal error, please report" in p.message for p in problems)
    assert all("\n" not in p.format() for p in problems)


def test_expression_statements_and_duplicates_are_refused() -> None:
    allowed = _allowed() | {"Field"}
    assert safety.check_module('"""doc"""\nclass Pet(BaseModel):\n    """d"""\n', "m.py", allowed) == []
    [problem] = safety.check_module("Field\n", "m.py", allowed)
    assert "runs an expression at import time" in problem.message
    [problem] = safety.check_module("class Pet:\n    name: str\nclass Pet:\n    name: str\n", "m.py", allowed)
    assert "defines 'Pet' twice" in problem.message
    # The one call a models module makes: completing a class defined above it, with no arguments.
    assert safety.check_module("class Pet(BaseModel):\n    name: str\nPet.model_rebuild()\n", "m.py",
                               allowed | {"model_rebuild"}) == []
    for call in ("Pet.model_rebuild(force=True)", "Other.model_rebuild()", "Pet.model_rebuild(Pet)",
                 "Pet.model_rebuild().x()"):
        problems = safety.check_module(f"class Pet(BaseModel):\n    name: str\n{call}\n", "m.py",
                                       allowed | {"model_rebuild", "Other", "force", "x"})
        assert any("runs an expression at import time" in p.message for p in problems), call
    [problem] = safety.check_module("x = (\n", "m.py", allowed)
    assert "does not parse" in problem.message


def test_a_broken_filter_is_caught_before_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With docstring escaping switched off, the injection spec's text becomes code: the check
    must refuse it and write nothing."""
    monkeypatch.setattr(render, "docstring", lambda text, indent=4, closing=False: str(text) + ("\"\"\"" if closing else ""))
    out = tmp_path / "out"
    result = generate(str(HOSTILE / "injection-everywhere.json"), out, GenerateOptions(format=False))
    assert not result.ok
    codes = {d.code for d in result.diagnostics if d.severity >= 30}
    assert codes & {"OAG900", "OAG902"}, codes
    assert not out.exists()


def test_a_name_from_outside_the_naming_pass_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A target that puts spec text where a name goes (here: a raw operationId) is refused."""
    from dataclasses import replace

    from generator.targets import python_client

    real = python_client.op_view

    def tampered(*args, **kwargs):  # type: ignore[no-untyped-def]
        return replace(real(*args, **kwargs), name="system")

    monkeypatch.setattr(python_client, "op_view", tampered)
    spec = SPECS / "petstore" / "petstore-3.0.yaml"
    result = generate(str(spec), tmp_path / "out", GenerateOptions(package="pets", format=False))
    assert not result.ok and any(d.code == "OAG902" and "'system'" in d.message for d in result.diagnostics)
    assert not (tmp_path / "out").exists()


def test_check_text_refuses_unencodable_and_bad_toml() -> None:
    assert safety.check_text("a = 1\n", "pyproject.toml") is None
    assert safety.check_text("lone \ud800", "README.md").code == "OAG903"  # type: ignore[union-attr]
    assert safety.check_text('a = "\n', "pyproject.toml").code == "OAG903"  # type: ignore[union-attr]


def test_api_identifiers_cover_derived_names() -> None:
    loaded = load_api(str(SPECS / "petstore" / "petstore-3.0.yaml"), validate=False)
    assert loaded.api is not None
    names = safety.api_identifiers(loaded.api, "pets")
    op = loaded.api.operations[0]
    assert {"pets", op.name, "_" + op.name.upper(), "_op_" + op.name} <= names


def test_deep_runs_deep_recursion_and_reports_deeper() -> None:
    def depth(n: int) -> int:
        return 0 if n == 0 else 1 + depth(n - 1)

    assert safety.deep(depth, 5000) == 5000  # beyond the default limit of 1000
    with pytest.raises(FatalError) as info:
        safety.deep(depth, 10**6, file="spec.yaml")
    [diag] = info.value.diagnostics
    assert diag.code == "OAG009" and diag.src.file == "spec.yaml"
    with pytest.raises(KeyError):
        safety.deep(lambda: {}["x"])
    import sys

    assert sys.getrecursionlimit() < safety.DEEP_RECURSION  # restored


def test_root_is_the_checkout() -> None:
    assert (ROOT / "generator" / "safety.py").is_file()


def test_derived_private_names() -> None:
    names = frozenset({"get_pet", "x"})
    for ok in ("_GET_PET", "_op_get_pet", "_auth_get_pet", "_auth_1", "x_value", "_x_2", "get_pet"):
        assert safety.derived(ok, names), ok
    for bad in ("__import__", "open", "_open", "system", "os", "__class__", "_1a", "x_system"):
        assert not safety.derived(bad, names), bad
