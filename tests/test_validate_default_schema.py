"""Which schemas check a document that declares none: teikit's own for the TEI teikit
wrote, the shipped official ``tei_all`` for any other, and the summary says which."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

import teikit
from teikit.cli import app
from teikit.validator import TEI_ALL, iter_diagnostics, schemas_for, validate_paths
from teikit.validator.choice import tei_all_version

from conftest import ROOT, SAMPLES

TEI_README = ROOT / "schemas" / "tei" / "README.md"
WRITTEN = SAMPLES / "output" / "000_b27d2d1d726ed5ee.xml"
PLAIN = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>A'
    "</title></titleStmt><publicationStmt><p>Unpublished</p></publicationStmt><sourceDesc>"
    "<p>Born digital</p></sourceDesc></fileDesc></teiHeader>"
    '<text xml:space="default"><body><p>Dear <persName ref="#a">Ann</persName>,</p>'
    "<lg><l>one line</l></lg></body></text></TEI>")
"""Plain TEI that tei_all accepts and teikit's narrow schema does not (xml:space="default",
lg, persName/@ref)."""


def _plain(tmp_path: Path, name: str = "plain.xml", text: str = PLAIN) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_tei_all_is_the_release_its_readme_describes() -> None:
    readme = TEI_README.read_text(encoding="utf-8")
    data = TEI_ALL.read_bytes()
    assert hashlib.sha256(data).hexdigest() in readme
    assert f"{len(data):,}" in readme
    assert f"P5 Version {tei_all_version()}" in readme
    assert tei_all_version() == "4.12.0"
    licence = (TEI_ALL.parent / "LICENCE.txt").read_text(encoding="utf-8")
    assert "TEI Consortium" in licence and "BSD-2" in licence
    assert "Redistributions in binary form must reproduce" in licence


def test_plain_tei_without_a_schema_is_checked_against_tei_all(tmp_path: Path) -> None:
    path = _plain(tmp_path)
    choice = schemas_for(path)
    assert choice.reason == "tei_all"
    assert [s.path for s in choice.schemas] == [TEI_ALL]
    assert list(iter_diagnostics(path)) == []


def test_tei_all_finds_what_it_forbids_and_runs_its_embedded_rules(tmp_path: Path) -> None:
    wrong = PLAIN.replace("<lg>", '<lg><p rend="x">prose</p>').replace(
        "<persName", '<date when="1959-02-03" from="1959-02-01">d</date><persName')
    found = list(iter_diagnostics(_plain(tmp_path, text=wrong)))
    assert any(d.source == "relaxng" and "`p`" in d.message for d in found), found
    assert any(d.source == "schematron" for d in found), found  # @when with @from


def test_tei_teikit_wrote_is_checked_against_teikits_schemas(tmp_path: Path) -> None:
    choice = schemas_for(WRITTEN)
    assert choice.reason == "teikit"
    assert [s.path.name for s in choice.schemas] == ["teikit.rng", "teikit.sch"]
    encoded = teikit.encode("Dear Sir,\n\nThe [North] wing is done.\n")
    assert schemas_for(encoded.tree).reason == "teikit"
    # the appInfo is what tells: without it, the same TEI goes to tei_all
    tree = etree.fromstring(WRITTEN.read_bytes())
    for application in tree.iter("{http://www.tei-c.org/ns/1.0}application"):
        application.set("ident", "other-tool")
    assert schemas_for(tree.getroottree()).reason == "tei_all"


def test_declared_and_configured_schemas_come_before_the_defaults(tmp_path: Path) -> None:
    grammar = tmp_path / "mine.rng"
    grammar.write_text('<element xmlns="http://relaxng.org/ns/structure/1.0" name="TEI" '
                       'ns="http://www.tei-c.org/ns/1.0"><ref name="x"/></element>'
                       .replace('<ref name="x"/>', "<empty/>"), encoding="utf-8")
    declared = _plain(tmp_path, "declared.xml",
                      '<?xml-model href="mine.rng" type="application/xml" '
                      'schematypens="http://relaxng.org/ns/structure/1.0"?>\n' + PLAIN)
    assert schemas_for(declared).reason == "declared"
    project = tmp_path / "project"
    project.mkdir()
    (project / "teikit.toml").write_text('schemas = ["../mine.rng"]\n', encoding="utf-8")
    configured = _plain(project, "configured.xml")
    assert schemas_for(configured).reason == "settings"
    assert schemas_for(configured, [grammar]).reason == "given"


def test_a_file_that_is_not_xml_gets_the_default_and_its_problem(tmp_path: Path) -> None:
    choice = schemas_for(_plain(tmp_path, text="<TEI><unclosed></TEI>"))
    assert choice.reason == "tei_all"
    assert [d.code for d in choice.problems] == ["xml-syntax"]


def test_batch_results_say_what_each_file_was_checked_against(tmp_path: Path) -> None:
    plain = _plain(tmp_path)
    results = validate_paths([plain, WRITTEN])
    assert [r.choice.reason if r.choice else None for r in results] == ["tei_all", "teikit"]
    assert all(r.valid for r in results)
    assert results[0].schemas == (TEI_ALL,)


def test_cli_summary_names_the_schema_of_each_file(tmp_path: Path) -> None:
    _plain(tmp_path, "one.xml")
    _plain(tmp_path, "two.xml")
    (tmp_path / "written.xml").write_bytes(WRITTEN.read_bytes())
    run = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert run.exit_code == 0, run.output
    lines = run.stderr.splitlines()
    assert lines[-3] == "3 files checked: 3 valid, 0 invalid"
    assert re.fullmatch(r"  2 against tei_all\.rng \(TEI P5 4\.12\.0, shipped with teikit; "
                        r"no schema declared\)", lines[-2])
    assert lines[-1] == "  1 against teikit.rng + teikit.sch (teikit's own: written by teikit)"


@pytest.mark.parametrize("option", ["--no-embedded-rules", "--embedded-rules"])
def test_the_default_tei_all_honours_the_embedded_rules_option(tmp_path: Path,
                                                                 option: str) -> None:
    wrong = PLAIN.replace("<persName", '<ref targetLang="en">x</ref><persName')
    path = _plain(tmp_path, text=wrong)
    run = CliRunner().invoke(app, ["validate", option, str(path)])
    assert run.exit_code == (1 if option == "--embedded-rules" else 0), run.output
