"""Generation jobs from ``[tool.oagen]`` in a ``pyproject.toml``.

One job as a table, or several::

    [tool.oagen]                  # keys here are defaults for every job below
    strict = true

    [[tool.oagen.jobs]]
    spec = "openapi/petstore.yaml"
    output = "generated/petstore"
    package = "petstore"
    server = false

Paths are relative to the folder of the ``pyproject.toml``. Keys may be written with ``-`` or
``_``; an unknown key or a value of the wrong type is a :class:`ConfigError` naming it.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# key → expected type (``path`` and ``paths`` are strings resolved against the config's folder).
_KEYS: dict[str, str] = {
    "name": "str",
    "spec": "path",
    "output": "path",
    "package": "str",
    "client": "bool",
    "server": "bool",
    "strict": "bool",
    "format": "bool",
    "validate": "bool",
    "templates": "path",
    "allow_external_refs": "paths",
    "allow_remote_refs": "bool",
}
# Keys of GenerateOptions a job may set (the rest say what to generate, and where).
OPTION_KEYS = ("package", "client", "server", "strict", "format", "validate", "templates", "allow_external_refs",
               "allow_remote_refs")


class ConfigError(Exception):
    """A configuration that cannot be used; the message is one line naming the file and key."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """One generation: a spec, an output folder, and the options the config sets."""

    name: str
    spec: Path | None = None
    output: Path | None = None
    options: dict[str, Any] = field(default_factory=dict)


def read_pyproject(path: Path) -> dict[str, Any]:
    """The parsed TOML of ``path``."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_jobs(pyproject: Path) -> list[Job]:
    """The jobs of ``[tool.oagen]`` in ``pyproject`` (an error when there is none)."""
    data = read_pyproject(pyproject)
    table = data.get("tool", {}).get("oagen")
    if table is None:
        raise ConfigError(f"{pyproject}: no [tool.oagen] table")
    return jobs_from_table(table, base=pyproject.parent, where=f"{pyproject}: [tool.oagen]")


def jobs_from_table(table: object, *, base: Path, where: str, ignore: frozenset[str] = frozenset()) -> list[Job]:
    """Jobs from a ``[tool.oagen]``-shaped table; ``ignore`` lists keys that belong to someone else."""
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: must be a table")
    table = {k: v for k, v in table.items() if k not in ignore}
    jobs = table.pop("jobs", None)
    defaults = _parse(table, base, where)
    if jobs is None:
        entries = [(defaults, where)]
    else:
        if not isinstance(jobs, list) or not jobs or not all(isinstance(j, Mapping) for j in jobs):
            raise ConfigError(f"{where}: 'jobs' must be a non-empty array of tables ([[tool.oagen.jobs]])")
        entries = [({**defaults, **_parse(j, base, f"{where} jobs[{i}]")}, f"{where} jobs[{i}]")
                   for i, j in enumerate(jobs)]
    result = []
    for i, (values, place) in enumerate(entries):
        for required in ("spec", "output"):
            if required not in values:
                raise ConfigError(f"{place}: missing key '{required}'")
        result.append(Job(name=values.pop("name", "") or f"job {i + 1}", spec=values.pop("spec"),
                          output=values.pop("output"), options=values))
    return result


def _parse(table: Mapping[str, Any], base: Path, where: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = str(raw_key).replace("-", "_")
        kind = _KEYS.get(key)
        if kind is None:
            known = ", ".join(k.replace("_", "-") for k in sorted([*_KEYS, "jobs"]))
            raise ConfigError(f"{where}: unknown key '{raw_key}' (known keys: {known})")
        values[key] = _value(value, kind, base, f"{where}: '{raw_key}'")
    return values


def _value(value: object, kind: str, base: Path, where: str) -> Any:
    if kind == "bool":
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false")
        return value
    if kind == "paths":
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ConfigError(f"{where} must be an array of paths")
        return tuple(base / v for v in value)
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where} must be a non-empty string")
    return base / value if kind == "path" else value
