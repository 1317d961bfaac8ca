"""``teikit export`` as a user runs it: the validate-first policy and its switches, any
document exported one at a time without a traceback, a batch that goes on past a bad file,
and ``--report``."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import teikit
from teikit.cli import app

from conftest import DATA, SAMPLES

ROBUST = DATA / "export" / "robust"
SCHEMAS = DATA / "export" / "schemas"
TEIKIT_MADE = SAMPLES / "output" / "memorandum_harbour_talks.xml"
runner = CliRunner()


def run(*args: object) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    return result.exit_code, result.stdout, result.stderr


def test_no_validate_does_no_validation_work(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validation ran")

    validator = importlib.import_module("teikit.validator")  # loaded on first use
    monkeypatch.setattr(validator, "iter_diagnostics", refuse)
    code, _, err = run("export", TEIKIT_MADE, "--to", "html", "--no-validate",
                       "-o", tmp_path / "memo.html")
    assert code == 0, err
    assert (tmp_path / "memo.html").read_bytes().startswith(b"<!DOCTYPE html>")


def test_schema_option_chooses_what_to_validate_against(tmp_path: Path) -> None:
    source = ROBUST / "foreign-namespace.xml"
    code, _, err = run("export", source, "--to", "text", "--view", "reading",
                       "--schema", SCHEMAS / "anything.rng", "-o", tmp_path / "ok.txt")
    assert code == 0, err
    assert "a project's own element" in (tmp_path / "ok.txt").read_text(encoding="utf-8")
    code, _, err = run("export", TEIKIT_MADE, "--to", "html", "-s",
                       SCHEMAS / "only-letters.rng", "-o", tmp_path / "no.html")
    assert code == 1
    assert "TK510" in err and "--schema" in err
    assert not (tmp_path / "no.html").exists()


def test_refused_file_names_the_schema_option(tmp_path: Path) -> None:
    code, _, err = run("export", ROBUST / "no-text.xml", "--to", "html",
                       "-s", SCHEMAS / "only-letters.rng", "-o", tmp_path / "x.html")
    assert code == 1 and "not exported: the TEI does not validate" in err


def test_a_file_that_is_not_xml_gives_one_located_error(tmp_path: Path) -> None:
    code, _, err = run("export", ROBUST / "not-well-formed.xml", "--to", "html",
                       "--no-validate", "-o", tmp_path / "x.html")
    assert code == 1
    lines = [line for line in err.splitlines() if "xml-syntax" in line]
    assert len(lines) == 1 and "not-well-formed.xml:4:" in lines[0]
    assert "Traceback" not in err
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize(("name", "code"), [
    ("duplicate-ids.xml", "TK501"),
    ("no-text.xml", "TK503"),
    ("foreign-namespace.xml", "TK505"),
    ("not-tei.xml", "TK506"),
])
@pytest.mark.parametrize("view", ["html/reading", "text/reading", "text/transcript"])
def test_odd_documents_give_a_warning_and_an_export(tmp_path: Path, name: str, code: str,
                                                    view: str) -> None:
    to, chosen = view.split("/")
    out = tmp_path / "out"
    status, _, err = run("export", ROBUST / name, "--to", to, "--view", chosen,
                         "--no-validate", "-o", out)
    assert status == 0, err
    assert f"warning {code}" in err
    assert out.stat().st_size > 0 or (to == "text" and name == "no-text.xml")


def test_a_batch_goes_on_past_a_bad_file_and_names_it(tmp_path: Path) -> None:
    folder = tmp_path / "tei"
    shutil.copytree(ROBUST, folder)
    code, _, err = run("export", folder, "--to", "html", "--no-validate", "-o", tmp_path / "out")
    assert code == 1
    made = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert made == ["duplicate-ids.html", "foreign-namespace.html", "no-text.html",
                    "not-tei.html"]
    assert "1 of 5 file(s) not exported" in err and "not-well-formed.xml" in err.splitlines()[-1]


def test_report_lists_elements_without_a_rule(tmp_path: Path) -> None:
    code, _, err = run("export", ROBUST / "foreign-namespace.xml", "--to", "html",
                       "--no-validate", "--report", "-o", tmp_path / "x.html")
    assert code == 0, err
    report = err[err.index("rendered without a rule"):]
    rows = dict(line.split() for line in report.splitlines()[1:])
    assert rows == {"{urn:example:mine}thing": "1", "{urn:example:mine}other": "1"}


def test_export_file_is_the_command_as_a_function() -> None:
    result = teikit.export_file(ROBUST / "duplicate-ids.xml",
                                teikit.ExportOptions(validate=False))
    assert result.exported and result.data is not None
    assert [d.code for d in result.diagnostics] == ["TK501", "TK502"]
    refused = teikit.export_file(ROBUST / "not-well-formed.xml")
    assert not refused.exported
    assert [d.code for d in refused.diagnostics][-1] == "TK510"
