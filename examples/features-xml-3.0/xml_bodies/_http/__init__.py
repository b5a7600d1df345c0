"""HTTP plumbing shared by ``Client`` and ``AsyncClient`` (shipped by oagen; do not edit).

One module per concern: ``spec`` (the operations as the generated code declares them),
``params`` (parameter styles), ``bodies`` (request bodies), ``auth`` (credentials, secrets in
logs; ``oauth2`` and ``sigv4`` its flows), ``options`` (per-call options), ``xmlbodies`` (XML per
the OpenAPI ``xml`` object), ``retries``, ``reading`` (bodies off the wire, bounded),
``responses`` (reading answers), ``streaming`` and ``sse`` (answers read as they arrive, bodies
sent as they are read), ``errors``, ``faults`` (what goes wrong, as errors), ``logs`` (the
package's logger), ``core`` (the transport loop), ``pagination`` (walking pages) and ``lazy``
(the split layout's operations loaded on first use). Nothing here is specific to one API: the
package is the same in every generated package.

Each name is imported from its module on first use, so that what needs only the errors (the
package's ``errors.py``, a server without the client) does not load the transport.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .auth import redact_url
    from .bodies import encode_body, file_part
    from .core import AsyncCore, Core, Request, SyncCore
    from .errors import (
        ApiConnectionError,
        ApiError,
        ApiTimeoutError,
        ResponseParseError,
        ResponseTooLargeError,
        ResponseValidationError,
        TooManyRedirectsError,
    )
    from .lazy import lazy_operations
    from .oauth2 import ClientCredentials, OAuth2ClientCredentials, TokenError, TokenProvider
    from .options import RequestOptions
    from .pagination import Pager, PaginationError
    from .params import (
        pop_header,
        put_header,
        serialize_cookie,
        serialize_header,
        serialize_path,
        serialize_query,
    )
    from .responses import ApiResponse
    from .retries import RetryPolicy, retry_after
    from .sigv4 import AwsCredentials, SigV4Auth
    from .spec import Body, Operation, Param, Result, Scheme
    from .sse import ServerSentEvent
    from .streaming import AsyncByteStream, AsyncEventStream, ByteStream, EventStream
    from .values import to_json

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiResponse",
    "ApiTimeoutError",
    "AsyncByteStream",
    "AsyncCore",
    "AsyncEventStream",
    "AwsCredentials",
    "Body",
    "ByteStream",
    "ClientCredentials",
    "Core",
    "EventStream",
    "OAuth2ClientCredentials",
    "Operation",
    "Pager",
    "PaginationError",
    "Param",
    "Request",
    "RequestOptions",
    "ResponseParseError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "Result",
    "RetryPolicy",
    "Scheme",
    "ServerSentEvent",
    "SigV4Auth",
    "SyncCore",
    "TokenError",
    "TokenProvider",
    "TooManyRedirectsError",
    "encode_body",
    "file_part",
    "lazy_operations",
    "pop_header",
    "put_header",
    "redact_url",
    "retry_after",
    "serialize_cookie",
    "serialize_header",
    "serialize_path",
    "serialize_query",
    "to_json",
]

# The module each name comes from.
_HOME = {
    "ApiConnectionError": "errors",
    "ApiError": "errors",
    "ApiTimeoutError": "errors",
    "ApiResponse": "responses",
    "AsyncByteStream": "streaming",
    "AsyncCore": "core",
    "AwsCredentials": "sigv4",
    "Body": "spec",
    "ClientCredentials": "oauth2",
    "Core": "core",
    "OAuth2ClientCredentials": "oauth2",
    "AsyncEventStream": "streaming",
    "ByteStream": "streaming",
    "EventStream": "streaming",
    "Operation": "spec",
    "Pager": "pagination",
    "PaginationError": "pagination",
    "Param": "spec",
    "Request": "core",
    "RequestOptions": "options",
    "ResponseParseError": "errors",
    "ResponseTooLargeError": "errors",
    "ResponseValidationError": "errors",
    "Result": "spec",
    "RetryPolicy": "retries",
    "Scheme": "spec",
    "SigV4Auth": "sigv4",
    "ServerSentEvent": "sse",
    "SyncCore": "core",
    "TokenError": "oauth2",
    "TokenProvider": "oauth2",
    "TooManyRedirectsError": "errors",
    "encode_body": "bodies",
    "file_part": "bodies",
    "lazy_operations": "lazy",
    "pop_header": "params",
    "put_header": "params",
    "redact_url": "auth",
    "retry_after": "retries",
    "serialize_cookie": "params",
    "serialize_header": "params",
    "serialize_path": "params",
    "serialize_query": "params",
    "to_json": "values",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
