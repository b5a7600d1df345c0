"""``$ref`` resolution: local pointers and relative files, confined to the spec's folder.

References are resolved on demand (the normalizer asks); cycles are therefore never expanded,
they stay references that become forward references in the IR. A reference that leaves the
spec's folder, uses ``file://`` or points to the network is refused unless the user allowed it.
"""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostics, FatalError, SourceRef, join_pointer, split_pointer
from .limits import DEFAULT_LIMITS, Limits
from .loader import Document, decode, load_text, read_source


@dataclass(frozen=True, slots=True)
class Loc:
    """A position in one of the loaded documents: its file key and a JSON pointer."""

    file: str
    pointer: str

    def child(self, *parts: str | int) -> Loc:
        """The location of a child node."""
        return Loc(self.file, join_pointer(self.pointer, *parts))


@dataclass(slots=True, kw_only=True)
class RefOptions:
    """What the user allows references to reach."""

    allow_external_dirs: tuple[Path, ...] = ()
    allow_remote: bool = False
    limits: Limits = DEFAULT_LIMITS


class RefError(Exception):
    """A reference that cannot be followed; the message says why."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(slots=True)
class Resolver:
    """Follows ``$ref`` values from the root document into it and into allowed files."""

    root: Document
    options: RefOptions = field(default_factory=RefOptions)
    docs: dict[str, Document] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.docs[self.root.file] = self.root

    @property
    def root_loc(self) -> Loc:
        """The root document's top."""
        return Loc(self.root.file, "")

    def doc(self, file: str) -> Document:
        """A loaded document by its file key."""
        return self.docs[file]

    def src(self, loc: Loc) -> SourceRef:
        """A source reference for a location."""
        return SourceRef(pointer=loc.pointer, file=loc.file)

    def resolve(self, ref: object, base: Loc) -> tuple[Any, Loc]:
        """The node a ``$ref`` found at ``base`` points to, and where it is."""
        if not isinstance(ref, str):
            raise RefError("$ref is not a string", "write the reference as a string")
        target_file, _, fragment = ref.partition("#")
        fragment = urllib.parse.unquote(fragment)
        if fragment and not fragment.startswith("/"):
            raise RefError(f"$ref {ref!r}: fragment is not a JSON pointer", "use '#/path/to/node'")
        file = self._load_file(target_file, base.file) if target_file else base.file
        node = self.docs[file].data
        for token in split_pointer(fragment):
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise RefError(f"$ref {ref!r} points to nothing", "check the reference's target")
        return node, Loc(file, fragment)

    def _load_file(self, target: str, base_file: str) -> str:
        parsed = urllib.parse.urlsplit(target)
        if parsed.scheme in ("http", "https"):
            if not self.options.allow_remote:
                raise RefError(f"$ref to a URL {target!r} is not followed",
                               "download the file next to the spec, or pass --allow-remote-refs")
            return self._load_remote(target)
        if parsed.scheme:
            raise RefError(f"$ref with scheme {parsed.scheme!r} ({target!r}) is not followed",
                           "use a path relative to the spec")
        base_doc = self.docs[base_file]
        if base_doc.path is None and not base_file.startswith(("http:", "https:")):
            raise RefError("relative $ref in a spec read from standard input",
                           "pass the spec as a file")
        base_dir = base_doc.path.parent if base_doc.path is not None else Path.cwd()
        path = Path(os.path.normpath(base_dir / urllib.parse.unquote(parsed.path)))
        real = Path(os.path.realpath(path))
        if not self._allowed(real):
            raise RefError(f"$ref {target!r} leaves the spec's folder",
                           "move the file next to the spec, or pass --allow-external-refs DIR")
        key = str(path)
        if key not in self.docs:
            try:
                data, file, fpath = read_source(str(path), self.options.limits)
                self.docs[key] = load_text(decode(data, file), key, fpath, self.options.limits)
            except FatalError as exc:
                raise RefError(f"$ref {target!r}: {exc.diagnostics[0].message}",
                               exc.diagnostics[0].hint) from None
        return key

    def _allowed(self, real: Path) -> bool:
        roots = [self._root_dir(), *self.options.allow_external_dirs]
        for allowed in roots:
            allowed_real = Path(os.path.realpath(allowed))
            if real == allowed_real or allowed_real in real.parents:
                return True
        return False

    def _root_dir(self) -> Path:
        return self.root.path.parent if self.root.path is not None else Path.cwd()

    def _load_remote(self, url: str) -> str:
        import urllib.request

        if url not in self.docs:
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    data = response.read(self.options.limits.max_bytes + 1)
            except OSError as exc:
                raise RefError(f"$ref {url!r}: cannot fetch ({exc})") from None
            self.docs[url] = load_text(decode(data, url), url, None, self.options.limits)
        return url

    def deref(self, node: object, loc: Loc, diags: Diagnostics, depth: int = 0) -> tuple[Any, Loc]:
        """Follow ``$ref`` chains (not schemas: those stay references) to a concrete node."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            try:
                node, loc = self.resolve(ref, loc)
            except RefError as exc:
                diags.error("OAG020", str(exc), self.src(loc.child("$ref")), exc.hint)
                return None, loc
            seen += 1
            if seen > 64:
                diags.error("OAG021", f"$ref loop through {ref!r}", self.src(loc),
                            "make the references end at a real object")
                return None, loc
        return node, loc
