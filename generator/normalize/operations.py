"""Paths and operations (OpenAPI 3 shape) → IR operations, with the lenient repairs."""

from __future__ import annotations

import dataclasses
import re
import urllib.parse
from typing import Any

from .. import ir
from ..refs import Loc
from . import swagger2, wire
from .context import Context, spec_text
from .headers import HeaderRules, single_value
from .schemas import SchemaLowerer, code_default, pascal_hint, schema_examples
from .swagger2 import HTTP_METHODS

_LOCATIONS = ("path", "query", "header", "cookie")
_DEFAULT_STYLE = {"path": "simple", "query": "form", "header": "simple", "cookie": "form"}
_COLLECTION_STYLES = {
    "csv": ("form", False), "ssv": ("spaceDelimited", False), "tsv": ("tabDelimited", False),
    "pipes": ("pipeDelimited", False), "multi": ("form", True),
}
_TEMPLATE = re.compile(r"\{([^{}]*)\}")
# (where in the path key: "query" or "fragment", name, value; None for a bare name)
KeyItem = tuple[str, str, str | None]


class OperationLowerer:
    """Walks ``paths`` and builds IR operations."""

    def __init__(self, ctx: Context, schemas: SchemaLowerer, doc: dict[str, Any]) -> None:
        self.ctx = ctx
        self.schemas = schemas
        self.doc = doc
        self.root = ctx.resolver.root_loc
        self.headers = HeaderRules(ctx, doc)
        self.written: dict[int, dict[str, Any]] = {}  # id(IR operation) → the operation as written

    def operations(self) -> list[ir.Operation]:
        """Every operation of the document, in spec order."""
        paths = self.doc.get("paths")
        result: list[ir.Operation] = []
        if paths is None:
            return result
        if not isinstance(paths, dict):
            self.ctx.diags.error("OAG102", "'paths' is not a mapping; no operations",
                                 self.ctx.src(self.root.child("paths")), "write 'paths:' as a mapping")
            return result
        for path_key, written in paths.items():
            loc = self.root.child("paths", path_key)
            item, item_loc = self.ctx.resolver.deref(written, loc, self.ctx.diags)
            if item is None:
                continue
            if not isinstance(item, dict):
                self.ctx.diags.error("OAG103", "path item is not a mapping; skipped", self.ctx.src(loc),
                                     "write the path's operations as a mapping")
                continue
            result.extend(self._path_item(str(path_key), item, item_loc))
        return result

    def _path_item(self, path_key: str, item: dict[str, Any], loc: Loc) -> list[ir.Operation]:
        parsed = self._parse_path_key(path_key, loc)
        common = item.get("parameters")
        if common is not None and not isinstance(common, list):
            self.ctx.diags.warning("OAG110", "path-level 'parameters' is not a list; ignored",
                                   self.ctx.src(loc.child("parameters")), "write 'parameters:' as a list")
            common = None
        ops: list[ir.Operation] = []
        for key, op in item.items():
            method = _method(key)
            if method is None:
                if key not in ("parameters", "summary", "description", "servers", "$ref") \
                        and not str(key).startswith("x-"):
                    self.ctx.diags.warning("OAG111", f"unknown key {key!r} in a path item; ignored",
                                           self.ctx.src(loc.child(key)), "use an HTTP method name")
                continue
            op_loc = loc.child(key)
            if method != key:
                self.ctx.diags.warning("OAG112", f"method key {key!r} read as {method!r}", self.ctx.src(op_loc),
                                       f"write the key as '{method}'")
            if not isinstance(op, dict):
                self.ctx.diags.error("OAG113", "operation is not a mapping; skipped", self.ctx.src(op_loc),
                                     "write the operation as a mapping")
                continue
            try:
                built = self._operation(method, parsed, op, op_loc, common or [], loc)
            except RecursionError:
                self.ctx.diags.error("OAG114", "operation nests too deeply to read; skipped", self.ctx.src(op_loc),
                                     "simplify its schemas")
                continue
            except Exception as exc:  # noqa: BLE001 - one unreadable operation must not sink the rest
                self.ctx.diags.error("OAG199", f"cannot read this operation ({type(exc).__name__}: {exc}); "
                                     "skipped; please report", self.ctx.src(op_loc), "check the operation's shape")
                continue
            if built is not None:
                ops.append(built)
                self.written[id(built)] = op
        return ops

    # -- path keys ----------------------------------------------------------------------------

    def _parse_path_key(self, key: str, loc: Loc) -> tuple[str, list[KeyItem]]:
        """Real path and what the query or fragment of a path key names (see :meth:`_constants`)."""
        path = key
        src = self.ctx.src(loc)
        cleaned = path.replace("\xa0", "").replace("&nbsp;", "").strip()
        if cleaned != path:
            self.ctx.diags.warning("OAG120", f"path {key!r} has spaces; trimmed", src, "remove the spaces")
            path = cleaned
        decoded = wire.decode(path).replace("\xa0", "").strip()
        if decoded != path:
            # Before the '?' and '#' split: '/?analytics&amp;id' names 'analytics' and 'id'.
            self.ctx.diags.warning("OAG124", f"path {key!r} read as {decoded!r} ({wire.what_changed(path, decoded)})",
                                   src, "write the path key as plain text: no HTML character references, "
                                   "no invisible characters")
            path = decoded
        items: list[KeyItem] = []
        if "#" in path:
            path, _, fragment = path.partition("#")
            items.extend(("fragment", name, value) for name, value in _key_items(fragment))
        if "?" in path:
            path, _, query = path.partition("?")
            items.extend(("query", name, value) for name, value in _key_items(query))
        if not path.startswith("/"):
            self.ctx.diags.warning("OAG121", f"path {key!r} does not start with '/'; added", src,
                                   "start every path with '/'")
            path = "/" + path
        repaired = _repair_templates(path)
        if repaired != path:
            self.ctx.diags.warning("OAG122", f"path template in {key!r} read as {repaired!r}", src,
                                   "write path parameters as '{name}' between '/'")
            path = repaired
        deduped = _dedupe_templates(path)
        if deduped != path:
            self.ctx.diags.warning("OAG123", f"path {key!r} repeats a template variable; read as {deduped!r}", src,
                                   "give every path template variable its own name")
            path = deduped
        return path, items

    # -- operations ---------------------------------------------------------------------------

    def _operation(self, method: str, parsed: tuple[str, list[KeyItem]], op: dict[str, Any],
                   loc: Loc, common: list[Any], item_loc: Loc) -> ir.Operation | None:
        path, key_items = parsed
        names = _TEMPLATE.findall(path)
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            # A route cannot bind one name twice (and a client could not fill the two apart).
            self.ctx.diags.error("OAG123", f"path {path!r} repeats the template variable {repeated[0]!r}; "
                                 "operation skipped", self.ctx.src(loc), "give each path parameter its own name")
            return None
        op_id = op.get("operationId")
        op_id = op_id if isinstance(op_id, str) and op_id.strip() else None
        hint = op_id or f"{method} {path}"
        params = self._parameters(common, item_loc.child("parameters"), op.get("parameters"),
                                  loc.child("parameters"))
        body = self._body(op.get("requestBody"), loc.child("requestBody"), hint)
        security_raw = op.get("security") if "security" in op else self.doc.get("security")
        params = self.headers.stack_headers(params, body is not None and bool(body.contents), security_raw)
        params, constants = self._constants(params, key_items, parsed_key(loc), loc)
        params = self._check_path_params(path, params, loc)
        responses = self._responses(op.get("responses"), loc.child("responses"), hint)
        security = self._security(op.get("security"), loc.child("security")) if "security" in op else None
        tags = tuple(dict.fromkeys(str(t) for t in op.get("tags") or () if isinstance(t, str) and t.strip())) \
            if isinstance(op.get("tags"), list) else ()
        return ir.Operation(
            operation_id=op_id, method=method.upper(), path=path, path_key=parsed_key(loc),
            summary=spec_text(op.get("summary")), description=spec_text(op.get("description")),
            deprecated=op.get("deprecated") is True, tags=tags, parameters=tuple(params),
            constants=tuple(constants), body=body, responses=tuple(responses), security=security,
            src=self.ctx.src(loc),
        )

    def _parameters(self, common: list[Any], common_loc: Loc, own: object, own_loc: Loc) -> list[ir.Parameter]:
        merged: dict[tuple[str, str], ir.Parameter] = {}
        for raw, loc in [*[(p, common_loc.child(i)) for i, p in enumerate(common)],
                         *([(p, own_loc.child(i)) for i, p in enumerate(own)] if isinstance(own, list) else [])]:
            param = self._parameter(raw, loc)
            if param is None:
                continue
            ident = (param.location, param.wire_name if param.location != "header" else param.wire_name.lower())
            if ident in merged and loc.pointer.startswith(own_loc.pointer) \
                    and merged[ident].src.pointer.startswith(self.ctx.src(own_loc).pointer):
                self.ctx.diags.warning("OAG130", f"parameter {param.wire_name!r} in {param.location} is "
                                       "declared twice; the last one is used", param.src, "remove one of them")
            merged[ident] = param
        if own is not None and not isinstance(own, list):
            self.ctx.diags.warning("OAG110", "'parameters' is not a list; ignored", self.ctx.src(own_loc),
                                   "write 'parameters:' as a list")
        return list(merged.values())

    def _parameter(self, raw: object, loc: Loc) -> ir.Parameter | None:
        param, ploc = self.ctx.resolver.deref(raw, loc, self.ctx.diags)
        src = self.ctx.src(loc)
        if not isinstance(param, dict):
            if raw is not None and param is None and isinstance(raw, dict):
                return None  # unresolvable $ref, already reported
            self.ctx.diags.warning("OAG131", "parameter is not a mapping; skipped", src,
                                   "write the parameter as a mapping with 'name' and 'in'")
            return None
        if self.ctx.swagger2 and "schema" not in param and not param.get("x-oagen-swagger2"):
            param = swagger2.param_schema(param)  # a $ref'd Swagger 2 parameter
        name, where = param.get("name"), param.get("in")
        if not isinstance(name, str) or where not in _LOCATIONS:
            what = "has no 'name'" if not isinstance(name, str) else f"has 'in: {where}'"
            self.ctx.diags.warning("OAG132", f"parameter {what}; skipped", src,
                                   "give it a 'name' and 'in: path|query|header|cookie'")
            return None
        name = self.headers.parameter_name(name, where, src)
        if name is None:
            return None
        schema = param.get("schema")
        sloc = ploc.child("schema")
        if schema is None and isinstance(param.get("content"), dict) and param["content"]:
            media, first = next(iter(param["content"].items()))
            schema = first.get("schema") if isinstance(first, dict) else None
            sloc = ploc.child("content", str(media), "schema")  # where the schema really is
        if param.get("x-oagen-swagger2") and isinstance(schema, dict) and "type" not in schema:
            self.ctx.diags.warning("OAG133", f"parameter {name!r} has no type; read as string", src,
                                   "add 'type: string' (or the right type)")
            schema = {**schema, "type": "string"}
        elif param.get("x-oagen-swagger2") and isinstance(schema, dict) and schema.get("type") not in (
                "string", "integer", "number", "boolean", "array", "file"):
            self.ctx.diags.warning("OAG134", f"parameter {name!r} has type {schema.get('type')!r}; read as string",
                                   src, "use string, integer, number, boolean or array")
            schema = {**schema, "type": "string"}
        ptype = self.schemas.type_of(schema if schema is not None else {}, sloc, pascal_hint(name) + "Param")
        required = param.get("required") is True
        if where == "path" and not required:
            if "required" in param:
                self.ctx.diags.warning("OAG135", f"path parameter {name!r} is not required; made required", src,
                                       "path parameters need 'required: true'")
            required = True
        style, explode = self._style(param, where)
        # A path parameter is always sent (the route needs it): a default there means nothing.
        default, has_default = code_default(schema, self.ctx, sloc) if where != "path" else (None, False)
        if has_default and not self.schemas.check_default(ptype, schema["default"], sloc):
            default, has_default = None, False
        return ir.Parameter(
            wire_name=name, location=where, type=ptype, required=required, style=style, explode=explode,
            allow_reserved=param.get("allowReserved") is True, description=spec_text(param.get("description")),
            deprecated=param.get("deprecated") is True,
            default=default, has_default=has_default,
            examples=self._examples(param, ploc) + schema_examples(schema), src=src,
        )

    def _examples(self, obj: dict[str, Any], loc: Loc,
                  named: tuple[tuple[str, ir.JSONValue], ...] | None = None) -> tuple[ir.JSONValue, ...]:
        """``example``, the values of an ``examples`` map (Example Objects) and Swagger 2 ``x-example``."""
        found = tuple(ir.freeze(obj[key]) for key in ("example", "x-example") if key in obj)
        pairs = self._named_examples(obj, loc) if named is None else named
        return found + tuple(v for _, v in pairs)

    def _named_examples(self, obj: dict[str, Any], loc: Loc) -> tuple[tuple[str, ir.JSONValue], ...]:
        """The Example Objects of an ``examples`` map that hold a ``value``, by name."""
        named = obj.get("examples")
        found = []
        if isinstance(named, dict):
            for key, written in named.items():
                item, _ = self.ctx.resolver.deref(written, loc.child("examples", key), self.ctx.diags)
                if isinstance(item, dict) and "value" in item:
                    found.append((str(key), ir.freeze(item["value"])))
        return tuple(found)

    def _style(self, param: dict[str, Any], where: str) -> tuple[str, bool]:
        fmt = param.get("x-oagen-collection-format")
        schema = param.get("schema")
        if param.get("x-oagen-swagger2") and isinstance(schema, dict) and schema.get("type") == "array":
            style, explode = _COLLECTION_STYLES.get(fmt if isinstance(fmt, str) else "csv", ("form", False))
            if where in ("path", "header") and style == "form" and not explode:
                style = "simple"
            return style, explode
        written_style, written_explode = param.get("style"), param.get("explode")
        style = written_style if isinstance(written_style, str) else _DEFAULT_STYLE[where]
        return style, written_explode if isinstance(written_explode, bool) else style == "form"

    def _constants(self, params: list[ir.Parameter], items: list[KeyItem], key: str,
                   loc: Loc) -> tuple[list[ir.Parameter], list[ir.Constant]]:
        """The constants of an operation: ``name=value`` pairs of its path key, and required
        parameters whose schema allows one value.

        What the query or fragment of a path key names: ``name=value`` is a constant (``?Action=X``,
        ``#X-Amz-Target=Y``); ``name={var}`` is a query parameter filled by ``var``; a bare name that
        the operation declares is that parameter (``#catalog&changeSetId``); any other bare name is
        a query flag after ``?`` (``?uploads``, sent as it is) and nothing after ``#`` (a fragment is
        never sent; it only keeps the path keys apart).
        """
        constants: list[ir.Constant] = []
        by_name = {p.wire_name: p for p in params}
        for hint, name, value in items:
            declared = by_name.get(name)
            if value is None:
                if declared is None and hint == "query":
                    constants.append(ir.Constant(location="query", wire_name=name, value=""))
                elif declared is None:
                    self.ctx.diags.warning(
                        "OAG141", f"path {key!r}: {name!r} after '#' names no parameter of this operation; "
                        "ignored (a URL fragment is never sent)", self.ctx.src(loc),
                        f"remove {name!r} from the path key, or declare the parameter {name!r} if it is one "
                        "('name=VALUE' there is a constant)")
                continue
            template = re.fullmatch(r"\{([^{}]+)\}", value.strip())
            if template is not None:
                params = self._templated_query(params, name, template.group(1), key, loc)
                by_name = {p.wire_name: p for p in params}
                continue
            if declared is not None and declared.location in ("query", "header"):
                if not _admits(declared.type, value):
                    self.ctx.diags.warning(
                        "OAG142", f"path {key!r} sets {name!r} to {value!r}, which its declared schema does not "
                        f"allow; read as the parameter {name!r} (the value stands for one)", self.ctx.src(loc),
                        f"write '{name}' alone in the path key, or remove it there")
                    continue
                if single_value(declared) != value:
                    self.ctx.diags.warning(
                        "OAG142", f"path {key!r} sets {name!r} to {value!r}, and the operation also declares "
                        f"{name!r} as a parameter; the value {value!r} is always sent", self.ctx.src(loc),
                        f"if {value!r} stands for a value, write '{name}' alone in the path key; if it is "
                        f"fixed, give the parameter 'enum: [{value}]'")
                where = declared.location
            else:
                where = "header" if hint == "fragment" and name.lower().startswith("x-") else "query"
            constants.append(ir.Constant(location=where, wire_name=name, value=value))
        named = {(c.location, c.wire_name) for c in constants}
        kept: list[ir.Parameter] = []
        for p in params:
            if (p.location, p.wire_name) in named:
                continue
            single = single_value(p)
            if single is not None and p.required and p.location in ("query", "header"):
                constants.append(ir.Constant(location=p.location, wire_name=p.wire_name, value=single))
                continue
            kept.append(p)
        return kept, constants

    def _templated_query(self, params: list[ir.Parameter], name: str, var: str, key: str,
                         loc: Loc) -> list[ir.Parameter]:
        """``?city={city}`` in a path key: the query parameter ``city``, filled by the parameter
        the template names (declared in any location, often by mistake 'in: path')."""
        target = next((p for p in params if p.wire_name == var and p.location != "header"), None)
        real_path = re.split(r"[?#]", key, maxsplit=1)[0]
        if target is not None and target.location == "path" and "{" + var + "}" in real_path:
            # The path needs it too: the query gets a parameter of its own, of the same type.
            params = [*params, dataclasses.replace(target, location="query", wire_name=name, style="form",
                                                   explode=True)]
            target = None
        self.ctx.diags.warning(
            "OAG143", f"path {key!r} puts the template '{{{var}}}' in its query; read as the query parameter "
            f"{name!r}", self.ctx.src(loc), f"declare {var!r} with 'in: query' and leave '{name}={{{var}}}' "
            "out of the path key")
        if target is None:
            if any(p.location == "query" and p.wire_name == name for p in params):
                return params
            return [*params, ir.Parameter(wire_name=name, location="query", type=ir.STRING, required=True,
                                          style="form", explode=True, src=self.ctx.src(loc))]
        if target.location == "query":  # (as declared, under the key's name)
            moved = dataclasses.replace(target, wire_name=name)
        else:
            moved = dataclasses.replace(target, wire_name=name, location="query", required=True, style="form",
                                        explode=True)
        return [moved if p is target else p for p in params
                if p is target or not (p.location == "query" and p.wire_name == name)]

    def _check_path_params(self, path: str, params: list[ir.Parameter], loc: Loc) -> list[ir.Parameter]:
        in_template = list(dict.fromkeys(_TEMPLATE.findall(path)))
        declared = {p.wire_name for p in params if p.location == "path"}
        result = []
        for p in params:
            if p.location == "path" and p.wire_name not in in_template:
                self.ctx.diags.warning("OAG136", f"path parameter {p.wire_name!r} is not in the path; ignored",
                                       p.src, "remove it or add it to the path template")
                continue
            result.append(p)
        for var in in_template:
            if var not in declared:
                self.ctx.diags.warning("OAG137", f"path template variable {var!r} is not declared; "
                                       "added as a required string", self.ctx.src(loc),
                                       f"declare a path parameter named {var!r}")
                result.append(ir.Parameter(wire_name=var, location="path", type=ir.STRING, required=True,
                                           style="simple", explode=False, src=self.ctx.src(loc)))
        return result

    def _body(self, raw: object, loc: Loc, hint: str) -> ir.RequestBody | None:
        if raw is None:
            return None
        body, bloc = self.ctx.resolver.deref(raw, loc, self.ctx.diags)
        if not isinstance(body, dict):
            return None
        contents = self._contents(body.get("content"), bloc.child("content"), pascal_hint(hint) + "Body")
        return ir.RequestBody(required=body.get("required") is True, description=spec_text(body.get("description")),
                              contents=tuple(contents), src=self.ctx.src(loc))

    def _contents(self, content: object, loc: Loc, hint: str) -> list[ir.Content]:
        if not isinstance(content, dict):
            return []
        result = []
        for media, obj in content.items():
            if not str(media).strip():
                # An empty key names no media type (spoonacular, beside its application/json): as
                # the first body it would make every call send raw bytes with no Content-Type.
                self.ctx.diags.warning("OAG144", "a media type key is empty; that content is skipped",
                                       self.ctx.src(loc.child(str(media))),
                                       "name the media type, e.g. application/json, or remove the entry")
                continue
            schema = obj.get("schema") if isinstance(obj, dict) else None
            ctype = self.schemas.type_of(schema, loc.child(media, "schema"), hint) if schema is not None else ir.ANY
            named = self._named_examples(obj, loc.child(media)) if isinstance(obj, dict) else ()
            examples = self._examples(obj, loc.child(media), named) if isinstance(obj, dict) else ()
            result.append(ir.Content(media_type=str(media), kind=body_kind(str(media), ctype), type=ctype,
                                     examples=examples + schema_examples(schema), named_examples=named))
        return result

    def _responses(self, raw: object, loc: Loc, hint: str) -> list[ir.Response]:
        if not isinstance(raw, dict):
            return []
        result = []
        for code, written in raw.items():
            status = str(code).strip()
            rloc = loc.child(status)
            if not re.fullmatch(r"[1-5](?:[0-9]{2}|XX)|default", status, re.IGNORECASE):
                self.ctx.diags.warning("OAG140", f"unsupported status code {status!r}; response skipped",
                                       self.ctx.src(rloc), "use a code like 200, a range like 4XX, or default")
                continue
            resp, real = self.ctx.resolver.deref(written, rloc, self.ctx.diags)
            if not isinstance(resp, dict):
                continue
            if status != "default":
                status = status.upper()
            contents = self._contents(resp.get("content"), real.child("content"),
                                      pascal_hint(hint) + ("Response" if status.startswith("2") else status.title()))
            headers = []
            if isinstance(resp.get("headers"), dict):
                for hname, written_header in resp["headers"].items():
                    header, hloc = self.ctx.resolver.deref(written_header, real.child("headers", hname), self.ctx.diags)
                    name = self.headers.response_header_name(str(hname), self.ctx.src(real.child("headers", hname)))
                    if isinstance(header, dict) and name is not None:
                        htype = self.schemas.type_of(header.get("schema", {}), hloc.child("schema"), "Header")
                        headers.append(ir.Header(wire_name=name, type=htype,
                                                 required=header.get("required") is True,
                                                 description=spec_text(header.get("description"))))
            result.append(ir.Response(status=status, description=spec_text(resp.get("description")),
                                      contents=tuple(contents), headers=tuple(headers)))
        return result

    def _security(self, raw: object, loc: Loc) -> tuple[ir.SecurityRequirement, ...]:
        return security_requirements(raw, loc, self.ctx)


