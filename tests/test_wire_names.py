"""Correct on the wire (issue 14, classes 2, 3, 4 and 10): the repair fixtures' generated client
against their generated server on a real socket (uvicorn on 127.0.0.1), with handlers that answer
the operation they are, the arguments they got, the raw request line and every request header.

- names with HTML character references and invisible characters (``/?analytics&amp;id``,
  ``Content-&#8203;Disposition``) go on the wire decoded, and the right operation answers;
- header names that are not HTTP tokens are repaired (``Prefer: outlook.timezone``) or dropped:
  no request httpx refuses;
- headers the HTTP stack owns: exactly one Accept and one Content-Type, an ``accept`` argument
  replaces the default, a ``content_type`` argument picks the body's media type, no Content-Length,
  Host, Transfer-Encoding or Connection from the caller;
- path keys with bare names (``/CancelChangeSet#catalog&changeSetId``): the declared parameters are
  sent, a ``?uploads`` flag is sent as written, a fragment never.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from helpers import ROOT, generate_package, import_fresh, uvicorn_server

pytestmark = pytest.mark.e2e

REPAIRS = ROOT / "tests" / "repairs"
VERSIONS = ("2.0", "3.0")


class Served:
    """The generated packages of the fixtures, each served by uvicorn (started on first use)."""

    def __init__(self, root: Path, stack: ExitStack) -> None:
        self.root = root
        self.stack = stack
        self.urls: dict[str, str] = {}

    def __call__(self, stem: str) -> tuple[ModuleType, str]:
        package = "wire_" + stem.replace("-", "_").replace(".", "_")
        out = self.root / stem
        if stem not in self.urls:
            generate_package(REPAIRS / f"{stem}.yaml", out, package, validate=False)
            shutil.copy(ROOT / "tests" / "wire_app.py", out / "wire_app.py")
            self.urls[stem] = self.stack.enter_context(
                uvicorn_server("wire_app:app", out, env={"OAGEN_TEST_PACKAGE": package}))
        return import_fresh(out, f"{package}.client"), self.urls[stem]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with ExitStack() as stack:
        yield Served(tmp_path_factory.mktemp("wire"), stack)


def headers(answer: dict[str, Any], name: str) -> list[str]:
    """Every value of a request header the server received (any case)."""
    return [v for k, v in answer["headers"] if k.lower() == name.lower()]


def only(answer: dict[str, Any], name: str) -> str:
    """The one value of a header that must be on the wire exactly once."""
    found = headers(answer, name)
    assert len(found) == 1, f"{name}: {found} in {answer['headers']}"
    return found[0]


# --------------------------------------------------------------------------- class 2


@pytest.mark.parametrize("version", VERSIONS)
def test_names_with_html_entities_are_sent_decoded(served: Served, version: str) -> None:
    client_mod, url = served(f"names-html-entities-{version}")
    with client_mod.Client(url, token="secret") as client:
        listed = client.list_bucket_analytics_configurations(continuation_token="t")
        assert listed["operation"] == "list_bucket_analytics_configurations"
        assert listed["request_line"] == "GET /?analytics&ContinuationToken=t"

        got = client.get_bucket_analytics_configuration()
        assert got["operation"] == "get_bucket_analytics_configuration"  # not the listing
        assert got["request_line"] == "GET /?analytics&id=analytics-configuration-ID"

        uploads = client.list_multipart_uploads(upload_id_marker="m", description="d")
        assert uploads["request_line"] == "GET /?uploads&upload-id-marker=m&description=d"
        assert uploads["arguments"] == {"upload_id_marker": "m", "description": "d"}

        started = client.initiate_multipart_upload(content_disposition="attachment", x_amz_storage_class="STANDARD")
        assert started["operation"] == "initiate_multipart_upload"
        assert only(started, "Content-Disposition") == "attachment"
        assert only(started, "x-amz-storage-class") == "STANDARD"
        assert started["arguments"]["content_disposition"] == "attachment"

        assert only(started, "X-Api-Key") == "secret"  # the scheme's name, decoded

        sample = client.with_response(getattr(client, "sample_500" if version == "2.0" else "sample500"))()
        assert sample.parsed["request_line"] == "GET /cps/v2/sample%E2%80%93500"

        if version == "2.0":  # formData fields are wire names too
            posted = client.post_object({"key": "k", "x-amz-server-side-encryption": "AES256"})
            assert posted["operation"] == "post_object"
            assert posted["arguments"]["body"] == {"key": "k", "x-amz-server-side-encryption": "AES256"}


# --------------------------------------------------------------------------- class 3


@pytest.mark.parametrize("version", VERSIONS)
def test_header_names_that_are_not_tokens(served: Served, version: str) -> None:
    client_mod, url = served(f"header-names-not-tokens-{version}")
    with client_mod.Client(url, **({"key": "k"} if version == "3.0" else {})) as client:
        answer = client.list_events(prefer='outlook.timezone="Pacific Standard Time"', x_client_version="2",
                                    time_zone="UTC")
    assert answer["operation"] == "list_events"
    assert only(answer, "Prefer") == 'outlook.timezone="Pacific Standard Time"'
    assert only(answer, "X-Client-Version") == "2"
    assert answer["request_line"] == "GET /me/events?time%20zone=UTC"
    assert answer["arguments"] == {"prefer": 'outlook.timezone="Pacific Standard Time"', "x_client_version": "2",
                                   "time_zone": "UTC"}
    code = client_mod.Client.list_events.__code__
    assert "x_request_id" not in code.co_varnames  # 'X Request Id' names no header: dropped
    if version == "3.0":
        assert only(answer, "Api-Key") == "k"  # the scheme's 'Api-Key: secret', read as Api-Key
        # A scheme whose header no request could carry is left out, by the client and the server.
        assert "partner" not in client_mod.Client.__init__.__code__.co_varnames
        with client_mod.Client(url) as client:
            assert client.get_calendar()["operation"] == "get_calendar"


# --------------------------------------------------------------------------- class 4


@pytest.mark.parametrize("version", VERSIONS)
def test_one_accept_and_one_content_type(served: Served, version: str) -> None:
    client_mod, url = served(f"stack-owned-headers-{version}")
    models = import_fresh(Path(client_mod.__file__).parent.parent, client_mod.__name__.split(".")[0] + ".models")
    with client_mod.Client(url) as client:
        created = client.create_item(models.Item(name="a", size=1))
        assert created["operation"] == "create_item"
        assert only(created, "Content-Type") == "application/json"
        assert only(created, "Accept") == "application/vnd.example.preview+json"  # the parameter's default
        assert created["arguments"]["body"] == {"name": "a", "size": 1}
        assert created["arguments"]["accept"] == "application/vnd.example.preview+json"

        preview = client.create_item({"name": "b"}, accept="application/json")
        assert only(preview, "Accept") == "application/json"  # replaced, not added

        other = "application/x-www-form-urlencoded" if version == "3.0" else "application/vnd.example.item+json"
        chosen = client.create_item(models.Item(name="c", size=2), content_type=other)
        assert only(chosen, "Content-Type") == other
        assert chosen["arguments"]["content_type"] == other
        assert chosen["arguments"]["body"] == {"name": "c", "size": 2}

        listed = client.list_items(authorization="Token abc", accept="application/json")
        assert listed["operation"] == "list_items"
        assert only(listed, "Authorization") == "Token abc"
        assert only(listed, "Accept") == "application/json"
        assert headers(listed, "Content-Type") == []  # no body, no Content-Type (the parameter is dropped)
        assert "content_type" not in listed["arguments"]

        jpeg = json.loads(client.get_thumbnail())  # (declared image/jpeg: the client hands back the bytes)
        assert jpeg["operation"] == "get_thumbnail"  # the server routes on the constant
        assert only(jpeg, "Accept") == "image/jpeg"


@pytest.mark.parametrize("version", VERSIONS)
def test_headers_the_stack_owns_are_never_the_callers(served: Served, version: str) -> None:
    client_mod, url = served(f"stack-owned-headers-{version}")
    with client_mod.Client(url) as client:
        png = client.upload_file("a.png", b"\x89PNG-data", content_type="image/png")
        default = client.upload_file("a.bin", b"0123456789")
    for answer, ctype, length in ((png, "image/png", "9"), (default, "application/octet-stream", "10")):
        assert answer["operation"] == "upload_file"
        assert only(answer, "Content-Type") == ctype
        assert only(answer, "Content-Length") == length
        assert only(answer, "Host") == url.removeprefix("http://")
        assert headers(answer, "Transfer-Encoding") == []
        assert set(answer["arguments"]) == {"name", "content_type", "body"}
    assert png["arguments"]["body"] == {"bytes": "\x89PNG-data"}
    for method in ("upload_file", "list_items", "create_item", "get_me"):
        code = getattr(client_mod.Client, method).__code__
        names = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
        assert not {"content_length", "transfer_encoding", "connection", "host"} & set(names), (method, names)


@pytest.mark.parametrize("version", VERSIONS)
def test_authorization_parameter_or_scheme_one_header(served: Served, version: str) -> None:
    client_mod, url = served(f"stack-owned-headers-{version}")
    code = client_mod.Client.get_me.__code__
    # self and the per-call options: the scheme sends Authorization, no parameter does
    assert code.co_varnames[:code.co_argcount + code.co_kwonlyargcount] == ("self", "request_options")
    kwargs = {"bearer": "tok"}

    async def call() -> dict[str, Any]:
        async with client_mod.AsyncClient(url, **kwargs) as client:
            return await client.get_me()  # type: ignore[no-any-return]

    answer = asyncio.run(call())
    assert answer["operation"] == "get_me"
    assert only(answer, "Authorization") == ("Bearer tok" if version == "3.0" else "tok")


# --------------------------------------------------------------------------- class 10


@pytest.mark.parametrize("version", VERSIONS)
def test_path_keys_with_bare_names(served: Served, version: str) -> None:
    client_mod, url = served(f"path-key-bare-names-{version}")
    with client_mod.Client(url) as client:
        cancelled = client.cancel_change_set(catalog="AWSMarketplace", change_set_id="cs-1").model_dump()
        assert cancelled["operation"] == "cancel_change_set"
        assert cancelled["request_line"] == "PATCH /CancelChangeSet?catalog=AWSMarketplace&changeSetId=cs-1"
        assert cancelled["arguments"] == {"catalog": "AWSMarketplace", "change_set_id": "cs-1"}

        calls = {
            "list_objects": (client.list_objects("b", prefix="p"), "GET /b?prefix=p"),
            "get_bucket_acl": (client.get_bucket_acl("b"), "GET /b?acl=true"),
            "list_multipart_uploads": (client.list_multipart_uploads("b"), "GET /b?uploads"),
            "current_weather": (client.current_weather("Paris"), "GET /weather?units=metric&city=Paris"),
            "upload_part": (client.upload_part(part_number=3), "PUT /parts?uploadId=UploadId&partNumber=3"),
        }
        with pytest.warns(DeprecationWarning):
            calls["get_bucket_lifecycle"] = (client.get_bucket_lifecycle("b"), "GET /b?lifecycle=true")
        copied = client.copy_object("b", "k", "/src/key")
    for name, (answer, line) in calls.items():
        assert (answer["operation"], answer["request_line"]) == (name, line)
    assert copied["operation"] == "copy_object"
    assert only(copied, "x-amz-copy-source") == "/src/key"
    assert copied["arguments"] == {"bucket": "b", "key": "k", "x_amz_copy_source": "/src/key"}
    # The server still tells the subresources apart by what the client sends.
    assert httpx.get(url + "/b?acl=true").json()["operation"] == "get_bucket_acl"
    assert httpx.get(url + "/b").json()["operation"] == "list_objects"
