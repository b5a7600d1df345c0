"""The document as oagen read it, for a peer that cannot load the spec as written.

Prism refuses a whole spec for one dangling ``$ref`` (the streamdata-gallery specs point at a
``#/definitions/holder`` that does not exist) or one path key without its leading ``/``. oagen
reads past both and reports each (OAG020: typed as any; OAG121: '/' added; OAG122/OAG123: path
templates repaired). This document applies exactly those readings, so that Prism can judge every
other operation against the rest of the spec: a dangling reference becomes ``{}`` (any value), and
each path key becomes the path oagen routes (its ``?``/``#`` part kept).
"""

from __future__ import annotations

import copy
from typing import Any

from generator.refs import Loc, RefError

from .package import Generated


def repaired(gen: Generated) -> dict[str, Any]:
    """The spec with oagen's repairs applied (a copy)."""
    doc = copy.deepcopy(gen.resolver.root.data)
    _drop_dangling(gen, doc, "")
    paths = doc.get("paths")
    if isinstance(paths, dict):
        doc["paths"] = _paths(gen, paths)
    return doc


def _drop_dangling(gen: Generated, node: Any, pointer: str) -> None:
    if isinstance(node, dict):
        for key, value in list(node.items()):
            if isinstance(value, dict) and isinstance(value.get("$ref"), str):
                try:
                    gen.resolver.resolve(value["$ref"], Loc(gen.resolver.root.file, pointer))
                except RefError:
                    node[key] = {}
                    continue
            _drop_dangling(gen, value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, dict) and isinstance(value.get("$ref"), str):
                try:
                    gen.resolver.resolve(value["$ref"], Loc(gen.resolver.root.file, pointer))
                except RefError:
                    node[i] = {}
                    continue
            _drop_dangling(gen, value, f"{pointer}/{i}")


def _paths(gen: Generated, paths: dict[str, Any]) -> dict[str, Any]:
    read_as = {op.path_key: op.path for op in gen.api.operations}
    found: dict[str, Any] = {}
    for key, item in paths.items():
        tail = ""
        for mark in ("#", "?"):
            if mark in str(key):
                tail = mark + str(key).split(mark, 1)[1]
                break
        new = read_as.get(str(key), str(key)) + tail
        if new in found and isinstance(found[new], dict) and isinstance(item, dict):
            found[new] = {**found[new], **item}
        else:
            found[new] = item
    return found
