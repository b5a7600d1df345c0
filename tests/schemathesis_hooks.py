"""Schemathesis hooks for the generated-server fuzz tests (loaded through ``SCHEMATHESIS_HOOKS``).

One policy, stated once: a 4xx answer to a request that Schemathesis itself generated as
invalid (negative mode) is the right answer even when the spec documents no 4xx response for
the operation. Schemathesis then reports "undocumented status code", which is a gap in the spec
(the seed spec documents only ``200``), not a fault of the server. Every other failure counts.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis.openapi.checks import UndefinedStatusCode


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keep every failure except an undocumented 4xx answering a negative (invalid) request."""
    if isinstance(failure, UndefinedStatusCode) and 400 <= response.status_code < 500:
        meta = case.meta
        if meta is not None and meta.generation.mode.is_negative:
            return False
    return True
