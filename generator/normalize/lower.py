"""The document (any version) → the IR :class:`~generator.ir.Api`."""

from __future__ import annotations

import re
from typing import Literal as TLiteral

from .. import ir
from ..diagnostics import Diagnostic, Diagnostics, FatalError, Severity, SourceRef
from ..refs import Resolver
from . import pagination, servers, signing, swagger2
from .context import Context, spec_text
from .headers import scheme_param_name
from .operations import OperationLowerer, security_requirements
from .routes import check_routes
from .schemas import SchemaLowerer


def spec_version(data: object, file: str) -> str:
    """``2.0``, ``3.0`` or ``3.1``; anything else is a fatal, one-line error."""
    def fatal(message: str, hint: str, pointer: str = "") -> FatalError:
        return FatalError([Diagnostic(code="OAG008", severity=Severity.ERROR, message=message,
                                      src=SourceRef(file=file, pointer=pointer), hint=hint)])

    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        raise fatal(f"document is {kind}, not an OpenAPI object", "the top level must be a mapping")
    if "swagger" in data:
        if str(data["swagger"]).strip() == "2.0":
            return "2.0"
        raise fatal(f"Swagger {data['swagger']} is not supported", "convert the spec to Swagger 2.0 or OpenAPI 3",
                    "/swagger")
    if "openapi" in data:
        version = str(data["openapi"]).strip()
        if re.fullmatch(r"3\.0(\.\d+)?(-rc\d+)?", version):
            return "3.0"
        if re.fullmatch(r"3\.1(\.\d+)?(-rc\d+)?", version):
            return "3.1"
        raise fatal(f"OpenAPI {version} is not supported", "oagen reads Swagger 2.0, OpenAPI 3.0 and 3.1",
                    "/openapi")
    if "swaggerVersion" in data:
        raise fatal(f"Swagger {data['swaggerVersion']} is not supported", "convert the spec to OpenAPI 3",
                    "/swaggerVersion")
    raise fatal("not an OpenAPI document (no 'openapi' or 'swagger' field)",
                "pass a Swagger 2.0 or OpenAPI 3.x document")


def lower(resolver: Resolver, diags: Diagnostics) -> ir.Api:
    """Normalize the resolver's root document into the IR (names still empty)."""
    data = resolver.root.data
    version = spec_version(data, resolver.root.file)
    origins = swagger2.Origins()
    if version == "2.0":
        data, origins = swagger2.upgrade(data, resolver, diags)
    ctx = Context(resolver=resolver, diags=diags, origins=origins, swagger2=version == "2.0")
    schemas = SchemaLowerer(ctx)
    # Components first, in spec order, so that models keep the document's order.
    components = data.get("components") if isinstance(data.get("components"), dict) else {}
    comp_schemas = components.get("schemas")
    if isinstance(comp_schemas, dict):
        base = resolver.root_loc.child("components", "schemas")
        for name, schema in comp_schemas.items():
            schemas.component(schema, base.child(name))
    lowerer = OperationLowerer(ctx, schemas, data)
    operations = pagination.annotate(lowerer.operations(), lowerer.written, ctx)
    info = data.get("info") if isinstance(data.get("info"), dict) else {}
    found_servers = servers.servers(data.get("servers"), ctx)
    _check_operation_ids(operations, diags)
    check_routes(operations, diags)
    return ir.Api(
        title=spec_text(info.get("title")) or "API",
        version=str(info.get("version", "")) or "0",  # an empty version is no version (FastAPI refuses it)
        description=spec_text(info.get("description")),
        spec_version=version,
        servers=found_servers,
        base_path=servers.api_base_path(found_servers),
        operations=tuple(operations),
        models=tuple(ctx.models.values()),
        security_schemes=_security_schemes(components.get("securitySchemes"), ctx,
                                           signing.sigv4_facts(info, found_servers)),
        security=security_requirements(data.get("security"), resolver.root_loc.child("security"), ctx),
    )


_API_KEY_PLACES: dict[str, TLiteral["header", "query", "cookie"]] = {
    "header": "header", "query": "query", "cookie": "cookie"}


def _security_schemes(raw: object, ctx: Context, aws: ir.AwsSigV4) -> tuple[ir.SecurityScheme, ...]:
    if not isinstance(raw, dict):
        return ()
    result = []
    base = ctx.resolver.root_loc.child("components", "securitySchemes")
    for name, written in raw.items():
        scheme, loc = ctx.resolver.deref(written, base.child(name), ctx.diags)
        if not isinstance(scheme, dict):
            continue
        kind = scheme.get("type")
        desc = spec_text(scheme.get("description"))
        if kind == "apiKey":
            where = _API_KEY_PLACES.get(place, "header") if isinstance(place := scheme.get("in"), str) else "header"
            param = scheme_param_name(str(scheme.get("name") or name), where, ctx.src(loc.child("name")), ctx.diags)
            if param is None:
                continue
            result.append(ir.SecurityScheme(wire_name=str(name), kind="apiKey", location=where,
                                            param_name=param, description=desc,
                                            aws_sigv4=aws if signing.is_sigv4(scheme) else None))
        elif kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            result.append(ir.SecurityScheme(wire_name=str(name), kind="basic", description=desc))
        elif kind in ("oauth2", "openIdConnect") or (
                kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer"):
            flow = signing.client_credentials(scheme, ctx.src(loc.child("flows")), ctx.diags) \
                if kind == "oauth2" else None
            result.append(ir.SecurityScheme(wire_name=str(name), kind="bearer", description=desc,
                                            client_credentials=flow))
        else:
            ctx.diags.warning("OAG150", f"security scheme {name!r} of type {kind!r} {scheme.get('scheme', '')} "
                              "is passed through as a raw Authorization header", ctx.src(loc),
                              "supported: apiKey, http basic/bearer, oauth2, openIdConnect")
            result.append(ir.SecurityScheme(wire_name=str(name), kind="apiKey", location="header",
                                            param_name="Authorization", description=desc))
    return tuple(result)


def _check_operation_ids(operations: list[ir.Operation], diags: Diagnostics) -> None:
    seen: dict[str, ir.Operation] = {}
    for op in operations:
        if op.operation_id is None:
            continue
        if op.operation_id in seen:
            diags.warning("OAG160", f"operationId {op.operation_id!r} is used more than once; "
                          "the method names get numbered", op.src, "give every operation its own operationId")
        else:
            seen[op.operation_id] = op
