"""A document naming character entities no DTD here declares (TEI P4's ISO and HTML
sets, ``&AElig;``) is exported, each read as the character HTML gives that name, any
other name kept as text; a warning says so. Nothing is fetched or opened: an external
DTD or entity stays unread."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit import ExportOptions, export_file
from teikit.diagnostics import Severity
from teikit.exporter.entities import with_characters

P4 = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE TEI.2 SYSTEM "http://example.invalid/tei2.dtd" [
<!ENTITY mill "the Mill">
<!ENTITY secret SYSTEM "file:///etc/hostname">
]>
<TEI.2><teiHeader><fileDesc><titleStmt><title>&AElig;lfric at &mill;</title></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>
</teiHeader><text><body><p n="&eacute;">The caf&eacute; &mdash; &AElig;lfric&rsquo;s
&frobnicate; at &mill; &amp; <![CDATA[&AElig; raw]]>&secret;.<!-- &nbsp; --></p>
</body></text></TEI.2>"""


@pytest.mark.parametrize(("to", "view"), [("html", "reading"), ("text", "reading"),
                                          ("text", "transcript")])
def test_undeclared_entities_are_read_as_html_names_them(tmp_path: Path, to: str,
                                                         view: str) -> None:
    source = tmp_path / "aelfric.xml"
    source.write_bytes(P4)
    result = export_file(source, ExportOptions(to=to, view=view, validate=False))
    assert result.data is not None, result.diagnostics
    text = result.data.decode()
    for part in ("café — Ælfric’s", "&frobnicate;" if to == "text" else "&amp;frobnicate;",
                 "the Mill", "&AElig; raw" if to == "text" else "&amp;AElig; raw"):
        assert part in text
    assert not [d for d in result.diagnostics if d.severity is Severity.ERROR]
    said = [d for d in result.diagnostics if d.code == "xml-syntax"]
    assert len(said) == 1 and said[0].severity is Severity.WARNING
    assert "&AElig; (2×) read as Æ" in said[0].message
    assert "&frobnicate; (1×), &secret; (1×) kept as text" in said[0].message


def test_comments_cdata_the_doctype_and_declared_names_are_left_alone() -> None:
    rewritten = with_characters(P4)
    assert rewritten is not None
    assert b"<!-- &nbsp; -->" in rewritten.data
    assert b"<![CDATA[&AElig; raw]]>" in rewritten.data
    assert b"&mill;" in rewritten.data  # an internal entity: the parser reads it
    assert b"&amp;secret;" in rewritten.data  # an external one: never read, kept as text
    assert b"&#198;lfric" in rewritten.data
    assert with_characters(b"<p>&amp; &lt;</p>") is None
    assert with_characters("<p>&AElig;</p>".encode("utf-16")) is None


def test_a_document_not_well_formed_otherwise_is_still_refused(tmp_path: Path) -> None:
    source = tmp_path / "broken.xml"
    source.write_bytes(b"<TEI><text><body><p>&AElig;</b></body></text></TEI>")
    result = export_file(source, ExportOptions(to="html", validate=False))
    assert result.data is None
    assert [d.severity for d in result.diagnostics if d.code == "xml-syntax"] == [
        Severity.ERROR]
