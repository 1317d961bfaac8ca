"""Documentary transcriptions (``sourceDoc`` > ``surface`` > ``zone`` > ``line``, with no
``text``) are rendered as the document's text, and pretty-printed TEI keeps its words
whole: the whitespace that lays out a ``choice`` or an ``app`` is not text."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

import teikit
from teikit.exporter import export
from teikit.exporter.documentary import with_text
from teikit.exporter.layout_space import text_in
from teikit.tei import TEI_NS, parse_bytes, tei

HEADER = (b"<teiHeader><fileDesc><titleStmt><title>Quay Notebook</title></titleStmt>"
          b"<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>"
          b"</fileDesc></teiHeader>")
TRANSCRIPTION = (f'<TEI xmlns="{TEI_NS}">'.encode() + HEADER + b"""
<sourceDoc><surface n="1r"><zone type="main">
  <line>The tide came <hi rend="underline">early</hi></line>
  <line>and the boats <del>were</del> lay still.</line>
</zone><zone type="margin"><line>Ask the harbour master.</line></zone></surface>
<surface n="1v"><zone><line>Second leaf.</line></zone></surface></sourceDoc></TEI>""")
BOTH = (f'<TEI xmlns="{TEI_NS}">'.encode() + HEADER
        + b"<sourceDoc><surface><zone><line>Draft line.</line></zone></surface></sourceDoc>"
        b"<text><body><p>Edited text.</p></body></text></TEI>")
PRETTY = (f'<TEI xmlns="{TEI_NS}">'.encode() + HEADER + b"""<text><body>
<p>Dear H<choice>
    <abbr>r</abbr>
    <expan>err</expan>
  </choice>n Smith, the <app>
    <lem>d</lem>
    <rdg wit="#B">D</rdg>
  </app>ay was <choice>
    <sic>fien</sic>
    <corr>fine</corr>
  </choice>.</p></body></text></TEI>""")


def page(data: bytes) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(export(parse_bytes(data), "html"))


def test_a_transcription_in_source_doc_is_the_reading_text() -> None:
    text = export(parse_bytes(TRANSCRIPTION), "text", "reading").decode()
    assert ("The tide came early\nand the boats lay still.\n\nAsk the harbour master."
            "\n\nSecond leaf.") in text


def test_a_transcription_in_source_doc_is_the_page() -> None:
    html = page(TRANSCRIPTION)
    lines = html.xpath("//article//div[@class='line']")
    assert [" ".join(line.text_content().split()) for line in lines] == [
        "The tide came early", "and the boats were lay still.", "Ask the harbour master.",
        "Second leaf."]  # the deletion is shown in the editorial view only
    assert html.xpath("//article//del[contains(@class, 'ed-only')]/text()") == ["were"]
    assert len(html.xpath("//article//div[contains(@class, 'surface')]")) == 2
    assert html.xpath("//article//div[@class='zone zone-margin']/div/text()") == [
        "Ask the harbour master."]
    assert not html.xpath("//*[@data-tei]")


def test_a_document_with_a_text_keeps_it_and_its_source_doc_is_left_alone() -> None:
    assert with_text(parse_bytes(BOTH)) is None
    text = export(parse_bytes(BOTH), "text", "reading").decode()
    assert "Edited text." in text and "Draft line." not in text


def test_the_copy_moves_every_source_doc_into_one_text() -> None:
    tree = with_text(parse_bytes(TRANSCRIPTION))
    assert tree is not None
    root = tree.getroot()
    assert [child.tag for child in root] == [tei("teiHeader"), tei("text")]
    assert len(root.findall(f"{tei('text')}/{tei('body')}/{tei('sourceDoc')}")) == 1


def test_the_warning_says_the_transcription_is_rendered(tmp_path: Path) -> None:
    source = tmp_path / "notebook.xml"
    source.write_bytes(TRANSCRIPTION)
    result = teikit.export_file(source, teikit.ExportOptions(validate=False))
    assert [d.message for d in result.diagnostics if d.code == "TK503"] == [
        "a TEI without <text>: its transcription in <sourceDoc> is rendered as its text"]


def test_layout_whitespace_in_a_choice_or_an_app_is_not_text() -> None:
    text = export(parse_bytes(PRETTY), "text", "reading").decode()
    assert "Dear Herrn Smith, the day was fine." in text
    html = page(PRETTY)
    article = html.xpath("//article//p")[0]
    for hidden in article.xpath(".//*[contains(@class, 'ed-only')]"):
        hidden.drop_tree()
    assert " ".join(article.text_content().split()) == "Dear Herrn Smith, the day was fine."


@pytest.mark.parametrize(("tag", "text", "kept"), [
    (tei("choice"), "\n   ", None), (tei("app"), " ", None), (tei("subst"), "\n", None),
    (tei("choice"), " or ", " or "), (tei("p"), "\n  ", "\n  "), (tei("choice"), None, None),
])
def test_text_in(tag: str, text: str | None, kept: str | None) -> None:
    assert text_in(tag, text) == kept


TWO_TEXTS = (f'<TEI xmlns="{TEI_NS}">'.encode() + HEADER
             + b"<text><body><p>First log.</p></body></text>"
             b"<text><body><p>Second log.</p></body></text></TEI>")


def test_every_text_of_a_document_with_several_is_rendered() -> None:
    text = export(parse_bytes(TWO_TEXTS), "text", "reading").decode()
    assert "First log.\n\nSecond log." in text
    html = page(TWO_TEXTS)
    assert [" ".join(t.text_content().split()) for t in
            html.xpath("//article/div[@class='group']/div[@class='text']")] == [
        "First log.", "Second log."]
