"""The repository keeps its promises: README commands are the ones CI runs and the CLI
accepts, the code is ruff- and mypy-clean, and nothing third-party is committed."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app

import conftest
from conftest import ROOT, missing_tool, needed_module

README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)


def test_ci_runs_the_readme_test_command() -> None:
    test_command = shell_blocks()[1].strip()
    assert "pytest" in test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_readme_quick_start_builds_the_samples_in_a_virtual_environment() -> None:
    assert shell_blocks()[0].strip().splitlines() == [
        "python3 -m venv .venv && . .venv/bin/activate",
        "pip install . && teikit build samples -o out"]


def readme_teikit_commands() -> list[list[str]]:
    commands = []
    for block in shell_blocks():
        for line in block.splitlines():
            line = line.split("#")[0].strip()
            if line.startswith("teikit "):
                commands.append(shlex.split(line)[1:])
    return commands


@pytest.mark.parametrize("argv", readme_teikit_commands(), ids=" ".join)
def test_readme_commands_use_real_options(argv: list[str]) -> None:
    help_text = CliRunner().invoke(app, [argv[0], "--help"]).stdout
    for word in argv[1:]:
        if word.startswith("--"):
            assert word in help_text, f"{word} is not an option of teikit {argv[0]}"


def run_tool(*argv: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(argv[0]) is None and argv[0] != sys.executable:
        missing_tool(f"{argv[0]} is not installed")
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)


def test_ruff_is_clean() -> None:
    run = run_tool("ruff", "check", "teikit", "tests", "benchmarks")
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    run = run_tool(sys.executable, "-m", "mypy")
    assert run.returncode == 0, run.stdout + run.stderr


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    example = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)[0]
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    assert (tmp_path / "letter.xml").read_bytes().startswith(b"<?xml")


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README, flags=re.DOTALL)


def test_readme_workflow_runs_teikit_validate_like_the_ci_guide() -> None:
    yaml = needed_module("yaml", "pip install -e '.[test]'")
    workflow = yaml.safe_load(yaml_blocks()[0])
    runs = [step["run"] for step in workflow["jobs"]["validate"]["steps"] if "run" in step]
    [command] = [run for run in runs if run.startswith("teikit validate")]
    guide = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert command in guide
    argv = shlex.split(command)[1:]
    folder = argv.pop()
    assert folder == "tei/"
    help_text = CliRunner().invoke(app, ["validate", "--help"]).stdout
    assert all(word in help_text for word in argv if word.startswith("--"))


def test_readme_pre_commit_hook_validates_tei_files(tmp_path: Path) -> None:
    yaml = needed_module("yaml", "pip install -e '.[test]'")
    config = yaml.safe_load(yaml_blocks()[1])
    [hook] = config["repos"][0]["hooks"]
    shipped = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == shipped[0]["id"] and hook["entry"] == shipped[0]["entry"]
    assert re.search(hook["files"], "tei/letter.xml") and not re.search(hook["files"], "a.txt")
    good = ROOT / "samples" / "output" / "000_b27d2d1d726ed5ee.xml"
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', encoding="utf-8")
    entry = shlex.split(hook["entry"])
    assert CliRunner().invoke(app, [*entry[1:], str(good)]).exit_code == 0
    assert CliRunner().invoke(app, [*entry[1:], str(good), str(bad)]).exit_code == 1


def test_a_missing_tool_skips_here_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception):
        needed_module("teikit_no_such_module", "nowhere")
    monkeypatch.setattr(conftest, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="CI installs it"):
        needed_module("teikit_no_such_module", "nowhere")


def test_tests_look_for_tools_through_conftest() -> None:
    """A test that skipped on its own when a tool is missing would skip in CI too."""
    own_skip = re.compile(r"importorskip\(|skip(if)?\([^)]*(not installed|is None)")
    found = [f"{path.name}:{number}" for path in sorted((ROOT / "tests").glob("test_*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if own_skip.search(line)]
    assert found == [], "use conftest's jing, chromium, missing_tool or needed_module"
