"""Hostile names: valid, unique, deterministic identifiers; wire names exact; package names safe."""

from __future__ import annotations

import builtins
import keyword
import warnings
from pathlib import Path

import pydantic
import pytest
from helpers import import_package
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import naming
from generator.api import GenerateOptions, generate, load_api
from generator.naming import (
    MAX_NAME,
    PYDANTIC_RESERVED,
    Namespace,
    ParamNamespace,
    package_name,
    package_name_problem,
    shorten,
    snake,
)

HOSTILE = Path(__file__).parent / "hostile"
NASTY = [*keyword.kwlist, *keyword.softkwlist, *dir(builtins), "self", "cls", "", " ", "1", "1st", "__init__",
         "日本", "🐍", "a\u202eb", "x\x00", "model_config", "schema", "json", "aB", "a_b", "A-B", "a b", "a.b", "AB"]


def _valid(name: str) -> bool:
    return (name.isidentifier() and name.isascii() and not keyword.iskeyword(name)
            and not keyword.issoftkeyword(name) and len(name) <= MAX_NAME + 8)


def test_pydantic_reserved_is_complete() -> None:
    public = {n for n in dir(pydantic.BaseModel) if not n.startswith("_")}
    assert public <= PYDANTIC_RESERVED, sorted(public - PYDANTIC_RESERVED)


@pytest.mark.parametrize("namespace", [Namespace(), ParamNamespace(naming.PARAM_RESERVED)])
def test_nasty_names_give_valid_unique_identifiers(namespace: Namespace) -> None:
    taken = [namespace.take(snake(n), "param", "p_") for n in NASTY]
    assert len(set(taken)) == len(taken)
    assert all(_valid(t) for t in taken), [t for t in taken if not _valid(t)]
    assert not set(taken) & (set(dir(builtins)) | {"self", "cls"})


def test_param_names_never_clash_with_split_values() -> None:
    ns = ParamNamespace()
    a, b = ns.take("x", "p", "p_"), ns.take("x_value", "p", "p_")
    c, d = ParamNamespace().take("y_value", "p", "p_"), None
    ns2 = ParamNamespace({c})
    d = ns2.take("y", "p", "p_")
    assert (a, b) == ("x", "x_value_2") and d == "y_2"


def test_long_names_are_cut_deterministically() -> None:
    long_a, long_b = "a" * 500 + "x", "a" * 500 + "y"
    assert len(shorten(long_a)) == MAX_NAME and shorten(long_a) == shorten(long_a) != shorten(long_b)
    assert shorten("short") == "short"


@pytest.mark.parametrize(("title", "expected"), [
    ("CON", "con_api"), ("nul", "nul_api"), ("Com1", "com1_api"), ("LPT9", "lpt9_api"), ("json", "json_api"),
    ("httpx", "httpx_api"), ("pydantic", "pydantic_api"), ("class", "class_api"), ("match", "match_api"),
    ("", "api"), ("123", "api_123"), ("日本", "u65e5_u672c"), ("../../etc/passwd", "etc_passwd"),
    ("Pet Store", "pet_store"),
])
def test_package_names(title: str, expected: str) -> None:
    assert package_name(title) == expected
    assert package_name_problem(expected) is None


@pytest.mark.parametrize("name", ["con", "NUL", "aux", "com3", "class", "json", "httpx", "9a", "a-b", "a/b", "..",
                                  "日本", "a b"])
def test_bad_package_names_are_refused(name: str, tmp_path: Path) -> None:
    assert package_name_problem(name) is not None
    spec = Path(__file__).parent.parent / "specs" / "petstore" / "petstore-3.0.yaml"
    result = generate(str(spec), tmp_path / "out", GenerateOptions(package=name, format=False))
    assert not result.ok and [d.code for d in result.diagnostics if d.severity >= 30] == ["OAG030"]
    assert not (tmp_path / "out").exists()


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=30)), min_size=1, max_size=30))
def test_any_names_in_every_scope(names: list[str]) -> None:
    for ns in (Namespace(naming.MODULE_RESERVED), ParamNamespace(naming.PARAM_RESERVED),
               Namespace(naming.CLIENT_OPTIONS)):
        taken = [ns.take(snake(n), "x", "p_") for n in names]
        assert len(set(taken)) == len(taken) and all(_valid(t) for t in taken)
    assert package_name_problem(package_name(" ".join(names))) is None


def test_wire_names_stay_exact_and_models_import(tmp_path: Path) -> None:
    spec = HOSTILE / "names-keywords-and-twins.json"
    loaded = load_api(str(spec), validate=False)
    assert loaded.api is not None
    for model in loaded.api.models:
        assert len({f.name for f in model.fields}) == len(model.fields)
        assert all(_valid(f.name) for f in model.fields)
    wire = {f.wire_name for m in loaded.api.models for f in m.fields}
    assert {"model_config", "class", "self", "fooBar", "foo_bar", "FOO_BAR", "foo.bar"} <= wire
    result = generate(str(spec), tmp_path, GenerateOptions(package="kw", format=False))
    assert result.ok, [d.format() for d in result.diagnostics if d.severity >= 30]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pydantic warns when a field shadows a BaseModel attribute
        _, models = import_package(tmp_path, "kw", "models")
    cls = next(getattr(models, n) for n in models.__all__ if hasattr(getattr(models, n), "model_fields")
               and any(f.alias == "model_config" for f in getattr(models, n).model_fields.values()))
    data = {"model_config": "a", "class": "b", "fooBar": 1, "foo_bar": 2, "FOO_BAR": 3, "self": "c", "json": "d"}
    obj = cls.model_validate(data)
    dumped = obj.model_dump(by_alias=True, exclude_unset=True)
    assert dumped == data
