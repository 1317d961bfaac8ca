"""Fault messages, one case per datatype family and structure fault (data/validate/faults):
each names the element, the attribute, the value and what was expected. Where jing is
installed, it must find errors on the same lines (it reports at the end of a start tag, so
lines, not columns, are compared)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from teikit.validator import TEI_ALL, Options, iter_diagnostics

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data" / "validate" / "faults"
GRAMMAR = DATA / "faults.rng"
CASES = tomllib.loads((DATA / "cases.toml").read_text(encoding="utf-8"))["case"]


def _check(case: dict[str, object], tmp_path: Path) -> tuple[Path, list[str]]:
    document = tmp_path / "case.xml"
    document.write_text(str(case["xml"]), encoding="utf-8")
    found = [d for d in iter_diagnostics(document, [GRAMMAR]) if d.source == "relaxng"]
    return document, [f"{d.line} {d.code} {d.message}" for d in found]


@pytest.mark.parametrize("case", CASES, ids=[str(c["name"]) for c in CASES])
def test_fault_messages(case: dict[str, object], tmp_path: Path) -> None:
    assert _check(case, tmp_path)[1] == case["expect"]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[str(c["name"]) for c in CASES])
def test_jing_finds_faults_on_the_same_lines(case: dict[str, object], tmp_path: Path,
                                             jing: str) -> None:
    document, found = _check(case, tmp_path)
    run = subprocess.run([jing, str(GRAMMAR), str(document)], capture_output=True,
                         text=True, check=False)
    lines = {int(m.group(1)) for m in re.finditer(rf"{re.escape(str(document))}:(\d+):\d+: "
                                                  r"error", run.stdout)}
    assert lines == {int(item.split()[0]) for item in found}


def test_a_repeated_xml_id_names_both_places(tmp_path: Path) -> None:
    """An error where the grammar's engines count IDs (libxml2 and jing do with this one),
    else a warning (tei-mini types no ID: jing accepts such a document, the verdict stays)."""
    document = tmp_path / "ids.xml"
    document.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><title>t</title></teiHeader>\n'
        '<text><body><p><name xml:id="a">x</name></p>\n<p><name xml:id="b">y</name>\n'
        '<name xml:id="a">z</name></p></body></text></TEI>', encoding="utf-8")
    message = ("xml:id `a` is used twice: here on `name` and at line 2 on `name`; a pointer "
               "to `#a` is ambiguous")
    found = list(iter_diagnostics(document, [GRAMMAR]))
    assert [(d.line, str(d.severity), d.code, d.message) for d in found] == [
        (4, "error", "duplicate-id", message)]
    found = list(iter_diagnostics(document, [DATA.parent / "tei-mini.rng"]))
    repeats = [d for d in found if d.code == "duplicate-id"]
    assert [(d.line, str(d.severity), d.message) for d in repeats] == [(4, "warning", message)]


def test_a_repeated_xml_id_stays_an_error_beside_other_faults(tmp_path: Path) -> None:
    """Where the grammar's engines count IDs, a repeat is an error whatever else is wrong
    (jing reports it among the other faults), never a warning in an invalid document."""
    document = tmp_path / "ids.xml"
    document.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><title>t</title></teiHeader>\n'
        '<text><body><p><name xml:id="a">x</name></p>\n<p><name xml:id="b">y</name>\n'
        '<name xml:id="a">z</name></p>\n<p><unknown/></p></body></text></TEI>',
        encoding="utf-8")
    found = [(d.line, str(d.severity), d.code) for d in iter_diagnostics(document, [GRAMMAR])]
    assert (4, "error", "duplicate-id") in found and (5, "error", "rng-element") in found
    assert not [d for d in found if d[1] == "warning"], found


def test_only_the_xml_ids_the_grammar_types_id_are_counted(tmp_path: Path) -> None:
    """In tei_all an example's xml:id (inside egXML, any element with any attribute) is
    text, not an ID: jing and libxml2 let it repeat, so it stays a warning there, while a
    repeat among the document's own elements is an error beside the other faults."""
    document = tmp_path / "examples.xml"
    document.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t'
        '</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>'
        '</sourceDesc></fileDesc></teiHeader><text><body>\n'
        '<p xml:id="a">x</p>\n<p xml:id="a">y</p>\n<p><date when="1959-13-01">z</date></p>\n'
        '<egXML xmlns="http://www.tei-c.org/ns/Examples"><p xml:id="e">u</p>\n'
        '<p xml:id="e">v</p></egXML></body></text></TEI>', encoding="utf-8")
    found = [(d.line, str(d.severity), d.code)
             for d in iter_diagnostics(document, [TEI_ALL], options=Options(embedded=False))]
    assert sorted(found) == [(3, "error", "duplicate-id"), (4, "error", "rng-value"),
                             (6, "warning", "duplicate-id")]
