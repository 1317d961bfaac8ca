"""XInclude: what may be read, and where problems in included content are reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from teikit import reporting
from teikit.diagnostics import Severity
from teikit.validator import Config, Options, iter_diagnostics, validate_paths
from teikit.validator.document import load_document

DATA = Path(__file__).parent / "data" / "validate"
LETTER = DATA / "letter.rng"


def _problems(document: Path, **options: object) -> list[str]:
    return [str(d) for d in iter_diagnostics(document, [LETTER],
                                             options=Options(**options))]  # type: ignore[arg-type]


def test_a_problem_in_included_content_is_located_in_the_included_file() -> None:
    [problem] = iter_diagnostics(DATA / "xinclude" / "bad-part.xml", [LETTER])
    assert Path(problem.file) == DATA / "xinclude" / "parts" / "bad.xml"
    assert (problem.line, problem.column) == (3, 8)  # the <hi> start tag in bad.xml
    assert problem.document == str(DATA / "xinclude" / "bad-part.xml")
    assert problem.included_line == 5
    assert problem.code == "rng-element"
    assert str(problem).endswith(f"(included by {problem.document}:5)")


def test_nested_includes_point_at_the_innermost_file_and_the_outermost_include() -> None:
    [problem] = iter_diagnostics(DATA / "xinclude" / "nested.xml", [LETTER])
    assert Path(problem.file) == DATA / "xinclude" / "parts" / "bad.xml"
    assert problem.line == 3
    assert problem.included_line == 5  # nested.xml's xi:include, not wrapper.xml's


def test_an_include_that_is_a_root_element_is_replaced_by_its_target() -> None:
    document, problems = load_document(DATA / "xinclude" / "nested.xml")
    assert document is not None and not problems
    included = document.tree.getroot()[1]
    assert etree.QName(included).localname == "p"
    origin = document.origin(included)
    assert origin is not None and origin.file.endswith("bad.xml")


def test_problems_in_the_document_itself_keep_its_name() -> None:
    found = list(iter_diagnostics(DATA / "bad.xml", [LETTER]))
    assert found and all(d.document is None and d.file.endswith("bad.xml") for d in found)


def test_a_sibling_folder_is_read_only_when_trusted(tmp_path: Path) -> None:
    document = DATA / "xinclude-sibling" / "docs" / "letter.xml"
    refused = list(iter_diagnostics(document, [LETTER], config=Config()))
    # the include is refused: the xi:include element is out of place and a p is missing
    assert [d.code for d in refused] == ["xinclude", "rng-element", "rng-missing"]
    assert "outside the trusted folders" in refused[0].message
    trusted = Options(xinclude_roots=(DATA / "xinclude-sibling",))
    assert list(iter_diagnostics(document, [LETTER], options=trusted, config=Config())) == []


def test_the_working_directory_is_not_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA / "xinclude-sibling")
    document = Path("docs") / "letter.xml"
    found = list(iter_diagnostics(document, [LETTER], config=Config()))
    assert found[0].code == "xinclude"


def test_a_project_setting_trusts_more_folders(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "lists").mkdir()
    for part in ("docs/letter.xml", "lists/p.xml"):
        (project / part).write_bytes((DATA / "xinclude-sibling" / part).read_bytes())
    (project / "teikit.toml").write_text('xinclude-roots = ["."]\n', encoding="utf-8")
    assert list(iter_diagnostics(project / "docs" / "letter.xml", [LETTER])) == []
    [result] = validate_paths([project / "docs"], [LETTER])
    assert result.valid and not result.diagnostics


def test_a_batch_trusts_the_folders_it_is_given() -> None:
    results = validate_paths([DATA / "xinclude-sibling"], [LETTER])
    assert [r.diagnostics for r in results if r.path.name == "letter.xml"] == [()]
    [alone] = validate_paths([DATA / "xinclude-sibling" / "docs"], [LETTER], config=Config())
    assert not alone.valid


def test_reports_group_included_problems_under_the_checked_document() -> None:
    found = list(iter_diagnostics(DATA / "xinclude" / "bad-part.xml", [LETTER]))
    checked = [str(DATA / "xinclude" / "bad-part.xml")]
    junit = etree.fromstring(reporting.format_junit(found, checked).encode())
    assert [case.get("name") for case in junit.iter("testcase")] == checked
    assert junit.find(".//failure") is not None
    sarif = json.loads(reporting.format_sarif(found, checked))
    [result] = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "parts/bad.xml")
    related = result["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"].endswith("bad-part.xml")
    assert related["region"]["startLine"] == 5
    [entry] = json.loads(reporting.format_json(found, checked))["diagnostics"]
    assert entry["document"] == checked[0] and entry["included_line"] == 5
    assert "included by" in reporting.format_github(found, checked)


def test_cli_trusts_xinclude_root_and_reports_included_lines(tmp_path: Path) -> None:
    folder = DATA / "xinclude-sibling"
    command = [sys.executable, "-m", "teikit", "validate", "--schema", str(LETTER)]
    env = {**os.environ, "NO_COLOR": "1"}
    refused = subprocess.run([*command, str(folder / "docs")], capture_output=True,
                             text=True, cwd=tmp_path, env=env, check=False)
    assert refused.returncode == 1, refused.stderr
    assert "outside the trusted folders" in refused.stdout
    trusted = subprocess.run([*command, str(folder / "docs"), "--xinclude-root", str(folder)],
                             capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert trusted.returncode == 0, trusted.stdout + trusted.stderr
    bad = subprocess.run([*command, str(DATA / "xinclude" / "bad-part.xml")],
                         capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert bad.returncode == 1
    assert "parts/bad.xml:3:8: error rng-element" in bad.stdout
    assert "(included by" in bad.stdout


def test_severity_of_refusals_depends_on_a_fallback() -> None:
    document, problems = load_document(DATA / "xinclude" / "outside.xml")
    assert document is not None
    assert [p.severity for p in problems] == [Severity.ERROR, Severity.WARNING]


def test_schematron_failures_in_included_content_are_located_there_too() -> None:
    found = list(iter_diagnostics(DATA / "xinclude" / "titles.xml", [DATA / "tei-mini.rng"]))
    # the xml:base that the inclusion adds (as Xerces does for jing) is not in this grammar
    assert [(d.source, d.code) for d in found] == [("relaxng", "rng-attribute"),
                                                   ("schematron", "title-not-empty")]
    problem = found[1]
    assert Path(problem.file) == DATA / "xinclude" / "parts" / "empty-title.xml"
    assert (problem.line, problem.column, problem.included_line) == (3, 1, 4)


@pytest.mark.parametrize("href", ["[" * 3000, "a" * 300 + ".xml"])
def test_an_include_the_file_system_cannot_name_is_a_located_problem(
        tmp_path: Path, href: str) -> None:
    """A target name too long for the file system is the include's problem, reported where
    it stands, never an internal error (``export --no-validate`` met it as one)."""
    from typer.testing import CliRunner

    from teikit.cli import app

    element = etree.Element("{http://www.w3.org/2001/XInclude}include", href=href)
    root = etree.Element("letter")
    root.append(element)
    path = tmp_path / "x.xml"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
    found = load_document(path, str(path))[1]
    assert [d.code for d in found] == ["xinclude"]
    assert found[0].line == 2 and len(found[0].message) < 200  # under the declaration
    result = CliRunner().invoke(app, ["export", str(path), "--to", "text", "-o",
                                      str(tmp_path / "x.txt"), "--no-validate"])
    assert "internal error" not in result.output and "Traceback" not in result.output
