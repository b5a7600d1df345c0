"""File plans and the view models shared by the Python targets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import ir
from ..naming import package_name, package_name_problem


@dataclass(frozen=True, slots=True, kw_only=True)
class FilePlan:
    """One output file: where it goes, which template renders it, with what."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    user_owned: bool = False
    python: bool = True
    #: More context, made when the file is rendered (costly views: made in whichever process
    #: renders the file, see ``generator.api``).
    late: Callable[[], dict[str, Any]] | None = None
    #: About how much code the file holds (to share the work between processes).
    weight: int = 1
    #: A module of ``generator/runtime/`` (``server/params.py``) shipped byte for byte instead of
    #: a rendered template: not rendered, not formatted, checked only to be that file (see
    #: ``runtime_files.py``); ``template`` is then empty.
    source: str | None = None

    def full_context(self) -> dict[str, Any]:
        """The context to render with."""
        return self.context if self.late is None else {**self.context, **self.late()}


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """What the user asked to generate."""

    package: str
    client: bool = True
    server: bool = True
    # The document as loaded (plain JSON data), for targets that ship the spec itself.
    document: Any = field(default=None, compare=False, repr=False)


def default_package_name(api: ir.Api) -> str:
    """A package name from the spec's title (not the output folder: output must not depend on it)."""
    return package_name(api.title)


def valid_package_name(name: str) -> bool:
    """True for a usable Python package name."""
    return package_name_problem(name) is None


def server_views(api: ir.Api) -> dict[str, Any]:
    """The default server URL (an absolute URL template; ``None`` when the spec names no host) and
    its variables, for the client's constructor. It ends in the base path the server serves under."""
    first = api.servers[0] if api.servers else None
    if first is None or not first.absolute_url:
        return {"default_url": None, "variables": ()}
    return {
        "default_url": first.absolute_url,
        "variables": tuple((v.name, v.wire_name, v.default) for v in first.variables),
    }