def security_requirements(raw: object, loc: Loc, ctx: Context) -> tuple[ir.SecurityRequirement, ...]:
    """``security`` → requirement alternatives (``[]`` means none)."""
    if not isinstance(raw, list):
        return ()
    result = []
    for item in raw:
        if isinstance(item, dict):
            scopes = tuple(tuple(str(s) for s in v) if isinstance(v, list) else () for v in item.values())
            result.append(ir.SecurityRequirement(schemes=tuple(str(k) for k in item),
                                                 scopes=scopes if any(scopes) else ()))
    return tuple(result)


def parsed_key(loc: Loc) -> str:
    """The original path key of an operation location."""
    from ..diagnostics import split_pointer

    parts = split_pointer(loc.pointer)
    return parts[1] if len(parts) > 1 else ""


def body_kind(media: str, ctype: ir.Type) -> ir.BodyKind:
    """How a body of this media type is encoded on the wire."""
    base = media.split(";", 1)[0].strip().lower()
    if base == "application/json" or base.endswith("+json") or base in ("*/*", "application/*", "text/json"):
        if base == "*/*" and isinstance(ctype, ir.Primitive) and ctype.format == "binary":
            return "binary"
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("multipart/"):
        return "multipart"
    if (base in ("application/xml", "text/xml") or base.endswith("+xml")) and isinstance(ctype, ir.Named | ir.Array):
        return "xml"  # read into and written from the declared type (the OpenAPI ``xml`` object)
    if base.startswith("text/") or base in ("application/xml", "application/yaml", "application/x-yaml"):
        if isinstance(ctype, ir.Primitive) and ctype.format == "binary":
            return "binary"
        return "text"
    return "binary"


