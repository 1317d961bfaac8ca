"""The CI integration shipped in the repository: the pre-commit hook and the documented
GitHub Actions workflow name a command that works."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from teikit.reporting import FORMATTERS

from conftest import needed_module

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "validate"
yaml = needed_module("yaml", "pip install -e '.[test]'")


def _workflow_commands() -> list[list[str]]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    workflow = yaml.safe_load(blocks[0])
    steps = workflow["jobs"]["validate"]["steps"]
    return [shlex.split(s["run"]) for s in steps if "teikit validate" in s.get("run", "")]


def test_pre_commit_hook_names_the_validate_command() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "teikit-validate"
    assert hook["entry"] == "teikit validate"
    assert re.search(hook["files"], "letters/a.xml") and re.search(hook["files"], "b.tei")
    assert not re.search(hook["files"], "notes.txt")
    assert "teikit = \"teikit.cli:main\"" in (ROOT / "pyproject.toml").read_text()


def test_workflow_is_valid_yaml_with_one_validate_step() -> None:
    [command] = _workflow_commands()
    assert command[:2] == ["teikit", "validate"]
    assert "--format" in command and command[command.index("--format") + 1] in FORMATTERS


def _options(command: list[str]) -> tuple[str, int]:
    return command[command.index("--format") + 1], int(command[command.index("--jobs") + 1])


@pytest.fixture
def tei_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "tei"
    folder.mkdir()
    shutil.copy(DATA / "good.xml", folder / "good.xml")
    shutil.copy(DATA / "bad.xml", folder / "bad.xml")
    (tmp_path / "teikit.toml").write_text('schemas = ["letter.rng"]\n')
    shutil.copy(DATA / "letter.rng", tmp_path / "letter.rng")
    return folder


def run_workflow_step(folder: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    """The documented workflow step, as ``python -m teikit`` importing from ``pythonpath``."""
    [command] = _workflow_commands()
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run([sys.executable, "-m", "teikit", *command[1:]], env=env,
                          capture_output=True, text=True, cwd=folder, check=False)


def check_step_fails_and_annotates(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 1, run.stderr
    assert "::error file=" in run.stdout and "bad.xml,line=5" in run.stdout
    assert "Traceback" not in run.stderr


def test_workflow_command_reports_github_annotations_and_fails(tei_folder: Path) -> None:
    """The documented step, run from this checkout, fails the job and annotates the bad
    file (there is no fallback: a broken command fails this test)."""
    check_step_fails_and_annotates(run_workflow_step(tei_folder.parent, ROOT))


def test_a_broken_python_dash_m_teikit_fails_the_check(tei_folder: Path) -> None:
    broken = tei_folder.parent / "broken" / "teikit"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("")
    (broken / "__main__.py").write_text("raise SystemExit(1)\n")
    with pytest.raises(AssertionError):
        check_step_fails_and_annotates(run_workflow_step(tei_folder.parent, broken.parent))
