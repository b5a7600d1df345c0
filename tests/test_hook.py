"""The hatchling build hook: a downstream project's wheel always ships a client generated from its
current spec (examples/downstream is such a project)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT

DOWNSTREAM = ROOT / "examples" / "downstream"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # the hook runs this checkout's generator
NEW_OPERATION = """  /stats:
    get:
      operationId: getStats
      responses:
        "204":
          description: No content
"""


def _copy(tmp_path: Path) -> Path:
    project = tmp_path / "downstream"
    shutil.copytree(DOWNSTREAM, project, ignore=shutil.ignore_patterns("generated", "dist", "build", "__pycache__"))
    return project


def _add_operation(project: Path) -> None:
    spec = project / "openapi" / "petstore.yaml"
    spec.write_text(spec.read_text().replace("paths:\n", "paths:\n" + NEW_OPERATION, 1))


def _hatchling(project: Path, what: str) -> subprocess.CompletedProcess[str]:
    code = f"from hatchling.build import {what}; print({what}('dist'))"
    return subprocess.run([sys.executable, "-c", code], check=False, cwd=project, env=ENV, capture_output=True, text=True,
                          timeout=300)


def _wheel_text(wheel: Path, name: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(name).decode()


def _pip_wheel(project: Path, dist: Path) -> Path:
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q",
                             "-w", str(dist), str(project)], check=False, env=ENV, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = dist.glob("*.whl")
    return wheel


@pytest.mark.slow
def test_pip_wheel_ships_the_client_of_the_current_spec(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    wheel = _pip_wheel(project, tmp_path / "dist1")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {"petstore_app/__init__.py", "petstore_client/__init__.py", "petstore_client/client.py",
            "petstore_client/models/__init__.py", "petstore_client/py.typed"} <= names
    assert not any(n.startswith(("generated/", "petstore_client/server/")) for n in names)
    assert "def list_pets(" in _wheel_text(wheel, "petstore_client/client.py")
    assert "def get_stats(" not in _wheel_text(wheel, "petstore_client/client.py")
    _add_operation(project)
    wheel = _pip_wheel(project, tmp_path / "dist2")
    assert "def get_stats(" in _wheel_text(wheel, "petstore_client/client.py")


def test_sdist_carries_spec_and_generated_output(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    result = _hatchling(project, "build_sdist")
    assert result.returncode == 0, result.stdout + result.stderr
    (sdist,) = (project / "dist").glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames()}
    assert {"openapi/petstore.yaml", "generated/petstore_client/client.py", "generated/.oagen/manifest.json",
            "petstore_app/__init__.py"} <= names


def test_hook_table_jobs_and_failures(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text()
    own = text.split("\n[tool.oagen]\n")[0].replace(
        "[tool.hatch.build.hooks.oagen]\n",
        '[tool.hatch.build.hooks.oagen]\nspec = "openapi/petstore.yaml"\noutput = "gen2"\npackage = "pets2"\n'
        "server = false\n")
    pyproject.write_text(own)
    result = _hatchling(project, "build_wheel")
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = (project / "dist").glob("*.whl")
    assert "def list_pets(" in _wheel_text(wheel, "pets2/client.py")
    # An unknown key stops the build with one line naming it.
    pyproject.write_text(own.replace('server = false\n', 'server = false\nservr = true\n'))
    result = _hatchling(project, "build_wheel")
    assert result.returncode != 0 and "unknown key 'servr'" in result.stdout + result.stderr
    # A broken spec stops the build with the diagnostic.
    pyproject.write_text(own)
    (project / "openapi" / "petstore.yaml").write_text("openapi: 3.0.3\npaths: [1, 2\n")
    result = _hatchling(project, "build_wheel")
    assert result.returncode != 0
    assert "error[OAG005]" in result.stdout + result.stderr and "Traceback" not in result.stdout + result.stderr
