"""The client runtime's credentials (generator/runtime/client/auth.py), imported directly: each
scheme kind and location, the choice among alternatives, and API keys kept out of logs."""

from __future__ import annotations

import base64
import logging
from collections.abc import Mapping
from typing import Any

import httpx
import pytest

from generator.runtime.client import auth
from generator.runtime.client.spec import Scheme

SCHEMES = {
    "basic": Scheme("basic"),
    "bearer": Scheme("bearer"),
    "header_key": Scheme("apiKey", "header", "X-Api-Key"),
    "query_key": Scheme("apiKey", "query", "api key"),
    "cookie_key": Scheme("apiKey", "cookie", "session"),
}


def sent(security: tuple[tuple[str, ...], ...], credentials: Mapping[str, Any],
         headers: dict[str, str] | None = None) -> tuple[list[str], dict[str, str], list[tuple[str, str]]]:
    query: list[str] = []
    headers = {} if headers is None else headers
    cookies: list[tuple[str, str]] = []
    auth.authorize(security, SCHEMES, credentials, query, headers, cookies)
    return query, headers, cookies


def test_each_kind_and_location() -> None:
    token = base64.b64encode(b"user:p@ss:word").decode()
    assert sent((("basic",),), {"basic": ("user", "p@ss:word")}) == ([], {"Authorization": f"Basic {token}"}, [])
    assert sent((("bearer",),), {"bearer": "t0k"}) == ([], {"Authorization": "Bearer t0k"}, [])
    assert sent((("header_key",),), {"header_key": "k"}) == ([], {"X-Api-Key": "k"}, [])
    assert sent((("query_key",),), {"query_key": "a&b=c"}) == (["api%20key=a%26b%3Dc"], {}, [])
    assert sent((("cookie_key",),), {"cookie_key": "v;1 2"}) == ([], {}, [("session", "v%3B1%202")])


def test_a_credential_replaces_a_header_of_any_case() -> None:
    _, headers, _ = sent((("bearer",),), {"bearer": "t"}, {"authorization": "old", "X": "1"})
    assert headers == {"X": "1", "Authorization": "Bearer t"}


def test_the_first_alternative_with_every_credential() -> None:
    both = (("header_key", "query_key"), ("bearer",))
    assert sent(both, {"header_key": "h", "query_key": "q", "bearer": "b"}) == (["api%20key=q"], {"X-Api-Key": "h"}, [])
    assert sent(both, {"header_key": "h", "bearer": "b"}) == ([], {"Authorization": "Bearer b"}, [])
    assert sent(both, {"header_key": "h"}) == ([], {}, [])  # none satisfied: sent without


def test_an_empty_alternative_only_when_no_other_can_be_met() -> None:
    optional = ((), ("bearer",))
    assert sent(optional, {"bearer": "b"}) == ([], {"Authorization": "Bearer b"}, [])
    assert sent(optional, {}) == ([], {}, [])
    assert sent((), {"bearer": "b"}) == ([], {}, [])  # the operation needs no credentials


def test_redact_url() -> None:
    url = "https://user:secret@h/p?api%20key=K&x=1&api%20keyx=keep#frag"
    assert auth.redact_url(url, {"api key"}) == "https://***@h/p?api%20key=***&x=1&api%20keyx=keep#frag"
    assert auth.redact_url("http://h/?a=1&token=T", ["token"]) == "http://h/?a=1&token=***"
    assert auth.redact_url("http://h/p?q=1", ()) == "http://h/p?q=1"


def test_secret_query_names() -> None:
    assert auth.secret_query_names(SCHEMES) == {"api key"}
    assert auth.secret_query_names({}) == set()


def test_httpx_log_lines_hide_query_keys(caplog: pytest.LogCaptureFixture) -> None:
    auth.hide_in_logs({"api key"})
    assert any(isinstance(f, auth.RedactQuery) for f in logging.getLogger("httpx").filters)
    with caplog.at_level(logging.INFO, logger="httpx"):
        logging.getLogger("httpx").info('HTTP Request: %s %s "%s"', "GET", httpx.URL("http://h/?api%20key=K"), "200")
    assert caplog.records[-1].getMessage() == 'HTTP Request: GET http://h/?api%20key=*** "200"'


def test_the_filters_of_several_packages_each_hide_their_keys(caplog: pytest.LogCaptureFixture) -> None:
    # Two generated packages in one process: each has its own filter on httpx's logger.
    first, second = auth.RedactQuery(), auth.RedactQuery()
    first.names.add("key_one")
    second.names.add("key_two")
    logger = logging.getLogger("httpx")
    logger.addFilter(first)
    logger.addFilter(second)
    try:
        with caplog.at_level(logging.INFO, logger="httpx"):
            logger.info("HTTP Request: %s %s", "GET", httpx.URL("http://h/?key_one=A&key_two=B&x=1"))
    finally:
        logger.removeFilter(first)
        logger.removeFilter(second)
    assert caplog.records[-1].getMessage() == "HTTP Request: GET http://h/?key_one=***&key_two=***&x=1"


def test_the_filter_leaves_other_records_alone() -> None:
    hidden = auth.RedactQuery()
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1, "%s", ("http://h/?api%20key=K",), None)
    assert hidden.filter(record) and record.args == ("http://h/?api%20key=K",)  # nothing to hide yet
    hidden.names.add("api key")
    assert hidden.filter(record) and record.args == ("http://h/?api%20key=K",)  # not an httpx.URL
