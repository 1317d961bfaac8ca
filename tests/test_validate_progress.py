"""Progress while validating: a bar on stderr at a terminal, nothing in logs and CI."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit import cli
from teikit.cli import app
from teikit.validator import validate_paths

from conftest import SAMPLES

GOOD = SAMPLES / "output" / "000_b27d2d1d726ed5ee.xml"


def _files(folder: Path, count: int) -> list[Path]:
    made = []
    for number in range(count):
        made.append(folder / f"doc{number}.xml")
        made[-1].write_bytes(GOOD.read_bytes())
    return made


def test_progress_is_told_as_files_are_checked(tmp_path: Path) -> None:
    told: list[tuple[int, int]] = []
    validate_paths(_files(tmp_path, 3), progress=lambda done, total: told.append((done, total)))
    assert told[0] == (0, 3) and told[-1] == (3, 3)
    assert [done for done, _ in told] == sorted(done for done, _ in told)


def test_no_progress_bar_in_logs_and_ci(tmp_path: Path) -> None:
    _files(tmp_path, 3)
    run = CliRunner().invoke(app, ["validate", str(tmp_path)])  # not a terminal
    assert run.exit_code == 0
    assert run.stderr.splitlines()[0] == "3 files checked: 3 valid, 0 invalid"


def test_a_terminal_gets_a_progress_bar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    screen = io.StringIO()
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(cli, "console", lambda: Console(file=screen, force_terminal=True,
                                                        width=100))
    with cli.progress_bar("Validating") as progress:
        assert progress is not None
        progress(1, 3)
        progress(3, 3)
    assert "Validating" in screen.getvalue() and "3/3" in screen.getvalue()
