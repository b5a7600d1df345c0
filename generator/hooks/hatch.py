"""Hatchling build hook: run the oagen jobs before a wheel or sdist is built, and ship their output.

In the downstream project's ``pyproject.toml``::

    [build-system]
    requires = ["hatchling", "oagen"]
    build-backend = "hatchling.build"

    [tool.hatch.build.hooks.oagen]     # enables the hook; the jobs come from [tool.oagen]

    [tool.oagen]
    spec = "openapi/petstore.yaml"
    output = "generated"
    package = "petstore_client"
    server = false

The job keys may also live in the hook's own table. Each job's generated package ``NAME`` is
shipped at the top of the wheel (``import NAME``) even when the output folder is git-ignored; the
sdist carries the output folder as it is. A job that fails (spec errors, a hand-edited generated
file) stops the build with the diagnostics.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.plugin import hookimpl

from ..api import GenerateOptions, GenerateResult, generate
from ..config import ConfigError, Job, jobs_from_table, load_jobs
from ..diagnostics import Severity
from ..writer import MANIFEST

# Keys hatchling itself reads from every hook's table.
_HATCH_KEYS = frozenset({"dependencies", "require-runtime-dependencies", "require-runtime-features",
                         "enable-by-default"})


class OagenBuildHook(BuildHookInterface[BuilderConfig]):
    """Generates the configured clients/servers, then adds them to the build."""

    PLUGIN_NAME = "oagen"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Run every job; abort the build on the first failure."""
        root = Path(self.root)
        try:
            jobs = self._jobs(root)
        except ConfigError as exc:
            self.app.abort(f"oagen: {exc}")
            return
        for job in jobs:
            result = generate(str(job.spec), job.output or root, GenerateOptions(**job.options))
            self._report(job, result, root)
            if not result.ok:
                self.app.abort(f"oagen: generating {job.spec} failed; see the errors above")
                return
            self._include(root, Path(job.output or root), result, build_data)

    def _jobs(self, root: Path) -> list[Job]:
        own = {k: v for k, v in self.config.items() if k not in _HATCH_KEYS}
        if own:
            return jobs_from_table(own, base=root, where="[tool.hatch.build.hooks.oagen]", ignore=_HATCH_KEYS)
        return load_jobs(root / "pyproject.toml")

    def _report(self, job: Job, result: GenerateResult, root: Path) -> None:
        for d in result.diagnostics:
            if d.severity >= Severity.ERROR:
                self.app.display_error(d.format())
        warnings = sum(1 for d in result.diagnostics if d.severity == Severity.WARNING)
        if result.ok:
            note = f", {warnings} warnings (see them with 'oagen validate')" if warnings else ""
            spec, out = (os.path.relpath(p or root, root) for p in (job.spec, job.output))
            self.app.display_info(f"oagen: {spec} → {out}: {len(result.written)} written, "
                                  f"{len(result.unchanged)} unchanged, {len(result.removed)} removed{note}")

    def _include(self, root: Path, out: Path, result: GenerateResult, build_data: dict[str, Any]) -> None:
        """Wheel: the package at the top level. Sdist: the output folder where it is (if inside the project)."""
        force = build_data.setdefault("force_include", {})
        if self.target_name == "wheel":
            for path in result.files:
                if path.startswith(result.package + "/"):
                    force[os.path.normpath(out / path)] = path
        elif self.target_name == "sdist":
            rel = os.path.relpath(os.path.normpath(out), os.path.normpath(root))
            if rel == ".." or rel.startswith(".." + os.sep):
                return
            for path in [*result.files, MANIFEST]:
                force[os.path.normpath(out / path)] = Path(rel, path).as_posix()


@hookimpl
def hatch_register_build_hook() -> type[OagenBuildHook]:
    """Hatchling's plugin entry point (``[project.entry-points.hatch] oagen``)."""
    return OagenBuildHook
