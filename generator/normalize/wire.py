"""Wire names from spec text: what a path key or a parameter name really says on the wire.

Specs scraped from HTML documentation carry HTML character references (``/?analytics&amp;id``,
``&quot;description&quot;``) and invisible characters (``x-amz-server-side&#8203;-encryption``,
a zero-width space) inside names; a header name must also be an RFC 9110 ``token`` (section
5.1) or httpx refuses to send it, and some headers belong to the HTTP stack, not to the caller.
These functions only read text; the normalizer reports what they changed.
"""

from __future__ import annotations

import html
import html.entities
import re
import unicodedata

# A character reference that ends in ';' (named or numeric). Legacy references without the ';'
# (HTML's '&not', '&copy') are left alone: in a query string '&notify=1' is a parameter.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# RFC 9110 section 5.6.2: token = 1*tchar.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_QUOTES = (('"', '"'), ("'", "'"), ("`", "`"), ("\u201c", "\u201d"), ("\u2018", "\u2019"))

# Headers whose value the HTTP stack computes or that manage the connection (RFC 9110 section
# 7.6.1, connection-specific fields; Content-Length and Host, section 8.6 and 7.2): httpx writes
# them from the body and the URL, and a caller's value would corrupt the message.
STACK_OWNED = frozenset({"content-length", "host", "transfer-encoding", "connection", "keep-alive",
                         "proxy-connection", "te", "trailer", "upgrade"})


def _reference(match: re.Match[str]) -> str:
    text = match.group(0)
    if text[1] == "#":
        return html.unescape(text)
    return html.entities.html5.get(text[1:], text)


def _visible(char: str) -> bool:
    # Format characters (Cf: zero-width space, joiners, word joiner, BOM, soft hyphen, bidi
    # marks) and controls other than white space never belong to a name.
    category = unicodedata.category(char)
    return not (category == "Cf" or (category == "Cc" and char not in "\t\n\r"))


def _expand(text: str) -> str:
    for _ in range(3):  # also a doubly escaped reference: '&amp;#8203;'
        decoded = _REFERENCE.sub(_reference, text)
        if decoded == text:
            break
        text = decoded
    return text


def decode(text: str) -> str:
    """``text`` with its character references decoded and its invisible characters dropped."""
    if "&" not in text and text.isascii() and text.isprintable():
        return text  # (the common case)
    return "".join(c for c in _expand(text) if _visible(c))


def clean_name(raw: str) -> str:
    """A parameter or header name as meant: decoded, no-break spaces as spaces, and without the
    white space or quotes around it (``&quot;description&quot;`` is ``description``)."""
    name = decode(raw).replace("\xa0", " ").strip()
    for left, right in _QUOTES:
        if len(name) > 2 and name.startswith(left) and name.endswith(right):
            return name[1:-1].strip()
    return name


def what_changed(raw: str, cleaned: str) -> str:
    """How :func:`decode` or :func:`clean_name` changed ``raw``, in words for a diagnostic."""
    parts = []
    expanded = _expand(raw)
    if expanded != raw:
        parts.append("HTML character references decoded")
    if any(not _visible(c) for c in expanded):
        parts.append("invisible characters dropped")
    if cleaned != decode(raw):
        parts.append("the spaces or quotes around it removed")
    return ", ".join(parts)


def is_token(name: str) -> bool:
    """True when ``name`` can be an HTTP field name (RFC 9110 ``token``)."""
    return _TOKEN.fullmatch(name) is not None


def header_name(name: str) -> tuple[str | None, str]:
    """A header name that is not a token, repaired when the intent is unambiguous: ``(name, how)``,
    or ``(None, why)``. ``Prefer: outlook.timezone`` is the header ``Prefer`` (what follows the
    colon is a value, as in an HTTP header line); anything else is left to the spec's author."""
    head, colon, _ = name.partition(":")
    head = head.strip()
    if colon and is_token(head):
        return head, "the text after ':' is a value, not part of a header name"
    bad = sorted({c for c in name if not is_token(c)})
    shown = ", ".join(repr(c) if c != " " else "a space" for c in bad[:4])
    return None, f"it holds {shown}, which an RFC 9110 token cannot"
