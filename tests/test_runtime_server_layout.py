"""The server runtime as shipped: small modules in black's layout, self-contained, copied byte for
byte into each generated server as ``NAME/server/_runtime/``, exporting what the templates use."""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import black
import pytest
from helpers import ROOT

from generator import render, safety
from generator.runtime import server as runtime
from generator.targets.runtime_files import runtime_plans, source_text

SOURCES = ROOT / "generator" / "runtime" / "server"
MODULES = sorted(SOURCES.glob("*.py"))
DEPENDENCIES = {"fastapi", "starlette", "pydantic"}  # the [server] extra's (jsonschema: imported lazily)


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_modules_are_small_black_and_self_contained(path: Path) -> None:
    text = path.read_text("utf-8")
    assert len(text.splitlines()) <= 400
    mode = black.Mode(line_length=100, target_versions={black.TargetVersion.PY310})
    assert black.format_str(text, mode=mode) == text, "run black -l 100 on generator/runtime"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            tops = {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level <= 1, "a runtime module imports only its siblings"
            tops = {node.module.split(".")[0]} if node.level == 0 and node.module else set()
        else:
            continue
        assert tops <= set(sys.stdlib_module_names) | DEPENDENCIES, tops


def test_exports_what_the_templates_use() -> None:
    used: set[str] = set()
    for template in (ROOT / "templates" / "server").rglob("*.jinja"):
        text = template.read_text("utf-8")
        used |= set(re.findall(r"_rt\.([A-Za-z_][A-Za-z0-9_]*)", text))
        used |= {n.strip() for m in re.findall(r"from \.+_runtime import ([\w, ]+)", text) for n in m.split(",")}
    used.add("ProblemError")  # raised by handlers (tests/schemathesis_app.py)
    assert used <= set(runtime.__all__), used - set(runtime.__all__)
    assert all(hasattr(runtime, name) for name in runtime.__all__)


def test_runtime_plans_ship_every_module_verbatim() -> None:
    plans = runtime_plans("server", "pkg/server/_runtime")
    assert [p.path for p in plans] == [f"pkg/server/_runtime/{p.name}" for p in MODULES]
    assert all(p.source == f"server/{Path(p.path).name}" and p.python and not p.template for p in plans)
    assert all(source_text(p.source or "").encode() == (SOURCES / Path(p.path).name).read_bytes() for p in plans)


def test_examples_hold_exact_copies() -> None:
    for entry in json.loads((ROOT / "examples" / "index.json").read_text("utf-8")):
        if not entry.get("server", True):
            continue
        shipped = ROOT / entry["out"] / entry["package"] / "server" / "_runtime"
        assert sorted(p.name for p in shipped.glob("*.py")) == [p.name for p in MODULES], shipped
        for path in MODULES:
            assert (shipped / path.name).read_bytes() == path.read_bytes(), shipped / path.name


def test_safety_trusts_a_verbatim_file_only_as_it_is() -> None:
    plans = runtime_plans("server", "pkg/server/_runtime")
    texts = {p.path: source_text(p.source or "") for p in plans}
    env = render.environment()
    names = safety.Vocabulary(env, frozenset({"pkg"}))
    assert safety.check_files(env, plans, texts, names=names, compiles=True) == []
    tampered = plans[3].path
    texts[tampered] += "\nimport os\nos.system('spec text')\n"
    [problem] = safety.check_files(env, plans, texts, names=names)
    assert problem.code == "OAG902" and "not a verbatim copy of generator/runtime/server/" in problem.message
    # A rendered file is checked as before: a name no template or naming pass produced is refused.
    assert safety.check_module("spec_text_name = 1\n", "pkg/server/app.py", frozenset())
