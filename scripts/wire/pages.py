"""How many operations paginate per source (explicit extension, vendor extension, inferred rule):
one count per spec (``count``), stored by ``scripts/corpus.py`` beside the other counts, and one
total line over the corpus (``total_line``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

SOURCES = ("explicit", "vendor", "inferred")
_KIND = {"x-oagen-pagination": "explicit", "x-ms-pageable": "vendor", "x-speakeasy-pagination": "vendor",
         "x-fern-pagination": "vendor", "inferred": "inferred"}


def count(api: Any) -> list[int]:
    """[explicit, vendor, inferred]: the paginated operations of an ``ir.Api`` per source."""
    found = dict.fromkeys(SOURCES, 0)
    for op in api.operations:
        if op.pagination is not None:
            found[_KIND[op.pagination.source]] += 1
    return [found[s] for s in SOURCES]


def total_line(counts: Iterable[Mapping[str, Sequence[int]]]) -> str:
    """``TOTAL paginated operations: N (explicit a, vendor b, inferred c) in S specs``."""
    rows = [c["pagination"] for c in counts if "pagination" in c]
    sums = [sum(r[i] for r in rows) for i in range(len(SOURCES))]
    specs = sum(1 for r in rows if any(r))
    parts = ", ".join(f"{s} {n}" for s, n in zip(SOURCES, sums, strict=True))
    return f"TOTAL paginated operations: {sum(sums)} ({parts}) in {specs} specs"
