"""Parameter and header names as they go on the wire, and the headers the HTTP stack owns.

The rules (issue 14, classes 2 to 4; the README says them for users): names are read as text
(:mod:`.wire`); a header name must be an RFC 9110 token, repaired when the intent is clear and
dropped otherwise; Content-Length, Host, Transfer-Encoding and the connection's headers are the
HTTP stack's; an Accept parameter replaces the client's Accept, a Content-Type parameter picks the
body's media type, and an Authorization parameter is kept only when no security scheme sends it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .. import ir
from ..diagnostics import Diagnostics, Severity, SourceRef
from . import wire
from .context import Context

_NAME_HINT = "write the name as plain text, as it goes on the wire"
_OWNED = (*wire.STACK_OWNED, "accept", "content-type", "authorization")


class HeaderRules:
    """Wire names of one document's parameters and headers, reported as they are repaired."""

    def __init__(self, ctx: Context, doc: dict[str, Any]) -> None:
        self.ctx = ctx
        self.doc = doc
        self.authorization_schemes = _authorization_schemes(doc, ctx)

    def parameter_name(self, raw: str, where: str, src: SourceRef) -> str | None:
        """A parameter's name as it goes on the wire (``None``: the parameter cannot be sent)."""
        name = wire.clean_name(raw)
        if not name:
            what = f"name {raw!r} is empty once read as text" if raw else "has an empty name"
            self.ctx.diags.warning("OAG125", f"{where} parameter {what}; skipped", src,
                                   "give the parameter the name it has on the wire")
            return None
        if name != raw:
            self.ctx.diags.warning("OAG125", f"{where} parameter name {raw!r} read as {name!r} "
                                   f"({wire.what_changed(raw, name)})", src, _NAME_HINT)
        if where != "header" or wire.is_token(name):
            return name
        fixed, how = wire.header_name(name)
        if fixed is None:
            self.ctx.diags.warning("OAG127", f"header parameter {name!r} is not a valid HTTP header name: {how}; "
                                   "skipped, no request could carry it", src,
                                   "write the header's real name (e.g. 'X-Request-Id'), or declare the "
                                   "parameter 'in: query' if it is not a header")
            return None
        self.ctx.diags.warning("OAG126", f"header parameter {name!r} read as the header {fixed!r} ({how})", src,
                               f"name the parameter {fixed!r}; describe its values in 'description' or 'example'")
        return fixed

    def response_header_name(self, raw: str, src: SourceRef) -> str | None:
        """A response header's name as it goes on the wire; ``None`` for one the answer cannot carry,
        and for those the HTTP stack writes (Content-Length, Content-Type: the body says them)."""
        name = wire.clean_name(raw)
        if name != raw:
            self.ctx.diags.warning("OAG125", f"response header name {raw!r} read as {name!r} "
                                   f"({wire.what_changed(raw, name)})", src, _NAME_HINT)
        if name and not wire.is_token(name):
            fixed, how = wire.header_name(name)
            if fixed is None:
                self.ctx.diags.warning("OAG127", f"response header {name!r} is not a valid HTTP header name: "
                                       f"{how}; ignored", src, "write the header's real name")
                return None
            self.ctx.diags.warning("OAG126", f"response header {name!r} read as the header {fixed!r} ({how})", src,
                                   f"name the header {fixed!r}")
            name = fixed
        if not name or name.lower() in wire.STACK_OWNED or name.lower() == "content-type":
            return None
        return name

    def stack_headers(self, params: list[ir.Parameter], has_body: bool, security: object) -> list[ir.Parameter]:
        """An operation's parameters without those the HTTP stack owns (``security``: the operation's
        effective ``security`` list, as written)."""
        auth_scheme = self._sends_authorization(security)
        kept = []
        for p in params:
            lower = p.wire_name.lower()
            if p.location != "header" or lower not in _OWNED:
                kept.append(p)
                continue
            choice = self._stack_header(p, lower, has_body, auth_scheme)
            if choice is not None:
                kept.append(choice)
        return kept

    def _stack_header(self, p: ir.Parameter, lower: str, has_body: bool,
                      auth_scheme: str | None) -> ir.Parameter | None:
        name = p.wire_name
        oas3_note = "" if self.ctx.swagger2 else " (OpenAPI 3 would ignore it)"
        severity = Severity.INFO if self.ctx.swagger2 else Severity.WARNING
        if lower in wire.STACK_OWNED:
            self.ctx.diags.warning("OAG128", f"header parameter {name!r} is written by the HTTP stack (from the "
                                   "body, the URL and the connection); ignored", p.src,
                                   f"remove the parameter {name!r}")
            return None
        if lower == "content-type" and not has_body:
            self.ctx.diags.warning("OAG138", f"header parameter {name!r}: the operation has no request body to "
                                   "describe; ignored", p.src, f"remove the parameter {name!r}")
            return None
        if lower == "authorization" and auth_scheme is not None:
            self.ctx.diags.warning("OAG139", f"header parameter {name!r} is what the security scheme "
                                   f"{auth_scheme!r} sends; ignored (the client takes the credential once)",
                                   p.src, f"remove the parameter {name!r}")
            return None
        if lower == "authorization":
            self.ctx.diags.add("OAG139", severity, f"header parameter {name!r} kept as an argument{oas3_note}: "
                               "no security scheme of the operation sends it", p.src,
                               "declare a security scheme (http bearer, apiKey in header) instead")
            return p
        if lower == "accept":
            single = single_value(p) if p.required else None
            kept = f"sent as the constant {single!r}" if single is not None else "kept as an optional argument"
            self.ctx.diags.add("OAG129", severity, f"header parameter {name!r} {kept}{oas3_note}; it replaces the "
                               "Accept header the client sends", p.src,
                               "describe the answers' media types in 'responses' (their 'content')")
            # Always on the wire (the client's default, or httpx's '*/*'): never a required argument,
            # unless it is a constant (one allowed value).
            return p if single is not None else dataclasses.replace(p, required=False)
        self.ctx.diags.add("OAG138", severity, f"header parameter {name!r} kept as an optional argument"
                           f"{oas3_note} that chooses the body's media type and is the Content-Type sent",
                           p.src, "describe the body's media types in 'requestBody' ('consumes') instead")
        # A media type is text (the stack may add a boundary or a charset), and never a routing constant.
        default_ok = p.has_default and isinstance(p.default, str)
        return dataclasses.replace(p, type=ir.STRING, required=False, default=p.default if default_ok else None,
                                   has_default=default_ok)

    def _sends_authorization(self, security: object) -> str | None:
        """The first security scheme of a ``security`` list that sends an Authorization header."""
        if not isinstance(security, list):
            return None
        for requirement in security:
            for name in requirement if isinstance(requirement, dict) else ():
                if name in self.authorization_schemes:
                    return str(name)
        return None


