"""Per-call options (``request_options=`` on every operation method) and what they change in a
request: the timeout, extra headers and query parameters, the retries, an idempotency key."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeAlias, TypedDict

import httpx

from .params import encode, put_header
from .retries import RetryPolicy

__all__ = ["UNSET", "RequestOptions", "TimeoutValue", "Unset"]

# What a timeout can be: seconds, an httpx.Timeout, or None (wait forever).
TimeoutValue: TypeAlias = float | httpx.Timeout | None


class Unset(enum.Enum):
    """The type of ``UNSET``: an option left as the client has it."""

    UNSET = "UNSET"


UNSET: Literal[Unset.UNSET] = Unset.UNSET


class RequestOptions(TypedDict, total=False):
    """Options for one call: ``client.op(..., request_options={"timeout": 5.0})``.

    - ``timeout``: seconds (or an ``httpx.Timeout``) for this call; ``None`` waits forever.
    - ``headers``: extra headers, sent last (they replace the client's and the call's own).
    - ``params``: extra query parameters (a value or a list of values each).
    - ``retries``: retries for this call: a number of retries (0: none) or a ``RetryPolicy``.
    - ``idempotency_key``: sent as the ``Idempotency-Key`` header; with it, a POST or PATCH may
      be retried like an idempotent method (the server is trusted to apply it once).
    """

    timeout: TimeoutValue
    headers: Mapping[str, str]
    params: Mapping[str, str | Sequence[str]]
    retries: int | RetryPolicy
    idempotency_key: str


def policy(retries: int | RetryPolicy) -> RetryPolicy:
    """A retry setting as a policy (a number: that many retries with the default backoff)."""
    return retries if isinstance(retries, RetryPolicy) else RetryPolicy(attempts=retries)


def extra_query(values: Mapping[str, str | Sequence[str]]) -> list[str]:
    """Extra query parameters as encoded ``name=value`` pairs (a list repeats the name)."""
    pairs: list[str] = []
    for name, value in values.items():
        for item in [value] if isinstance(value, str) else value:
            pairs.append(f"{encode(name)}={encode(str(item))}")
    return pairs


def apply(
    options: RequestOptions, headers: dict[str, str], query: list[str], kwargs: dict[str, Any]
) -> None:
    """Put one call's options into its request (headers, query, httpx keyword arguments)."""
    key = options.get("idempotency_key")
    if key:
        put_header(headers, "Idempotency-Key", key)
    for name, value in options.get("headers", {}).items():
        put_header(headers, name, value)
    query.extend(extra_query(options.get("params", {})))
    if "timeout" in options:
        kwargs["timeout"] = options["timeout"]
