"""Parameters on the wire: path, query, header and cookie values serialized per style.

The OpenAPI specification's style table (3.1.1, "Style Examples") is the reference; Swagger
2.0's ``collectionFormat`` arrives here as the equivalent style. Path and query values are
percent-encoded, so a '/', '?', '#' or space in a value never changes the route or the query.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from .spec import Param
from .values import is_object, pairs, scalar

# RFC 3986 reserved characters, sent as they are with ``allowReserved`` ('#' never: it would end
# the URL's query).
RESERVED = ":/?[]@!$&'()*+,;="
# RFC 6265 cookie-octets that need no escaping ('%' is escaped so that decoding is exact).
COOKIE_SAFE = "!#$&'()*+-./:<=>?@[]^_`{|}~"
_DELIMITERS = {"spaceDelimited": "%20", "pipeDelimited": "%7C", "tabDelimited": "%09"}


def encode(value: str, allow_reserved: bool = False) -> str:
    """Percent-encoded for a URL: every character but unreserved ones (and, with
    ``allow_reserved``, RFC 3986's reserved ones)."""
    return quote(value, safe=RESERVED if allow_reserved else "")


def encode_cookie(value: str) -> str:
    """A cookie value: percent-encoded but for RFC 6265 cookie-octets."""
    return quote(value, safe=COOKIE_SAFE)


def _segment(text: str) -> str:
    # '.' and '..' would be removed from the path as dot segments (RFC 3986 section 5.2.4).
    return text.replace(".", "%2E") if text in (".", "..") else text


def serialize_path(p: Param, value: Any) -> str:
    """A path parameter (style simple, label or matrix), percent-encoded: a '/', '?', '#' or
    space in a value never changes the route."""
    name = encode(p.wire)
    lead = {"label": ".", "matrix": ";"}.get(p.style, "")

    def enc(text: str) -> str:
        # In label style '.' is the delimiter: one inside a value is sent encoded.
        return encode(text).replace(".", "%2E") if p.style == "label" else encode(text)

    if is_object(value):
        fields = [(enc(k), enc(v)) for k, v in pairs(value)]
        if p.explode:
            return lead + (lead or ",").join(f"{k}={v}" for k, v in fields)
        flat = ",".join(f"{k},{v}" for k, v in fields)
        return f";{name}={flat}" if p.style == "matrix" else lead + flat
    if isinstance(value, list | tuple):
        items = [enc(scalar(v)) for v in value]
        if p.style == "matrix":
            if p.explode:
                return "".join(f";{name}={v}" for v in items)
            return f";{name}=" + ",".join(items)
        return lead + ("." if p.style == "label" and p.explode else ",").join(items)
    text = encode(scalar(value))
    if p.style == "matrix":
        return f";{name}={text}" if text else f";{name}"
    return lead + _segment(text)


def serialize_query(p: Param, value: Any) -> list[str]:
    """A query parameter (style form, spaceDelimited, pipeDelimited or deepObject) as encoded
    ``name=value`` pieces."""
    name = encode(p.wire)

    def enc(text: str) -> str:
        return encode(text, p.allow_reserved)

    delimiter = _DELIMITERS.get(p.style, ",")
    if is_object(value):
        fields = pairs(value)
        if p.style == "deepObject":
            return [f"{name}%5B{encode(k)}%5D={enc(v)}" for k, v in fields]
        if p.explode and p.style == "form":
            return [f"{enc(k)}={enc(v)}" for k, v in fields]
        return [f"{name}=" + delimiter.join(f"{enc(k)}{delimiter}{enc(v)}" for k, v in fields)]
    if isinstance(value, list | tuple):
        if p.explode:
            return [f"{name}={enc(scalar(v))}" for v in value]
        return [f"{name}=" + delimiter.join(enc(scalar(v)) for v in value)]
    return [f"{name}={enc(scalar(value))}"]


def serialize_header(p: Param, value: Any) -> str:
    """A header parameter's value (style simple; headers are not percent-encoded)."""
    if is_object(value):
        sep = "=" if p.explode else ","
        return ",".join(f"{k}{sep}{v}" for k, v in pairs(value))
    if isinstance(value, list | tuple):
        return ",".join(scalar(v) for v in value)
    return scalar(value)


def serialize_cookie(p: Param, value: Any) -> list[tuple[str, str]]:
    """A cookie parameter (style form) as cookie name/value pairs."""
    if is_object(value):
        fields = pairs(value)
        if p.explode:
            return [(k, encode_cookie(v)) for k, v in fields]
        return [(p.wire, ",".join(f"{encode_cookie(k)},{encode_cookie(v)}" for k, v in fields))]
    if isinstance(value, list | tuple):
        if p.explode:
            return [(p.wire, encode_cookie(scalar(v))) for v in value]
        return [(p.wire, ",".join(encode_cookie(scalar(v)) for v in value))]
    return [(p.wire, encode_cookie(scalar(value)))]


def query_constant(name: str, value: str) -> str:
    """An operation's constant query parameter; an empty one is a flag, sent as the spec's path
    key writes it (``?uploads``)."""
    return f"{encode(name)}={encode(value)}" if value else encode(name)


def put_header(headers: dict[str, str], name: str, value: str) -> None:
    """Set a header, replacing any of the same name in another case: each goes on the wire once."""
    wanted = name.lower()
    for key in [k for k in headers if k.lower() == wanted]:
        del headers[key]
    headers[name] = value


def pop_header(headers: dict[str, str], name: str) -> str:
    """Remove a header (in any case) and return its value ('' when absent)."""
    wanted = name.lower()
    found = ""
    for key in [k for k in headers if k.lower() == wanted]:
        found = headers.pop(key)
    return found
