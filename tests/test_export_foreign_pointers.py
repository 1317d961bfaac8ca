"""A ``ptr`` with several targets links each of them, and the text views say each (only
the first was linked, or said, before)."""

from __future__ import annotations

import lxml.html

from teikit.exporter import export
from teikit.tei import TEI_NS, parse_bytes

DOCUMENT = (f'<TEI xmlns="{TEI_NS}"><text><body>'.encode()
            + b'<div xml:id="mills"><head>Mills</head><p>Water.</p></div>'
            b'<div xml:id="weirs"><head>Weirs</head><p>Stone.</p></div>'
            b'<p>See <ptr target="#mills #weirs https://example.org/river/"/> and '
            b'<ptr target="#weirs"/>.</p></body></text></TEI>')


def test_page_links_each_target() -> None:
    page = lxml.html.document_fromstring(export(parse_bytes(DOCUMENT), "html"))
    links = page.xpath("//article//a[contains(@class, 'ptr')]")
    assert [(a.get("href"), a.text_content()) for a in links] == [
        ("#mills", "Mills"), ("#weirs", "Weirs"), ("https://example.org/river/",
                                                   "example.org/river"), ("#weirs", "Weirs")]
    paragraph = page.xpath("//article//p[contains(., 'See')]")[0]
    assert " ".join(paragraph.text_content().split()) == \
        "See Mills, Weirs, example.org/river and Weirs."
    assert len({a.get("id") for a in links if a.get("id")}) == 2  # the first of each ptr


def test_reading_text_says_each_target() -> None:
    text = export(parse_bytes(DOCUMENT), "text", view="reading").decode()
    assert text.endswith("See Mills, Weirs, example.org/river and Weirs.\n")
