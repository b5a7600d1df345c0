"""[tool.oagen] in pyproject.toml: one job or many, paths relative to the file, command line over
config over defaults, unknown keys a one-line usage error."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from helpers import SPECS

from generator.cli import main
from generator.config import ConfigError, jobs_from_table, load_jobs

PETSTORE = SPECS / "petstore" / "petstore-3.0.yaml"


def _project(root: Path, toml: str) -> Path:
    (root / "api").mkdir(parents=True, exist_ok=True)
    shutil.copy(PETSTORE, root / "api" / "petstore.yaml")
    (root / "pyproject.toml").write_text("[project]\nname = 'demo'\nversion = '0'\n\n" + toml)
    return root


def _oagen(capsys: pytest.CaptureFixture[str], *args: str, cwd: Path) -> tuple[int, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        capsys.readouterr()
        code = main(list(args))
    finally:
        os.chdir(old)
    return code, capsys.readouterr().err


def _options(out: Path) -> dict[str, object]:
    return dict(json.loads((out / ".oagen" / "manifest.json").read_text())["options"])


def test_single_job_runs_with_no_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path / "proj", '[tool.oagen]\nspec = "api/petstore.yaml"\noutput = "gen"\n'
                                        'package = "pets"\nserver = false\n')
    code, err = _oagen(capsys, "generate", cwd=root)
    assert code == 0, err
    assert (root / "gen" / "pets" / "client.py").exists() and not (root / "gen" / "pets" / "server").exists()
    assert _oagen(capsys, "generate", "--check", cwd=root)[0] == 0
    # From elsewhere with --config: paths stay relative to the pyproject's folder.
    code, err = _oagen(capsys, "generate", "--check", "--config", str(root / "pyproject.toml"), cwd=tmp_path)
    assert code == 0 and "up to date" in err, err
    assert not (tmp_path / "gen").exists()


def test_several_jobs_with_shared_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, '[tool.oagen]\nspec = "api/petstore.yaml"\nclient = false\n\n'
                              '[[tool.oagen.jobs]]\nname = "one"\noutput = "out/one"\npackage = "one"\n\n'
                              '[[tool.oagen.jobs]]\nname = "two"\noutput = "out/two"\npackage = "two"\n'
                              'client = true\nserver = false\n')
    code, err = _oagen(capsys, "generate", cwd=root)
    assert code == 0, err
    assert "[one]" in err and "[two]" in err
    assert _options(root / "out" / "one") == {"package": "one", "client": False, "server": True, "format": True,
                                              "templates": None, "package_default": False}
    assert _options(root / "out" / "two")["server"] is False and _options(root / "out" / "two")["client"] is True
    # -o/--package cannot pick one of several jobs.
    code, err = _oagen(capsys, "generate", "--package", "x", cwd=root)
    assert code == 2 and err.count("\n") == 1


def test_command_line_overrides_config_overrides_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, '[tool.oagen]\nspec = "api/petstore.yaml"\noutput = "gen"\npackage = "cfg"\n'
                              'server = false\n')
    code, err = _oagen(capsys, "generate", "--server", "--package", "cli", "-o", "other", cwd=root)
    assert code == 0, err
    assert _options(root / "other") == {"package": "cli", "client": True, "server": True, "format": True,
                                        "templates": None, "package_default": False}
    code, err = _oagen(capsys, "generate", "--no-client", "--server", cwd=root)
    assert code == 0, err
    assert _options(root / "gen")["client"] is False and _options(root / "gen")["package"] == "cfg"


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ('[tool.oagen]\nspec = "a.yaml"\noutput = "o"\noutptu = "x"\n', "unknown key 'outptu'"),
        ('[tool.oagen]\nspec = "a.yaml"\noutput = "o"\n[[tool.oagen.jobs]]\npackge = "p"\n',
         "jobs[0]: unknown key 'packge'"),
        ('[tool.oagen]\nspec = "a.yaml"\noutput = "o"\nserver = "no"\n', "'server' must be true or false"),
        ('[tool.oagen]\nspec = "a.yaml"\n', "missing key 'output'"),
        ('[tool.oagen]\nspec = "a.yaml"\noutput = \n', "invalid TOML"),
        ('[tool.other]\nx = 1\n', "no [tool.oagen] table"),
        ('[tool.oagen]\njobs = []\n', "'jobs' must be a non-empty array"),
    ],
)
def test_bad_config_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str,
                                           needle: str) -> None:
    root = _project(tmp_path, toml)
    code, err = _oagen(capsys, "generate", cwd=root)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("oagen: error: ") and needle in err, err
    assert "pyproject.toml" in err


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _oagen(capsys, "generate", cwd=tmp_path)  # no SPEC, no pyproject.toml
    assert code == 2 and "no SPEC given" in err
    code, err = _oagen(capsys, "generate", str(PETSTORE), cwd=tmp_path)
    assert code == 2 and "-o/--output is required" in err
    code, err = _oagen(capsys, "generate", str(PETSTORE), "--config", "x.toml", cwd=tmp_path)
    assert code == 2 and "not both" in err
    code, err = _oagen(capsys, "generate", str(PETSTORE), "-o", "o", "--watch", "--check", cwd=tmp_path)
    assert code == 2 and "--watch" in err


def test_table_parsing(tmp_path: Path) -> None:
    jobs = jobs_from_table({"spec": "s.yaml", "output": "o", "allow-external-refs": ["../shared"], "strict": True,
                            "templates": "tpl"}, base=tmp_path, where="x")
    assert len(jobs) == 1
    job = jobs[0]
    assert job.spec == tmp_path / "s.yaml" and job.output == tmp_path / "o" and job.name == "job 1"
    assert job.options == {"allow_external_refs": (tmp_path / "../shared",), "strict": True,
                           "templates": tmp_path / "tpl"}
    ignored = jobs_from_table({"spec": "s", "output": "o", "dependencies": []}, base=tmp_path, where="x",
                              ignore=frozenset({"dependencies"}))
    assert ignored[0].options == {}
    with pytest.raises(ConfigError, match="unknown key 'dependencies'"):
        jobs_from_table({"spec": "s", "output": "o", "dependencies": []}, base=tmp_path, where="x")
    with pytest.raises(ConfigError, match="no such file"):
        load_jobs(tmp_path / "missing.toml")


def test_pre_commit_hooks_match_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import yaml
    from helpers import ROOT

    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"oagen-check", "oagen-generate"}
    assert all(h["entry"].split()[0] == "oagen" and h["pass_filenames"] is False for h in hooks.values())
    root = _project(tmp_path, '[tool.oagen]\nspec = "api/petstore.yaml"\noutput = "gen"\n')
    check, generate = (hooks[name]["entry"].split()[1:] for name in ("oagen-check", "oagen-generate"))
    assert _oagen(capsys, *check, cwd=root)[0] == 1  # nothing generated yet
    assert _oagen(capsys, *generate, cwd=root)[0] == 0
    assert _oagen(capsys, *check, cwd=root)[0] == 0
