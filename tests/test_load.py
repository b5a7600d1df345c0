"""A short `make loadtest`: the generated servers of the merged AWS Cognito spec and the petstore
under autocannon, valid, invalid and oversized requests in turn (scripts/loadtest.py).

autocannon comes from npm (`make tools`, which `make test` runs first): without it the test skips.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import loadtest  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def test_a_short_loadtest_has_no_5xx_and_memory_settles(tmp_path: Path) -> None:
    if not loadtest.autocannon_available():
        pytest.skip(f"autocannon not installed under {loadtest.NODE_MODULES} (run `make tools`)")
    out = tmp_path / "load.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "loadtest.py"), "--requests", "1200",
                          "--connections", "16", "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    rows = json.loads(out.read_text())
    assert [r["label"] for r in rows] == [label for label, *_ in loadtest.SPECS]
    for row in rows:
        assert row["requests"] == 1200
        assert row["server_errors"] == 0 and row["transport_errors"] == 0 and not row["wrong"]
        # Every kind of request was answered under load with its status (the kinds take turns).
        assert set(row["statuses"]) == {str(k["status"]) for k in row["kinds"]}
        assert row["rss_end"] - row["rss_start"] < loadtest.RSS_GROWTH_LIMIT_MB
        assert row["p50"] <= row["p99"]
    assert "| spec | requests | answers by status |" in run.stdout
