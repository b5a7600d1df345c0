"""Validation with openapi-spec-validator, turned into diagnostics with pointers.

openapi-spec-validator is thorough but slow on big specs (about 17 s on GitHub's). Most specs
are valid, so a fast check runs first: the same official JSON Schema (shipped inside
openapi-spec-validator) compiled to Python by fastjsonschema, with the compiled code cached on
disk. Only a document that fails the fast check (or an OpenAPI 3.1 one, whose 2020-12 schema
fastjsonschema cannot compile) goes through openapi-spec-validator for the full list of findings.
oagen's own checks in the normalizer run either way.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import marshal
import os
import re
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Severity, SourceRef, counted, join_pointer, message_shape
from .loader import Document

_VALIDATORS = {"2.0": "OpenAPIV2SpecValidator", "3.0": "OpenAPIV30SpecValidator", "3.1": "OpenAPIV31SpecValidator"}
_SCHEMAS = {"2.0": "v2.0", "3.0": "v3.0"}
_FAST: dict[str, Callable[[Any], Any] | None] = {}


def validate(doc: Document, version: str, *, strict: bool = False, limit: int = 10_000) -> list[Diagnostic]:
    """The validator's findings (warnings in lenient mode, errors under ``--strict``)."""
    if fast_valid(doc.data, version):
        return []
    severity = Severity.ERROR if strict else Severity.WARNING
    # One finding per kind, with a count: a spec that repeats one mistake in 300 places reads as one
    # line (the first place), not 300.
    groups: dict[str, tuple[str, str, int]] = {}
    findings: list[Diagnostic] = []
    stopped: Diagnostic | None = None
    try:
        root = doc.path.parent if doc.path is not None else None
        for seen, (pointer, message) in enumerate(_iter_errors(doc.data, version, root), 1):
            kind = _kind(message, pointer)
            first = groups.get(kind)
            groups[kind] = (first[0], first[1], first[2] + 1) if first else (pointer, message, 1)
            if seen >= limit:
                break
    except Exception as exc:  # noqa: BLE001 - the validator crashes on some real specs
        stopped = Diagnostic(code="OAG091", severity=severity,
                             message=f"openapi-spec-validator stopped early ({type(exc).__name__}: "
                                     f"{_short(re.sub(r' within .*', '', str(exc), flags=re.S))})",
                             src=SourceRef(file=doc.file),
                             hint="oagen's own checks still ran; fix the findings above first")
    for pointer, message, count in groups.values():
        findings.append(Diagnostic(code="OAG090", severity=severity, message=counted(message, count),
                                   src=SourceRef(pointer=pointer, file=doc.file),
                                   hint="see the OpenAPI specification for this field"))
    return [*findings, *([stopped] if stopped else [])]


def _kind(message: str, pointer: str) -> str:
    """What makes two findings the same mistake: the message without the values it quotes, and
    the pointer with its names and indexes unnamed (``/paths/*/*/parameters/*``)."""
    text = message_shape(re.sub(r"\{.*\}|\[.*\]", "_", message))
    parts = ["*" if part.isdigit() else part for part in pointer.split("/")]
    if len(parts) > 3 and parts[1] == "paths":
        parts[2] = parts[3] = "*"  # any path key, any method
    elif len(parts) > 2 and parts[1] == "definitions":
        parts[2] = "*"
    elif len(parts) > 3 and parts[1:3] == ["components", "schemas"]:
        parts[3] = "*"
    shape = "/".join(parts)
    return f"{text}|{shape}"


