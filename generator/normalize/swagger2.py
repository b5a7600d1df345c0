"""Swagger 2.0 → the OpenAPI 3 shape, in this one place.

The upgrade is shallow: schemas are shared with the original document (not copied), so
``#/definitions/...`` references keep resolving; operations are rebuilt (``body`` and
``formData`` parameters become a request body, ``produces`` becomes response content) and every
rebuilt node records the JSON pointer it came from, so diagnostics point at the original text.
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostics, join_pointer
from ..refs import Loc, Resolver
from . import wire

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class Origins:
    """Maps pointers of the upgraded document back to the original ones (longest prefix)."""

    def __init__(self) -> None:
        self.map: dict[str, str] = {}

    def add(self, new: str, old: str) -> None:
        """Record that the subtree at ``new`` came from ``old``."""
        self.map[new] = old

    def original(self, pointer: str) -> str:
        """The original pointer of an upgraded one."""
        if not self.map:
            return pointer
        probe = pointer
        while True:
            old = self.map.get(probe)
            if old is not None:
                return old + pointer[len(probe):]
            cut = probe.rfind("/")
            if cut <= 0:
                return pointer
            probe = probe[:cut]


def canonical_ref(ref: str) -> str:
    """Swagger 2 component pointers, named as their OAS3 counterparts (one key per model)."""
    if ref.startswith("#/definitions/"):
        return "#/components/schemas/" + ref[len("#/definitions/"):]
    return ref


def upgrade(data: dict[str, Any], resolver: Resolver, diags: Diagnostics) -> tuple[dict[str, Any], Origins]:
    """A Swagger 2.0 document in the OpenAPI 3.0 shape, plus the pointer origins."""
    origins = Origins()
    out: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": info if isinstance(info := data.get("info"), dict) else {},
        "servers": _servers(data, resolver, diags),
        "paths": {},
        "components": {"schemas": {}, "securitySchemes": {}},
    }
    definitions = data.get("definitions")
    if isinstance(definitions, dict):
        out["components"]["schemas"] = definitions
        origins.add("/components/schemas", "/definitions")
    elif definitions is not None:
        diags.warning("OAG101", f"'definitions' is a {type(definitions).__name__}, not a mapping; ignored",
                      resolver.root.src("/definitions"), "write 'definitions: {}' or remove it")
    out["components"]["securitySchemes"] = _security_schemes(data, origins)
    origin = "/host" if isinstance(data.get("host"), str) and data["host"].strip() else "/basePath"
    origins.add("/servers/0", origin)
    origins.add("/servers/0/url", origin)
    if "security" in data:
        out["security"] = data["security"]
        origins.add("/security", "/security")
    for key in ("tags", "externalDocs"):
        if key in data:
            out[key] = data[key]
    consumes = _media_list(data.get("consumes"))
    produces = _media_list(data.get("produces"))
    paths = raw_paths if isinstance(raw_paths := data.get("paths"), dict) else {}
    for path_key, item in paths.items():
        item_ptr = join_pointer("/paths", path_key)
        if not isinstance(item, dict):
            out["paths"][path_key] = item
            continue
        new_item: dict[str, Any] = {}
        origins.add(item_ptr, item_ptr)
        for key, value in item.items():
            method = key.strip().lower() if isinstance(key, str) else key
            if (method in HTTP_METHODS or _looks_like_method(key)) and isinstance(value, dict):
                new_item[key] = _operation(value, join_pointer(item_ptr, key), consumes, produces,
                                           resolver, diags, origins)
                origins.add(join_pointer(item_ptr, key), join_pointer(item_ptr, key))
            elif key == "parameters" and isinstance(value, list):
                new_item[key] = [param_schema(p) if isinstance(p, dict) and p.get("in") not in ("body", "formData")
                                 and "$ref" not in p else p for p in value]
            else:
                new_item[key] = value
        out["paths"][path_key] = new_item
    for key, value in data.items():
        if isinstance(key, str) and key.startswith("x-"):
            out[key] = value
    return out, origins


def _looks_like_method(key: object) -> bool:
    return isinstance(key, str) and key.strip().replace("\xa0", "").replace("&nbsp;", "").lower() in HTTP_METHODS


def _media_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _servers(data: dict[str, Any], resolver: Resolver, diags: Diagnostics) -> list[dict[str, Any]]:
    """``host``, ``basePath`` and ``schemes`` as one server URL (normalize/servers.py resolves it).
    Without a host the URL is relative: the host serving the document (Swagger 2.0 §4.6)."""
    host = data.get("host")
    base_path = data.get("basePath")
    base_path = base_path.strip() if isinstance(base_path, str) else ""
    if base_path and not base_path.startswith("/"):
        base_path = "/" + base_path
    listed = raw if isinstance(raw := data.get("schemes"), list) else []
    schemes = [s.lower() for s in listed if isinstance(s, str) and s.lower() in ("http", "https")] or ["https"]
    host = host.strip() if isinstance(host, str) else ""
    written, sep, rest = host.partition("://")
    if sep:
        diags.warning("OAG165", f"host {host!r} holds a scheme; the scheme goes in 'schemes'",
                      resolver.root.src("/host"), f"write host: {rest.split('/', 1)[0]!r} and schemes: [{written}]")
        host = rest
        if written.lower() in ("http", "https") and not data.get("schemes"):
            schemes = [written.lower()]
    if host:
        # Prefer https when the spec offers it; the first listed otherwise.
        scheme = "https" if "https" in schemes else schemes[0]
        return [{"url": f"{scheme}://{host.rstrip('/')}{base_path.rstrip('/')}"}]
    return [{"url": base_path.rstrip("/") or "/"}]


def _security_schemes(data: dict[str, Any], origins: Origins) -> dict[str, Any]:
    defs = data.get("securityDefinitions")
    if not isinstance(defs, dict):
        return {}
    out: dict[str, Any] = {}
    for name, scheme in defs.items():
        if not isinstance(scheme, dict):
            continue
        kind = scheme.get("type")
        if kind == "basic":
            out[name] = {"type": "http", "scheme": "basic", "description": scheme.get("description", "")}
        elif kind == "apiKey":
            out[name] = {"type": "apiKey", "in": scheme.get("in", "header"), "name": scheme.get("name", name),
                         "description": scheme.get("description", ""),
                         **{k: v for k, v in scheme.items() if isinstance(k, str) and k.startswith("x-")}}
        elif kind == "oauth2":
            out[name] = {"type": "oauth2", "flows": _oauth2_flows(scheme), "description": scheme.get("description", "")}
        else:
            out[name] = scheme
        origins.add(join_pointer("/components/securitySchemes", name),
                    join_pointer("/securityDefinitions", name))
    return out


# Swagger 2's OAuth2 ``flow`` → the OpenAPI 3 name of its ``flows`` entry.
_FLOWS = {"implicit": "implicit", "password": "password", "application": "clientCredentials",
          "accessCode": "authorizationCode"}


def _oauth2_flows(scheme: dict[str, Any]) -> dict[str, Any]:
    """Swagger 2's one ``flow`` (``application`` is client credentials) as OpenAPI 3 ``flows``."""
    name = _FLOWS.get(str(scheme.get("flow")))
    if name is None:
        return {}
    flow: dict[str, Any] = {key: scheme[key] for key in ("authorizationUrl", "tokenUrl") if key in scheme}
    flow["scopes"] = scheme.get("scopes") if isinstance(scheme.get("scopes"), dict) else {}
    return {name: flow}


