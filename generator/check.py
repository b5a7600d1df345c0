"""Validation with openapi-spec-validator, turned into diagnostics with pointers."""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Severity, SourceRef, join_pointer
from .loader import Document

_VALIDATORS = {"2.0": "OpenAPIV2SpecValidator", "3.0": "OpenAPIV30SpecValidator", "3.1": "OpenAPIV31SpecValidator"}


def validate(doc: Document, version: str, *, strict: bool = False, limit: int = 10_000) -> list[Diagnostic]:
    """The validator's findings (warnings in lenient mode, errors under ``--strict``)."""
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
