"""Parameter and body serialization: the exact URL, headers and body the client produces.

The expected strings are the OpenAPI specification's style table ("Style Examples", 3.0.4 / 3.1.1,
which corrected the label row of 3.0.3), for a parameter ``color`` with the values "blue",
["blue", "black", "brown"] and {"R": 100, "G": 200, "B": 150}.
"""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_support import FEATURES, Recorder, load, module

STRING = "blue"
ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}

# style, explode, location, string, array, object (None: the table says n/a)
TABLE: list[tuple[str, bool, str, str | None, str | None, str | None]] = [
    ("matrix", False, "path", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"),
    ("matrix", True, "path", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"),
    ("label", False, "path", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"),
    ("label", True, "path", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"),
    ("simple", False, "path", "blue", "blue,black,brown", "R,100,G,200,B,150"),
    ("simple", True, "path", "blue", "blue,black,brown", "R=100,G=200,B=150"),
    ("simple", False, "header", "blue", "blue,black,brown", "R,100,G,200,B,150"),
    ("simple", True, "header", "blue", "blue,black,brown", "R=100,G=200,B=150"),
    ("form", False, "query", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"),
    ("form", True, "query", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"),
    ("spaceDelimited", False, "query", None, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"),
    ("pipeDelimited", False, "query", None, "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150"),
    ("deepObject", True, "query", None, None, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
    # Cookies: style form (RFC 6265 pairs instead of '&').
    ("form", False, "cookie", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"),
    ("form", True, "cookie", "color=blue", "color=blue; color=black; color=brown", "R=100; G=200; B=150"),
]
# Swagger 2.0 collectionFormat → the style it is lowered to, and the wire form.
COLLECTION_FORMATS = [
    ("query_csv", "/csv?color=blue,black,brown"),
    ("query_ssv", "/ssv?color=blue%20black%20brown"),
    ("query_tsv", "/tsv?color=blue%09black%09brown"),
    ("query_pipes", "/pipes?color=blue%7Cblack%7Cbrown"),
    ("query_multi", "/multi?color=blue&color=black&color=brown"),
]


@pytest.fixture(scope="module")
def params() -> ModuleType:
    return load(FEATURES / "params-3.0.yaml", "params")


@pytest.fixture(scope="module")
def params2() -> ModuleType:
    return load(FEATURES / "params-2.0.yaml", "params2")


@pytest.fixture(scope="module")
def bodies() -> ModuleType:
    return load(FEATURES / "bodies-3.0.yaml", "bodies")


def _wire(http: ModuleType, style: str, explode: bool, location: str, value: Any) -> str:
    p = http.Param("color", location, style, explode)
    if location == "path":
        return str(http.serialize_path(p, value))
    if location == "query":
        return "&".join(http.serialize_query(p, value))
    if location == "header":
        return str(http.serialize_header(p, value))
    return "; ".join(f"{k}={v}" for k, v in http.serialize_cookie(p, value))


@pytest.mark.parametrize("row", TABLE, ids=[f"{r[2]}-{r[0]}-{'explode' if r[1] else 'no-explode'}" for r in TABLE])
def test_style_table(params: ModuleType, row: tuple[str, bool, str, str | None, str | None, str | None]) -> None:
    style, explode, location, *expected = row
    http = module(params, "_http")
    for value, want in zip((STRING, ARRAY, OBJECT), expected, strict=True):
        if want is None:
            continue
        got = _wire(http, style, explode, location, value)
        assert got == want, (style, explode, location, value)
    # A model serializes like the mapping of its wire names.
    rgb = params.models.Rgb(r=100, g=200, b=150)
    if expected[2] is not None:
        assert _wire(http, style, explode, location, rgb) == expected[2]


# Every operation of the parameters spec, called through the generated client: the exact request target.
CALLS: list[tuple[str, dict[str, Any], str]] = [
    ("path_simple", {"color": STRING}, "/path/simple/blue"),
    ("path_simple_array", {"color": ARRAY}, "/path/simple-array/blue,black,brown"),
    ("path_simple_array_explode", {"color": ARRAY}, "/path/simple-array-explode/blue,black,brown"),
    ("path_simple_object", {"color": "RGB"}, "/path/simple-object/R,100,G,200,B,150"),
    ("path_simple_object_explode", {"color": "RGB"}, "/path/simple-object-explode/R=100,G=200,B=150"),
    ("path_label", {"color": STRING}, "/path/label/.blue"),
    ("path_label_array", {"color": ARRAY}, "/path/label-array/.blue,black,brown"),
    ("path_label_array_explode", {"color": ARRAY}, "/path/label-array-explode/.blue.black.brown"),
    ("path_label_object", {"color": "RGB"}, "/path/label-object/.R,100,G,200,B,150"),
    ("path_label_object_explode", {"color": "RGB"}, "/path/label-object-explode/.R=100.G=200.B=150"),
    ("path_matrix", {"color": STRING}, "/path/matrix/;color=blue"),
    ("path_matrix_array", {"color": ARRAY}, "/path/matrix-array/;color=blue,black,brown"),
    ("path_matrix_array_explode", {"color": ARRAY}, "/path/matrix-array-explode/;color=blue;color=black;color=brown"),
    ("path_matrix_object", {"color": "RGB"}, "/path/matrix-object/;color=R,100,G,200,B,150"),
    ("path_matrix_object_explode", {"color": "RGB"}, "/path/matrix-object-explode/;R=100;G=200;B=150"),
    ("query_form", {"color": STRING, "count": 3, "flag": False}, "/query/form?color=blue&count=3&flag=false"),
    ("query_form_array", {"color": ARRAY}, "/query/form-array?color=blue,black,brown"),
    ("query_form_array_explode", {"color": ARRAY}, "/query/form-array-explode?color=blue&color=black&color=brown"),
    ("query_form_object", {"color": "RGB"}, "/query/form-object?color=R,100,G,200,B,150"),
    ("query_form_object_explode", {"color": "RGB"}, "/query/form-object-explode?R=100&G=200&B=150"),
    ("query_space_array", {"color": ARRAY}, "/query/space-array?color=blue%20black%20brown"),
    ("query_pipe_array", {"color": ARRAY}, "/query/pipe-array?color=blue%7Cblack%7Cbrown"),
    ("query_deep_object", {"color": "RGB"}, "/query/deep-object?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
    ("query_reserved", {"q": "a/b?c&d=e#f g+h", "raw": "a/b?c&d=e#f g+h"},
     "/query/reserved?q=a%2Fb%3Fc%26d%3De%23f%20g%2Bh&raw=a/b?c&d=e%23f%20g+h"),
    ("get_item", {"item_id": "a/b?c#d e", "item_id_2": "..", "limit": 5, "status": "sold",
                  "since": "2024-05-06T07:08:09+00:00"},
     "/items/a%2Fb%3Fc%23d%20e?itemId=..&limit=5&status=sold&since=2024-05-06T07%3A08%3A09%2B00%3A00"),
    ("get_item", {"item_id": ".."}, "/items/%2E%2E"),
]


def _arguments(pkg: ModuleType, arguments: dict[str, Any]) -> dict[str, Any]:
    import datetime

    out = {}
    for k, v in arguments.items():
        if v == "RGB":
            v = pkg.models.Rgb(r=100, g=200, b=150)
        elif k == "status":
            v = pkg.models.Status(v)
        elif k == "since":
            v = datetime.datetime.fromisoformat(v)
        out[k] = v
    return out


@pytest.mark.parametrize("call", CALLS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CALLS)])
def test_every_operation_sends_the_exact_target(params: ModuleType, call: tuple[str, dict[str, Any], str]) -> None:
    name, arguments, target = call
    recorder = Recorder()
    with params.Client(transport=recorder.sync) as client:
        getattr(client, name)(**_arguments(params, arguments))
    assert recorder.target() == target

    async def run() -> str:
        async with params.AsyncClient(transport=recorder.sync) as client:
            await getattr(client, name)(**_arguments(params, arguments))
        return recorder.target()

    assert asyncio.run(run()) == target


def test_headers_and_cookies(params: ModuleType) -> None:
    recorder = Recorder()
    rgb = params.models.Rgb(r=100, g=200, b=150)
    with params.Client(transport=recorder.sync) as client:
        client.header_simple(x_color=STRING, x_colors=ARRAY, x_rgb=rgb, x_rgb_explode=rgb)
        headers = recorder.last.headers
        assert headers["X-Color"] == "blue"
        assert headers["X-Colors"] == "blue,black,brown"
        assert headers["X-Rgb"] == "R,100,G,200,B,150"
        assert headers["X-Rgb-Explode"] == "R=100,G=200,B=150"
        client.cookie_form(color="blue; x=1", colors=ARRAY)
        assert recorder.last.headers["Cookie"] == "color=blue%3B%20x=1; colors=blue,black,brown"
        client.header_simple(x_color="only")
        assert "X-Colors" not in recorder.last.headers  # None means "not sent"


@pytest.mark.parametrize("call", COLLECTION_FORMATS, ids=[c[0] for c in COLLECTION_FORMATS])
def test_swagger2_collection_formats(params2: ModuleType, call: tuple[str, str]) -> None:
    name, target = call
    recorder = Recorder()
    with params2.Client("http://h/v2", transport=recorder.sync) as client:
        getattr(client, name)(color=ARRAY)
    assert recorder.target() == "/v2" + target


def test_swagger2_multi_header_path_and_form(params2: ModuleType) -> None:
    recorder = Recorder()
    with params2.Client("http://h/v2", transport=recorder.sync) as client:
        client.query_multi(color=["a"], n=[1, 2])
        assert recorder.target() == "/v2/multi?color=a&n=1&n=2"
        client.header_csv(x_color=ARRAY)
        assert recorder.last.headers["X-Color"] == "blue,black,brown"
        client.path_string(id_="a/b")
        assert recorder.target() == "/v2/path/a%2Fb"
        client.form_csv({"name": "x y", "tags": ["a", "b&c"]})
        assert recorder.last.content == b"name=x+y&tags=a&tags=b%26c"
        assert recorder.last.headers["Content-Type"] == "application/x-www-form-urlencoded"


# --------------------------------------------------------------------------- bodies


def test_json_body_by_alias_without_unset_fields(bodies: ModuleType) -> None:
    recorder = Recorder(lambda r: httpx.Response(201, json={"displayName": "A", "kind": "gadget"}))
    m = bodies.models
    thing = m.Thing(display_name="Box", kind=m.Kind.GADGET, tags=[m.Tag(name="t")])
    with bodies.Client(transport=recorder.sync) as client:
        client.create_thing(thing)
    assert recorder.last.headers["Content-Type"] == "application/json"
    assert recorder.last.content == b'{"displayName":"Box","kind":"gadget","tags":[{"name":"t"}]}'
    # An explicit None is sent (as null); a field never set is not.
    with bodies.Client(transport=recorder.sync) as client:
        client.create_thing(m.Thing(display_name="Box", kind="gizmo", size=None))
    assert json.loads(recorder.last.content) == {"displayName": "Box", "kind": "gizmo", "size": None}


def test_form_body(bodies: ModuleType) -> None:
    recorder = Recorder()
    body = bodies.models.SubmitFormBody(name="a b", count=2, agree=True, tags=["x", "y"])
    with bodies.Client(transport=recorder.sync) as client:
        client.submit_form(body)
    assert recorder.last.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert recorder.last.content == b"name=a+b&count=2&agree=true&tags=x&tags=y"


def _parts(request: Any) -> list[tuple[str, str | None, str | None, bytes]]:
    """(name, filename, content type, content) of each multipart part."""
    import email.parser
    import email.policy

    raw = b"Content-Type: " + request.headers["Content-Type"].encode() + b"\r\n\r\n" + request.content
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    parts = []
    for part in message.iter_parts():
        parts.append((part.get_param("name", header="content-disposition"), part.get_filename(),
                      part.get("content-type"), part.get_payload(decode=True)))
    return parts


def test_multipart_files_from_bytes_file_objects_paths_and_tuples(bodies: ModuleType, tmp_path: Path) -> None:
    recorder = Recorder()
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG")
    handle = io.BytesIO(b"from a file object")
    handle.name = "/somewhere/notes.txt"
    with bodies.Client(transport=recorder.sync) as client:
        client.upload_files({"file": b"raw bytes", "note": "hello", "attachments": [path, handle,
                                                                                    ("data.json", b"{}", "application/json")]})
    assert recorder.last.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert _parts(recorder.last) == [
        ("file", "file", "application/octet-stream", b"raw bytes"),
        ("note", None, None, b"hello"),
        ("attachments", "photo.png", "image/png", b"\x89PNG"),
        ("attachments", "notes.txt", "text/plain", b"from a file object"),
        ("attachments", "data.json", "application/json", b"{}"),
    ]
    # The generated model works as the body too (its bytes fields become files).
    with bodies.Client(transport=recorder.sync) as client:
        client.upload_files(bodies.models.UploadFilesBody(file=b"x", note="n"))
    assert _parts(recorder.last) == [("file", "file", "application/octet-stream", b"x"), ("note", None, None, b"n")]


def test_octet_stream_and_text_bodies(bodies: ModuleType, tmp_path: Path) -> None:
    recorder = Recorder(lambda r: httpx.Response(204))
    path = tmp_path / "blob.bin"
    path.write_bytes(b"\x00\x01")
    with bodies.Client(transport=recorder.sync) as client:
        for body in (b"\x00\x01", path, io.BytesIO(b"\x00\x01")):
            assert client.put_blob("b", body) is None
            assert recorder.last.headers["Content-Type"] == "application/octet-stream"
            assert recorder.last.content == b"\x00\x01"
        client.add_note(body="héllo")
        assert recorder.last.headers["Content-Type"] == "text/plain"
        assert recorder.last.content == "héllo".encode()
