"""Instances of JSON Schemas from independent data generators, each checked against its schema.

json-schema-faker (npm, the generator Prism mocks with) makes most instances, many schemas in
one Node process; where it makes no valid instance of a schema, hypothesis-jsonschema (PyPI)
gets the schema alone. Every instance is validated against its schema with ``jsonschema``
before use: a generator's mistake is never taken for oagen's, and what is used is valid data.
Neither generator is oagen's own mock code.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
JSF_DIR = Path(os.environ.get("OAGEN_JSF_DIR") or ROOT / ".cache" / "node" / "node_modules" / "json-schema-faker")
JSF_SERVER = Path(__file__).with_name("jsf_server.mjs")

_RFC3339 = {
    "date-time": re.compile(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)", re.ASCII),
    "date": re.compile(r"\d{4}-\d\d-\d\d", re.ASCII),
}
_UUID = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker()

    def rfc3339(kind: str) -> Callable[[object], bool]:
        def check(value: object) -> bool:
            if not isinstance(value, str) or _RFC3339[kind].fullmatch(value) is None:
                return not isinstance(value, str)
            import datetime

            try:
                if kind == "date":
                    datetime.date.fromisoformat(value)
                else:
                    datetime.datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))
            except ValueError:
                return False
            return True

        return check

    checker.checks("date-time")(rfc3339("date-time"))
    checker.checks("date")(rfc3339("date"))
    checker.checks("uuid")(lambda v: not isinstance(v, str) or _UUID.fullmatch(v) is not None)
    return checker


FORMATS = _format_checker()


def validator(schema: Any) -> Any:
    """A JSON Schema validator (2020-12 semantics; ``definitions`` resolve as plain pointers)."""
    return jsonschema.Draft202012Validator(schema, format_checker=FORMATS)


def first_error(schema: Any, value: Any) -> str | None:
    """Why ``value`` does not fit ``schema`` (one line), or None."""
    try:
        error = jsonschema.exceptions.best_match(validator(schema).iter_errors(value))
    except (jsonschema.exceptions.SchemaError, jsonschema.exceptions._WrappedReferencingError,
            RecursionError, re.error) as exc:
        return f"schema not checkable: {type(exc).__name__}"
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"{where}: {error.message[:200]}"


def header_safe(value: Any) -> bool:
    """A value a header can carry as it is: printable ASCII text without surrounding spaces
    (RFC 9110 5.5: a field value's leading and trailing whitespace is not part of it)."""
    if isinstance(value, dict):
        return all(header_safe(k) and header_safe(v) and "," not in str(k) for k, v in value.items())
    if isinstance(value, list):
        return all(header_safe(v) and "," not in str(v) for v in value) and bool(value)
    text = json.dumps(value) if not isinstance(value, str) else value
    return text == text.strip() and all(" " <= c <= "~" for c in text)


@dataclass
class Target:
    """A schema to make instances of; ``accept`` narrows which valid instances are usable."""

    id: str
    schema: Any
    accept: Callable[[Any], bool] | None = None
    union: Any = None  # for a variant of a union: the union's schema (what ``accept`` holds it to)
    instances: list[Any] = field(default_factory=list)
    problem: str = ""
    source: str = ""


def generate(targets: Iterable[Target], *, count: int = 2, seed: int = 20261202,
             fallback_examples: int = 1) -> list[Target]:
    """Fill each target's ``instances`` (valid, usable) or its ``problem``.

    json-schema-faker first; a second, longer round of it for the schemas that got no valid
    instance; hypothesis-jsonschema for what is left (it is thorough but slow). Targets with the
    same schema share the generators' output (each keeps what its ``accept`` takes)."""
    todo = list(targets)
    groups: dict[str, list[Target]] = {}
    for target in todo:
        groups.setdefault(json.dumps(target.schema, sort_keys=True, default=str), []).append(target)
    errors: dict[str, list[str]] = {}
    made_any: dict[str, list[Any]] = {}  # what json-schema-faker made, valid or not (for the diagnosis)
    pending = [members[0] for members in groups.values()]
    members_of = {members[0].id: members for members in groups.values()}
    for n, round_seed in ((count, seed), (max(12, 4 * count), seed + 1)):
        if not pending:
            break
        made = _jsf(pending, n, round_seed)
        still: list[Target] = []
        for lead in pending:
            items, errs = made.get(lead.id, ([], []))
            errors.setdefault(lead.id, []).extend(errs)
            made_any.setdefault(lead.id, []).extend(items)
            for member in members_of[lead.id]:
                if not member.instances:
                    member.instances = _usable(member, items)[:count]
                    member.source = "json-schema-faker"
            if any(not m.instances for m in members_of[lead.id]):
                still.append(lead)
        pending = still
    drawn = _fallback(pending, fallback_examples, seed) if pending else {}
    for lead in pending:
        for member in members_of[lead.id]:
            if member.instances:
                continue
            member.instances = _usable(member, drawn.get(lead.id, []))
            member.source = "hypothesis-jsonschema"
            if not member.instances:
                errs = errors.get(lead.id) or []
                member.problem = member.problem or overlapping_variants(
                    member.schema if member.union is None else member.union,
                    made_any.get(lead.id, []) + drawn.get(lead.id, [])) or \
                    "no generator made a valid instance" + (f" ({errs[0]})" if errs else "")
    return todo


def overlapping_variants(schema: Any, items: list[Any]) -> str | None:
    """Why no instance fits a ``oneOf`` whose variants overlap, or None: each instance the
    generators made that fits a variant fits at least two at once (variants without
    ``additionalProperties: false`` that differ only in optional properties accept each other's
    instances), so the spec leaves no instance built from the declared properties that matches
    exactly one. (Instances that fit no variant say nothing either way.)"""
    if not (isinstance(schema, dict) and isinstance(schema.get("oneOf"), list) and items):
        return None
    rest = {k: v for k, v in schema.items() if k != "oneOf"}
    try:
        checks = [validator({**rest, "allOf": [*rest.get("allOf", []), variant]}) for variant in schema["oneOf"]]
        counts = [n for n in (sum(1 for check in checks if check.is_valid(item)) for item in items) if n]
    except (jsonschema.exceptions.SchemaError, jsonschema.exceptions._WrappedReferencingError,
            RecursionError, re.error):
        return None
    if not counts or min(counts) < 2:
        return None
    return (f"the spec's oneOf variants overlap: each generated instance that fits one of its "
            f"{len(checks)} variants fits {min(counts)} or more ({len(counts)} instances), none exactly "
            f"one (no variant forbids the others' properties)")


def _usable(target: Target, items: list[Any]) -> list[Any]:
    try:
        check = validator(target.schema)
        found = []
        for item in items:
            if check.is_valid(item) and (target.accept is None or target.accept(item)) and item not in found:
                found.append(item)
        return found
    except jsonschema.exceptions.UnknownType as exc:  # e.g. ``type: {description: ...}``: the spec's slip
        target.problem = f"the spec's schema is no JSON Schema: unknown type {exc.type!r}"
        return []
    except (jsonschema.exceptions.SchemaError, jsonschema.exceptions._WrappedReferencingError,
            RecursionError, re.error):
        return []


class JsfServer:
    """One json-schema-faker process for the whole run (Node's start-up and module load once).

    Requests go in chunks, each with a time limit: a schema that sends json-schema-faker into a
    loop (or an exponential walk) costs a few seconds and goes to hypothesis-jsonschema alone."""

    CHUNK = 40

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self.hung: set[str] = set()

    def _start(self) -> subprocess.Popen[bytes]:
        if self.proc is None or self.proc.poll() is not None:
            if not JSF_DIR.is_dir():
                raise RuntimeError(f"json-schema-faker not installed at {JSF_DIR} (run `make tools`)")
            self.proc = subprocess.Popen(["node", str(JSF_SERVER), str(JSF_DIR)], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            self._buffer = b""
        return self.proc

    def stop(self) -> None:
        """End the process."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def instances(self, targets: list[Target], count: int, seed: int) -> dict[str, tuple[list[Any], list[str]]]:
        """Instances of every target. A chunk that runs out of time is split in halves and tried
        again, down to the one schema that json-schema-faker cannot finish (it gets none)."""
        found: dict[str, tuple[list[Any], list[str]]] = {}
        todo = [t for t in targets if t.id not in self.hung]
        for t in targets:
            if t.id in self.hung:
                found[t.id] = ([], ["json-schema-faker did not finish this schema"])
        for i in range(0, len(todo), self.CHUNK):
            self._chunk(todo[i:i + self.CHUNK], count, seed + i, found)
        return found

    def _chunk(self, chunk: list[Target], count: int, seed: int,
               found: dict[str, tuple[list[Any], list[str]]]) -> None:
        timeout = 5.0 + 0.1 * count * len(chunk)
        answer = self._ask({"seed": seed, "count": count, "targets": [[t.id, t.schema] for t in chunk]}, timeout)
        if answer.get("__timeout__"):
            if len(chunk) == 1:
                self.hung.add(chunk[0].id)
                found[chunk[0].id] = ([], ["json-schema-faker did not finish this schema"])
                return
            half = len(chunk) // 2
            self._chunk(chunk[:half], count, seed, found)
            self._chunk(chunk[half:], count, seed + half, found)
            return
        for t in chunk:
            item = answer.get(t.id) if isinstance(answer.get(t.id), dict) else {}
            found[t.id] = (item.get("items", []), item.get("errors", []) or
                           ([str(answer["__error__"])] if "__error__" in answer else []))

    def _ask(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        import selectors

        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            proc.stdin.flush()
        except BrokenPipeError:
            self.stop()
            return {"__error__": "json-schema-faker exited"}
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not sel.select(left):
                    self.stop()
                    return {"__timeout__": True, "__error__": f"json-schema-faker took over {timeout:.0f} s"}
                data = os.read(proc.stdout.fileno(), 1 << 20)
                if not data:
                    self.stop()
                    return {"__error__": "json-schema-faker exited"}
                self._buffer += data
        line, _, self._buffer = self._buffer.partition(b"\n")
        return dict(json.loads(line))


_SERVER = JsfServer()


def _jsf(targets: list[Target], count: int, seed: int) -> dict[str, tuple[list[Any], list[str]]]:
    return _SERVER.instances(targets, count, seed)


def _fallback(targets: list[Target], examples: int, seed: int, *, seconds: float = 20.0,
              budget: float = 120.0) -> dict[str, list[Any]]:
    """Instances from hypothesis-jsonschema, in a forked process that is stopped when one schema
    takes longer than ``seconds`` (that schema gets none; the rest go on in a new process), and
    at most ``budget`` seconds in all."""
    import multiprocessing

    found: dict[str, list[Any]] = {}
    remaining = [(t.id, t.schema) for t in targets]
    context = multiprocessing.get_context("fork")
    end = time.monotonic() + budget
    while remaining and time.monotonic() < end:
        reader, writer = context.Pipe(duplex=False)
        child = context.Process(target=_draw_all, args=(writer, remaining, examples, seed), daemon=True)
        child.start()
        writer.close()
        try:
            while remaining:
                wait = min(seconds, max(0.0, end - time.monotonic()))
                if not reader.poll(wait):
                    found[remaining.pop(0)[0]] = []  # too slow: no instance
                    break
                try:
                    ident, items = reader.recv()
                except (EOFError, OSError):
                    found[remaining.pop(0)[0]] = []  # the child died on it
                    break
                found[ident] = items
                remaining = [r for r in remaining if r[0] != ident]
        finally:
            if child.is_alive():
                child.kill()
            child.join()
            reader.close()
    return found


def _draw_all(writer: Any, schemas: list[tuple[str, Any]], examples: int, seed: int) -> None:
    """(In the forked process.) Each schema's instances, sent as soon as they are drawn."""
    for ident, schema in schemas:
        writer.send((ident, _hypothesis(schema, examples, seed)))
    writer.close()


def _hypothesis(schema: Any, examples: int, seed: int, *, unrolled: bool = False) -> list[Any]:
    """Up to ``examples`` instances of a schema from hypothesis-jsonschema."""
    try:
        from hypothesis import HealthCheck, Phase, given, settings
        from hypothesis import seed as hseed
        from hypothesis_jsonschema import from_schema
    except ImportError:  # pragma: no cover - the test extras install both
        return []
    found: list[Any] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            strategy = from_schema(schema)

            @hseed(seed)
            @settings(max_examples=examples, database=None, deadline=None,
                      suppress_health_check=list(HealthCheck), phases=[Phase.generate])
            @given(strategy)
            def draw(value: Any) -> None:
                found.append(value)

            draw()
    except Exception:  # noqa: BLE001 - the generator gave up on this schema: no instances
        pass
    if not found and isinstance(schema, dict) and schema.get("definitions") and not unrolled:
        # hypothesis-jsonschema refuses recursive references: draw from the schema with each
        # recursion cut after two rounds (a subset of it: what it yields is valid for the original).
        shallow = unroll(schema)
        if shallow is not None:
            return _hypothesis(shallow, examples, seed, unrolled=True)
    return found


def unroll(schema: dict[str, Any], depth: int = 2, limit: int = 2_000_000) -> Any:
    """``schema`` with its ``#/definitions/`` references inlined and each definition entered at
    most ``depth`` times on one path; a reference past that becomes ``false`` (no instance). The
    result allows a subset of what ``schema`` allows. None when it would exceed ``limit`` bytes."""
    definitions = schema.get("definitions") or {}
    prefix = "#/definitions/"
    size = [0]

    def walk(node: Any, seen: dict[str, int]) -> Any:
        if size[0] > limit:
            raise OverflowError
        if isinstance(node, list):
            return [walk(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        size[0] += len(node)
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(prefix):
            name = ref[len(prefix):].replace("~1", "/").replace("~0", "~")
            if name in definitions:
                times = seen.get(name, 0)
                inner = False if times >= depth else walk(definitions[name], {**seen, name: times + 1})
                rest = {k: walk(v, seen) for k, v in node.items() if k not in ("$ref", "definitions")}
                return {"allOf": [inner, rest]} if rest else inner
        return {k: v if k in _DATA_KEYWORDS else walk(v, seen) for k, v in node.items() if k != "definitions"}

    try:
        return walk(schema, {})
    except (OverflowError, RecursionError):
        return None


_DATA_KEYWORDS = frozenset({"enum", "const", "default", "example", "examples"})
