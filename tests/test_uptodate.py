"""The no-work path: an unchanged spec with current output loads, renders and formats nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.api import GenerateOptions, generate
from helpers import SPECS


def test_second_run_is_proved_current_and_any_change_is_noticed(tmp_path: Path) -> None:
    spec = tmp_path / "petstore.yaml"
    shutil.copy(SPECS / "petstore" / "petstore-3.0.yaml", spec)
    out = tmp_path / "out"
    options = GenerateOptions(package="pets")
    first = generate(str(spec), out, options)
    assert first.ok and not first.up_to_date
    again = generate(str(spec), out, options)
    assert again.ok and again.up_to_date and again.api is None and not again.written
    assert again.handlers is not None and len(again.handlers.missing) == 4

    # Other options, a changed spec, or a hand-edited file all take the full path.
    assert not generate(str(spec), out, GenerateOptions(package="pets", client=False, check=True)).up_to_date
    spec.write_text(spec.read_text().replace("List all pets", "List every pet"))
    changed = generate(str(spec), out, options)
    assert changed.ok and not changed.up_to_date and sorted(changed.written) == ["README.md", "pets/client.py", "pets/server/app.py", "pets/server/base.py", "pets/server/openapi.json"]
    client = out / "pets" / "client.py"
    client.write_text(client.read_text() + "# mine\n")
    edited = generate(str(spec), out, options)
    assert not edited.ok and not edited.up_to_date
    assert any(d.code == "OAG801" for d in edited.diagnostics)
