"""The naming pass: valid, unique, deterministic identifiers; wire names untouched."""

from __future__ import annotations

import keyword

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.naming import Namespace, pascal, snake, split_words


def test_split_and_case() -> None:
    assert snake("getOpenIdToken") == "get_open_id_token"
    assert snake("HTTPServerError") == "http_server_error"
    assert snake("books.cloudloading.addBook") == "books_cloudloading_add_book"
    assert snake("include[]") == "include"
    assert pascal("pet-store_item") == "PetStoreItem"
    assert split_words("Ünïcödé") == ["Unicode"]


def test_keywords_builtins_digits_and_collisions() -> None:
    ns = Namespace()
    assert ns.take(snake("class"), "x", "p_") == "class_"
    assert ns.take(snake("match"), "x", "p_") == "match_"
    assert ns.take(snake("type"), "x", "p_") == "type_"
    assert ns.take(snake("2fa"), "x", "p_") == "p_2fa"
    assert ns.take(snake(""), "value", "p_") == "value"
    assert ns.take(snake("fooBar"), "x", "p_") == "foo_bar"
    assert ns.take(snake("foo-bar"), "x", "p_") == "foo_bar_2"
    assert ns.take(snake("FOO_BAR"), "x", "p_") == "foo_bar_3"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=20))
def test_any_names_give_unique_valid_identifiers(names: list[str]) -> None:
    ns = Namespace({"body"})
    taken = [ns.take(snake(n), "param", "p_") for n in names]
    assert len(set(taken)) == len(taken)
    for t in taken:
        assert t.isidentifier() and not keyword.iskeyword(t) and not keyword.issoftkeyword(t)
        assert t != "body"
    again = Namespace({"body"})
    assert [again.take(snake(n), "param", "p_") for n in names] == taken


def test_evolve_is_dataclasses_replace_for_ir_nodes() -> None:
    import dataclasses

    import pytest

    from generator import ir

    field = ir.Field(wire_name="petId", type=ir.STRING, required=True, description="d", examples=("x",))
    renamed = ir.evolve(field, name="pet_id")
    assert renamed == dataclasses.replace(field, name="pet_id") and field.name == ""
    model = ir.Model(key="#/m", name_hint="M", kind="object", fields=(field,))
    assert ir.evolve(model, name="M", fields=(renamed,)) == dataclasses.replace(model, name="M", fields=(renamed,))
    with pytest.raises(TypeError, match="no field"):
        ir.evolve(field, nmae="typo")
