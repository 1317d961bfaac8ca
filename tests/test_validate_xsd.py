"""XSD: large schemas go to libxml2, whose error paths name elements by the document's own
prefixes; each problem is located at its element, whatever the prefixes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit.cli import app
from teikit.validator import iter_diagnostics, load_schema
from teikit.validator.xsd import LARGE, node_at

GRAMMAR = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t"
    xmlns="urn:t" elementFormDefault="qualified">
  <xs:element name="r"><xs:complexType><xs:sequence>
    <xs:element name="a" type="xs:int" maxOccurs="unbounded"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>"""


@pytest.fixture
def large_xsd(tmp_path: Path) -> Path:
    """A schema past the size at which libxml2 validates (padded with a comment)."""
    path = tmp_path / "large.xsd"
    path.write_text(f"<!-- {'padding ' * (LARGE // 7)} -->\n{GRAMMAR}", encoding="utf-8")
    assert path.stat().st_size > LARGE
    return path


DOCS = {
    "prefixed.xml": '<t:r xmlns:t="urn:t">\n<t:a>1</t:a>\n<t:a>x</t:a>\n<t:b/>\n</t:r>',
    "default.xml": '<r xmlns="urn:t">\n<a>1</a>\n<a>x</a>\n</r>',
    "two-prefixes.xml": '<p:r xmlns:p="urn:t">\n<q:a xmlns:q="urn:t">x</q:a>\n</p:r>',
}


@pytest.mark.parametrize("name, lines", [
    ("prefixed.xml", [3, 4]), ("default.xml", [3]), ("two-prefixes.xml", [2])])
def test_errors_on_prefixed_elements_are_located(large_xsd: Path, tmp_path: Path, name: str,
                                                 lines: list[int]) -> None:
    doc = tmp_path / name
    doc.write_text(DOCS[name], encoding="utf-8")
    found = list(iter_diagnostics(doc, [load_schema(large_xsd)]))
    assert [d.line for d in found] == lines
    assert all(d.code == "xsd" and d.xpath for d in found)


def test_a_batch_reports_every_file(large_xsd: Path, tmp_path: Path) -> None:
    for name, text in DOCS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = CliRunner().invoke(app, ["validate", "--schema", str(large_xsd), str(tmp_path)])
    assert run.exit_code == 1, run.output
    assert "3 files checked: 0 valid, 3 invalid" in run.stderr


@pytest.mark.parametrize("path, found", [
    ("/t:r/t:a[2]", "second"), ("/t:r/t:a", "first"), ("/t:r/u:a", "other"),
    ("/t:r/t:a[3]", None), ("/t:r/*[2]", "other"), ("/t:r/plain", "plain"), ("relative", None)])
def test_node_at_walks_libxml2_paths(path: str, found: str | None) -> None:
    tree = etree.fromstring(
        '<t:r xmlns:t="urn:t" xmlns:u="urn:t"><t:a n="first"/><u:a n="other"/>'
        '<t:a n="second"/><plain n="plain"/></t:r>').getroottree()
    node = node_at(tree, path)
    assert (node.get("n") if node is not None else None) == found


def test_node_at_counts_every_element_for_a_default_namespace_step() -> None:
    tree = etree.fromstring('<r xmlns="urn:t"><a/><b n="x"/><a n="y"/></r>').getroottree()
    assert node_at(tree, "/*/*[2]").get("n") == "x"  # type: ignore[union-attr]
    assert node_at(tree, "/*/*[3]").get("n") == "y"  # type: ignore[union-attr]
