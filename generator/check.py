"""Validation with openapi-spec-validator, turned into diagnostics with pointers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .diagnostics import Diagnostic, Severity, SourceRef, join_pointer
from .loader import Document

_VALIDATORS = {"2.0": "OpenAPIV2SpecValidator", "3.0": "OpenAPIV30SpecValidator", "3.1": "OpenAPIV31SpecValidator"}


def validate(doc: Document, version: str, *, strict: bool = False, limit: int = 10_000) -> list[Diagnostic]:
    """The validator's findings (warnings in lenient mode, errors under ``--strict``)."""
    severity = Severity.ERROR if strict else Severity.WARNING
    findings: list[Diagnostic] = []
    try:
        for pointer, message in _iter_errors(doc.data, version):
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


def _iter_errors(data: Any, version: str) -> Iterator[tuple[str, str]]:
    import openapi_spec_validator

    validator_cls = getattr(openapi_spec_validator, _VALIDATORS[version])
    validator = validator_cls(data)
    for error in validator.iter_errors():
        path = list(getattr(error, "absolute_path", None) or getattr(error, "path", ()) or ())
        yield join_pointer("", *path), _message(error)


def _message(error: Any) -> str:
    message = str(getattr(error, "message", error))
    return message if len(message) <= 300 else message[:297] + "..."
