"""Loading limits (their own module: the command line shows them without importing the loader)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """Bounds that keep a hostile document from exhausting time or memory.

    The defaults take the largest real specs (Microsoft Graph beta: 47 MB, 1.5 million
    nodes, 17 levels) with room to spare. Sizes count a YAML alias wherever it is used, so a
    "billion laughs" document is refused after its first few levels without being expanded.
    """

    max_bytes: int = 64 * 1024 * 1024
    max_depth: int = 256
    max_nodes: int = 5_000_000
    max_aliases: int = 100_000  # alias uses (``*name``) in one document
    max_alias_nodes: int = 200_000  # nodes repeated by aliases (their expanded size, summed)
    max_number_digits: int = 4_000  # Python refuses to convert longer integers


def positive_limits(**values: int | None) -> Limits:
    """The default limits with some replaced (``None`` keeps the default)."""
    from dataclasses import replace

    return replace(DEFAULT_LIMITS, **{k: v for k, v in values.items() if v is not None})


DEFAULT_LIMITS = Limits()
