"""HTTP plumbing shared by ``Client`` and ``AsyncClient`` (shipped by oagen; do not edit).

One module per concern: ``spec`` (the operations as the generated code declares them),
``params`` (parameter styles), ``bodies`` (request bodies), ``auth`` (credentials, secrets in
logs), ``options`` (per-call options), ``retries``, ``reading`` (bodies off the wire, bounded),
``responses`` (reading answers), ``errors``, ``faults`` (what goes wrong, as errors), ``logs``
(the package's logger), ``core`` (the transport loop) and ``lazy`` (the split layout's
operations loaded on first use). Nothing here is specific to one API: the package is the same
in every generated package.

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
    from .options import RequestOptions
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
    from .spec import Body, Operation, Param, Result, Scheme
    from .values import to_json

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiResponse",
    "ApiTimeoutError",
    "AsyncCore",
    "Body",
    "Core",
    "Operation",
    "Param",
    "Request",
    "RequestOptions",
    "ResponseParseError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "Result",
    "RetryPolicy",
    "Scheme",
    "SyncCore",
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
    "AsyncCore": "core",
    "Body": "spec",
    "Core": "core",
    "Operation": "spec",
    "Param": "spec",
    "Request": "core",
    "RequestOptions": "options",
    "ResponseParseError": "errors",
    "ResponseTooLargeError": "errors",
    "ResponseValidationError": "errors",
    "Result": "spec",
    "RetryPolicy": "retries",
    "Scheme": "spec",
    "SyncCore": "core",
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
