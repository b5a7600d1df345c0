"""/docs of the generated server for the merged AWS Cognito spec, opened in headless Chromium.

Chromium renders the page (Swagger UI from the installed ``swagger-ui-bundle``, no network),
``--dump-dom`` gives the DOM after Swagger UI has rendered, and the server's access log shows
every request the page made. Every operation must be listed, every request must succeed, and
the browser must report no failed load. A screenshot goes to ``artifacts/docs-cognito.png``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, generate_package, uvicorn_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
    "--no-first-run", "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
    "--virtual-time-budget=20000", "--window-size=1280,2400",
)
ARTIFACTS = ROOT / "artifacts"


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile.mkdir()
    return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=180)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium'; .ci/run installs it)")
def test_docs_list_every_operation_with_no_failed_asset(tmp_path: Path, merged_spec: Path) -> None:
    generate_package(merged_spec, tmp_path, "cognito_docs", client=False)
    document = json.loads((tmp_path / "cognito_docs" / "server" / "openapi.json").read_text("utf-8"))
    operation_ids = [op["operationId"] for item in document["paths"].values() for op in item.values()]
    assert len(operation_ids) == 100
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "docs-cognito.png"
    with uvicorn_server("cognito_docs.server.app:app", tmp_path) as url:
        dom = _chromium(tmp_path / "profile-dom", "--dump-dom", url + "/docs")
        shot = _chromium(tmp_path / "profile-shot", f"--screenshot={screenshot}", url + "/docs")
    log = "\n".join(p.read_text("utf-8", "replace") for p in tmp_path.glob("uvicorn-*.log"))
    assert dom.returncode == 0, dom.stderr[-3000:]
    assert shot.returncode == 0 and screenshot.stat().st_size > 10000, shot.stderr[-3000:]

    listed = set(re.findall(r'id="operations-[^"]*?-([A-Za-z0-9_]+)"', dom.stdout))
    missing = [op for op in operation_ids if op not in listed]
    assert not missing, f"{len(missing)} operations not listed, e.g. {missing[:5]}"

    requests = re.findall(r'"GET (\S+) HTTP/1\.1" (\d{3})', log)
    requests = [(path, status) for path, status in requests if path != "/__oagen_ready__"]  # the readiness probe
    paths = {path for path, _ in requests}
    assert {"/docs", "/openapi.json", "/docs/assets/swagger-ui.css", "/docs/assets/swagger-ui-bundle.js"} <= paths
    failed = [(path, status) for path, status in requests if not status.startswith(("2", "3"))]
    assert not failed, failed
    for output in (dom.stderr, shot.stderr):
        assert "Failed to load resource" not in output and "net::ERR_" not in output, output[-3000:]
    loaded = re.findall(r'<(?:script|link|img)\b[^>]*?(?:src|href)="(https?://[^"]*)"', dom.stdout)
    assert all(u.startswith(url) for u in loaded), loaded  # nothing from a CDN
