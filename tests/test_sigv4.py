"""AWS Signature Version 4: the runtime's signer against AWS's published test suite
(tests/data/sigv4_test_suite.json, sources noted there), and a generated client whose requests a
server on 127.0.0.1 verifies with its own implementation (tests/sigv4_peer_app.py)."""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from client_support import FEATURES, load, module
from helpers import uvicorn_server

from generator.runtime.client import sigv4

HERE = Path(__file__).resolve().parent
SUITE = json.loads((HERE / "data" / "sigv4_test_suite.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SUITE["cases"], ids=[c["name"] for c in SUITE["cases"]])
def test_the_signer_reproduces_the_published_test_suite(case: dict[str, Any]) -> None:
    query = "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in case["query"])
    signed = sigv4.sign(
        method=case["method"], path=case["path"], query=query,
        headers=[tuple(h) for h in case["headers"]],
        payload_hash=hashlib.sha256(case["body"].encode()).hexdigest(),
        access_key=SUITE["access_key"], secret_key=SUITE["secret_key"], region=SUITE["region"],
        service=SUITE["service"], amz_date=SUITE["amz_date"],
    )
    assert signed.authorization == case["authorization"]


def _suite_auth(**kwargs: Any) -> sigv4.SigV4Auth:
    creds = sigv4.AwsCredentials(SUITE["access_key"], SUITE["secret_key"], **kwargs)
    when = datetime.datetime(2015, 8, 30, 12, 36, tzinfo=datetime.timezone.utc)
    return sigv4.SigV4Auth(creds, "us-east-1", "service", clock=lambda: when)


def test_the_httpx_auth_signs_a_request_as_the_suite_does() -> None:
    request = httpx.Request("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1",
                            headers={"User-Agent": "x", "Accept": "*/*"})
    _suite_auth().sign_request(request)
    case = next(c for c in SUITE["cases"] if c["name"] == "get-vanilla-query-order-key-case")
    assert request.headers["authorization"] == case["authorization"]  # unsigned headers ignored
    assert request.headers["x-amz-date"] == "20150830T123600Z"

    token = next(c for c in SUITE["cases"] if c["name"] == "get-vanilla-with-session-token")
    request = httpx.Request("GET", "https://example.amazonaws.com/")
    _suite_auth(session_token=token["session_token"]).sign_request(request)
    assert request.headers["authorization"] == token["authorization"]

    form = next(c for c in SUITE["cases"] if c["name"] == "post-x-www-form-urlencoded")
    request = httpx.Request("POST", "https://example.amazonaws.com/", content=b"Param1=value1",
                            headers={"content-type": "application/x-www-form-urlencoded"})
    _suite_auth().sign_request(request)
    assert request.headers["authorization"] == form["authorization"]


def test_s3_signs_the_payload_hash_and_the_path_as_sent() -> None:
    creds = sigv4.AwsCredentials("AKIDEXAMPLE", "secret")
    auth = sigv4.SigV4Auth(creds, "us-east-1", "s3")
    request = httpx.Request("PUT", "https://bucket.s3.amazonaws.com/a%20b/../c", content=b"data")
    auth.sign_request(request)
    assert request.headers["x-amz-content-sha256"] == hashlib.sha256(b"data").hexdigest()
    assert "x-amz-content-sha256" in request.headers["authorization"]
    assert sigv4.canonical_uri("/a%20b/../c", normalize=False, encode=False) == "/a%20b/../c"
    assert sigv4.canonical_uri("/a%20b//c/", normalize=True, encode=True) == "/a%2520b/c/"


# --------------------------------------------------------------------------- on the wire


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("sigv4_peer_app")
    shutil.copy(HERE / "sigv4_peer_app.py", folder)  # uvicorn's log goes there too
    with uvicorn_server("sigv4_peer_app:app", folder) as url:
        yield url


@pytest.fixture(scope="module")
def pkg() -> Any:
    return load(FEATURES / "sigv4-3.0.yaml", "sigv4_e2e")


def test_a_generated_client_signs_what_the_server_verifies(pkg: Any, server: str) -> None:
    keys = (SUITE["access_key"], SUITE["secret_key"])
    with pkg.Client(server + "/prod", sigv4=keys) as client:
        item = client.get_item("a b/ሴ", filter_="x=1&y", tags=["b", "a", "a b"])
        # region and service as the spec's server (an API Gateway host) says
        assert item.name == "eu-west-1/execute-api/AKIDEXAMPLE"
        put = client.with_response(client.put_item)("id-1", pkg.models.Item(name="n", count=2),
                                                    x_amz_meta_note="two  spaces")
        assert put.status_code == 200 and put.parsed.name.startswith("eu-west-1/")
        assert "x-amz-meta-note" in put.raw.json()["signed"]


def test_temporary_credentials_and_overrides_async(pkg: Any, server: str) -> None:
    import asyncio

    http = module(pkg, "_http")
    creds = http.AwsCredentials("ASIATEMP", "temp/secret+key", "FQoGZXIvYXdzEXAMPLE//token==",
                                region="us-west-2", service="custom")

    async def main() -> str:
        async with pkg.AsyncClient(server + "/prod", sigv4=creds) as client:
            return str((await client.get_item("x")).name)

    assert asyncio.run(main()) == "us-west-2/custom/ASIATEMP"


def test_a_wrong_secret_is_refused(pkg: Any, server: str) -> None:
    with pkg.Client(server + "/prod", sigv4=("AKIDEXAMPLE", "wrong")) as client, pytest.raises(pkg.ApiError) as err:
        client.get_item("x")
    assert err.value.status_code == 403 and "signature mismatch" in str(err.value.parsed)


def test_signing_a_spec_that_does_not_declare_it(server: str) -> None:
    pkg = load(FEATURES / "oauth2-3.0.yaml", "sigv4_undeclared")
    http = module(pkg, "_http")
    auth = http.SigV4Auth(http.AwsCredentials(*[SUITE["access_key"], SUITE["secret_key"]]), "eu-central-1", "things")
    with pkg.Client(server + "/api", auth=auth) as client:
        with pytest.raises(pkg.ApiError) as err:  # the answer is not the declared list: the call got through
            client.list_things()
    assert err.value.status_code != 403


def _server(url: str, **variables: str) -> Any:
    from generator import ir

    return ir.Server(url=url, variables=tuple(ir.ServerVariable(wire_name=k, default=v) for k, v in variables.items()))


@pytest.mark.parametrize(("servers", "info", "expected"), [
    ([("https://sts.amazonaws.com", {}), ("https://sts.{region}.amazonaws.com", {"region": "us-gov-west-1"})],
     {"x-serviceName": "sts"}, ("", "sts")),  # the default URL is the global endpoint
    ([("http://cognito-idp.{region}.amazonaws.com", {"region": "eu-west-1"})], {}, ("eu-west-1", "cognito-idp")),
    ([("https://abc123.execute-api.ap-south-1.amazonaws.com/prod", {})], {}, ("ap-south-1", "execute-api")),
    ([("https://api.example.com", {})], {"x-serviceName": "things"}, ("", "things")),
    ([("https://monitoring.us-east-2.amazonaws.com", {})], {"x-aws-signingName": "cloudwatch"},
     ("us-east-2", "cloudwatch")),
])
def test_region_and_service_are_inferred_from_the_spec(servers: list[Any], info: dict[str, str],
                                                       expected: tuple[str, str]) -> None:
    from generator.normalize.signing import sigv4_facts

    facts = sigv4_facts(info, tuple(_server(url, **variables) for url, variables in servers))
    assert (facts.region, facts.service) == expected
