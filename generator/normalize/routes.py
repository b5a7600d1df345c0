"""Operations no server can tell apart: one method, and path templates equal up to the names of
their parameters (``DELETE /x/{a}.json`` and ``DELETE /x/{b}.json``), with the same constants.

Every request one of them matches, the other matches too, so a server routes them all to one
operation: the first declared (a server's route order keeps the document's order among routes of
one shape). The client keeps a method for each; the warning says which one the server serves.
"""

from __future__ import annotations

import re

from .. import ir
from ..diagnostics import Diagnostics

_PARAMETER = re.compile(r"\{[^}]*\}")


def route_key(op: ir.Operation) -> tuple[object, ...]:
    """What a server routes an operation by: method, path template with its parameters unnamed,
    and the constants (header names are case-insensitive)."""
    constants = sorted((c.location, c.wire_name.lower() if c.location == "header" else c.wire_name, c.value)
                       for c in op.constants)
    return op.method, _PARAMETER.sub("{}", op.path), tuple(constants)


def check_routes(operations: list[ir.Operation], diags: Diagnostics) -> None:
    """Warn about each operation that a server cannot tell from one declared before it."""
    first: dict[tuple[object, ...], ir.Operation] = {}
    for op in operations:
        served = first.setdefault(route_key(op), op)
        if served is op:
            continue
        diags.warning(
            "OAG161",
            f"{_label(op)} and {_label(served)} differ only in the names of their path parameters: a server "
            f"cannot tell their requests apart and the generated server routes them all to "
            f"{_name(served)} (declared first); the client keeps a method for each",
            op.src,
            "give one of them a path of its own (or merge the two operations)",
        )


def _label(op: ir.Operation) -> str:
    line = f"{op.method} {op.path_key}"
    return f"{line} ({op.operation_id})" if op.operation_id else line


def _name(op: ir.Operation) -> str:
    return op.operation_id or f"{op.method} {op.path_key}"
