"""Elements of the TEI's core, text structure, verse, drama, transcription and names
modules (and ``lang``, ``post``) that the exporter read as unknown elements are rendered
as the TEI means them: a glossary list's column headings, a rhyme, a language's name, a
social-media post, a stage direction's camera and sound, an address's street, a licence
to print, the markers of spans and lacunae (which carry no words)."""

from __future__ import annotations

import lxml.html

from teikit.exporter import export
from teikit.exporter.text.reading import reading_text
from teikit.tei import TEI_NS, parse_bytes

DOCUMENT = (f'<TEI xmlns="{TEI_NS}"><text><front><imprimatur>Licensed to print.</imprimatur>'
            "<docEdition>The second edition</docEdition></front><body>".encode()
            + b"<list><headLabel>Word</headLabel><headItem>Sense</headItem>"
            b"<label>quay</label><item>a landing place</item></list>"
            b'<lg><l>The gulls that <rhyme label="a">cry</rhyme></l>'
            b'<l>over the <rhyme label="a">sky</rhyme></l></lg>'
            b"<sp><stage>Dawn. <sound>A bell.</sound> <camera>Close up.</camera></stage>"
            b"<p>Who rings?</p></sp>"
            b"<p>Written in <lang>Breton</lang>: <ellipsis><metamark>...</metamark></ellipsis>"
            b'<delSpan spanTo="#e1"/>struck<anchor xml:id="e1"/> out.</p>'
            b"<address><street>Quay Street</street><postCode>PL1</postCode></address>"
            b"<post><p>Ferry late again.</p></post>"
            b"<listPerson><person><persName>Anna</persName><gender>female</gender></person>"
            b"</listPerson>"
            b"</body></text></TEI>")


def test_page_has_no_unknown_elements() -> None:
    page = lxml.html.document_fromstring(export(parse_bytes(DOCUMENT), "html"))
    article = page.xpath("//article")[0]
    assert article.xpath(".//*[@data-tei]") == []
    assert [e.text_content() for e in article.xpath(".//dl/*[strong]")] == ["Word", "Sense"]
    assert [e.text_content() for e in article.xpath(".//span[@class='rhyme']")] == [
        "cry", "sky"]
    assert article.xpath(".//div[@class='post']/p/text()") == ["Ferry late again."]
    assert article.xpath(".//*[contains(@class, 'delSpan')]") == []


def test_reading_text_reads_them_in_their_places() -> None:
    text, unruled = reading_text(parse_bytes(DOCUMENT))
    assert unruled == {}
    assert text == ("Licensed to print.\n\nThe second edition\n\nWord Sense\nquay a landing "
                    "place\n\nThe gulls that cry\nover the sky\n\nDawn. A bell. Close up.\n"
                    "Who rings?\n\nWritten in Breton: ...struck out.\n\nQuay Street\nPL1\n\n"
                    "Ferry late again.\n\nAnna\nfemale\n")


def test_music_loci_and_voice_shifts_are_known() -> None:
    document = (f'<TEI xmlns="{TEI_NS}"><text><body>'.encode()
                + b'<p>Then <shift feature="loud" new="f"/>stop <locusGrp><locus>f. 2r</locus>'
                b"</locusGrp>.</p><notatedMusic><desc>A hymn tune</desc></notatedMusic>"
                b"</body></text></TEI>")
    text, unruled = reading_text(parse_bytes(document))
    assert unruled == {}
    assert text == "Then stop f. 2r.\n\nA hymn tune\n"
    page = export(parse_bytes(document), "html")
    assert b"data-tei" not in page
