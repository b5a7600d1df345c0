"""Prism (npm ``@stoplight/prism-cli``) as the independent judge of what the client sends.

One ``prism mock --dynamic`` per spec, on 127.0.0.1. Prism validates each request against the
spec and reports what does not fit in an ``sl-violations`` answer header; its answers are
generated from the response schemas (json-schema-faker). Every planned call (:mod:`wire.calls`)
goes to Prism through the generated client: no request violation may be reported, and the
client must read Prism's answer into the declared type.

Prism is given the spec file; when it cannot load it (a YAML stream with a trailing ``---``, say)
it is given the document as oagen read it (the generated server's ``openapi.json``).

Some failures are Prism's, not the client's; each is recognised by its exact signature and
reported as an exclusion with its reason (see :data:`PRISM_DEFECTS`), never skipped unseen.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import ir

from .calls import Call
from .package import Generated
from .spec import SpecSchemas
from .roundtrip import CallResult

ROOT = Path(__file__).resolve().parents[2]
PRISM = Path(os.environ.get("OAGEN_PRISM") or ROOT / ".cache" / "node" / "node_modules" / ".bin" / "prism")


@dataclass(frozen=True)
class Defect:
    """A Prism defect: when it applies to an operation, and how its failure reads."""

    reason: str
    applies: Callable[[Call, Generated], bool]
    signature: re.Pattern[str]


def _form_against_consumes(op: ir.Operation, gen: Generated) -> bool:
    """A Swagger 2 operation with ``formData`` parameters whose ``consumes`` names no form media
    type: the spec contradicts itself (2.0 "Parameter Object": formData needs a form content type)."""
    if gen.version != "2.0":
        return False
    from generator.refs import Loc

    doc = gen.resolver.root.data
    node, _ = gen.resolver.resolve("#" + op.src.pointer, Loc(gen.resolver.root.file, ""))
    item, _ = gen.resolver.resolve("#" + op.src.pointer.rsplit("/", 1)[0], Loc(gen.resolver.root.file, ""))
    params = [*(item.get("parameters") or []), *(node.get("parameters") or [])]
    if not any(isinstance(p, dict) and p.get("in") == "formData" for p in params):
        return False
    consumes = node.get("consumes", doc.get("consumes")) or []
    return not any(str(c).startswith(("application/x-www-form-urlencoded", "multipart/form-data")) for c in consumes)


def _declares_response_header(op: ir.Operation, gen: Generated, name: str) -> bool:
    """True when the spec declares a response header ``name`` for the operation."""
    from generator.refs import Loc

    node, _ = gen.resolver.resolve("#" + op.src.pointer, Loc(gen.resolver.root.file, ""))
    responses = node.get("responses") if isinstance(node, dict) else None
    for response in (responses or {}).values():
        if isinstance(response, dict) and "$ref" in response:
            try:
                response, _ = gen.resolver.resolve(response["$ref"], Loc(gen.resolver.root.file, op.src.pointer))
            except Exception:  # noqa: BLE001 - a dangling reference declares nothing
                continue
        headers = response.get("headers") if isinstance(response, dict) else None
        if any(str(h).lower() == name for h in (headers or {})):
            return True
    return False


def _holds_null(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, dict):
        return any(_holds_null(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_null(v) for v in value)
    return False


def _nested(t: ir.Type) -> bool:
    """An array of objects or arrays, or a union with an object or array: a nested query value."""
    structured = (ir.Array, ir.Map, ir.Named)
    if isinstance(t, ir.Array):
        return isinstance(t.items, structured) or isinstance(t.items, ir.Union_) and any(
            isinstance(v, structured) for v in t.items.variants)
    if isinstance(t, ir.Union_):
        return any(isinstance(v, structured) for v in t.variants) and len(t.variants) > 1
    return False


def _is_listlike(op: ir.Operation, gen: Generated) -> bool:
    return any(p.location == "path" and (isinstance(p.type, ir.Array | ir.Map | ir.Named))
               for p in op.parameters)


PRISM_DEFECTS: tuple[Defect, ...] = (
    Defect("the spec contradicts itself: formData parameters, but 'consumes' names no form media type "
           "(Swagger 2.0: formData is for application/x-www-form-urlencoded or multipart/form-data); "
           "Prism then accepts no body at all",
           lambda call, gen: _form_against_consumes(call.op, gen), re.compile(r"HTTP 415.*No supported content types")),
    Defect("Prism cannot route path keys with '#' or '?' constants (it answers 404 for every request)",
           lambda call, gen: "#" in call.op.path_key or "?" in call.op.path_key, re.compile(r".")),
    Defect("a ',' in a path value crashes Prism (TypeError: value.split is not a function)",
           lambda call, gen: _is_listlike(call.op, gen) or any(
               p.location == "path" and p.style in ("label", "matrix") for p in call.op.parameters),
           re.compile(r"HTTP 500|split is not a function|startsWith is not a function|Server disconnected|"
                      r"Connection reset|Prism died on it")),
    Defect("a '.' inside a member name or value of a label-style path parameter (an extra property "
           "'a.b', a number with a fraction) is read by Prism as the separator of the next member (RFC 6570 "
           "leaves '.' unencoded in a label expansion: `.R=1.5.G=2` is split into R=1, 5, G=2)",
           lambda call, gen: any(p.location == "path" and p.style == "label" and "." in json.dumps(call.data.get(p.name))
                                 for p in call.op.parameters),
           re.compile(r"HTTP 422.*Request path parameter \S+ must (?:have required property|be |match)")),
    Defect("Prism requires Content-Type/Accept header parameters, which OpenAPI 3 says are ignored "
           "('If in is \"header\" and the name field is \"Accept\", \"Content-Type\" or \"Authorization\", the "
           "parameter definition SHALL be ignored')",
           lambda call, gen: gen.version != "2.0",
           re.compile(r"Request header must have required property '(?:content-type|accept)'", re.I)),
    Defect("Prism sends a declared Transfer-Encoding response header with a made-up value, which breaks "
           "the answer's HTTP/1.1 framing (RFC 9112 6.1); the client's HTTP stack refuses it",
           lambda call, gen: _declares_response_header(call.op, gen, "transfer-encoding"),
           re.compile(r"Only Transfer-Encoding: chunked is supported|RemoteProtocolError")),
    Defect("Prism cannot mock a text/event-stream answer whose events carry objects: it answers 500 "
           "'Cannot serialise complex objects as text' (even when JSON is asked for, where the operation "
           "declares both)",
           lambda call, gen: any(c.media_type.split(";")[0].strip().lower() == "text/event-stream"
                                 for r in call.op.responses for c in r.contents),
           re.compile(r"NO_COMPLEX_OBJECT_TEXT")),
    Defect("a parameter's oneOf of a string and a number cannot be told apart on the wire (the text of a "
           "number is a valid string too), and Prism applies oneOf to the text: the spec's oneOf is "
           "unsatisfiable for such a value",
           lambda call, gen: True,
           re.compile(r"Request (?:path|query|header|cookie) parameter \S+ must match exactly one schema in oneOf")),
    Defect("Prism's router matches no path template whose variable name holds characters other than "
           "letters, digits, '_', '.' and '-' (here a name with '/' or quotes)",
           lambda call, gen: any(p.location == "path" and re.fullmatch(r"[A-Za-z0-9_.-]+", p.wire_name) is None
                                 for p in call.op.parameters),
           re.compile(r"NO_PATH_MATCHED_ERROR")),
    Defect("Prism reads no exploded form-style object (R=100&G=200) and no deepObject parameter "
           "(color[R]=100) from the query",
           lambda call, gen: any(p.location == "query" and (p.style == "deepObject" or p.style == "form" and p.explode)
                                 and isinstance(p.type, ir.Map | ir.Named) for p in call.op.parameters),
           re.compile(r"Request query (?:parameter \S+ must have required property|must have required property)")),
    Defect("Prism refuses percent-encoded reserved characters in a form body's values ('Reserved characters "
           "used in request body'), which the urlencoded format (and RFC 3986) allow",
           lambda call, gen: call.body_kind == "form",
           re.compile(r"Reserved characters used in request body")),
    Defect("Prism has no tab-delimited query arrays (tabDelimited, Swagger 2 collectionFormat tsv): it reads "
           "no value from them",
           lambda call, gen: any(p.style == "tabDelimited" for p in call.op.parameters),
           re.compile(r"Request query must have required property")),
    Defect("Prism keeps only the last of repeated form fields or multipart parts, so an array sent as "
           "repeated fields (form and multipart bodies encode arrays so, OpenAPI 3 'Encoding Object') never "
           "validates",
           lambda call, gen: call.body_kind in ("form", "multipart"),
           re.compile(r"Request body property \S+ must be array")),
    Defect("OpenAPI defines no serialization of nested values in a form-style query parameter (objects or "
           "arrays inside an array, a union with an object): oagen sends each such value as JSON text, "
           "Prism reads it another way",
           lambda call, gen: any(p.location == "query" and _nested(p.type) for p in call.op.parameters),
           re.compile(r"Request query parameter \S+ must be")),
    Defect("Prism ignores Swagger 2's x-nullable (a vendor extension the spec uses): null where the spec "
           "allows it is refused",
           lambda call, gen: gen.version == "2.0" and _holds_null(call.data.get("body")),
           re.compile(r"Request body property \S+ must be (?:object|array|string|integer|number|boolean)\"")),
    Defect("the spec's Accept parameter defaults to a media type its responses do not declare (GitHub's "
           "preview types); the client sends that default, Prism negotiates strictly and answers 406",
           lambda call, gen: any(p.location == "header" and p.wire_name.lower() == "accept"
                                 for p in call.op.parameters),
           re.compile(r"HTTP 406.*NOT_ACCEPTABLE", re.S)),
    Defect("a path that begins with '//' reads, to Prism's URL parser, as a network-path reference (the "
           "first segment taken for a host), so Prism routes the rest",
           lambda call, gen: call.op.path.startswith("//"),
           re.compile(r"HTTP (?:404|500)")),
    Defect("Prism answers 500 for a declared response without a schema",
           lambda call, gen: True, re.compile(r"HTTP 500.*(schema|NO_RESPONSE_DEFINED|Unable to generate)", re.S)),
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Running:
    """A started Prism (or the reason there is none); ``restart`` after Prism died on a request."""

    url: str | None
    note: str
    document: Path | None = None
    log: Any = None
    proc: subprocess.Popen[bytes] | None = None
    restarts: int = 0

    def alive(self) -> bool:
        """True while the Prism process runs."""
        return self.proc is not None and self.proc.poll() is None

    def log_tail(self) -> str:
        """The error Prism died of (the last line naming an error), or its last lines."""
        if self.log is None:
            return ""
        self.log.flush()
        self.log.seek(0)
        lines = self.log.read().decode("utf-8", "replace").splitlines()
        errors = [ln.strip() for ln in lines if re.search(r"\w*Error\b", ln) and not ln.strip().startswith("at ")]
        return errors[-1][:300] if errors else " | ".join(lines[-6:])[-600:]

    def restart(self) -> bool:
        """Start Prism again on the same document and port (after a crash); True when it runs."""
        if self.document is None or self.url is None:
            return False
        if self.proc is not None:
            _stop(self.proc)
        self.restarts += 1
        self.proc = _start(self.document, int(self.url.rsplit(":", 1)[1]), self.log)
        return _ready(self.proc, self.url)


def _start(document: Path, port: int, log: Any) -> subprocess.Popen[bytes]:
    # Node's default 16 KB limit on a request's head is the transport's, not the spec's: a spec with
    # hundreds of query parameters makes longer request lines.
    env = {**os.environ, "NODE_OPTIONS": "--max-http-header-size=1048576"}
    return subprocess.Popen([str(PRISM), "mock", "-d", "-h", "127.0.0.1", "-p", str(port), str(document)],
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env)


@contextmanager
def running(spec: Path, fallback: Path | None = None) -> Iterator[Running]:
    """``prism mock -d`` of ``spec`` (else of ``fallback``)."""
    if not PRISM.exists():
        raise RuntimeError(f"Prism not installed at {PRISM} (run `make tools`, or set OAGEN_PRISM)")
    notes: list[str] = []
    for candidate in [spec, *([fallback] if fallback else [])]:
        with tempfile.TemporaryFile() as log:
            port = _free_port()
            started = Running(f"http://127.0.0.1:{port}", "", candidate, log, _start(candidate, port, log))
            try:
                assert started.proc is not None and started.url is not None
                if _ready(started.proc, started.url):
                    started.note = f"Prism loaded {candidate.name}" + (f" ({notes[0]})" if notes else "")
                    yield started
                    return
                log.seek(0)
                text = log.read().decode("utf-8", "replace")
                lines = [ln for ln in text.splitlines() if "error" in ln.lower()]
                notes.append(f"Prism could not load {candidate.name}: {(lines or text.splitlines() or ['?'])[-1][:200]}")
            finally:
                if started.proc is not None:
                    _stop(started.proc)
    yield Running(None, "; ".join(notes))


def _ready(proc: subprocess.Popen[bytes], url: str) -> bool:
    import httpx

    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            httpx.get(url + "/__oagen_ready__", timeout=2)
            return True
        except httpx.TransportError:
            time.sleep(0.2)
    return False


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run(gen: Generated, calls: list[Call], prism: Running, ss: SpecSchemas) -> list[CallResult]:
    """Every planned call against Prism."""
    url = prism.url
    import importlib

    client_module = importlib.import_module(f"{gen.name}.client")
    values = {"basic": ("user", "password"), "bearer": "token"}
    credentials = {s.name: values.get(s.kind, "key") for s in gen.api.security_schemes}
    results: list[CallResult] = []
    with client_module.Client(url, retries=0, timeout=60, **credentials) as client, warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for call in calls:
            if call.excluded:
                results.append(CallResult(call.op.name, call.variant, "excluded", call.excluded))
            elif call.problem:
                results.append(CallResult(call.op.name, call.variant, "fail", call.problem))
            elif not prism.alive() and not prism.restart():
                results.append(CallResult(call.op.name, call.variant, "fail",
                                          f"Prism stopped and did not start again: {prism.log_tail()}"))
            else:
                result = _one(client, call, ss)
                if result.status == "fail" and "Connection refused" in result.reason:
                    # Prism was still dying of the call before (alive when this one was sent): once
                    # it has gone, start it again and send this call once more.
                    for _ in range(50):
                        if not prism.alive():
                            break
                        time.sleep(0.1)
                    if not prism.alive() and prism.restart():
                        result = _one(client, call, ss)
                if not prism.alive():  # it died on this request: say so, the next call restarts it
                    result = CallResult(result.operation, result.variant, result.status,
                                        f"{result.reason} (Prism died on it: {prism.log_tail()[-300:]})")
                results.append(_excuse(call, gen, result))
    return results


def _side(violation: dict[str, Any]) -> str:
    """Where a Prism violation is: ``request`` or ``response`` (its location's first part). Past a
    limit Prism sends one entry at location ``?``, "Too many violations!", quoting the others."""
    location = str((violation.get("location") or [""])[0])
    message = str(violation.get("message", ""))
    if location == "?" and "Too many violations" in message:
        return "request" if re.search(r'location\\?":\s*\[\\?"request', message) else "response"
    return location


def _one(client: Any, call: Call, ss: SpecSchemas) -> CallResult:
    name = call.op.name
    method = getattr(client, name)
    try:
        answer = client.with_response(method)(**call.kwargs)
    except Exception as exc:  # noqa: BLE001 - every failure is a finding (or a known defect)
        headers = getattr(exc, "headers", None) or {}
        status = getattr(exc, "status_code", None)
        violations = _violations(headers.get("sl-violations"))
        request = [v for v in violations if _side(v) != "response"]
        detail = json.dumps(request)[:600] if request else (getattr(exc, "text", "") or str(exc))[:600]
        response_side = [v for v in violations if _side(v) == "response"]
        if not request and type(exc).__name__ == "ResponseValidationError":
            broken = _answer_breaks_spec(call, exc, ss)
            if response_side or broken:
                why = _first_message(response_side) if response_side else broken
                return CallResult(name, call.variant, "excluded",
                                  f"Prism's answer breaks the spec ({why}), so the client refused it: {detail[:200]}")
        return CallResult(name, call.variant, "fail",
                          f"HTTP {status}: {type(exc).__name__}: {detail}" if status else
                          f"{type(exc).__name__}: {detail}")
    request = [v for v in _violations(answer.headers.get("sl-violations")) if _side(v) != "response"]
    if request:
        return CallResult(name, call.variant, "fail", f"Prism: {json.dumps(request)[:600]}")
    return CallResult(name, call.variant, "pass")


def _answer_breaks_spec(call: Call, exc: Any, ss: SpecSchemas) -> str:
    """Why Prism's answer (the body the client refused) does not fit the spec's own response
    schema, checked independently of the client; empty when it fits (then the client is wrong)."""
    from .instances import first_error

    response = getattr(exc, "response", None)
    status = getattr(exc, "status_code", None) or getattr(response, "status_code", None)
    try:
        body = json.loads(getattr(exc, "text", "") or (response.text if response is not None else ""))
    except ValueError:
        return ""
    media = str(getattr(response, "headers", {}).get("content-type", "application/json")).split(";")[0].strip()
    for key in (str(status), f"{str(status)[:1]}XX", "default"):
        schema = ss.response(call.op, key, media) or ss.response(call.op, key, "application/json")
        if schema is not None:
            return first_error(schema, body) or ""
    return ""


def _violations(header: str | None) -> list[dict[str, Any]]:
    if not header:
        return []
    try:
        found = json.loads(header)
    except ValueError:
        return [{"location": ["?"], "message": header[:200]}]
    return found if isinstance(found, list) else []


def _first_message(violations: list[dict[str, Any]]) -> str:
    first = violations[0]
    return f"{'.'.join(map(str, first.get('location', [])))}: {first.get('message', '')}"[:200]


def _excuse(call: Call, gen: Generated, result: CallResult) -> CallResult:
    if result.status != "fail":
        return result
    for defect in PRISM_DEFECTS:
        if defect.applies(call, gen) and defect.signature.search(result.reason):
            return CallResult(result.operation, result.variant, "excluded", f"{defect.reason} [{result.reason[:160]}]")
    return result
