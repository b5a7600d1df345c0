"""Server objects → :class:`~generator.ir.Server`: what each URL resolves to (OAS 3.1 §4.8.5).

A server URL comes in many shapes, and the client's default ``base_url`` and the generated
server's mount path must agree for every one of them:

* absolute, ``https://api.example.com/v1``;
* protocol-relative, ``//api.example.com/v1``: the scheme of the document's own URL, which
  generated code does not know; ``https`` is assumed;
* relative, ``/v1``, ``v1``, ``./v1``, ``../v1`` or ``""``: relative to where the document is
  served (§4.8.5.1), so no default host; the path is resolved against the root (``/v1``);
* with variables, ``{scheme}://{host}/v{version}``, ``https://{region}.example.com/{basePath}``:
  resolved with each variable at its default (a default may hold a whole URL or a ``/`` path);
* a bare host name, ``api.example.com`` (a relative path by the letter of RFC 3986, but a host
  by every sign): read as ``https://api.example.com``, with a warning.

Swagger 2's ``host``/``basePath``/``schemes`` have already become one such URL (swagger2.py).
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from typing import Any

from .. import ir
from ..diagnostics import Diagnostics, SourceRef
from .context import Context, spec_text

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
_VARIABLE = re.compile(r"\{([^{}]*)\}")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
# A host name ending in an alphabetic top-level label (not 'v1.0'), localhost, or an IPv4
# address; a port may follow.
_HOST = re.compile(rf"(?:(?:{_LABEL}\.)+[A-Za-z]{{2,}}|localhost|\d{{1,3}}(?:\.\d{{1,3}}){{3}})(?::\d+)?")
# What a URI reference may not hold (RFC 3986 §2; non-ASCII is let through, as in an IRI).
_NOT_URI = re.compile(r"[\x00-\x20\x7f<>\"\\^`|{}]")


def servers(raw: object, ctx: Context) -> tuple[ir.Server, ...]:
    """The document's usable servers, in order (an unusable one is skipped with a warning)."""
    if not isinstance(raw, list):
        return ()
    base = ctx.resolver.root_loc.child("servers")
    found = []
    for index, server in enumerate(raw):
        if not isinstance(server, dict) or not isinstance(server.get("url"), str):
            continue
        loc = base.child(index)
        variables = _variables(server.get("variables"))
        resolved = _resolve(server["url"], variables, ctx.src(loc.child("url")), ctx.diags)
        if resolved is not None:
            found.append(ir.Server(url=server["url"], description=spec_text(server.get("description")),
                                   src=ctx.src(loc), **resolved))
    return tuple(found)


def _variables(raw: object) -> list[ir.ServerVariable]:
    if not isinstance(raw, dict):
        return []
    found = []
    for name, var in raw.items():
        if not isinstance(var, dict):
            continue
        enum = tuple(str(v) for v in var.get("enum", ()) or ()) if isinstance(var.get("enum"), list) else ()
        default = var.get("default", enum[0] if enum else "")
        found.append(ir.ServerVariable(wire_name=str(name), default="" if default is None else str(default),
                                       enum=enum, description=spec_text(var.get("description"))))
    return found


def _resolve(url: str, variables: list[ir.ServerVariable], src: SourceRef,
             diags: Diagnostics) -> dict[str, Any] | None:
    """The :class:`~generator.ir.Server` fields a URL resolves to, or None when it is no URL."""
    text = url.strip()
    _declare_undeclared(text, variables, src, diags)
    text = _slash_before_path_variables(text, variables)
    resolved = _substitute(text, variables)
    if _NOT_URI.search(resolved.strip()) or resolved != resolved.strip():
        templated = _VARIABLE.search(text) is not None
        what = f"server URL {url!r}" + (f" (its variables at their defaults: {resolved!r})" if templated else "")
        diags.warning("OAG163", f"{what} is not a URL; the server is ignored", src,
                      "give each variable a default that makes a URL" if templated else
                      "write an absolute URL (https://api.example.com/v1) or a path (/v1)")
        return None
    template = _absolute_template(text, resolved, src, diags)
    if template:
        default_url = _without_trailing_slash(_normal_url(_substitute(template, variables)))
        path = urllib.parse.urlsplit(default_url).path
    else:
        default_url = ""
        path = urllib.parse.urlsplit(resolved).path
    return {"variables": tuple(variables), "absolute_url": template, "default_url": default_url,
            "base_path": base_path(path)}


def _declare_undeclared(text: str, variables: list[ir.ServerVariable], src: SourceRef, diags: Diagnostics) -> None:
    """A ``{name}`` the server's ``variables`` do not declare becomes a variable without a default
    (a client keyword), with a warning."""
    declared = {v.wire_name for v in variables}
    for name in dict.fromkeys(_VARIABLE.findall(text)):
        if name not in declared:
            diags.warning("OAG164", f"server URL {text!r} uses the variable {{{name}}}, which its 'variables' do "
                          "not declare; it is read as a variable without a default", src,
                          f"declare it: variables: {{{name}: {{default: ...}}}}")
            variables.append(ir.ServerVariable(wire_name=name, default=""))


def _absolute_template(text: str, resolved: str, src: SourceRef, diags: Diagnostics) -> str:
    """The URL template made absolute, without a trailing slash; ``""`` for a relative URL."""
    if _SCHEME.match(resolved):
        template = text
    elif resolved.startswith("//"):
        template = "https:" + text  # protocol-relative: the document's scheme, unknown here
    elif _HOST.fullmatch(resolved.split("/", 1)[0]):
        diags.warning("OAG162", f"server URL {text!r} has no scheme; read as https://{text}", src,
                      f"write the scheme: https://{text} (a relative URL is a path: /{text})")
        template = "https://" + text
    else:
        return ""
    return _without_trailing_slash(template)


def _substitute(text: str, variables: list[ir.ServerVariable]) -> str:
    defaults = {v.wire_name: v.default for v in variables}
    return _VARIABLE.sub(lambda m: defaults.get(m.group(1), ""), text)


def _slash_before_path_variables(text: str, variables: list[ir.ServerVariable]) -> str:
    """``https://x.com/{basePath}`` with a default of ``/api/v1``: the variable's slash is the one
    the URL means (``https://x.com{basePath}``), not a second one."""
    for var in variables:
        if var.default.startswith("/"):
            text = text.replace("/{" + var.wire_name + "}", "{" + var.wire_name + "}")
    return text


def _without_trailing_slash(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rstrip('/')}" if rest else url.rstrip("/")


def _normal_url(url: str) -> str:
    """An absolute URL with its path normalized (see :func:`base_path`)."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=base_path(parts.path)))


def base_path(path: str) -> str:
    """A server URL's path as a mount path: resolved against the root (dot segments removed, as
    RFC 3986 §5.2.4 does), empty segments dropped, no trailing slash; ``""`` for the root."""
    if not path:
        return ""
    joined = posixpath.normpath("/" + path)
    segments = [s for s in joined.split("/") if s]
    return "/" + "/".join(segments) if segments else ""


def api_base_path(found: tuple[ir.Server, ...]) -> str:
    """The API's base path: the first server's."""
    return found[0].base_path if found else ""