def _method(key: object) -> str | None:
    if not isinstance(key, str):
        return None
    cleaned = key.replace("&nbsp;", "").replace("\xa0", "").strip().lower()
    return cleaned if cleaned in HTTP_METHODS else None


def _admits(t: ir.Type, value: str) -> bool:
    """False when a type certainly refuses ``value`` (as text on the wire)."""
    if isinstance(t, ir.Literal):
        return any(("true" if v else "false") == value if isinstance(v, bool) else str(v) == value
                   for v in t.values if v is not None)
    if isinstance(t, ir.Primitive) and t.kind == "integer":
        return re.fullmatch(r"[+-]?[0-9]+", value) is not None
    if isinstance(t, ir.Primitive) and t.kind == "number":
        return re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?", value) is not None
    if isinstance(t, ir.Primitive) and t.kind == "boolean":
        return value in ("true", "false")
    if isinstance(t, ir.Union_):
        return any(_admits(v, value) for v in t.variants)
    return True


def _key_items(text: str) -> list[tuple[str, str | None]]:
    """``a=1&b`` → ``[("a", "1"), ("b", None)]`` (decoded as a query string is)."""
    items: list[tuple[str, str | None]] = []
    for part in text.split("&"):
        if not part:
            continue
        name, eq, value = part.partition("=")
        items.append((urllib.parse.unquote_plus(name), urllib.parse.unquote_plus(value) if eq else None))
    return items


