"""Every spec in specs/ on the wire: conformance, round trip and Prism (``scripts/wire``).

Each spec of ``examples/index.json`` (the seed, its family, petstore, every feature spec in every
version) goes through the same checks as the corpus: independent instances of every schema read
into the generated models and dumped back; every operation (each kind of body the client can
send, each variant of a union body) round-tripped through the generated server; every paginated
operation's first two pages walked through ``<name>_pages`` (``scripts/wire/walks.py``); and every
operation sent to ``prism mock -d`` (Prism validates each request against the spec; the client
reads each of its answers). Nothing is skipped unseen: an operation Prism cannot judge is an
exclusion whose reason names Prism's defect (the seed's ``?Action=`` routing, repeated form
fields, ...), printed with the test.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from helpers import ROOT

pytestmark = [pytest.mark.prism, pytest.mark.slow]


def _load_script(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load_script("oagen_corpus_script", ROOT / "scripts" / "corpus.py")
SPECS = [ROOT / e["spec"] for e in json.loads((ROOT / "examples" / "index.json").read_text())]


def test_every_spec_of_the_examples_is_checked() -> None:
    """The list covers the seed, its family and every feature spec (nothing left out by hand)."""
    names = {p.relative_to(ROOT / "specs").as_posix() for p in SPECS}
    assert {"aws-cognito-openid-token.yaml", "aws-cognito-merged.yaml", "petstore/petstore-3.0.yaml"} <= names
    features = {p.relative_to(ROOT / "specs").as_posix() for p in (ROOT / "specs" / "features").glob("*.yaml")}
    assert features <= names


@pytest.mark.parametrize("spec", SPECS, ids=[p.relative_to(ROOT / "specs").as_posix() for p in SPECS])
def test_spec_on_the_wire(spec: Path, tmp_path: Path) -> None:
    """Conformance, round trip and Prism on one spec of specs/: no failure, every exclusion named."""
    outcome = corpus.run_one(corpus.Spec(id=spec.relative_to(ROOT).as_posix(), path=spec), keep=str(tmp_path),
                             fresh_import=False)
    print(corpus.outcome_line(outcome))
    for line in outcome.exclusions:
        print(f"  excluded: {line}")
    assert outcome.status == "ok", outcome.status + "\n" + "\n".join(outcome.failures[:40])
    walked, paginated = outcome.counts["pages"][0], sum(outcome.counts["pagination"])
    assert walked == paginated, f"{walked} of {paginated} paginated operations walked two pages"
    assert outcome.counts["roundtrip"][1] > 0, "no operation round-tripped"
    # Every body kind and every union variant reached the server and Prism: the number of calls
    # is counted here from the spec document, not from the harness that makes them.
    expected = expected_calls(spec)
    assert outcome.counts["roundtrip"][0] == expected, (outcome.counts, expected)
    if not any(line.startswith("prism: whole spec:") for line in outcome.exclusions):
        assert outcome.counts["prism"][0] == expected, (outcome.counts, expected)


def expected_calls(spec: Path) -> int:
    """The calls the wire checks owe one spec, read from its document: one per operation without a
    body; with one, one per kind of body the client can tell apart (binary, text, and the
    structured ones: JSON, form, multipart) and one more per variant of a ``oneOf``/``anyOf``
    JSON body (the README's "every operation ... each kind of body, each variant of a union")."""
    import yaml

    from generator.api import load_api

    doc = next(d for d in yaml.safe_load_all(spec.read_text("utf-8")) if d)  # (a stream may end in ---)
    api = load_api(str(spec), validate=False).api
    assert api is not None

    def resolve(node: object) -> object:
        for _ in range(20):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                break
            target: object = doc
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, dict) else {}
            node = target
        return node

    total = 0
    for op in api.operations:
        if op.body is None or not op.body.contents:
            total += 1
            continue
        total += len({c.kind if c.kind in ("binary", "text") else "structured" for c in op.body.contents})
        item = doc.get("paths", {}).get(op.path_key, {})
        raw = resolve(item.get(op.method.lower(), {})) if isinstance(item, dict) else {}
        schemas: dict[str, object] = {}
        if isinstance(raw, dict) and isinstance(resolve(raw.get("requestBody")), dict):
            for media, content in resolve(raw["requestBody"]).get("content", {}).items():
                schemas[media] = content.get("schema") if isinstance(content, dict) else None
        elif isinstance(raw, dict):
            for param in [*(item.get("parameters") or []), *(raw.get("parameters") or [])]:
                param = resolve(param)
                if isinstance(param, dict) and param.get("in") == "body":
                    schemas[op.body.contents[0].media_type] = param.get("schema")
        for content in op.body.contents:
            schema = resolve(schemas.get(content.media_type))
            if content.kind == "json" and content is next(c for c in op.body.contents if c.kind not in ("binary", "text")):
                for word in ("oneOf", "anyOf"):
                    variants = schema.get(word) if isinstance(schema, dict) else None
                    if isinstance(variants, list) and len(variants) > 1:
                        total += len(variants)
                        break
    return total
