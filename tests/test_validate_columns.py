"""Each diagnostic is located at its own element's start tag, also when elements of the
same name share a line (every one used to get the first one's column)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit.validator import validate_paths
from teikit.validator.lines import start_columns

CASES = [  # (document, element name, the columns of its start tags in document order)
    ("<r><d/><d/> <d>x</d></r>", "d", [4, 8, 13]),
    ("<r><dateline/><date/><date/></r>", "date", [15, 22]),  # not `<dateline`
    ("<r><!-- <d/> --><d/><d/></r>", "d", [0, 0]),  # a tag in a comment: not countable
    ("<r>\n<d\n  n='1'><d/></d></r>", "d", [0, 9]),  # the first began on an earlier line
    ("<r xmlns:p='urn:p'><p:d/><d/><p:d/></r>", "d", [26]),
    ("<r xmlns:p='urn:p'><p:d/><d/><p:d/></r>", "{urn:p}d", [20, 30]),
    ("<r><d><d><d/></d></d></r>", "d", [4, 7, 10]),  # nested on one line
]


@pytest.mark.parametrize(("document", "name", "columns"), CASES)
def test_start_columns(document: str, name: str, columns: list[int]) -> None:
    root = etree.fromstring(document)
    elements = list(root.iter(name))
    lines = document.split("\n")
    found = [start_columns(lines[(e.sourceline or 1) - 1], e).get(e, 0) for e in elements]
    assert found == columns


SCHEMA = """<grammar xmlns="http://relaxng.org/ns/structure/1.0"
 datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
<start><element name="p"><zeroOrMore><choice><text/><element name="date">
<attribute name="when"><data type="date"/></attribute><text/></element></choice>
</zeroOrMore></element></start></grammar>"""


def test_faults_of_same_named_elements_on_one_line(tmp_path: Path) -> None:
    schema, document = tmp_path / "p.rng", tmp_path / "p.xml"
    schema.write_text(SCHEMA, encoding="utf-8")
    document.write_text('<p><date when="1959-13-01">x</date> <date when="1959-02-30">y'
                        '</date> <date when="abc">z</date></p>\n', encoding="utf-8")
    [result] = validate_paths([document], [schema])
    assert [(d.line, d.column) for d in result.diagnostics] == [(1, 4), (1, 37), (1, 70)]
