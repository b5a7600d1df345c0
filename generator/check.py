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
import os
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Severity, SourceRef, join_pointer
from .loader import Document

_VALIDATORS = {"2.0": "OpenAPIV2SpecValidator", "3.0": "OpenAPIV30SpecValidator", "3.1": "OpenAPIV31SpecValidator"}
_SCHEMAS = {"2.0": "v2.0", "3.0": "v3.0"}
_FAST: dict[str, Callable[[Any], Any] | None] = {}


def validate(doc: Document, version: str, *, strict: bool = False, limit: int = 10_000) -> list[Diagnostic]:
    """The validator's findings (warnings in lenient mode, errors under ``--strict``)."""
    if fast_valid(doc.data, version):
        return []
    severity = Severity.ERROR if strict else Severity.WARNING
    findings: list[Diagnostic] = []
    try:
        root = doc.path.parent if doc.path is not None else None
        for pointer, message in _iter_errors(doc.data, version, root):
            findings.append(Diagnostic(code="OAG090", severity=severity, message=message,
                                       src=SourceRef(pointer=pointer, file=doc.file),
                                       hint="see the OpenAPI specification for this field"))
            if len(findings) >= limit:
                break
    except Exception as exc:  # noqa: BLE001 - the validator crashes on some real specs
        findings.append(Diagnostic(code="OAG091", severity=severity,
                                   message=f"openapi-spec-validator stopped early ({type(exc).__name__}: {exc})",
                                   src=SourceRef(file=doc.file),
                                   hint="oagen's own checks still ran; fix the findings above first"))
    return findings


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


def fast_valid(data: Any, version: str) -> bool:
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
    try:
        import fastjsonschema
        import openapi_spec_validator
    except ImportError:
        return None
    folder = _SCHEMAS.get(version)
    if folder is None:
        return None
    schema_path = Path(openapi_spec_validator.__file__).parent / "resources" / "schemas" / folder / "schema.json"
    try:
        text = schema_path.read_text("utf-8")
    except OSError:
        return None
    # use_default=False: the validator must never fill defaults into the document.
    key = hashlib.sha256(f"{fastjsonschema.VERSION}\0nodefaults\0{text}".encode()).hexdigest()[:24]
    _FAST[version] = _load_compiled(key, json.loads(text))
    return _FAST[version]


def _load_compiled(key: str, schema: dict[str, Any]) -> Callable[[Any], Any] | None:
    import fastjsonschema

    cache = _cache_dir()
    if cache is not None:
        path = cache / f"oas_{key}.py"
        if not path.exists():
            try:
                code = "from decimal import Decimal\n" + fastjsonschema.compile_to_code(
                    schema, handlers=_HANDLERS, use_default=False)
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                tmp.write_text(code, "utf-8")
                os.replace(tmp, path)
            except Exception:  # noqa: BLE001 - fall back to compiling in memory
                path = None  # type: ignore[assignment]
        if path is not None:
            spec = importlib.util.spec_from_file_location(f"_oagen_oas_{key}", path)
            if spec is not None and spec.loader is not None:
                module = importlib.util.module_from_spec(spec)
                try:
                    spec.loader.exec_module(module)
                    return module.validate  # type: ignore[no-any-return]
                except Exception:  # noqa: BLE001 - a broken cache entry: compile afresh
                    pass
    try:
        return fastjsonschema.compile(schema, handlers=_HANDLERS, use_default=False)  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001
        return None


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


class _ConfinedHandlers(dict):  # type: ignore[type-arg]
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


def _iter_errors(data: Any, version: str, root: Path | None = None) -> Iterator[tuple[str, str]]:
    import openapi_spec_validator

    validator_cls = getattr(openapi_spec_validator, _VALIDATORS[version])
    confined = type(validator_cls.__name__, (validator_cls,), {"resolver_handlers": _ConfinedHandlers(root)})
    validator = confined(data)
    for error in validator.iter_errors():
        path = list(getattr(error, "absolute_path", None) or getattr(error, "path", ()) or ())
        yield join_pointer("", *path), _message(error)


def _message(error: Any) -> str:
    message = str(getattr(error, "message", error))
    return message if len(message) <= 300 else message[:297] + "..."
