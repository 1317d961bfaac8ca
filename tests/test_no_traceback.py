"""No traceback, ever, from the command line: arbitrary bytes and real files broken at
random go through ``encode``, ``validate``, ``export`` and ``build``, and every run ends
with exit 0, 1 or 2, no traceback, and outputs that are complete or absent.

The suite runs a few hundred cases; ``benchmarks/fuzz_cli.py`` runs the same cases by
the hundred thousand (its figures are in docs/reliability.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from teikit.cli import app

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from fuzz_cli import COMMANDS, outputs_complete, run_case

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@SETTINGS
@given(number=st.integers(0, 2**31), seed=st.integers(0, 2**16))
def test_random_cases_of_the_fuzz_run(number: int, seed: int,
                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    verdict = run_case(number, seed, tmp_path_factory.mktemp("case"))
    assert not verdict.traceback and not verdict.incomplete, verdict
    assert verdict.exit_code in (0, 1, 2), verdict


@SETTINGS
@given(data=st.binary(max_size=2000), command=st.sampled_from(COMMANDS),
       to=st.sampled_from(["html", "text"]))
def test_arbitrary_bytes(data: bytes, command: str, to: str,
                         tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    source = folder / ("x.xml" if command in ("validate", "export") else "x.txt")
    source.write_bytes(data)
    argv = {"encode": ["encode", source, "-o", folder / "out" / "x.xml"],
            "validate": ["validate", source],
            "export": ["export", source, "--to", to, "-o", folder / "out" / "x.out"],
            "build": ["build", source, "-o", folder / "out"]}[command]
    result = CliRunner().invoke(app, [str(a) for a in argv])
    printed = result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), printed
    assert "Traceback" not in printed and "internal error" not in printed
    assert result.exit_code in (0, 1, 2)
    assert outputs_complete(folder / "out")


def test_the_fuzz_script_counts_a_broken_command_as_a_failure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness can fail: a command that raises is a traceback in its verdict."""
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("teikit.cli.plan", broken)
    monkeypatch.setenv("TEIKIT_DEBUG", "1")
    verdicts = [run_case(number, 1, tmp_path / str(number)) for number in range(8)]
    assert any(v.traceback for v in verdicts if v.command != "validate")
