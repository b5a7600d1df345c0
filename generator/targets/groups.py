"""Operations grouped into modules, for the split layout of big packages.

A spec with :data:`SPLIT_AT` operations or more is generated in the split layout: instead of one
module holding every operation (a 37 MB ``client.py`` for Microsoft Graph, which takes Python a
minute to compile and gigabytes to check), the operations live in modules of a few dozen to
:data:`MOST` operations each, grouped by their first tag, and the client loads a module on the
first call of one of its operations. The grouping is deterministic (spec order throughout):

* operations go to the group of their first tag (``default`` when they have none);
* groups with fewer than :data:`FEWEST` operations are pooled in one group, ``other``;
* a group of more than :data:`MOST` operations is cut into equal parts ``name_1``, ``name_2``, ...
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir
from ..naming import Namespace, snake

SPLIT_AT = 100
FEWEST = 5
MOST = 150


@dataclass(frozen=True, slots=True)
class Group:
    """One module of operations: its module name (a Python identifier) and its operations."""

    module: str
    tags: tuple[str, ...]
    operations: tuple[ir.Operation, ...]


def split(api: ir.Api) -> bool:
    """True when the package is generated in the split layout."""
    return len(api.operations) >= SPLIT_AT


def groups(api: ir.Api) -> tuple[Group, ...]:
    """The operation modules of ``api`` (in spec order; every operation in exactly one)."""
    by_tag: dict[str, list[ir.Operation]] = {}
    for op in api.operations:
        by_tag.setdefault(op.tags[0] if op.tags else "", []).append(op)
    pooled = [op for ops in by_tag.values() if len(ops) < FEWEST for op in ops]
    pooled_tags = tuple(tag for tag, ops in by_tag.items() if len(ops) < FEWEST)
    names = Namespace(("other",))
    found: list[Group] = []
    for tag, ops in by_tag.items():
        if len(ops) >= FEWEST:
            found += _parts(names, snake(tag) or "default", (tag,), ops)
    if pooled:
        order = {id(op): i for i, op in enumerate(api.operations)}
        pooled.sort(key=lambda op: order[id(op)])
        names.used.discard("other")
        found += _parts(names, "other", pooled_tags, pooled)
    return tuple(found)


def _parts(names: Namespace, base: str, tags: tuple[str, ...], ops: list[ir.Operation]) -> list[Group]:
    if len(ops) <= MOST:
        return [Group(names.take(base, "default", "tag_"), tags, tuple(ops))]
    count = -(-len(ops) // MOST)
    size = -(-len(ops) // count)
    return [Group(names.take(f"{base}_{n + 1}", "default", "tag_"), tags, tuple(ops[i:i + size]))
            for n, i in enumerate(range(0, len(ops), size))]
