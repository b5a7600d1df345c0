"""Server plumbing: dispatch, validation, security, mock answers, docs (shipped by oagen; do not edit).

The generated ``app.py``, ``base.py`` and route modules use it as ``_rt.<name>``; each concern
lives in a module of its own:

- ``answers``: running a handler, its result as the answer (501, 500, mock mode);
- ``streaming``: event streams (server-sent events) and binary answers sent in chunks;
- ``problems``: problem bodies fitting the spec's error schemas, the app's error handlers;
- ``fastroute``: the routes, reading parameters without FastAPI's analysis per request;
- ``dispatch``: routes told apart by a constant, their 400 fallback, encoded path delimiters;
- ``params``: parameters read from the raw request by style and explode;
- ``constraints``: the checks the endpoints' annotations carry; typed reading;
- ``bodies``: request bodies by media type (JSON, forms, multipart, text, bytes);
- ``statuses``: the typed answers per status handlers return (``NotFound(m.Error(...))``);
- ``validation``: response validation (``create_app(validate_responses=True)``);
- ``security``: credentials per scheme, the security hooks' principals, the 401 and 403 answers;
- ``lazy``: the split layout's routes, built on their first request;
- ``limits``: request limits (413, 414, 431, JSON depth), an ASGI middleware;
- ``state``: what the app knows about the spec (schemas, validators, mocked operations);
- ``schemas``: reading JSON Schemas; ``mock`` and ``patterns``: mock values; ``docs``: /docs.
"""

from __future__ import annotations

from .answers import answer, not_implemented, respond
from .bodies import read_body
from .constraints import known_member, literal_text, pattern, restored, rfc3339, unique_items
from .dispatch import EncodedSlashes, constant_route, dispatch_fallback, unslash
from .docs import install_docs
from .dynamic import mock_seed
from .fastroute import OperationRoute
from .lazy import LazyRoute, add_lazy_routes, build_routes, route_table
from .limits import Limits, RequestLimits
from .params import Param, decode
from .problems import ProblemError, error_answer, install_error_handlers, problem
from .security import Scheme, authenticate, pass_credentials
from .state import Runtime, load_runtime, runtime
from .streaming import ServerSentEvent, answer_bytes, answer_events, not_implemented_events

__all__ = [
    "EncodedSlashes",
    "LazyRoute",
    "Limits",
    "OperationRoute",
    "Param",
    "ProblemError",
    "RequestLimits",
    "Runtime",
    "Scheme",
    "ServerSentEvent",
    "add_lazy_routes",
    "answer",
    "answer_bytes",
    "answer_events",
    "authenticate",
    "build_routes",
    "constant_route",
    "decode",
    "dispatch_fallback",
    "error_answer",
    "install_docs",
    "install_error_handlers",
    "known_member",
    "literal_text",
    "load_runtime",
    "mock_seed",
    "not_implemented",
    "not_implemented_events",
    "pass_credentials",
    "pattern",
    "problem",
    "read_body",
    "respond",
    "restored",
    "rfc3339",
    "route_table",
    "runtime",
    "unique_items",
    "unslash",
]
