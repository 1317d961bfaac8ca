"""Tokenised corpora that write their sentences, clauses or phrases side by side with no
whitespace (``<s>…</s><s>…</s>``) keep the sentences apart in both reading views."""

from __future__ import annotations

import lxml.html

from teikit.exporter import export
from teikit.tei import TEI_NS, parse_bytes

DOCUMENT = (f'<TEI xmlns="{TEI_NS}"><text><body><p>'.encode()
            + b"<s><w>Boats</w><w>came</w><pc>.</pc></s><s><cl><w>Gulls</w><w>cried</w></cl>"
            b"<cl><w>nets</w><w>dried</w></cl><pc>.</pc></s><s><phr><w>Then</w></phr>"
            b"<phr><w>rain</w></phr></s></p></body></text></TEI>")


def test_sentences_clauses_and_phrases_side_by_side_are_spaced() -> None:
    expected = "Boats came. Gulls cried nets dried. Then rain"
    assert export(parse_bytes(DOCUMENT), "text", "reading").decode().strip() == expected
    page = lxml.html.document_fromstring(export(parse_bytes(DOCUMENT), "html"))
    assert page.xpath("string(//article//p)") == expected
