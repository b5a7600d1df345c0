"""What the normalizer's stages share: one :class:`Context` per run, and how spec text is read."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .. import ir
from ..diagnostics import Diagnostics, SourceRef
from ..refs import Loc, Resolver
from .swagger2 import Origins, canonical_ref


@dataclass(slots=True)
class Context:
    """What the normalizer stages share: the resolver, diagnostics and the models found."""

    resolver: Resolver
    diags: Diagnostics
    origins: Origins
    models: dict[str, ir.Model] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    aliasing: set[str] = field(default_factory=set)  # pending models that are aliases (a loop among them is one)
    nullable: dict[str, bool] = field(default_factory=dict)  # model key → null is a value of its schema
    swagger2: bool = False

    def src(self, loc: Loc) -> SourceRef:
        """The source reference of a location, in the original document's pointers."""
        if loc.file == self.resolver.root.file:
            return SourceRef(pointer=self.origins.original(loc.pointer), file=loc.file)
        return SourceRef(pointer=loc.pointer, file=loc.file)

    def model_key(self, loc: Loc) -> str:
        """A stable key for the model defined at a location."""
        pointer = "#" + loc.pointer
        if loc.file == self.resolver.root.file:
            return canonical_ref(pointer)
        return _relative_name(self.resolver, loc.file) + pointer


def _relative_name(resolver: Resolver, file: str) -> str:
    root = resolver.root.path
    if root is not None:
        try:
            return os.path.relpath(file, root.parent).replace("\\", "/")
        except ValueError:
            pass
    return file


def spec_text(value: object) -> str:
    """A text field of the spec (description, summary, title): the string, or ``""`` for anything else."""
    return value if isinstance(value, str) else ""