def scheme_param_name(raw: str, where: str, src: SourceRef, diags: Diagnostics) -> str | None:
    """An apiKey security scheme's parameter name as it goes on the wire (see :mod:`.wire`);
    ``None`` for a header no request could carry (the scheme is left out)."""
    name = wire.clean_name(raw) or raw
    if name != raw:
        diags.warning("OAG125", f"security scheme parameter name {raw!r} read as {name!r} "
                      f"({wire.what_changed(raw, name)})", src, _NAME_HINT)
    if where == "header" and not wire.is_token(name):
        fixed, how = wire.header_name(name)
        if fixed is None:
            diags.warning("OAG127", f"security scheme header {name!r} is not a valid HTTP header name: {how}; "
                          "the scheme is left out (no request could carry its credential)", src,
                          "write the header's real name (e.g. 'X-Api-Key')")
            return None
        diags.warning("OAG126", f"security scheme header {name!r} read as the header {fixed!r} ({how})", src,
                      f"name the header {fixed!r}")
        return fixed
    return name


def single_value(p: ir.Parameter) -> str | None:
    """The one value a parameter's schema allows, as sent (``enum: [true]`` is ``true``)."""
    t = p.type
    if isinstance(t, ir.Literal) and len(t.values) == 1 and isinstance(t.values[0], str | int):
        value = t.values[0]
        return ("true" if value else "false") if isinstance(value, bool) else str(value)
    return None


def _authorization_schemes(doc: dict[str, Any], ctx: Context) -> frozenset[str]:
    """The security schemes (OpenAPI 3 shape) whose credential goes in the Authorization header."""
    components = doc.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    if not isinstance(schemes, dict):
        return frozenset()
    found = set()
    quiet = Diagnostics()  # (lower.py reports what is wrong with a scheme)
    base = ctx.resolver.root_loc.child("components", "securitySchemes")
    for name, written in schemes.items():
        scheme, _ = ctx.resolver.deref(written, base.child(name), quiet)
        if not isinstance(scheme, dict):
            continue
        header = str(scheme.get("name", "")).lower() == "authorization" and scheme.get("in", "header") == "header"
        if scheme.get("type") != "apiKey" or header:
            found.add(str(name))
    return frozenset(found)
