"""What the app knows about the spec (``app.state.oagen``): the schemas of ``schemas.json``, their
JSON Schema validators, which operations are mocked, which handlers take ``credentials``."""

from __future__ import annotations

import contextlib
import gc
import importlib
import inspect
import json
import logging
import random
import re
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response

from .checkparts import Check
from .compiled import compile_check
from .schemas import kinds, numbered, properties, resolve, typed_text

_log = logging.getLogger(__name__)


def _json_module() -> Any:
    try:
        return importlib.import_module("jsonschema")
    except ImportError:  # pragma: no cover - the [server] extra installs it
        _log.warning("jsonschema is not installed: request bodies are not checked against the spec")
        return None


# RFC 3986 (sections 2 and 3) characters of a URI reference, and a scheme. jsonschema checks "uri"
# only with an optional package (rfc3987) installed; without one every string would pass.
_URI_TEXT = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?\[\]]|%[0-9A-Fa-f]{2})*")
_URI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def is_uri_reference(value: object) -> bool:
    """The "uri-reference" format check (true for anything but a string)."""
    if not isinstance(value, str):
        return True
    head, _, fragment = value.partition("#")
    return bool(_URI_TEXT.fullmatch(head) and _URI_TEXT.fullmatch(fragment))


def is_uri(value: object) -> bool:
    """The "uri" format check: a URI reference with a scheme (true for anything but a string)."""
    return not isinstance(value, str) or (
        bool(_URI_SCHEME.match(value)) and is_uri_reference(value)
    )


def _format_checker(js: Any) -> Any:
    """Draft 2020-12's format checks, plus "uri" and "uri-reference" when jsonschema has none.

    Its own checks, copied: ``FormatChecker(names)`` would take them from the registry all drafts
    share, whose "time" is draft 3's (``12:00:00`` in, ``12:00:00Z`` out).
    """
    checker = js.FormatChecker(())
    checker.checkers = dict(js.Draft202012Validator.FORMAT_CHECKER.checkers)
    for name, check in (("uri", is_uri), ("uri-reference", is_uri_reference)):
        if name not in checker.checkers:
            checker.checks(name)(check)
    return checker


@dataclass
class Runtime:
    """What the app knows about the spec: schemas, mock answers, which operations are mocked."""

    schemas: dict[str, Any]
    mocked: frozenset[str] = frozenset()
    takes_credentials: Container[str] = frozenset()
    validate_responses: bool = False
    _validators: dict[int, tuple[Any, Any]] = field(default_factory=dict)
    _checks: dict[int, tuple[Any, Check | None]] = field(default_factory=dict)
    seed: int | None = None
    _mocks: dict[tuple[str, int | None, str | None], Response] = field(default_factory=dict)
    _draws: dict[str, int] = field(default_factory=dict)
    _jsonschema: Any = field(default_factory=_json_module)
    _format_checker: Any = None

    @property
    def defs(self) -> dict[str, Any]:
        """The models' schemas, by name."""
        defs: dict[str, Any] = self.schemas.get("$defs", {})
        return defs

    def operation(self, name: str) -> dict[str, Any]:
        """The schemas of one operation."""
        found: dict[str, Any] = self.schemas["operations"].get(name, {})
        return found

    def body_schema(self, operation: str, media_type: str) -> Any:
        """The schema of a request body of this media type."""
        return self.operation(operation).get("body", {}).get(media_type, {})

    def validator(self, schema: Any) -> Any:
        """A (cached) JSON Schema validator that resolves ``#/$defs`` against the models."""
        cached = self._validators.get(id(schema))
        if cached is not None:
            return cached[1]
        if self._jsonschema is None:
            return None
        js = self._jsonschema
        root = {**schema, "$defs": self.defs} if isinstance(schema, dict) else schema
        if self._format_checker is None:
            self._format_checker = _format_checker(js)
        found = js.Draft202012Validator(root, format_checker=self._format_checker)
        # The cache holds the schema too, so its id cannot be reused by another object.
        self._validators[id(schema)] = (schema, found)
        return found

    def check(self, schema: Any) -> Check | None:
        """The schema's compiled check (``compiled.py``; cached): True for a value jsonschema
        finds valid too; None for a schema it does not compile (or without jsonschema)."""
        cached = self._checks.get(id(schema))
        if cached is not None:
            return cached[1]
        validator = self.validator(schema)
        found = None
        if validator is not None:
            keywords = type(validator).VALIDATORS
            found = compile_check(schema, self.defs, keywords, self._format_checker)
        self._checks[id(schema)] = (schema, found)
        return found

    def fits(self, schema: Any, value: Any) -> bool:
        """True when the compiled check says the value fits (False: jsonschema must look)."""
        check = self.check(schema)
        return check is not None and check(value)

    def is_valid(self, schema: Any, value: Any) -> bool:
        """True when the value fits the schema (always, without jsonschema)."""
        if self.fits(schema, value):
            return True
        validator = self.validator(schema)
        return validator is None or bool(validator.is_valid(value))

    def typed(self, value: Any, schema: Any, depth: int = 0) -> Any:
        """Text read from the wire as the JSON value ``schema`` describes: numbers, booleans and
        null from their text, a nested object or array from the JSON text it was sent as, the
        items and properties each by their own schema; of several types, the first that fits."""
        schema = resolve(schema, self.defs)
        if depth > 32:
            return value
        variants = schema.get("anyOf") or schema.get("oneOf")
        if isinstance(variants, list) and variants:
            readings = [self.typed(value, v, depth + 1) for v in variants]
            fitting = (r for r, v in zip(readings, variants, strict=True) if self.is_valid(v, r))
            return next(fitting, readings[0])
        allowed = kinds(schema, self.defs)
        if isinstance(value, str):
            if not allowed and isinstance(schema.get("enum"), list):
                return next((v for v in schema["enum"] if json.dumps(v) == value), value)
            return typed_text(value, allowed)
        if "array" in allowed:
            value = numbered(value)
        if isinstance(value, list) and ("array" in allowed or not allowed):
            return [self.typed(v, schema.get("items", {}), depth + 1) for v in value]
        if isinstance(value, dict):
            declared = properties(schema, self.defs)
            extra = schema.get("additionalProperties")
            other = extra if isinstance(extra, dict) else {}
            return {k: self.typed(v, declared.get(k, other), depth + 1) for k, v in value.items()}
        return value

    def validate(
        self, schema: Any, value: Any, where: Sequence[str | int], text_only: bool = False
    ) -> None:
        """Raise a 422 listing each place the value does not fit the schema."""
        if text_only and resolve(schema, self.defs).get("type") != "string":
            return
        if self.fits(schema, value):
            return
        validator = self.validator(schema)
        if validator is None:
            return
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
        if errors:
            raise RequestValidationError(
                [
                    {
                        "loc": (*where, *e.absolute_path),
                        "msg": _short(e.message),
                        "type": str(e.validator),
                    }
                    for e in errors[:20]
                ]
            )

    def error_schema(self, operation: str, status: int) -> dict[str, Any] | None:
        """The declared JSON error response for a status: exact, then ``4XX``, then ``default``."""
        errors = self.operation(operation).get("errors", {})
        for key in (str(status), f"{status // 100}XX", "default"):
            if key in errors:
                found: dict[str, Any] = errors[key]
                return found
        return None

    def mock_answer(self, operation: str, prefer: str | None = None) -> Response:
        """The mock answer of an operation as the request's ``Prefer`` header directs (see
        ``mock``); static answers are built once, ``dynamic=true`` ones drawn each time, from a
        generator seeded by the app's ``seed``, the operation and the count of its draws."""
        from .mock import directions, mock_response  # loaded on first use: most apps never mock

        wanted = directions(prefer)
        key = (operation, wanted.code, wanted.example)
        found = None if wanted.dynamic else self._mocks.get(key)
        if found is None:
            rng = None
            if wanted.dynamic:
                draw = self._draws[operation] = self._draws.get(operation, 0) + 1
                rng = random.Random(f"{self.seed}:{operation}:{draw}")
            found = mock_response(self, operation, wanted, rng)
            if not wanted.dynamic:
                self._mocks[key] = found
        headers = {k: v for k, v in found.headers.items() if k != "content-length"}
        if wanted.applied:
            headers["preference-applied"] = wanted.applied
        return Response(
            found.body, status_code=found.status_code, headers=headers, media_type=found.media_type
        )


