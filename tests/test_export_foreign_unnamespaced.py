"""TEI written without its namespace (P5 without ``xmlns``, P4's ``TEI.2``) is rendered as
TEI: its header is not run into the text, its verse, notes and choices have their rules."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

import teikit
from teikit.exporter import export
from teikit.exporter.unnamespaced import as_tei
from teikit.tei import TEI_NS, parse_bytes, xml

P5_WITHOUT_NAMESPACE = b"""<TEI><teiHeader><fileDesc><titleStmt><title>Harbour Songs</title>
</titleStmt><publicationStmt><p>Privately kept.</p></publicationStmt><sourceDesc><p>A notebook.
</p></sourceDesc></fileDesc></teiHeader><text><body><div><head>Tides</head>
<lg><l>The gulls go out</l><l>the <hi rend="italic">boats</hi> come in</l></lg>
<p>Mended the net<note place="foot">with tarred twine</note> by <choice><sic>teh</sic>
<corr>the</corr></choice> quay.</p></div></body></text></TEI>"""

P4_CORPUS = b"""<teiCorpus.2><teiHeader><fileDesc><titleStmt><title>Two Logs</title></titleStmt>
</fileDesc></teiHeader>
<TEI.2 id="log1"><teiHeader><fileDesc><titleStmt><title>First log</title></titleStmt>
</fileDesc></teiHeader><text lang="la" TEIform="text"><body><div1 type="day" id="d1">
<head>Monday</head><p>Ventus <foreign lang="en">west</foreign> erat.</p></div1></body></text>
</TEI.2>
<TEI.2 id="log2"><teiHeader><fileDesc><titleStmt><title>Second log</title></titleStmt>
</fileDesc></teiHeader><text><body><p>Calm all day.</p></body></text></TEI.2>
</teiCorpus.2>"""


def page(data: bytes) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(export(parse_bytes(data), "html"))


def test_p5_without_namespace_is_rendered_as_tei() -> None:
    html = page(P5_WITHOUT_NAMESPACE)
    assert html.xpath("//h1/text()") == ["Harbour Songs"]
    assert not html.xpath("//*[@data-tei]")  # no element is unknown
    assert [" ".join(line.text_content().split()) for line in
            html.xpath("//article//div[contains(@class, 'l')][not(contains(@class, 'lg'))]")
            ] == ["The gulls go out", "the boats come in"]
    assert html.xpath("//article//i[contains(@class, 'hi-italic')]/text()") == ["boats"]
    assert "Privately kept" not in html.xpath("string(//article)")  # the header stays out
    assert html.xpath("//section[contains(@class, 'footnotes')]//li[1]/text()")[0].strip() \
        == "with tarred twine"


def test_reading_text_of_p5_without_namespace_has_one_side_of_each_choice() -> None:
    text = export(parse_bytes(P5_WITHOUT_NAMESPACE), "text", "reading").decode()
    assert "by the quay." in text
    assert "teh" not in text
    assert "Privately kept" not in text
    assert "The gulls go out\nthe boats come in" in text


def test_p4_corpus_members_ids_and_languages() -> None:
    html = page(P4_CORPUS)
    assert len(html.xpath("//article/section[@class='member']")) == 2
    assert html.xpath("//section[@id='d1']/*[@class='head']/text()") == ["Monday"]
    assert html.xpath("//article//*[@lang='en']/text()") == ["west"]
    text = export(parse_bytes(P4_CORPUS), "text", "reading").decode()
    assert "Ventus west erat." in text and "Calm all day." in text


def test_the_copy_is_tei_and_the_source_is_untouched() -> None:
    source = parse_bytes(P4_CORPUS)
    tei = as_tei(source)
    assert tei is not None
    root = tei.getroot()
    assert root.tag == f"{{{TEI_NS}}}teiCorpus"
    assert [m.get(xml("id")) for m in root.iter(f"{{{TEI_NS}}}TEI")] == ["log1", "log2"]
    assert not [e for e in root.iter() if not e.tag.startswith(f"{{{TEI_NS}}}")]
    assert root.find(f".//{{{TEI_NS}}}text").get(xml("lang")) == "la"
    assert source.getroot().tag == "teiCorpus.2"


@pytest.mark.parametrize("data", [
    b"<doc><p>Plain</p></doc>",  # another vocabulary
    f'<TEI xmlns="{TEI_NS}"><text><body><p>Set</p></body></text></TEI>'.encode(),
    b'<TEI xmlns="urn:other"><p>Other</p></TEI>',
])
def test_other_documents_are_left_as_they_are(data: bytes) -> None:
    assert as_tei(parse_bytes(data)) is None


def test_the_warning_says_it_is_read_as_tei(tmp_path: Path) -> None:
    source = tmp_path / "p4.xml"
    source.write_bytes(P4_CORPUS)
    result = teikit.export_file(source, teikit.ExportOptions(validate=False))
    assert result.exported
    assert [(d.code, d.message) for d in result.diagnostics if d.code == "TK506"] == [
        ("TK506", "the root element is 'teiCorpus.2' in no namespace: its elements are "
         "read as TEI")]
    assert not result.unruled


P4_POINTERS = b"""<TEI.2><teiHeader><fileDesc><titleStmt><title>Quay Play</title></titleStmt>
</fileDesc></teiHeader><text><body><div1 type="act"><castList><castItem><role id="sos">Sosia
</role></castItem></castList><sp who="sos"><speaker>SOS.</speaker><l>Ahoy<note id="n1"
place="foot">Shouted.</note></l></sp><p>See <ref target="n1">the note</ref>, <ref
target="other.xml">the next act</ref>.</p></div1></body></text></TEI.2>"""


def test_p4_bare_id_pointers_are_local_pointers() -> None:
    tei = as_tei(parse_bytes(P4_POINTERS))
    assert tei is not None
    root = tei.getroot()
    assert [e.get("target") for e in root.iter(f"{{{TEI_NS}}}ref")] == ["#n1", "other.xml"]
    assert next(root.iter(f"{{{TEI_NS}}}sp")).get("who") == "#sos"
    html = page(P4_POINTERS)
    assert html.xpath("//article//a[@class='ref']/@href") == ["#n1"]


def test_p5_without_namespace_keeps_its_pointers() -> None:
    tei = as_tei(parse_bytes(b'<TEI><text><body><p xml:id="a"><ref target="a">x</ref></p>'
                             b"</body></text></TEI>"))
    assert tei is not None
    assert next(tei.getroot().iter(f"{{{TEI_NS}}}ref")).get("target") == "a"