def _operation(op: dict[str, Any], ptr: str, consumes: list[str], produces: list[str],
               resolver: Resolver, diags: Diagnostics, origins: Origins) -> dict[str, Any]:
    new = {k: v for k, v in op.items() if k not in ("parameters", "responses", "consumes", "produces")}
    op_consumes = _media_list(op.get("consumes")) or consumes
    op_produces = _media_list(op.get("produces")) or produces
    params = op.get("parameters")
    if isinstance(params, list):
        kept, body = _split_parameters(params, ptr, op_consumes, resolver, diags, origins)
        new["parameters"] = kept
        if body is not None:
            new["requestBody"] = body
    elif params is not None:
        new["parameters"] = params
    responses = op.get("responses")
    if isinstance(responses, dict):
        new["responses"] = {
            str(code): _response(resp, join_pointer(ptr, "responses", str(code)), op_produces,
                                 resolver, diags, origins)
            for code, resp in responses.items()
        }
        origins.add(join_pointer(ptr, "responses"), join_pointer(ptr, "responses"))
    elif responses is not None:
        new["responses"] = responses
    return new


def _split_parameters(params: list[Any], ptr: str, consumes: list[str], resolver: Resolver,
                      diags: Diagnostics, origins: Origins) -> tuple[list[Any], dict[str, Any] | None]:
    kept: list[Any] = []
    form: list[tuple[dict[str, Any], str]] = []
    body: dict[str, Any] | None = None
    body_ptr = join_pointer(ptr, "requestBody")
    for index, param in enumerate(params):
        p_ptr = join_pointer(ptr, "parameters", index)
        resolved, _ = resolver.deref(param, Loc(resolver.root.file, p_ptr), diags)
        if not isinstance(resolved, dict):
            kept.append(param)
            origins.add(join_pointer(ptr, "parameters", len(kept) - 1), p_ptr)
            continue
        where = resolved.get("in")
        if where == "body":
            media = [m for m in consumes if m not in _FORM_TYPES] or ["application/json"]
            schema = resolved.get("schema", {})
            body = {
                "required": bool(resolved.get("required", False)),
                "description": resolved.get("description", ""),
                "content": {m: {"schema": schema} for m in media},
                "x-oagen-body-name": resolved.get("name", "body"),
            }
            origins.add(body_ptr, p_ptr)
            for m in media:
                origins.add(join_pointer(body_ptr, "content", m, "schema"), join_pointer(p_ptr, "schema"))
        elif where == "formData":
            form.append((resolved, p_ptr))
        else:
            kept.append(param_schema(resolved))
            origins.add(join_pointer(ptr, "parameters", len(kept) - 1), p_ptr)
    if form and body is None:
        body = _form_body(form, consumes, body_ptr, origins, resolver, diags)
    return kept, body