def _dedupe_templates(path: str) -> str:
    """``/a/{id}/b/{id}`` → ``/a/{id}/b/{id2}``: each path variable must be its own parameter."""
    names = _TEMPLATE.findall(path)
    if len(names) == len(set(names)):
        return path
    used = set(names)
    seen: set[str] = set()

    def rename(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in seen:
            seen.add(name)
            return match.group(0)
        n = 2
        while f"{name}{n}" in used:
            n += 1
        used.add(f"{name}{n}")
        return "{" + f"{name}{n}" + "}"

    return _TEMPLATE.sub(rename, path)


def _repair_templates(path: str) -> str:
    """``{/r/x}`` → ``/r/{x}``; a dangling ``{`` or ``}`` is dropped."""
    def fix(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner.startswith("/"):
            parts = [p for p in inner.split("/") if p]
            lead = "" if match.string[:match.start()].endswith("/") else "/"
            return lead + "/".join([*parts[:-1], "{" + parts[-1] + "}"]) if parts else ""
        return match.group(0)

    repaired = _TEMPLATE.sub(fix, path)
    depth = 0
    out = []
    for ch in repaired:
        if ch == "{":
            if depth:
                continue
            depth = 1
        elif ch == "}":
            if not depth:
                continue
            depth = 0
        out.append(ch)
    if depth:
        last = "".join(out).rfind("{")
        out.pop(last)
    return "".join(out).replace("{}", "")
