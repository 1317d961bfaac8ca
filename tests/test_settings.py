"""One reader of the project's settings: encode and validate find the same ``teikit.toml``
from any working directory, and a malformed one is a located error with exit 2."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.diagnostics import ConfigError
from teikit.encoder import profiles
from teikit.settings import find_settings
from teikit.validator import load_config

from conftest import DATA


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """project/teikit.toml naming a profile and a schema; project/letters/ holds files."""
    root = tmp_path / "project"
    (root / "letters").mkdir(parents=True)
    (root / "teikit.toml").write_text('profile = "frus"\nschemas = ["letter.rng"]\n')
    shutil.copy(DATA / "validate" / "letter.rng", root / "letter.rng")
    shutil.copy(DATA / "validate" / "good.xml", root / "letters" / "good.xml")
    (root / "letters" / "a.txt").write_text("We met [North] Korea.\n")
    return root


# (working directory, relative to the project; the letters folder as named from there)
PLACES = [(".", "letters"), ("letters", "."), ("letters", "../letters"), ("..", "project/letters")]


@pytest.mark.parametrize("cwd, letters", PLACES)
def test_encode_and_validate_find_the_same_settings_from_anywhere(
        project: Path, monkeypatch: pytest.MonkeyPatch, cwd: str, letters: str) -> None:
    monkeypatch.chdir(project / cwd)
    folder = Path(letters)
    assert find_settings(folder).path == project / "teikit.toml"
    assert profiles.resolve(None, folder).name == "frus"
    assert load_config(folder).schemas == (project / "letter.rng",)


@pytest.mark.parametrize("cwd, letters", PLACES)
def test_the_commands_use_the_settings_from_anywhere(
        project: Path, monkeypatch: pytest.MonkeyPatch, cwd: str, letters: str) -> None:
    monkeypatch.chdir(project / cwd)
    runner = CliRunner()
    encoded = runner.invoke(app, ["encode", os.path.join(letters, "a.txt"), "-o", "-"])
    assert encoded.exit_code == 0, encoded.output
    assert "[North]" in encoded.stdout and "<supplied" not in encoded.stdout  # frus
    checked = runner.invoke(app, ["validate", os.path.join(letters, "good.xml")])
    assert checked.exit_code == 0, checked.output


def test_pyproject_without_a_teikit_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "teikit.toml").write_text('profile = "leiden"\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_settings(tmp_path / "sub").path == tmp_path / "teikit.toml"


MALFORMED = [
    ('profile = "frus\n', r"teikit\.toml:1:\d+: not valid TOML"),
    ('schemas = ["a.rng"]\nschemas = ["b.rng"]\n', r"teikit\.toml:2:\d+: not valid TOML"),
    ('schema = ["a.rng"]\n', r"teikit\.toml: unknown setting\(s\) schema"),
    ("profile = 3\n", r"'profile' must be"),
    ("schemas = 3\n", r"'schemas' must be a list of paths"),
]


@pytest.mark.parametrize("text, message", MALFORMED)
def test_malformed_settings_are_located_configuration_errors(
        tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "teikit.toml").write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path)
        profiles.resolve(None, tmp_path)


@pytest.mark.parametrize("command", [
    ["encode", "a.txt", "-o", "-"],
    ["validate", "good.xml"],
    ["export", "good.xml", "--to", "text", "-o", "-"],
    ["build", ".", "-o", "out"],
])
def test_every_command_exits_2_with_the_location_of_a_malformed_file(
        project: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    (project / "teikit.toml").write_text('profile = "frus\n')
    monkeypatch.chdir(project / "letters")
    run = CliRunner().invoke(app, command)
    assert run.exit_code == 2, run.stderr
    assert "teikit.toml:1:" in run.stderr and "not valid TOML" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert run.exception is None or isinstance(run.exception, SystemExit)
