"""Tables in every view: in the text views each row is a line, its cells apart by tabs
(a cell spanning columns or rows keeps the cells after it in their columns); on the page,
label rows and cells are headers and spans are HTML spans."""

from __future__ import annotations

import lxml.html

from teikit.exporter import export
from teikit.tei import TEI_NS, parse_bytes

DOCUMENT = (f'<TEI xmlns="{TEI_NS}"><text><body>'.encode()
            + b"<p>Tolls.</p>\n<table>\n <head>Tolls at the bridge</head>\n"
            b' <row role="label"><cell>Cart</cell><cell>Horse</cell><cell>Foot</cell></row>\n'
            b' <row><cell role="label" rows="2">Summer</cell><cell>2d</cell><cell>1d</cell>'
            b"</row>\n"
            b' <row><cell cols="2">free <lb/>on fair days</cell></row>\n'
            b"  <row><cell><p>One.</p><p>Two.</p></cell><cell/><cell>3d</cell></row>\n"
            b"</table>\n<p>After.</p></body></text></TEI>")


def test_reading_text_rows_are_lines_of_cells() -> None:
    text = export(parse_bytes(DOCUMENT), "text", view="reading").decode()
    assert text == ("Tolls.\n\nTolls at the bridge\nCart\tHorse\tFoot\nSummer\t2d\t1d\n"
                    "\tfree on fair days\nOne. Two.\t\t3d\n\nAfter.\n")


def test_transcript_rows_are_lines_of_cells() -> None:
    text = export(parse_bytes(DOCUMENT), "text", view="transcript").decode()
    assert "Cart\tHorse\tFoot\nSummer\t2d\t1d\n" in text
    assert "One. Two.\t\t3d\n" in text


def test_page_has_header_cells_and_spans() -> None:
    page = lxml.html.document_fromstring(export(parse_bytes(DOCUMENT), "html"))
    table = page.xpath("//article//table")[0]
    assert [th.text_content() for th in table.xpath("thead/tr/th")] == [
        "Cart", "Horse", "Foot"]
    assert table.xpath("tbody/tr[1]/th[@rowspan='2']/text()") == ["Summer"]
    assert table.xpath("tbody/tr[2]/td[@colspan='2']")
    assert table.xpath("caption")[0].text_content() == "Tolls at the bridge"
