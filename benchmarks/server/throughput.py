"""`make bench`'s server rows: requests/s of the generated server next to a hand-written FastAPI app.

The spec (bench-petstore.yaml) is generated into a temporary folder; its server, with the handlers
of generated_app.py, and handwritten_app.py (the same API in FastAPI by hand: pydantic models,
Query/Header parameters, the same constraints) each run in one uvicorn process. Both are first
sent the same valid and invalid requests (their statuses and bodies must agree: the same
validation), then autocannon loads them in turns -- for each round, each request, each app
(the first app alternating) -- and the medians are compared:

- GET  /v1/pets?limit=10&status=available&tag=dog   with X-Request-Id (uuid) and X-Tenant (pattern)
- POST /v1/pets   a JSON body of five fields (NewPet: lengths, an enum, a range, maxItems)

    python benchmarks/server/throughput.py [--rounds 3] [--seconds 5] [--connections 32]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from loadtest import autocannon, autocannon_available, serve  # noqa: E402 - after the path above

SPEC = HERE / "bench-petstore.yaml"
PACKAGE = "bench_petstore"
REQUEST_ID = "6f1b1c9e-59e4-4bd4-8d5c-6b4f8a8f2a01"
NEW_PET = {"name": "Rex", "tag": "dog", "status": "available", "age": 3, "tags": ["good", "boy"]}

LOADS = {
    "GET (query + header parameters)": {
        "method": "GET", "path": "/v1/pets?limit=10&status=available&tag=dog",
        "headers": {"x-request-id": REQUEST_ID, "x-tenant": "acme"},
    },
    "POST (JSON body)": {
        "method": "POST", "path": "/v1/pets",
        "headers": {"x-request-id": REQUEST_ID, "content-type": "application/json"},
        "body": json.dumps(NEW_PET),
    },
}

# (method, path, headers, JSON body): valid and invalid requests both apps must answer alike.
_RID = {"x-request-id": REQUEST_ID}
PARITY: list[tuple[str, str, dict[str, str], Any]] = [
    ("GET", "/v1/pets?limit=10&status=sold&tag=x", _RID, None),
    ("GET", "/v1/pets", {**_RID, "x-tenant": "acme"}, None),
    ("GET", "/v1/pets", {}, None),
    ("GET", "/v1/pets", {"x-request-id": "nope"}, None),
    ("GET", "/v1/pets?limit=0", _RID, None),
    ("GET", "/v1/pets?limit=abc", _RID, None),
    ("GET", "/v1/pets?status=gone", _RID, None),
    ("GET", "/v1/pets?tag=" + "t" * 33, _RID, None),
    ("GET", "/v1/pets", {**_RID, "x-tenant": "Bad!"}, None),
    ("POST", "/v1/pets", _RID, NEW_PET),
    ("POST", "/v1/pets", _RID, {"name": ""}),
    ("POST", "/v1/pets", _RID, {"name": "x" * 65}),
    ("POST", "/v1/pets", _RID, {"name": "x", "age": 51}),
    ("POST", "/v1/pets", _RID, {"name": "x", "tags": ["a"] * 11}),
    ("POST", "/v1/pets", _RID, {"name": "x", "status": "gone"}),
    ("POST", "/v1/pets", _RID, {"tag": "x"}),
    ("POST", "/v1/pets", {}, NEW_PET),
    ("GET", "/v1/pets/5", {}, None),
    ("GET", "/v1/pets/0", {}, None),
    ("GET", "/v1/pets/5000", {}, None),
    ("DELETE", "/v1/pets/5", {}, None),
]


def _answer(r: httpx.Response) -> tuple[int, Any]:
    """Status and, for a success, the JSON body without nulls (a list of models is dumped with
    its unset fields by the generated server, without them by FastAPI's response_model)."""
    if r.status_code >= 400 or not r.content:
        return r.status_code, None

    def drop(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: drop(v) for k, v in value.items() if v is not None}
        if isinstance(value, list):
            return [drop(v) for v in value]
        return value

    return r.status_code, drop(r.json())


def parity(generated: str, handwritten: str) -> list[str]:
    """The requests the two apps answer differently."""
    differ = []
    with httpx.Client(timeout=30) as client:
        for method, path, headers, body in PARITY:
            a = client.request(method, generated + path, headers=headers, json=body)
            b = client.request(method, handwritten + path, headers=headers, json=body)
            if _answer(a) != _answer(b):
                differ.append(f"{method} {path}: generated {a.status_code} {a.text[:120]!r}, "
                              f"hand-written {b.status_code} {b.text[:120]!r}")
    return differ


def run(rounds: int = 3, seconds: float = 5.0, connections: int = 32, log: Any = print) -> dict[str, Any]:
    """Medians per request and app: {"rows": [...], "parity": [...differences], "settings": {...}}."""
    from generator.api import GenerateOptions, generate

    tmp = Path(tempfile.mkdtemp(prefix="oagen-throughput-"))
    try:
        result = generate(str(SPEC), tmp / "out", GenerateOptions(package=PACKAGE, validate=False))
        if not result.ok:
            raise RuntimeError("\n".join(d.format() for d in result.diagnostics))
        env = {"PYTHONPATH": str(tmp / "out")}
        with serve("generated_app:app", HERE, env=env, log_dir=tmp) as gen, \
                serve("handwritten_app:app", HERE, log_dir=tmp) as hand:
            differ = parity(gen.url, hand.url)
            for label, request in LOADS.items():  # warm both (lazy validators, adapters, caches)
                for server in (gen, hand):
                    autocannon(server.url, [request], connections=connections, duration=1)
            samples: dict[tuple[str, str], list[dict[str, Any]]] = {}
            for i in range(rounds):
                for label, request in LOADS.items():
                    sides = [("generated", gen), ("hand-written", hand)]
                    for side, server in sides if i % 2 == 0 else sides[::-1]:
                        found = autocannon(server.url, [request], connections=connections, duration=seconds)
                        samples.setdefault((label, side), []).append(found)
                        log(f"   round {i + 1}: {label}, {side}: {found['rps_total']:.0f} req/s "
                            f"(p50 {found['latency_ms']['p50']} ms, p99 {found['latency_ms']['p99']} ms, "
                            f"non-2xx {sum(v for k, v in found['statuses'].items() if not k.startswith('2'))})")
        rows = []
        for label in LOADS:
            row: dict[str, Any] = {"request": label}
            for side in ("generated", "hand-written"):
                runs = samples[(label, side)]
                row[side] = {
                    "rps": statistics.median(r["rps_total"] for r in runs),
                    "rps_all": [round(r["rps_total"]) for r in runs],
                    "p50": statistics.median(r["latency_ms"]["p50"] for r in runs),
                    "p99": statistics.median(r["latency_ms"]["p99"] for r in runs),
                    "non2xx": sum(v for r in runs for k, v in r["statuses"].items() if not k.startswith("2")),
                    "errors": sum(r["errors"] + r["timeouts"] for r in runs),
                }
            row["ratio"] = row["generated"]["rps"] / row["hand-written"]["rps"]
            rows.append(row)
        return {"rows": rows, "parity": differ,
                "settings": {"rounds": rounds, "seconds": seconds, "connections": connections}}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def table(found: dict[str, Any]) -> str:
    s = found["settings"]
    lines = [
        f"server throughput: bench-petstore.yaml, generated server vs hand-written FastAPI; autocannon, "
        f"{s['connections']} connections, {s['rounds']} rounds of {s['seconds']:g} s per request and app "
        f"(medians); same answers on {len(PARITY) - len(found['parity'])}/{len(PARITY)} parity requests",
        "",
        "| request | generated req/s | hand-written req/s | ratio | generated p50/p99 ms "
        "| hand-written p50/p99 ms | rounds (generated; hand-written) |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in found["rows"]:
        g, h = row["generated"], row["hand-written"]
        lines.append(f"| {row['request']} | {g['rps']:.0f} | {h['rps']:.0f} | {row['ratio']:.2f}x "
                     f"| {g['p50']:g} / {g['p99']:g} | {h['p50']:g} / {h['p99']:g} "
                     f"| {', '.join(map(str, g['rps_all']))}; {', '.join(map(str, h['rps_all']))} |")
    for difference in found["parity"]:
        lines.append(f"  ! answers differ: {difference}")
    for row in found["rows"]:
        for side in ("generated", "hand-written"):
            if row[side]["non2xx"] or row[side]["errors"]:
                lines.append(f"  ! {row['request']}, {side}: {row[side]['non2xx']} non-2xx answers, "
                             f"{row[side]['errors']} errors")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args(argv)
    if not autocannon_available():
        print("autocannon is not installed (run `make tools`)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    found = run(args.rounds, args.seconds, args.connections)
    print()
    print(table(found))
    return 1 if found["parity"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
