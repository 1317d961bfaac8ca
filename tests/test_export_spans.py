"""Text between a ``delSpan`` and the element its ``@spanTo`` names is deleted text: the
reading text leaves it out, the reading page hides it, the editorial page strikes it
through; text between an ``addSpan`` and its end is an addition. The transcript view
keeps it as it stands."""

from __future__ import annotations

import lxml.html

from teikit.exporter import export
from teikit.tei import TEI_NS, parse_bytes

DOCUMENT = (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>Mill Diary'
            "</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc>"
            "<p>x</p></sourceDesc></fileDesc></teiHeader><text><body><div>"
            '<p>The wheel turned <delSpan spanTo="#e1" hand="#miller"/>slowly in the '
            "<hi>frost</hi></p><p>and the sluice froze</p><lg><l>over the weir</l></lg>"
            '<p>all night <anchor xml:id="e1"/>until noon.</p>'
            '<p>Grain came <addSpan spanTo="#e2"/>by cart</p><p>from Elm Farm<anchor '
            'xml:id="e2"/> at dawn.</p>'
            '<p>Kept <delSpan spanTo="#nowhere"/>still here<anchor xml:id="early"/> and '
            '<delSpan spanTo="#early"/>here.</p></div></body></text></TEI>').encode()
DELETED = ("slowly", "frost", "sluice", "weir", "night")


def test_the_reading_text_leaves_a_deleted_span_out() -> None:
    text = export(parse_bytes(DOCUMENT), "text", "reading").decode()
    assert "The wheel turned" in text
    assert "until noon." in text
    assert not [word for word in DELETED if word in text]
    assert "by cart" in text and "from Elm Farm at dawn." in text
    assert "Kept still here and here." in text  # no end, or an end before it: as it is


def test_the_page_strikes_a_deleted_span_for_editing_only() -> None:
    page = lxml.html.document_fromstring(export(parse_bytes(DOCUMENT), "html"))
    struck = " ".join(d.text_content() for d in page.xpath("//article//del"))
    assert all(word in struck for word in DELETED)
    assert all("ed-only" in d.get("class") for d in page.xpath("//article//del"))
    assert page.xpath("//article//del")[0].get("title").endswith("miller")
    assert "Elm Farm" in " ".join(i.text_content() for i in page.xpath("//article//ins"))
    assert page.xpath("//article//p[contains(., 'Kept still here')]")


def test_the_transcript_keeps_the_span_as_it_stands() -> None:
    text = export(parse_bytes(DOCUMENT), "text", "transcript").decode()
    assert all(word in text for word in DELETED)
