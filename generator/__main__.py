"""``python -m generator`` is the ``oagen`` command."""

from __future__ import annotations

from .cli import run

run()
