"""Server plumbing: dispatch, validation, security, mock answers, docs (shipped by oagen; do not edit).

The generated ``app.py``, ``base.py`` and route modules use it as ``_rt.<name>``; each concern
lives in a module of its own:

- ``answers``: running a handler, its result as the answer (501, 500, mock mode);
- ``problems``: problem bodies fitting the spec's error schemas, the app's error handlers;
- ``dispatch``: routes told apart by a constant, their 400 fallback, encoded path delimiters;
- ``params``: parameters read from the raw request by style and explode;
- ``constraints``: the checks the endpoints' annotations carry; typed reading;
- ``bodies``: request bodies by media type (JSON, forms, multipart, text, bytes);
- ``security``: credentials per scheme, the 401 answer;
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
from .limits import Limits, RequestLimits
from .params import Param, decode
from .problems import ProblemError, error_answer, install_error_handlers, problem
from .security import Scheme, authenticate, pass_credentials
from .state import Runtime, load_runtime, runtime

__all__ = [
    "EncodedSlashes",
    "Limits",
    "Param",
    "ProblemError",
    "RequestLimits",
    "Runtime",
    "Scheme",
    "answer",
    "authenticate",
    "constant_route",
    "decode",
    "dispatch_fallback",
    "error_answer",
    "install_docs",
    "install_error_handlers",
    "known_member",
    "literal_text",
    "load_runtime",
    "not_implemented",
    "pass_credentials",
    "pattern",
    "problem",
    "read_body",
    "respond",
    "restored",
    "rfc3339",
    "runtime",
    "unique_items",
    "unslash",
]
