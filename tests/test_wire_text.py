"""Names read as text (generator/normalize/wire.py) and the client's header rules, without a server
(the wire tests over a socket are in test_wire_names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from client_support import Recorder, load
from generator import ir
from generator.api import load_api
from generator.normalize import wire
from helpers import ROOT


@pytest.mark.parametrize(("raw", "read"), [
    ("/?analytics&amp;id=ID", "/?analytics&id=ID"),
    ("x-amz-server-side&#8203;-encryption", "x-amz-server-side-encryption"),
    ("Content-&#x200B;Disposition", "Content-Disposition"),
    ("x-amz-storage-\u200bclass\u2060", "x-amz-storage-class"),
    ("\ufeffsoft\u00adhyphen\u200d", "softhyphen"),
    ("&amp;#8203;twice", "twice"),  # doubly escaped
    ("caf&eacute;&#8211;bar", "café–bar"),
    # Legacy references without ';' and unknown names stay as written: '&notify=1' is a parameter.
    ("/x?a=1&notify=2&copy=3&para", "/x?a=1&notify=2&copy=3&para"),
    ("&ampfoo;&bogus;", "&ampfoo;&bogus;"),
    ("plain-name", "plain-name"),
])
def test_decode(raw: str, read: str) -> None:
    assert wire.decode(raw) == read


@pytest.mark.parametrize(("raw", "name", "said"), [
    ("&quot;description&quot;", "description",
     "HTML character references decoded, the spaces or quotes around it removed"),
    ("&nbsp;X-Token&nbsp;", "X-Token", "HTML character references decoded, the spaces or quotes around it removed"),
    ("x-amz-meta&#8203;", "x-amz-meta", "HTML character references decoded, invisible characters dropped"),
    ("'X-Client'", "X-Client", "the spaces or quotes around it removed"),
    ("&#160;", "", "HTML character references decoded, the spaces or quotes around it removed"),
])
def test_clean_name_and_what_it_says(raw: str, name: str, said: str) -> None:
    assert wire.clean_name(raw) == name
    assert wire.what_changed(raw, name) == said


def test_header_names() -> None:
    assert wire.is_token("x-amz-meta-") and wire.is_token("!#$%&'*+-.^_`|~09AZaz")
    assert not wire.is_token("") and not wire.is_token("X Y") and not wire.is_token("X-Träger")
    assert wire.header_name("Prefer: outlook.timezone") == (
        "Prefer", "the text after ':' is a value, not part of a header name")
    assert wire.header_name("Retry After") == (None, "it holds a space, which an RFC 9110 token cannot")
    assert wire.header_name(": x")[0] is None
    assert wire.header_name('"A" (b)')[0] is None


def test_client_sends_one_of_each_header_and_refuses_a_body_it_cannot_describe() -> None:
    pkg = load(ROOT / "tests" / "repairs" / "stack-owned-headers-3.0.yaml", "stack_text")
    http = pkg._http
    recorder = Recorder()
    client = pkg.Client("http://h", transport=recorder.sync, headers={"accept": "text/plain"}, retries=0)
    client.create_item({"name": "a"}, accept="application/json", content_type="application/json; charset=utf-8")
    sent = recorder.last.headers
    assert sent.get_list("accept") == ["application/json"]  # per call, over the client's own
    assert sent.get_list("content-type") == ["application/json; charset=utf-8"]
    assert recorder.last.content == b'{"name":"a"}'

    client.create_item({"name": "a", "size": 2}, content_type="application/x-www-form-urlencoded")
    assert recorder.last.content == b"name=a&size=2"
    assert recorder.last.headers.get_list("content-type") == ["application/x-www-form-urlencoded"]

    client.create_item({"name": "a"}, content_type="application/vnd.example.item+json")  # not declared: as given
    assert recorder.last.headers.get_list("content-type") == ["application/vnd.example.item+json"]
    assert recorder.last.content == b'{"name":"a"}'

    form_first = http.Operation("op", "POST", "/", bodies=(http.Body("application/x-www-form-urlencoded", "form"),
                                                           http.Body("application/json", "json")))
    with pytest.raises(ValueError, match="op: a 'text/csv' body cannot be sent; it takes "
                                         "application/x-www-form-urlencoded, application/json"):
        http.encode_body(form_first, {"a": 1}, {"content-type": "text/csv"})
    headers = {"Content-Type": "multipart/form-data"}
    multipart = http.Operation("op", "POST", "/", bodies=(http.Body("multipart/form-data", "multipart"),))
    assert "files" in http.encode_body(multipart, {"a": "1"}, headers)
    assert headers == {}  # httpx writes it, with the boundary of the parts


def test_put_header_replaces_in_any_case() -> None:
    pkg = load(ROOT / "tests" / "repairs" / "stack-owned-headers-3.0.yaml", "stack_text")
    headers = {"Accept": "a", "X": "1"}
    pkg._http.put_header(headers, "accept", "b")
    assert headers == {"X": "1", "accept": "b"}
    assert pkg._http.pop_header(headers, "ACCEPT") == "b" and headers == {"X": "1"}


def test_templates_in_a_path_keys_query(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("""
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /users/{id}?id={id}&q={query}&x={nothing}&units=metric:
    get:
      operationId: getUser
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
        - {name: query, in: query, schema: {type: string}}
      responses: {"200": {description: OK}}
""")
    loaded = load_api(str(spec), validate=False)
    assert loaded.api is not None
    op = loaded.api.operations[0]
    assert op.path == "/users/{id}"
    assert [(p.wire_name, p.location, p.required, p.type) for p in op.parameters] == [
        ("id", "path", True, ir.Primitive(kind="integer")),  # the path still needs it
        ("q", "query", False, ir.STRING),  # the declared 'query', under the key's name
        ("id", "query", True, ir.Primitive(kind="integer")),
        ("x", "query", True, ir.STRING),  # named by the key alone
    ]
    assert [(c.location, c.wire_name, c.value) for c in op.constants] == [("query", "units", "metric")]
    assert [d.code for d in loaded.diagnostics] == ["OAG143"] * 3
