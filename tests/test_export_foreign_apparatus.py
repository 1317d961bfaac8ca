"""Variant readings in running text as editions without a base text write them: an
``app`` without ``lem`` reads as its first reading (not all readings run together), and a
``note`` inside an ``app`` is a footnote, in the page and in the reading text."""

from __future__ import annotations

import copy

import lxml.html

from teikit.exporter import export
from teikit.exporter.variants import is_apparatus_entry, kept_path
from teikit.tei import TEI_NS, parse_bytes

HEADER = (b"<teiHeader><fileDesc><titleStmt><title>Ferry Book</title></titleStmt>"
          b"<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>"
          b"</fileDesc></teiHeader>")


def document(body: bytes) -> bytes:
    return (f'<TEI xmlns="{TEI_NS}">'.encode() + HEADER + b"<text><body>" + body
            + b"</body></text></TEI>")


PARALLEL = document(
    b'<p>The ferry <app><rdg wit="#A">sails</rdg><rdg wit="#B">sailed</rdg></app> at dawn.</p>'
    b'<p>Nets <app><rdgGrp type="orthographic"><rdg wit="#A">dried</rdg><rdg wit="#C">dryed'
    b'</rdg></rdgGrp><rdg wit="#B">mended</rdg></app> on the quay.</p>')
NOTED = document(
    b'<p>Tide <app><lem wit="#A">high</lem><rdg wit="#B">low</rdg>'
    b'<note>B is water-damaged here.</note></app> today.</p>')
APPARATUS = document(
    b'<p>Text.</p><div type="apparatus"><listApp><app loc="1"><lem>high</lem>'
    b'<rdg wit="#B">low</rdg><note>A comment.</note></app></listApp></div>')


def page(data: bytes, view: str = "reading") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(export(parse_bytes(data), "html", view))


def reading_text(data: bytes) -> str:
    return export(parse_bytes(data), "text", "reading").decode()


def reader_sees(html: lxml.html.HtmlElement, xpath: str) -> str:
    """The text of the match without what only the editorial view shows."""
    found = copy.deepcopy(html.xpath(xpath)[0])
    for hidden in found.xpath(".//*[contains(concat(' ', @class, ' '), ' ed-only ')]"):
        hidden.drop_tree()
    return " ".join(found.text_content().split())


def test_reading_text_keeps_the_first_reading_of_an_app_without_lemma() -> None:
    text = reading_text(PARALLEL)
    assert "The ferry sails at dawn." in text
    assert "Nets dried on the quay." in text
    for variant in ("sailed", "dryed", "mended"):
        assert variant not in text


def test_page_shows_the_first_reading_and_the_others_in_the_editorial_view() -> None:
    html = page(PARALLEL)
    assert reader_sees(html, "(//article//p)[1]") == "The ferry sails at dawn."
    assert reader_sees(html, "(//article//p)[2]") == "Nets dried on the quay."
    variants = html.xpath("(//article//p)[1]//span[contains(@class, 'app-variants')]")[0]
    assert " ".join(variants.text_content().split()) == "(sailed B)"
    assert html.xpath("(//article//p)[1]//span[@class='gen wit ed-only']/text()") == [" A"]
    grouped = html.xpath("(//article//p)[2]//span[contains(@class, 'app-variants')]")[0]
    assert " ".join(grouped.text_content().split()) == "(dryed C; mended B)"


def test_a_note_in_an_app_of_the_text_is_a_footnote() -> None:
    text = reading_text(NOTED)
    assert "Tide high today." in text
    assert text.rstrip().endswith("[a] B is water-damaged here.")
    html = page(NOTED)
    assert reader_sees(html, "(//article//p)[1]") == "Tide higha today."  # the call "a"
    assert html.xpath("//section[contains(@class, 'footnotes')]//li/text()")[0].strip() \
        == "B is water-damaged here."


def test_an_apparatus_entry_keeps_its_comment_in_place() -> None:
    text = reading_text(APPARATUS)
    assert "1: high] low. A comment." in text
    assert "Notes to the text" not in text
    assert not page(APPARATUS).xpath("//section[contains(@class, 'footnotes')]")


def test_kept_path_prefers_the_lemma_then_the_first_reading() -> None:
    root = parse_bytes(PARALLEL).getroot()
    first, second = root.iter(f"{{{TEI_NS}}}app")
    assert [e.text for e in kept_path(first)] == ["sails"]
    assert [e.get("type") or e.text for e in kept_path(second)] == ["orthographic", "dried"]
    noted = next(parse_bytes(NOTED).getroot().iter(f"{{{TEI_NS}}}app"))
    assert [e.text for e in kept_path(noted)] == ["high"]
    assert not is_apparatus_entry(noted)
    entry = next(parse_bytes(APPARATUS).getroot().iter(f"{{{TEI_NS}}}app"))
    assert is_apparatus_entry(entry)


WITNESSES = (f'<TEI xmlns="{TEI_NS}">'.encode() + HEADER + b"<text><front><listWit>"
             b'<head>Witnesses</head><witness xml:id="A">Harbour roll</witness>'
             b'<witness xml:id="B">Ferry <hi>log</hi></witness><listWit xml:id="late">'
             b'<witness xml:id="C">Late copy</witness></listWit></listWit></front>'
             b'<body><p>Kept by <witness>A</witness> alone.</p></body></text></TEI>')


def test_a_list_of_witnesses_is_a_list_with_the_sigla_as_ids() -> None:
    html = page(WITNESSES)
    listed = html.xpath("//article//div[@class='listWit']")[0]
    assert listed.xpath("p[@class='head']/text()") == ["Witnesses"]
    assert [(li.get("id"), " ".join(li.text_content().split()))
            for li in listed.xpath("ul/li")] == [
        ("A", "Harbour roll"), ("B", "Ferry log"), (None, "Late copy")]
    assert listed.xpath("ul/li[3]/div[@id='late']/ul/li[@id='C']/text()") == ["Late copy"]
    assert not html.xpath("//ul/*[not(self::li)]")
    assert not html.xpath("//*[@data-tei]")


def test_witnesses_are_lines_in_their_list_and_words_in_a_sentence() -> None:
    text = reading_text(WITNESSES)
    assert "Witnesses\n\nHarbour roll\nFerry log\n\nLate copy" in text
    assert "Kept by A alone." in text
