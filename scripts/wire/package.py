"""A spec generated into a package and imported under a name of its own, with its IR and document."""

from __future__ import annotations

import hashlib
import importlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from generator import ir
from generator.refs import Resolver


@dataclass
class Generated:
    """One spec's generated package, imported, and what it was made from."""

    spec: Path
    out: Path
    name: str
    api: ir.Api
    resolver: Resolver
    version: str
    top: ModuleType
    operations: dict[str, Any] = field(default_factory=dict)
    warnings: int = 0

    @property
    def models(self) -> ModuleType:
        """The package's ``models`` module."""
        return importlib.import_module(f"{self.name}.models")

    def module(self, name: str) -> ModuleType:
        """A module of the package."""
        return importlib.import_module(f"{self.name}.{name}")

    def unload(self) -> None:
        """Drop the package's modules (a long run imports many packages)."""
        for key in [k for k in sys.modules if k == self.name or k.startswith(self.name + ".")]:
            del sys.modules[key]
        if str(self.out) in sys.path:
            sys.path.remove(str(self.out))


def package_name(spec_id: str) -> str:
    """A package name unique to a spec id."""
    digest = hashlib.sha1(spec_id.encode("utf-8")).hexdigest()[:10]
    return f"wire_{digest}"


def generate_and_import(spec: Path, out: Path, name: str) -> Generated:
    """Generate ``spec`` into ``out`` as package ``name`` and import it. The files are what
    ``oagen generate --no-format`` writes (the same rendering, compile and identifier checks;
    black changes no behaviour), made from one load of the spec. ``RuntimeError`` on failure."""
    from generator.api import GenerateOptions, load_api, render_files
    from generator.diagnostics import Severity
    from generator.normalize.lower import spec_version

    loaded = load_api(str(spec), validate=False)
    if loaded.api is None or loaded.resolver is None:
        errors = [d.format() for d in loaded.diagnostics if d.severity >= Severity.ERROR]
        raise RuntimeError("generate failed: " + "; ".join(errors[:3]))
    options = GenerateOptions(package=name, validate=False, format=False)
    files, problems = render_files(loaded.api, options, name, loaded.resolver.root.data)
    if problems:
        raise RuntimeError("generate failed: " + "; ".join(d.format() for d in problems[:3]))
    for file in files:
        path = out / file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file.content)
    version = spec_version(loaded.resolver.root.data, loaded.resolver.root.file)
    sys.path.insert(0, str(out))
    top = importlib.import_module(name)
    generated = Generated(spec=spec, out=out, name=name, api=loaded.api, resolver=loaded.resolver,
                          version=version, top=top)
    generated.operations = client_operations(generated)
    generated.warnings = sum(1 for d in loaded.diagnostics if d.severity == Severity.WARNING)
    return generated


def client_operations(gen: Generated) -> dict[str, Any]:
    """The client's operation tables (``Operation`` objects) by operation name."""
    modules = [gen.module("client")]
    ops_dir = gen.out / gen.name / "_operations"
    if ops_dir.is_dir():
        modules += [gen.module(f"_operations.{p.stem}") for p in sorted(ops_dir.glob("*.py"))
                    if p.stem != "__init__"]
    found: dict[str, Any] = {}
    for module in modules:
        for value in vars(module).values():
            if type(value).__name__ == "Operation" and hasattr(value, "responses"):
                found[value.name] = value
    return found