def _short(text: str, limit: int = 200) -> str:
    """One line of at most ``limit`` characters (an exception can quote a whole document)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


class Pending:
    """Findings of :func:`validate` under way in a forked process (``result()`` waits)."""

    def __init__(self, doc: Document, version: str, strict: bool) -> None:
        from .fork import Forked, available

        self._forked: Forked[list[Diagnostic]] | None = None
        self._findings: list[Diagnostic] | None = None
        if available() and len(doc.text) >= _FORK_BYTES:
            self._forked = Forked(_validate, doc, version, strict)
        else:
            self._findings = validate(doc, version, strict=strict)

    @property
    def done(self) -> bool:
        """True when the findings are in (validated in place)."""
        return self._findings is not None

    def result(self) -> list[Diagnostic]:
        if self._findings is None:
            assert self._forked is not None
            self._findings = self._forked.result()
        return self._findings


def _validate(doc: Document, version: str, strict: bool) -> list[Diagnostic]:
    return validate(doc, version, strict=strict)


_FORK_BYTES = 1_000_000  # below this, validating in place is quicker than forking


def fast_valid(data: object, version: str) -> bool:
    """True when the document passes the official JSON Schema (False when unsure)."""
    check = _fast_validator(version)
    if check is None:
        return False
    try:
        check(data)
    except Exception:  # noqa: BLE001 - any failure means: ask the full validator
        return False
    return True


def _fast_validator(version: str) -> Callable[[Any], Any] | None:
    if version in _FAST:
        return _FAST[version]
    _FAST[version] = None
    folder = _SCHEMAS.get(version)
    try:
        import fastjsonschema

        # Found, not imported: importing openapi-spec-validator costs more than half a second.
        found = importlib.util.find_spec("openapi_spec_validator")
    except ImportError:
        return None
    if folder is None or found is None or found.origin is None:
        return None
    schema_path = Path(found.origin).parent / "resources" / "schemas" / folder / "schema.json"
    try:
        text = schema_path.read_text("utf-8")
    except OSError:
        return None
    key = hashlib.sha256(f"{fastjsonschema.VERSION}\0nodefaults\0lean\0{text}".encode()).hexdigest()[:24]
    _FAST[version] = _load_compiled(key, json.loads(text))
    return _FAST[version]


def _load_compiled(key: str, schema: dict[str, Any]) -> Callable[[Any], Any] | None:
    """The validator's compiled code, from the cache (marshalled bytecode, a few milliseconds)
    or made and cached (about half a second)."""
    cache = _cache_dir()
    path = cache / f"oas_{key}.{importlib.util.MAGIC_NUMBER.hex()}.bin" if cache is not None else None
    code = None
    if path is not None:
        try:
            code = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            code = None  # absent or broken: made afresh
    if code is None:
        try:
            code = compile(lean(_code(schema)), f"<oagen's OpenAPI {key} validator>", "exec", dont_inherit=True)
        except Exception:  # noqa: BLE001 - fastjsonschema cannot compile this schema
            return None
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                tmp.write_bytes(marshal.dumps(code))
                os.replace(tmp, path)
            except OSError:
                pass  # a read-only cache: compiled again next time
    namespace: dict[str, Any] = {"__name__": f"_oagen_oas_{key}"}
    try:
        exec(code, namespace)  # our own validator, compiled by fastjsonschema and cached
    except Exception:  # noqa: BLE001 - a cache entry of another fastjsonschema
        return None
    return namespace.get("validate")


def _code(schema: dict[str, Any]) -> str:
    import fastjsonschema

    # use_default=False: the validator must never fill defaults into the document.
    code: str = fastjsonschema.compile_to_code(schema, handlers=_HANDLERS, use_default=False)
    root = re.search(r"^def (\w+)\(", code, re.MULTILINE)  # the schema's own function comes first
    if root is None:
        raise ValueError("fastjsonschema wrote no function")
    return f"from decimal import Decimal\n{code}\nvalidate = {root.group(1)}\n"


_RAISE = re.compile(r"^([ \t]*)raise JsonSchemaValueException\(.*\)$", re.MULTILINE)
_PREFIX = re.compile(r'\(name_prefix or "data"\) \+ "[^"\n]*"\.format\(\*\*locals\(\)\)')


def lean(code: str) -> str:
    """fastjsonschema's code, answering only *whether* a document is valid: the fast check needs
    no more (an invalid document goes to openapi-spec-validator for its findings). Every failure
    still raises, but without building its message, and nested calls are not handed the path of
    their value for messages (``"...".format(**locals())``). Both cost nothing when a document is
    valid, but ``oneOf: [schema, reference]`` fails once for every schema of the document: half
    the time of validating GitHub's spec."""
    code = _RAISE.sub(r"\1raise JsonSchemaValueException('invalid')", code)
    return _PREFIX.sub("name_prefix", code)


def _local_metaschema(uri: str) -> Any:
    """JSON Schema's draft-04 meta-schema from the installed jsonschema package: never the network."""
    if "json-schema.org/draft-04/schema" in uri:
        from jsonschema.validators import Draft4Validator

        return Draft4Validator.META_SCHEMA
    raise ValueError(f"remote schema {uri} is not fetched")


_HANDLERS = {"http": _local_metaschema, "https": _local_metaschema}


def _cache_dir() -> Path | None:
    from .cache import cache_dir

    return cache_dir("schemas")


class _ConfinedHandlers(dict[str, Callable[[str], Any]]):
    """The validator's own ``$ref`` retrieval, confined like oagen's resolver: files under the
    spec's folder only, never the network (its default handlers would fetch any URL, and
    fall back to urlopen for schemes they do not know)."""

    def __init__(self, root: Path | None) -> None:
        super().__init__()
        self.root = root

    def __contains__(self, scheme: object) -> bool:
        return True

    def __getitem__(self, scheme: str) -> Callable[[str], Any]:
        return self.fetch

    def fetch(self, uri: str) -> Any:
        from .loader import load

        parsed = urllib.parse.urlsplit(uri)
        if parsed.scheme not in ("", "file") or self.root is None:
            raise ValueError(f"$ref {uri!r} is not fetched while validating")
        path = Path(urllib.parse.unquote(parsed.path))
        path = path if path.is_absolute() else self.root / path
        real, root = os.path.realpath(path), os.path.realpath(self.root)
        if not real.startswith(root + os.sep):
            raise ValueError(f"$ref {uri!r} leaves the spec's folder")
        return load(str(path)).data


def _iter_errors(data: object, version: str, root: Path | None = None) -> Iterator[tuple[str, str]]:
    import openapi_spec_validator

    validator_cls = getattr(openapi_spec_validator, _VALIDATORS[version])
    confined = type(validator_cls.__name__, (validator_cls,), {"resolver_handlers": _ConfinedHandlers(root)})
    validator = confined(data)
    for error in validator.iter_errors():
        path = list(getattr(error, "absolute_path", None) or getattr(error, "path", ()) or ())
        yield join_pointer("", *path), _message(error)


def _message(error: object) -> str:
    """The validator's message, the value it quotes shortened (a whole parameter or operation)."""
    message = re.split(r"\s+Failed validating", str(getattr(error, "message", error)))[0]
    found = re.match(r"^(\{.*\}|\[.*\])( is .*|: .*)$", message, re.S)
    if found:
        message = "the value" + found.group(2)
    return _short(message, 300)