def _short(message: str) -> str:
    return message if len(message) <= 300 else message[:297] + "..."


def runtime(request: Request) -> Runtime:
    """The app's runtime state."""
    state: Runtime = request.app.state.oagen
    return state


def takes(handlers: object, name: str, keyword: str) -> bool:
    """True when the handler of operation ``name`` takes ``keyword`` (by name or through
    ``**kwargs``): a handler written before its operation gained ``credentials`` keeps working."""
    try:
        parameters = inspect.signature(getattr(handlers, name)).parameters.values()
    except (TypeError, ValueError, AttributeError):
        return False
    return any(p.name == keyword or p.kind is p.VAR_KEYWORD for p in parameters)


def accepting(handlers: object, operations: Iterable[str], keyword: str) -> frozenset[str]:
    """The operations whose handler takes ``keyword`` (see :func:`takes`)."""
    return frozenset(name for name in operations if takes(handlers, name, keyword))


class Accepting:
    """The operations whose handler takes ``keyword``, each looked up on its first request (a
    signature each: seconds for a giant spec's app at start)."""

    def __init__(self, handlers: object, keyword: str) -> None:
        self.handlers = handlers
        self.keyword = keyword
        self._known: dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        found = self._known.get(name)
        if found is None:
            found = self._known[name] = takes(self.handlers, name, self.keyword)
        return found


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: making a giant spec's schemas (millions of
    objects, none garbage) would run the collector over them again and again (half its time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_runtime(
    package: str,
    handlers: object,
    base: type,
    mock: bool,
    seed: int | None = None,
    *,
    validate_responses: bool | None = None,
) -> Runtime:
    """Read ``schemas.json`` shipped with the server package; note what the handlers implement.

    Responses are validated when ``validate_responses`` says so (by default: in mock mode).
    """
    text = resources.files(package).joinpath("schemas.json").read_text("utf-8")
    with paused_gc():
        schemas = json.loads(text)
    names = list(schemas["operations"])
    mocked = frozenset(
        name
        for name in names
        if mock and getattr(type(handlers), name, None) is getattr(base, name)
    )
    return Runtime(
        schemas=schemas,
        mocked=mocked,
        takes_credentials=Accepting(handlers, "credentials"),
        validate_responses=mock if validate_responses is None else validate_responses,
        # Without a seed, dynamic mock answers differ from run to run.
        seed=seed if seed is not None else random.SystemRandom().getrandbits(64),
    )
