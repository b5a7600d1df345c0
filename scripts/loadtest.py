"""make loadtest: the generated server under load and abuse.

For each spec (the merged AWS Cognito spec: 100 operations dispatched on ``?Action=``; the
petstore: JSON bodies, an API key, path, query and header parameters) the package is generated,
served in mock mode by uvicorn (one process, as ``oagen serve --mock``) and sent N requests
(default 20,000) over C connections (default 64) by autocannon (npm, installed by ``make tools``
into .cache/node), mixing valid, invalid and oversized requests. Each kind of request is first
sent once on its own and must get its expected status; then the load; then each kind once more.

Prints per spec: requests, answers by status, transport errors, the uvicorn process's RSS (from
/proc) before, halfway through and after the load, and p50/p99 latency. Exits 1 when any answer
is a 5xx, a request failed on the wire, a kind got an unexpected status, the server logged a
traceback, or RSS grew by 50 MB or more.

    python scripts/loadtest.py [--requests N] [--connections C] [--only SUBSTRING] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = Path(os.environ.get("OAGEN_NODE_MODULES", ROOT / ".cache" / "node" / "node_modules"))
RUNNER = ROOT / "scripts" / "autocannon_run.js"
PY = sys.executable
RSS_GROWTH_LIMIT_MB = 50.0
# The loadtest's app: mock mode, a 64 KiB body limit (so "oversized" costs the machine little),
# the other limits at their defaults (see NAME/server/_limits.py).
MAX_BODY = 65_536


@dataclass(frozen=True)
class Kind:
    """One kind of request: what autocannon sends and the status it must get."""

    label: str
    group: str  # valid / invalid / oversized
    method: str
    path: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None

    def request(self) -> dict[str, Any]:
        found: dict[str, Any] = {"method": self.method, "path": self.path, "headers": dict(self.headers)}
        if self.body is not None:
            found["body"] = self.body
        return found


def _json(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "content-type": "application/json"}


def cognito_kinds() -> list[Kind]:
    big_query = "&Filter=" + "f" * 9_000
    return [
        Kind("AdminGetUser", "valid", "GET", "/?Action=AdminGetUser&Username=alice&UserPoolId=eu-west-1_abc", 200),
        Kind("ListUsers", "valid", "GET", "/?Action=ListUsers&UserPoolId=eu-west-1_abc&Limit=10&Filter=a", 200),
        Kind("DescribeUserPool", "valid", "GET", "/?Action=DescribeUserPool&UserPoolId=eu-west-1_abc", 200),
        Kind("CreateGroup", "valid", "GET",
             "/?Action=CreateGroup&GroupName=admins&UserPoolId=eu-west-1_abc&Description=x%20y", 200),
        Kind("AdminListDevices", "valid", "GET",
             "/?Action=AdminListDevices&Username=bob&UserPoolId=p&Limit=5&PaginationToken=t", 200),
        Kind("unknown Action", "invalid", "GET", "/?Action=NoSuchAction&UserPoolId=p", 400),
        Kind("no Action", "invalid", "GET", "/?UserPoolId=p", 400),
        Kind("wrong method", "invalid", "DELETE", "/?Action=AdminGetUser", 405),
        Kind("unknown path", "invalid", "GET", "/no/such/path", 404),
        Kind("URL of 9 kB", "oversized", "GET", "/?Action=ListUsers" + big_query, 414),
        Kind("header of 9 kB", "oversized", "GET", "/?Action=ListUsers", 431, {"x-padding": "p" * 9_000}),
        Kind("200 headers", "oversized", "GET", "/?Action=ListUsers", 431,
             {f"x-h{i}": "1" for i in range(200)}),
        Kind("body of 80 kB", "oversized", "POST", "/?Action=AdminGetUser", 413, _json({}),
             json.dumps({"Username": "u" * 80_000})),
    ]


def petstore_kinds() -> list[Kind]:
    key = {"x-api-key": "secret"}
    pet = json.dumps({"id": 7, "name": "Rex", "tag": "dog", "status": "available"})
    return [
        Kind("list pets", "valid", "GET", "/v1/pets?limit=10&tags=a,b", 200, key),
        Kind("show pet", "valid", "GET", "/v1/pets/42", 200, key),
        Kind("create pet", "valid", "POST", "/v1/pets", 201, _json(key), pet),
        Kind("delete pet", "valid", "DELETE", "/v1/pets/1", 204,
             {"x-request-id": "6f1b1c9e-59e4-4bd4-8d5c-6b4f8a8f2a01"}),
        Kind("limit not an int", "invalid", "GET", "/v1/pets?limit=abc", 422, key),
        Kind("limit over maximum", "invalid", "GET", "/v1/pets?limit=1000", 422, key),
        Kind("pet without name", "invalid", "POST", "/v1/pets", 422, _json(key), json.dumps({"id": 1})),
        Kind("body not JSON", "invalid", "POST", "/v1/pets", 422, _json(key), '{"id": 1, "name": '),
        Kind("body as text/plain", "invalid", "POST", "/v1/pets", 415, {**key, "content-type": "text/plain"}, pet),
        Kind("no API key", "invalid", "GET", "/v1/pets", 401),
        Kind("request id not a uuid", "invalid", "DELETE", "/v1/pets/1", 422, {"x-request-id": "nope"}),
        Kind("body of 80 kB", "oversized", "POST", "/v1/pets", 413, _json(key),
             json.dumps({"id": 1, "name": "n" * 80_000})),
        Kind("JSON 100 deep", "oversized", "POST", "/v1/pets", 400, _json(key), "[" * 100 + "]" * 100),
        Kind("URL of 9 kB", "oversized", "GET", "/v1/pets?tags=" + "t," * 4_500, 414, key),
        Kind("header of 9 kB", "oversized", "GET", "/v1/pets", 431, {**key, "x-padding": "p" * 9_000}),
    ]


SPECS = [
    ("AWS Cognito merged (2.0, 100 ops)", ROOT / "specs" / "aws-cognito-merged.yaml", "lt_cognito", cognito_kinds),
    ("Petstore (3.0, JSON bodies)", ROOT / "specs" / "petstore" / "petstore-3.0.yaml", "lt_petstore", petstore_kinds),
]


# --------------------------------------------------------------------------- serving and measuring


def rss_mb(pid: int) -> float:
    """Resident set size of a process, from /proc (MB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    pid: int
    log: Path


@contextmanager
def serve(app: str, app_dir: Path, *, env: dict[str, str] | None = None, log_dir: Path | None = None
          ) -> Iterator[Server]:
    """``uvicorn APP`` (one process, no access log) on 127.0.0.1; stopped on exit. Its log goes to
    ``log_dir`` (default: ``app_dir``)."""
    port = free_port()
    log = (log_dir or app_dir) / f"uvicorn-{port}.log"
    with log.open("wb") as handle:
        proc = subprocess.Popen(
            [PY, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port), "--app-dir", str(app_dir),
             "--no-access-log", "--log-level", "warning"],
            stdout=handle, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"uvicorn exited: {log.read_text()}")
            try:
                httpx.get(url + "/__ready__", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"uvicorn did not start: {log.read_text()}") from None
                time.sleep(0.1)
        yield Server(url, proc.pid, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def autocannon_available() -> bool:
    return (NODE_MODULES / "autocannon").is_dir() and shutil.which("node") is not None


def autocannon(url: str, requests: list[dict[str, Any]], *, connections: int, amount: int | None = None,
               duration: float | None = None) -> dict[str, Any]:
    """Run scripts/autocannon_run.js; its JSON result (requests, statuses, errors, latency_ms, rps)."""
    if not autocannon_available():
        raise SystemExit(f"autocannon is not installed under {NODE_MODULES} (run `make tools`)")
    settings = {"url": url, "connections": connections, "requests": requests, "timeout": 20}
    if amount:
        settings["amount"] = amount
    else:
        settings["duration"] = duration or 10
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(settings, handle)
    try:
        run = subprocess.run(["node", str(RUNNER), handle.name], capture_output=True, text=True,
                             env={**os.environ, "NODE_PATH": str(NODE_MODULES)}, check=False)
    finally:
        os.unlink(handle.name)
    if run.returncode != 0:
        raise RuntimeError(f"autocannon failed: {run.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


class RssSampler:
    """Samples a process's RSS every ``interval`` seconds in a thread."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid = pid
        self.interval = interval
        self.samples: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.samples.append((time.monotonic(), rss_mb(self.pid)))
            except (OSError, RuntimeError):
                return
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self.started = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.ended = time.monotonic()
        self._stop.set()
        self._thread.join()

    def at(self, moment: float) -> float:
        return min(self.samples, key=lambda s: abs(s[0] - moment))[1]

    @property
    def peak(self) -> float:
        return max(s[1] for s in self.samples)


# --------------------------------------------------------------------------- one spec


APP_MODULE = """\
from {package}.server.app import create_app

# An 8 KiB URL limit (the default is 16 KiB, as much as uvicorn's h11 reads before the app), so
# that the app's own 414 answers the 9 kB URLs.
app = create_app(mock=True, max_body_bytes={max_body}, max_url_bytes=8_192)
"""


def check_kinds(url: str, kinds: list[Kind]) -> list[str]:
    """Each kind once: the ones answered with another status than expected."""
    wrong = []
    with httpx.Client(base_url=url, timeout=30) as client:
        for kind in kinds:
            r = client.request(kind.method, kind.path, headers=kind.headers,
                               content=kind.body.encode() if kind.body is not None else None)
            if r.status_code != kind.status:
                wrong.append(f"{kind.label}: {r.status_code} (expected {kind.status}): {r.text[:200]}")
    return wrong


def run_spec(label: str, spec: Path, package: str, kinds: list[Kind], *, requests: int, connections: int,
             tmp: Path) -> dict[str, Any]:
    from generator.api import GenerateOptions, generate

    out = tmp / package
    result = generate(str(spec), out, GenerateOptions(package=package, validate=False))
    if not result.ok:
        raise RuntimeError("\n".join(d.format() for d in result.diagnostics))
    (out / "loadtest_app.py").write_text(APP_MODULE.format(package=package, max_body=MAX_BODY))
    with serve("loadtest_app:app", out) as server:
        rss_ready = rss_mb(server.pid)
        wrong = check_kinds(server.url, kinds)
        rss_start = rss_mb(server.pid)
        with RssSampler(server.pid) as sampler:
            load = autocannon(server.url, [k.request() for k in kinds], connections=connections, amount=requests)
        time.sleep(0.5)
        rss_end = rss_mb(server.pid)
        wrong += [f"after the load: {w}" for w in check_kinds(server.url, kinds)]
        log = server.log.read_text(errors="replace")
    statuses = {int(k): v for k, v in load["statuses"].items()}
    return {
        "label": label,
        "operations": len(result.api.operations),
        "kinds": [{"label": k.label, "group": k.group, "status": k.status} for k in kinds],
        "requests": load["requests"],
        "statuses": dict(sorted(statuses.items())),
        "server_errors": sum(v for k, v in statuses.items() if k >= 500),
        "transport_errors": load["errors"] + load["timeouts"],
        "wrong": wrong,
        "tracebacks": log.count("Traceback"),
        "rss_ready": rss_ready,
        "rss_start": rss_start,
        "rss_mid": sampler.at((sampler.started + sampler.ended) / 2),
        "rss_peak": sampler.peak,
        "rss_end": rss_end,
        "p50": load["latency_ms"]["p50"],
        "p99": load["latency_ms"]["p99"],
        "rps": load["rps_total"],
        "duration": load["duration"],
    }


def failures(row: dict[str, Any]) -> list[str]:
    found = []
    if row["server_errors"]:
        found.append(f"{row['server_errors']} answers were 5xx")
    if row["transport_errors"]:
        found.append(f"{row['transport_errors']} requests failed on the wire (errors, timeouts)")
    if row["tracebacks"]:
        found.append(f"the server logged {row['tracebacks']} tracebacks")
    growth = row["rss_end"] - row["rss_start"]
    if growth >= RSS_GROWTH_LIMIT_MB:
        found.append(f"RSS grew by {growth:.1f} MB (limit {RSS_GROWTH_LIMIT_MB:.0f})")
    found += row["wrong"]
    return found


def _statuses(statuses: dict[int, int]) -> str:
    return ", ".join(f"{code}: {count}" for code, count in statuses.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--only", default="", help="run the specs whose label contains this")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if not autocannon_available():
        print(f"autocannon is not installed under {NODE_MODULES}: run `make tools`", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="oagen-loadtest-"))
    try:
        for label, spec, package, kinds in SPECS:
            if args.only.lower() not in label.lower():
                continue
            kinds_list = kinds()
            groups = {g: sum(k.group == g for k in kinds_list) for g in ("valid", "invalid", "oversized")}
            print(f"== {label}: {args.requests} requests, {args.connections} connections, "
                  f"{len(kinds_list)} kinds in turn ({', '.join(f'{n} {g}' for g, n in groups.items())})",
                  flush=True)
            row = run_spec(label, spec, package, kinds_list, requests=args.requests,
                           connections=args.connections, tmp=tmp)
            rows.append(row)
            for kind in kinds_list:
                print(f"   {kind.group:9} {kind.status}  {kind.method:6} {kind.label}")
            print(f"   {row['requests']} requests in {row['duration']:.1f} s ({row['rps']:.0f}/s): "
                  f"{_statuses(row['statuses'])}; p50 {row['p50']} ms, p99 {row['p99']} ms; RSS "
                  f"{row['rss_start']:.1f} -> {row['rss_mid']:.1f} -> {row['rss_end']:.1f} MB "
                  f"(just started: {row['rss_ready']:.1f} MB)", flush=True)
            for problem in failures(row):
                print(f"   FAIL: {problem}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n| spec | requests | answers by status | 5xx | wire errors | RSS start MB | RSS mid MB | RSS end MB "
          "| growth MB | p50 ms | p99 ms | req/s |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['label']} | {row['requests']} | {_statuses(row['statuses'])} | {row['server_errors']} "
              f"| {row['transport_errors']} | {row['rss_start']:.1f} | {row['rss_mid']:.1f} | {row['rss_end']:.1f} "
              f"| {row['rss_end'] - row['rss_start']:+.1f} | {row['p50']} | {row['p99']} | {row['rps']:.0f} |")
    print("\nRSS of the uvicorn process from /proc: start = after one request of each kind, mid = halfway "
          "through the load, end = after it (peak: "
          + ", ".join(f"{r['rss_peak']:.1f}" for r in rows) + " MB); limits: body "
          f"{MAX_BODY} bytes, the rest at their defaults.")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    failed = [(row["label"], problem) for row in rows for problem in failures(row)]
    if failed:
        print("\nFAILED:\n" + "\n".join(f"  {label}: {problem}" for label, problem in failed))
        return 1
    print("\nok: no 5xx, no wire errors, every kind answered as expected, RSS growth under "
          f"{RSS_GROWTH_LIMIT_MB:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
