"""Wire tests of several generated packages against one uvicorn on 127.0.0.1: each package's
server with echo handlers (``multi_echo_app``), chosen per request by the ``X-Oagen-Package``
header its client sends; each handler answers ``{"operation", "arguments", "request_line"}``."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from helpers import ROOT, generate_package, import_fresh, uvicorn_server

HEADER = "X-Oagen-Package"


class Served:
    """Generated packages served together: their imported client packages and the server's URL."""

    def __init__(self, url: str, packages: dict[str, ModuleType]) -> None:
        self.url = url
        self.packages = packages

    def client(self, package: str, base_url: str | None = None, **options: Any) -> Any:
        """A client of ``package``, at ``base_url`` (by default the server's URL: pass the path)."""
        headers = {HEADER: package, **options.pop("headers", {})}
        return self.packages[package].Client(base_url=base_url or self.url, headers=headers, **options)

    def headers(self, package: str) -> dict[str, str]:
        """The headers that route a raw request to ``package``."""
        return {HEADER: package}


@contextmanager
def serve_specs(root: Path, specs: dict[str, Path | str], **options: Any) -> Iterator[Served]:
    """Generate each spec as the package named by its key into ``root``, serve them all."""
    outs = {}
    for package, spec in specs.items():
        outs[package] = generate_package(Path(spec), root / package, package, format=False, **options)
    for helper in ("echo_app.py", "multi_echo_app.py"):
        shutil.copy(ROOT / "tests" / helper, root / helper)
    env = {"OAGEN_TEST_PACKAGES": ",".join(outs),
           "PYTHONPATH": os.pathsep.join([*(str(p) for p in outs.values()), os.environ.get("PYTHONPATH", "")])}
    packages = {package: import_fresh(out, package) for package, out in outs.items()}
    with uvicorn_server("multi_echo_app:app", root, env=env) as url:
        yield Served(url, packages)
