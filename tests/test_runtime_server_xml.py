"""The server runtime's XML bodies (generator/runtime/server/xml.py), called directly: request bodies
read with the client runtime's reader (a DTD or broken XML a request error naming the body), the
media type of an XML answer chosen from the operation's contents and the ``Accept`` header, and a
handler's value written as XML. Shapes come from a stand-in ``_xml`` module."""

from __future__ import annotations

import asyncio
import importlib.machinery
import sys
import types
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pydantic
import pytest
from fastapi.exceptions import RequestValidationError
from runtime_server_support import errors, request, runtime

from generator.runtime.client import xmlbodies
from generator.runtime.client.xmlbodies import XmlField, XmlModel
from generator.runtime.server import xml
from generator.runtime.server.answers import answer

SHAPES = {"Pet": XmlModel("pet", (XmlField("id", "id", attribute=True), XmlField("name", "Name"),
                                  XmlField("tags", "tags", many=True, wrapped=True, item="tag")))}


class Pet(pydantic.BaseModel):
    id: int
    name: str
    tags: list[str] | None = None


@pytest.fixture
def shaped(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A package with XML bodies: its ``_xml`` module (here the runtime's package is ``generator``)."""
    module = types.ModuleType("generator._xml")
    module.SHAPES = SHAPES  # type: ignore[attr-defined]
    module.__spec__ = importlib.machinery.ModuleSpec("generator._xml", None)
    monkeypatch.setitem(sys.modules, "generator._xml", module)
    xmlbodies.shapes.cache_clear()
    xml.enabled.cache_clear()
    yield
    xmlbodies.shapes.cache_clear()
    xml.enabled.cache_clear()


def test_the_reader_and_writer_are_the_client_runtimes() -> None:
    assert xml.xmlbodies() is xmlbodies


def test_enabled_only_for_a_package_with_xml_bodies() -> None:
    xml.enabled.cache_clear()
    assert xml.enabled() is False  # no generator._xml


def test_enabled_with_an_xml_module(shaped: None) -> None:
    assert xml.enabled() is True


# --------------------------------------------------------------------------- reading


def test_a_request_body_is_read_for_its_declared_type(shaped: None) -> None:
    data = xml.read(b'<pet id="3"><Name>Rex</Name><tags><tag>a</tag><tag>b</tag></tags></pet>', Pet)
    assert data == {"id": "3", "name": "Rex", "tags": ["a", "b"]}
    assert Pet.model_validate(data) == Pet(id=3, name="Rex", tags=["a", "b"])
    assert xml.read(b"<r><a>1</a></r>", dict[str, Any]) == {"a": "1"}


@pytest.mark.parametrize(("doc", "says"), [
    (b'<!DOCTYPE p [<!ENTITY a "aaaa">]><pet><Name>&a;</Name></pet>', "DTD"),
    (b'<!DOCTYPE pet SYSTEM "file:///etc/passwd"><pet/>', "DTD"),
    (b"<pet><Name>unclosed</pet>", "not XML"),
    (b"", "not XML"),
])
def test_bad_xml_is_a_request_error_naming_the_body(doc: bytes, says: str) -> None:
    with pytest.raises(RequestValidationError) as caught:
        xml.read(doc, Pet)
    assert errors(caught.value) == [(("body",), "xml_invalid")]
    assert says in caught.value.errors()[0]["msg"]
    assert caught.value.__cause__ is None and caught.value.__suppress_context__  # no traceback chain


# --------------------------------------------------------------------------- answer_media


XML_FIRST = [{"media_type": "application/xml", "kind": "xml"}, {"media_type": "application/json", "kind": "json"}]
JSON_FIRST = [{"media_type": "application/json", "kind": "json"}, {"media_type": "text/xml", "kind": "xml"}]
TWO_XML = [{"media_type": "application/xml", "kind": "xml"}, {"media_type": "text/xml", "kind": "xml"}]


@pytest.mark.parametrize(("contents", "accept", "media"), [
    (XML_FIRST, None, "application/xml"),  # the first declared answer is XML
    (XML_FIRST, "*/*", "application/xml"),
    (XML_FIRST, "application/json", None),  # the client asks for JSON
    (XML_FIRST, "application/xml, application/json;q=0.5", "application/xml"),  # named, though JSON too
    (JSON_FIRST, None, None),  # JSON first, nothing asked: JSON
    (JSON_FIRST, "*/*", None),
    (JSON_FIRST, "text/xml", "text/xml"),
    (JSON_FIRST, "application/xml", "text/xml"),  # asks for XML: the XML one declared
    (TWO_XML, None, "application/xml"),
    (TWO_XML, "TEXT/XML", "text/xml"),  # the one the Accept header names
    ([{"media_type": "application/json", "kind": "json"}], "application/xml", None),  # no XML declared
    ([], "application/xml", None),
])
def test_the_answers_media_type(contents: list[dict[str, Any]], accept: str | None, media: str | None) -> None:
    headers = [("Accept", accept)] if accept is not None else []
    assert xml.answer_media(request(headers=headers), contents) == media


# --------------------------------------------------------------------------- writing


def test_a_handlers_value_is_written_as_xml(shaped: None) -> None:
    response = xml.respond(Pet(id=7, name="Rex & Co", tags=["x"]), 201, "text/xml")
    assert response.status_code == 201 and response.headers["content-type"].startswith("text/xml")
    root = ET.fromstring(response.body)
    assert (root.tag, root.get("id"), root.find("Name").text) == ("pet", "7", "Rex & Co")
    assert [t.text for t in root.find("tags")] == ["x"]
    listed = ET.fromstring(xml.respond([Pet(id=1, name="a"), Pet(id=2, name="b")], 200, "application/xml").body)
    assert [(c.tag, c.get("id")) for c in listed] == [("pet", "1"), ("pet", "2")]  # the items' shape
    plain = ET.fromstring(xml.respond({"a": 1}, 200, "application/xml").body)
    assert (plain.tag, plain.find("a").text) == ("root", "1")


def test_nothing_is_an_empty_answer() -> None:
    response = xml.respond(None, 204, "application/xml")
    assert (response.status_code, response.body) == (204, b"")
    assert "content-type" not in response.headers


def test_a_handlers_answer_is_xml_when_the_operation_answers_xml(shaped: None) -> None:
    state = runtime({"get_pet": {"response": {"status": 200, "headers": [], "contents": JSON_FIRST}}})

    async def handler() -> Pet:
        return Pet(id=7, name="Rex")

    def call(accept: str) -> Any:
        return asyncio.run(answer(request(state, headers=[("Accept", accept)]), "get_pet", 200, handler))

    as_xml = call("text/xml")
    assert as_xml.media_type == "text/xml" and ET.fromstring(as_xml.body).get("id") == "7"
    as_json = call("application/json")
    assert as_json.media_type == "application/json" and as_json.body == b'{"id":7,"name":"Rex"}'
