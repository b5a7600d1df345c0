"""What changed between two versions of an API, as its clients see it.

Pure functions: :func:`summarize` turns a named IR into a compact, JSON-ready summary (stored in
the manifest, so the next run can compare against it); :func:`compare` turns two summaries into a
:class:`ChangeReport`; :func:`handler_status` says which operations a ``handlers.py`` implements.
Nothing here reads files or prints.

A change is *breaking* when code written against the old client stops working or starts
misbehaving against the new one: an operation or model removed, a parameter removed, retyped or
newly required, a required parameter or body added, a return type changed, an enum value removed.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from . import ir

Summary = dict[str, Any]
Subject = Literal["operation", "model"]
Found = list[tuple[str, bool]]  # (detail, breaking)


# --------------------------------------------------------------------------- summary


def summarize(api: ir.Api) -> Summary:
    """A compact, deterministic summary of the operations and models, keyed by their Python names."""
    names = {m.key: m.name for m in api.models}
    return {
        "operations": {op.name: _op_summary(op, names) for op in sorted(api.operations, key=lambda o: o.name)},
        "models": {m.name: _model_summary(m, names) for m in sorted(api.models, key=lambda m: m.name)},
    }


def type_text(t: ir.Type, names: dict[str, str]) -> str:
    """A target-neutral text of a type: ``integer:int64``, ``array<Pet>``, ``map<string>``, ``Pet | null``."""
    if isinstance(t, ir.Primitive):
        return t.kind + (f":{t.format}" if t.format else "")
    if isinstance(t, ir.Array):
        return f"array<{type_text(t.items, names)}>"
    if isinstance(t, ir.Map):
        return f"map<{type_text(t.values, names)}>"
    if isinstance(t, ir.Named):
        return names.get(t.key, t.key)
    if isinstance(t, ir.Union_):
        return " | ".join(dict.fromkeys(type_text(v, names) for v in t.variants))
    if isinstance(t, ir.Literal):
        return "enum(" + ", ".join(json.dumps(ir.thaw(v), sort_keys=True) for v in t.values) + ")"
    return "any"


def _content_text(c: ir.Content, names: dict[str, str]) -> str:
    return {"binary": "binary", "text": "text"}.get(c.kind, "") or type_text(c.type, names)


def _http(op: ir.Operation) -> str:
    query = "&".join(f"{c.wire_name}={c.value}" for c in op.constants if c.location == "query")
    headers = ", ".join(f"{c.wire_name}: {c.value}" for c in op.constants if c.location == "header")
    return f"{op.method} {op.path}" + (f"?{query}" if query else "") + (f" ({headers})" if headers else "")


def _op_summary(op: ir.Operation, names: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "http": _http(op),
        "params": {p.name: {"in": p.location, "type": type_text(p.type, names),
                            "required": p.required and not p.has_default} for p in op.parameters},
        "returns": _returns(op, names),
    }
    if op.body is not None and op.body.contents:
        data["body"] = {"type": " | ".join(dict.fromkeys(_content_text(c, names) for c in op.body.contents)),
                        "required": op.body.required}
    if op.deprecated:
        data["deprecated"] = True
    return data


def _returns(op: ir.Operation, names: dict[str, str]) -> str:
    texts: list[str] = []
    for r in op.responses:
        if r.status.startswith("2"):
            texts.extend(_content_text(c, names) for c in r.contents)
            if not r.contents:
                texts.append("none")
    return " | ".join(dict.fromkeys(texts)) or "none"


def _model_summary(m: ir.Model, names: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": m.kind}
    if m.kind == "object":
        data["fields"] = {f.name: {"type": type_text(f.type, names), "required": f.required} for f in m.fields}
    elif m.kind == "enum":
        data["values"] = [ir.thaw(mem.value) for mem in m.members]
    elif m.alias is not None:
        data["type"] = type_text(m.alias, names)
    return data


# --------------------------------------------------------------------------- report


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """One difference: an operation or model added, removed, or changed in one respect."""

    kind: Literal["added", "removed", "changed"]
    subject: Subject
    name: str
    detail: str = ""
    breaking: bool = False

    def format(self) -> str:
        """One line: ``~ operation list_pets: parameter limit now required [breaking]``."""
        mark = {"added": "+", "removed": "-", "changed": "~"}[self.kind]
        text = f"{mark} {self.subject} {self.name}" + (f": {self.detail}" if self.detail else "")
        return text + (" [breaking]" if self.breaking else "")

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict of this change."""
        return {"kind": self.kind, "subject": self.subject, "name": self.name, "detail": self.detail,
                "breaking": self.breaking}


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeReport:
    """Every change between two summaries, operations first, each group in name order."""

    changes: tuple[Change, ...] = ()

    @property
    def breaking(self) -> tuple[Change, ...]:
        """The changes that break existing client code."""
        return tuple(c for c in self.changes if c.breaking)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def headline(self) -> str:
        """``3 changes (1 breaking): 1 added, 1 removed, 1 changed``."""
        counts = {k: sum(1 for c in self.changes if c.kind == k) for k in ("added", "removed", "changed")}
        parts = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
        total = len(self.changes)
        return f"{total} change{'s' if total != 1 else ''} ({len(self.breaking)} breaking): {parts}"

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict of the report."""
        return {"breaking": len(self.breaking), "changes": [c.to_json() for c in self.changes]}


def compare(old: Summary, new: Summary) -> ChangeReport:
    """The changes from ``old`` to ``new`` (two :func:`summarize` results)."""
    changes: list[Change] = []
    groups: tuple[tuple[Subject, str, Callable[[dict[str, Any], dict[str, Any]], Found]], ...] = (
        ("operation", "operations", _op_changes), ("model", "models", _model_changes))
    for subject, section, diff in groups:
        before: dict[str, Any] = old.get(section) or {}
        after: dict[str, Any] = new.get(section) or {}
        for name in sorted(set(before) | set(after)):
            if name not in before:
                changes.append(Change(kind="added", subject=subject, name=name, detail=_where(after[name])))
            elif name not in after:
                changes.append(Change(kind="removed", subject=subject, name=name, detail=_where(before[name]),
                                      breaking=True))
            elif before[name] != after[name]:
                changes.extend(Change(kind="changed", subject=subject, name=name, detail=detail, breaking=breaking)
                               for detail, breaking in diff(before[name], after[name]))
    return ChangeReport(changes=tuple(changes))


def _where(entry: dict[str, Any]) -> str:
    return str(entry.get("http", ""))


def _op_changes(old: dict[str, Any], new: dict[str, Any]) -> Found:
    found: Found = []
    if old.get("http") != new.get("http"):
        found.append((f"now {new.get('http')} (was {old.get('http')})", False))
    found += _member_changes("parameter", old.get("params", {}), new.get("params", {}))
    found += _body_changes(old.get("body"), new.get("body"))
    if old.get("returns") != new.get("returns"):
        found.append((f"returns {new.get('returns')} (was {old.get('returns')})", True))
    if new.get("deprecated") and not old.get("deprecated"):
        found.append(("now deprecated", False))
    return found


def _member_changes(what: str, old: dict[str, Any], new: dict[str, Any]) -> Found:
    """Parameters of an operation, or fields of a model."""
    found: Found = []
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        if before is None:
            required = bool(after and after.get("required"))
            found.append((f"{what} {name} added" + (" (required)" if required else ""), required))
        elif after is None:
            found.append((f"{what} {name} removed", True))
        else:
            if before.get("type") != after.get("type"):
                found.append((f"{what} {name} retyped {before.get('type')} → {after.get('type')}", True))
            if after.get("required") and not before.get("required"):
                found.append((f"{what} {name} now required", True))
            elif before.get("required") and not after.get("required"):
                found.append((f"{what} {name} now optional", False))
            if before.get("in") != after.get("in"):
                found.append((f"{what} {name} moved from {before.get('in')} to {after.get('in')}", False))
    return found


def _body_changes(old: dict[str, Any] | None, new: dict[str, Any] | None) -> Found:
    if old is None and new is None:
        return []
    return _member_changes("request", {"body": old} if old else {}, {"body": new} if new else {})


def _model_changes(old: dict[str, Any], new: dict[str, Any]) -> Found:
    if old.get("kind") != new.get("kind"):
        return [(f"now {new.get('kind')} (was {old.get('kind')})", True)]
    found = _member_changes("field", old.get("fields", {}), new.get("fields", {}))
    before = [json.dumps(v, sort_keys=True) for v in old.get("values", [])]
    after = [json.dumps(v, sort_keys=True) for v in new.get("values", [])]
    found += [(f"value {v} removed", True) for v in before if v not in after]
    found += [(f"value {v} added", False) for v in after if v not in before]
    if old.get("type") != new.get("type"):
        found.append((f"retyped {old.get('type')} → {new.get('type')}", True))
    return found


# --------------------------------------------------------------------------- handlers


@dataclass(frozen=True, slots=True, kw_only=True)
class HandlerStatus:
    """Which operations a user's ``handlers.py`` implements."""

    missing: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    parsed: bool = True
    total: int = 0


def handler_status(source: str, operations: list[str] | tuple[str, ...]) -> HandlerStatus:
    """Methods defined on ``class Handlers`` vs the operations (``unknown``: no such operation)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return HandlerStatus(missing=tuple(operations), parsed=False, total=len(operations))
    defined: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "Handlers":
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    defined.add(item.name)
                elif isinstance(item, ast.Assign):
                    defined.update(t.id for t in item.targets if isinstance(t, ast.Name))
    wanted = set(operations)
    return HandlerStatus(missing=tuple(op for op in operations if op not in defined),
                         unknown=tuple(sorted(n for n in defined if n not in wanted and not n.startswith("_"))),
                         total=len(operations))