_SCHEMA_KEYS = ("type", "format", "items", "enum", "default", "maximum", "minimum", "exclusiveMaximum",
                "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
                "uniqueItems", "multipleOf", "x-nullable")


def param_schema(param: dict[str, Any]) -> dict[str, Any]:
    """A Swagger 2 non-body parameter as an OAS3 parameter with a schema."""
    if "schema" in param and "type" not in param:
        return param
    new = {k: v for k, v in param.items() if k not in _SCHEMA_KEYS and k != "collectionFormat"}
    schema = {k: param[k] for k in _SCHEMA_KEYS if k in param}
    new["schema"] = schema
    new["x-oagen-swagger2"] = True
    if "collectionFormat" in param:
        new["x-oagen-collection-format"] = param["collectionFormat"]
    return new


def _form_body(form: list[tuple[dict[str, Any], str]], consumes: list[str], body_ptr: str,
               origins: Origins, resolver: Resolver, diags: Diagnostics) -> dict[str, Any]:
    has_file = any(p.get("type") == "file" for p, _ in form)
    if has_file or ("multipart/form-data" in consumes and "application/x-www-form-urlencoded" not in consumes):
        media = "multipart/form-data"
    else:
        media = "application/x-www-form-urlencoded"
    properties: dict[str, Any] = {}
    required: list[str] = []
    schema_ptr = join_pointer(body_ptr, "content", media, "schema")
    for param, p_ptr in form:
        raw = str(param.get("name", ""))
        name = wire.clean_name(raw)  # a form field's name goes on the wire as it is read
        if name != raw:
            read = f"read as {name!r} ({wire.what_changed(raw, name)})" if name else "empty once read as text; skipped"
            diags.warning("OAG125", f"form field name {raw!r} {read}", resolver.root.src(p_ptr),
                          "write the name as plain text, as it goes on the wire")
            if not name:
                continue
        prop = {k: param[k] for k in _SCHEMA_KEYS if k in param}
        if prop.get("type") == "file":
            prop = {"type": "string", "format": "binary"}
        if "description" in param:
            prop["description"] = param["description"]
        properties[name] = prop
        origins.add(join_pointer(schema_ptr, "properties", name), p_ptr)
        if param.get("required"):
            required.append(name)
    # The formData parameters are the whole body: a field none of them names is not part of it.
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = required
    origins.add(body_ptr, form[0][1])
    return {"required": bool(required), "content": {media: {"schema": schema}}}


def _response(resp: object, ptr: str, produces: list[str], resolver: Resolver, diags: Diagnostics,
              origins: Origins) -> Any:
    resolved, _ = resolver.deref(resp, Loc(resolver.root.file, ptr), diags) if isinstance(resp, dict) else (resp, None)
    if not isinstance(resolved, dict):
        return resp
    new: dict[str, Any] = {"description": resolved.get("description", "")}
    origins.add(ptr, ptr)
    if "schema" in resolved:
        media = produces or ["application/json"]
        schema = resolved["schema"]
        if isinstance(schema, dict) and schema.get("type") == "file":
            schema = {"type": "string", "format": "binary"}
            media = [m for m in media if "json" not in m] or ["application/octet-stream"]
        new["content"] = {m: {"schema": schema} for m in media}
        examples = resolved.get("examples")
        if isinstance(examples, dict):
            for m in media:
                if m in examples:
                    new["content"][m]["example"] = examples[m]
        for m in media:
            origins.add(join_pointer(ptr, "content", m, "schema"), join_pointer(ptr, "schema"))
    headers = resolved.get("headers")
    if isinstance(headers, dict):
        new["headers"] = {
            name: {"description": h.get("description", ""), "schema": {k: h[k] for k in _SCHEMA_KEYS if k in h}}
            for name, h in headers.items() if isinstance(h, dict)
        }
    return new
