"""Schemathesis on the mock server of real corpus specs, over a real socket.

``make test`` fuzzes a bounded sample of the dev corpus (``SAMPLE`` specs, chosen by a stable hash
of their ids among those under ``MAX_BYTES``, so the sample changes only when the list does);
``make fuzz-corpus`` (``OAGEN_FUZZ_CORPUS=all``) fuzzes every spec of it. Each run is the one of
``tests/test_schemathesis.py``: credentials for every security scheme, every check, zero
failures, zero warnings, no traceback in the server's log. A spec whose security schemes cannot
be given a credential (an ``unsupported`` kind, e.g. HTTP digest) is skipped with that reason.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from test_corpus import corpus
from test_schemathesis import MAX_EXAMPLES, fuzz_mock_server

pytestmark = [pytest.mark.fuzz, pytest.mark.corpus]

SAMPLE = int(os.environ.get("OAGEN_FUZZ_CORPUS_SAMPLE", "3"))
MAX_BYTES = 150_000
EVERY = os.environ.get("OAGEN_FUZZ_CORPUS") == "all"


def _specs() -> list[object]:
    base = corpus.corpus_dir(fetch=True) if corpus.DIRECTORY_LIST.is_file() else None
    if base is None:
        return []
    specs = [corpus.Spec(id=i, path=base / i) for i in corpus.directory_ids()]
    specs = [s for s in specs if s.path.is_file()]
    if EVERY:
        return specs
    small = [s for s in specs if s.path.stat().st_size <= MAX_BYTES]
    return sorted(small, key=lambda s: hashlib.sha256(s.id.encode()).hexdigest())[:SAMPLE]


SPECS = _specs()


@pytest.mark.skipif(not SPECS, reason="no corpus: run `make tools`")
@pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])
def test_schemathesis_finds_nothing_in_a_corpus_mock_server(spec: object, tmp_path: Path) -> None:
    from generator.api import load_api

    api = load_api(str(spec.path), validate=False).api  # type: ignore[attr-defined]
    assert api is not None
    unsupported = [s.wire_name for s in api.security_schemes if s.kind == "unsupported"]
    if unsupported:
        pytest.skip(f"no credential for the security schemes {unsupported} (unsupported kinds)")
    package = "fuzz_" + hashlib.sha256(spec.id.encode()).hexdigest()[:10]  # type: ignore[attr-defined]
    fuzz_mock_server(spec.path, package, tmp_path, max_examples=MAX_EXAMPLES)  # type: ignore[attr-defined]


def test_the_sample_is_bounded_and_stable() -> None:
    """The sample in ``make test`` is small, and the same on every run."""
    if EVERY:
        pytest.skip("the whole dev corpus is fuzzed (OAGEN_FUZZ_CORPUS=all)")
    assert len(SPECS) <= SAMPLE
    assert [s.id for s in SPECS] == [s.id for s in _specs()]  # type: ignore[attr-defined]
