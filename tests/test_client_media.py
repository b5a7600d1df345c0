"""Which declared body the client reads an answer as, by its Content-Type (issue 14: osf.io).

A response that declares ``*/*`` with an array schema beside ``application/json`` without a
schema: an ``application/json`` answer is read as what comes (the spec allows anything there),
another one as the array; exact media types before wildcards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import generate_package, import_package

SPEC = """\
openapi: 3.0.3
info: {title: Media, version: '1'}
paths:
  /addons:
    get:
      operationId: listAddons
      responses:
        '200':
          description: The add-ons.
          content:
            '*/*':
              schema: {type: array, items: {type: object, properties: {id: {type: string}}}}
            application/json:
              example: {data: []}
"""


def _operation(tmp_path: Path) -> Any:
    spec = tmp_path / "media.yaml"
    spec.write_text(SPEC, "utf-8")
    out = generate_package(spec, tmp_path / "out", "media_pkg", format=False)
    _, client = import_package(out, "media_pkg", "client")
    return next(v for v in vars(client).values() if type(v).__name__ == "Operation" and v.name == "list_addons")


def test_an_exact_media_type_without_a_schema_is_read_as_what_comes(tmp_path: Path) -> None:
    op = _operation(tmp_path)
    as_json = op.result(200, "application/json; charset=utf-8")
    assert as_json.declared() is Any and as_json.validate({"data": []}) == {"data": []}
    other = op.result(200, "text/x-anything")
    assert other.typed and other.validate([{"id": "a"}])[0].model_dump() == {"id_": "a"}


# A server on 127.0.0.1 that answers GET /addons in turn as application/json (no schema declared:
# anything) and as another media type (the */* array of objects).
APP = '''
ANSWERS = [("application/json; charset=utf-8", b'{"data": []}'), ("text/x-anything", b'[{"id": "a"}]')]
SENT = []


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    media, body = ("text/plain", b"ready")
    if scope["path"] == "/addons":
        media, body = ANSWERS[len(SENT) % 2]
        SENT.append(media)
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", media.encode())]})
    await send({"type": "http.response.body", "body": body})
'''


def test_the_client_reads_each_answer_by_its_content_type_over_a_socket(tmp_path: Path) -> None:
    from helpers import uvicorn_server

    spec = tmp_path / "media.yaml"
    spec.write_text(SPEC, "utf-8")
    out = generate_package(spec, tmp_path / "out", "media_wire", format=False, server=False)
    (tmp_path / "media_app.py").write_text(APP, "utf-8")
    _, client_module = import_package(out, "media_wire", "client")
    with uvicorn_server("media_app:app", tmp_path) as url, client_module.Client(url, retries=0) as client:
        as_json = client.list_addons()
        as_array = client.list_addons()
    assert as_json == {"data": []}
    assert isinstance(as_array, list) and all(hasattr(item, "model_dump") for item in as_array), as_array
    assert [item.model_dump() for item in as_array] == [{"id_": "a"}]
