"""Elements quoted alone, outside the parent they usually stand in (a manual's examples,
an excerpt): each renders as the HTML it would in its place, a list item in a list."""

from __future__ import annotations

import lxml.html

from teikit.exporter import export
from teikit.tei import TEI_NS, parse_bytes

DOCUMENT = (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>Playbill'
            "</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc>"
            "<p>x</p></sourceDesc></fileDesc></teiHeader><text><body><div>"
            "<castItem><role>Ferryman</role> <actor>Tom Quay</actor></castItem></div>"
            "<castList><castItem><role>Pilot</role></castItem></castList>"
            "<p>As <castItem><role>Mate</role></castItem> said.</p></body></text></TEI>"
            ).encode()


def test_a_cast_entry_alone_is_an_item_of_a_cast_list() -> None:
    page = lxml.html.document_fromstring(export(parse_bytes(DOCUMENT), "html"))
    items = page.xpath("//article//li")
    assert [li.getparent().tag for li in items] == ["ul", "ul"]
    assert page.xpath("string(//article//div//ul[@class='cast']/li)") == \
        "Ferryman — Tom Quay"
    assert page.xpath("//article//p//span[contains(@class, 'castItem')]")


ALONE = (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>Tide table'
         "</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc>"
         "<p>x</p></sourceDesc></fileDesc></teiHeader><text><body>"
         "<div><row><cell>High</cell><cell>6.10</cell></row></div><div><cell>Low</cell>"
         "</div><div><castGroup><castItem><role>Crew</role></castItem></castGroup></div>"
         "<table><row><cell>Neap</cell></row></table></body></text></TEI>").encode()
PARENTS = {"li": ("ul", "ol"), "tr": ("table", "thead", "tbody", "tfoot"), "td": ("tr",),
           "th": ("tr",)}


def test_rows_cells_and_cast_groups_alone_stand_in_their_html_parents() -> None:
    page = lxml.html.document_fromstring(export(parse_bytes(ALONE), "html"))
    misplaced = [(e.tag, e.getparent().tag) for e in page.xpath("//article//*")
                 if e.tag in PARENTS and e.getparent().tag not in PARENTS[e.tag]]
    assert misplaced == []
    assert [" ".join(t.text_content().split()) for t in page.xpath("//article//table")] \
        == ["High6.10", "Low", "Neap"]


RUNNING = (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>Log'
           "</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc>"
           "<p>x</p></sourceDesc></fileDesc></teiHeader><text><body>"
           '<div>The ferry left late<note n="7">Fog on the bar.</note> and came back.</div>'
           '<div type="notes"><note n="8">An endnote.</note>\n<note n="9">Another.</note>'
           "</div></body></text></TEI>").encode()


def test_a_note_in_running_text_straight_in_a_division_is_a_footnote() -> None:
    page = lxml.html.document_fromstring(export(parse_bytes(RUNNING), "html"))
    assert page.xpath("//article//sup[contains(@class, 'fn-call')]/a/text()") == ["7"]
    assert len(page.xpath("//article//p[contains(@class, 'endnote')]")) == 2
    text = export(parse_bytes(RUNNING), "text", "reading").decode()
    assert "The ferry left late and came back." in text.replace("[7]", "")


FEATURES = (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>Grammar'
            "</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc>"
            "<p>x</p></sourceDesc></fileDesc></teiHeader><text><body><p>Cases:</p>"
            '<vMerge org="list"><vColl org="set"><symbol value="masculine"/></vColl>'
            '<binary value="true"/></vMerge><fsDecl type="noun"><fsDescr>A noun.</fsDescr>'
            '<fDecl name="case"><vRange><symbol value="nom"/></vRange></fDecl></fsDecl>'
            "<p>Done.</p></body></text></TEI>").encode()


def test_feature_values_and_declarations_alone_are_analysis_like_fs() -> None:
    from teikit.exporter.formats import render
    from teikit.exporter.options import ExportOptions

    for to, view in (("html", "reading"), ("text", "reading")):
        rendered = render(parse_bytes(FEATURES), ExportOptions(to=to, view=view))
        assert not rendered.unruled
        assert "A noun." not in rendered.data.decode()


SPACED_NOTE = (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>Log'
               "</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc>"
               "<p>x</p></sourceDesc></fileDesc></teiHeader><text><body><p>a note<note> on "
               "the tide.</note>at the foot, 名曰<note>毘梨</note>時彼, the end<note>x </note>."
               "</p></body></text></TEI>").encode()


def test_the_space_a_lifted_note_held_stays_between_the_words() -> None:
    text = export(parse_bytes(SPACED_NOTE), "text", "reading").decode()
    assert text.startswith("a note at the foot, 名曰時彼, the end.\n")
