"""Security facts the client acts on: OAuth2's client credentials flow (token URL, scopes) and
AWS Signature Version 4 (``x-amazon-apigateway-authtype: awsSigv4``, with the region and signing
name the spec's servers and info suggest)."""

from __future__ import annotations

import re
from typing import Any

from .. import ir
from ..diagnostics import Diagnostics, SourceRef

# ``sts.us-gov-west-1.amazonaws.com``, ``cognito-idp.{region}.amazonaws.com.cn``,
# ``abc123.execute-api.eu-west-1.amazonaws.com``
_AWS_HOST = re.compile(r"^(?:[^.]+\.)?([a-z0-9-]+)\.(\{region\}|[a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com")
_AWS_GLOBAL = re.compile(r"^([a-z0-9-]+)\.amazonaws\.com")
_REGION = re.compile(r"^[a-z]{2}(?:-[a-z]+)+-\d$")


def client_credentials(scheme: dict[str, Any], src: SourceRef, diags: Diagnostics) -> ir.ClientCredentialsFlow | None:
    """The ``flows.clientCredentials`` of an OAuth2 scheme (Swagger 2's ``flow: application`` was
    upgraded to it), or ``None``; one without a token URL is reported (OAG220) and ignored."""
    flows = scheme.get("flows")
    flow = flows.get("clientCredentials") if isinstance(flows, dict) else None
    if not isinstance(flow, dict):
        return None
    token_url = flow.get("tokenUrl")
    if not isinstance(token_url, str) or not token_url.strip():
        diags.warning("OAG220", "the OAuth2 clientCredentials flow has no tokenUrl; the client takes "
                      "a token only (it cannot fetch one)", src,
                      "give the flow its tokenUrl (the token endpoint, RFC 6749 §3.2)")
        return None
    scopes = flow.get("scopes")
    refresh = flow.get("refreshUrl")
    return ir.ClientCredentialsFlow(
        token_url=token_url.strip(),
        refresh_url=refresh if isinstance(refresh, str) else "",
        scopes=tuple(str(k) for k in scopes) if isinstance(scopes, dict) else (),
    )


def is_sigv4(scheme: dict[str, Any]) -> bool:
    """True for an apiKey scheme the spec says is signed with AWS SigV4."""
    authtype = scheme.get("x-amazon-apigateway-authtype")
    return isinstance(authtype, str) and authtype.lower() == "awssigv4"


def sigv4_facts(info: dict[str, Any], servers: tuple[ir.Server, ...]) -> ir.AwsSigV4:
    """The region and signing name an AWS API is signed for, as far as the spec tells: the
    ``region`` server variable's default or the region in an ``amazonaws.com`` host; the signing
    name from ``info.x-aws-signingName``, the host (``sts.amazonaws.com``), ``info.x-serviceName``,
    or ``execute-api`` for an API Gateway host."""
    region = service = ""
    for i, server in enumerate(servers):
        host = re.sub(r"^[a-z]+://", "", server.url).split("/", 1)[0]
        variables = {v.wire_name: v.default for v in server.variables}
        found = _AWS_HOST.match(host)
        if i == 0:
            # The region of the default URL (the first server); a global endpoint has none (us-east-1).
            if _REGION.match(variables.get("region", "")):
                region = variables["region"]
            elif found and found.group(2) != "{region}":
                region = found.group(2)
        if found:
            service = service or found.group(1)
        elif (top := _AWS_GLOBAL.match(host)) is not None:
            service = service or top.group(1)
    named = info.get("x-aws-signingName") or info.get("x-serviceName")
    if isinstance(named, str) and named and not service:
        service = named
    if isinstance(info.get("x-aws-signingName"), str) and info["x-aws-signingName"]:
        service = info["x-aws-signingName"]
    return ir.AwsSigV4(region=region, service=service)
