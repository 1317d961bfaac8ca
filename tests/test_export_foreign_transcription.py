"""Transcription signs other projects use: a deletion cancelled by ``restore`` is text
again, and ruby glosses (``ruby``/``rb``/``rt``) sit over their base on the page and
follow it in parentheses in plain text."""

from __future__ import annotations

import lxml.html

from teikit.exporter import export
from teikit.exporter.restored import is_restored
from teikit.tei import TEI_NS, parse_bytes

HEADER = (b"<teiHeader><fileDesc><titleStmt><title>Harbour Diary</title></titleStmt>"
          b"<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>"
          b"</fileDesc></teiHeader>")


def document(body: bytes) -> bytes:
    return (f'<TEI xmlns="{TEI_NS}">'.encode() + HEADER + b"<text><body>" + body
            + b"</body></text></TEI>")


RESTORED = document(
    b'<p>The boat was <restore hand="#h1"><del>never</del></restore> late, '
    b'<del>sadly</del> so they said.</p>')
RUBY = document(b"<p>The <ruby><rb>\xe6\xb8\xaf</rb><rt>minato</rt></ruby> at dawn, "
                b'<rt target="#x">gloss</rt>.</p>')


def page(data: bytes, view: str = "reading") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(export(parse_bytes(data), "html", view))


def text(data: bytes, view: str = "reading") -> str:
    return export(parse_bytes(data), "text", view).decode()


def test_a_restored_deletion_is_in_the_reading_text() -> None:
    assert "The boat was never late, so they said." in text(RESTORED)


def test_a_restored_deletion_is_shown_unstruck_in_both_views() -> None:
    html = page(RESTORED)
    restored = html.xpath("//article//span[@class='restored']")
    assert [(s.text, s.get("title")) for s in restored] == [
        ("never", "Deleted, then restored in the source")]
    assert html.xpath("//article//del/text()") == ["sadly"]  # a plain deletion still struck
    assert html.xpath("//article//del/@class") == ["del ed-only"]


def test_only_a_deletion_directly_in_restore_is_restored() -> None:
    root = parse_bytes(RESTORED).getroot()
    assert [is_restored(d) for d in root.iter(f"{{{TEI_NS}}}del")] == [True, False]


def test_ruby_is_html_ruby_with_fallback_parentheses() -> None:
    html = page(RUBY)
    ruby = html.xpath("//article//ruby")[0]
    assert [child.tag for child in ruby] == ["span", "rp", "rt", "rp"]
    assert ruby.xpath("rt/text()") == ["minato"]
    assert " ".join(html.xpath("string(//article//p)").split()) == \
        "The \u6e2f(minato) at dawn, (gloss)."


def test_ruby_glosses_follow_their_base_in_plain_text() -> None:
    assert "The \u6e2f(minato) at dawn, (gloss)." in text(RUBY)
    assert "The \u6e2f(minato) at dawn, (gloss)." in text(RUBY, "transcript")
